"""The activity counts kept as records are written: live activities per unit, calendar year and
domain (table activity_counts, migration 0011), so a national hub's dashboard reads about 165,000
counts instead of passing over 1.2 million activities (6.2 million at five times the scale, issue 12).

The rule: activity_counts is derived. It holds, for every (year, unit_code, domain) with at least one
live activity (deleted false) whose held_on falls in that calendar year and whose own unit_code is
that unit, the number of them; no row with n = 0. A village's activities stay under the village (the
dashboard credits them to its township when it reads). Triggers on activities keep it in the same
transaction as every write, on both backends:
- SQLite: row-level AFTER INSERT / UPDATE OF unit_code, held_on, domain, deleted / DELETE
  (trg_activities_counts_ins/_upd/_del). The import's set-aside of the change-log triggers
  (store.sync_models.set_aside_change_triggers) takes only the trg_T_sync_* pair: these stay.
- PostgreSQL: statement-level triggers with transition tables calling sx_count_activities (SECURITY
  DEFINER: a clerk's role fires them but may not write the table itself, store.server_setup), so an
  import batch upserting two thousand activities costs one grouped statement.
It never travels (not a record: not in packages or dumps) and `check` compares it with a fresh
GROUP BY (store.integrity). Whoever writes activities with the triggers set aside (tests/bench/bulk.py)
rebuilds it with `rebuild_sql` before committing.

The SQL text here is the current one; migration 0011 keeps its own frozen copy.
"""
from __future__ import annotations

TABLE = "activity_counts"

# The calendar year of a held_on date: SQLite stores dates as ISO text (SQLAlchemy's Date).
YEAR_SQLITE = "CAST(substr({d}, 1, 4) AS INTEGER)"
YEAR_PG = "CAST(EXTRACT(YEAR FROM {d}) AS INTEGER)"


def _key_sqlite(row: str) -> str:
    return (f"year = {YEAR_SQLITE.format(d=row + '.held_on')} AND unit_code = {row}.unit_code "
            f"AND domain = {row}.domain")


def _add_sqlite(row: str) -> str:
    return (f"INSERT INTO activity_counts (year, unit_code, domain, n) SELECT "
            f"{YEAR_SQLITE.format(d=row + '.held_on')}, {row}.unit_code, {row}.domain, 1 WHERE NOT {row}.deleted "
            "ON CONFLICT (year, unit_code, domain) DO UPDATE SET n = n + 1;")


def _remove_sqlite(row: str) -> str:
    return (f"UPDATE activity_counts SET n = n - 1 WHERE NOT {row}.deleted AND {_key_sqlite(row)}; "
            f"DELETE FROM activity_counts WHERE NOT {row}.deleted AND {_key_sqlite(row)} AND n <= 0;")


def sqlite_trigger_sql() -> list[str]:
    """The three SQLite triggers (see the module's docstring). An update that changes none of what
    is counted (title, participants, the stamp of an import's upsert) costs one WHEN test."""
    changed = ("OLD.deleted IS NOT NEW.deleted OR OLD.unit_code IS NOT NEW.unit_code "
               "OR OLD.domain IS NOT NEW.domain OR substr(OLD.held_on, 1, 4) IS NOT substr(NEW.held_on, 1, 4)")
    return [
        "CREATE TRIGGER IF NOT EXISTS trg_activities_counts_ins AFTER INSERT ON activities "
        f"WHEN NOT NEW.deleted BEGIN {_add_sqlite('NEW')} END",
        "CREATE TRIGGER IF NOT EXISTS trg_activities_counts_upd AFTER UPDATE OF unit_code, held_on, domain, "
        f"deleted ON activities WHEN {changed} BEGIN {_remove_sqlite('OLD')} {_add_sqlite('NEW')} END",
        "CREATE TRIGGER IF NOT EXISTS trg_activities_counts_del AFTER DELETE ON activities "
        f"WHEN NOT OLD.deleted BEGIN {_remove_sqlite('OLD')} END",
    ]


def _grouped_pg(rows: str, sign: str) -> str:
    return (f"SELECT {YEAR_PG.format(d='held_on')} AS year, unit_code, domain, {sign}count(*) AS n "
            f"FROM {rows} WHERE NOT deleted GROUP BY 1, 2, 3")


# One function for the three triggers: TG_OP says which transition tables exist. The deltas of a
# statement are summed per key first (an import's update that changes nothing counted nets to 0
# and writes nothing), then added in one INSERT … ON CONFLICT in key order (the same lock order
# in every transaction); keys that fell to 0 are removed.
PG_FUNCTION_SQL = f"""CREATE OR REPLACE FUNCTION sx_count_activities() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path FROM CURRENT AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN
           INSERT INTO activity_counts (year, unit_code, domain, n)
             {_grouped_pg('new_rows', '')} ORDER BY 1, 2, 3
           ON CONFLICT (year, unit_code, domain) DO UPDATE SET n = activity_counts.n + EXCLUDED.n;
           RETURN NULL;
         END IF;
         IF TG_OP = 'UPDATE' THEN
           INSERT INTO activity_counts (year, unit_code, domain, n)
             SELECT year, unit_code, domain, sum(n) FROM ({_grouped_pg('new_rows', '')} UNION ALL
                                                          {_grouped_pg('old_rows', '-')}) d
             GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
           ON CONFLICT (year, unit_code, domain) DO UPDATE SET n = activity_counts.n + EXCLUDED.n;
         ELSE
           INSERT INTO activity_counts (year, unit_code, domain, n)
             {_grouped_pg('old_rows', '-')} ORDER BY 1, 2, 3
           ON CONFLICT (year, unit_code, domain) DO UPDATE SET n = activity_counts.n + EXCLUDED.n;
         END IF;
         DELETE FROM activity_counts c USING ({_grouped_pg('old_rows', '')}) o
           WHERE c.year = o.year AND c.unit_code = o.unit_code AND c.domain = o.domain AND c.n <= 0;
         RETURN NULL;
       END $$"""


def pg_trigger_sql() -> list[str]:
    """The function and its three statement-level triggers (PostgreSQL allows a transition table only
    on a trigger of one event)."""
    run = "FOR EACH STATEMENT EXECUTE FUNCTION sx_count_activities()"
    return [PG_FUNCTION_SQL,
            "DROP TRIGGER IF EXISTS trg_activities_counts_ins ON activities",
            "DROP TRIGGER IF EXISTS trg_activities_counts_upd ON activities",
            "DROP TRIGGER IF EXISTS trg_activities_counts_del ON activities",
            f"CREATE TRIGGER trg_activities_counts_ins AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows {run}",
            "CREATE TRIGGER trg_activities_counts_upd AFTER UPDATE ON activities "
            f"REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows {run}",
            f"CREATE TRIGGER trg_activities_counts_del AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows {run}"]


TRIGGER_NAMES = ("trg_activities_counts_ins", "trg_activities_counts_upd", "trg_activities_counts_del")


def fresh_counts_sql(dialect: str) -> str:
    """SELECT year, unit_code, domain, n: the counts computed afresh from the activities (the rule)."""
    year = (YEAR_PG if dialect == "postgresql" else YEAR_SQLITE).format(d="held_on")
    return (f"SELECT {year} AS year, unit_code, domain, count(*) AS n FROM activities WHERE NOT deleted "
            "GROUP BY 1, 2, 3")


def rebuild_sql(dialect: str) -> list[str]:
    """Statements that make activity_counts equal to the activities in one pass (after a bulk load
    that set the triggers aside, or a repair)."""
    return ["DELETE FROM activity_counts",
            f"INSERT INTO activity_counts (year, unit_code, domain, n) {fresh_counts_sql(dialect)}"]


def mismatch_sql(dialect: str) -> str:
    """SELECT year, unit_code, domain, kept n, fresh n: the keys where the table differs from the rule
    (rows kept but not due, due but missing, or with another count). Two left joins rather than a
    FULL JOIN: SQLite has that only from 3.39."""
    fresh = fresh_counts_sql(dialect)
    differs = "IS DISTINCT FROM" if dialect == "postgresql" else "IS NOT"
    on = "k.year = f.year AND k.unit_code = f.unit_code AND k.domain = f.domain"
    return (f"SELECT k.year, k.unit_code, k.domain, k.n, f.n FROM activity_counts k LEFT JOIN ({fresh}) f ON {on} "
            f"WHERE k.n {differs} f.n UNION ALL "
            f"SELECT f.year, f.unit_code, f.domain, NULL, f.n FROM ({fresh}) f LEFT JOIN activity_counts k ON {on} "
            "WHERE k.n IS NULL")
