"""Rules that used to live in ui/ and now live below it (issue 7, item 5): the photo policy and the
milestone code scheme. The four-shortages light is tested with the indicators."""
from __future__ import annotations

from sanxiang_desktop.core import media
from sanxiang_desktop.services.records import create
from sanxiang_desktop.store import models as m
from sqlalchemy import select

from .conftest import COUNTY


def test_photos_shrink_sign_in_sheets_keep_more_pdfs_and_originals_stay():
    assert media.image_policy("photo", "image/png", False) == media.ImagePolicy(1600, 85)
    assert media.image_policy("signin", "image/jpeg", False).max_px == 2400
    assert media.image_policy("photo", "image/jpeg", True) is None           # 保留原图
    assert media.image_policy("signin", "application/pdf", False) is None
    policy = media.image_policy("photo", "image/jpeg", False)
    assert not media.needs_reencoding(True, 1600, 1200, policy)              # a small JPEG is not re-encoded
    assert media.needs_reencoding(True, 3200, 2400, policy) and media.needs_reencoding(False, 10, 10, policy)
    assert media.stored_name("IMG_0001.PNG") == "IMG_0001.jpg"


def test_a_new_milestone_without_a_code_gets_a_custom_one(make_ws):
    ws = make_ws(COUNTY, "county.db")
    first = create(ws, "milestones", {"unit_code": COUNTY, "year": 2026, "title": "年终总结", "due_on": "2026-12-20"})
    second = create(ws, "milestones", {"unit_code": COUNTY, "year": 2026, "title": "复查", "due_on": "2026-12-25"})
    assert first.ok and second.ok
    with ws.session() as s:
        codes = [s.scalar(select(m.Milestone.code).where(m.Milestone.id == r.record_id)) for r in (first, second)]
    assert all(c.startswith("custom-") and len(c) == len("custom-") + 12 for c in codes) and codes[0] != codes[1]
    given = create(ws, "milestones", {"unit_code": COUNTY, "year": 2026, "code": "kickoff", "title": "推进会",
                                      "due_on": "2026-05-10"})
    with ws.session() as s:
        assert s.scalar(select(m.Milestone.code).where(m.Milestone.id == given.record_id)) == "kickoff"
