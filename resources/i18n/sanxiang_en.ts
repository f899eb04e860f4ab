<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>ListView</name>
        <message>
            <source>{count} rows</source>
            <translation>{count} rows</translation>
        </message>
        <message>
            <source>Filter…</source>
            <translation>Filter…</translation>
        </message>
        <message>
            <source>Type to filter the list; Esc clears the filter.</source>
            <translation>Type to filter the list; Esc clears the filter.</translation>
        </message>
    </context>
    <context>
        <name>ProgressDialog</name>
        <message>
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>The details were written to the log file {path}.</source>
            <translation>The details were written to the log file {path}.</translation>
        </message>
        <message>
            <source>Open Log Folder</source>
            <translation>Open Log Folder</translation>
        </message>
        <message>
            <source>Unexpected Error</source>
            <translation>Unexpected Error</translation>
        </message>
        <message>
            <source>{count} more errors occurred at the same time.</source>
            <translation>{count} more errors occurred at the same time.</translation>
        </message>
        <message>
            <source>An unexpected error occurred; the last operation may not have been completed.

Check whether your last change was saved, then try again. If the error happens again, restart the program and send the log file to your technical support.</source>
            <translation>An unexpected error occurred; the last operation may not have been completed.

Check whether your last change was saved, then try again. If the error happens again, restart the program and send the log file to your technical support.</translation>
        </message>
    </context>
    <context>
        <name>columns</name>
    </context>
</TS>
