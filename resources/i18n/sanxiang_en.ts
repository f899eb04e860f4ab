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
        <name>UnitTree</name>
        <message>
            <source>Find a unit (name, pinyin or code)…</source>
            <translation>Find a unit (name, pinyin or code)…</translation>
        </message>
        <message>
            <source>Type a name, pinyin initials such as zzz, or a code; Esc clears.</source>
            <translation>Type a name, pinyin initials such as zzz, or a code; Esc clears.</translation>
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
        <message>
            <source>Person</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>Department</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>Job</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Document no.</source>
            <translation>Document no.</translation>
        </message>
        <message>
            <source>Filed on</source>
            <translation>Filed on</translation>
        </message>
        <message>
            <source>Tasks done</source>
            <translation>Tasks done</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>Task</translation>
        </message>
        <message>
            <source>Responsible</source>
            <translation>Responsible</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Done on</source>
            <translation>Done on</translation>
        </message>
        <message>
            <source>Milestone</source>
            <translation>Milestone</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>Issued on</source>
            <translation>Issued on</translation>
        </message>
        <message>
            <source>Sent to</source>
            <translation>Sent to</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>Gender</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Employer</source>
            <translation>Employer</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Domain</source>
            <translation>Domain</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>Participants</translation>
        </message>
        <message>
            <source>Led by</source>
            <translation>Led by</translation>
        </message>
        <message>
            <source>From</source>
            <translation>From</translation>
        </message>
        <message>
            <source>To</source>
            <translation>To</translation>
        </message>
        <message>
            <source>How</source>
            <translation>How</translation>
        </message>
        <message>
            <source>Visited unit</source>
            <translation>Visited unit</translation>
        </message>
        <message>
            <source>Visitors</source>
            <translation>Visitors</translation>
        </message>
        <message>
            <source>Visiting unit</source>
            <translation>Visiting unit</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>Follow-ups</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Area (m²)</source>
            <translation>Area (m²)</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Opened</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>Leader</source>
            <translation>Leader</translation>
        </message>
        <message>
            <source>Founded</source>
            <translation>Founded</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>Joined</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Term</source>
            <translation>Term</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Contact person</source>
            <translation>Contact person</translation>
        </message>
    </context>
</TS>
