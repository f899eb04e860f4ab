"""people filter index

One covering index for the people list's filter: the typed text is matched with
LIKE '%q%' against search_key (and digits against ID number, phone and unit code),
which no ordinary index answers. Scanning this index instead of the table reads about
a third of the pages, and the list's first page is chosen from it before any table
row is read (tests/bench/run.py: filter, 100,000 people). `deleted` comes first so
the planner prefers it to ix_people_deleted. No table is rebuilt: the change-log
triggers stay in place.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 12:10:00
"""
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

COLUMNS = ['deleted', 'search_key', 'unit_code', 'name', 'id', 'phone', 'id_number']


def upgrade() -> None:
    op.create_index('ix_people_filter', 'people', COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index('ix_people_filter', table_name='people')
