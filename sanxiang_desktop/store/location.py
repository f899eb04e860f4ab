"""Refuse database files on network shares and removable drives.

SQLite's locking is unreliable over SMB/NFS, and a USB stick pulled mid-write
corrupts the file; the database belongs on the office PC's own disk.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

# "scheme://…" (postgresql+psycopg://, file://, http://): never a file name. One letter before ":"
# followed by a slash is a Windows drive (C:/…, C:\…), which is a file name.
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):(//|/|\\)")
# The PostgreSQL backend (issue 13): every spelling libpq users write, normalised by server_url().
SERVED_SCHEMES: frozenset[str] = frozenset({"postgresql+psycopg", "postgresql", "postgres"})

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


class TargetError(ValueError):
    """--db names something the program cannot use; carries both languages."""

    def __init__(self, message_en: str, message_zh: str):
        super().__init__(message_en)
        self.message_en, self.message_zh = message_en, message_zh


class UnservedTarget(TargetError):
    """A --db that is a URL of a kind this program does not serve (bilingual message)."""

    def __init__(self, scheme: str):
        self.scheme = scheme
        super().__init__(f"--db names a '{scheme}' URL, which this program does not serve; give the path of a "
                         "database file or a postgresql+psycopg:// server address",
                         f"--db 给出的是本程序不支持的“{scheme}”地址，请给出数据库文件的路径或 postgresql+psycopg:// 服务器地址")


def classify_db_target(text: str) -> tuple[str, str]:
    """What a --db value names: ("file", text) for a file path, ("url", text) for a URL of a scheme
    in SERVED_SCHEMES (a PostgreSQL server, issue 13: then see server_url). Raises UnservedTarget
    for any other URL (never taken as a file name: a "mysql://host/db" must not become folders in
    the current directory)."""
    text = str(text) if text is not None else ""
    match = _URL.match(text)
    if match is None or (len(match.group(1)) == 1 and sys.platform == "win32") \
            or (len(match.group(1)) == 1 and match.group(2) != "//"):
        return "file", text
    scheme = match.group(1).lower()
    if scheme in SERVED_SCHEMES:
        return "url", text
    raise UnservedTarget(scheme)


def server_url(text: str) -> str:
    """A served URL made ready to connect: the psycopg 3 driver (`postgresql+psycopg://`), no password.

    A password in the URL is refused: it would end up in shell history, settings files and logs;
    libpq's password file (PGPASSFILE / ~/.pgpass) or service file (`?service=NAME`) hold it instead;
    `sslmode` and the other libpq settings pass through. Raises TargetError."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError
    try:
        url = make_url("postgresql+psycopg://" + str(text).strip().split("://", 1)[1])
    except (ArgumentError, IndexError, ValueError):
        raise TargetError("the server address is not a valid URL", "服务器地址格式不正确") from None
    if url.password is not None or "password" in {k.lower() for k in url.query}:
        raise TargetError("do not put a password in the server address: use libpq's password file (PGPASSFILE) "
                          "or a service file (?service=NAME)",
                          "服务器地址中不能包含密码：请使用 PostgreSQL 密码文件（PGPASSFILE）或服务文件（?service=名称）")
    return url.render_as_string(hide_password=False)


def is_server_target(target) -> bool:
    """True when --db is a URL (served or not: open_database says which); False for a file path."""
    try:
        return classify_db_target(str(target))[0] == "url"
    except UnservedTarget:
        return True

