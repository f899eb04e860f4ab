"""Packages that arrive wrapped in an ordinary .zip.

E-mail clients and Windows' "send to compressed folder" put ``.sxpkg`` files into a ``.zip``,
often with GBK file names. Such a zip is not a package (a package is a strict STORED zip of
three fixed members, see container.py) and is not treated as one: the packages inside are
offered for import, each read into memory under the same caps as a package file, one at a time,
never extracted to disk. Member names are shown decoded (UTF-8 flag, else UTF-8 or GBK, which is
what Chinese Windows writes), with only their last path component and no control characters.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Callable

from .container import MEMBERS, Caps
from .errors import PackageError

ZIP_MAGIC = b"PK\x03\x04"
MAX_ENTRIES = 2000        # directory entries looked at (a zip of a whole mail folder is fine)
MAX_PACKAGES = 200        # .sxpkg files offered from one zip
SUFFIX = ".sxpkg"

Loader = Callable[[], bytes]


def member_name(info: zipfile.ZipInfo) -> str:
    """Returns the member's file name as its writer meant it (GBK or UTF-8), last component only."""
    name = info.filename
    if not info.flag_bits & 0x800:       # zipfile decoded the raw bytes as cp437
        raw = name.encode("cp437", errors="replace")
        for encoding in ("utf-8", "gb18030"):
            try:
                name = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    name = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return "".join(ch for ch in name if ch.isprintable())[:120] or "?"


def _zip_error(path: Path, en: str, zh: str, code: str = "zip_file") -> PackageError:
    return PackageError(code, f"{path.name} is a zip file: {en}", f"{path.name} 是压缩包（zip）：{zh}")


def _open(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise _zip_error(path, "it cannot be read as a zip file.", "无法按压缩包读取。",
                         "zip_unreadable") from exc


def _member_loader(path: Path, index: int, name: str, caps: Caps) -> Loader:
    def load() -> bytes:
        with _open(path) as zf:
            info = zf.infolist()[index]
            if info.file_size > caps.max_package:
                raise PackageError("too_large", f"{name} in {path.name} is too large ({info.file_size} bytes).",
                                   f"{path.name} 中的 {name} 过大（{info.file_size} 字节）。")
            try:
                with zf.open(info) as fh:
                    data = fh.read(caps.max_package + 1)   # the size in the directory may lie
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as exc:
                raise _zip_error(path, f"{name} inside it is damaged ({exc.__class__.__name__}).",
                                 f"其中的 {name} 已损坏。", "zip_damaged") from None
            if len(data) > caps.max_package:
                raise PackageError("too_large", f"{name} in {path.name} is too large.",
                                   f"{path.name} 中的 {name} 过大。")
            return data
    return load


def _head(path: Path, index: int, size: int) -> bytes:
    try:
        with zipfile.ZipFile(path) as zf, zf.open(zf.infolist()[index]) as fh:
            return fh.read(size)
    except Exception:   # noqa: BLE001 - a member that cannot be read is reported when loaded
        return b""


def packages_in_zip(path: Path, head: bytes, caps: Caps, head_size: int) -> list[tuple[str, bytes, Loader]] | None:
    """Returns the packages inside an ordinary zip: (shown name, first bytes, loader) each.

    None when ``path`` is not a zip or is a package itself (the container judges it). Raises
    PackageError ``zip_without_package`` (listing what the zip holds), ``zip_encrypted``,
    ``zip_unreadable`` or ``too_large``: each says in plain words to unzip the file and
    import the .sxpkg inside."""
    if not head.startswith(ZIP_MAGIC):
        return None
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, ValueError):
        return None    # damaged: the package reader names the damage
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _zip_error(path, f"it holds {len(infos)} entries (at most {MAX_ENTRIES}); unzip it and "
                             "import the .sxpkg files inside.",
                             f"其中有 {len(infos)} 项（上限 {MAX_ENTRIES}），请解压后导入其中的 .sxpkg 文件。")
        if any(i.filename in MEMBERS for i in infos):
            return None    # a package, perhaps a damaged or tampered one: the container judges it
        found = [(index, info) for index, info in enumerate(infos)
                 if not info.is_dir() and member_name(info).lower().endswith(SUFFIX)]
    if not found:
        shown = "、".join([member_name(i) for i in infos if not i.is_dir()][:5]) or "—"
        raise _zip_error(path, f"it holds no .sxpkg package ({shown.replace('、', ', ')}). Unzip it and import "
                         "the .sxpkg file inside.", f"其中没有 .sxpkg 数据包（{shown}）。请解压后导入其中的 .sxpkg 文件。",
                         "zip_without_package")
    if len(found) > MAX_PACKAGES:
        raise _zip_error(path, f"it holds {len(found)} packages (at most {MAX_PACKAGES} at once); unzip it.",
                         f"其中有 {len(found)} 个数据包（一次最多 {MAX_PACKAGES} 个），请解压后分批导入。")
    out = []
    for index, info in found:
        name = member_name(info)
        if info.flag_bits & 0x1:
            def refuse(name=name) -> bytes:
                raise _zip_error(path, f"{name} inside it is password-protected; unzip it with the password "
                                 "and import the .sxpkg file.", f"其中的 {name} 设有密码，请用密码解压后导入该 .sxpkg 文件。",
                                 "zip_encrypted")
            out.append((f"{path.name} › {name}", b"", refuse))
            continue
        out.append((f"{path.name} › {name}", _head(path, index, head_size),
                    _member_loader(path, index, name, caps)))
    return out
