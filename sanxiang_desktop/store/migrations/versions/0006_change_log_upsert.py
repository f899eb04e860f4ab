"""change log triggers that allow an upsert

The import writes each table with one `INSERT … ON CONFLICT (id) DO UPDATE … WHERE` the
incoming version wins (sync.apply, issue 12). SQLite lets the conflict handling of that outer
statement override the `INSERT OR REPLACE` inside the change-log triggers, so a record updated
by an upsert failed on the change log's unique (table_name, record_id). The triggers now say the
same thing in two plain statements: delete the record's old change-log row, insert a new one
(the next change_seq) — exactly what `OR REPLACE` did. SQLite only: the PostgreSQL trigger
function already uses its own ON CONFLICT clause (store.server.CHANGE_FUNCTION_SQL).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 15:25:00
"""
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# The record tables of schema 0005, frozen here (the live list may grow later).
RECORD_TABLES = (
    "units", "people", "venues", "associations", "association_meetings", "posts", "activities",
    "attachments", "volunteer_teams", "team_members", "leading_groups", "group_members", "visits",
    "work_plans", "plan_tasks", "milestones", "bulletins",
)


def _triggers(table: str, body: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS trg_{table}_sync_ins", f"DROP TRIGGER IF EXISTS trg_{table}_sync_upd",
            f"CREATE TRIGGER trg_{table}_sync_ins AFTER INSERT ON {table} {body}",
            f"CREATE TRIGGER trg_{table}_sync_upd AFTER UPDATE ON {table} {body}"]


def _run(body_of) -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    for table in RECORD_TABLES:
        for statement in _triggers(table, body_of(table)):
            conn.exec_driver_sql(statement)


def upgrade() -> None:
    # Same text as store.sync_models.change_trigger_sql at this revision.
    _run(lambda t: f"BEGIN DELETE FROM sync_changes WHERE table_name = '{t}' AND record_id = NEW.id; "
                   f"INSERT INTO sync_changes (table_name, record_id) VALUES ('{t}', NEW.id); END")


def downgrade() -> None:
    _run(lambda t: f"BEGIN INSERT OR REPLACE INTO sync_changes (table_name, record_id) VALUES ('{t}', NEW.id); END")
