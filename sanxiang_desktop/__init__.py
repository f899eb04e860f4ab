"""sanxiang-desktop: offline records for grassroots science associations' "3+1" work."""
from __future__ import annotations

# The version lives in one place, here: pyproject.toml reads it ([tool.setuptools.dynamic], without
# importing the package) into the package metadata, which the installers and the bundle take it from
# (installer/sanxiang-desktop.spec, build_deb.py, build.ps1). Written out rather than read back from the
# metadata at run time: importlib.metadata and the email parser it needs cost ≈ 12 ms of every start
# (issue 12, startup).
__version__ = "0.1.0"
