"""What every official form shares: the options a clerk chooses, masking, labels, the
GB/T 9704 page set-up and the sign-off rows.

A form function takes an open `Database` and `FormOptions` and returns a
`documents.model.Document`; it reads with its own short session and changes nothing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...core import clock
from ...core.catalogues import CATALOGUES
from ...core.validation import mask_id_number, mask_phone
from ...store import models as m
from ..model import GB_MARGINS_MM, LANDSCAPE_MARGINS_MM, Document, SignatureLine

BLANK_ROWS = 15          # rows of a blank ledger: enough to write by hand on one page


class FormError(ValueError):
    """A form cannot be made from what was asked (unknown unit, wrong level, bad period)."""

    def __init__(self, message_en: str, message_zh: str):
        super().__init__(message_en)
        self.message_en, self.message_zh = message_en, message_zh


@dataclass(frozen=True)
class FormOptions:
    """unit: division code; year: the reporting year (default: this year); date_from/date_to:
    an explicit period (inclusive) that overrides the year; full_pii: ID numbers and phones in
    full; blank: the same layout with empty cells, to fill by hand."""
    unit: str
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    full_pii: bool = False
    blank: bool = False
    today: dt.date = field(default_factory=clock.today)

    @property
    def the_year(self) -> int:
        return self.year or (self.date_from.year if self.date_from else self.today.year)

    def period(self) -> tuple[dt.date, dt.date]:
        """(first, last) day reported on, inclusive."""
        start = self.date_from or dt.date(self.the_year, 1, 1)
        end = self.date_to or dt.date(self.the_year, 12, 31)
        if end < start:
            raise FormError(f"the period ends ({end}) before it starts ({start})",
                            f"统计时段的结束日期（{end}）早于开始日期（{start}）")
        return start, end

    def period_text(self) -> str:
        start, end = self.period()
        if (start, end) == (dt.date(start.year, 1, 1), dt.date(start.year, 12, 31)):
            return f"{start.year}年度"
        return f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"

    def id_number(self, value: str | None) -> str:
        if not value or self.blank:
            return ""
        return value if self.full_pii else mask_id_number(value)

    def phone(self, value: str | None) -> str:
        if not value or self.blank:
            return ""
        return value if self.full_pii else mask_phone(value)


def label(catalogue: str, code: str | None) -> str:
    return CATALOGUES[catalogue].label(code) if code else ""


def load_unit(s: Session, code: str) -> m.Unit:
    unit = s.scalar(select(m.Unit).where(m.Unit.code == code, m.Unit.deleted.is_(False)))
    if unit is None:
        raise FormError(f"unit {code} is not in this database", f"本数据库中没有单位 {code}")
    return unit


def unit_names(s: Session, codes) -> dict[str, str]:
    codes = list(set(codes))
    return dict(s.execute(select(m.Unit.code, m.Unit.name).where(m.Unit.code.in_(codes))).all()) if codes else {}


def association_name(unit: m.Unit) -> str:
    return f"{unit.name}科协" if not unit.name.endswith("科协") else unit.name


def official(doc: Document, landscape: bool = False) -> Document:
    """GB/T 9704 page set-up: margins, "— 1 —" page numbers, landscape for wide ledgers."""
    doc.orientation = "landscape" if landscape else "portrait"
    doc.margins_mm = LANDSCAPE_MARGINS_MM if landscape else GB_MARGINS_MM
    doc.page_numbers = "dash"
    return doc


def sign_off(*labels: str, date_label: str = "填报日期：", filled_on: dt.date | None = None) -> SignatureLine:
    """A sign-off row: the named signers (left empty, signed by hand) and the date."""
    return SignatureLine([*labels, date_label], [None] * len(labels) + [filled_on])


def yes_no(value: bool | None) -> str:
    return "" if value is None else ("是" if value else "否")
