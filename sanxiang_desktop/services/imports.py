"""Importing a list (people, posts, activities): plan every row, then apply them all as ONE
user action (one transaction, one audit entry, one undo step in the GUI).

A row arrives as {field key: cell value} (spreadsheets.mapping keys). Planning resolves
units by name or code, people by ID number or name, the 记录编号 of an exported ledger, and
runs the same validation and rules as the entry forms (records.validate), so an import can
never store what a form would refuse. Each row becomes new / update / unchanged /
duplicate (already there: skipped) / error. `apply_import` plans again inside its transaction
and refuses everything when any row is in error, unless the clerk chose `good_only`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.ids import new_id
from ..core.validation import Problem, check_id_number, mask_id_number, mask_phone, name_key
from ..store import models as m
from . import records
from .result import Changes, Invalid, Result
from .tree import below_select
from .workspace import Workspace

IMPORTABLE = ("people", "posts", "activities")
DATE_KEYS = {"birth_date", "start_on", "end_on", "held_on"}
# Field of the record -> the column (key) that supplied it, for marking the right cell.
SOURCE_KEY = {"person_id": "person_name", "leader_id": "leader_name"}
EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass
class RowPlan:
    """row: the sheet row number (1-based); action: new|update|unchanged|duplicate|error;
    problems: (column key, message zh, message en)."""
    row: int
    raw: dict[str, Any]
    action: str = "new"
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    record_id: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    note: str = ""

    def refuse(self, key: str, zh: str, en: str) -> None:
        self.problems.append((key, zh, en))
        self.action = "error"


def counts(plans: list[RowPlan]) -> dict[str, int]:
    """Returns how many plans there are of each action: {"new", "update", "unchanged", "duplicate", "error": n}."""
    out = {k: 0 for k in ("new", "update", "unchanged", "duplicate", "error")}
    for p in plans:
        out[p.action] += 1
    return out


class _Context:
    """Look-ups made once per import: units in scope by name and code, people by name."""

    def __init__(self, s: Session, ws: Workspace):
        self.s, self.ws = s, ws
        self.scope = below_select(ws.home_unit)       # the home unit and every unit below it
        self.codes: set[str] = set()
        self.by_name: dict[str, list[str]] = {}
        for code, name in s.execute(select(m.Unit.code, m.Unit.name).where(
                m.Unit.code.in_(self.scope), m.Unit.deleted.is_(False))):
            self.codes.add(code)
            self.by_name.setdefault(name, []).append(code)
        self.seen: set = set()

    def unit(self, plan: RowPlan, value) -> str | None:
        if value in (None, ""):
            return self.ws.home_unit
        text = str(int(value) if isinstance(value, float) and value.is_integer() else value).strip()
        if text in self.codes:
            return text
        found = self.by_name.get(text, [])
        if len(found) == 1:
            return found[0]
        if found:
            plan.refuse("unit_code", f"单位“{text}”有重名，请填写单位代码", f"unit name '{text}' is ambiguous; give its code")
        else:
            plan.refuse("unit_code", f"单位“{text}”不在本单位管辖范围内", f"unit '{text}' is not one of this installation's units")
        return None

    def person(self, plan: RowPlan, key: str, name, id_number, unit: str | None) -> str | None:
        q = select(m.Person.id, m.Person.unit_code, m.Person.id_number).where(m.Person.deleted.is_(False))
        masked = isinstance(id_number, str) and "*" in id_number
        if id_number and not masked:
            info = check_id_number(id_number if isinstance(id_number, str) else float(id_number))
            if info.normalized is None:
                plan.refuse(key.replace("name", "id_number"), *_first(info.problems))
                return None
            rows = self.s.execute(q.where(m.Person.id_number == info.normalized)).all()
        elif name:
            rows = self.s.execute(q.where(m.Person.name == str(name).strip(),
                                          m.Person.unit_code.in_(self.scope))).all()
            if masked:    # a masked export: the name plus the visible digits must still match
                rows = [r for r in rows if r.id_number and mask_id_number(r.id_number) == id_number.strip()]
            if len(rows) > 1 and unit:
                rows = [r for r in rows if r.unit_code == unit] or rows
        else:
            return None
        if len(rows) == 1:
            return rows[0].id
        who = name or "该身份证号"
        if not rows:
            plan.refuse(key, f"人员库中没有“{who}”，请先导入人员", f"no person '{who}' in the roster; import people first")
        else:
            plan.refuse(key, f"“{who}”有多名同名人员，请填写身份证号", f"several people are called '{who}'; give the ID number")
        return None


def _first(problems) -> tuple[str, str]:
    p = next(iter(problems))
    return p.message_zh, p.message_en


def _date(value):
    """Excel serial numbers (days since 1899-12-30) as dates; anything else unchanged."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 80000:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    return value


def _sensitive(plan: RowPlan, key: str, value, existing) -> Any:
    """Masked values (from a masked export) stand for the stored value when they match it."""
    if isinstance(value, str) and "*" in value:
        mask = mask_id_number if key == "id_number" else mask_phone
        if existing is not None and getattr(existing, key) and mask(getattr(existing, key)) == value.strip():
            return getattr(existing, key)
        plan.refuse(key, "该值已部分隐藏（*），无法导入；请填写完整号码或用“完整个人信息”导出",
                    "the value is masked (*); enter it in full or export with full personal data")
        return None
    if key == "id_number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        plan.refuse(key, *_first(check_id_number(float(value)).problems))   # Excel turned it into a number
        return None
    if key == "phone" and isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value


def _fields(ctx: _Context, table: str, plan: RowPlan, record) -> dict[str, Any]:
    raw = {k: (_date(v) if k in DATE_KEYS else v) for k, v in plan.raw.items() if k != "record_id"}
    exact = raw.pop("unit_exact", None)          # a 单位代码 column wins over a (possibly shared) name
    unit = ctx.unit(plan, exact if exact not in (None, "") else raw.pop("unit_code", None))
    raw.pop("unit_code", None)
    fields: dict[str, Any] = {"unit_code": unit}
    if table == "people":
        for key in ("id_number", "phone"):
            if key in raw:
                raw[key] = _sensitive(plan, key, raw[key], record)
    elif table == "posts":
        pid = ctx.person(plan, "person_name", raw.pop("person_name", None), raw.pop("person_id_number", None), unit)
        fields["person_id"] = pid
    elif table == "activities":
        leader = raw.pop("leader_name", None)
        fields["leader_id"] = ctx.person(plan, "leader_name", leader, None, unit) if leader else None
    fields.update(raw)
    return fields


def _people_index(s: Session, rows: list[tuple[int, dict]]) -> dict:
    """Existing live people who share a name (on its canonical key, core.names.name_key) or an
    ID number with a row: one query per 500 keys instead of one per row (find_duplicates' rules,
    applied in memory below)."""
    names = sorted({name_key(str(r["name"])) for _, r in rows if r.get("name")} - {""})
    ids = sorted({str(r["id_number"]).strip().upper() for _, r in rows if isinstance(r.get("id_number"), str)})
    index: dict = {}
    P = m.Person
    for column, keys in ((P.name_key, names), (P.id_number, ids)):
        for i in range(0, len(keys), 500):
            for p in s.execute(select(P.id, P.name, P.name_key, P.birth_date, P.phone, P.id_number).where(
                    column.in_(keys[i:i + 500]), P.deleted.is_(False))):
                index.setdefault(("name", p.name_key), {})[p.id] = p
                if p.id_number:
                    index.setdefault(("id", p.id_number), {})[p.id] = p
    return index


def _person_duplicate(index: dict, values: dict) -> str | None:
    idn, name = values.get("id_number"), values.get("name")
    if idn:
        for p in index.get(("id", idn), {}).values():
            return f"与已有人员“{p.name}”身份证号相同"
    for p in index.get(("name", name_key(name)), {}).values():
        if values.get("birth_date") and p.birth_date == values["birth_date"]:
            return f"与已有人员“{p.name}”姓名和出生日期相同"
        if values.get("phone") and p.phone == values["phone"]:
            return f"与已有人员“{p.name}”姓名和电话相同"
    return None


def _duplicate_of(s: Session, table: str, values: dict) -> str | None:
    if table == "posts":
        t = m.Post
        hit = s.scalar(select(t.id).where(t.deleted.is_(False), t.person_id == values["person_id"],
                                          t.unit_code == values["unit_code"], t.role == values["role"],
                                          t.start_on.is_(values["start_on"]) if values.get("start_on") is None
                                          else t.start_on == values["start_on"]).limit(1))
        return "该任职已存在" if hit else None
    a = m.Activity
    hit = s.scalar(select(a.id).where(a.deleted.is_(False), a.unit_code == values["unit_code"],
                                      a.title == values["title"], a.held_on == values["held_on"]).limit(1))
    return "同一单位同日同名的活动已存在" if hit else None


def _file_key(table: str, values: dict):
    if table == "people":
        return values.get("id_number") or (name_key(values.get("name")), values.get("birth_date"), values.get("phone"))
    if table == "posts":
        return (values.get("person_id"), values.get("unit_code"), values.get("role"), values.get("start_on"))
    return (values.get("unit_code"), values.get("title"), values.get("held_on"))


def plan_rows(s: Session, ws: Workspace, table: str, rows: list[tuple[int, dict]]) -> list[RowPlan]:
    """Plan `rows` ((sheet row number, {key: value})) against the database in session `s`.
    Returns one RowPlan per row, in the given order; raises nothing (a bad row is a plan with action "error")."""
    spec = records.spec_of(table)
    ctx = _Context(s, ws)
    people = _people_index(s, rows) if table == "people" else {}
    plans = []
    for row_no, raw in rows:
        plan = RowPlan(row_no, raw)
        plans.append(plan)
        record = None
        rid = raw.get("record_id")
        if rid:
            record = s.get(spec.model, str(rid).strip())
            if record is None or record.deleted:
                plan.refuse("record_id", "记录编号在本数据库中不存在（请删除该单元格以新增）",
                            "the 记录编号 is not in this database (clear the cell to add a new record)")
                continue
        fields = _fields(ctx, table, plan, record)
        if plan.action == "error":
            continue
        values, problems = records.validate(s, ws, spec, fields, record)
        for p in problems:
            if p.severity == "error":
                plan.refuse(SOURCE_KEY.get(p.field, p.field), p.message_zh, p.message_en)
        if plan.action == "error":
            continue
        plan.values = values
        key = _file_key(table, values)
        if key in ctx.seen:
            plan.action, plan.note = "duplicate", "与本文件中前面的行重复"
            continue
        ctx.seen.add(key)
        if record is not None:
            plan.record_id = record.id
            before = records.content(spec, record)
            plan.action = "update" if any(before.get(k) != v for k, v in values.items()) else "unchanged"
            if plan.action == "update" and record.owner != ws.home_unit:   # unchanged copies are fine
                plan.refuse("record_id", f"该记录由单位 {record.owner} 录入，本机只读，不能修改",
                            f"the record belongs to unit {record.owner} and is read-only here")
            continue
        note = _person_duplicate(people, values) if table == "people" else _duplicate_of(s, table, values)
        if note:
            plan.action, plan.note = "duplicate", note
    return plans


def preview(ws: Workspace, table: str, rows: list[tuple[int, dict]]) -> list[RowPlan]:
    """Plan without changing anything (for the preview and --dry-run).
    Returns one RowPlan per row (see plan_rows)."""
    with ws.session() as s:
        return plan_rows(s, ws, table, rows)


def apply_import(ws: Workspace, table: str, rows: list[tuple[int, dict]], *, good_only: bool = False,
                 plans_out: list | None = None) -> Result:
    """Apply the planned new and updated rows in one transaction. Any row in error refuses the
    whole import (Result ok=False, problems name the rows) unless `good_only`, when those rows
    are left out. `plans_out`, when given, receives the plans (for a marked-up copy).
    Returns the Result (label "导入人员：新增 3 条，更新 1 条").
    Returns the Result: bad input raises Invalid inside the transaction and comes back as a failed Result
    (nothing changed), never as an exception. (Invalid: a row in error, named by its sheet row.)"""
    spec = records.spec_of(table)

    def work(s: Session) -> Result:
        plans = plan_rows(s, ws, table, rows)
        if plans_out is not None:      # the caller's preview and marked-up copy, without planning twice
            plans_out[:] = plans
        bad = [p for p in plans if p.action == "error"]
        if bad and not good_only:
            raise Invalid(*[Problem(f"row{p.row}", f"第 {p.row} 行：{p.problems[0][1]}", f"row {p.row}: {p.problems[0][2]}")
                            for p in bad[:50]])
        ids: list[str] = []
        created: list[str] = []
        before: dict[str, dict] = {}
        after: dict[str, dict] = {}
        for p in plans:
            if p.action == "new":
                for hook in records.CREATE_HOOKS.get(table, []):
                    hook(s, ws, p.values)
                obj = spec.model(**p.values)
                obj.id = new_id()              # set here: one flush at the end, not one per row
                records._stamp_new(ws, obj)
                s.add(obj)
                ids.append(obj.id)
                created.append(obj.id)
            elif p.action == "update":
                obj = s.get(spec.model, p.record_id)
                old = records.content(spec, obj)
                before[obj.id] = {k: old[k] for k, v in p.values.items() if old.get(k) != v}
                after[obj.id] = {k: p.values[k] for k in before[obj.id]}
                for k, v in p.values.items():
                    setattr(obj, k, v)
                for hook in records.UPDATE_HOOKS.get(table, []):
                    hook(s, ws, obj)
                records._stamp_change(ws, obj)
                ids.append(obj.id)
        s.flush()
        n = counts(plans)
        label = f"导入{spec.zh}：新增 {n['new']} 条，更新 {n['update']} 条"   # never the file name (may hold names)
        return Result(ok=True, label=label, changes=Changes(frozenset({table}) if ids else frozenset(), frozenset(ids)),
                      before={"created": created, "updated": before}, after={"created": created, "updated": after})
    return ws.run(f"import:{table}", work)


def _set_import(ws: Workspace, table: str, result: Result, undo: bool) -> Result:
    spec = records.spec_of(table)
    state = result.before if undo else result.after
    assert state is not None

    def work(s: Session) -> Result:
        ids = []
        for rid in state["created"]:       # tombstones, so an undo travels upward like a delete
            obj = s.get(spec.model, rid)
            if obj is not None and obj.deleted != undo:
                obj.deleted = undo
                records._stamp_change(ws, obj)
                ids.append(rid)
        for rid, fields in state["updated"].items():
            obj = s.get(spec.model, rid)
            for k, v in fields.items():
                setattr(obj, k, v)
            for hook in records.UPDATE_HOOKS.get(table, []):
                hook(s, ws, obj)
            records._stamp_change(ws, obj)
            ids.append(rid)
        verb = "撤销" if undo else "重做"
        return Result(ok=True, label=f"{verb}{result.label}", changes=Changes(frozenset({table}), frozenset(ids)))
    return ws.run(f"{'undo' if undo else 'redo'}:import:{table}", work)


def undo_import(ws: Workspace, table: str, result: Result) -> Result:
    """Take back a whole import (the Result of apply_import) as one action: the records it
    created are deleted (tombstones), the fields it changed get their old values back.
    Returns the Result; bad input comes back as a failed Result (nothing changed), never as an exception."""
    return _set_import(ws, table, result, True)


def redo_import(ws: Workspace, table: str, result: Result) -> Result:
    """Apply the import of `result` again after undo_import, as one action.
    Returns the Result; bad input comes back as a failed Result (nothing changed), never as an exception."""
    return _set_import(ws, table, result, False)
