"""activity counts kept as records are written: table activity_counts and its triggers (both backends)

A national hub's dashboard counted 1.2 million activities per unit and domain on every refresh
(an index-only pass of about 0.33 s of CPU, 1.6 s at five times the scale, issue 12). The counts
are now kept per calendar year, the activity's own unit and domain by triggers on activities, in the
same transaction as every write; the dashboard reads them (services.indicators). The table is
derived: it never travels and `check` compares it with a fresh GROUP BY (store.activity_counts has
the rule and the current SQL).

SQLite: three row-level triggers (insert; update of unit_code, held_on, domain, deleted; delete).
PostgreSQL: sx_count_activities (SECURITY DEFINER, like sx_log_changes) on three statement-level
triggers with transition tables, so an import batch costs one grouped statement.
Both: backfilled from the live activities in one INSERT … SELECT.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 20:30:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

# Same text as store.activity_counts at this revision, copied so this revision never changes.
SQLITE_TRIGGERS = [
    'CREATE TRIGGER IF NOT EXISTS trg_activities_counts_ins AFTER INSERT ON activities WHEN NOT NEW.deleted BEGIN INSERT INTO activity_counts (year, unit_code, domain, n) SELECT CAST(substr(NEW.held_on, 1, 4) AS INTEGER), NEW.unit_code, NEW.domain, 1 WHERE NOT NEW.deleted ON CONFLICT (year, unit_code, domain) DO UPDATE SET n = n + 1; END',
    'CREATE TRIGGER IF NOT EXISTS trg_activities_counts_upd AFTER UPDATE OF unit_code, held_on, domain, deleted ON activities WHEN OLD.deleted IS NOT NEW.deleted OR OLD.unit_code IS NOT NEW.unit_code OR OLD.domain IS NOT NEW.domain OR substr(OLD.held_on, 1, 4) IS NOT substr(NEW.held_on, 1, 4) BEGIN UPDATE activity_counts SET n = n - 1 WHERE NOT OLD.deleted AND year = CAST(substr(OLD.held_on, 1, 4) AS INTEGER) AND unit_code = OLD.unit_code AND domain = OLD.domain; DELETE FROM activity_counts WHERE NOT OLD.deleted AND year = CAST(substr(OLD.held_on, 1, 4) AS INTEGER) AND unit_code = OLD.unit_code AND domain = OLD.domain AND n <= 0; INSERT INTO activity_counts (year, unit_code, domain, n) SELECT CAST(substr(NEW.held_on, 1, 4) AS INTEGER), NEW.unit_code, NEW.domain, 1 WHERE NOT NEW.deleted ON CONFLICT (year, unit_code, domain) DO UPDATE SET n = n + 1; END',
    'CREATE TRIGGER IF NOT EXISTS trg_activities_counts_del AFTER DELETE ON activities WHEN NOT OLD.deleted BEGIN UPDATE activity_counts SET n = n - 1 WHERE NOT OLD.deleted AND year = CAST(substr(OLD.held_on, 1, 4) AS INTEGER) AND unit_code = OLD.unit_code AND domain = OLD.domain; DELETE FROM activity_counts WHERE NOT OLD.deleted AND year = CAST(substr(OLD.held_on, 1, 4) AS INTEGER) AND unit_code = OLD.unit_code AND domain = OLD.domain AND n <= 0; END',
]
PG_STATEMENTS = [
    """CREATE OR REPLACE FUNCTION sx_count_activities() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path FROM CURRENT AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN
           INSERT INTO activity_counts (year, unit_code, domain, n)
             SELECT CAST(EXTRACT(YEAR FROM held_on) AS INTEGER) AS year, unit_code, domain, count(*) AS n FROM new_rows WHERE NOT deleted GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
           ON CONFLICT (year, unit_code, domain) DO UPDATE SET n = activity_counts.n + EXCLUDED.n;
           RETURN NULL;
         END IF;
         IF TG_OP = 'UPDATE' THEN
           INSERT INTO activity_counts (year, unit_code, domain, n)
             SELECT year, unit_code, domain, sum(n) FROM (SELECT CAST(EXTRACT(YEAR FROM held_on) AS INTEGER) AS year, unit_code, domain, count(*) AS n FROM new_rows WHERE NOT deleted GROUP BY 1, 2, 3 UNION ALL
                                                          SELECT CAST(EXTRACT(YEAR FROM held_on) AS INTEGER) AS year, unit_code, domain, -count(*) AS n FROM old_rows WHERE NOT deleted GROUP BY 1, 2, 3) d
             GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
           ON CONFLICT (year, unit_code, domain) DO UPDATE SET n = activity_counts.n + EXCLUDED.n;
         ELSE
           INSERT INTO activity_counts (year, unit_code, domain, n)
             SELECT CAST(EXTRACT(YEAR FROM held_on) AS INTEGER) AS year, unit_code, domain, -count(*) AS n FROM old_rows WHERE NOT deleted GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
           ON CONFLICT (year, unit_code, domain) DO UPDATE SET n = activity_counts.n + EXCLUDED.n;
         END IF;
         DELETE FROM activity_counts c USING (SELECT CAST(EXTRACT(YEAR FROM held_on) AS INTEGER) AS year, unit_code, domain, count(*) AS n FROM old_rows WHERE NOT deleted GROUP BY 1, 2, 3) o
           WHERE c.year = o.year AND c.unit_code = o.unit_code AND c.domain = o.domain AND c.n <= 0;
         RETURN NULL;
       END $$""",
    'DROP TRIGGER IF EXISTS trg_activities_counts_ins ON activities',
    'DROP TRIGGER IF EXISTS trg_activities_counts_upd ON activities',
    'DROP TRIGGER IF EXISTS trg_activities_counts_del ON activities',
    'CREATE TRIGGER trg_activities_counts_ins AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sx_count_activities()',
    'CREATE TRIGGER trg_activities_counts_upd AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sx_count_activities()',
    'CREATE TRIGGER trg_activities_counts_del AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sx_count_activities()',
]
BACKFILL = {"sqlite": 'SELECT CAST(substr(held_on, 1, 4) AS INTEGER) AS year, unit_code, domain, count(*) AS n FROM activities WHERE NOT deleted GROUP BY 1, 2, 3',
            "postgresql": 'SELECT CAST(EXTRACT(YEAR FROM held_on) AS INTEGER) AS year, unit_code, domain, count(*) AS n FROM activities WHERE NOT deleted GROUP BY 1, 2, 3'}


def upgrade() -> None:
    op.create_table(
        'activity_counts',
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('unit_code', sa.String(length=12), nullable=False),
        sa.Column('domain', sa.String(length=16), nullable=False),
        sa.Column('n', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('year', 'unit_code', 'domain', name=op.f('pk_activity_counts')),
        sqlite_with_rowid=False,
    )
    conn = op.get_bind()
    dialect = conn.dialect.name
    conn.exec_driver_sql(f"INSERT INTO activity_counts (year, unit_code, domain, n) {BACKFILL[dialect]}")
    for statement in (PG_STATEMENTS if dialect == "postgresql" else SQLITE_TRIGGERS):
        conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    for name in ("trg_activities_counts_ins", "trg_activities_counts_upd", "trg_activities_counts_del"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}" + (" ON activities" if conn.dialect.name == "postgresql" else ""))
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS sx_count_activities()")
    op.drop_table('activity_counts')
