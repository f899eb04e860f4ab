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
        <name>UnitTree</name>
        <message>
            <source>Find a unit (name, pinyin or code)…</source>
            <translation>查找单位（名称、拼音或代码）…</translation>
        </message>
        <message>
            <source>Type a name, pinyin initials such as zzz, or a code; Esc clears.</source>
            <translation>输入名称、拼音首字母（如 zzz）或代码；按 Esc 清除。</translation>
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
        <message>
            <source>Person</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>担任职务</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年度</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Document no.</source>
            <translation>文号</translation>
        </message>
        <message>
            <source>Filed on</source>
            <translation>报备日期</translation>
        </message>
        <message>
            <source>Tasks done</source>
            <translation>已完成任务</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Responsible</source>
            <translation>责任人</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Done on</source>
            <translation>完成日期</translation>
        </message>
        <message>
            <source>Milestone</source>
            <translation>节点</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>期号</translation>
        </message>
        <message>
            <source>Issued on</source>
            <translation>印发日期</translation>
        </message>
        <message>
            <source>Sent to</source>
            <translation>报送对象</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Employer</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>所属单位</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Domain</source>
            <translation>领域</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>参加人数</translation>
        </message>
        <message>
            <source>Led by</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>From</source>
            <translation>起始日期</translation>
        </message>
        <message>
            <source>To</source>
            <translation>终止日期</translation>
        </message>
        <message>
            <source>How</source>
            <translation>产生方式</translation>
        </message>
        <message>
            <source>Visited unit</source>
            <translation>被走访单位</translation>
        </message>
        <message>
            <source>Visitors</source>
            <translation>走访人员</translation>
        </message>
        <message>
            <source>Visiting unit</source>
            <translation>走访单位</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>跟进事项</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Area (m²)</source>
            <translation>面积（平方米）</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>启用日期</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>队伍名称</translation>
        </message>
        <message>
            <source>Leader</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>Founded</source>
            <translation>成立日期</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>人数</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>加入日期</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>会议类型</translation>
        </message>
        <message>
            <source>Term</source>
            <translation>届次</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>区划代码</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Contact person</source>
            <translation>联系人</translation>
        </message>
    </context>
</TS>
