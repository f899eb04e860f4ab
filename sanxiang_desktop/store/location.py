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

#: Kernel file-system types that are network shares (SMB/CIFS, NFS, AFS, 9p, Ceph, ...).
NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "ncpfs", "ceph", "glusterfs", "lustre",
    "davfs", "coda", "ocfs2", "gfs2", "beegfs", "orangefs", "vboxsf", "vmhgfs",
})
#: FUSE file systems that reach another computer: GVFS (what the UOS/Kylin/GNOME file managers use
#: for smb://, sftp://, dav:// locations: one mount at /run/user/<uid>/gvfs), sshfs, davfs2, KDE's
#: kio-fuse, rclone, s3fs, smbnetfs, curlftpfs. (fuseblk is a local NTFS/exFAT disk: not here.)
NETWORK_FUSE = frozenset({
    "fuse.gvfsd-fuse", "fuse.gvfs-fuse-daemon", "fuse.sshfs", "fuse.davfs2", "fuse.davfs",
    "fuse.kio-fuse", "fuse.rclone", "fuse.s3fs", "fuse.smbnetfs", "fuse.curlftpfs", "fuse.smb",
    "fuse.afpfs", "fuse.goofys", "fuse.gcsfuse", "fuse.glusterfs", "fuse.cephfs",
})
REMOVABLE_PREFIXES = ("/media/", "/run/media/", "/mnt/usb")
MOUNTS_FILE = "/proc/mounts"
_OCTAL = re.compile(r"\\([0-7]{3})")


def _unescape(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as \\040 \\011 \\012 \\134."""
    return _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), field)


def _mounts(mounts_file: str = MOUNTS_FILE) -> list[tuple[str, str, str]]:
    """(source, mount point, type) per line of the mount table; [] when it cannot be read."""
    try:
        with open(mounts_file, encoding="utf-8", errors="surrogateescape") as fh:
            rows = [line.split() for line in fh]
    except OSError:
        return []
    return [(_unescape(r[0]), _unescape(r[1]), r[2]) for r in rows if len(r) >= 3]


def is_network_mount(source: str, fstype: str) -> bool:
    """True for a mount that lives on another computer, by its type and (for plain "fuse") source."""
    fstype = fstype.lower()
    if fstype in NETWORK_FS or fstype in NETWORK_FUSE or fstype.startswith(("fuse.smb", "fuse.gvfs", "nfs")):
        return True
    # davfs2 and some helpers mount as plain "fuse" with the URL or host:path as the source.
    return fstype in ("fuse", "fuse3") and ("://" in source or source.startswith("//") or
                                           re.match(r"^[\w.-]+@?[\w.-]*:/", source) is not None)


def _windows_drive_type(path: Path) -> int | None:
    import ctypes  # only reached on Windows

    root = os.path.splitdrive(str(path))[0] + "\\"
    return ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]


def _resolved(path: Path) -> Path:
    """The real location: symlinks followed as far as the path exists (a link on the desktop
    to a GVFS share is the share)."""
    path = Path(os.path.abspath(path))
    existing, rest = path, []
    while not existing.exists() and existing != existing.parent:
        rest.append(existing.name)
        existing = existing.parent
    try:
        real = Path(os.path.realpath(existing))
    except OSError:
        return path
    return real.joinpath(*reversed(rest))


def unsafe_location(path: Path, *, mounts_file: str | None = None,
                    platform: str = sys.platform) -> str | None:
    """Why a database must not live at ``path`` ("network" / "removable"), or None.

    Linux: the longest mount point holding the path, from ``mounts_file`` (tests pass a
    simulated table); every network and network-FUSE type gives "network" (one message for
    all). Windows: UNC paths and mapped network drives are "network"."""
    if platform == "win32":
        path = Path(os.path.abspath(path))
        if str(path).startswith("\\\\"):
            return "network"
        kind = _windows_drive_type(path)
        return {2: "removable", 4: "network"}.get(kind)
    path = _resolved(path)
    text = str(path)
    best, fstype, source = "", "", ""
    for src, mount_point, fs in _mounts(mounts_file or MOUNTS_FILE):
        if (text == mount_point or text.startswith(mount_point.rstrip("/") + "/")) and len(mount_point) >= len(best):
            best, fstype, source = mount_point, fs, src   # the last mount on a point is the one in effect
    if is_network_mount(source, fstype) or re.match(r"^/run/user/\d+/gvfs/", text):
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

