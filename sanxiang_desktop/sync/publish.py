"""Publishing a package file: the database knows every package file that exists.

Order (issue 8, kind 2): an intent row (meta ``publish:<package id>`` = the folder) is
committed first; then ONE transaction reserves the sequence number, writes the files
under temporary names (``<name>.<package id>.tmp``) and records the package in
sync_sent; only after that commit are the files renamed to their real names. A crash,
a kill, a locked or full disk at any point leaves either nothing with a real name and
no number used, or a number recorded whose files get their real names at the next
start (:func:`recover`): never a complete, importable file the database does not know,
so a number is never used twice with different content.

Before anything is written the whole file is checked (``PRAGMA integrity_check``, not
only quick_check): a damaged index must not send a package that silently lacks records.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable

from sqlalchemy.orm import Session

from ..core.files import fsync_dir
from ..core.ids import new_id
from ..services.audit import audit_entry
from ..services.result import Changes
from ..store.database import Database
from ..store.models import Meta
from ..store.sync_models import SentPackage
from .intents import INTENT, pending_intents
from .outbox import ExchangeError, Written, pending_name



def check_before_writing(db: Database) -> None:
    """Raise ExchangeError('damaged') unless SQLite's full integrity_check passes (a server keeps its
    own pages; `check` covers it there)."""
    if db.is_server:
        return
    with db.engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check(20)").fetchall()]
    if rows != ["ok"]:
        raise ExchangeError("damaged", f"The database is damaged ({rows[0][:120]}); nothing was written. Restore "
                            "the latest backup (备份 / 'backup'), or copy the file to a safe place and ask for help.",
                            f"数据库已损坏（{rows[0][:120]}），未生成任何文件。请从最近的备份恢复数据库，"
                            "或先复制该文件再寻求技术支持。")


EXPORT_ZH = {"data": "上报数据包", "receipt": "回执", "reference": "基础数据包", "enrolment": "注册文件"}


def publish(db: Database, folder: str | Path, build: Callable[[Session, str], Written]) -> Written:
    """Run `build(session, package_id)` (which calls outbox.write_package) in one transaction and
    publish its files after the commit. Raises what build raises, ExchangeError('damaged'), OSError
    and SQLAlchemy errors; in every case no file with a real name is left that sync_sent lacks.
    Returns what build returned, its files now under their real names."""
    folder = Path(folder).absolute()
    recover(db)
    check_before_writing(db)
    package_id = new_id()
    actor = db.get_meta("clerk") or ""
    with db.session() as s, s.begin():
        s.add(Meta(key=INTENT + package_id, value=json.dumps({"folder": str(folder)})))
    try:
        with db.session() as s, s.begin():
            written = build(s, package_id)
            # one audit entry per file written (export, receipt, reference data, enrolment), in its transaction
            audit_entry(s, f"export:{written.kind}", f"生成{EXPORT_ZH.get(written.kind, written.kind)}："
                        f"发往 {written.recipient}，第 {written.seq} 号",
                        Changes(frozenset({SentPackage.__tablename__}), frozenset({written.package_id})),
                        actor=actor)
    except BaseException:
        try:
            _finish(db, package_id, str(folder))
        except Exception:             # still locked or read-only: the next start finishes it
            pass
        raise
    _finish(db, package_id, str(folder))
    return written


def _finish(db: Database, package_id: str, folder: str) -> str:
    """Rename (sent) or delete (never committed) the temporary files of one package, then drop
    its intent row. Returns 'published' or 'discarded'."""
    with db.session() as s:
        sent = s.get(SentPackage, package_id)
        names = json.loads(sent.files) if sent is not None else []
    where = Path(folder)
    if sent is not None:
        for name in names:
            tmp = where / pending_name(name, package_id)
            if tmp.exists():
                os.replace(tmp, where / name)
        outcome = "published"
    else:
        for tmp in where.glob(f"*.{package_id}.tmp") if where.is_dir() else ():
            tmp.unlink(missing_ok=True)
        outcome = "discarded"
    fsync_dir(where)
    with db.session() as s, s.begin():
        row = s.get(Meta, INTENT + package_id)
        if row is not None:
            s.delete(row)
    return outcome


def recover(db: Database) -> dict[str, int]:
    """At start (and before every export): finish what a crash left. Files of a package the
    database recorded get their real names; files of one it never recorded are deleted.
    Returns {'published': n, 'discarded': n}."""
    return recover_intents(db, pending_intents(db))


def recover_intents(db: Database, intents: list[tuple[str, str]]) -> dict[str, int]:
    """recover() for the (package id, meta value) pairs sync.intents.pending_intents read.
    Returns {'published': n, 'discarded': n}."""
    out = {"published": 0, "discarded": 0}
    for package_id, value in intents:
        try:
            folder = json.loads(value)["folder"]
        except (ValueError, KeyError, TypeError):
            folder = ""
        out[_finish(db, package_id, folder)] += 1
    return out
