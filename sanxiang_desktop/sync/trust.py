"""This installation's key pair, the keys of the units it trusts, and the unit tree
questions trust depends on (who is above or below whom).

The key pair is made the first time it is needed (init calls it, so "first
start"); its public half lives in the sync_own_keys table, its private half in the
per-user key store outside the database file (store/keystore.py), so a copy of the
database cannot sign.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
from pathlib import Path
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import clock
from ..services.tree import units_below
from ..store import models as m
from ..store import keystore
from ..store.database import Database
from ..store.errors import StoreError
from ..store.sync_models import Enrolment, OwnKey, Peer
from .errors import ExchangeError, PackageError
from .keys import KeyPair, fingerprint, key_id_of

_PROOF_LABEL = b"sanxiang-enrolment-proof:"


def utc_stamp() -> str:
    """Returns now as a UTC storage stamp (core.clock.utc_stamp; kept here for the sync modules' imports)."""
    return clock.utc_stamp()


def _active_key(s: Session) -> OwnKey | None:
    return s.scalar(select(OwnKey).where(OwnKey.active.is_(True)).order_by(OwnKey.created_at.desc()).limit(1))


def ensure_own_key(db: Database) -> KeyPair:
    """Returns the installation's key pair, made on first use. The private key goes to the key store
    (store/keystore.py), never into the database file; only the public half and the key id are
    kept in sync_own_keys. Raises ExchangeError('key_missing') when the database holds a key
    whose private half is not on this computer (a backup restored elsewhere)."""
    with db.session() as s:
        row = _active_key(s)
    if row is not None:
        try:
            with db.session() as s:
                return _pair(s, row)
        except PackageError as err:
            raise ExchangeError(err.code, err.message_en, err.message_zh) from None
    with db.session() as s, s.begin():
        inst = keystore.installation_id(s)
        if _active_key(s) is None:
            pair = KeyPair.generate()
            keystore.save_key(inst, pair.key_id, pair.private_bytes)    # the key file first
            s.add(OwnKey(key_id=pair.key_id, public_key=pair.public_bytes, private_key=b"",
                         created_at=utc_stamp(), active=True))
            return pair
    return ensure_own_key(db)


def _pair(s: Session, row: OwnKey) -> KeyPair:
    private = bytes(row.private_key or b"")
    if not private:                         # moved out of the file (every current installation)
        row_inst = s.get(m.Meta, keystore.META_KEY)
        if row_inst is None:
            raise PackageError("key_missing", *_missing_texts())
        try:
            private = keystore.load_key(row_inst.value, row.key_id)
        except StoreError as err:
            raise PackageError(err.code, err.message_en, err.message_zh) from None
    pair = KeyPair.from_private_bytes(private)
    if pair.public_bytes != bytes(row.public_key):
        raise PackageError("key_missing", *_missing_texts())
    return pair


def _missing_texts() -> tuple[str, str]:
    err = keystore.missing_key("00000000-0000-0000-0000-000000000000")
    return err.message_en, err.message_zh


def export_private_key(db: Database, out: Path) -> Path:
    """Write this installation's private key file to `out` (to move the installation to another PC).
    Raises ExchangeError('key_missing').
    Returns `out`."""
    pair = ensure_own_key(db)
    with db.session() as s, s.begin():
        inst = keystore.installation_id(s)
    keystore.save_key(inst, pair.key_id, pair.private_bytes)
    return keystore.export_keys(inst, out)


def import_private_key(db: Database, path: Path) -> str:
    """Take this database's private key from a key file (export_private_key on the old PC) into this
    computer's key store; only a key whose public half this database holds is taken. Returns its id.
    Raises ExchangeError('bad_key_file' | 'key_mismatch')."""
    try:
        found = keystore.read_key_file(path)
    except StoreError as err:
        raise ExchangeError(err.code, err.message_en, err.message_zh) from None
    with db.session() as s, s.begin():
        inst = keystore.installation_id(s)
        rows = {r.key_id: bytes(r.public_key) for r in s.scalars(select(OwnKey))}
    taken = ""
    for key_id, seed in found.items():
        try:
            pair = KeyPair.from_private_bytes(seed)
        except PackageError:
            continue
        if rows.get(pair.key_id) == pair.public_bytes:
            keystore.save_key(inst, pair.key_id, seed)
            taken = taken or pair.key_id
    if not taken:
        raise ExchangeError("key_mismatch", "The key file does not hold this database's key.",
                            "该密钥文件中没有本数据库的密钥。")
    return taken


def own_key(s: Session) -> KeyPair | None:
    """Returns this installation's key pair, or None before one was made. Raises PackageError('key_missing')."""
    row = _active_key(s)
    return _pair(s, row) if row else None


@dataclass(frozen=True)
class PeerInfo:
    unit_code: str
    name: str
    fingerprint: str
    key_id: str
    how: str
    trusted_at: str


def peer_key(s: Session, unit: str) -> bytes | None:
    """Returns the public key trusted for `unit`, or None."""
    row = s.get(Peer, unit)
    return bytes(row.public_key) if row else None


def add_peer(s: Session, unit: str, public: bytes, how: str, actor: str = "") -> Peer:
    """Trust `public` as the key of `unit` (replacing an earlier key only when called for it).
    Returns the Peer row."""
    row = s.get(Peer, unit)
    if row is None:
        row = Peer(unit_code=unit)
        s.add(row)
    row.public_key, row.key_id, row.fingerprint = bytes(public), key_id_of(public), fingerprint(public)
    row.how, row.trusted_at, row.trusted_by = how, utc_stamp(), actor or ""
    s.flush()
    return row


def trust_peer(db: Database, unit: str, public: bytes, how: str = "confirmed", actor: str = "") -> PeerInfo:
    """The GUI's "confirm this sender" (also used to accept a unit's new key after a reinstall).
    Returns the PeerInfo of the trusted key."""
    with db.session() as s, s.begin():
        add_peer(s, unit, public, how, actor)
    return next(p for p in peers(db) if p.unit_code == unit)


def forget_peer(db: Database, unit: str) -> bool:
    """Stops trusting the key of `unit`. Returns False when none was trusted."""
    with db.session() as s, s.begin():
        row = s.get(Peer, unit)
        if row is None:
            return False
        s.delete(row)
        return True


def peers(db: Database) -> list[PeerInfo]:
    """Returns every trusted key with its unit's name, fingerprint, key id, and how and when it was trusted."""
    with db.session() as s:
        names = dict(s.execute(select(m.Unit.code, m.Unit.name)).all())
        return [PeerInfo(p.unit_code, names.get(p.unit_code, p.unit_code), p.fingerprint, p.key_id, p.how,
                         p.trusted_at) for p in s.scalars(select(Peer).order_by(Peer.unit_code))]


# ------------------------------------------------------------------ the unit tree
def parent_of(s: Session, code: str) -> str | None:
    """Returns the parent code of unit `code`, or None (the top, or an unknown unit)."""
    return s.scalar(select(m.Unit.parent_code).where(m.Unit.code == code))


def unit_name(s: Session, code: str) -> str:
    """Returns the name of unit `code`, or the code itself when the unit is unknown."""
    return s.scalar(select(m.Unit.name).where(m.Unit.code == code)) or code


def unit_level(s: Session, code: str) -> str | None:
    """Returns the level of unit `code` (city, county, township, village), or None when unknown."""
    return s.scalar(select(m.Unit.level).where(m.Unit.code == code))


def ancestors(s: Session, code: str) -> list[str]:
    """Returns the codes of the units above `code`, nearest first (at most eight)."""
    out, seen = [], 0
    parent = parent_of(s, code)
    while parent and seen < 8:
        out.append(parent)
        parent = parent_of(s, parent)
        seen += 1
    return out


def is_below(s: Session, code: str, top: str) -> bool:
    """Returns True when `code` is strictly below `top` in this installation's unit tree."""
    return top in ancestors(s, code)


def subtree(s: Session, top: str) -> set[str]:
    """Returns `top` and every unit below it: the program's one "units below" (services.tree.units_below)."""
    return units_below(s, top)


def upward_recipient(s: Session, home: str) -> str | None:
    """Returns the unit a data package goes to: the parent, unless home is already a city (the top)."""
    if unit_level(s, home) == "city":
        return None
    return parent_of(s, home)


# ------------------------------------------------------------------ enrolment proof
def new_token() -> str:
    """Returns a fresh enrolment token: 32 random bytes as base64 text."""
    import os
    return base64.b64encode(os.urandom(32)).decode("ascii")


def enrolment_proof(token: str, public: bytes) -> str:
    """Shows the upper level that the sender holds the enrolment it issued, bound to the
    sender's key so the proof seen in one package cannot vouch for another key.
    Returns the proof as text."""
    raw = base64.b64decode(token)
    return hmac.new(raw, _PROOF_LABEL + bytes(public), hashlib.sha256).hexdigest()


def proof_for(s: Session, recipient: str, public: bytes) -> str | None:
    """Returns the proof of the newest enrolment received from `recipient`, bound to key `public`, or None
    without one."""
    row = s.scalar(select(Enrolment).where(Enrolment.direction == "received", Enrolment.unit_code == recipient)
                   .order_by(Enrolment.issued_at.desc()).limit(1))
    return enrolment_proof(row.token, public) if row else None


def check_proof(s: Session, sender: str, public: bytes, proof: object) -> Enrolment | None:
    """Returns the issued enrolment the proof matches, if any."""
    if not isinstance(proof, str) or len(proof) != 64:
        return None
    for row in s.scalars(select(Enrolment).where(Enrolment.direction == "issued", Enrolment.unit_code == sender)):
        if hmac.compare_digest(enrolment_proof(row.token, public), proof):
            return row
    return None
