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
SERVED_SCHEMES: frozenset[str] = frozenset()      # the PostgreSQL backend adds "postgresql+psycopg"

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


class UnservedTarget(ValueError):
    """A --db that is a URL of a kind this program does not serve (bilingual message)."""

    def __init__(self, scheme: str):
        self.scheme = scheme
        self.message_en = (f"--db names a '{scheme}' URL, which this program does not serve; give the path of a "
                           "database file")
        self.message_zh = f"--db 给出的是本程序不支持的“{scheme}”地址，请给出数据库文件的路径"
        super().__init__(self.message_en)


def classify_db_target(text: str) -> tuple[str, str]:
    """What a --db value names: ("file", text) for a file path, ("url", text) for a URL of a scheme
    in SERVED_SCHEMES. Raises UnservedTarget for any other URL (never taken as a file name: a
    "postgresql+psycopg://host/db" must not become folders in the current directory)."""
    match = _URL.match(text or "")
    if match is None or (len(match.group(1)) == 1 and sys.platform == "win32") \
            or (len(match.group(1)) == 1 and match.group(2) != "//"):
        return "file", text
    scheme = match.group(1).lower()
    if scheme in SERVED_SCHEMES:
        return "url", text
    raise UnservedTarget(scheme)

