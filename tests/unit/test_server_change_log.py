"""The change log on a PostgreSQL server (issue 13, revision 0010): statement-level triggers with a
transition table log every row a statement writes, whatever the statement - one row, many rows, an
upsert that inserts some and updates others - with the same rule as the SQLite triggers: the
record's entry takes the next change_seq. The migration to them and back on a real server."""
from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, insert, select, update

from sanxiang_desktop.services.units import init_home
from sanxiang_desktop.store import migrate, models as m
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.pg_bulk import execute_batches
from sanxiang_desktop.store.sync_models import RecordChange
from sanxiang_desktop.store.upsert import upsert_newer

from .conftest import COUNTY


def _log(conn) -> dict[str, int]:
    return dict(conn.execute(select(RecordChange.record_id, RecordChange.change_seq)
                             .where(RecordChange.table_name == "units")).all())


def _villages(conn, n: int, hlc: str) -> list[dict]:
    """n new village rows under the county, built from the county's own row (every column set)."""
    county = dict(conn.execute(select(m.Unit.__table__).where(m.Unit.code == COUNTY)).mappings().one())
    return [dict(county, code=f"{COUNTY}1{i:05d}", name=f"村{i}", level="village", parent_code=COUNTY,
                 id=f"00000000-0000-4000-8000-{i:012d}", hlc=hlc, builtin=False) for i in range(n)]


def test_every_row_of_one_statement_is_logged_with_the_next_numbers(pg_server, pg_schema):
    db = open_database(pg_server.url(pg_server.new_database("log", pg_schema)))
    init_home(db, COUNTY, "x")
    units = m.Unit.__table__
    try:
        with db.engine.begin() as conn:
            before = _log(conn)
            rows = _villages(conn, 5, "1700000000000.00001")
            conn.execute(insert(units), rows)                    # one multi-row executemany
        with db.engine.begin() as conn:
            after = _log(conn)
        new = {r["id"] for r in rows}
        assert set(after) == set(before) | new
        assert min(after[i] for i in new) > max(before.values(), default=0)

        with db.engine.begin() as conn:                          # one UPDATE of two rows
            two = sorted(new)[:2]
            conn.execute(update(units).where(units.c.id.in_(two)).values(rev=units.c.rev + 1))
        with db.engine.begin() as conn:
            moved = _log(conn)
        assert all(moved[i] > max(after.values()) for i in two)
        assert {i: moved[i] for i in set(moved) - set(two)} == {i: after[i] for i in set(after) - set(two)}

        # the import's writer: one statement, one row updated (a newer stamp), one new, one kept (older)
        with db.session() as s, s.begin():
            older, newer = _villages(s.connection(), 7, "1600000000000.00001"), \
                _villages(s.connection(), 7, "1800000000000.00001")
            batch = [newer[0], newer[5], older[1]]
            execute_batches(s, units, "upsert_newer", lambda: upsert_newer(s, units), batch)
        with db.engine.begin() as conn:
            last = _log(conn)
            held = {r.id: r.hlc for r in conn.execute(select(units.c.id, units.c.hlc).where(units.c.id.in_(
                [r["id"] for r in batch])))}
        assert held == {newer[0]["id"]: newer[0]["hlc"], newer[5]["id"]: newer[5]["hlc"],
                        older[1]["id"]: "1700000000000.00001"}
        top = max(moved.values())
        assert last[newer[0]["id"]] > top and last[newer[5]["id"]] > top     # updated and inserted: logged
        assert last[older[1]["id"]] == moved[older[1]["id"]]                   # the guard kept it: not logged
    finally:
        db.close()


def _row_level(conn) -> dict[str, bool]:
    """trigger name -> FOR EACH ROW (tgtype bit 0) for the change-log triggers of people."""
    return {name: bool(tgtype & 1) for name, tgtype in conn.exec_driver_sql(
        "SELECT tgname, tgtype FROM pg_trigger WHERE tgrelid = 'people'::regclass AND tgname IN ('trg_people_sync', 'trg_people_sync_upd')")}


def test_the_migration_to_statement_triggers_and_back(pg_server):
    engine = create_engine(pg_server.url(pg_server.new_database("mig")))
    cfg = migrate._config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0009")
            assert _row_level(conn) == {"trg_people_sync": True}
            command.upgrade(cfg, "0010")
            assert _row_level(conn) == {"trg_people_sync": False, "trg_people_sync_upd": False}
            command.downgrade(cfg, "0009")
            assert _row_level(conn) == {"trg_people_sync": True}
            assert not conn.exec_driver_sql("SELECT count(*) FROM pg_proc WHERE proname = 'sx_log_changes'").scalar()
            command.upgrade(cfg, "head")
            assert _row_level(conn) == {"trg_people_sync": False, "trg_people_sync_upd": False}
    finally:
        engine.dispose()
