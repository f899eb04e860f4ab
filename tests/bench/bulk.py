"""Loading generated rows into a new benchmark database at the machine's speed (tests/bench/generate.py).

    loader = Loader(db, tables); loader.load(table, rows); loader.commit(); ...; loader.finish()

What the program's own writes do per row, done once per table instead:
- the change-log triggers (one ``sync_changes`` row per record) are set aside during the load, and
  ``finish`` writes the change log of every loaded record in one ``INSERT … SELECT`` per table;
- the secondary indexes are dropped before and created again after the load (one sorted pass each,
  instead of one random B-tree insert per row and index: most of the former hour at national scale
  went into those);
- rows go through the bare driver: ``executemany`` of tuples on SQLite, ``COPY`` on PostgreSQL, with
  SQLAlchemy's own bind processors of each column (dates and booleans stored exactly as the ORM
  stores them), no SQLAlchemy statement per batch;
- the activity counts (store.activity_counts: derived, kept by triggers on activities, set aside with
  the rest) are rebuilt in one grouped ``INSERT … SELECT`` when activities were loaded;
- SQLite's ``synchronous=OFF`` and a large page cache on the loading connection only (the file is the
  generator's own: a crash means generating again); PostgreSQL gets ``VACUUM ANALYZE`` at the end, so
  its planner and visibility map know the new tables (index-only scans need the latter), and SQLite
  ``ANALYZE``.
The result is the database the program would have written: same rows, same indexes, same triggers,
same change log (one entry per record; only the order of change_seq across tables differs).
"""
from __future__ import annotations

from typing import Iterable


class Loader:
    """One connection loading rows into `tables` (SQLAlchemy Table objects) of `db` (store.Database)."""

    def __init__(self, db, tables: Iterable) -> None:
        self.engine = db.engine
        self.dialect = self.engine.dialect
        self.sqlite = self.dialect.name == "sqlite"
        self.tables = list(tables)
        self.raw = self.engine.raw_connection()
        self.driver = self.raw.driver_connection
        self._plans: dict[str, tuple] = {}
        self._restore: list[str] = []
        if self.sqlite:
            self.driver.execute("PRAGMA synchronous=OFF")
            self.driver.execute("PRAGMA cache_size=-1000000")     # 1 GB: the primary keys' B-trees stay in memory
        self._set_aside()
        self._begin()

    # -- the set-aside indexes and triggers
    def _set_aside(self) -> None:
        names = [t.name for t in self.tables]
        cur = self.driver.cursor()
        if self.sqlite:
            marks = ",".join("?" * len(names))
            found = cur.execute(f"SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ({marks}) "
                                "AND type IN ('index', 'trigger') AND sql IS NOT NULL", names).fetchall()
            for kind, name, sql in found:
                cur.execute(f'DROP {kind.upper()} "{name}"')
                self._restore.append(sql)
            # indexes before triggers; each trigger's body is only parsed when it fires
            self._restore.sort(key=lambda sql: not sql.lstrip().upper().startswith("CREATE INDEX")
                               and not sql.lstrip().upper().startswith("CREATE UNIQUE"))
        else:
            found = cur.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
                "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                "WHERE c.conname = i.indexname)", (names,)).fetchall()
            for name, sql in found:
                cur.execute(f'DROP INDEX "{name}"')
                self._restore.append(sql)
            for name in names:
                cur.execute(f'ALTER TABLE "{name}" DISABLE TRIGGER USER')
                self._restore.append(f'ALTER TABLE "{name}" ENABLE TRIGGER USER')
            self.driver.commit()
        cur.close()

    def _begin(self) -> None:
        if self.sqlite:
            self.driver.execute("BEGIN")

    def commit(self) -> None:
        self.driver.commit() if not self.sqlite else self.driver.execute("COMMIT")
        self._begin()

    # -- rows
    def _plan(self, table):
        plan = self._plans.get(table.name)
        if plan is None:
            columns = list(table.columns)
            keys = [c.key for c in columns]
            defaults = [c.default.arg if c.default is not None and not callable(c.default.arg) else None
                        for c in columns]
            procs = [c.type.dialect_impl(self.dialect).bind_processor(self.dialect) for c in columns]
            quote = self.dialect.identifier_preparer.quote
            names = ", ".join(quote(c.name) for c in columns)
            if self.sqlite:
                sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({', '.join('?' * len(columns))})"
            else:
                sql = f"COPY {quote(table.name)} ({names}) FROM STDIN"
            plan = self._plans[table.name] = (keys, defaults, procs, sql)
        return plan

    def load(self, table, rows: list[dict]) -> None:
        """Writes `rows` (dicts by column key; a missing key takes the column's default) into `table`."""
        keys, defaults, procs, sql = self._plan(table)
        convert = [(i, p) for i, p in enumerate(procs) if p is not None]
        values = []
        for r in rows:
            v = list(map(r.get, keys, defaults))
            for i, p in convert:
                if v[i] is not None:
                    v[i] = p(v[i])
            values.append(v)
        cur = self.driver.cursor()
        if self.sqlite:
            cur.executemany(sql, values)
        else:
            with cur.copy(sql) as copy:
                for v in values:
                    copy.write_row(v)
        cur.close()

    # -- the end
    def finish(self) -> None:
        """Writes the change log of the loaded records, restores indexes and triggers, commits and
        analyses; the connection goes back to the pool."""
        cur = self.driver.cursor()
        upsert = " WHERE true ON CONFLICT (table_name, record_id) DO NOTHING"
        for t in self.tables:
            if "id" in t.columns:
                cur.execute(f"INSERT INTO sync_changes (table_name, record_id) SELECT '{t.name}', id "
                            f'FROM "{t.name}"{upsert}')
        if any(t.name == "activities" for t in self.tables):
            from sanxiang_desktop.store.activity_counts import rebuild_sql
            for sql in rebuild_sql(self.dialect.name):
                cur.execute(sql)
        for sql in self._restore:
            cur.execute(sql)
        cur.close()
        if self.sqlite:
            self.driver.execute("COMMIT")
            self.driver.execute("ANALYZE")
            self.driver.execute("PRAGMA synchronous=FULL")       # as store.database sets every connection
            self.driver.execute("PRAGMA cache_size=-2000")
        else:
            self.driver.commit()
            self.driver.autocommit = True
            self.driver.execute("VACUUM ANALYZE")
            self.driver.autocommit = False
        self.raw.close()
