"""Field specifications of every record type: the single description that
validation, the generic services, the GUI's entry forms and the Excel templates share."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..store import models as m


@dataclass(frozen=True)
class FieldSpec:
    name: str
    zh: str
    en: str
    kind: str = "text"     # text | multiline | int | float | date | bool | catalogue | person | unit | ref | id_number | phone | year
    required: bool = False
    catalogue: str | None = None
    ref_table: str | None = None
    editable: bool = True
    sensitive: bool = False   # personal data: masked in printed/exported output


@dataclass(frozen=True)
class RecordSpec:
    table: str
    model: type
    zh: str
    en: str
    fields: tuple[FieldSpec, ...]
    title_field: str | None = None
    unit_field: str | None = "unit_code"
    parent: tuple[str, str] | None = None    # (field, table) whose record scopes this one

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def F(name, zh, en, kind="text", **kw) -> FieldSpec:
    """Returns a FieldSpec (the short form the spec tables below are written in)."""
    return FieldSpec(name, zh, en, kind, **kw)


UNIT = F("unit_code", "所属单位", "Unit", "unit", required=True)
NOTES = F("notes", "备注", "Notes", "multiline")

SPECS: dict[str, RecordSpec] = {s.table: s for s in (
    RecordSpec("units", m.Unit, "单位", "Unit", (
        F("code", "代码", "Code", required=True),
        F("name", "名称", "Name", required=True),
        F("level", "层级", "Level", "catalogue", required=True, catalogue="unit_level"),
        F("parent_code", "上级单位", "Parent unit", "unit", required=True),
        F("kind", "类别", "Kind"),
    ), title_field="name", unit_field="parent_code"),
    RecordSpec("associations", m.Association, "科协组织", "Association", (
        UNIT,
        F("established", "已成立科协", "Established", "bool"),
        F("established_on", "成立日期", "Established on", "date"),
        F("term_no", "届次", "Term no.", "int"),
        F("term_start", "本届开始", "Term start", "date"),
        F("term_end", "本届届满", "Term end", "date"),
        F("staff_quota", "编制（人）", "Staff quota", "int"),
        F("staff_count", "工作人员（人）", "Staff", "int"),
        F("funding_yuan", "年度经费（元）", "Funding (yuan/yr)", "int"),
        F("premises_m2", "办公场地（㎡）", "Premises (m²)", "float"),
        F("contact_person_id", "指定联系人", "Contact person", "person"),
        F("service_venue_id", "共用党群服务阵地", "Shared service venue", "ref", ref_table="venues"),
        NOTES,
    )),
    RecordSpec("association_meetings", m.AssociationMeeting, "全委会/换届", "Meeting", (
        UNIT,
        F("kind", "会议类型", "Kind", "catalogue", required=True, catalogue="meeting_kind"),
        F("held_on", "召开日期", "Held on", "date", required=True),
        F("term_no", "届次", "Term no.", "int"),
        NOTES,
    )),
    RecordSpec("people", m.Person, "人员", "Person", (
        UNIT,
        F("name", "姓名", "Name", required=True),
        F("gender", "性别", "Gender", "catalogue", catalogue="gender"),
        F("ethnicity", "民族", "Ethnicity", "catalogue", catalogue="ethnicity"),
        F("birth_date", "出生日期", "Birth date", "date"),
        F("id_number", "身份证号", "ID number", "id_number", sensitive=True),
        F("phone", "联系电话", "Phone", "phone", sensitive=True),
        F("political_status", "政治面貌", "Political status", "catalogue", catalogue="political_status"),
        F("education", "学历", "Education", "catalogue", catalogue="education"),
        F("title", "职称", "Professional title"),
        F("title_level", "职称级别", "Title level", "catalogue", catalogue="title_level"),
        F("employer", "工作单位", "Employer"),
        F("job", "职务", "Job"),
        F("sector", "所属领域", "Sector", "catalogue", catalogue="sector"),
        F("category", "人员类别", "Category", "catalogue", catalogue="key_category"),
        NOTES,
    ), title_field="name"),
    RecordSpec("posts", m.Post, "任职", "Post", (
        F("person_id", "人员", "Person", "person", required=True),
        UNIT,
        F("role", "职务", "Role", "catalogue", required=True, catalogue="role"),
        F("start_on", "任职日期", "From", "date"),
        F("end_on", "离任日期", "To", "date"),
        F("method", "产生方式", "How", "catalogue", catalogue="post_method"),
        NOTES,
    )),
    RecordSpec("venues", m.Venue, "阵地", "Venue", (
        UNIT,
        F("type", "阵地类型", "Type", "catalogue", required=True, catalogue="venue_type"),
        F("name", "名称", "Name", required=True),
        F("address", "地址", "Address"),
        F("area_m2", "面积（㎡）", "Area (m²)", "float"),
        F("opened_on", "建成日期", "Opened on", "date"),
        NOTES,
    ), title_field="name"),
    RecordSpec("activities", m.Activity, "活动", "Activity", (
        UNIT,
        F("title", "活动名称", "Title", required=True),
        F("held_on", "活动日期", "Date", "date", required=True),
        F("place", "活动地点", "Place"),
        F("domain", "服务领域", "Domain", "catalogue", required=True, catalogue="domain"),
        F("type", "活动类型", "Type", "catalogue", catalogue="activity_type"),
        F("theme_day", "主题日", "Theme day", "catalogue", catalogue="theme_day"),
        F("leader_id", "牵头人", "Led by", "person"),
        F("organisers", "组织单位", "Organisers"),
        F("participants", "参加人数", "Participants", "int"),
        F("volunteers", "志愿者人数", "Volunteers", "int"),
        F("description", "活动内容", "Description", "multiline"),
    ), title_field="title"),
    RecordSpec("attachments", m.Attachment, "附件", "Attachment", (
        F("activity_id", "活动", "Activity", "ref", required=True, ref_table="activities"),
        F("kind", "附件类型", "Kind", "catalogue", required=True, catalogue="attachment_kind"),
        F("file_name", "文件名", "File name", required=True),
        F("mime", "类型", "MIME type", editable=False),
        F("sha256", "校验值", "SHA-256", editable=False, required=True),
        F("size", "大小", "Size", "int", editable=False, required=True),
        F("caption", "说明", "Caption"),
    ), title_field="file_name", unit_field=None, parent=("activity_id", "activities")),
    RecordSpec("volunteer_teams", m.VolunteerTeam, "志愿者队伍", "Volunteer team", (
        UNIT,
        F("name", "队伍名称", "Name", required=True),
        F("domain", "服务领域", "Domain", "catalogue", catalogue="domain"),
        F("leader_id", "负责人", "Leader", "person"),
        F("founded_on", "成立日期", "Founded on", "date"),
        NOTES,
    ), title_field="name"),
    RecordSpec("team_members", m.TeamMember, "队员", "Team member", (
        F("team_id", "队伍", "Team", "ref", required=True, ref_table="volunteer_teams"),
        F("person_id", "人员", "Person", "person", required=True),
        F("role", "队内职务", "Role", "catalogue", catalogue="team_role"),
        F("joined_on", "加入日期", "Joined on", "date"),
    ), unit_field=None, parent=("team_id", "volunteer_teams")),
    RecordSpec("leading_groups", m.LeadingGroup, "领导小组", "Leading group", (
        UNIT,
        F("set_up_on", "成立日期", "Set up on", "date"),
        F("doc_no", "成立文号", "Document no."),
        F("office", "办公室设在", "Office"),
        NOTES,
    )),
    RecordSpec("group_members", m.GroupMember, "领导小组成员", "Group member", (
        F("group_id", "领导小组", "Group", "ref", required=True, ref_table="leading_groups"),
        F("person_id", "人员", "Person", "person", required=True),
        F("role", "小组职务", "Role", "catalogue", required=True, catalogue="group_role"),
        F("department", "所在部门", "Department"),
    ), unit_field=None, parent=("group_id", "leading_groups")),
    RecordSpec("visits", m.Visit, "调研走访", "Survey visit", (
        UNIT,
        F("visited_unit_code", "走访单位", "Visited unit", "unit", required=True),
        F("visited_on", "走访日期", "Date", "date", required=True),
        F("visitors", "走访人员", "Visitors"),
        F("association_status", "科协组织情况", "Association status", "multiline"),
        F("workers_status", "科技工作者情况", "Science workers", "multiline"),
        F("party_suggestions", "乡镇党委意见建议", "Party committee's suggestions", "multiline"),
        F("follow_ups", "后续跟进", "Follow-ups", "multiline"),
    )),
    RecordSpec("work_plans", m.WorkPlan, "工作方案", "Work plan", (
        UNIT,
        F("year", "年度", "Year", "year", required=True),
        F("title", "方案名称", "Title", required=True),
        F("doc_no", "文号", "Document no."),
        F("filed_on", "印发日期", "Filed on", "date"),
        F("summary", "主要内容", "Summary", "multiline"),
    ), title_field="title"),
    RecordSpec("plan_tasks", m.PlanTask, "任务", "Task", (
        F("plan_id", "工作方案", "Plan", "ref", required=True, ref_table="work_plans"),
        F("title", "任务", "Task", required=True),
        F("responsible", "责任人", "Responsible"),
        F("person_id", "责任人（人员库）", "Responsible person", "person"),
        F("due_on", "完成时限", "Due", "date"),
        F("status", "状态", "Status", "catalogue", catalogue="task_status"),
        F("done_on", "完成日期", "Done on", "date"),
        NOTES,
    ), title_field="title", unit_field=None, parent=("plan_id", "work_plans")),
    RecordSpec("milestones", m.Milestone, "时间节点", "Milestone", (
        UNIT,
        F("year", "年度", "Year", "year", required=True),
        F("code", "节点代码", "Code", required=True),
        F("title", "节点", "Milestone", required=True),
        F("due_on", "截止日期", "Due", "date", required=True),
        F("done_on", "完成日期", "Done on", "date"),
        NOTES,
    ), title_field="title"),
    RecordSpec("bulletins", m.Bulletin, "信息通报", "Bulletin", (
        UNIT,
        F("issue_no", "期号", "Issue no.", "int"),
        F("issued_on", "印发日期", "Issued on", "date", required=True),
        F("title", "标题", "Title", required=True),
        F("body", "正文", "Text", "multiline"),
        F("recipients", "报送单位", "Sent to"),
    ), title_field="title"),
)}
