"""Reference data flowing down: the unit tree (villages and communities), the
catalogues version, the milestones (deadlines) of the upper levels, and the keys
of the upper levels, signed by the sender.

A reference package is a full snapshot (small: no personal data), so it never
depends on what arrived before; records merge by the same rule as data packages.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import __version__
from ..core.catalogues import CATALOGUES
from ..store import models as m
from ..store.database import Database
from ..store.sync_models import Peer
from .errors import PackageError
from .keys import key_id_of
from .outbox import ExchangeError, Written, b64, next_seq, write_package
from .publish import publish
from .records import Incoming, RecordProblem, encode_line, record_line, row_state
from .trust import add_peer, ancestors, ensure_own_key, is_below, subtree, unit_name

REFERENCE_TABLES = ("units", "milestones")


def catalogues_version() -> str:
    """Returns a short digest of every catalogue code: two programs with the same value show the same choices."""
    text = "|".join(f"{name}:{','.join(cat.codes())}" for name, cat in sorted(CATALOGUES.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def reference_lines(s: Session, home: str, child: str, signer_public: bytes) -> tuple[list[bytes], dict[str, int]]:
    """Returns keys, catalogues and records a child should hold (villages below it, upper-level milestones)."""
    keys = [{"unit": home, "public": b64(signer_public)}]
    for unit in ancestors(s, home):
        peer = s.get(Peer, unit)
        if peer is not None:
            keys.append({"unit": unit, "public": b64(peer.public_key)})
    lines = [encode_line({"keys": keys}),
             encode_line({"catalogues": {"version": catalogues_version(), "program_version": __version__}})]
    counts: dict[str, int] = {}
    below = subtree(s, child)
    units = s.execute(select(m.Unit.__table__).where(m.Unit.level == "village", m.Unit.builtin.is_(False),
                                                     m.Unit.parent_code.in_(below)).order_by(m.Unit.code)).mappings()
    for row in units:
        lines.append(record_line(row_state("units", row), {"unit": row["owner"], "package": None, "rev": row["rev"]}))
        counts["units"] = counts.get("units", 0) + 1
    upper = [home, *ancestors(s, home)]
    rows = s.execute(select(m.Milestone.__table__).where(m.Milestone.owner.in_(upper))
                     .order_by(m.Milestone.id)).mappings()
    for row in rows:
        lines.append(record_line(row_state("milestones", row), {"unit": row["owner"], "package": None,
                                                               "rev": row["rev"]}))
        counts["milestones"] = counts.get("milestones", 0) + 1
    return lines, counts


def export_reference(db: Database, to: str, folder: str | Path) -> Written:
    """Writes the reference package for child unit `to` (keys, catalogues, its villages, the upper levels'
    milestones) into `folder`. Returns what was written. Raises ExchangeError when `to` is not below this
    unit."""
    home = db.home_unit
    signer = ensure_own_key(db)
    def build(s: Session, package_id: str) -> Written:
        if not is_below(s, to, home):
            raise ExchangeError("not_child", f"Unit {to} is not below {unit_name(s, home)}; reference data goes "
                                "to lower units only.", f"单位 {to} 不是{unit_name(s, home)}的下级，基础数据只发给下级单位。")
        lines, counts = reference_lines(s, home, to, signer.public_bytes)
        return write_package(s, kind="reference", sender=home, recipient=to, seq=next_seq(s, to, "reference"),
                             acked_seq=0, body_lines=lines, counts=counts, signer=signer, folder=Path(folder),
                             package_id=package_id)
    return publish(db, folder, build)


def check_reference_items(s: Session, items: list[Incoming], home: str, sender: str) -> None:
    """Only villages of this unit's own tree and milestones of the levels above travel down.
    Raises RecordProblem for any other record."""
    mine = subtree(s, home)
    upper = set(ancestors(s, home)) | {sender}
    for it in items:
        where = f"{it.table} {it.id}"
        if it.table not in REFERENCE_TABLES:
            raise RecordProblem(where, "this record type does not travel in reference data",
                                "该类记录不属于基础数据")
        if it.table == "units" and it.values["parent_code"] not in mine:
            raise RecordProblem(where, "a village outside this unit", "不属于本单位的村（社区）")
        if it.table == "milestones" and it.owner not in upper:
            raise RecordProblem(where, "a milestone not set by an upper level", "不是上级设定的时间节点")


def apply_keys(s: Session, keys: Any, home: str, sender: str) -> list[str]:
    """Add the upper levels' keys this installation does not hold yet; never replace one silently.
    Returns notes for the clerk.
    Raises PackageError for an invalid key list."""
    notes: list[str] = []
    if keys is None:
        return notes
    if not isinstance(keys, list):
        raise PackageError("bad_payload", "The key list in the package is invalid.", "数据包中的密钥列表无效。")
    allowed = set(ancestors(s, home)) | {sender}
    import base64
    import binascii
    for entry in keys:
        unit = entry.get("unit") if isinstance(entry, dict) else None
        try:
            public = base64.b64decode(entry.get("public", ""), validate=True) if unit else b""
        except (binascii.Error, ValueError, TypeError):
            public = b""
        if unit not in allowed or len(public) != 32:
            continue
        held = s.get(Peer, unit)
        if held is None:
            add_peer(s, unit, public, "reference")
            notes.append(f"trusted key {key_id_of(public)} of {unit}")
        elif bytes(held.public_key) != public:
            notes.append(f"key of {unit} differs from the one held; kept the held key")
    return notes


def note_catalogues(s: Session, catalogues: Any) -> list[str]:
    """Keep the upper level's catalogues version (meta) and say when this program's differs.
    Returns notes for the clerk ([] when the versions agree)."""
    from ..store.models import Meta
    version = catalogues.get("version") if isinstance(catalogues, dict) else None
    if not isinstance(version, str) or len(version) > 64:
        return []
    row = s.get(Meta, "upper_catalogues_version")
    if row is None:
        s.add(Meta(key="upper_catalogues_version", value=version))
    else:
        row.value = version
    if version == catalogues_version():
        return []
    program = str(catalogues.get("program_version", ""))[:32]
    return [f"the upper level's catalogues differ from this program's (its program version {program}); "
            f"consider upgrading / 上级使用的选项目录与本程序不同（上级程序版本 {program}），建议升级本程序"]
