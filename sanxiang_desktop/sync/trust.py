"""This installation's key pair, the keys of the units it trusts, and the unit tree
questions trust depends on (who is above or below whom).

The key pair is made the first time it is needed (init calls it, so "first
start"); it lives in the sync_own_keys table (see store/sync_models.OwnKey for
why there) and never leaves the database file.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import clock
from ..services.tree import units_below
from ..store import models as m
from ..store.database import Database
from ..store.sync_models import Enrolment, OwnKey, Peer
from .keys import KeyPair, fingerprint, key_id_of

_PROOF_LABEL = b"sanxiang-enrolment-proof:"


def utc_stamp() -> str:
    """Now as a UTC storage stamp (core.clock.utc_stamp; kept here for the sync modules' imports)."""
    return clock.utc_stamp()


def _active_key(s: Session) -> OwnKey | None:
    return s.scalar(select(OwnKey).where(OwnKey.active.is_(True)).order_by(OwnKey.created_at.desc()).limit(1))


def ensure_own_key(db: Database) -> KeyPair:
    """The installation's key pair, made on first use."""
    with db.session() as s, s.begin():
        row = _active_key(s)
        if row is None:
            pair = KeyPair.generate()
            s.add(OwnKey(key_id=pair.key_id, public_key=pair.public_bytes, private_key=pair.private_bytes,
                         created_at=utc_stamp(), active=True))
            return pair
        return KeyPair.from_private_bytes(row.private_key)


def own_key(s: Session) -> KeyPair | None:
    row = _active_key(s)
    return KeyPair.from_private_bytes(row.private_key) if row else None


@dataclass(frozen=True)
class PeerInfo:
    unit_code: str
    name: str
    fingerprint: str
    key_id: str
    how: str
    trusted_at: str


def peer_key(s: Session, unit: str) -> bytes | None:
    row = s.get(Peer, unit)
    return bytes(row.public_key) if row else None


def add_peer(s: Session, unit: str, public: bytes, how: str, actor: str = "") -> Peer:
    """Trust `public` as the key of `unit` (replacing an earlier key only when called for it)."""
    row = s.get(Peer, unit)
    if row is None:
        row = Peer(unit_code=unit)
        s.add(row)
    row.public_key, row.key_id, row.fingerprint = bytes(public), key_id_of(public), fingerprint(public)
    row.how, row.trusted_at, row.trusted_by = how, utc_stamp(), actor or ""
    s.flush()
    return row


def trust_peer(db: Database, unit: str, public: bytes, how: str = "confirmed", actor: str = "") -> PeerInfo:
    """The GUI's "confirm this sender" (also used to accept a unit's new key after a reinstall)."""
    with db.session() as s, s.begin():
        add_peer(s, unit, public, how, actor)
    return next(p for p in peers(db) if p.unit_code == unit)


def forget_peer(db: Database, unit: str) -> bool:
    with db.session() as s, s.begin():
        row = s.get(Peer, unit)
        if row is None:
            return False
        s.delete(row)
        return True


def peers(db: Database) -> list[PeerInfo]:
    with db.session() as s:
        names = dict(s.execute(select(m.Unit.code, m.Unit.name)).all())
        return [PeerInfo(p.unit_code, names.get(p.unit_code, p.unit_code), p.fingerprint, p.key_id, p.how,
                         p.trusted_at) for p in s.scalars(select(Peer).order_by(Peer.unit_code))]


# ------------------------------------------------------------------ the unit tree
def parent_of(s: Session, code: str) -> str | None:
    return s.scalar(select(m.Unit.parent_code).where(m.Unit.code == code))


def unit_name(s: Session, code: str) -> str:
    return s.scalar(select(m.Unit.name).where(m.Unit.code == code)) or code


def unit_level(s: Session, code: str) -> str | None:
    return s.scalar(select(m.Unit.level).where(m.Unit.code == code))


def ancestors(s: Session, code: str) -> list[str]:
    out, seen = [], 0
    parent = parent_of(s, code)
    while parent and seen < 8:
        out.append(parent)
        parent = parent_of(s, parent)
        seen += 1
    return out


def is_below(s: Session, code: str, top: str) -> bool:
    """True when `code` is strictly below `top` in this installation's unit tree."""
    return top in ancestors(s, code)


def subtree(s: Session, top: str) -> set[str]:
    """`top` and every unit below it: the program's one "units below" (services.tree.units_below)."""
    return units_below(s, top)


def upward_recipient(s: Session, home: str) -> str | None:
    """The unit a data package goes to: the parent, unless home is already a city (the top)."""
    if unit_level(s, home) == "city":
        return None
    return parent_of(s, home)


# ------------------------------------------------------------------ enrolment proof
def new_token() -> str:
    import os
    return base64.b64encode(os.urandom(32)).decode("ascii")


def enrolment_proof(token: str, public: bytes) -> str:
    """Shows the upper level that the sender holds the enrolment it issued, bound to the
    sender's key so the proof seen in one package cannot vouch for another key."""
    raw = base64.b64decode(token)
    return hmac.new(raw, _PROOF_LABEL + bytes(public), hashlib.sha256).hexdigest()


def proof_for(s: Session, recipient: str, public: bytes) -> str | None:
    row = s.scalar(select(Enrolment).where(Enrolment.direction == "received", Enrolment.unit_code == recipient)
                   .order_by(Enrolment.issued_at.desc()).limit(1))
    return enrolment_proof(row.token, public) if row else None


def check_proof(s: Session, sender: str, public: bytes, proof: object) -> Enrolment | None:
    """The issued enrolment the proof matches, if any."""
    if not isinstance(proof, str) or len(proof) != 64:
        return None
    for row in s.scalars(select(Enrolment).where(Enrolment.direction == "issued", Enrolment.unit_code == sender)):
        if hmac.compare_digest(enrolment_proof(row.token, public), proof):
            return row
    return None
