"""Saving a file so that the real name only ever holds a complete file.

Every file the program saves for the clerk (PDF forms, .docx, .xlsx ledgers, templates, marked
copies of rejected imports) goes through `atomic_write`: the writer fills a temporary file in the
target's own folder (a rename across file systems would not be atomic), the bytes are fsynced, the
file gets the permissions a normally created file would have (the umask, not `mkstemp`'s 0600: a
saved form is an ordinary file the clerk may hand on), `os.replace` puts it under the real name and
the folder is fsynced so the rename survives a power cut. On any error (including a cancelled
export: `BaseException`) the temporary file is removed and the old file under the real name is
left untouched.
"""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

_MESSAGES: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("the disk is full", "磁盘已满"),
    errno.EDQUOT: ("the disk quota is used up", "磁盘配额已用完"),
    errno.EROFS: ("the folder is on a read-only disk", "文件夹所在磁盘为只读"),
    errno.EACCES: ("the folder or file is read-only or not permitted", "文件夹或文件为只读或无权限"),
    errno.EPERM: ("the folder or file is read-only or not permitted", "文件夹或文件为只读或无权限"),
    errno.ENOENT: ("the folder does not exist", "文件夹不存在"),
    errno.ENAMETOOLONG: ("the file name is too long", "文件名过长"),
}


class SaveError(OSError):
    """A file could not be saved; the old file under its name (if any) is unchanged.

    Keeps the `errno` and `filename` of the OSError that caused it (so handlers that sort
    OSErrors by errno keep working); `message_en` / `message_zh` say it in words a clerk
    can act on, naming the file.
    """

    def __init__(self, cause: OSError, target: Path) -> None:
        en, zh = _MESSAGES.get(cause.errno or 0, (cause.strerror or str(cause), cause.strerror or str(cause)))
        self.message_en = f"cannot save {target}: {en}; nothing was changed"
        self.message_zh = f"无法保存 {target}：{zh}，原有文件未改动"
        super().__init__(cause.errno, f"{self.message_en} / {self.message_zh}", str(target))

    def __str__(self) -> str:
        return str(self.strerror)


def _umask() -> int:
    # os.umask can only be read by setting it; set it straight back (no other thread creates
    # files in the instant between: the workers only write through here)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_path(path: str | Path, directory: bool = False) -> None:
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if directory:       # Windows cannot open a folder; its rename is durable enough
            return
        raise
    try:
        os.fsync(fd)
    except OSError:
        if not directory:   # some file systems refuse fsync on a folder; the file itself was synced
            raise
    finally:
        os.close(fd)


def _about_the_save(exc: BaseException, tmp: Path, target: Path) -> bool:
    # an OSError about the file being saved (writing, syncing, renaming), not about some input
    # file the writer happened to read
    return (isinstance(exc, OSError) and not isinstance(exc, SaveError) and exc.errno in _MESSAGES
            and exc.errno != errno.ENOENT and exc.filename in (None, str(tmp), str(target), tmp, target))


def atomic_write(target: str | os.PathLike[str], write: Callable[[Path], T]) -> T:
    """Save a file atomically: `write(tmp)` fills the temporary path `tmp` (in the target's folder),
    which then replaces `target`.

    Returns what `write` returned. Raises `SaveError` (an OSError with the cause's errno and the
    target as filename, bilingual message) when the folder is missing, read-only or full, or the
    name is too long; any other exception from `write` propagates as it is. Either way no
    temporary file remains and an existing `target` is unchanged.
    """
    target = Path(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise SaveError(exc, target) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        result = write(tmp)
        _fsync_path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if _about_the_save(exc, tmp, target):
            raise SaveError(exc, target) from exc
        raise
    _fsync_path(target.parent, directory=True)
    return result


def fsync_dir(folder: str | Path) -> None:
    """Make the names in `folder` durable (after a rename into it). Returns None; raises nothing where a
    folder cannot be opened or synced (Windows, some file systems): the rename is durable enough there."""
    _fsync_path(folder, directory=True)


__all__ = ["atomic_write", "fsync_dir", "SaveError"]
