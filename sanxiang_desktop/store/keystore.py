"""Private keys live OUTSIDE the database file: a copy of the database cannot sign (issue 8).

Where: one file per installation, ``<key folder>/<installation id>.keys``, readable by its
owner only (folder 0700, file 0600). The key folder is, in this order:
  1. the folder set for this process (:func:`set_key_dir`: the GUI's setting calls it),
  2. ``$SANXIANG_KEY_DIR`` (tests and offices with several databases under one user),
  3. the user's own profile: ``%LOCALAPPDATA%\\sanxiang-desktop\\keys`` on Windows,
     ``~/Library/Application Support/sanxiang-desktop/keys`` on macOS,
     ``$XDG_CONFIG_HOME/sanxiang-desktop/keys`` (``~/.config/...``) elsewhere.
The installation id is a random id kept in the database's meta table, so a backup restored
on the SAME PC finds its key again, and one restored on another PC says clearly that the
key is not here: re-enrol, or import the key file (``keys --import-key FILE``).

Existing installations kept the seed in ``sync_own_keys.private_key``. :func:`move_out`
(run by ``open_database`` after the migrations, on every open until nothing is left) writes
each such key to the key file first, then empties the column with ``secure_delete`` on and
checkpoints the WAL, so the seed is gone from the file's pages too. This is not an Alembic
revision on purpose: a migration runs where the key folder may not be known (another user,
a test's temporary folder) and must not depend on the environment.
"""
from __future__ import annotations

import base64
import binascii
import json
import os
import sys
import uuid
from pathlib import Path

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from .errors import StoreError
from .models import Meta

ENV = "SANXIANG_KEY_DIR"
META_KEY = "installation_id"
_override: Path | None = None


def set_key_dir(folder: str | Path | None) -> None:
    """Point this process at another key folder (None: back to the environment / profile)."""
    global _override
    _override = Path(folder) if folder else None


def key_dir() -> Path:
    """The key folder in use (see the module text for the order)."""
    if _override is not None:
        return _override
    env = os.environ.get(ENV, "").strip()
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "sanxiang-desktop" / "keys"


def installation_id(s: Session) -> str:
    """This database's installation id (made in the caller's transaction the first time)."""
    row = s.get(Meta, META_KEY)
    if row is None:
        row = Meta(key=META_KEY, value=str(uuid.uuid4()))
        s.add(row)
        s.flush()
    return row.value


def _file(inst: str) -> Path:
    if not inst or any(c not in "0123456789abcdef-" for c in inst):
        raise StoreError("bad_installation", "The database's installation id is invalid.", "数据库的安装编号无效。")
    return key_dir() / f"{inst}.keys"


def _read(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise StoreError("key_unreadable", f"The key file {path} cannot be read ({exc}).",
                         f"密钥文件 {path} 无法读取（{exc}）。") from None
    keys = data.get("keys") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in keys.items()} if isinstance(keys, dict) else {}


def _write(path: Path, inst: str, keys: dict[str, str]) -> None:
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(folder, 0o700)
    except OSError:
        pass
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"installation_id": inst, "keys": keys}, fh, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


def save_key(inst: str, key_id: str, private: bytes) -> Path:
    """Keep one private key (32-byte seed) for installation `inst`; returns the key file."""
    path = _file(inst)
    keys = _read(path)
    keys[key_id] = base64.b64encode(bytes(private)).decode("ascii")
    _write(path, inst, keys)
    return path


def missing_key(inst: str) -> StoreError:
    where = _file(inst)
    return StoreError("key_missing",
                      f"This database's private key is not on this computer (looked in {where}). If the database "
                      "was restored from a backup made on another computer, ask the upper level for a new "
                      "enrolment file and enrol again, or import the key file saved on the old computer "
                      "(keys --import-key FILE).",
                      f"本机没有该数据库的私钥（查找位置：{where}）。如果数据库是从其他电脑的备份恢复的，"
                      "请向上级索取新的注册文件重新注册，或导入原电脑上保存的密钥文件（keys --import-key 文件）。")


def load_key(inst: str, key_id: str) -> bytes:
    """The private key `key_id` of installation `inst`. Raises StoreError('key_missing')."""
    value = _read(_file(inst)).get(key_id)
    if value is None:
        raise missing_key(inst)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise missing_key(inst) from None


def export_keys(inst: str, out: Path) -> Path:
    """Copy this installation's key file to `out` (0600), for moving to another PC."""
    keys = _read(_file(inst))
    if not keys:
        raise missing_key(inst)
    _write(Path(out), inst, keys)
    return Path(out)


def read_key_file(path: Path) -> dict[str, bytes]:
    """{key id: private seed} from a file written by export_keys. Raises StoreError."""
    keys = _read(Path(path))
    if not keys:
        raise StoreError("bad_key_file", f"{path} holds no keys.", f"{path} 中没有密钥。")
    try:
        return {k: base64.b64decode(v, validate=True) for k, v in keys.items()}
    except (binascii.Error, ValueError):
        raise StoreError("bad_key_file", f"{path} is not a key file.", f"{path} 不是密钥文件。") from None


def move_out(engine: Engine) -> int:
    """Move private keys still stored in the database file into the key store (see the module
    text); returns how many moved. Raises OSError when the key folder cannot be written (the
    keys then stay where they were, nothing is lost)."""
    with engine.connect() as conn:
        if not conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sync_own_keys'").first():
            return 0
        rows = conn.exec_driver_sql("SELECT key_id, private_key FROM sync_own_keys "
                                    "WHERE length(private_key) > 0").fetchall()
    if not rows:
        return 0
    with Session(engine) as s, s.begin():
        inst = installation_id(s)
        for key_id, private in rows:
            save_key(inst, key_id, bytes(private))        # the key file first: a crash loses nothing
        s.execute(text("PRAGMA secure_delete = ON"))
        s.execute(text("UPDATE sync_own_keys SET private_key = X'' WHERE length(private_key) > 0"))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return len(rows)


__all__ = ["ENV", "set_key_dir", "key_dir", "installation_id", "save_key", "load_key", "missing_key",
           "export_keys", "read_key_file", "move_out", "select"]
