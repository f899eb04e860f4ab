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

