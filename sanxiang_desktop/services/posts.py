"""Posts: appointing a person to a unit's association and ending the post."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.validation import Problem
from ..store import models as m
from . import records
from .hooks import rule
from .result import Result


@rule("posts")
def _post_rules(s: Session, ws, values: dict, record) -> list[Problem]:
    problems = []
    start, end = values.get("start_on"), values.get("end_on")
    if start and end and end < start:
        problems.append(Problem("end_on", "离任日期早于任职日期", "the post ends before it starts"))
    if record is None and values.get("person_id") and values.get("unit_code") and values.get("role"):
        same = s.scalar(select(m.Post.id).where(
            m.Post.person_id == values["person_id"], m.Post.unit_code == values["unit_code"],
            m.Post.role == values["role"], m.Post.end_on.is_(None), m.Post.deleted.is_(False)).limit(1))
        if same:
            problems.append(Problem("role", "此人已在该单位担任此职务", "this person already holds this post here"))
    return problems


@rule("associations")
def _association_rules(s: Session, ws, values: dict, record) -> list[Problem]:
    problems = []
    if values.get("term_start") and values.get("term_end") and values["term_end"] < values["term_start"]:
        problems.append(Problem("term_end", "届满日期早于本届开始日期", "the term ends before it starts"))
    if record is None and values.get("unit_code"):
        exists = s.scalar(select(m.Association.id).where(m.Association.unit_code == values["unit_code"]).limit(1))
        if exists:
            problems.append(Problem("unit_code", "该单位已有科协组织记录，请直接修改", "this unit already has an association record"))
    return problems


@rule("leading_groups")
def _one_group(s: Session, ws, values: dict, record) -> list[Problem]:
    if record is None and values.get("unit_code"):
        unit = s.scalar(select(m.Unit).where(m.Unit.code == values["unit_code"]))
        if unit is not None and unit.level != "county":
            return [Problem("unit_code", "领导小组只在县（市）区设立", "leading groups exist at county level only")]
        if s.scalar(select(m.LeadingGroup.id).where(m.LeadingGroup.unit_code == values["unit_code"]).limit(1)):
            return [Problem("unit_code", "该县（区）已有领导小组记录", "this county already has a leading group")]
    return []


@rule("activities")
def _activity_domain(s: Session, ws, values: dict, record) -> list[Problem]:
    from ..core.catalogues import CATALOGUES
    type_code = values.get("type")
    if not type_code:
        return []
    group = CATALOGUES["activity_type"].get(type_code).group
    if values.get("domain") is None:
        values["domain"] = group
        return []
    if group and group != "other" and values["domain"] != group:
        return [Problem("type", "活动类型与服务领域不一致", "the activity type belongs to another domain")]
    return []


@rule("plan_tasks")
def _task_done(s: Session, ws, values: dict, record) -> list[Problem]:
    if values.get("done_on") and values.get("status") in (None, "todo", "doing"):
        values["status"] = "done"
    return []


def appoint(ws, person_id: str, unit_code: str, role: str, start_on: dt.date | str | None = None,
            method: str | None = None, notes: str = "") -> Result:
    """任职: the person takes a post in the unit's association (audit action "appoint:posts", label 任职).
    A failed Result (never an exception) for bad input, like records.create.
    Returns the Result."""
    return appoint_fields(ws, {"person_id": person_id, "unit_code": unit_code, "role": role,
                               "start_on": start_on or ws.today(), "method": method, "notes": notes})


def appoint_fields(ws, fields: dict, *, allow_duplicate: bool = False) -> Result:
    """任职 from the post form's fields (what the GUI's 任职 dialog saves through).
    Returns the Result; bad input comes back as a failed Result (nothing changed), never as an exception."""
    return records.create(ws, "posts", fields, allow_duplicate=allow_duplicate, action="appoint:posts", label="任职")


def end_post(ws, post_id: str, end_on: dt.date | str | None = None, *, expected_rev: int | None = None) -> Result:
    """离任: the post ends on the given day (today by default); audit action "end_post:posts", label 离任.
    Undone by writing the old end date back (records.update). A failed Result for bad input.
    Returns the Result."""
    return records.update(ws, "posts", post_id, {"end_on": end_on or ws.today()}, expected_rev=expected_rev,
                          action="end_post:posts", label="离任")
