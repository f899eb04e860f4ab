<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Attachments of the Selected Activity</source>
            <translation>Attachments of the Selected Activity</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Activities</translation>
        </message>
    </context>
    <context>
        <name>AssociationPage</name>
        <message>
            <source>Science Association</source>
            <translation>Science Association</translation>
        </message>
        <message>
            <source>&amp;Edit Association Details</source>
            <translation>&amp;Edit Association Details</translation>
        </message>
        <message>
            <source>&amp;Add Meeting</source>
            <translation>&amp;Add Meeting</translation>
        </message>
        <message>
            <source>Plenary Sessions and Elections</source>
            <translation>Plenary Sessions and Elections</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsPanel</name>
        <message>
            <source>Add &amp;Photos…</source>
            <translation>Add &amp;Photos…</translation>
        </message>
        <message>
            <source>Add Si&amp;gn-in Sheet…</source>
            <translation>Add Si&amp;gn-in Sheet…</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Open</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <source>&amp;Keep Original</source>
            <translation>&amp;Keep Original</translation>
        </message>
        <message>
            <source>Store photos as they are, without scaling them down</source>
            <translation>Store photos as they are, without scaling them down</translation>
        </message>
        <message>
            <source>Add Photos</source>
            <translation>Add Photos</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</source>
            <translation>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</translation>
        </message>
        <message>
            <source>Add Sign-in Sheet</source>
            <translation>Add Sign-in Sheet</translation>
        </message>
        <message>
            <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
            <translation>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
        </message>
        <message>
            <source>{count} attachments</source>
            <translation>{count} attachments</translation>
        </message>
        <message>
            <source>{name}: the file cannot be read; nothing was added.</source>
            <translation>{name}: the file cannot be read; nothing was added.</translation>
        </message>
    </context>
    <context>
        <name>BulletinsPage</name>
        <message>
            <source>Bulletins</source>
            <translation>Bulletins</translation>
        </message>
    </context>
    <context>
        <name>Checklist</name>
        <message>
            <source>Click to open the records behind this line.</source>
            <translation>Click to open the records behind this line.</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Science association established</source>
            <translation>Science association established</translation>
        </message>
        <message>
            <source>No science association established yet</source>
            <translation>No science association established yet</translation>
        </message>
        <message>
            <source>The three key persons</source>
            <translation>The three key persons</translation>
        </message>
        <message>
            <source>Hospital head serves as vice-chair</source>
            <translation>Hospital head serves as vice-chair</translation>
        </message>
        <message>
            <source>School principal serves as vice-chair</source>
            <translation>School principal serves as vice-chair</translation>
        </message>
        <message>
            <source>Agricultural station head serves as vice-chair</source>
            <translation>Agricultural station head serves as vice-chair</translation>
        </message>
        <message>
            <source>Guidance from the upper level</source>
            <translation>Guidance from the upper level</translation>
        </message>
        <message>
            <source>Visited by the upper level {count} times this year, last on {date}</source>
            <translation>Visited by the upper level {count} times this year, last on {date}</translation>
        </message>
        <message>
            <source>Not yet visited by the upper level this year</source>
            <translation>Not yet visited by the upper level this year</translation>
        </message>
        <message>
            <source>Activities in {year}</source>
            <translation>Activities in {year}</translation>
        </message>
        <message>
            <source>{domain}: {count} activities (target {low}–{high})</source>
            <translation>{domain}: {count} activities (target {low}–{high})</translation>
        </message>
        <message>
            <source>{domain}: {count} activities</source>
            <translation>{domain}: {count} activities</translation>
        </message>
        <message>
            <source>Villages and communities</source>
            <translation>Villages and communities</translation>
        </message>
        <message>
            <source>Villages and communities with a designated contact: {n} of {m}</source>
            <translation>Villages and communities with a designated contact: {n} of {m}</translation>
        </message>
        <message>
            <source>The four shortages</source>
            <translation>The four shortages</translation>
        </message>
        <message>
            <source>Data packages</source>
            <translation>Data packages</translation>
        </message>
        <message>
            <source>Last data package received on {date}</source>
            <translation>Last data package received on {date}</translation>
        </message>
        <message>
            <source>No data package received yet</source>
            <translation>No data package received yet</translation>
        </message>
        <message>
            <source>Term dates not entered</source>
            <translation>Term dates not entered</translation>
        </message>
        <message>
            <source>Term ended on {date}: re-election is overdue</source>
            <translation>Term ended on {date}: re-election is overdue</translation>
        </message>
        <message>
            <source>Term ends on {date}: re-election is due soon</source>
            <translation>Term ends on {date}: re-election is due soon</translation>
        </message>
        <message>
            <source>Current term ends on {date}</source>
            <translation>Current term ends on {date}</translation>
        </message>
        <message>
            <source>Staff quota: {value}</source>
            <translation>Staff quota: {value}</translation>
        </message>
        <message>
            <source>No staff quota</source>
            <translation>No staff quota</translation>
        </message>
        <message>
            <source>Staff: {value}</source>
            <translation>Staff: {value}</translation>
        </message>
        <message>
            <source>No staff</source>
            <translation>No staff</translation>
        </message>
        <message>
            <source>Funding: {value} yuan a year</source>
            <translation>Funding: {value} yuan a year</translation>
        </message>
        <message>
            <source>No funding</source>
            <translation>No funding</translation>
        </message>
        <message>
            <source>Premises: {value} m²</source>
            <translation>Premises: {value} m²</translation>
        </message>
        <message>
            <source>No premises</source>
            <translation>No premises</translation>
        </message>
        <message>
            <source>: not entered</source>
            <translation>: not entered</translation>
        </message>
        <message>
            <source>Staff quota</source>
            <translation>Staff quota</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>Funding</source>
            <translation>Funding</translation>
        </message>
        <message>
            <source>Premises</source>
            <translation>Premises</translation>
        </message>
    </context>
    <context>
        <name>ChildrenPanel</name>
        <message>
            <source>Packages received from each unit below. Send a receipt after importing: it tells the unit what arrived, and its next package starts from there.</source>
            <translation>Packages received from each unit below. Send a receipt after importing: it tells the unit what arrived, and its next package starts from there.</translation>
        </message>
        <message>
            <source>Write &amp;Receipt…</source>
            <translation>Write &amp;Receipt…</translation>
        </message>
        <message>
            <source>Send Reference &amp;Data…</source>
            <translation>Send Reference &amp;Data…</translation>
        </message>
        <message>
            <source>Enrolment File for a &amp;New Installation…</source>
            <translation>Enrolment File for a &amp;New Installation…</translation>
        </message>
        <message>
            <source>Tell the selected unit which of its packages arrived</source>
            <translation>Tell the selected unit which of its packages arrived</translation>
        </message>
        <message>
            <source>Villages, deadlines and the upper levels' keys for the selected unit</source>
            <translation>Villages, deadlines and the upper levels' keys for the selected unit</translation>
        </message>
        <message>
            <source>For setting up the program at the selected unit: its first package is then accepted without asking</source>
            <translation>For setting up the program at the selected unit: its first package is then accepted without asking</translation>
        </message>
        <message>
            <source>Return for Correc&amp;tion…</source>
            <translation>Return for Correc&amp;tion…</translation>
        </message>
        <message>
            <source>Send a record received from the selected unit back to the unit that entered it, with the reason, in the next receipt</source>
            <translation>Send a record received from the selected unit back to the unit that entered it, with the reason, in the next receipt</translation>
        </message>
        <message>
            <source>Unit below</source>
            <translation>Unit below</translation>
        </message>
        <message>
            <source>Last package received</source>
            <translation>Last package received</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Receipt due for</source>
            <translation>Receipt due for</translation>
        </message>
        <message>
            <source>Last receipt</source>
            <translation>Last receipt</translation>
        </message>
        <message>
            <source>No. {seq}</source>
            <translation>No. {seq}</translation>
        </message>
        <message>
            <source>No. {numbers}</source>
            <translation>No. {numbers}</translation>
        </message>
        <message>
            <source>Folder for the Receipt</source>
            <translation>Folder for the Receipt</translation>
        </message>
        <message>
            <source>Folder for the Reference Data</source>
            <translation>Folder for the Reference Data</translation>
        </message>
        <message>
            <source>Folder for the Enrolment File</source>
            <translation>Folder for the Enrolment File</translation>
        </message>
        <message>
            <source>Writing the file…</source>
            <translation>Writing the file…</translation>
        </message>
        <message>
            <source>Receipt for {name} written: {files}</source>
            <translation>Receipt for {name} written: {files}</translation>
        </message>
        <message>
            <source>Reference data for {name} written: {files}</source>
            <translation>Reference data for {name} written: {files}</translation>
        </message>
        <message>
            <source>Enrolment file for {name} written: {files}. Set up the new installation with it and read this computer's key fingerprint {fingerprint} to its clerk to compare.</source>
            <translation>Enrolment file for {name} written: {files}. Set up the new installation with it and read this computer's key fingerprint {fingerprint} to its clerk to compare.</translation>
        </message>
    </context>
    <context>
        <name>ClerkPage</name>
        <message>
            <source>The Clerk</source>
            <translation>The Clerk</translation>
        </message>
        <message>
            <source>Your name is written beside every change you save.</source>
            <translation>Your name is written beside every change you save.</translation>
        </message>
        <message>
            <source>Your &amp;name:</source>
            <translation>Your &amp;name:</translation>
        </message>
        <message>
            <source>Unit: {path}</source>
            <translation>Unit: {path}</translation>
        </message>
        <message>
            <source>Enrolled under {parent}; its key fingerprint is {fingerprint}.</source>
            <translation>Enrolled under {parent}; its key fingerprint is {fingerprint}.</translation>
        </message>
        <message>
            <source>The database will be saved as {path}</source>
            <translation>The database will be saved as {path}</translation>
        </message>
    </context>
    <context>
        <name>ConflictsPanel</name>
        <message>
            <source>The same record was changed in two places. The newer version is in use; check the differences and keep the right one.</source>
            <translation>The same record was changed in two places. The newer version is in use; check the differences and keep the right one.</translation>
        </message>
        <message>
            <source>Keep &amp;Local Version</source>
            <translation>Keep &amp;Local Version</translation>
        </message>
        <message>
            <source>&amp;Use Incoming Version</source>
            <translation>&amp;Use Incoming Version</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Came from</source>
            <translation>Came from</translation>
        </message>
        <message>
            <source>Local version</source>
            <translation>Local version</translation>
        </message>
        <message>
            <source>Incoming version</source>
            <translation>Incoming version</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>In use</translation>
        </message>
        <message>
            <source>Differences</source>
            <translation>Differences</translation>
        </message>
        <message>
            <source>(changed)</source>
            <translation>(changed)</translation>
        </message>
        <message>
            <source>deleted in one version</source>
            <translation>deleted in one version</translation>
        </message>
        <message>
            <source>Local</source>
            <translation>Local</translation>
        </message>
        <message>
            <source>Incoming</source>
            <translation>Incoming</translation>
        </message>
        <message>
            <source>Conflict resolved.</source>
            <translation>Conflict resolved.</translation>
        </message>
    </context>
    <context>
        <name>CorrectionsPanel</name>
        <message>
            <source>Records the upper level returned for correction. Editing the record takes it off this list; the corrected record goes up with the next package.</source>
            <translation>Records the upper level returned for correction. Editing the record takes it off this list; the corrected record goes up with the next package.</translation>
        </message>
        <message>
            <source>Op&amp;en Record</source>
            <translation>Op&amp;en Record</translation>
        </message>
        <message>
            <source>Dis&amp;miss</source>
            <translation>Dis&amp;miss</translation>
        </message>
        <message>
            <source>Record type</source>
            <translation>Record type</translation>
        </message>
        <message>
            <source>Record title</source>
            <translation>Record title</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Returned by</source>
            <translation>Returned by</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
    </context>
    <context>
        <name>CountyCard</name>
        <message>
            <source>Enter or a click opens {county}</source>
            <translation>Enter or a click opens {county}</translation>
        </message>
        <message>
            <source>Milestones: none set</source>
            <translation>Milestones: none set</translation>
        </message>
        <message>
            <source>Leading group set up</source>
            <translation>Leading group set up</translation>
        </message>
        <message>
            <source>No leading group</source>
            <translation>No leading group</translation>
        </message>
        <message>
            <source>Work plan filed</source>
            <translation>Work plan filed</translation>
        </message>
        <message>
            <source>Work plan not filed</source>
            <translation>Work plan not filed</translation>
        </message>
        <message>
            <source>Milestones: {late} late</source>
            <translation>Milestones: {late} late</translation>
        </message>
        <message>
            <source>Milestones: {done}/{total} on time</source>
            <translation>Milestones: {done}/{total} on time</translation>
        </message>
        <message>
            <source>{done} of {total} milestones met on time, {late} late or overdue, {pending} not yet due</source>
            <translation>{done} of {total} milestones met on time, {late} late or overdue, {pending} not yet due</translation>
        </message>
    </context>
    <context>
        <name>DashboardModel</name>
        <message>
            <source>Key persons</source>
            <translation>Key persons</translation>
        </message>
        <message>
            <source>County/district</source>
            <translation>County/district</translation>
        </message>
        <message>
            <source>Township/street</source>
            <translation>Township/street</translation>
        </message>
        <message>
            <source>Association set up</source>
            <translation>Association set up</translation>
        </message>
        <message>
            <source>Upper-level visits</source>
            <translation>Upper-level visits</translation>
        </message>
        <message>
            <source>Term ends on</source>
            <translation>Term ends on</translation>
        </message>
        <message>
            <source>Villages with contact</source>
            <translation>Villages with contact</translation>
        </message>
        <message>
            <source>Four shortages</source>
            <translation>Four shortages</translation>
        </message>
        <message>
            <source>Last package</source>
            <translation>Last package</translation>
        </message>
        <message>
            <source>Activities this year in this domain; the line marks the target of {low}–{high}.</source>
            <translation>Activities this year in this domain; the line marks the target of {low}–{high}.</translation>
        </message>
        <message>
            <source>Click to see the township's own checklist.</source>
            <translation>Click to see the township's own checklist.</translation>
        </message>
        <message>
            <source>Science association established</source>
            <translation>Science association established</translation>
        </message>
        <message>
            <source>The three key persons (hospital, school, agricultural station) serving as vice-chairs</source>
            <translation>The three key persons (hospital, school, agricultural station) serving as vice-chairs</translation>
        </message>
        <message>
            <source>Visits by the upper-level association this year</source>
            <translation>Visits by the upper-level association this year</translation>
        </message>
        <message>
            <source>End of the current term: yellow when due within 90 days, red when overdue</source>
            <translation>End of the current term: yellow when due within 90 days, red when overdue</translation>
        </message>
        <message>
            <source>Villages and communities with a designated contact person</source>
            <translation>Villages and communities with a designated contact person</translation>
        </message>
        <message>
            <source>The four shortages: staff quota, staff, funding, premises</source>
            <translation>The four shortages: staff quota, staff, funding, premises</translation>
        </message>
        <message>
            <source>Date of the last data package received from the unit</source>
            <translation>Date of the last data package received from the unit</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>not entered</source>
            <translation>not entered</translation>
        </message>
        <message>
            <source>quota</source>
            <translation>quota</translation>
        </message>
        <message>
            <source>staff</source>
            <translation>staff</translation>
        </message>
        <message>
            <source>funds</source>
            <translation>funds</translation>
        </message>
        <message>
            <source>premises</source>
            <translation>premises</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>Hospital head</source>
            <translation>Hospital head</translation>
        </message>
        <message>
            <source>School principal</source>
            <translation>School principal</translation>
        </message>
        <message>
            <source>Agricultural station head</source>
            <translation>Agricultural station head</translation>
        </message>
        <message>
            <source>{count} activities ({total} in all domains, {other} other); target {low}–{high}</source>
            <translation>{count} activities ({total} in all domains, {other} other); target {low}–{high}</translation>
        </message>
        <message>
            <source>Last visit: {date}</source>
            <translation>Last visit: {date}</translation>
        </message>
        <message>
            <source>No visit this year</source>
            <translation>No visit this year</translation>
        </message>
        <message>
            <source>Staff quota {quota}, staff {staff}, funding {funding} yuan a year, premises {area} m²</source>
            <translation>Staff quota {quota}, staff {staff}, funding {funding} yuan a year, premises {area} m²</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Statistics</source>
            <translation>Statistics</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Counting…</translation>
        </message>
        <message>
            <source>Figures as of {date}</source>
            <translation>Figures as of {date}</translation>
        </message>
        <message>
            <source>{name}: {year} checklist</source>
            <translation>{name}: {year} checklist</translation>
        </message>
        <message>
            <source>There are no statistics for a village or community.</source>
            <translation>There are no statistics for a village or community.</translation>
        </message>
        <message>
            <source>{name}: {year}, {count} townships</source>
            <translation>{name}: {year}, {count} townships</translation>
        </message>
        <message>
            <source>All counties</source>
            <translation>All counties</translation>
        </message>
        <message>
            <source>&amp;County:</source>
            <translation>&amp;County:</translation>
        </message>
    </context>
    <context>
        <name>DocumentActions</name>
        <message>
            <source>Full ID Numbers and Phones</source>
            <translation>Full ID Numbers and Phones</translation>
        </message>
        <message>
            <source>Print Preview…</source>
            <translation>Print Preview…</translation>
        </message>
        <message>
            <source>Save List as PDF…</source>
            <translation>Save List as PDF…</translation>
        </message>
        <message>
            <source>Export Ledger to Excel…</source>
            <translation>Export Ledger to Excel…</translation>
        </message>
        <message>
            <source>Import from Excel or CSV…</source>
            <translation>Import from Excel or CSV…</translation>
        </message>
        <message>
            <source>Print Form: {form}…</source>
            <translation>Print Form: {form}…</translation>
        </message>
        <message>
            <source>Print/Export</source>
            <translation>Print/Export</translation>
        </message>
        <message>
            <source>Cannot Print or Export</source>
            <translation>Cannot Print or Export</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>Saved {path}</translation>
        </message>
        <message>
            <source>Print Form</source>
            <translation>Print Form</translation>
        </message>
        <message>
            <source>Select a person first.</source>
            <translation>Select a person first.</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>Rows written: {n}</source>
            <translation>Rows written: {n}</translation>
        </message>
        <message>
            <source>Exporting to Excel…</source>
            <translation>Exporting to Excel…</translation>
        </message>
        <message>
            <source>Exported {n} rows to {path}</source>
            <translation>Exported {n} rows to {path}</translation>
        </message>
        <message>
            <source>Export List to Excel…</source>
            <translation>Export List to Excel…</translation>
        </message>
        <message>
            <source>Print/E&amp;xport</source>
            <translation>Print/E&amp;xport</translation>
        </message>
    </context>
    <context>
        <name>DuplicatePrompt</name>
        <message>
            <source>Possible Duplicate</source>
            <translation>Possible Duplicate</translation>
        </message>
        <message>
            <source>&amp;Use Existing Person</source>
            <translation>&amp;Use Existing Person</translation>
        </message>
        <message>
            <source>&amp;Add Anyway</source>
            <translation>&amp;Add Anyway</translation>
        </message>
        <message>
            <source>This person may already be in the roster:</source>
            <translation>This person may already be in the roster:</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesPanel</name>
        <message>
            <source>I&amp;gnore</source>
            <translation>I&amp;gnore</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>First person</source>
            <translation>First person</translation>
        </message>
        <message>
            <source>Other person</source>
            <translation>Other person</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>Found</translation>
        </message>
        <message>
            <source>Two records that may be one person: the same ID number, or the same name (however it is written) and birth date. Ask the unit that entered the wrong one to correct it; dismiss the entry once checked.</source>
            <translation>Two records that may be one person: the same ID number, or the same name (however it is written) and birth date. Ask the unit that entered the wrong one to correct it; dismiss the entry once checked.</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Same ID number</source>
            <translation>Same ID number</translation>
        </message>
        <message>
            <source>Same name and birth date</source>
            <translation>Same name and birth date</translation>
        </message>
    </context>
    <context>
        <name>ExchangePage</name>
        <message>
            <source>Data Exchange</source>
            <translation>Data Exchange</translation>
        </message>
        <message>
            <source>E&amp;xport Package for the Upper Level…</source>
            <translation>E&amp;xport Package for the Upper Level…</translation>
        </message>
        <message>
            <source>Write every change the upper level has not confirmed yet into one file, e.g. on a USB stick</source>
            <translation>Write every change the upper level has not confirmed yet into one file, e.g. on a USB stick</translation>
        </message>
        <message>
            <source>&amp;Import Packages…</source>
            <translation>&amp;Import Packages…</translation>
        </message>
        <message>
            <source>Data packages from units below, receipts and reference data from the upper level</source>
            <translation>Data packages from units below, receipts and reference data from the upper level</translation>
        </message>
        <message>
            <source>Reporting to the Upper Level</source>
            <translation>Reporting to the Upper Level</translation>
        </message>
        <message>
            <source>This computer's key fingerprint:</source>
            <translation>This computer's key fingerprint:</translation>
        </message>
        <message>
            <source>The data exchange page could not be loaded.</source>
            <translation>The data exchange page could not be loaded.</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Units &amp;Below</source>
            <translation>Units &amp;Below</translation>
        </message>
        <message>
            <source>Hist&amp;ory</source>
            <translation>Hist&amp;ory</translation>
        </message>
        <message>
            <source>&amp;Conflicts ({count})</source>
            <translation>&amp;Conflicts ({count})</translation>
        </message>
        <message>
            <source>Duplicate &amp;People ({count})</source>
            <translation>Duplicate &amp;People ({count})</translation>
        </message>
        <message>
            <source>Correction&amp;s Due ({count})</source>
            <translation>Correction&amp;s Due ({count})</translation>
        </message>
        <message>
            <source>This unit is the top level: it sends no packages upward.</source>
            <translation>This unit is the top level: it sends no packages upward.</translation>
        </message>
        <message>
            <source>Packages sent up to no. {seq}; not yet acknowledged: no. {numbers}.</source>
            <translation>Packages sent up to no. {seq}; not yet acknowledged: no. {numbers}.</translation>
        </message>
        <message>
            <source>Packages sent up to no. {seq}, all acknowledged.</source>
            <translation>Packages sent up to no. {seq}, all acknowledged.</translation>
        </message>
        <message>
            <source>Nothing has been sent to {name} yet.</source>
            <translation>Nothing has been sent to {name} yet.</translation>
        </message>
        <message>
            <source>{name} rejected package {seq}: {reason}</source>
            <translation>{name} rejected package {seq}: {reason}</translation>
        </message>
        <message>
            <source>{name} is missing package {numbers}: export again, the next package covers it.</source>
            <translation>{name} is missing package {numbers}: export again, the next package covers it.</translation>
        </message>
        <message>
            <source>The file could not be written or read: {error}

Check that the USB stick is plugged in and has free space, then try again.</source>
            <translation>The file could not be written or read: {error}

Check that the USB stick is plugged in and has free space, then try again.</translation>
        </message>
        <message>
            <source>Folder for the Package (e.g. the USB Stick)</source>
            <translation>Folder for the Package (e.g. the USB Stick)</translation>
        </message>
        <message>
            <source>Writing the package…</source>
            <translation>Writing the package…</translation>
        </message>
        <message>
            <source>Package no. {seq} written: {files} (check code {code})</source>
            <translation>Package no. {seq} written: {files} (check code {code})</translation>
        </message>
        <message>
            <source>Packages to Import</source>
            <translation>Packages to Import</translation>
        </message>
        <message>
            <source>Checking the packages…</source>
            <translation>Checking the packages…</translation>
        </message>
        <message>
            <source>{count} package(s) imported.</source>
            <translation>{count} package(s) imported.</translation>
        </message>
        <message>
            <source>Package files (.sxpkg, or a .zip holding them) can also be dragged onto this page.</source>
            <translation>Package files (.sxpkg, or a .zip holding them) can also be dragged onto this page.</translation>
        </message>
        <message>
            <source>Packages (*.sxpkg *.zip);;All files (*)</source>
            <translation>Packages (*.sxpkg *.zip);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>ExportDoneDialog</name>
        <message>
            <source>Package Written</source>
            <translation>Package Written</translation>
        </message>
        <message>
            <source>Data package no. {seq} for {recipient} was written with {total} records.</source>
            <translation>Data package no. {seq} for {recipient} was written with {total} records.</translation>
        </message>
        <message>
            <source>Check code:</source>
            <translation>Check code:</translation>
        </message>
        <message>
            <source>Hand the file over together with the printed transmittal slip, and read the check code to the clerk of {recipient} over the phone: after importing, their screen shows the same code.</source>
            <translation>Hand the file over together with the printed transmittal slip, and read the check code to the clerk of {recipient} over the phone: after importing, their screen shows the same code.</translation>
        </message>
        <message>
            <source>Note: this computer does not hold the key of {recipient} yet, so the package is not encrypted. Import a receipt or reference data from {recipient} first; until then keep the file safe.</source>
            <translation>Note: this computer does not hold the key of {recipient} yet, so the package is not encrypted. Import a receipt or reference data from {recipient} first; until then keep the file safe.</translation>
        </message>
        <message>
            <source>&amp;Print Slip…</source>
            <translation>&amp;Print Slip…</translation>
        </message>
        <message>
            <source>&amp;Save Slip as PDF…</source>
            <translation>&amp;Save Slip as PDF…</translation>
        </message>
        <message>
            <source>Slip-{name}.pdf</source>
            <translation>Slip-{name}.pdf</translation>
        </message>
        <message>
            <source>Save Transmittal Slip</source>
            <translation>Save Transmittal Slip</translation>
        </message>
        <message>
            <source>The slip could not be saved: {error}</source>
            <translation>The slip could not be saved: {error}</translation>
        </message>
        <message>
            <source>Slip saved to {path}</source>
            <translation>Slip saved to {path}</translation>
        </message>
    </context>
    <context>
        <name>FirstStartWizard</name>
        <message>
            <source>Welcome</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <source>Enrolment File</source>
            <translation>Enrolment File</translation>
        </message>
        <message>
            <source>This version of the program cannot read enrolment files yet.

Choose your unit from the list instead; the enrolment file can be imported later.</source>
            <translation>This version of the program cannot read enrolment files yet.

Choose your unit from the list instead; the enrolment file can be imported later.</translation>
        </message>
        <message>
            <source>Open Enrolment File</source>
            <translation>Open Enrolment File</translation>
        </message>
        <message>
            <source>Enrolment files (*.sxpkg);;All files (*)</source>
            <translation>Enrolment files (*.sxpkg);;All files (*)</translation>
        </message>
        <message>
            <source>Enrolment file from {parent}. Compare its key fingerprint by phone: {fingerprint}</source>
            <translation>Enrolment file from {parent}. Compare its key fingerprint by phone: {fingerprint}</translation>
        </message>
        <message>
            <source>Reading the enrolment file failed.</source>
            <translation>Reading the enrolment file failed.</translation>
        </message>
        <message>
            <source>The file could not be read as an enrolment file: {error}</source>
            <translation>The file could not be read as an enrolment file: {error}</translation>
        </message>
        <message>
            <source>The Database Was Not Created</source>
            <translation>The Database Was Not Created</translation>
        </message>
        <message>
            <source>Creating the database failed.</source>
            <translation>Creating the database failed.</translation>
        </message>
    </context>
    <context>
        <name>FormActions</name>
        <message>
            <source>Print Form: {form}…</source>
            <translation>Print Form: {form}…</translation>
        </message>
        <message>
            <source>Save as Word: {form}…</source>
            <translation>Save as Word: {form}…</translation>
        </message>
        <message>
            <source>Export Ledger to Excel…</source>
            <translation>Export Ledger to Excel…</translation>
        </message>
        <message>
            <source>Cannot Print or Export</source>
            <translation>Cannot Print or Export</translation>
        </message>
        <message>
            <source>Save as Word</source>
            <translation>Save as Word</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>Word documents (*.docx)</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>Exporting to Excel…</source>
            <translation>Exporting to Excel…</translation>
        </message>
    </context>
    <context>
        <name>HistoryPanel</name>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Direction</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Other unit</source>
            <translation>Other unit</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>Records</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Acknowledged</source>
            <translation>Acknowledged</translation>
        </message>
        <message>
            <source>Waiting for the receipt</source>
            <translation>Waiting for the receipt</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>Written</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>Imported: {new} new, {updated} updated, {unchanged} unchanged, {conflicts} conflicts</source>
            <translation>Imported: {new} new, {updated} updated, {unchanged} unchanged, {conflicts} conflicts</translation>
        </message>
        <message>
            <source> (delivered again {times}×)</source>
            <translation> (delivered again {times}×)</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Written by the sender at {time}</source>
            <translation>Written by the sender at {time}</translation>
        </message>
        <message>
            <source>Acknowledges up to package {seq}</source>
            <translation>Acknowledges up to package {seq}</translation>
        </message>
    </context>
    <context>
        <name>HomeUnitPage</name>
        <message>
            <source>Your Unit</source>
            <translation>Your Unit</translation>
        </message>
        <message>
            <source>Choose the unit this computer serves: a township or street, a county or district, or the city. Type part of its name, its pinyin initials (zzz for 掌政镇) or its code.</source>
            <translation>Choose the unit this computer serves: a township or street, a county or district, or the city. Type part of its name, its pinyin initials (zzz for 掌政镇) or its code.</translation>
        </message>
        <message>
            <source>Name, pinyin or code…</source>
            <translation>Name, pinyin or code…</translation>
        </message>
        <message>
            <source>Or, if the upper level gave you an enrolment file:</source>
            <translation>Or, if the upper level gave you an enrolment file:</translation>
        </message>
        <message>
            <source>Open &amp;Enrolment File…</source>
            <translation>Open &amp;Enrolment File…</translation>
        </message>
        <message>
            <source>Or, in an office with a database server, connect to the office server instead of keeping the data on this computer (the password comes from the PostgreSQL password file, never from here):</source>
            <translation>Or, in an office with a database server, connect to the office server instead of keeping the data on this computer (the password comes from the PostgreSQL password file, never from here):</translation>
        </message>
        <message>
            <source>Connect to the &amp;Office Server</source>
            <translation>Connect to the &amp;Office Server</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import Packages</source>
            <translation>Import Packages</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Sender</source>
            <translation>Sender</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Updated</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Unchanged</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <source>Check code</source>
            <translation>Check code</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Imported before ({date})</source>
            <translation>Imported before ({date})</translation>
        </message>
        <message>
            <source>Cannot be imported: {reason}</source>
            <translation>Cannot be imported: {reason}</translation>
        </message>
        <message>
            <source>Rejected: {reason}</source>
            <translation>Rejected: {reason}</translation>
        </message>
        <message>
            <source>New sender: its fingerprint is compared when importing</source>
            <translation>New sender: its fingerprint is compared when importing</translation>
        </message>
        <message>
            <source>Not imported: the sender was not confirmed</source>
            <translation>Not imported: the sender was not confirmed</translation>
        </message>
        <message>
            <source>Ready to import</source>
            <translation>Ready to import</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>: {message}</source>
            <translation>: {message}</translation>
        </message>
        <message>
            <source>; package {numbers} missing</source>
            <translation>; package {numbers} missing</translation>
        </message>
        <message>
            <source>Import finished: {applied} of {total} packages imported.</source>
            <translation>Import finished: {applied} of {total} packages imported.</translation>
        </message>
        <message>
            <source>Nothing has been imported yet. Check the list (compare the check codes with the transmittal slips), then press Import.</source>
            <translation>Nothing has been imported yet. Check the list (compare the check codes with the transmittal slips), then press Import.</translation>
        </message>
        <message>
            <source>There is nothing to import in these files.</source>
            <translation>There is nothing to import in these files.</translation>
        </message>
        <message>
            <source>Importing packages…</source>
            <translation>Importing packages…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>Importing the packages failed.</source>
            <translation>Importing the packages failed.</translation>
        </message>
        <message>
            <source>Import {what}</source>
            <translation>Import {what}</translation>
        </message>
        <message>
            <source>Choose File…</source>
            <translation>Choose File…</translation>
        </message>
        <message>
            <source>Save Template…</source>
            <translation>Save Template…</translation>
        </message>
        <message>
            <source>Choose an .xlsx or .csv file. Nothing is imported before you confirm.</source>
            <translation>Choose an .xlsx or .csv file. Nothing is imported before you confirm.</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Import the Good Rows Only</source>
            <translation>Import the Good Rows Only</translation>
        </message>
        <message>
            <source>Choose File</source>
            <translation>Choose File</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
            <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
        </message>
        <message>
            <source>Save Template</source>
            <translation>Save Template</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>Checking the file…</source>
            <translation>Checking the file…</translation>
        </message>
        <message>
            <source>Cannot Import</source>
            <translation>Cannot Import</translation>
        </message>
        <message>
            <source>New: {new}, updated: {update}, unchanged: {unchanged}, duplicates (skipped): {duplicate}, with errors: {error}.</source>
            <translation>New: {new}, updated: {update}, unchanged: {unchanged}, duplicates (skipped): {duplicate}, with errors: {error}.</translation>
        </message>
        <message>
            <source>The rows with errors are marked in red in {path}: correct them there and import that file, or import the good rows only.</source>
            <translation>The rows with errors are marked in red in {path}: correct them there and import that file, or import the good rows only.</translation>
        </message>
        <message>
            <source>; {count} record(s) refused: the sender may not change them</source>
            <translation>; {count} record(s) refused: the sender may not change them</translation>
        </message>
        <message>
            <source>; the clock of {units} is ahead</source>
            <translation>; the clock of {units} is ahead</translation>
        </message>
    </context>
    <context>
        <name>KeySlotBar</name>
        <message>
            <source>vacant</source>
            <translation>vacant</translation>
        </message>
    </context>
    <context>
        <name>Launcher</name>
        <message>
            <source>Creating demo data: {unit} ({done} of {total})</source>
            <translation>Creating demo data: {unit} ({done} of {total})</translation>
        </message>
        <message>
            <source>Creating Demo Data</source>
            <translation>Creating Demo Data</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>Opening the database…</translation>
        </message>
        <message>
            <source>The Database Cannot Be Opened</source>
            <translation>The Database Cannot Be Opened</translation>
        </message>
        <message>
            <source>Restore the database from one of its backups?</source>
            <translation>Restore the database from one of its backups?</translation>
        </message>
        <message>
            <source>{path} has not been set up for a unit. Start the program without --db to set up a new database, or choose another file.</source>
            <translation>{path} has not been set up for a unit. Start the program without --db to set up a new database, or choose another file.</translation>
        </message>
        <message>
            <source>Opening {path} failed.</source>
            <translation>Opening {path} failed.</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>Restoring the backup…</translation>
        </message>
        <message>
            <source>Please note</source>
            <translation>Please note</translation>
        </message>
        <message>
            <source>The database is damaged</source>
            <translation>The database is damaged</translation>
        </message>
        <message>
            <source>The full check of the database found damage. Do not export packages; restore the latest backup (Settings → Backups).</source>
            <translation>The full check of the database found damage. Do not export packages; restore the latest backup (Settings → Backups).</translation>
        </message>
    </context>
    <context>
        <name>LeadershipPage</name>
        <message>
            <source>&amp;Appoint</source>
            <translation>&amp;Appoint</translation>
        </message>
        <message>
            <source>End &amp;Post</source>
            <translation>End &amp;Post</translation>
        </message>
        <message>
            <source>The selected person leaves the post (离任) on a date you enter</source>
            <translation>The selected person leaves the post (离任) on a date you enter</translation>
        </message>
        <message>
            <source>S&amp;how Former Posts</source>
            <translation>S&amp;how Former Posts</translation>
        </message>
        <message>
            <source>Leadership</source>
            <translation>Leadership</translation>
        </message>
        <message>
            <source>End Post</source>
            <translation>End Post</translation>
        </message>
    </context>
    <context>
        <name>LeadingGroupPage</name>
        <message>
            <source>Leading Group</source>
            <translation>Leading Group</translation>
        </message>
        <message>
            <source>&amp;Edit Leading Group Details</source>
            <translation>&amp;Edit Leading Group Details</translation>
        </message>
        <message>
            <source>&amp;Add Member</source>
            <translation>&amp;Add Member</translation>
        </message>
        <message>
            <source>Enter the leading group's details first</source>
            <translation>Enter the leading group's details first</translation>
        </message>
    </context>
    <context>
        <name>LightLegend</name>
        <message>
            <source>met</source>
            <translation>met</translation>
        </message>
        <message>
            <source>partly met or due soon</source>
            <translation>partly met or due soon</translation>
        </message>
        <message>
            <source>lacking or overdue</source>
            <translation>lacking or overdue</translation>
        </message>
        <message>
            <source>not entered or nothing to count</source>
            <translation>not entered or nothing to count</translation>
        </message>
    </context>
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
        <name>MainActions</name>
        <message>
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Redo</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Import Packages…</source>
            <translation>&amp;Import Packages…</translation>
        </message>
        <message>
            <source>&amp;Export Package for the Upper Level…</source>
            <translation>&amp;Export Package for the Upper Level…</translation>
        </message>
        <message>
            <source>&amp;Back Up Now</source>
            <translation>&amp;Back Up Now</translation>
        </message>
        <message>
            <source>Save a copy of the database in the backups folder</source>
            <translation>Save a copy of the database in the backups folder</translation>
        </message>
        <message>
            <source>&amp;Restore from Backup…</source>
            <translation>&amp;Restore from Backup…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <source>E&amp;xit</source>
            <translation>E&amp;xit</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>&amp;Find Unit</source>
            <translation>&amp;Find Unit</translation>
        </message>
        <message>
            <source>Unit &amp;Tree</source>
            <translation>Unit &amp;Tree</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>&amp;About</translation>
        </message>
        <message>
            <source>Backed up to {path}</source>
            <translation>Backed up to {path}</translation>
        </message>
        <message>
            <source>Backup Failed</source>
            <translation>Backup Failed</translation>
        </message>
        <message>
            <source>The backup could not be written: {error}

Check that the data folder is on this computer's disk and has free space, then try again.</source>
            <translation>The backup could not be written: {error}

Check that the data folder is on this computer's disk and has free space, then try again.</translation>
        </message>
        <message>
            <source>Restore Failed</source>
            <translation>Restore Failed</translation>
        </message>
        <message>
            <source>Restoring the backup failed; the database was not replaced.</source>
            <translation>Restoring the backup failed; the database was not replaced.</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>Restoring the backup…</translation>
        </message>
        <message>
            <source>Data Folder</source>
            <translation>Data Folder</translation>
        </message>
        <message>
            <source>The next start uses the database in {folder}, and there is none there yet.

Copy the current database there now?</source>
            <translation>The next start uses the database in {folder}, and there is none there yet.

Copy the current database there now?</translation>
        </message>
        <message>
            <source>Database copied to {path}</source>
            <translation>Database copied to {path}</translation>
        </message>
        <message>
            <source>About</source>
            <translation>About</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Science Association 3+1 Work&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Database: {db}&lt;br&gt;Schema version: {schema}&lt;br&gt;Data folder: {folder}&lt;br&gt;Backups: {backups}&lt;br&gt;Log file: {log}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Science Association 3+1 Work&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Database: {db}&lt;br&gt;Schema version: {schema}&lt;br&gt;Data folder: {folder}&lt;br&gt;Backups: {backups}&lt;br&gt;Log file: {log}&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>{unit} — Science Association 3+1 Work</source>
            <translation>{unit} — Science Association 3+1 Work</translation>
        </message>
        <message>
            <source>There is no page for these records yet.</source>
            <translation>There is no page for these records yet.</translation>
        </message>
        <message>
            <source>Unit: {name}</source>
            <translation>Unit: {name}</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>not set</translation>
        </message>
        <message>
            <source>Clerk: {name}</source>
            <translation>Clerk: {name}</translation>
        </message>
        <message>
            <source>Last backup: {time}</source>
            <translation>Last backup: {time}</translation>
        </message>
        <message>
            <source>Not backed up yet</source>
            <translation>Not backed up yet</translation>
        </message>
        <message>
            <source>&amp;Year:</source>
            <translation>&amp;Year:</translation>
        </message>
        <message>
            <source>Science Association 3+1 Work</source>
            <translation>Science Association 3+1 Work</translation>
        </message>
        <message>
            <source>Unsaved Entry</source>
            <translation>Unsaved Entry</translation>
        </message>
        <message>
            <source>A form still holds what you typed and has not been saved.</source>
            <translation>A form still holds what you typed and has not been saved.</translation>
        </message>
        <message>
            <source>&amp;Save and Quit</source>
            <translation>&amp;Save and Quit</translation>
        </message>
        <message>
            <source>&amp;Discard and Quit</source>
            <translation>&amp;Discard and Quit</translation>
        </message>
        <message>
            <source>&amp;Keep Editing</source>
            <translation>&amp;Keep Editing</translation>
        </message>
    </context>
    <context>
        <name>MilestonesPage</name>
        <message>
            <source>Milestones</source>
            <translation>Milestones</translation>
        </message>
    </context>
    <context>
        <name>PageMenus</name>
        <message>
            <source>&amp;Records</source>
            <translation>&amp;Records</translation>
        </message>
        <message>
            <source>&amp;New Record</source>
            <translation>&amp;New Record</translation>
        </message>
        <message>
            <source>&amp;Edit Record (Enter)</source>
            <translation>&amp;Edit Record (Enter)</translation>
        </message>
        <message>
            <source>&amp;Delete Records</source>
            <translation>&amp;Delete Records</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>E&amp;xport to Excel…</source>
            <translation>E&amp;xport to Excel…</translation>
        </message>
        <message>
            <source>This page has no records to do that with.</source>
            <translation>This page has no records to do that with.</translation>
        </message>
        <message>
            <source>This page has nothing to print yet.</source>
            <translation>This page has nothing to print yet.</translation>
        </message>
        <message>
            <source>This page has nothing to export yet.</source>
            <translation>This page has nothing to export yet.</translation>
        </message>
        <message>
            <source>Ne&amp;xt Page</source>
            <translation>Ne&amp;xt Page</translation>
        </message>
        <message>
            <source>Pre&amp;vious Page</source>
            <translation>Pre&amp;vious Page</translation>
        </message>
    </context>
    <context>
        <name>PeoplePage</name>
        <message>
            <source>People</source>
            <translation>People</translation>
        </message>
    </context>
    <context>
        <name>PlansPage</name>
        <message>
            <source>Work Plans and Tasks</source>
            <translation>Work Plans and Tasks</translation>
        </message>
        <message>
            <source>Add &amp;Task</source>
            <translation>Add &amp;Task</translation>
        </message>
        <message>
            <source>Tasks of the Selected Plan</source>
            <translation>Tasks of the Selected Plan</translation>
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
        <name>RecordDialog</name>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Save and Ne&amp;w</source>
            <translation>Save and Ne&amp;w</translation>
        </message>
        <message>
            <source>Ctrl+Enter: save, then enter the next one</source>
            <translation>Ctrl+Enter: save, then enter the next one</translation>
        </message>
        <message>
            <source>New {what}</source>
            <translation>New {what}</translation>
        </message>
        <message>
            <source>{what}: {name} (read-only, entered by another unit)</source>
            <translation>{what}: {name} (read-only, entered by another unit)</translation>
        </message>
        <message>
            <source>Edit {what}: {name}</source>
            <translation>Edit {what}: {name}</translation>
        </message>
        <message>
            <source>Choose the person from the list that opens as you type (name, pinyin initials or ID number); Insert adds a new person.</source>
            <translation>Choose the person from the list that opens as you type (name, pinyin initials or ID number); Insert adds a new person.</translation>
        </message>
        <message>
            <source>Saved: {label}. Enter the next one.</source>
            <translation>Saved: {label}. Enter the next one.</translation>
        </message>
        <message>
            <source>Discard Entry</source>
            <translation>Discard Entry</translation>
        </message>
        <message>
            <source>Discard what you have typed?</source>
            <translation>Discard what you have typed?</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Discard</translation>
        </message>
        <message>
            <source>&amp;Keep Editing</source>
            <translation>&amp;Keep Editing</translation>
        </message>
        <message>
            <source>Check the ID Number</source>
            <translation>Check the ID Number</translation>
        </message>
        <message>
            <source>Has it been compared with the ID card, digit by digit?</source>
            <translation>Has it been compared with the ID card, digit by digit?</translation>
        </message>
        <message>
            <source>Compared with the card: save</source>
            <translation>Compared with the card: save</translation>
        </message>
        <message>
            <source>Go back and correct it</source>
            <translation>Go back and correct it</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Saving…</translation>
        </message>
    </context>
    <context>
        <name>RecordPanel</name>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>Add a record (Ins or Ctrl+N)</source>
            <translation>Add a record (Ins or Ctrl+N)</translation>
        </message>
        <message>
            <source>Open the selected record (Enter)</source>
            <translation>Open the selected record (Enter)</translation>
        </message>
        <message>
            <source>Delete the selected records (Del); Ctrl+Z undoes it</source>
            <translation>Delete the selected records (Del); Ctrl+Z undoes it</translation>
        </message>
        <message>
            <source>Show &amp;All</source>
            <translation>Show &amp;All</translation>
        </message>
        <message>
            <source>{count} {what} records</source>
            <translation>{count} {what} records</translation>
        </message>
        <message>
            <source>Showing only: {what}</source>
            <translation>Showing only: {what}</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Restore from Backup</source>
            <translation>Restore from Backup</translation>
        </message>
        <message>
            <source>automatic</source>
            <translation>automatic</translation>
        </message>
        <message>
            <source>made by hand</source>
            <translation>made by hand</translation>
        </message>
        <message>
            <source>before a restore</source>
            <translation>before a restore</translation>
        </message>
        <message>
            <source>damaged file set aside</source>
            <translation>damaged file set aside</translation>
        </message>
        <message>
            <source>The database could not be opened. Choose a backup to continue from; the damaged file is kept in the backups folder.</source>
            <translation>The database could not be opened. Choose a backup to continue from; the damaged file is kept in the backups folder.</translation>
        </message>
        <message>
            <source>Choose the backup to go back to. The current data is backed up first, so this step can be undone by restoring that backup.</source>
            <translation>Choose the backup to go back to. The current data is backed up first, so this step can be undone by restoring that backup.</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Restore</translation>
        </message>
        <message>
            <source>There are no backups yet.</source>
            <translation>There are no backups yet.</translation>
        </message>
        <message>
            <source>Replace the database with the backup of {when}?</source>
            <translation>Replace the database with the backup of {when}?</translation>
        </message>
        <message>
            <source>The current data will be backed up first.</source>
            <translation>The current data will be backed up first.</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>Return a Record for Correction</source>
            <translation>Return a Record for Correction</translation>
        </message>
        <message>
            <source>Records received from {name}. The record goes back to the unit that entered it with the next receipt; it stays as it is here until the corrected version arrives.</source>
            <translation>Records received from {name}. The record goes back to the unit that entered it with the next receipt; it stays as it is here until the corrected version arrives.</translation>
        </message>
        <message>
            <source>Title or name contains…</source>
            <translation>Title or name contains…</translation>
        </message>
        <message>
            <source>e.g. the date is wrong, a photo is missing</source>
            <translation>e.g. the date is wrong, a photo is missing</translation>
        </message>
        <message>
            <source>Say what is wrong, not whose: no names, ID numbers or phone numbers in the reason (it travels in the receipt).</source>
            <translation>Say what is wrong, not whose: no names, ID numbers or phone numbers in the reason (it travels in the receipt).</translation>
        </message>
        <message>
            <source>Record &amp;type:</source>
            <translation>Record &amp;type:</translation>
        </message>
        <message>
            <source>&amp;Filter:</source>
            <translation>&amp;Filter:</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Reason:</translation>
        </message>
        <message>
            <source>Return for Correction</source>
            <translation>Return for Correction</translation>
        </message>
        <message>
            <source>(no records)</source>
            <translation>(no records)</translation>
        </message>
        <message>
            <source>{type} “{title}” of {owner} returned for correction: it goes to {to} with the next receipt.</source>
            <translation>{type} “{title}” of {owner} returned for correction: it goes to {to} with the next receipt.</translation>
        </message>
    </context>
    <context>
        <name>RowLegend</name>
        <message>
            <source>another unit's record (read-only)</source>
            <translation>another unit's record (read-only)</translation>
        </message>
        <message>
            <source>post ended</source>
            <translation>post ended</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>overdue</translation>
        </message>
        <message>
            <source>done late</source>
            <translation>done late</translation>
        </message>
        <message>
            <source>not entered yet (e.g. no contact person)</source>
            <translation>not entered yet (e.g. no contact person)</translation>
        </message>
        <message>
            <source>Colours:</source>
            <translation>Colours:</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <source>&amp;Data folder:</source>
            <translation>&amp;Data folder:</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Browse…</translation>
        </message>
        <message>
            <source>&amp;Backups to keep:</source>
            <translation>&amp;Backups to keep:</translation>
        </message>
        <message>
            <source> copies</source>
            <translation> copies</translation>
        </message>
        <message>
            <source>&amp;Clerk's name:</source>
            <translation>&amp;Clerk's name:</translation>
        </message>
        <message>
            <source>The database and its backups live in the data folder. A new folder takes effect at the next start.</source>
            <translation>The database and its backups live in the data folder. A new folder takes effect at the next start.</translation>
        </message>
        <message>
            <source>Choose the Data Folder</source>
            <translation>Choose the Data Folder</translation>
        </message>
        <message>
            <source>Office &amp;time zone:</source>
            <translation>Office &amp;time zone:</translation>
        </message>
        <message>
            <source>This computer's</source>
            <translation>This computer's</translation>
        </message>
        <message>
            <source>Only for a computer not set to the office's time: dates such as "today" and printed times follow this zone.</source>
            <translation>Only for a computer not set to the office's time: dates such as "today" and printed times follow this zone.</translation>
        </message>
        <message>
            <source>"{zone}" is not a time zone. Enter a name such as Asia/Shanghai or an offset such as UTC+8, or leave the box empty.</source>
            <translation>"{zone}" is not a time zone. Enter a name such as Asia/Shanghai or an offset such as UTC+8, or leave the box empty.</translation>
        </message>
        <message>
            <source>Office &amp;server:</source>
            <translation>Office &amp;server:</translation>
        </message>
        <message>
            <source>Empty: the database on this computer. Otherwise the office server's address, without a password (the PostgreSQL password file holds it); takes effect at the next start.</source>
            <translation>Empty: the database on this computer. Otherwise the office server's address, without a password (the PostgreSQL password file holds it); takes effect at the next start.</translation>
        </message>
        <message>
            <source>The office server address is not usable: {why}</source>
            <translation>The office server address is not usable: {why}</translation>
        </message>
    </context>
    <context>
        <name>SingleRecordBox</name>
        <message>
            <source>Not recorded yet.</source>
            <translation>Not recorded yet.</translation>
        </message>
        <message>
            <source>Term ended on {date}: re-election is overdue</source>
            <translation>Term ended on {date}: re-election is overdue</translation>
        </message>
        <message>
            <source>Term ends on {date}: re-election is due soon</source>
            <translation>Term ends on {date}: re-election is due soon</translation>
        </message>
    </context>
    <context>
        <name>SummaryCards</name>
        <message>
            <source>Associations established</source>
            <translation>Associations established</translation>
        </message>
        <message>
            <source>Visited this year</source>
            <translation>Visited this year</translation>
        </message>
        <message>
            <source>Terms overdue</source>
            <translation>Terms overdue</translation>
        </message>
        <message>
            <source>Villages with a contact</source>
            <translation>Villages with a contact</translation>
        </message>
        <message>
            <source>Townships with shortages</source>
            <translation>Townships with shortages</translation>
        </message>
        <message>
            <source>Milestones on time</source>
            <translation>Milestones on time</translation>
        </message>
        <message>
            <source>{late} late or overdue</source>
            <translation>{late} late or overdue</translation>
        </message>
        <message>
            <source>Counties</source>
            <translation>Counties</translation>
        </message>
        <message>
            <source>All three key persons</source>
            <translation>All three key persons</translation>
        </message>
        <message>
            <source>hospital {h} · school {s} · agricultural station {a}</source>
            <translation>hospital {h} · school {s} · agricultural station {a}</translation>
        </message>
        <message>
            <source>Activities this year</source>
            <translation>Activities this year</translation>
        </message>
        <message>
            <source>Leading group</source>
            <translation>Leading group</translation>
        </message>
        <message>
            <source>set up</source>
            <translation>set up</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>missing</translation>
        </message>
        <message>
            <source>Work plan</source>
            <translation>Work plan</translation>
        </message>
        <message>
            <source>filed</source>
            <translation>filed</translation>
        </message>
    </context>
    <context>
        <name>TeamsPage</name>
        <message>
            <source>Volunteer Teams</source>
            <translation>Volunteer Teams</translation>
        </message>
        <message>
            <source>Add &amp;Member</source>
            <translation>Add &amp;Member</translation>
        </message>
        <message>
            <source>Members of the Selected Team</source>
            <translation>Members of the Selected Team</translation>
        </message>
    </context>
    <context>
        <name>TrustDialog</name>
        <message>
            <source>Confirm a New Sender</source>
            <translation>Confirm a New Sender</translation>
        </message>
        <message>
            <source>This computer has never received anything from this unit:</source>
            <translation>This computer has never received anything from this unit:</translation>
        </message>
        <message>
            <source>Call its clerk and ask them to read out “This computer's key fingerprint” from their Data Exchange page. Compare it, character by character, with:</source>
            <translation>Call its clerk and ask them to read out “This computer's key fingerprint” from their Data Exchange page. Compare it, character by character, with:</translation>
        </message>
        <message>
            <source>Import only if every character is the same. If it differs, do not import: the file may not come from {name}. Tell the upper level.</source>
            <translation>Import only if every character is the same. If it differs, do not import: the file may not come from {name}. Tell the upper level.</translation>
        </message>
        <message>
            <source>&amp;Trust and Import</source>
            <translation>&amp;Trust and Import</translation>
        </message>
    </context>
    <context>
        <name>UnitTree</name>
        <message>
            <source>Find a unit…</source>
            <translation>Find a unit…</translation>
        </message>
        <message>
            <source>Type a name, pinyin initials such as zzz, or a code; Esc clears.</source>
            <translation>Type a name, pinyin initials such as zzz, or a code; Esc clears.</translation>
        </message>
    </context>
    <context>
        <name>VenuesPage</name>
        <message>
            <source>Venues</source>
            <translation>Venues</translation>
        </message>
    </context>
    <context>
        <name>VillageDialog</name>
        <message>
            <source>New Village or Community</source>
            <translation>New Village or Community</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Village</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>Community</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Name</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>&amp;Kind</translation>
        </message>
    </context>
    <context>
        <name>VillagesPage</name>
        <message>
            <source>Designated &amp;Contact…</source>
            <translation>Designated &amp;Contact…</translation>
        </message>
        <message>
            <source>The village's designated contact person and shared service venue</source>
            <translation>The village's designated contact person and shared service venue</translation>
        </message>
        <message>
            <source>Villages</source>
            <translation>Villages</translation>
        </message>
        <message>
            <source>{village}: Designated Contact</source>
            <translation>{village}: Designated Contact</translation>
        </message>
    </context>
    <context>
        <name>VisitsPage</name>
        <message>
            <source>Survey Visits</source>
            <translation>Survey Visits</translation>
        </message>
    </context>
    <context>
        <name>association</name>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
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
        <name>exchange</name>
        <message>
            <source>Data package</source>
            <translation>Data package</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>Reference data</source>
            <translation>Reference data</translation>
        </message>
        <message>
            <source>Enrolment file</source>
            <translation>Enrolment file</translation>
        </message>
    </context>
    <context>
        <name>undo</name>
        <message>
            <source>Cannot Undo</source>
            <translation>Cannot Undo</translation>
        </message>
        <message>
            <source>Delete {count} records</source>
            <translation>Delete {count} records</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Delete {what}?</source>
            <translation>Delete {what}?</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>You can undo this with Ctrl+Z.</source>
            <translation>You can undo this with Ctrl+Z.</translation>
        </message>
        <message>
            <source>Not Deleted</source>
            <translation>Not Deleted</translation>
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
            <source>Unit</source>
            <translation>Unit</translation>
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
            <source>Venue name</source>
            <translation>Venue name</translation>
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
            <source>Village name</source>
            <translation>Village name</translation>
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
