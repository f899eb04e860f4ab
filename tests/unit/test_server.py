"""The program on a PostgreSQL server (issue 13): addresses, the CLI, schema versions,
row-level security, several clerks at once, change notifications. Real server
(tests/pgserver.py), real roles, plain SQL where a hand-written client would go."""
from __future__ import annotations

import datetime as dt
import threading

import psycopg
import pytest
from alembic import command
from sqlalchemy import create_engine, text

from sanxiang_desktop import services  # noqa: F401
from sanxiang_desktop.cli.main import main
from sanxiang_desktop.services import records
from sanxiang_desktop.services.units import init_home
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store import migrate, server
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.errors import StoreError
from sanxiang_desktop.store.integrity import integrity_problems
from sanxiang_desktop.store.location import TargetError, classify_db_target, server_url
from sanxiang_desktop.store.notify import ChangeListener

from .conftest import COUNTY, TOWNSHIP, fixed_clock

TOWN2 = "640104001"


def test_db_targets_are_files_or_server_urls_without_passwords(tmp_path):
    assert classify_db_target(str(tmp_path / "a.db")) == ("file", str(tmp_path / "a.db"))
    assert classify_db_target("postgresql://clerk@office-server/sanxiang")[0] == "url"
    url = server_url("postgresql://clerk@office-server/sanxiang?sslmode=require")
    assert url.startswith("postgresql+psycopg://clerk@office-server/sanxiang") and "sslmode=require" in url
    assert server_url("postgresql+psycopg:///?service=office").startswith("postgresql+psycopg://")
    for bad in ("postgresql://clerk:secret@host/db", "postgresql://clerk@host/db?password=secret"):
        with pytest.raises(TargetError) as err:
            server_url(bad)
        assert "secret" not in err.value.message_en and err.value.message_zh
    with pytest.raises(TargetError):
        classify_db_target("mysql://clerk@host/db")
    assert main(["check", "--db", "postgresql://clerk:secret@host/db"]) == 2


def test_cli_init_check_dump_and_backup_on_a_server(pg_server, tmp_path, capsys, monkeypatch):
    url = pg_server.url(pg_server.new_database("cli"))
    assert main(["init", "--db", url, "--unit", COUNTY, "--clerk", "管理员"]) == 0
    assert main(["init", "--db", url, "--unit", COUNTY]) == 2          # not over existing data
    assert "already holds data" in capsys.readouterr().err
    assert main(["check", "--db", url]) == 0
    assert main(["dump", "--db", url]) == 0 and '"table"' in capsys.readouterr().out
    out = tmp_path / "office.dump"
    assert main(["backup", "--db", url, "--out", str(out)]) == 0
    assert out.read_bytes()[:5] == b"PGDMP"                             # pg_dump's custom format
    monkeypatch.setenv("PATH", str(tmp_path))                          # no pg_dump anywhere
    monkeypatch.setattr(server, "PG_BIN_GLOB", str(tmp_path / "none" / "*" / "pg_dump"))
    assert main(["backup", "--db", url, "--out", str(tmp_path / "again.dump")]) == 2
    assert "pg_dump is not installed" in capsys.readouterr().err
    assert not (tmp_path / "again.dump").exists()
    unreachable = f"postgresql+psycopg://postgres@/nosuchdb?host={pg_server.folder}&port={pg_server.port}"
    assert main(["stats", "--db", unreachable, "--json"]) == 2
    assert "无法连接数据库服务器" in capsys.readouterr().err


def test_check_finds_a_missing_change_trigger(pg_server):
    name = pg_server.new_database("chk")
    db = open_database(pg_server.url(name), create=True)
    init_home(db, COUNTY, "x")
    db.close()
    assert main(["check", "--db", pg_server.url(name)]) == 0
    pg_server.admin("ALTER TABLE people DISABLE TRIGGER trg_people_sync", name)
    assert main(["check", "--db", pg_server.url(name)]) == 2


def test_a_server_at_a_newer_schema_is_refused_untouched(pg_server, pg_schema):
    name = pg_server.new_database("newer", pg_schema)
    pg_server.admin("UPDATE alembic_version SET version_num = '9999'", name)
    with pytest.raises(StoreError) as err:
        open_database(pg_server.url(name))
    assert err.value.code == "newer_schema"
    with psycopg.connect(pg_server.conninfo(name)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)


def test_a_server_at_the_previous_schema_is_migrated_by_the_administrator_only(pg_server):
    name = pg_server.new_database("old")
    engine = create_engine(pg_server.url(name))
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.exec_driver_sql("CREATE ROLE clerk_old LOGIN")
        conn.exec_driver_sql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO clerk_old")
    engine.dispose()
    with pytest.raises(StoreError) as err:                             # a clerk's role may not migrate
        open_database(pg_server.url(name, user="clerk_old"))
    assert err.value.code == "needs_admin"
    db = open_database(pg_server.url(name))                            # the owner may
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    init_home(db, COUNTY, "x")
    with db.engine.connect() as conn:
        triggers = {r[0] for r in conn.exec_driver_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}
        assert {"trg_people_sync", "trg_people_notify"} <= triggers
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_changes WHERE table_name = 'units'").scalar() > 0
    db.close()


@pytest.fixture
def office(pg_server):
    """A county server hosting two townships, with one clerk each and a county clerk."""
    name = pg_server.new_database("office")
    url = pg_server.url(name)
    assert main(["init", "--db", url, "--unit", COUNTY]) == 0
    assert main(["server-setup", "--db", url, "--host", TOWNSHIP, "--host", TOWN2,
                 "--clerk", f"t1_{name}={TOWNSHIP}", "--clerk", f"t2_{name}={TOWN2}",
                 "--clerk", f"cc_{name}={COUNTY}", "--clerk", f"ex_{name}={COUNTY}", "--exchange", f"ex_{name}"]) == 0
    opened = []

    def login(who: str):
        db = open_database(pg_server.url(name, user=f"{who}_{name}"))
        opened.append(db)
        return Workspace.open(db, now=fixed_clock())
    login.name, login.url = name, url
    yield login
    for db in opened:
        db.close()


def test_a_township_role_cannot_change_another_units_rows_even_through_sql(office, pg_server):
    t1, t2, cc = office("t1"), office("t2"), office("cc")
    assert (t1.home_unit, t2.home_unit, cc.home_unit) == (TOWNSHIP, TOWN2, COUNTY)
    made = records.create(t1, "people", {"unit_code": TOWNSHIP, "name": "马志远"})
    assert made.ok, made.message_en()
    assert records.create(cc, "people", {"unit_code": COUNTY, "name": "王建国"}).ok
    pid = made.record_id
    refused = records.update(t2, "people", pid, {"name": "篡改"})       # the program says no ...
    assert not refused.ok
    with psycopg.connect(pg_server.conninfo(office.name, f"t2_{office.name}"), autocommit=True) as conn:
        for sql in (f"UPDATE people SET name = 'x' WHERE id = '{pid}'",                  # ... and so does the server
                    f"UPDATE people SET owner = '{TOWN2}' WHERE id = '{pid}'",
                    f"DELETE FROM people WHERE id = '{pid}'",
                    "INSERT INTO people (id, owner, rev, hlc, created_at, created_by, updated_at, updated_by, "
                    f"deleted, unit_code, name, search_key, title, employer, job, notes) VALUES "
                    f"('x1', '{TOWNSHIP}', 1, '1', '', '', '', '', false, '{TOWNSHIP}', 'x', '', '', '', '', '')",
                    "ALTER TABLE people ADD COLUMN evil text",
                    "CREATE TABLE evil (x int)",
                    "DROP POLICY sx_update ON people"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        assert conn.execute(f"SELECT name, owner, rev FROM people WHERE id = '{pid}'").fetchone() == \
            ("马志远", TOWNSHIP, 1)
        assert conn.execute("SELECT count(*) FROM people WHERE id = 'x1'").fetchone() == (0,)
    with psycopg.connect(pg_server.conninfo(office.name, f"cc_{office.name}"), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):   # county clerks: only the county's own rows
            conn.execute(f"UPDATE people SET job = 'x' WHERE id = '{pid}'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):   # the signing key: not for every clerk
            conn.execute("SELECT private_key FROM sync_own_keys")
    with psycopg.connect(pg_server.conninfo(office.name, f"ex_{office.name}"), autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM sync_own_keys").fetchone() == (1,)
    assert records.update(t1, "people", pid, {"job": "站长"}).ok      # the owner's clerk may


def test_the_audit_log_names_the_clerks_role(office):
    t1 = office("t1")
    assert records.create(t1, "people", {"unit_code": TOWNSHIP, "name": "马志远"}).ok
    with t1.db.session() as s:
        actor = s.execute(text("SELECT actor FROM audit_log ORDER BY seq DESC LIMIT 1")).scalar()
    assert actor == f"t1_{office.name}"


def test_a_stale_save_is_refused_and_returns_the_newer_values(office):
    a, b = office("t1"), office("t1")                 # one clerk's role on two PCs, or two clerks of one unit
    pid = records.create(a, "people", {"unit_code": TOWNSHIP, "name": "单雪梅"}).record_id
    opened_a, opened_b = records.get(a, "people", pid), records.get(b, "people", pid)
    assert records.update(a, "people", pid, {"job": "站长"}, expected_rev=opened_a["rev"]).ok
    stale = records.update(b, "people", pid, {"job": "副站长"}, expected_rev=opened_b["rev"])
    assert not stale.ok and stale.errors[0].field == "rev"
    assert stale.current["job"] == "站长" and stale.current["rev"] == 2
    assert records.get(b, "people", pid)["job"] == "站长"               # never a silent overwrite


def test_simultaneous_saves_of_one_record_let_exactly_one_through(office):
    clerks = [office("t1") for _ in range(4)]
    pid = records.create(clerks[0], "people", {"unit_code": TOWNSHIP, "name": "张志忠"}).record_id
    results, start = [], threading.Barrier(len(clerks))

    def save(ws, n):
        start.wait()
        results.append(records.update(ws, "people", pid, {"job": f"岗位{n}"}, expected_rev=1))
    threads = [threading.Thread(target=save, args=(ws, n)) for n, ws in enumerate(clerks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(r.ok for r in results) == [False, False, False, True]
    assert records.get(clerks[0], "people", pid)["rev"] == 2


def test_other_clerks_saves_arrive_as_notifications(office):
    a, b = office("t1"), office("t2")
    listener = ChangeListener(a.db)
    try:
        assert listener.take() == set()
        assert records.create(b, "people", {"unit_code": TOWN2, "name": "李四"}).ok
        assert "people" in listener.wait(10)
        assert listener.take() == set()                                  # one per table and transaction
    finally:
        listener.close()


def test_clerks_keep_the_activity_counts_through_the_triggers_only(office, pg_server):
    """A clerk's role fires the counting triggers (store.activity_counts: SECURITY DEFINER) but may
    not write the derived table itself."""
    t1 = office("t1")
    made = records.create(t1, "activities", {"unit_code": TOWNSHIP, "title": "科普讲座", "domain": "health",
                                              "held_on": dt.date(2026, 3, 1)})
    assert made.ok, made.message_en()
    assert records.update(t1, "activities", made.record_id, {"held_on": dt.date(2025, 3, 1)}).ok
    with psycopg.connect(pg_server.conninfo(office.name, f"t1_{office.name}"), autocommit=True) as conn:
        assert conn.execute("SELECT year, unit_code, domain, n FROM activity_counts").fetchall() == \
            [(2025, TOWNSHIP, "health", 1)]
        for sql in ("UPDATE activity_counts SET n = 9",
                    f"INSERT INTO activity_counts VALUES (2026, '{TOWNSHIP}', 'other', 1)",
                    "DELETE FROM activity_counts"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
    assert records.delete(t1, "activities", made.record_id).ok
    assert not [p for p in integrity_problems(t1.db.engine) if "activity_counts" in p]
    with t1.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM activity_counts").scalar() == 0
