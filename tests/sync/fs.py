"""Real file-system faults for tests (root writes through chmod 0444, so these are used instead):
an immutable file or folder (chattr +i) and a small tmpfs that fills up. Both are undone
even when the test fails; tests that need them are skipped where they cannot be made."""
from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest


def _run(*cmd: str) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@contextmanager
def immutable(path: Path) -> Iterator[Path]:
    """`path` (a file or a folder) cannot be changed, not even by root, inside the block."""
    if os.geteuid() != 0 or not shutil.which("chattr") or not _run("chattr", "+i", str(path)):
        pytest.skip("needs root and chattr +i on this file system")
    try:
        yield path
    finally:
        _run("chattr", "-i", str(path))


@contextmanager
def small_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` (e.g. "64k") mounted on `folder` for the block, then unmounted."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)):
        pytest.skip("needs root and mount -t tmpfs")
    try:
        yield folder
    finally:
        if not _run("umount", str(folder)):
            _run("umount", "-l", str(folder))
