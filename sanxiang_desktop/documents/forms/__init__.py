"""The printed forms, each a function from the database (or plain data) to a documents.model.Document.

`FORMS` maps the command-line names of the seven official forms (FORMS.md) to their builders:
`builder(db, FormOptions) -> Document`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .common import FormError, FormOptions

FORM_TITLES: dict[str, str] = {
    "registration": "科协组织建设情况登记表",
    "leadership": "领导班子成员名单",
    "vice-chairs": "“三长”兼职副主席登记表",
    "activity-ledger": "活动台账",
    "visit-record": "调研走访记录表",
    "bulletin": "“3+1”工作进展情况通报",
    "summary": "统计汇总表",
}
# The forms an office edits before sending: offered as Word (.docx) as well as PDF.
EDITABLE_FORMS = ("bulletin", "summary")


def form_builder(name: str) -> Callable:
    """The builder of form `name` (a key of FORM_TITLES); KeyError for an unknown name."""
    from . import ledgers, people, registration, stats
    return {
        "registration": registration.registration,
        "leadership": people.leadership,
        "vice-chairs": people.vice_chairs,
        "activity-ledger": ledgers.activity_ledger,
        "visit-record": ledgers.visit_record,
        "bulletin": stats.bulletin,
        "summary": stats.summary,
    }[name]


def __getattr__(name: str):
    # FormError and FormOptions load the store (SQLAlchemy) with them: only when asked for, so the
    # command line's `--help` (which lists FORM_TITLES) stays quick.
    if name in ("FormError", "FormOptions"):
        from . import common
        return getattr(common, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORM_TITLES", "EDITABLE_FORMS", "FormError", "FormOptions", "form_builder"]
