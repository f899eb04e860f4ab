"""From a clerk's file to planned rows, and back to a marked-up copy.

`load_rows` finds the header row (Chinese names, any order, extra columns ignored), skips
empty rows and the template's example row, and hands {key: value} rows to
services.imports. `write_marked_copy` returns the clerk's own workbook (or, for CSV, a
workbook made from it) with each bad cell filled red and a comment saying why, written beside
the original so it can be fixed and imported again.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from ..core.files import atomic_write
from .cells import looks_like_formula
from .mapping import EXAMPLE_MARK, known_headers, map_columns
from .reading import Sheet, SheetError, header_row, read_sheet

BAD_FILL = PatternFill("solid", fgColor="FF9999")
MARKED_SUFFIX = ".有误标注.xlsx"


@dataclass
class Loaded:
    path: Path
    sheet: Sheet
    header_index: int                 # 0-based row of the headers
    columns: dict[int, str]           # column index -> key
    rows: list[tuple[int, dict]]      # (1-based sheet row, {key: value})

    def column_of(self, key: str) -> int | None:
        return next((i for i, k in self.columns.items() if k == key), None)


def load_rows(path: str | os.PathLike[str], table: str) -> Loaded:
    """Read `path` (.xlsx/.csv) for `table`. Raises SheetError (bad file, no header, no rows)."""
    names = set(known_headers(table))
    sheet = read_sheet(path, names)
    at = header_row(sheet.rows, names)
    if at is None:
        raise SheetError("no header row with the expected column names (e.g. 姓名)",
                         "找不到含有列标题（如“姓名”）的标题行，请使用导入模板")
    columns = map_columns(table, sheet.rows[at])
    rows = []
    for i, row in enumerate(sheet.rows[at + 1:], start=at + 2):
        if any(isinstance(v, str) and v.strip() == EXAMPLE_MARK for v in row):
            continue      # the template's example row is never imported
        values = {key: row[c] if c < len(row) else None for c, key in columns.items()}
        values = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
        if all(v in (None, "") for v in values.values()):
            continue
        rows.append((i, {k: v for k, v in values.items() if v not in (None, "")}))
    if not rows:
        raise SheetError("the file holds no rows to import", "文件中没有可导入的数据行")
    return Loaded(Path(path), sheet, at, columns, rows)


def marked_copy_path(path: Path) -> Path:
    return path.with_name(path.stem + MARKED_SUFFIX)


def write_marked_copy(loaded: Loaded, plans) -> Path:
    """Write the marked-up copy beside the original; returns its path. Raises OSError."""
    target = marked_copy_path(loaded.path)
    if loaded.sheet.csv:
        wb = Workbook()
        ws = wb.active
        ws.title = "导入数据"
        for r, row in enumerate(loaded.sheet.rows, start=1):
            for c, v in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c, value=v)
                if looks_like_formula(v):      # the clerk's text stays text, as in the CSV
                    cell.data_type, cell.quotePrefix = "s", True
    else:
        wb = load_workbook(loaded.path)          # openpyxl parses through defusedxml
        ws = wb[loaded.sheet.name]
    for plan in plans:
        if plan.action != "error":
            continue
        by_cell: dict[int, list[str]] = {}
        for key, zh, _en in plan.problems:
            col = loaded.column_of(key)
            by_cell.setdefault(0 if col is None else col, []).append(zh)
        for col, messages in by_cell.items():
            cell = ws.cell(row=plan.row, column=col + 1)
            cell.fill = BAD_FILL
            cell.comment = Comment("；".join(messages), "导入检查")
    atomic_write(target, lambda tmp: wb.save(tmp))
    return target
