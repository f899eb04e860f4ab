"""Which column is which: Chinese header names (as offices already write them) to fields.

Columns are found by name in any order; unknown columns are ignored. Keys are the
services.spec field names, plus `person_name`/`person_id_number` (who holds a post),
`leader_name` (who led an activity) and `record_id` (the 记录编号 of an exported ledger).
"""
from __future__ import annotations

import re

from ..core.validation import clean_text

_NOISE = re.compile(r"[\s*＊:：]|（[^）]*必填[^）]*）|\([^)]*必填[^)]*\)")

COMMON = {"所属单位": "unit_code", "单位": "unit_code", "单位名称": "unit_code", "填报单位": "unit_code",
          "单位代码": "unit_exact", "行政区划代码": "unit_exact", "记录编号": "record_id"}
HEADERS: dict[str, dict[str, str]] = {
    "people": {
        "姓名": "name", "性别": "gender", "民族": "ethnicity", "出生日期": "birth_date", "出生年月": "birth_date",
        "身份证号": "id_number", "身份证号码": "id_number", "公民身份号码": "id_number", "证件号码": "id_number",
        "联系电话": "phone", "电话": "phone", "手机": "phone", "手机号": "phone", "手机号码": "phone",
        "政治面貌": "political_status", "学历": "education", "文化程度": "education", "职称": "title",
        "职称级别": "title_level", "工作单位": "employer", "职务": "job", "所属领域": "sector", "领域": "sector",
        "人员类别": "category", "类别": "category", "备注": "notes",
    },
    "posts": {
        "姓名": "person_name", "人员": "person_name", "身份证号": "person_id_number",
        "身份证号码": "person_id_number", "职务": "role", "科协职务": "role", "任职日期": "start_on",
        "任职时间": "start_on", "离任日期": "end_on", "产生方式": "method", "任职方式": "method", "备注": "notes",
    },
    "activities": {
        "活动名称": "title", "名称": "title", "活动日期": "held_on", "日期": "held_on", "活动时间": "held_on",
        "活动地点": "place", "地点": "place", "服务领域": "domain", "活动类型": "type", "类型": "type",
        "主题日": "theme_day", "牵头人": "leader_name", "组织单位": "organisers", "主办单位": "organisers",
        "参与人数": "participants", "参加人数": "participants", "志愿者人数": "volunteers",
        "活动内容": "description", "内容": "description",
    },
}
# The template's own headers, in order (the first of each field's names); * marks required.
TEMPLATE_COLUMNS: dict[str, list[tuple[str, str, bool]]] = {
    "people": [("所属单位", "unit_code", False), ("姓名", "name", True), ("性别", "gender", False),
               ("民族", "ethnicity", False), ("出生日期", "birth_date", False), ("身份证号", "id_number", False),
               ("联系电话", "phone", False), ("政治面貌", "political_status", False), ("学历", "education", False),
               ("职称", "title", False), ("职称级别", "title_level", False), ("工作单位", "employer", False),
               ("职务", "job", False), ("所属领域", "sector", False), ("人员类别", "category", False),
               ("备注", "notes", False)],
    "posts": [("所属单位", "unit_code", False), ("姓名", "person_name", True), ("身份证号", "person_id_number", False),
              ("职务", "role", True), ("任职日期", "start_on", False), ("离任日期", "end_on", False),
              ("产生方式", "method", False), ("备注", "notes", False)],
    "activities": [("所属单位", "unit_code", False), ("活动名称", "title", True), ("活动日期", "held_on", True),
                   ("活动地点", "place", False), ("服务领域", "domain", True), ("活动类型", "type", False),
                   ("主题日", "theme_day", False), ("牵头人", "leader_name", False), ("组织单位", "organisers", False),
                   ("参与人数", "participants", False), ("志愿者人数", "volunteers", False),
                   ("活动内容", "description", False)],
}
EXAMPLE_MARK = "示例行（导入时忽略）"


def header_key(text: str) -> str:
    """A header as typed ("* 姓名：", "身份证号（必填）") reduced to its name."""
    return _NOISE.sub("", clean_text(text))


def known_headers(table: str) -> dict[str, str]:
    return {**COMMON, **HEADERS[table]}


def map_columns(table: str, header: list) -> dict[int, str]:
    """{column index: field key} for the recognised headers (the first column wins a repeat)."""
    names = known_headers(table)
    out: dict[int, str] = {}
    taken: set[str] = set()
    for i, text in enumerate(header):
        if not isinstance(text, str):
            continue
        key = names.get(header_key(text))
        if key and key not in taken:
            out[i] = key
            taken.add(key)
    return out
