"""indicator units index

A covering index of the unit tree for the indicators (services.indicators): the live townships
with their names and parents, and the live villages grouped by township, read from the index
alone instead of every unit row (a national hub has 375,000 units, of which 41,352 townships
and 330,000 villages; tests/bench/run.py: dashboard, national). Units are written rarely (the
division list, a few villages a year), so the index costs the imports next to nothing.
No table is rebuilt: the change-log triggers stay in place.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 18:10:00
"""
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_units_tree', 'units', ['level', 'deleted', 'parent_code', 'code', 'name'])


def downgrade() -> None:
    op.drop_index('ix_units_tree', table_name='units')
