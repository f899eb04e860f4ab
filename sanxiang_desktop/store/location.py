"""Refuse database files on network shares and removable drives.

SQLite's locking is unreliable over SMB/NFS, and a USB stick pulled mid-write
corrupts the file; the database belongs on the office PC's own disk.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs", "ncpfs", "davfs", "fuse.davfs2"}
REMOVABLE_PREFIXES = ("/media/", "/run/media/", "/mnt/usb")


def _mounts() -> list[tuple[str, str]]:
    try:
        with open("/proc/mounts", encoding="utf-8") as fh:
            rows = [line.split() for line in fh]
    except OSError:
        return []
    return [(r[1].replace("\\040", " "), r[2]) for r in rows if len(r) >= 3]


def _windows_drive_type(path: Path) -> int | None:
    import ctypes  # only reached on Windows

    root = os.path.splitdrive(str(path))[0] + "\\"
    return ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]


def unsafe_location(path: Path) -> str | None:
    """Why a database must not live at path ("network" / "removable"), or None."""
    path = Path(os.path.abspath(path))
    if sys.platform == "win32":
        if str(path).startswith("\\\\"):
            return "network"
        kind = _windows_drive_type(path)
        return {2: "removable", 4: "network"}.get(kind)
    text = str(path)
    best, fstype = "", ""
    for mount_point, fs in _mounts():
        if (text == mount_point or text.startswith(mount_point.rstrip("/") + "/")) and len(mount_point) > len(best):
            best, fstype = mount_point, fs
    if fstype in NETWORK_FS or fstype.startswith("fuse.smb"):
        return "network"
    if any(text.startswith(p) for p in REMOVABLE_PREFIXES) and best not in ("", "/"):
        return "removable"
    return None


# -- what --db names: a file (SQLite) or a PostgreSQL server (issue 13) ------------------------------------
SERVER_SCHEMES = ("postgresql+psycopg://", "postgresql://", "postgres://")


class TargetError(ValueError):
    """--db names something the program cannot use; carries both languages."""

    def __init__(self, message_en: str, message_zh: str):
        super().__init__(message_en)
        self.message_en, self.message_zh = message_en, message_zh


def classify_db_target(target: "str | Path") -> tuple[str, "str | Path"]:
    """("sqlite", Path) for a file, ("postgresql", URL) for a server.

    URLs are normalised to the psycopg 3 driver (`postgresql+psycopg://`). A password in the
    URL is refused: it would end up in shell history, settings files and logs; libpq's
    password file (PGPASSFILE / ~/.pgpass) or service file (`?service=NAME`) hold it instead.
    Other schemes (mysql://, sqlite://, http://) are refused. Raises TargetError."""
    text = str(target).strip()
    lowered = text.lower()
    if "://" not in text:
        return "sqlite", Path(text)
    if not lowered.startswith(SERVER_SCHEMES):
        scheme = text.split("://", 1)[0]
        raise TargetError(f"--db {scheme}:// is not supported: give a file path or a postgresql+psycopg:// URL",
                          f"不支持 {scheme}:// 形式的数据库地址：请给出文件路径或 postgresql+psycopg:// 服务器地址")
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError
    try:
        url = make_url("postgresql+psycopg://" + text.split("://", 1)[1])
    except ArgumentError:
        raise TargetError("the server address is not a valid URL", "服务器地址格式不正确") from None
    if url.password is not None or "password" in {k.lower() for k in url.query}:
        raise TargetError("do not put a password in the server address: use libpq's password file (PGPASSFILE) "
                          "or a service file (?service=NAME)",
                          "服务器地址中不能包含密码：请使用 PostgreSQL 密码文件（PGPASSFILE）或服务文件（?service=名称）")
    return "postgresql", url.render_as_string(hide_password=False)


def is_server_target(target: "str | Path") -> bool:
    """True when --db names a server (any URL); classify_db_target says whether it is usable."""
    return "://" in str(target)
