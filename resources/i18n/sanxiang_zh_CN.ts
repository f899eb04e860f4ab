<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>ListView</name>
        <message>
            <source>{count} rows</source>
            <translation>共 {count} 条</translation>
        </message>
        <message>
            <source>Filter…</source>
            <translation>筛选…</translation>
        </message>
        <message>
            <source>Type to filter the list; Esc clears the filter.</source>
            <translation>输入文字即可筛选列表；按 Esc 清除筛选。</translation>
        </message>
    </context>
    <context>
        <name>ProgressDialog</name>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>The details were written to the log file {path}.</source>
            <translation>详细信息已写入日志文件 {path}。</translation>
        </message>
        <message>
            <source>Open Log Folder</source>
            <translation>打开日志文件夹</translation>
        </message>
        <message>
            <source>Unexpected Error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <source>{count} more errors occurred at the same time.</source>
            <translation>同时还发生了 {count} 个错误。</translation>
        </message>
        <message>
            <source>An unexpected error occurred; the last operation may not have been completed.

Check whether your last change was saved, then try again. If the error happens again, restart the program and send the log file to your technical support.</source>
            <translation>程序发生了意外错误，刚才的操作可能没有完成。

请检查刚才的修改是否已保存，然后再试一次。如果再次出现此错误，请重新启动程序，并把日志文件发给技术支持人员。</translation>
        </message>
    </context>
    <context>
        <name>columns</name>
    </context>
</TS>
