"""Turning what a clerk typed (or a spreadsheet cell held) into a field value."""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..core import validation as v
from ..core.catalogues import CATALOGUES
from .spec import FieldSpec


def _known_region(code: str) -> bool:
    from ..core.divisions import DivisionTree
    return DivisionTree.builtin().get(code) is not None


def _problem(f: FieldSpec, zh: str, en: str, severity: str = "error") -> v.Problem:
    return v.Problem(f.name, f"{f.zh}：{zh}", f"{f.en}: {en}", severity)


def coerce(f: FieldSpec, value: Any, confirm: frozenset[str] = frozenset()) -> tuple[Any, list[v.Problem]]:
    """Normalise one value for field f. Empty input becomes None ('' for text).

    ``confirm``: problem codes the clerk has confirmed (``v.ID_EXCEL_CONFIRM``): they stay
    listed as warnings instead of blocking the save. Spreadsheet cells come as read (an ID
    number in a number cell must reach check_id_number as a number to be refused).
    Returns (value, problems): the normalised value and what is wrong with it; raises nothing."""
    if isinstance(value, str):
        value = v.clean_multiline(value) if f.kind == "multiline" else v.clean_text(value)
    empty = value is None or value == ""
    if empty:
        if f.required:
            return None, [_problem(f, "必填", "required")]
        return ("" if f.kind in ("text", "multiline") else None), []
    kind = f.kind
    if kind in ("text", "multiline"):
        return str(value), []
    if kind in ("int", "year"):
        try:
            number = int(value) if not isinstance(value, float) or value.is_integer() else None
        except (TypeError, ValueError):
            number = None
        if number is None or isinstance(value, bool):
            return None, [_problem(f, f"“{value}”不是整数", f"'{value}' is not a whole number")]
        if kind == "year" and not 1949 <= number <= 2100:
            return None, [_problem(f, f"年度 {number} 不合理", f"year {number} is out of range")]
        if number < 0:
            return None, [_problem(f, "不能为负数", "must not be negative")]
        return number, []
    if kind == "float":
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None, [_problem(f, f"“{value}”不是数字", f"'{value}' is not a number")]
        if number < 0:
            return None, [_problem(f, "不能为负数", "must not be negative")]
        return number, []
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date(), []
        parsed, problems = v.parse_date(value, field=f.name)
        return parsed, list(problems)
    if kind == "bool":
        if isinstance(value, bool):
            return value, []
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "y", "是", "有", "已成立", "√"):
            return True, []
        if text in ("0", "false", "no", "n", "否", "无", "未成立", "×"):
            return False, []
        return None, [_problem(f, f"“{value}”应为“是”或“否”", f"'{value}' should be yes or no")]
    if kind == "catalogue":
        cat = CATALOGUES[f.catalogue]  # type: ignore[index]
        if value in cat:
            return value, []
        entry = cat.by_label(str(value))
        if entry is not None:
            return entry.code, []
        return None, [_problem(f, f"“{value}”不在可选项中", f"'{value}' is not one of the choices")]
    if kind == "id_number":
        info = v.check_id_number(value, field=f.name, known_region=_known_region,
                                 excel_confirmed=v.ID_EXCEL_CONFIRM in confirm)
        return info.normalized, list(info.problems)
    if kind == "phone":
        normalized, problems = v.check_phone(value)
        return normalized, [v.Problem(f.name, p.message_zh, p.message_en, p.severity, p.code) for p in problems]
    # person / unit / ref: identifiers, checked against the database by the caller
    return str(value), []
