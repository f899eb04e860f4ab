"""Create, update, delete and restore for every record type.

Each public function is one user action: one transaction, one audit entry, one
undo step. They return a Result; bad input never raises past them."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.validation import ID_EXCEL_CONFIRM, Problem
from ..store import models as m
from .coerce import coerce
from .hooks import CREATE_HOOKS, DELETE_GUARDS, DUPLICATE_CHECKS, RULES, UPDATE_HOOKS, Rule, rule  # noqa: F401
from .result import Changes, Invalid, Result
from .spec import SPECS, RecordSpec
from .workspace import Workspace, changes_of



def spec_of(table: str) -> RecordSpec:
    """Returns the RecordSpec of `table`; raises Invalid for an unknown table."""
    if table not in SPECS:
        raise Invalid(Problem("table", f"未知的记录类型：{table}", f"unknown record type: {table}"))
    return SPECS[table]


def content(spec: RecordSpec, obj) -> dict[str, Any]:
    """Returns the field values of ORM object `obj` by field name (the spec's fields only, no stamps)."""
    return {f.name: getattr(obj, f.name) for f in spec.fields}


def display(spec: RecordSpec, values: dict) -> str:
    """Returns what a clerk recognises a record by: the value of its title field, else the kind's Chinese name."""
    if spec.title_field and values.get(spec.title_field):
        return str(values[spec.title_field])
    return spec.zh


def unit_in_scope(s: Session, home: str, code: str | None) -> bool:
    """Returns True when code is the home unit or below it."""
    seen = 0
    while code and seen < 8:
        if code == home:
            return True
        code = s.scalar(select(m.Unit.parent_code).where(m.Unit.code == code))
        seen += 1
    return False


def _check_refs(s: Session, ws: Workspace, spec: RecordSpec, values: dict) -> list[Problem]:
    problems: list[Problem] = []
    for f in spec.fields:
        value = values.get(f.name)
        if not value or f.kind not in ("person", "unit", "ref"):
            continue
        if f.kind == "unit":
            unit = s.scalar(select(m.Unit).where(m.Unit.code == value))
            if unit is None or unit.deleted:
                problems.append(Problem(f.name, f"{f.zh}：单位代码 {value} 不存在", f"{f.en}: unknown unit {value}"))
            elif f.name == spec.unit_field and not unit_in_scope(s, ws.home_unit, value):
                problems.append(Problem(f.name, f"{f.zh}：{unit.name} 不在本单位管辖范围内",
                                        f"{f.en}: {value} is outside this installation's units"))
            continue
        model = m.Person if f.kind == "person" else SPECS[f.ref_table].model  # type: ignore[index]
        target = s.get(model, value)
        if target is None or target.deleted:
            problems.append(Problem(f.name, f"{f.zh}：所选记录不存在或已删除", f"{f.en}: the chosen record does not exist"))
        elif spec.parent and f.name == spec.parent[0] and target.owner != ws.home_unit:
            problems.append(Problem(f.name, f"{f.zh}：该记录属于其他单位，只读",
                                    f"{f.en}: that record belongs to another unit and is read-only"))
    return problems


def validate(s: Session, ws: Workspace, spec: RecordSpec, raw: dict, record=None,
             confirm: frozenset[str] = frozenset()) -> tuple[dict, list[Problem]]:
    """Coerce and check the given fields (all of them on create, the given ones on update).
    ``confirm``: problem codes the clerk confirmed (see coerce).
    Returns (values, problems): the coerced values and every problem found (errors and warnings). Raises
    Invalid for a field the spec does not know."""
    unknown = set(raw) - set(spec.names)
    if unknown:
        raise Invalid(Problem(sorted(unknown)[0], f"未知字段：{'、'.join(sorted(unknown))}",
                              f"unknown fields: {', '.join(sorted(unknown))}"))
    values: dict[str, Any] = content(spec, record) if record is not None else {}
    problems: list[Problem] = []
    for f in spec.fields:
        if record is not None and f.name not in raw:
            continue
        if record is not None and not f.editable:
            continue
        confirmed = confirm
        if record is not None and f.kind == "id_number" and isinstance(raw.get(f.name), str) \
                and raw[f.name].strip().upper() == (getattr(record, f.name) or ""):
            confirmed = confirm | {ID_EXCEL_CONFIRM}   # confirmed when it was saved
        value, found = coerce(f, raw.get(f.name), confirmed)
        values[f.name] = value
        # "required" is judged after the rules, which may derive a value (domain from type, ...)
        problems.extend(p for p in found if not (f.required and value is None and p.field == f.name
                                                 and p.message_en.endswith("required")))
    problems.extend(_check_refs(s, ws, spec, values))
    for check in RULES.get(spec.table, []):
        problems.extend(check(s, ws, values, record))
    for f in spec.fields:
        if f.required and values.get(f.name) in (None, "") and not any(p.field == f.name for p in problems):
            problems.append(Problem(f.name, f"{f.zh}：必填", f"{f.en}: required"))
    return values, problems


def _stamp_new(ws: Workspace, obj) -> None:
    now = ws.timestamp()
    obj.owner = ws.home_unit
    obj.rev = 1
    obj.hlc = ws.clock.tick()
    obj.created_at = obj.updated_at = now
    obj.created_by = obj.updated_by = ws.actor
    obj.deleted = False


def _stamp_change(ws: Workspace, obj) -> None:
    obj.rev = (obj.rev or 0) + 1
    obj.hlc = ws.clock.tick()
    obj.updated_at = ws.timestamp()
    obj.updated_by = ws.actor


def _editable(ws: Workspace, spec: RecordSpec, obj) -> None:
    if obj is None:
        raise Invalid(Problem("id", f"{spec.zh}记录不存在", f"{spec.en} not found"))
    if obj.owner != ws.home_unit:
        raise Invalid(Problem("id", f"该{spec.zh}记录由单位 {obj.owner} 录入，本机只读；如需更正请退回录入单位",
                              f"this {spec.en} belongs to unit {obj.owner} and is read-only here"))


def insert(s: Session, ws: Workspace, spec: RecordSpec, values: dict, record_id: str | None = None):
    """Adds `values` as a new record of `spec` owned by this installation (stamped, flushed) to session `s`, with
    id `record_id` when given. Returns the ORM object."""
    obj = spec.model(**values)
    if record_id:
        obj.id = record_id
    _stamp_new(ws, obj)
    s.add(obj)
    s.flush()
    return obj


def create(ws: Workspace, table: str, fields: dict, *, allow_duplicate: bool = False,
           action: str | None = None, label: str | None = None,
           confirm: frozenset[str] | tuple[str, ...] = ()) -> Result:
    """新增: validate and insert one record owned by this installation.

    A named act built on it (posts.appoint) passes its own audit `action` and `label` prefix.
    ``confirm``: codes of problems the clerk has confirmed, e.g. ``(ID_EXCEL_CONFIRM,)`` after
    comparing an ID number ending in 000 with the card; unconfirmed, such a problem is an error
    and the failed Result names it by its ``code``.
    Returns the Result: bad input raises Invalid inside the transaction and comes back as a failed Result
    (nothing changed), never as an exception."""
    confirm = frozenset(confirm)

    def work(s: Session) -> Result:
        spec = spec_of(table)
        values, problems = validate(s, ws, spec, fields, confirm=confirm)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise Invalid(*problems)
        check = DUPLICATE_CHECKS.get(table)
        if check is not None and not allow_duplicate:
            dups = check(s, values)
            if dups:
                raise Invalid(Problem("name", "可能与已有人员重复，请确认是否为同一人",
                                      "this person may already exist; confirm before adding a second copy"),
                              duplicates=tuple(dups))
        for hook in CREATE_HOOKS.get(table, []):
            hook(s, ws, values)
        obj = insert(s, ws, spec, values)
        after = content(spec, obj)
        return Result(ok=True, label=f"{label or '新增' + spec.zh}：{display(spec, after)}", record_id=obj.id,
                      changes=changes_of(table, obj.id), problems=tuple(problems), after=after)
    return ws.run(action or f"create:{table}", work)


def update(ws: Workspace, table: str, record_id: str, fields: dict, *, expected_rev: int | None = None,
           action: str | None = None, label: str | None = None,
           confirm: frozenset[str] | tuple[str, ...] = ()) -> Result:
    """修改: change the given fields of one record (``confirm`` as in create).
    Returns the Result: bad input raises Invalid inside the transaction and comes back as a failed Result
    (nothing changed), never as an exception. (Invalid also for a record changed by someone else since
    `expected_rev`, or deleted.)"""
    confirm = frozenset(confirm)

    def work(s: Session) -> Result:
        spec = spec_of(table)
        # FOR UPDATE: on a server a second clerk's save of the same record waits here and then
        # sees the first one's revision (a no-op on SQLite, which has one writer at a time).
        obj = s.get(spec.model, record_id, with_for_update=True)
        _editable(ws, spec, obj)
        if expected_rev is not None and obj.rev != expected_rev:
            now = content(spec, obj) | {"id": obj.id, "rev": obj.rev, "deleted": obj.deleted,
                                        "updated_by": obj.updated_by, "updated_at": obj.updated_at}
            raise Invalid(Problem("rev", f"该记录已被他人修改（{obj.updated_by or '其他录入员'}），未保存；"
                                         "表单中已显示最新内容，请核对后重新修改",
                                  f"someone else ({obj.updated_by or 'another clerk'}) changed this record since "
                                  "it was opened; nothing was saved, the form shows the newer values"),
                          current=now)
        if obj.deleted:
            raise Invalid(Problem("id", f"该{spec.zh}已删除，请先恢复", f"this {spec.en} is deleted; restore it first"))
        before = content(spec, obj)
        values, problems = validate(s, ws, spec, fields, obj, confirm=confirm)
        if any(p.severity == "error" for p in problems):
            raise Invalid(*problems)
        changed = {k: v for k, v in values.items() if before.get(k) != v}
        if not changed:
            return Result(ok=True, label=f"修改{spec.zh}：{display(spec, before)}", record_id=record_id,
                          before=before, after=before, problems=tuple(problems))
        for key, value in changed.items():
            setattr(obj, key, value)
        for hook in UPDATE_HOOKS.get(table, []):
            hook(s, ws, obj)
        _stamp_change(ws, obj)
        after = content(spec, obj)
        return Result(ok=True, label=f"{label or '修改' + spec.zh}：{display(spec, after)}", record_id=record_id,
                      changes=changes_of(table, record_id), problems=tuple(problems),
                      before={k: before[k] for k in changed}, after={k: after[k] for k in changed})
    return ws.run(action or f"update:{table}", work)


def _set_deleted_in(s: Session, ws: Workspace, spec: RecordSpec, record_id: str, deleted: bool) -> tuple[str, bool]:
    """Tombstone (or bring back) one record inside the caller's transaction: (label, changed).
    Raises Invalid for another unit's record, a built-in division, or a delete guard's refusal."""
    obj = s.get(spec.model, record_id)
    _editable(ws, spec, obj)
    verb = "删除" if deleted else "恢复"
    label = f"{verb}{spec.zh}：{display(spec, content(spec, obj))}"
    if obj.deleted == deleted:
        return label, False
    if spec.table == "units" and getattr(obj, "builtin", False):
        raise Invalid(Problem("id", "内置行政区划不能删除", "built-in divisions cannot be deleted"))
    if deleted:
        for guard in DELETE_GUARDS.get(spec.table, []):
            guard(s, obj)
    obj.deleted = deleted
    _stamp_change(ws, obj)
    return label, True


def _set_deleted(ws: Workspace, table: str, record_ids: list[str], deleted: bool) -> Result:
    def work(s: Session) -> Result:
        spec = spec_of(table)
        labels, changed = [], []
        for record_id in record_ids:
            label, did = _set_deleted_in(s, ws, spec, record_id, deleted)
            labels.append(label)
            if did:
                changed.append(record_id)
        if len(record_ids) == 1:
            label = labels[0]
        else:
            label = f"{'删除' if deleted else '恢复'}{len(record_ids)}条{spec.zh}记录"
        return Result(ok=True, label=label, record_id=record_ids[0] if record_ids else None,
                      changes=changes_of(table, *changed) if changed else Changes())
    return ws.run(f"{'delete' if deleted else 'restore'}:{table}", work)


def delete(ws: Workspace, table: str, record_id: str) -> Result:
    """删除: a tombstone, so the deletion travels upward; undone by restore.
    Returns the Result; bad input comes back as a failed Result (nothing changed), never as an exception."""
    return _set_deleted(ws, table, [record_id], True)


def restore(ws: Workspace, table: str, record_id: str) -> Result:
    """恢复: bring a deleted record back (the undo of delete); same refusals as update.
    Returns the Result; bad input comes back as a failed Result (nothing changed), never as an exception."""
    return _set_deleted(ws, table, [record_id], False)


def delete_many(ws: Workspace, table: str, record_ids: list[str]) -> Result:
    """删除 several records of one table as one action: one transaction, one audit entry listing
    every id, one undo step. All or nothing: when one record is refused (another unit's, built in,
    still in use) the Result fails with that record's problem and no record is deleted.
    Returns that Result."""
    return _set_deleted(ws, table, list(record_ids), True)


def restore_many(ws: Workspace, table: str, record_ids: list[str]) -> Result:
    """恢复 several records of one table as one action (the undo of delete_many); all or nothing.
    Returns the Result."""
    return _set_deleted(ws, table, list(record_ids), False)


def get(ws: Workspace, table: str, record_id: str) -> dict | None:
    """Returns the fields of record `record_id` of `table` with its id, owner, rev and deleted flag (deleted
    records too), or None when there is none. Raises Invalid for an unknown table."""
    spec = spec_of(table)
    with ws.session() as s:
        obj = s.get(spec.model, record_id)
        if obj is None:
            return None
        out = content(spec, obj)
        out.update(id=obj.id, owner=obj.owner, rev=obj.rev, deleted=obj.deleted)
        return out


def today_or(d: dt.date | None, ws: Workspace) -> dt.date:
    """Returns `d`, or the office's today (ws.today()) when `d` is None."""
    return d or ws.today()
