"""Tables of the exchange layer (sync): keys, peers, packages sent and received,
receipts, conflicts, duplicates, record origins and the local change log.

None of these rows travel as records; they describe the travelling. The change
log (sync_changes) is filled by SQLite triggers on every record table (see
CHANGE_TRIGGER_SQL), so every writer - services, demo, importer, migrations - is
tracked without having to remember it.
"""
# Mapped[...] as objects, not strings: see the note at the top of store/models.py (issue 12, startup)

from sqlalchemy import (Boolean, Integer, LargeBinary, PrimaryKeyConstraint, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base

Code = String(12)
Uuid = String(36)
Stamp = String(32)


class OwnKey(Base):
    """This installation's key pair: the public half and key id only.

    The private half lives outside the database file, in the per-user key store
    (store/keystore.py), so a copy of the file cannot sign; `private_key` is empty
    (b"") for every current installation and only ever non-empty in a file of an
    older release, until open_database moves it out."""
    __tablename__ = "sync_own_keys"
    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[str] = mapped_column(Stamp)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Peer(Base):
    """A unit whose key this installation trusts (one key per unit)."""
    __tablename__ = "sync_peers"
    unit_code: Mapped[str] = mapped_column(Code, primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    key_id: Mapped[str] = mapped_column(String(16))
    fingerprint: Mapped[str] = mapped_column(String(19))
    how: Mapped[str] = mapped_column(String(16))        # confirmed | enrolment | reference
    trusted_at: Mapped[str] = mapped_column(Stamp)
    trusted_by: Mapped[str] = mapped_column(String(64), default="")


class Enrolment(Base):
    """Enrolment tokens: 'issued' by an upper level for a child, 'received' by the child."""
    __tablename__ = "sync_enrolments"
    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))    # issued | received
    unit_code: Mapped[str] = mapped_column(Code, index=True)   # the child (issued) / the parent (received)
    token: Mapped[str] = mapped_column(String(64))       # base64 of 32 random bytes: a local secret
    issued_at: Mapped[str] = mapped_column(Stamp)
    used_at: Mapped[str | None] = mapped_column(Stamp)


class SentPackage(Base):
    """Every package written here: data, receipt, reference or enrolment."""
    __tablename__ = "sync_sent"
    __table_args__ = (UniqueConstraint("recipient", "kind", "seq"),)
    package_id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    recipient: Mapped[str] = mapped_column(Code, index=True)
    seq: Mapped[int] = mapped_column(Integer)
    # data: the recipient's acknowledged seq the package builds on; receipt: the seq acknowledged
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    change_high: Mapped[int] = mapped_column(Integer, default=0)   # sync_changes high-water included
    created_at: Mapped[str] = mapped_column(Stamp)
    files: Mapped[str] = mapped_column(Text, default="[]")          # JSON list of file names
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer, default=0)
    counts: Mapped[str] = mapped_column(Text, default="{}")         # JSON {table: n}


class ReceivedPackage(Base):
    """Every package applied here (data and reference); the import and this row share one transaction."""
    __tablename__ = "sync_received"
    package_id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    sender: Mapped[str] = mapped_column(Code, index=True)
    seq: Mapped[int] = mapped_column(Integer)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(Stamp)       # by the sender
    received_at: Mapped[str] = mapped_column(Stamp)
    counts: Mapped[str] = mapped_column(Text, default="{}")
    duplicate_count: Mapped[int] = mapped_column(Integer, default=0)
    last_duplicate_at: Mapped[str | None] = mapped_column(Stamp)


class Rejection(Base):
    """A package from a known sender, addressed here, refused: reported back in the receipt.
    Messages name tables, fields and record ids, never values (no personal data)."""
    __tablename__ = "sync_rejections"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(Stamp)
    sender: Mapped[str] = mapped_column(Code, index=True)
    kind: Mapped[str] = mapped_column(String(12), default="")
    package_id: Mapped[str | None] = mapped_column(Uuid)
    seq: Mapped[int | None] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32))
    message_en: Mapped[str] = mapped_column(Text)
    message_zh: Mapped[str] = mapped_column(Text)


class ReceivedReceipt(Base):
    """Receipts from the upper level: the newest (highest seq) says what it holds."""
    __tablename__ = "sync_receipts"
    package_id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    sender: Mapped[str] = mapped_column(Code, index=True)
    seq: Mapped[int] = mapped_column(Integer)
    acked_seq: Mapped[int] = mapped_column(Integer)
    max_seq: Mapped[int] = mapped_column(Integer, default=0)
    issued_at: Mapped[str] = mapped_column(Stamp)
    received_at: Mapped[str] = mapped_column(Stamp)
    schema_version: Mapped[str] = mapped_column(String(32), default="")
    body: Mapped[str] = mapped_column(Text)              # JSON, no personal data


class Conflict(Base):
    """Two versions of one record that diverged; the winner is applied, both are kept here."""
    __tablename__ = "sync_conflicts"
    __table_args__ = (UniqueConstraint("table_name", "record_id", "pair_key"),)
    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(Uuid, index=True)
    owner: Mapped[str] = mapped_column(Code)
    local_state: Mapped[str] = mapped_column(Text)
    incoming_state: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(String(10))      # local | incoming | merged
    pair_key: Mapped[str] = mapped_column(String(64))
    package_id: Mapped[str] = mapped_column(Uuid)
    sender: Mapped[str] = mapped_column(Code)
    detected_at: Mapped[str] = mapped_column(Stamp)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    resolved_keep: Mapped[str | None] = mapped_column(String(10))
    resolved_at: Mapped[str | None] = mapped_column(Stamp)
    resolved_by: Mapped[str | None] = mapped_column(String(64))


class PersonDuplicate(Base):
    """One ID number under two different people: listed for a clerk, never merged."""
    __tablename__ = "sync_duplicates"
    __table_args__ = (UniqueConstraint("person_a", "person_b"),)
    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    person_a: Mapped[str] = mapped_column(Uuid, index=True)
    person_b: Mapped[str] = mapped_column(Uuid, index=True)
    reason: Mapped[str] = mapped_column(String(16))
    package_id: Mapped[str] = mapped_column(Uuid)
    detected_at: Mapped[str] = mapped_column(Stamp)
    status: Mapped[str] = mapped_column(String(10), default="open")
    resolved_at: Mapped[str | None] = mapped_column(Stamp)
    resolved_by: Mapped[str | None] = mapped_column(String(64))


class RecordOrigin(Base):
    """Where the version of a record held here came from (unit, package, revision)."""
    __tablename__ = "sync_origins"
    __table_args__ = (PrimaryKeyConstraint("table_name", "record_id"),)
    table_name: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(Uuid)
    origin_unit: Mapped[str] = mapped_column(Code, index=True)
    origin_package: Mapped[str | None] = mapped_column(Uuid)
    origin_rev: Mapped[int] = mapped_column(Integer)
    via_package: Mapped[str] = mapped_column(Uuid)
    via_sender: Mapped[str] = mapped_column(Code)
    received_at: Mapped[str] = mapped_column(Stamp)


class RecordChange(Base):
    """Local change log: the newest change of each record gets the next number.
    A package carries the records whose number is above what the recipient acknowledged."""
    __tablename__ = "sync_changes"
    __table_args__ = (UniqueConstraint("table_name", "record_id"), {"sqlite_autoincrement": True})
    change_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(Uuid)


def change_trigger_sql(table: str, dialect: str = "sqlite") -> list[str]:
    """Triggers that log every insert and update of a record table into sync_changes.

    A later migration that rebuilds a record table with batch_alter_table drops
    these triggers with the old table: it must run these statements again. A new
    record table needs them on both backends: pass op.get_bind().dialect.name
    (on PostgreSQL they call the PL/pgSQL functions of store.server, issue 13).
    On PostgreSQL (revision 0010 on) they are statement-level triggers with a transition table,
    one for inserts (trg_T_sync) and one for updates (trg_T_sync_upd): PostgreSQL allows a
    transition table only on a trigger of one event. A migration that must keep an update out of
    the change log drops both."""
    if dialect == "postgresql":   # the functions are store.server.CHANGE_FUNCTION_SQL (0002, 0010)
        return [f"DROP TRIGGER IF EXISTS trg_{table}_sync ON {table}",
                f"DROP TRIGGER IF EXISTS trg_{table}_sync_upd ON {table}",
                f"CREATE TRIGGER trg_{table}_sync AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows "
                "FOR EACH STATEMENT EXECUTE FUNCTION sx_log_changes()",
                f"CREATE TRIGGER trg_{table}_sync_upd AFTER UPDATE ON {table} REFERENCING NEW TABLE AS new_rows "
                "FOR EACH STATEMENT EXECUTE FUNCTION sx_log_changes()",
                f"DROP TRIGGER IF EXISTS trg_{table}_notify ON {table}",
                f"CREATE TRIGGER trg_{table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION sx_notify_change()"]
    # Delete then insert (the next change_seq), not INSERT OR REPLACE: an UPSERT's own conflict
    # handling would override the OR REPLACE inside the trigger (migration 0006).
    body = (f"BEGIN DELETE FROM sync_changes WHERE table_name = '{table}' AND record_id = NEW.id; "
            f"INSERT INTO sync_changes (table_name, record_id) VALUES ('{table}', NEW.id); END")
    return [f"CREATE TRIGGER IF NOT EXISTS trg_{table}_sync_ins AFTER INSERT ON {table} {body}",
            f"CREATE TRIGGER IF NOT EXISTS trg_{table}_sync_upd AFTER UPDATE ON {table} {body}"]


class ReturnedRecord(Base):
    """A record sent back to its owner for correction (退回更正), travelling down in receipts.

    The same row id at every level: 'sent' where a clerk returned it, 'relay' at a county
    passing it on to the township that owns the record, 'due' at the owner. Only table,
    record id, owner and the clerk's reason are kept (no names, ID or phone numbers)."""
    __tablename__ = "sync_returns"
    id: Mapped[str] = mapped_column(Uuid, primary_key=True)
    direction: Mapped[str] = mapped_column(String(8), index=True)   # sent | relay | due
    table_name: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(Uuid, index=True)
    owner: Mapped[str] = mapped_column(Code)
    rev: Mapped[int] = mapped_column(Integer)            # the revision returned; a higher one is the correction
    from_unit: Mapped[str] = mapped_column(Code)
    reason: Mapped[str] = mapped_column(Text)
    returned_at: Mapped[str] = mapped_column(Stamp)
    received_at: Mapped[str | None] = mapped_column(Stamp)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | corrected | dismissed
    closed_at: Mapped[str | None] = mapped_column(Stamp)
    actor: Mapped[str] = mapped_column(String(64), default="")


def set_aside_change_triggers(conn, tables: list[str]) -> dict[str, list[str]]:
    """SQLite: drop the change-log triggers of `tables` INSIDE the caller's transaction and return the
    statements that put them back (their stored text, verbatim); the caller then writes the change log
    itself with log_changes and runs those statements before its commit (restore_change_triggers).

    Why: a trigger program per row costs three times the row's own insert during a bulk import
    (tests/bench, issue 12). Why it is safe: SQLite's DDL is transactional, so a failed or killed
    import rolls the drop back with everything else, and no other writer can run while the import
    holds the write lock (BEGIN IMMEDIATE). Only tables whose two triggers are both present are set
    aside (a table with a missing trigger keeps what it has: check reports it).
    Returns {table set aside: its CREATE TRIGGER statements}; {} on PostgreSQL (its trigger stays)."""
    if conn.dialect.name != "sqlite" or not tables:
        return {}
    found = dict(conn.exec_driver_sql(        # sqlite_master: SQLite only, as the whole function
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (%s)"
        % ", ".join("?" * len(tables)), tuple(tables)).all())
    aside: dict[str, list[str]] = {}
    for table in tables:
        pair = [f"trg_{table}_sync_ins", f"trg_{table}_sync_upd"]
        if all(n in found for n in pair):
            for n in pair:
                conn.exec_driver_sql(f"DROP TRIGGER {n}")
            aside[table] = [found[n] for n in pair]
    return aside


def restore_change_triggers(conn, aside: dict[str, list[str]]) -> None:
    """Put back what set_aside_change_triggers took away (same transaction, before the commit)."""
    for statements in aside.values():
        for sql in statements:
            conn.exec_driver_sql(sql)


def log_changes(conn, table: str, ids: list[str]) -> None:
    """The change log for rows just written, in write order: what the SQLite trigger does per row
    (the record's old entry goes, a new one takes the next change_seq), as one executemany."""
    if ids:
        conn.exec_driver_sql("INSERT OR REPLACE INTO sync_changes (table_name, record_id) VALUES (?, ?)",
                             [(table, rid) for rid in ids])
