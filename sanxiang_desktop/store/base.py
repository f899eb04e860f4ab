"""Declarative base and the columns every travelling record carries."""
# Mapped[...] as objects, not strings: see the note at the top of store/models.py (issue 12, startup)

from sqlalchemy import Boolean, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..core.ids import new_id

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Record:
    """Mixin for domain records: they travel in sync packages, so each has a
    time-ordered UUID, its owner unit, a revision, a hybrid-logical-clock stamp,
    who/when, and a tombstone instead of a hard delete."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    owner: Mapped[str] = mapped_column(String(12), index=True)
    rev: Mapped[int] = mapped_column(Integer, default=1)
    hlc: Mapped[str] = mapped_column(String(20))          # no index: no query finds records by stamp (0008)
    created_at: Mapped[str] = mapped_column(String(32))
    created_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[str] = mapped_column(String(32))
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    # Fields this version does not know, received from a newer program: kept and
    # passed on, never dropped (JSON object text).
    extra: Mapped[str | None] = mapped_column(Text, default=None)

    # Columns that are bookkeeping, not content (dump/sync treat them specially).
    META_COLUMNS = ("id", "owner", "rev", "hlc", "created_at", "created_by",
                    "updated_at", "updated_by", "deleted", "extra")
