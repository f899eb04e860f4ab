"""unused record indexes

Every record table had an index on `hlc` (the Record mixin's index=True). No query reads it
(issue 12: EXPLAIN QUERY PLAN of the SELECTs the test suite runs on SQLite never used one):
records are found by id, unit, owner and through the change log (sync_changes), never by stamp.
Each index costs every insert and update of a record a b-tree write, the import's included
(tests/bench/run.py: import). The `deleted` indexes stay: a count of live rows scans the
smallest covering index, and that is the one on `deleted` (people: 0.1 ms against 2 ms for the
next smallest, 2,858 people). No table is rebuilt: the change-log triggers stay in place.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 18:00:00
"""
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# The record tables as of revision 0007 (not read from the models: a migration is fixed in time).
TABLES = ('units', 'people', 'venues', 'associations', 'association_meetings', 'posts', 'activities',
          'attachments', 'volunteer_teams', 'team_members', 'leading_groups', 'group_members', 'visits',
          'work_plans', 'plan_tasks', 'milestones', 'bulletins')


def upgrade() -> None:
    for table in TABLES:
        op.drop_index(f'ix_{table}_hlc', table_name=table)


def downgrade() -> None:
    for table in TABLES:
        op.create_index(f'ix_{table}_hlc', table, ['hlc'], unique=False)
