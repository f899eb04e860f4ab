<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Attachments of the Selected Activity</source>
            <translation>所选活动的附件</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>活动台账</translation>
        </message>
    </context>
    <context>
        <name>AssociationPage</name>
        <message>
            <source>Science Association</source>
            <translation>科协组织</translation>
        </message>
        <message>
            <source>&amp;Edit Association Details</source>
            <translation>修改科协信息(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Add Meeting</source>
            <translation>新增会议(&amp;A)</translation>
        </message>
        <message>
            <source>Plenary Sessions and Elections</source>
            <translation>全委会与换届</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>概况</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsPanel</name>
        <message>
            <source>Add &amp;Photos…</source>
            <translation>添加照片(&amp;P)…</translation>
        </message>
        <message>
            <source>Add Si&amp;gn-in Sheet…</source>
            <translation>添加签到表(&amp;G)…</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>打开(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>移除(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Keep Original</source>
            <translation>保留原图(&amp;K)</translation>
        </message>
        <message>
            <source>Store photos as they are, without scaling them down</source>
            <translation>照片按原样保存，不缩小</translation>
        </message>
        <message>
            <source>Add Photos</source>
            <translation>添加照片</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</source>
            <translation>图片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)</translation>
        </message>
        <message>
            <source>Add Sign-in Sheet</source>
            <translation>添加签到表</translation>
        </message>
        <message>
            <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
            <translation>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
        </message>
        <message>
            <source>{count} attachments</source>
            <translation>{count} 个附件</translation>
        </message>
        <message>
            <source>{name}: the file cannot be read; nothing was added.</source>
            <translation>{name}：无法读取该文件，未添加任何附件。</translation>
        </message>
    </context>
    <context>
        <name>BulletinsPage</name>
        <message>
            <source>Bulletins</source>
            <translation>信息通报</translation>
        </message>
    </context>
    <context>
        <name>Checklist</name>
        <message>
            <source>Click to open the records behind this line.</source>
            <translation>单击查看这一项对应的记录。</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>组织建设</translation>
        </message>
        <message>
            <source>Science association established</source>
            <translation>已成立科协组织</translation>
        </message>
        <message>
            <source>No science association established yet</source>
            <translation>尚未成立科协组织</translation>
        </message>
        <message>
            <source>The three key persons</source>
            <translation>“三长”任职</translation>
        </message>
        <message>
            <source>Hospital head serves as vice-chair</source>
            <translation>医院（卫生院）院长任兼职副主席</translation>
        </message>
        <message>
            <source>School principal serves as vice-chair</source>
            <translation>中小学校长任兼职副主席</translation>
        </message>
        <message>
            <source>Agricultural station head serves as vice-chair</source>
            <translation>农技站站长任兼职副主席</translation>
        </message>
        <message>
            <source>Guidance from the upper level</source>
            <translation>上级科协指导</translation>
        </message>
        <message>
            <source>Visited by the upper level {count} times this year, last on {date}</source>
            <translation>本年度上级走访 {count} 次，最近一次 {date}</translation>
        </message>
        <message>
            <source>Not yet visited by the upper level this year</source>
            <translation>本年度上级尚未走访</translation>
        </message>
        <message>
            <source>Activities in {year}</source>
            <translation>{year} 年活动</translation>
        </message>
        <message>
            <source>{domain}: {count} activities (target {low}–{high})</source>
            <translation>{domain}：{count} 场（目标 {low}–{high} 场）</translation>
        </message>
        <message>
            <source>{domain}: {count} activities</source>
            <translation>{domain}：{count} 场</translation>
        </message>
        <message>
            <source>Villages and communities</source>
            <translation>村（社区）</translation>
        </message>
        <message>
            <source>Villages and communities with a designated contact: {n} of {m}</source>
            <translation>已指定专人的村（社区）：{n} / {m}</translation>
        </message>
        <message>
            <source>The four shortages</source>
            <translation>“四缺”情况</translation>
        </message>
        <message>
            <source>Data packages</source>
            <translation>数据上报</translation>
        </message>
        <message>
            <source>Last data package received on {date}</source>
            <translation>最近一次收到数据包：{date}</translation>
        </message>
        <message>
            <source>No data package received yet</source>
            <translation>尚未收到数据包</translation>
        </message>
        <message>
            <source>Term dates not entered</source>
            <translation>尚未录入任期</translation>
        </message>
        <message>
            <source>Term ended on {date}: re-election is overdue</source>
            <translation>任期已于 {date} 届满，换届逾期</translation>
        </message>
        <message>
            <source>Term ends on {date}: re-election is due soon</source>
            <translation>任期将于 {date} 届满，即将换届</translation>
        </message>
        <message>
            <source>Current term ends on {date}</source>
            <translation>本届任期至 {date}</translation>
        </message>
        <message>
            <source>Staff quota: {value}</source>
            <translation>编制：{value} 名</translation>
        </message>
        <message>
            <source>No staff quota</source>
            <translation>缺编制</translation>
        </message>
        <message>
            <source>Staff: {value}</source>
            <translation>人员：{value} 人</translation>
        </message>
        <message>
            <source>No staff</source>
            <translation>缺人员</translation>
        </message>
        <message>
            <source>Funding: {value} yuan a year</source>
            <translation>经费：每年 {value} 元</translation>
        </message>
        <message>
            <source>No funding</source>
            <translation>缺经费</translation>
        </message>
        <message>
            <source>Premises: {value} m²</source>
            <translation>场地：{value} 平方米</translation>
        </message>
        <message>
            <source>No premises</source>
            <translation>缺场地</translation>
        </message>
        <message>
            <source>: not entered</source>
            <translation>：未填写</translation>
        </message>
        <message>
            <source>Staff quota</source>
            <translation>编制</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Funding</source>
            <translation>经费</translation>
        </message>
        <message>
            <source>Premises</source>
            <translation>场地</translation>
        </message>
    </context>
    <context>
        <name>ChildrenPanel</name>
        <message>
            <source>Packages received from each unit below. Send a receipt after importing: it tells the unit what arrived, and its next package starts from there.</source>
            <translation>各下级单位报送的数据包。导入后请生成回执发回：回执告诉对方哪些数据包已收到，对方下次报送即从此接续。</translation>
        </message>
        <message>
            <source>Write &amp;Receipt…</source>
            <translation>生成回执(&amp;R)…</translation>
        </message>
        <message>
            <source>Send Reference &amp;Data…</source>
            <translation>下发基础数据(&amp;D)…</translation>
        </message>
        <message>
            <source>Enrolment File for a &amp;New Installation…</source>
            <translation>生成注册文件(&amp;N)…</translation>
        </message>
        <message>
            <source>Tell the selected unit which of its packages arrived</source>
            <translation>告诉所选单位其哪些数据包已收到</translation>
        </message>
        <message>
            <source>Villages, deadlines and the upper levels' keys for the selected unit</source>
            <translation>发给所选单位的村（社区）、时间节点和上级密钥</translation>
        </message>
        <message>
            <source>For setting up the program at the selected unit: its first package is then accepted without asking</source>
            <translation>用于所选单位新装程序：此后其第一个数据包无需再核对即可导入</translation>
        </message>
        <message>
            <source>Return for Correc&amp;tion…</source>
            <translation>退回更正(&amp;T)…</translation>
        </message>
        <message>
            <source>Send a record received from the selected unit back to the unit that entered it, with the reason, in the next receipt</source>
            <translation>将从所选单位收到的一条记录连同原因随下一份回执退回填报单位</translation>
        </message>
        <message>
            <source>Unit below</source>
            <translation>下级单位</translation>
        </message>
        <message>
            <source>Last package received</source>
            <translation>最近数据包</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>收到</translation>
        </message>
        <message>
            <source>State</source>
            <translation>情况</translation>
        </message>
        <message>
            <source>Receipt due for</source>
            <translation>待发回执</translation>
        </message>
        <message>
            <source>Last receipt</source>
            <translation>上次回执</translation>
        </message>
        <message>
            <source>No. {seq}</source>
            <translation>第 {seq} 包</translation>
        </message>
        <message>
            <source>No. {numbers}</source>
            <translation>第 {numbers} 包</translation>
        </message>
        <message>
            <source>Folder for the Receipt</source>
            <translation>选择回执的保存位置</translation>
        </message>
        <message>
            <source>Folder for the Reference Data</source>
            <translation>选择基础数据的保存位置</translation>
        </message>
        <message>
            <source>Folder for the Enrolment File</source>
            <translation>选择注册文件的保存位置</translation>
        </message>
        <message>
            <source>Writing the file…</source>
            <translation>正在生成文件…</translation>
        </message>
        <message>
            <source>Receipt for {name} written: {files}</source>
            <translation>已生成给{name}的回执：{files}</translation>
        </message>
        <message>
            <source>Reference data for {name} written: {files}</source>
            <translation>已生成给{name}的基础数据：{files}</translation>
        </message>
        <message>
            <source>Enrolment file for {name} written: {files}. Set up the new installation with it and read this computer's key fingerprint {fingerprint} to its clerk to compare.</source>
            <translation>已生成{name}的注册文件：{files}。新装程序时请选用此文件，并向对方录入员念出本机密钥指纹 {fingerprint} 以便核对。</translation>
        </message>
    </context>
    <context>
        <name>ClerkPage</name>
        <message>
            <source>The Clerk</source>
            <translation>录入员</translation>
        </message>
        <message>
            <source>Your name is written beside every change you save.</source>
            <translation>您保存的每一处修改都会记下您的姓名。</translation>
        </message>
        <message>
            <source>Your &amp;name:</source>
            <translation>您的姓名(&amp;N)：</translation>
        </message>
        <message>
            <source>Unit: {path}</source>
            <translation>本单位：{path}</translation>
        </message>
        <message>
            <source>Enrolled under {parent}; its key fingerprint is {fingerprint}.</source>
            <translation>注册上级：{parent}，其密钥指纹为 {fingerprint}。</translation>
        </message>
        <message>
            <source>The database will be saved as {path}</source>
            <translation>数据库将保存为 {path}</translation>
        </message>
    </context>
    <context>
        <name>ConflictsPanel</name>
        <message>
            <source>The same record was changed in two places. The newer version is in use; check the differences and keep the right one.</source>
            <translation>同一条记录在两处被修改。程序暂用较新的版本；请核对差异，保留正确的版本。</translation>
        </message>
        <message>
            <source>Keep &amp;Local Version</source>
            <translation>保留本机版本(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Use Incoming Version</source>
            <translation>采用来件版本(&amp;U)</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录类型</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>所属单位</translation>
        </message>
        <message>
            <source>Came from</source>
            <translation>来件单位</translation>
        </message>
        <message>
            <source>Local version</source>
            <translation>本机版本</translation>
        </message>
        <message>
            <source>Incoming version</source>
            <translation>来件版本</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>现用版本</translation>
        </message>
        <message>
            <source>Differences</source>
            <translation>差异</translation>
        </message>
        <message>
            <source>(changed)</source>
            <translation>（已修改）</translation>
        </message>
        <message>
            <source>deleted in one version</source>
            <translation>一方已删除</translation>
        </message>
        <message>
            <source>Local</source>
            <translation>本机版本</translation>
        </message>
        <message>
            <source>Incoming</source>
            <translation>来件版本</translation>
        </message>
        <message>
            <source>Conflict resolved.</source>
            <translation>冲突已处理。</translation>
        </message>
    </context>
    <context>
        <name>CorrectionsPanel</name>
        <message>
            <source>Records the upper level returned for correction. Editing the record takes it off this list; the corrected record goes up with the next package.</source>
            <translation>上级退回更正的记录。修改该记录后即从本列表移除，更正后的记录随下一个数据包报送。</translation>
        </message>
        <message>
            <source>Op&amp;en Record</source>
            <translation>打开记录(&amp;E)</translation>
        </message>
        <message>
            <source>Dis&amp;miss</source>
            <translation>忽略(&amp;M)</translation>
        </message>
        <message>
            <source>Record type</source>
            <translation>记录类型</translation>
        </message>
        <message>
            <source>Record title</source>
            <translation>记录名称</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Returned by</source>
            <translation>退回单位</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
    </context>
    <context>
        <name>CountyCard</name>
        <message>
            <source>Enter or a click opens {county}</source>
            <translation>按回车键或单击，打开{county}</translation>
        </message>
        <message>
            <source>Milestones: none set</source>
            <translation>时间节点：未设置</translation>
        </message>
        <message>
            <source>Leading group set up</source>
            <translation>领导小组已成立</translation>
        </message>
        <message>
            <source>No leading group</source>
            <translation>领导小组未成立</translation>
        </message>
        <message>
            <source>Work plan filed</source>
            <translation>工作方案已报备</translation>
        </message>
        <message>
            <source>Work plan not filed</source>
            <translation>工作方案未报备</translation>
        </message>
        <message>
            <source>Milestones: {late} late</source>
            <translation>时间节点：{late} 项延误</translation>
        </message>
        <message>
            <source>Milestones: {done}/{total} on time</source>
            <translation>时间节点：{done}/{total} 按时</translation>
        </message>
        <message>
            <source>{done} of {total} milestones met on time, {late} late or overdue, {pending} not yet due</source>
            <translation>时间节点共 {total} 项：{done} 项按时完成，{late} 项延误或逾期，{pending} 项未到期</translation>
        </message>
    </context>
    <context>
        <name>DashboardModel</name>
        <message>
            <source>Key persons</source>
            <translation>“三长”</translation>
        </message>
        <message>
            <source>County/district</source>
            <translation>县
（市、区）</translation>
        </message>
        <message>
            <source>Township/street</source>
            <translation>乡镇
（街道）</translation>
        </message>
        <message>
            <source>Association set up</source>
            <translation>科协
组织</translation>
        </message>
        <message>
            <source>Upper-level visits</source>
            <translation>上级
走访</translation>
        </message>
        <message>
            <source>Term ends on</source>
            <translation>任期
届满</translation>
        </message>
        <message>
            <source>Villages with contact</source>
            <translation>村（社区）
专人</translation>
        </message>
        <message>
            <source>Four shortages</source>
            <translation>“四缺”</translation>
        </message>
        <message>
            <source>Last package</source>
            <translation>最近
数据包</translation>
        </message>
        <message>
            <source>Activities this year in this domain; the line marks the target of {low}–{high}.</source>
            <translation>本年度该领域活动场次；竖线标出目标 {low}–{high} 场。</translation>
        </message>
        <message>
            <source>Click to see the township's own checklist.</source>
            <translation>单击查看该乡镇（街道）的逐项情况。</translation>
        </message>
        <message>
            <source>Science association established</source>
            <translation>已成立科协组织</translation>
        </message>
        <message>
            <source>The three key persons (hospital, school, agricultural station) serving as vice-chairs</source>
            <translation>“三长”（医院、学校、农技站负责人）任兼职副主席情况</translation>
        </message>
        <message>
            <source>Visits by the upper-level association this year</source>
            <translation>本年度上级科协走访次数</translation>
        </message>
        <message>
            <source>End of the current term: yellow when due within 90 days, red when overdue</source>
            <translation>本届任期届满日期：90 天内到期为黄色，已逾期为红色</translation>
        </message>
        <message>
            <source>Villages and communities with a designated contact person</source>
            <translation>已指定专人负责的村（社区）数</translation>
        </message>
        <message>
            <source>The four shortages: staff quota, staff, funding, premises</source>
            <translation>“四缺”：缺编制、缺人员、缺经费、缺场地</translation>
        </message>
        <message>
            <source>Date of the last data package received from the unit</source>
            <translation>最近一次收到该单位数据包的日期</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>not entered</source>
            <translation>未填写</translation>
        </message>
        <message>
            <source>quota</source>
            <translation>编制</translation>
        </message>
        <message>
            <source>staff</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>funds</source>
            <translation>经费</translation>
        </message>
        <message>
            <source>premises</source>
            <translation>场地</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Hospital head</source>
            <translation>医院（卫生院）院长</translation>
        </message>
        <message>
            <source>School principal</source>
            <translation>中小学校长</translation>
        </message>
        <message>
            <source>Agricultural station head</source>
            <translation>农技站站长</translation>
        </message>
        <message>
            <source>{count} activities ({total} in all domains, {other} other); target {low}–{high}</source>
            <translation>{count} 场（各领域合计 {total} 场，其他 {other} 场）；目标 {low}–{high} 场</translation>
        </message>
        <message>
            <source>Last visit: {date}</source>
            <translation>最近走访：{date}</translation>
        </message>
        <message>
            <source>No visit this year</source>
            <translation>本年度未走访</translation>
        </message>
        <message>
            <source>Staff quota {quota}, staff {staff}, funding {funding} yuan a year, premises {area} m²</source>
            <translation>编制 {quota} 名，人员 {staff} 人，经费每年 {funding} 元，场地 {area} 平方米</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Statistics</source>
            <translation>统计</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <source>Figures as of {date}</source>
            <translation>数据截至 {date}</translation>
        </message>
        <message>
            <source>{name}: {year} checklist</source>
            <translation>{name} {year} 年工作情况</translation>
        </message>
        <message>
            <source>There are no statistics for a village or community.</source>
            <translation>村（社区）没有单独的统计。</translation>
        </message>
        <message>
            <source>{name}: {year}, {count} townships</source>
            <translation>{name} {year} 年 · {count} 个乡镇（街道）</translation>
        </message>
        <message>
            <source>All counties</source>
            <translation>全部县（市、区）</translation>
        </message>
        <message>
            <source>&amp;County:</source>
            <translation>县区(&amp;C)：</translation>
        </message>
    </context>
    <context>
        <name>DocumentActions</name>
        <message>
            <source>Full ID Numbers and Phones</source>
            <translation>显示完整身份证号和电话</translation>
        </message>
        <message>
            <source>Print Preview…</source>
            <translation>打印预览…</translation>
        </message>
        <message>
            <source>Save List as PDF…</source>
            <translation>列表另存为 PDF…</translation>
        </message>
        <message>
            <source>Export Ledger to Excel…</source>
            <translation>导出台账到 Excel…</translation>
        </message>
        <message>
            <source>Import from Excel or CSV…</source>
            <translation>从 Excel 或 CSV 导入…</translation>
        </message>
        <message>
            <source>Print Form: {form}…</source>
            <translation>打印表格：{form}…</translation>
        </message>
        <message>
            <source>Print/Export</source>
            <translation>打印/导出</translation>
        </message>
        <message>
            <source>Cannot Print or Export</source>
            <translation>无法打印或导出</translation>
        </message>
        <message>
            <source>Save as PDF</source>
            <translation>另存为 PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>已保存：{path}</translation>
        </message>
        <message>
            <source>Print Form</source>
            <translation>打印表格</translation>
        </message>
        <message>
            <source>Select a person first.</source>
            <translation>请先选择一名人员。</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>导出到 Excel</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Rows written: {n}</source>
            <translation>已写入 {n} 行</translation>
        </message>
        <message>
            <source>Exporting to Excel…</source>
            <translation>正在导出到 Excel…</translation>
        </message>
        <message>
            <source>Exported {n} rows to {path}</source>
            <translation>已导出 {n} 行到 {path}</translation>
        </message>
        <message>
            <source>Export List to Excel…</source>
            <translation>列表导出到 Excel…</translation>
        </message>
        <message>
            <source>Print/E&amp;xport</source>
            <translation>打印/导出(&amp;X)</translation>
        </message>
    </context>
    <context>
        <name>DuplicatePrompt</name>
        <message>
            <source>Possible Duplicate</source>
            <translation>可能重复</translation>
        </message>
        <message>
            <source>&amp;Use Existing Person</source>
            <translation>使用已有人员(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Add Anyway</source>
            <translation>仍然新增(&amp;A)</translation>
        </message>
        <message>
            <source>This person may already be in the roster:</source>
            <translation>人员库中可能已有此人：</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesPanel</name>
        <message>
            <source>I&amp;gnore</source>
            <translation>忽略(&amp;G)</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>First person</source>
            <translation>人员一</translation>
        </message>
        <message>
            <source>Other person</source>
            <translation>人员二</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>发现时间</translation>
        </message>
        <message>
            <source>Two records that may be one person: the same ID number, or the same name (however it is written) and birth date. Ask the unit that entered the wrong one to correct it; dismiss the entry once checked.</source>
            <translation>以下两条记录可能是同一人：身份证号相同，或姓名（不论写法）和出生日期相同。请通知录错的单位更正；核对后可忽略此条。</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Same ID number</source>
            <translation>身份证号相同</translation>
        </message>
        <message>
            <source>Same name and birth date</source>
            <translation>姓名和出生日期相同</translation>
        </message>
    </context>
    <context>
        <name>ExchangePage</name>
        <message>
            <source>Data Exchange</source>
            <translation>数据交换</translation>
        </message>
        <message>
            <source>E&amp;xport Package for the Upper Level…</source>
            <translation>导出上报数据包(&amp;X)…</translation>
        </message>
        <message>
            <source>Write every change the upper level has not confirmed yet into one file, e.g. on a USB stick</source>
            <translation>把上级尚未确认接收的全部修改写入一个文件（例如存到U盘）</translation>
        </message>
        <message>
            <source>&amp;Import Packages…</source>
            <translation>导入数据包(&amp;I)…</translation>
        </message>
        <message>
            <source>Data packages from units below, receipts and reference data from the upper level</source>
            <translation>下级单位的数据包，上级的回执和基础数据</translation>
        </message>
        <message>
            <source>Reporting to the Upper Level</source>
            <translation>向上级报送</translation>
        </message>
        <message>
            <source>This computer's key fingerprint:</source>
            <translation>本机密钥指纹：</translation>
        </message>
        <message>
            <source>The data exchange page could not be loaded.</source>
            <translation>数据交换页无法加载。</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>Units &amp;Below</source>
            <translation>下级单位(&amp;B)</translation>
        </message>
        <message>
            <source>Hist&amp;ory</source>
            <translation>收发记录(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Conflicts ({count})</source>
            <translation>冲突（{count}）(&amp;C)</translation>
        </message>
        <message>
            <source>Duplicate &amp;People ({count})</source>
            <translation>重复人员（{count}）(&amp;P)</translation>
        </message>
        <message>
            <source>Correction&amp;s Due ({count})</source>
            <translation>待更正（{count}）(&amp;S)</translation>
        </message>
        <message>
            <source>This unit is the top level: it sends no packages upward.</source>
            <translation>本单位为最高一级，不向上报送数据包。</translation>
        </message>
        <message>
            <source>Packages sent up to no. {seq}; not yet acknowledged: no. {numbers}.</source>
            <translation>已报送至第 {seq} 包，上级尚未确认：第 {numbers} 包。</translation>
        </message>
        <message>
            <source>Packages sent up to no. {seq}, all acknowledged.</source>
            <translation>已报送至第 {seq} 包，上级均已确认接收。</translation>
        </message>
        <message>
            <source>Nothing has been sent to {name} yet.</source>
            <translation>尚未向{name}报送数据包。</translation>
        </message>
        <message>
            <source>{name} rejected package {seq}: {reason}</source>
            <translation>{name}拒收了第 {seq} 包：{reason}</translation>
        </message>
        <message>
            <source>{name} is missing package {numbers}: export again, the next package covers it.</source>
            <translation>{name}缺第 {numbers} 包：请再导出一次，新的数据包会补上。</translation>
        </message>
        <message>
            <source>The file could not be written or read: {error}

Check that the USB stick is plugged in and has free space, then try again.</source>
            <translation>文件无法写入或读取：{error}

请检查U盘是否插好、是否还有空间，然后重试。</translation>
        </message>
        <message>
            <source>Folder for the Package (e.g. the USB Stick)</source>
            <translation>选择数据包的保存位置（如U盘）</translation>
        </message>
        <message>
            <source>Writing the package…</source>
            <translation>正在生成数据包…</translation>
        </message>
        <message>
            <source>Package no. {seq} written: {files} (check code {code})</source>
            <translation>已生成第 {seq} 号数据包：{files}（校验码 {code}）</translation>
        </message>
        <message>
            <source>Packages to Import</source>
            <translation>选择要导入的数据包</translation>
        </message>
        <message>
            <source>Checking the packages…</source>
            <translation>正在检查数据包…</translation>
        </message>
        <message>
            <source>{count} package(s) imported.</source>
            <translation>已导入 {count} 个数据包。</translation>
        </message>
        <message>
            <source>Package files (.sxpkg, or a .zip holding them) can also be dragged onto this page.</source>
            <translation>也可以把数据包文件（.sxpkg，或装有数据包的 .zip 压缩包）直接拖到本页。</translation>
        </message>
        <message>
            <source>Packages (*.sxpkg *.zip);;All files (*)</source>
            <translation>数据包 (*.sxpkg *.zip);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>ExportDoneDialog</name>
        <message>
            <source>Package Written</source>
            <translation>数据包已生成</translation>
        </message>
        <message>
            <source>Data package no. {seq} for {recipient} was written with {total} records.</source>
            <translation>已生成报送{recipient}的第 {seq} 号数据包，共 {total} 条记录。</translation>
        </message>
        <message>
            <source>Check code:</source>
            <translation>校验码：</translation>
        </message>
        <message>
            <source>Hand the file over together with the printed transmittal slip, and read the check code to the clerk of {recipient} over the phone: after importing, their screen shows the same code.</source>
            <translation>请将数据包连同打印的报送单一并报送，并打电话向{recipient}的录入员念出校验码：对方导入后，屏幕上显示的校验码应与此相同。</translation>
        </message>
        <message>
            <source>Note: this computer does not hold the key of {recipient} yet, so the package is not encrypted. Import a receipt or reference data from {recipient} first; until then keep the file safe.</source>
            <translation>注意：本机尚无{recipient}的密钥，数据包未加密。请先导入{recipient}的回执或基础数据；在此之前请妥善保管该文件。</translation>
        </message>
        <message>
            <source>&amp;Print Slip…</source>
            <translation>打印报送单(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Save Slip as PDF…</source>
            <translation>保存报送单 PDF(&amp;S)…</translation>
        </message>
        <message>
            <source>Slip-{name}.pdf</source>
            <translation>报送单-{name}.pdf</translation>
        </message>
        <message>
            <source>Save Transmittal Slip</source>
            <translation>保存报送单</translation>
        </message>
        <message>
            <source>The slip could not be saved: {error}</source>
            <translation>报送单无法保存：{error}</translation>
        </message>
        <message>
            <source>Slip saved to {path}</source>
            <translation>报送单已保存到 {path}</translation>
        </message>
    </context>
    <context>
        <name>FirstStartWizard</name>
        <message>
            <source>Welcome</source>
            <translation>欢迎使用</translation>
        </message>
        <message>
            <source>Enrolment File</source>
            <translation>注册文件</translation>
        </message>
        <message>
            <source>This version of the program cannot read enrolment files yet.

Choose your unit from the list instead; the enrolment file can be imported later.</source>
            <translation>本版本程序还不能读取注册文件。

请先在列表中选择本单位，注册文件可以以后再导入。</translation>
        </message>
        <message>
            <source>Open Enrolment File</source>
            <translation>打开注册文件</translation>
        </message>
        <message>
            <source>Enrolment files (*.sxpkg);;All files (*)</source>
            <translation>注册文件 (*.sxpkg);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Enrolment file from {parent}. Compare its key fingerprint by phone: {fingerprint}</source>
            <translation>注册文件由{parent}签发。请电话核对其密钥指纹：{fingerprint}</translation>
        </message>
        <message>
            <source>Reading the enrolment file failed.</source>
            <translation>读取注册文件失败。</translation>
        </message>
        <message>
            <source>The file could not be read as an enrolment file: {error}</source>
            <translation>无法读取该注册文件：{error}</translation>
        </message>
        <message>
            <source>The Database Was Not Created</source>
            <translation>数据库未能创建</translation>
        </message>
        <message>
            <source>Creating the database failed.</source>
            <translation>创建数据库失败。</translation>
        </message>
    </context>
    <context>
        <name>FormActions</name>
        <message>
            <source>Print Form: {form}…</source>
            <translation>打印表格：{form}…</translation>
        </message>
        <message>
            <source>Save as Word: {form}…</source>
            <translation>另存为 Word：{form}…</translation>
        </message>
        <message>
            <source>Export Ledger to Excel…</source>
            <translation>导出台账到 Excel…</translation>
        </message>
        <message>
            <source>Cannot Print or Export</source>
            <translation>无法打印或导出</translation>
        </message>
        <message>
            <source>Save as Word</source>
            <translation>另存为 Word</translation>
        </message>
        <message>
            <source>Word documents (*.docx)</source>
            <translation>Word 文档 (*.docx)</translation>
        </message>
        <message>
            <source>Export to Excel</source>
            <translation>导出到 Excel</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Exporting to Excel…</source>
            <translation>正在导出到 Excel…</translation>
        </message>
    </context>
    <context>
        <name>HistoryPanel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>方向</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Other unit</source>
            <translation>对方单位</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>记录数</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Acknowledged</source>
            <translation>上级已确认</translation>
        </message>
        <message>
            <source>Waiting for the receipt</source>
            <translation>等待回执</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>已生成</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>发出</translation>
        </message>
        <message>
            <source>Imported: {new} new, {updated} updated, {unchanged} unchanged, {conflicts} conflicts</source>
            <translation>已导入：新增 {new}，更新 {updated}，未变 {unchanged}，冲突 {conflicts}</translation>
        </message>
        <message>
            <source> (delivered again {times}×)</source>
            <translation>（重复送达 {times} 次）</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>收到</translation>
        </message>
        <message>
            <source>Written by the sender at {time}</source>
            <translation>对方生成于 {time}</translation>
        </message>
        <message>
            <source>Acknowledges up to package {seq}</source>
            <translation>确认接收至第 {seq} 包</translation>
        </message>
    </context>
    <context>
        <name>HomeUnitPage</name>
        <message>
            <source>Your Unit</source>
            <translation>本单位</translation>
        </message>
        <message>
            <source>Choose the unit this computer serves: a township or street, a county or district, or the city. Type part of its name, its pinyin initials (zzz for 掌政镇) or its code.</source>
            <translation>请选择这台电脑所服务的单位：乡镇（街道）、县（市、区）或市。可输入名称的一部分、拼音首字母（如掌政镇输入 zzz）或区划代码。</translation>
        </message>
        <message>
            <source>Name, pinyin or code…</source>
            <translation>名称、拼音或代码…</translation>
        </message>
        <message>
            <source>Or, if the upper level gave you an enrolment file:</source>
            <translation>如果上级科协下发了注册文件：</translation>
        </message>
        <message>
            <source>Open &amp;Enrolment File…</source>
            <translation>打开注册文件(&amp;E)…</translation>
        </message>
        <message>
            <source>Or, in an office with a database server, connect to the office server instead of keeping the data on this computer (the password comes from the PostgreSQL password file, never from here):</source>
            <translation>或者，本单位有数据库服务器时，可连接办公室服务器，数据不保存在本机（密码来自 PostgreSQL 密码文件，不在此处填写）：</translation>
        </message>
        <message>
            <source>Connect to the &amp;Office Server</source>
            <translation>连接办公室服务器(&amp;O)</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import Packages</source>
            <translation>导入数据包</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>导入(&amp;I)</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Sender</source>
            <translation>发送单位</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>更新</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>未变</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>冲突</translation>
        </message>
        <message>
            <source>Check code</source>
            <translation>校验码</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Imported before ({date})</source>
            <translation>此前已导入（{date}）</translation>
        </message>
        <message>
            <source>Cannot be imported: {reason}</source>
            <translation>不能导入：{reason}</translation>
        </message>
        <message>
            <source>Rejected: {reason}</source>
            <translation>已拒收：{reason}</translation>
        </message>
        <message>
            <source>New sender: its fingerprint is compared when importing</source>
            <translation>新的发送单位：导入时需核对密钥指纹</translation>
        </message>
        <message>
            <source>Not imported: the sender was not confirmed</source>
            <translation>未导入：未确认发送单位</translation>
        </message>
        <message>
            <source>Ready to import</source>
            <translation>可以导入</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>已导入</translation>
        </message>
        <message>
            <source>: {message}</source>
            <translation>：{message}</translation>
        </message>
        <message>
            <source>; package {numbers} missing</source>
            <translation>；缺第 {numbers} 包</translation>
        </message>
        <message>
            <source>Import finished: {applied} of {total} packages imported.</source>
            <translation>导入完成：共 {total} 个数据包，已导入 {applied} 个。</translation>
        </message>
        <message>
            <source>Nothing has been imported yet. Check the list (compare the check codes with the transmittal slips), then press Import.</source>
            <translation>尚未导入任何数据。请核对下表（校验码应与报送单上的一致），然后点“导入”。</translation>
        </message>
        <message>
            <source>There is nothing to import in these files.</source>
            <translation>这些文件中没有可以导入的数据包。</translation>
        </message>
        <message>
            <source>Importing packages…</source>
            <translation>正在导入数据包…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>关闭(&amp;C)</translation>
        </message>
        <message>
            <source>Importing the packages failed.</source>
            <translation>导入数据包失败。</translation>
        </message>
        <message>
            <source>Import {what}</source>
            <translation>导入{what}</translation>
        </message>
        <message>
            <source>Choose File…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <source>Save Template…</source>
            <translation>保存导入模板…</translation>
        </message>
        <message>
            <source>Choose an .xlsx or .csv file. Nothing is imported before you confirm.</source>
            <translation>请选择 .xlsx 或 .csv 文件。确认之前不会导入任何数据。</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Import the Good Rows Only</source>
            <translation>仅导入无误的行</translation>
        </message>
        <message>
            <source>Choose File</source>
            <translation>选择文件</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
            <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Save Template</source>
            <translation>保存导入模板</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <source>Checking the file…</source>
            <translation>正在检查文件…</translation>
        </message>
        <message>
            <source>Cannot Import</source>
            <translation>无法导入</translation>
        </message>
        <message>
            <source>New: {new}, updated: {update}, unchanged: {unchanged}, duplicates (skipped): {duplicate}, with errors: {error}.</source>
            <translation>新增 {new} 条，更新 {update} 条，未变 {unchanged} 条，重复（已跳过）{duplicate} 条，有误 {error} 条。</translation>
        </message>
        <message>
            <source>The rows with errors are marked in red in {path}: correct them there and import that file, or import the good rows only.</source>
            <translation>有误的行已在 {path} 中标红并加批注：可在该文件中改正后重新导入，或仅导入无误的行。</translation>
        </message>
        <message>
            <source>; {count} record(s) refused: the sender may not change them</source>
            <translation>；{count} 条记录被拒收：发送单位无权更改</translation>
        </message>
        <message>
            <source>; the clock of {units} is ahead</source>
            <translation>；{units} 的电脑时钟偏快</translation>
        </message>
    </context>
    <context>
        <name>KeySlotBar</name>
        <message>
            <source>vacant</source>
            <translation>空缺</translation>
        </message>
    </context>
    <context>
        <name>Launcher</name>
        <message>
            <source>Creating demo data: {unit} ({done} of {total})</source>
            <translation>正在生成演示数据：{unit}（{done}/{total}）</translation>
        </message>
        <message>
            <source>Creating Demo Data</source>
            <translation>生成演示数据</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>正在打开数据库…</translation>
        </message>
        <message>
            <source>The Database Cannot Be Opened</source>
            <translation>无法打开数据库</translation>
        </message>
        <message>
            <source>Restore the database from one of its backups?</source>
            <translation>要从备份恢复数据库吗？</translation>
        </message>
        <message>
            <source>{path} has not been set up for a unit. Start the program without --db to set up a new database, or choose another file.</source>
            <translation>{path} 尚未设置所属单位。请不带 --db 参数启动程序来新建数据库，或选择其他数据库文件。</translation>
        </message>
        <message>
            <source>Opening {path} failed.</source>
            <translation>打开 {path} 失败。</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>正在从备份恢复…</translation>
        </message>
        <message>
            <source>Please note</source>
            <translation>请注意</translation>
        </message>
        <message>
            <source>The database is damaged</source>
            <translation>数据库已损坏</translation>
        </message>
        <message>
            <source>The full check of the database found damage. Do not export packages; restore the latest backup (Settings → Backups).</source>
            <translation>数据库完整性检查发现损坏。请勿导出数据包，请从最近的备份恢复（设置 → 备份）。</translation>
        </message>
    </context>
    <context>
        <name>LeadershipPage</name>
        <message>
            <source>&amp;Appoint</source>
            <translation>任职(&amp;A)</translation>
        </message>
        <message>
            <source>End &amp;Post</source>
            <translation>离任(&amp;P)</translation>
        </message>
        <message>
            <source>The selected person leaves the post (离任) on a date you enter</source>
            <translation>所选人员于填写的日期离任</translation>
        </message>
        <message>
            <source>S&amp;how Former Posts</source>
            <translation>显示已离任(&amp;H)</translation>
        </message>
        <message>
            <source>Leadership</source>
            <translation>班子成员</translation>
        </message>
        <message>
            <source>End Post</source>
            <translation>离任</translation>
        </message>
    </context>
    <context>
        <name>LeadingGroupPage</name>
        <message>
            <source>Leading Group</source>
            <translation>领导小组</translation>
        </message>
        <message>
            <source>&amp;Edit Leading Group Details</source>
            <translation>修改领导小组信息(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Add Member</source>
            <translation>新增成员(&amp;A)</translation>
        </message>
        <message>
            <source>Enter the leading group's details first</source>
            <translation>请先填写领导小组基本情况</translation>
        </message>
    </context>
    <context>
        <name>LightLegend</name>
        <message>
            <source>met</source>
            <translation>达标</translation>
        </message>
        <message>
            <source>partly met or due soon</source>
            <translation>部分达标或即将到期</translation>
        </message>
        <message>
            <source>lacking or overdue</source>
            <translation>未达标或已逾期</translation>
        </message>
        <message>
            <source>not entered or nothing to count</source>
            <translation>未填写或无可统计</translation>
        </message>
    </context>
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
        <name>MainActions</name>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>查看(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Import Packages…</source>
            <translation>导入数据包(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Export Package for the Upper Level…</source>
            <translation>导出上报数据包(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Back Up Now</source>
            <translation>立即备份(&amp;B)</translation>
        </message>
        <message>
            <source>Save a copy of the database in the backups folder</source>
            <translation>把数据库复制一份保存到备份文件夹</translation>
        </message>
        <message>
            <source>&amp;Restore from Backup…</source>
            <translation>从备份恢复(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>E&amp;xit</source>
            <translation>退出(&amp;X)</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Find Unit</source>
            <translation>查找单位(&amp;F)</translation>
        </message>
        <message>
            <source>Unit &amp;Tree</source>
            <translation>单位树(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>关于(&amp;A)</translation>
        </message>
        <message>
            <source>Backed up to {path}</source>
            <translation>已备份到 {path}</translation>
        </message>
        <message>
            <source>Backup Failed</source>
            <translation>备份失败</translation>
        </message>
        <message>
            <source>The backup could not be written: {error}

Check that the data folder is on this computer's disk and has free space, then try again.</source>
            <translation>无法写入备份：{error}

请检查数据文件夹是否在本机硬盘上、磁盘是否还有空间，然后再试一次。</translation>
        </message>
        <message>
            <source>Restore Failed</source>
            <translation>恢复失败</translation>
        </message>
        <message>
            <source>Restoring the backup failed; the database was not replaced.</source>
            <translation>恢复备份失败，数据库没有被替换。</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>正在从备份恢复…</translation>
        </message>
        <message>
            <source>Data Folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <source>The next start uses the database in {folder}, and there is none there yet.

Copy the current database there now?</source>
            <translation>下次启动时将使用 {folder} 中的数据库，但那里还没有数据库。

现在把当前数据库复制过去吗？</translation>
        </message>
        <message>
            <source>Database copied to {path}</source>
            <translation>数据库已复制到 {path}</translation>
        </message>
        <message>
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Science Association 3+1 Work&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Database: {db}&lt;br&gt;Schema version: {schema}&lt;br&gt;Data folder: {folder}&lt;br&gt;Backups: {backups}&lt;br&gt;Log file: {log}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;基层科协“3+1”工作&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;数据库：{db}&lt;br&gt;数据结构版本：{schema}&lt;br&gt;数据文件夹：{folder}&lt;br&gt;备份文件夹：{backups}&lt;br&gt;日志文件：{log}&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>{unit} — Science Association 3+1 Work</source>
            <translation>{unit} — 基层科协“3+1”工作</translation>
        </message>
        <message>
            <source>There is no page for these records yet.</source>
            <translation>本版本还没有显示这些记录的页面。</translation>
        </message>
        <message>
            <source>Unit: {name}</source>
            <translation>本单位：{name}</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>未填写</translation>
        </message>
        <message>
            <source>Clerk: {name}</source>
            <translation>录入员：{name}</translation>
        </message>
        <message>
            <source>Last backup: {time}</source>
            <translation>上次备份：{time}</translation>
        </message>
        <message>
            <source>Not backed up yet</source>
            <translation>尚未备份</translation>
        </message>
        <message>
            <source>&amp;Year:</source>
            <translation>年度(&amp;Y)：</translation>
        </message>
        <message>
            <source>Science Association 3+1 Work</source>
            <translation>基层科协“3+1”工作</translation>
        </message>
        <message>
            <source>Unsaved Entry</source>
            <translation>尚未保存的录入</translation>
        </message>
        <message>
            <source>A form still holds what you typed and has not been saved.</source>
            <translation>还有一张表单中录入的内容尚未保存。</translation>
        </message>
        <message>
            <source>&amp;Save and Quit</source>
            <translation>保存并退出(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Discard and Quit</source>
            <translation>放弃并退出(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Keep Editing</source>
            <translation>继续编辑(&amp;K)</translation>
        </message>
    </context>
    <context>
        <name>MilestonesPage</name>
        <message>
            <source>Milestones</source>
            <translation>时间节点</translation>
        </message>
    </context>
    <context>
        <name>PageMenus</name>
        <message>
            <source>&amp;Records</source>
            <translation>记录(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;New Record</source>
            <translation>新增(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Edit Record (Enter)</source>
            <translation>编辑(&amp;E)（Enter）</translation>
        </message>
        <message>
            <source>&amp;Delete Records</source>
            <translation>删除(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>打印(&amp;P)…</translation>
        </message>
        <message>
            <source>E&amp;xport to Excel…</source>
            <translation>导出 Excel(&amp;X)…</translation>
        </message>
        <message>
            <source>This page has no records to do that with.</source>
            <translation>本页没有可进行此操作的记录。</translation>
        </message>
        <message>
            <source>This page has nothing to print yet.</source>
            <translation>本页暂无可打印的内容。</translation>
        </message>
        <message>
            <source>This page has nothing to export yet.</source>
            <translation>本页暂无可导出的内容。</translation>
        </message>
        <message>
            <source>Ne&amp;xt Page</source>
            <translation>下一页面(&amp;X)</translation>
        </message>
        <message>
            <source>Pre&amp;vious Page</source>
            <translation>上一页面(&amp;V)</translation>
        </message>
    </context>
    <context>
        <name>PeoplePage</name>
        <message>
            <source>People</source>
            <translation>人员库</translation>
        </message>
    </context>
    <context>
        <name>PlansPage</name>
        <message>
            <source>Work Plans and Tasks</source>
            <translation>工作方案与任务</translation>
        </message>
        <message>
            <source>Add &amp;Task</source>
            <translation>新增任务(&amp;T)</translation>
        </message>
        <message>
            <source>Tasks of the Selected Plan</source>
            <translation>所选方案的任务清单</translation>
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
        <name>RecordDialog</name>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save and Ne&amp;w</source>
            <translation>保存并新增(&amp;W)</translation>
        </message>
        <message>
            <source>Ctrl+Enter: save, then enter the next one</source>
            <translation>Ctrl+Enter：保存后接着录入下一条</translation>
        </message>
        <message>
            <source>New {what}</source>
            <translation>新增{what}</translation>
        </message>
        <message>
            <source>{what}: {name} (read-only, entered by another unit)</source>
            <translation>{what}：{name}（其他单位录入，只读）</translation>
        </message>
        <message>
            <source>Edit {what}: {name}</source>
            <translation>修改{what}：{name}</translation>
        </message>
        <message>
            <source>Choose the person from the list that opens as you type (name, pinyin initials or ID number); Insert adds a new person.</source>
            <translation>请在输入时弹出的列表中选择人员（可输入姓名、拼音首字母或身份证号）；按 Insert 键新增人员。</translation>
        </message>
        <message>
            <source>Saved: {label}. Enter the next one.</source>
            <translation>已保存：{label}。请录入下一条。</translation>
        </message>
        <message>
            <source>Discard Entry</source>
            <translation>放弃录入</translation>
        </message>
        <message>
            <source>Discard what you have typed?</source>
            <translation>放弃已输入的内容吗？</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>放弃(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Keep Editing</source>
            <translation>继续编辑(&amp;K)</translation>
        </message>
        <message>
            <source>Check the ID Number</source>
            <translation>核对身份证号</translation>
        </message>
        <message>
            <source>Has it been compared with the ID card, digit by digit?</source>
            <translation>是否已与身份证原件逐位核对无误？</translation>
        </message>
        <message>
            <source>Compared with the card: save</source>
            <translation>已与原件核对，保存</translation>
        </message>
        <message>
            <source>Go back and correct it</source>
            <translation>返回修改</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
    </context>
    <context>
        <name>RecordPanel</name>
        <message>
            <source>&amp;Add</source>
            <translation>新增(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>删除(&amp;D)</translation>
        </message>
        <message>
            <source>Add a record (Ins or Ctrl+N)</source>
            <translation>新增一条记录（Ins 或 Ctrl+N）</translation>
        </message>
        <message>
            <source>Open the selected record (Enter)</source>
            <translation>打开所选记录（Enter）</translation>
        </message>
        <message>
            <source>Delete the selected records (Del); Ctrl+Z undoes it</source>
            <translation>删除所选记录（Del）；可按 Ctrl+Z 撤销</translation>
        </message>
        <message>
            <source>Show &amp;All</source>
            <translation>显示全部(&amp;A)</translation>
        </message>
        <message>
            <source>{count} {what} records</source>
            <translation>{count} 条{what}记录</translation>
        </message>
        <message>
            <source>Showing only: {what}</source>
            <translation>仅显示：{what}</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Restore from Backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <source>automatic</source>
            <translation>自动备份</translation>
        </message>
        <message>
            <source>made by hand</source>
            <translation>手动备份</translation>
        </message>
        <message>
            <source>before a restore</source>
            <translation>恢复前自动保存</translation>
        </message>
        <message>
            <source>damaged file set aside</source>
            <translation>已损坏的文件</translation>
        </message>
        <message>
            <source>The database could not be opened. Choose a backup to continue from; the damaged file is kept in the backups folder.</source>
            <translation>数据库无法打开。请选择一份备份继续使用；损坏的文件会保留在备份文件夹中。</translation>
        </message>
        <message>
            <source>Choose the backup to go back to. The current data is backed up first, so this step can be undone by restoring that backup.</source>
            <translation>请选择要恢复的备份。恢复前会先备份当前数据，如有需要，可以再从那份备份恢复回来。</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>恢复(&amp;R)</translation>
        </message>
        <message>
            <source>There are no backups yet.</source>
            <translation>还没有备份。</translation>
        </message>
        <message>
            <source>Replace the database with the backup of {when}?</source>
            <translation>用 {when} 的备份替换当前数据库吗？</translation>
        </message>
        <message>
            <source>The current data will be backed up first.</source>
            <translation>替换前会先备份当前数据。</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>Return a Record for Correction</source>
            <translation>退回更正</translation>
        </message>
        <message>
            <source>Records received from {name}. The record goes back to the unit that entered it with the next receipt; it stays as it is here until the corrected version arrives.</source>
            <translation>从{name}收到的记录。所选记录将随下一份回执退回填报单位；更正后的版本报送上来之前，本机的记录保持不变。</translation>
        </message>
        <message>
            <source>Title or name contains…</source>
            <translation>按名称或标题筛选…</translation>
        </message>
        <message>
            <source>e.g. the date is wrong, a photo is missing</source>
            <translation>例如：活动日期有误、缺少照片</translation>
        </message>
        <message>
            <source>Say what is wrong, not whose: no names, ID numbers or phone numbers in the reason (it travels in the receipt).</source>
            <translation>请说明哪里有误：原因中请勿填写姓名、身份证号或电话号码（原因随回执传送）。</translation>
        </message>
        <message>
            <source>Record &amp;type:</source>
            <translation>记录类型(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Filter:</source>
            <translation>筛选(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>原因(&amp;R)：</translation>
        </message>
        <message>
            <source>Return for Correction</source>
            <translation>退回更正</translation>
        </message>
        <message>
            <source>(no records)</source>
            <translation>（没有记录）</translation>
        </message>
        <message>
            <source>{type} “{title}” of {owner} returned for correction: it goes to {to} with the next receipt.</source>
            <translation>已退回更正：{owner}的{type}“{title}”，将随下一份给{to}的回执发出。</translation>
        </message>
    </context>
    <context>
        <name>RowLegend</name>
        <message>
            <source>another unit's record (read-only)</source>
            <translation>其他单位的记录（只读）</translation>
        </message>
        <message>
            <source>post ended</source>
            <translation>已免职或届满</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>done late</source>
            <translation>逾期完成</translation>
        </message>
        <message>
            <source>not entered yet (e.g. no contact person)</source>
            <translation>尚未填写（如未指定联络员）</translation>
        </message>
        <message>
            <source>Colours:</source>
            <translation>颜色说明：</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>界面语言(&amp;L)：</translation>
        </message>
        <message>
            <source>&amp;Data folder:</source>
            <translation>数据文件夹(&amp;D)：</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Backups to keep:</source>
            <translation>保留备份(&amp;K)：</translation>
        </message>
        <message>
            <source> copies</source>
            <translation> 份</translation>
        </message>
        <message>
            <source>&amp;Clerk's name:</source>
            <translation>录入员姓名(&amp;C)：</translation>
        </message>
        <message>
            <source>The database and its backups live in the data folder. A new folder takes effect at the next start.</source>
            <translation>数据库和备份都保存在数据文件夹中。更改文件夹后，下次启动时生效。</translation>
        </message>
        <message>
            <source>Choose the Data Folder</source>
            <translation>选择数据文件夹</translation>
        </message>
        <message>
            <source>Office &amp;time zone:</source>
            <translation>办公地时区(&amp;T)：</translation>
        </message>
        <message>
            <source>This computer's</source>
            <translation>本机时区</translation>
        </message>
        <message>
            <source>Only for a computer not set to the office's time: dates such as "today" and printed times follow this zone.</source>
            <translation>仅当这台电脑未设为办公地时间时填写：“今天”等日期和打印出的时间按此时区计算。</translation>
        </message>
        <message>
            <source>"{zone}" is not a time zone. Enter a name such as Asia/Shanghai or an offset such as UTC+8, or leave the box empty.</source>
            <translation>“{zone}”不是有效的时区。请输入时区名称（如 Asia/Shanghai）或时差（如 UTC+8），或留空。</translation>
        </message>
        <message>
            <source>Office &amp;server:</source>
            <translation>办公室服务器(&amp;S)：</translation>
        </message>
        <message>
            <source>Empty: the database on this computer. Otherwise the office server's address, without a password (the PostgreSQL password file holds it); takes effect at the next start.</source>
            <translation>留空：使用本机数据库；否则填写办公室服务器地址，不含密码（密码保存在 PostgreSQL 密码文件中）；下次启动时生效。</translation>
        </message>
        <message>
            <source>The office server address is not usable: {why}</source>
            <translation>办公室服务器地址无法使用：{why}</translation>
        </message>
    </context>
    <context>
        <name>SingleRecordBox</name>
        <message>
            <source>Not recorded yet.</source>
            <translation>尚未填写。</translation>
        </message>
        <message>
            <source>Term ended on {date}: re-election is overdue</source>
            <translation>任期已于 {date} 届满，换届逾期</translation>
        </message>
        <message>
            <source>Term ends on {date}: re-election is due soon</source>
            <translation>任期将于 {date} 届满，即将换届</translation>
        </message>
    </context>
    <context>
        <name>SummaryCards</name>
        <message>
            <source>Associations established</source>
            <translation>已成立科协</translation>
        </message>
        <message>
            <source>Visited this year</source>
            <translation>本年度已走访</translation>
        </message>
        <message>
            <source>Terms overdue</source>
            <translation>换届逾期</translation>
        </message>
        <message>
            <source>Villages with a contact</source>
            <translation>村（社区）已指定专人</translation>
        </message>
        <message>
            <source>Townships with shortages</source>
            <translation>存在“四缺”的乡镇</translation>
        </message>
        <message>
            <source>Milestones on time</source>
            <translation>时间节点按时完成</translation>
        </message>
        <message>
            <source>{late} late or overdue</source>
            <translation>{late} 项延误或逾期</translation>
        </message>
        <message>
            <source>Counties</source>
            <translation>县（市、区）</translation>
        </message>
        <message>
            <source>All three key persons</source>
            <translation>“三长”全部到位</translation>
        </message>
        <message>
            <source>hospital {h} · school {s} · agricultural station {a}</source>
            <translation>医院 {h} · 学校 {s} · 农技站 {a}</translation>
        </message>
        <message>
            <source>Activities this year</source>
            <translation>本年度活动</translation>
        </message>
        <message>
            <source>Leading group</source>
            <translation>领导小组</translation>
        </message>
        <message>
            <source>set up</source>
            <translation>已成立</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>未建立</translation>
        </message>
        <message>
            <source>Work plan</source>
            <translation>工作方案</translation>
        </message>
        <message>
            <source>filed</source>
            <translation>已报备</translation>
        </message>
    </context>
    <context>
        <name>TeamsPage</name>
        <message>
            <source>Volunteer Teams</source>
            <translation>志愿者队伍</translation>
        </message>
        <message>
            <source>Add &amp;Member</source>
            <translation>新增队员(&amp;M)</translation>
        </message>
        <message>
            <source>Members of the Selected Team</source>
            <translation>所选队伍的队员</translation>
        </message>
    </context>
    <context>
        <name>TrustDialog</name>
        <message>
            <source>Confirm a New Sender</source>
            <translation>核对新的发送单位</translation>
        </message>
        <message>
            <source>This computer has never received anything from this unit:</source>
            <translation>本机从未收到过该单位发来的数据：</translation>
        </message>
        <message>
            <source>Call its clerk and ask them to read out “This computer's key fingerprint” from their Data Exchange page. Compare it, character by character, with:</source>
            <translation>请打电话给对方录入员，请其念出“数据交换”页上的“本机密钥指纹”，并与下面的指纹逐字核对：</translation>
        </message>
        <message>
            <source>Import only if every character is the same. If it differs, do not import: the file may not come from {name}. Tell the upper level.</source>
            <translation>每个字符都一致才可导入。如有不同，请勿导入——该文件可能并非来自{name}，请告知上级。</translation>
        </message>
        <message>
            <source>&amp;Trust and Import</source>
            <translation>确认信任并导入(&amp;T)</translation>
        </message>
    </context>
    <context>
        <name>UnitTree</name>
        <message>
            <source>Find a unit…</source>
            <translation>查找单位…</translation>
        </message>
        <message>
            <source>Type a name, pinyin initials such as zzz, or a code; Esc clears.</source>
            <translation>输入名称、拼音首字母（如 zzz）或代码；按 Esc 清除。</translation>
        </message>
    </context>
    <context>
        <name>VenuesPage</name>
        <message>
            <source>Venues</source>
            <translation>阵地</translation>
        </message>
    </context>
    <context>
        <name>VillageDialog</name>
        <message>
            <source>New Village or Community</source>
            <translation>新增村（社区）</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>村</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>名称(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>类别(&amp;K)</translation>
        </message>
    </context>
    <context>
        <name>VillagesPage</name>
        <message>
            <source>Designated &amp;Contact…</source>
            <translation>指定联系人(&amp;C)…</translation>
        </message>
        <message>
            <source>The village's designated contact person and shared service venue</source>
            <translation>村（社区）的指定联系人和共用的党群服务阵地</translation>
        </message>
        <message>
            <source>Villages</source>
            <translation>村（社区）</translation>
        </message>
        <message>
            <source>{village}: Designated Contact</source>
            <translation>{village}：指定联系人</translation>
        </message>
    </context>
    <context>
        <name>VisitsPage</name>
        <message>
            <source>Survey Visits</source>
            <translation>调研走访</translation>
        </message>
    </context>
    <context>
        <name>association</name>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
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
        <name>exchange</name>
        <message>
            <source>Data package</source>
            <translation>数据包</translation>
        </message>
        <message>
            <source>Receipt</source>
            <translation>回执</translation>
        </message>
        <message>
            <source>Reference data</source>
            <translation>基础数据</translation>
        </message>
        <message>
            <source>Enrolment file</source>
            <translation>注册文件</translation>
        </message>
    </context>
    <context>
        <name>undo</name>
        <message>
            <source>Cannot Undo</source>
            <translation>无法撤销</translation>
        </message>
        <message>
            <source>Delete {count} records</source>
            <translation>删除 {count} 条记录</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Delete {what}?</source>
            <translation>删除{what}吗？</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>删除(&amp;D)</translation>
        </message>
        <message>
            <source>You can undo this with Ctrl+Z.</source>
            <translation>删除后可按 Ctrl+Z 撤销。</translation>
        </message>
        <message>
            <source>Not Deleted</source>
            <translation>未能删除</translation>
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
            <source>Unit</source>
            <translation>所属单位</translation>
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
            <translation>牵头人</translation>
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
            <source>Venue name</source>
            <translation>名称</translation>
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
            <source>Village name</source>
            <translation>名称</translation>
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
