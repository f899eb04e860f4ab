"""Demo data an officer would believe: a person's category, employer and job agree; survey visits
have varied follow-ups; the same seed gives the same records."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from sanxiang_desktop.services.demo import build_demo
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database

COUNTY = "640104"
# What each member category may be called at work (the job column) — never another trade's job.
JOB_WORDS = {"doctor": ("医生",), "teacher": ("教师",), "agri_extension_worker": ("农技",),
             "demo_household": ("户主",), "science_volunteer": ("志愿者",)}


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("demo") / "county.db", create=True)
    build_demo(db, COUNTY, scale="county", seed=1, year=2026)
    yield db
    db.close()


def test_category_and_job_agree(county):
    with county.session() as s:
        people = s.execute(select(m.Person.name, m.Person.category, m.Person.job, m.Person.employer)).all()
    checked = 0
    for name, category, job, employer in people:
        words = JOB_WORDS.get(category)
        if words:
            checked += 1
            assert any(w in (job or "") for w in words), (name, category, job, employer)
        assert not (category == "doctor" and "教师" in (job or "")), name
        assert not (category == "teacher" and (job or "") in ("户主", "医生", "农技员")), name
        if category == "doctor":
            assert "卫生" in employer or "医院" in employer, (name, employer)
    assert checked > 50


def test_visits_have_varied_follow_ups(county):
    with county.session() as s:
        follow = s.scalars(select(m.Visit.follow_ups)).all()
    assert len(follow) >= 5 and len(set(follow)) >= 4


def test_leading_group_jobs_fit_the_county(county):
    with county.session() as s:
        rows = s.execute(select(m.GroupMember.department, m.Person.job)
                         .join(m.Person, m.Person.id == m.GroupMember.person_id)).all()
    assert rows
    for department, job in rows:
        if department.endswith("部"):
            assert job.endswith("部长"), (department, job)
        if department.endswith("局"):
            assert job.endswith("局长"), (department, job)


def test_same_seed_same_records(tmp_path, county):
    again = open_database(tmp_path / "again.db", create=True)
    try:
        build_demo(again, COUNTY, scale="county", seed=1, year=2026)
        rows = lambda db: sorted(db.session().execute(  # noqa: E731
            select(m.Person.id, m.Person.name, m.Person.job, m.Person.category)).all())
        assert rows(again) == rows(county)
    finally:
        again.close()
