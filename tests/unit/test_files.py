"""core.files.atomic_write: the one way a file is saved (forms, .docx, .xlsx, templates, marked copies)."""
from __future__ import annotations

import errno
import os
import stat

import pytest

from sanxiang_desktop.core.files import SaveError, atomic_write
from sanxiang_desktop.documents.model import Document, Paragraph
from sanxiang_desktop.documents.to_docx import write_docx
from sanxiang_desktop.spreadsheets.from_document import write_xlsx


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_save_replaces_the_file_with_ordinary_permissions(tmp_path):
    target = tmp_path / "form.pdf"
    target.write_bytes(b"old")
    seen = []

    def write(tmp):
        seen.append(tmp)
        assert tmp.parent == tmp_path and tmp != target   # beside the target, never the target itself
        tmp.write_bytes(b"new")
        return 7

    assert atomic_write(target, write) == 7
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask()   # not mkstemp's 0600
    assert not seen[0].exists() and leftovers(tmp_path) == []


def test_a_failed_writer_leaves_the_old_file_and_no_temp_file(tmp_path):
    target = tmp_path / "ledger.xlsx"
    target.write_bytes(b"old")

    def write(tmp):
        tmp.write_bytes(b"half")
        raise ValueError("the writer broke")

    with pytest.raises(ValueError, match="the writer broke"):
        atomic_write(target, write)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_full_disk_is_a_clear_save_error(tmp_path):
    target = tmp_path / "ledger.xlsx"
    target.write_bytes(b"old")

    def write(tmp):
        tmp.write_bytes(b"half")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))   # what a write() on a full disk raises

    with pytest.raises(SaveError) as caught:
        atomic_write(target, write)
    err = caught.value
    assert isinstance(err, OSError) and err.errno == errno.ENOSPC and err.filename == str(target)
    assert "磁盘已满" in err.message_zh and "disk is full" in err.message_en and str(target) in str(err)
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_a_missing_folder_is_a_clear_save_error(tmp_path):
    with pytest.raises(SaveError) as caught:
        atomic_write(tmp_path / "gone" / "form.pdf", lambda tmp: tmp.write_bytes(b"x"))
    assert caught.value.errno == errno.ENOENT and "文件夹不存在" in caught.value.message_zh


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_a_clear_save_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "form.pdf").write_bytes(b"old")
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError) as caught:
            atomic_write(folder / "form.pdf", lambda tmp: tmp.write_bytes(b"x"))
        assert caught.value.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
        assert (folder / "form.pdf").read_bytes() == b"old" and leftovers(folder) == []
    finally:
        folder.chmod(0o755)


def test_a_rename_that_fails_removes_the_temp_file(tmp_path):
    # a folder already holds the name: os.replace fails after the whole file was written
    (tmp_path / "summary.docx").mkdir()
    (tmp_path / "summary.docx" / "keep").write_text("x")
    with pytest.raises(OSError):
        atomic_write(tmp_path / "summary.docx", lambda tmp: tmp.write_bytes(b"new"))
    assert (tmp_path / "summary.docx" / "keep").read_text() == "x"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("save", [write_docx, write_xlsx], ids=["docx", "xlsx"])
def test_the_document_writers_save_through_it(tmp_path, save):
    doc = Document(title="简报", blocks=[Paragraph("正文")])
    target = tmp_path / ("out.docx" if save is write_docx else "out.xlsx")
    save(doc, target)
    assert target.read_bytes()[:2] == b"PK"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask()
    assert leftovers(tmp_path) == []
    with pytest.raises(SaveError):
        save(doc, tmp_path / "missing" / target.name)
