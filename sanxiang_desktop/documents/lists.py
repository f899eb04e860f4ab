"""Any on-screen list as a printable document: the rows the clerk sees, under the page's
title, with the unit and the filter as the subtitle. Qt-free: the GUI passes the translated
column titles and the rows it fetched from the list's source."""
from __future__ import annotations

from typing import Iterable, Sequence

from ..core import clock
from .model import Column, Document, Paragraph, Table, text_width
from .forms.common import official

LANDSCAPE_ABOVE_CHARS = 70      # wider lists (in Chinese characters) print across the page


def list_document(title: str, subtitle: str, columns: Sequence[tuple[str, int, str]],
                  rows: Iterable[Sequence], *, note: str | None = None) -> Document:
    """`columns`: (title, width in Chinese characters, align); `rows`: display values per column.
    A numbered, ruled table whose header repeats on every page; landscape when it is wide."""
    cols = [Column("序号", 4, "center"), *(Column(t, max(2 * w, text_width(t)), a) for t, w, a in columns)]
    body = [[i + 1, *row] for i, row in enumerate(rows)]
    stamp = clock.today()
    blocks: list = [Table(cols, body)]
    blocks.append(Paragraph(note or f"共 {len(body)} 条　打印日期：{stamp.year}年{stamp.month}月{stamp.day}日",
                            style="note"))
    wide = sum(w for _t, w, _a in columns) > LANDSCAPE_ABOVE_CHARS // 2
    return official(Document(title=title, subtitle=subtitle or None, blocks=blocks), landscape=wide)
