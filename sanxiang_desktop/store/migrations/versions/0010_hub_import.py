"""hub import: the change log written by statement-level triggers (PostgreSQL); people's name key
indexed with the birth date (both backends)

On a server every record table had one row-level trigger (trg_T_sync, FOR EACH ROW, calling
sx_log_change): a package import that upserts two thousand rows in one statement paid two
thousand PL/pgSQL calls, each an INSERT … ON CONFLICT into sync_changes. Now the rows a statement
wrote arrive as a transition table and go into the change log in one INSERT … SELECT
(sx_log_changes, store.server.CHANGE_FUNCTION_SQL). PostgreSQL allows a transition table only on
a trigger of one event, so each table gets two: trg_T_sync (AFTER INSERT) and trg_T_sync_upd
(AFTER UPDATE). Same rule as before: a record's entry takes the next change_seq.

SQLite: the triggers do not change (the import sets them aside itself, store.sync_models).

Both backends: the index on people (name_key) becomes one on (name_key, birth_date). The import's
duplicate check joins each person written to the stored ones of the same name key AND birth date
(sync.apply._find_duplicates); with the name key alone every namesake's row was read to compare its
birth date, and at national scale (1.9 million people, common names shared by thousands) that check
took 11 of the 12 seconds a city's six county packages need on a PostgreSQL hub (tests/bench,
pg_stat_statements). Queries on the name key alone use the new index as they used the old one.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 18:10:00
"""
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

# The record tables of schema 0009, frozen here (the live list may grow later).
RECORD_TABLES = (
    "units", "people", "venues", "associations", "association_meetings", "posts", "activities",
    "attachments", "volunteer_teams", "team_members", "leading_groups", "group_members", "visits",
    "work_plans", "plan_tasks", "milestones", "bulletins",
)

# Same text as store.server.CHANGE_FUNCTION_SQL at this revision, copied so this revision never changes.
FUNCTION = """CREATE OR REPLACE FUNCTION sx_log_changes() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path FROM CURRENT AS $$
       BEGIN
         INSERT INTO sync_changes (table_name, record_id) SELECT TG_TABLE_NAME, id FROM new_rows
         ON CONFLICT (table_name, record_id)
         DO UPDATE SET change_seq = nextval(pg_get_serial_sequence('sync_changes', 'change_seq'));
         RETURN NULL;
       END $$"""


def _server():
    conn = op.get_bind()
    return conn if conn.dialect.name == "postgresql" else None


def upgrade() -> None:
    op.create_index('ix_people_name_birth', 'people', ['name_key', 'birth_date'], unique=False)
    op.drop_index('ix_people_name_key', table_name='people')
    conn = _server()
    if conn is None:
        return
    conn.exec_driver_sql(FUNCTION)
    for t in RECORD_TABLES:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_{t}_sync ON {t}")
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_{t}_sync_upd ON {t}")
        conn.exec_driver_sql(f"CREATE TRIGGER trg_{t}_sync AFTER INSERT ON {t} REFERENCING NEW TABLE AS new_rows "
                             "FOR EACH STATEMENT EXECUTE FUNCTION sx_log_changes()")
        conn.exec_driver_sql(f"CREATE TRIGGER trg_{t}_sync_upd AFTER UPDATE ON {t} REFERENCING NEW TABLE AS new_rows "
                             "FOR EACH STATEMENT EXECUTE FUNCTION sx_log_changes()")


def downgrade() -> None:
    op.create_index('ix_people_name_key', 'people', ['name_key'], unique=False)
    op.drop_index('ix_people_name_birth', table_name='people')
    conn = _server()
    if conn is None:
        return
    for t in RECORD_TABLES:     # the row-level trigger of revision 0002 (its function stays: 0002 made it)
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_{t}_sync_upd ON {t}")
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_{t}_sync ON {t}")
        conn.exec_driver_sql(f"CREATE TRIGGER trg_{t}_sync AFTER INSERT OR UPDATE ON {t} "
                             "FOR EACH ROW EXECUTE FUNCTION sx_log_change()")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS sx_log_changes()")
