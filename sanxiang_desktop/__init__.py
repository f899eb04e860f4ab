"""sanxiang-desktop: offline records for grassroots science associations' "3+1" work."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version as _version

# The version lives in one place: pyproject.toml's [project] version, read back from the installed
# package's metadata (the frozen bundle carries that metadata too; installer/sanxiang-desktop.spec).
try:
    __version__ = _version("sanxiang-desktop")
except PackageNotFoundError:   # run from a bare source tree that was never installed
    __version__ = "0+unknown"
