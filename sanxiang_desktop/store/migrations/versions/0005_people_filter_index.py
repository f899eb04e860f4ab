"""people filter index

One covering index for the people list's filter: the typed text is matched with
LIKE '%q%' against search_key (and digits against ID number, phone key and unit code),
which no ordinary index answers. Scanning this index instead of the table reads about
a third of the pages, and the list's first page is chosen from it before any table
row is read (tests/bench/run.py: filter, 100,000 people). search_key comes first on
purpose: no query asks for it by equality, so the planner never picks this index for
other work (with `deleted` first, and before ANALYZE had seen it, the indicators'
join of posts and people started from it: minutes at national scale). The list's own
`deleted + 0 = 0` keeps to a scan, and a scan prefers the smaller covering index.
No table is rebuilt: the change-log triggers stay in place.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 12:10:00
"""
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

COLUMNS = ['search_key', 'deleted', 'unit_code', 'name', 'id', 'phone_key', 'id_number']


def upgrade() -> None:
    op.create_index('ix_people_filter', 'people', COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index('ix_people_filter', table_name='people')
