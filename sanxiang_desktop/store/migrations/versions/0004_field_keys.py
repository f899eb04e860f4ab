"""field keys: canonical name key and phone key for people; every person's keys recomputed

Two derived columns on people (added with ADD COLUMN: the table is not rebuilt, so the
change-log triggers stay): ``name_key`` (indexed; what the name duplicate checks compare) and
``phone_key`` (the words a phone is found by). Then the search key, name key and phone key of
every stored person are recomputed with the rules of this version (issue 9: width forms,
spaces, middle dots, traditional/variant characters, surname readings, Extension B readings,
phones however written). Derived columns never travel, so the change log must not see these
updates: the update trigger on people is dropped for them and created again.

People who now look like one person (same ID number, or the same canonical name and birth
date) are *listed* in sync_duplicates for a clerk to review, never merged.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 12:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

#: package_id of duplicates found by this migration rather than by a package (a fixed UUID).
MIGRATION_SOURCE = "00000000-0000-4000-8000-000000000004"


def upgrade() -> None:
    from sanxiang_desktop.core.clock import utc_stamp
    from sanxiang_desktop.core.ids import new_id
    from sanxiang_desktop.core.names import person_keys

    op.add_column('people', sa.Column('name_key', sa.String(length=100), nullable=False, server_default=''))
    op.add_column('people', sa.Column('phone_key', sa.Text(), nullable=False, server_default=''))
    op.create_index('ix_people_name_key', 'people', ['name_key'], unique=False)

    conn = op.get_bind()
    dialect = conn.dialect.name
    # the new keys are not a change that travels: no change-log entry for every person
    if dialect == "postgresql":     # issue 13: the server's trigger is one per table (store.server)
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS trg_people_sync ON people")
    else:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS trg_people_sync_upd")
    rows = conn.exec_driver_sql("SELECT id, name, phone FROM people").fetchall()
    update = sa.text("UPDATE people SET search_key = :search_key, name_key = :name_key, "
                     "phone_key = :phone_key WHERE id = :id")
    batch = []
    for pid, name, phone in rows:
        batch.append({"id": pid, **person_keys(name, phone)})
        if len(batch) >= 1000:
            conn.execute(update, batch)
            batch = []
    if batch:
        conn.execute(update, batch)
    for statement in change_trigger_sql_people(dialect):
        conn.exec_driver_sql(statement)
    _list_duplicates(conn, new_id, utc_stamp())


def _list_duplicates(conn, new_id, now: str) -> None:
    """Pairs of live people with the same ID number, or the same name key and birth date,
    not listed yet: one open sync_duplicates row each (person_a < person_b)."""
    pairs = conn.exec_driver_sql(
        "SELECT a.id, b.id, CASE WHEN a.id_number IS NOT NULL AND a.id_number = b.id_number "
        "THEN 'id_number' ELSE 'name_birth' END "
        "FROM people a JOIN people b ON a.id < b.id "
        "AND ((a.id_number IS NOT NULL AND a.id_number != '' AND a.id_number = b.id_number) "
        "  OR (a.name_key != '' AND a.name_key = b.name_key AND a.birth_date IS NOT NULL "
        "      AND a.birth_date = b.birth_date)) "
        "WHERE NOT a.deleted AND NOT b.deleted "
        "AND NOT EXISTS (SELECT 1 FROM sync_duplicates d WHERE d.person_a = a.id AND d.person_b = b.id)"
    ).fetchall()
    insert = sa.text("INSERT INTO sync_duplicates (id, person_a, person_b, reason, package_id, detected_at, "
                     "status) VALUES (:id, :a, :b, :reason, :package, :now, 'open')")
    for a, b, reason in pairs:
        conn.execute(insert, {"id": new_id(), "a": a, "b": b, "reason": reason,
                              "package": MIGRATION_SOURCE, "now": now})


def downgrade() -> None:
    conn = op.get_bind()
    conn.exec_driver_sql(f"DELETE FROM sync_duplicates WHERE package_id = '{MIGRATION_SOURCE}'")
    op.drop_index('ix_people_name_key', table_name='people')
    with op.batch_alter_table('people') as batch_op:
        batch_op.drop_column('phone_key')
        batch_op.drop_column('name_key')
    for statement in change_trigger_sql_people(conn.dialect.name):
        conn.exec_driver_sql(statement)


def change_trigger_sql_people(dialect: str = "sqlite") -> list[str]:
    if dialect == "postgresql":   # the row-level trigger of revision 0002, frozen here (0008 replaces it)
        return ["DROP TRIGGER IF EXISTS trg_people_sync ON people",
                "CREATE TRIGGER trg_people_sync AFTER INSERT OR UPDATE ON people "
                "FOR EACH ROW EXECUTE FUNCTION sx_log_change()",
                "DROP TRIGGER IF EXISTS trg_people_notify ON people",
                "CREATE TRIGGER trg_people_notify AFTER INSERT OR UPDATE OR DELETE ON people "
                "FOR EACH STATEMENT EXECUTE FUNCTION sx_notify_change()"]
    from sanxiang_desktop.store.sync_models import change_trigger_sql
    return change_trigger_sql("people", dialect)
