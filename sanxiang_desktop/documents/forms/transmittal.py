"""报送单: the slip printed with each sync package, so the receiving clerk can check by
telephone that the file imported is the one that was sent."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping

from sanxiang_desktop.documents.model import (
    Column, Document, Field, Heading, KeyValueGrid, Paragraph, SignatureLine, Spacer, Table)

# Record kinds by table name, in the order a clerk thinks of them; unknown kinds follow
# under their own name, so a newer package still prints.
RECORD_TYPE_LABELS: dict[str, str] = {
    "units": "单位",
    "associations": "科协组织",
    "association_meetings": "换届及全委会",
    "people": "人员",
    "posts": "任职",
    "venues": "阵地",
    "activities": "活动",
    "attachments": "活动附件",
    "volunteer_teams": "志愿者队伍",
    "team_members": "志愿者队伍成员",
    "leading_groups": "领导小组",
    "group_members": "领导小组成员",
    "visits": "调研走访",
    "work_plans": "工作方案",
    "plan_tasks": "任务清单",
    "milestones": "时间节点",
    "bulletins": "信息通报",
}


@dataclass(frozen=True)
class TransmittalData:
    sender_name: str
    sender_code: str
    recipient_name: str
    recipient_code: str
    package_file: str
    sequence: int
    created_at: dt.datetime
    check_code: str
    record_counts: Mapping[str, int] = field(default_factory=dict)


def _count_rows(counts: Mapping[str, int]) -> list[list[object]]:
    known = [k for k in RECORD_TYPE_LABELS if k in counts]
    unknown = sorted(k for k in counts if k not in RECORD_TYPE_LABELS)
    return [[RECORD_TYPE_LABELS.get(k, k), counts[k]] for k in known + unknown]


PAIRED_ABOVE = 8   # more kinds than this: two kinds per line, so counts and signatures share page 1


def _count_table(rows: list[list[object]]) -> Table:
    total = sum(n for _, n in rows)
    if len(rows) <= PAIRED_ABOVE:
        return Table(columns=[Column("类型", 16), Column("条数", 10, "right")], rows=rows,
                     totals_row=["合计", total])
    half = (len(rows) + 1) // 2
    paired = [[*rows[i], *(rows[i + half] if i + half < len(rows) else [None, None])] for i in range(half)]
    return Table(columns=[Column("类型", 16), Column("条数", 8, "right"), Column("类型", 16),
                          Column("条数", 8, "right")], rows=paired, totals_row=["合计", None, None, total])


def transmittal_slip(data: TransmittalData) -> Document:
    rows = _count_rows(data.record_counts)
    return Document(
        title="数据报送单",
        subtitle=f"第 {data.sequence} 号",
        footer_text=f"数据包：{data.package_file}",
        blocks=[
            KeyValueGrid([
                ("报送单位", data.sender_name), ("单位代码", data.sender_code),
                ("接收单位", data.recipient_name), ("单位代码", data.recipient_code),
                ("报送序号", data.sequence), ("生成时间", data.created_at),
                Field("数据包文件", data.package_file, span=2),
            ]),
            Heading("记录条数", level=2),
            _count_table(rows),
            Heading("校验码", level=2),
            Paragraph(data.check_code, style="large"),
            Paragraph("接收方导入后请电话核对此校验码", style="center"),
            Spacer(),
            SignatureLine(["报送人：", "审核人：", "报送日期："]),
            SignatureLine(["接收人：", "核对人：", "接收日期："]),
        ],
    )
