"""Peak memory of a photo package does not grow with the photos (issue 12).

Exports and imports a township package with few and with many photos, each in a fresh process
(`sanxiang-desktop export-package` / `import-package`, peak resident set read from /proc), and
compares the peaks: format 1 held the payload whole several times over (about 3.5 MB per MB of
photos), format 2 holds a chunk or two. Memory is measured, not time."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sanxiang_desktop.store.database import open_database

from ..bench.sync_figures import _link, cli_peak, township_with_photos

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")

PHOTO = 100 * 1024
FEW, MANY = 20, 500                 # 2 MB and 50 MB of photos
ALLOWED_GROWTH_MB = 20              # format 1: about 3 MB per MB of photos, ≈ 140 MB here


def _peaks(folder: Path, photos: int) -> tuple[float, float, int]:
    from sanxiang_desktop.services.units import init_home
    folder.mkdir()
    town = township_with_photos(folder / "town.db", photos, PHOTO)
    county = open_database(folder / "county.db", create=True)
    init_home(county, "640104")
    db = open_database(town)
    _link(db, county, "640104100", "640104")
    db.close()
    county.close()
    out = folder / "out"
    _, export_mb = cli_peak("export-package", "--db", str(town), "--out", str(out))
    files = sorted(str(p) for p in out.iterdir())
    size = sum(Path(p).stat().st_size for p in files)
    _, import_mb = cli_peak("import-package", "--db", str(folder / "county.db"), *files)
    county = open_database(folder / "county.db")
    with county.session() as s:
        from sqlalchemy import func, select

        from sanxiang_desktop.store.models import Blob
        stored = s.scalar(select(func.count()).select_from(Blob))
    county.close()
    assert stored == photos, "the import did not apply every photo"
    return export_mb, import_mb, size


def test_peak_memory_of_a_photo_package_does_not_grow_with_the_photos(tmp_path):
    few = _peaks(tmp_path / "few", FEW)
    many = _peaks(tmp_path / "many", MANY)
    assert many[2] - few[2] > (MANY - FEW) * PHOTO * 0.9       # the package did grow with the photos
    growth = (many[0] - few[0], many[1] - few[1])
    assert growth[0] < ALLOWED_GROWTH_MB and growth[1] < ALLOWED_GROWTH_MB, (few, many)
    assert many[0] < 300 and many[1] < 300, many
