"""unused record indexes

Every record table had an index on `hlc` and one on `deleted` (the Record mixin's index=True).
No query reads either (issue 12: EXPLAIN QUERY PLAN of every SELECT the test suite runs on SQLite
used neither, see CONTRIBUTING "Indexes"): records are found by id, unit, owner and the change log
(sync_changes), never by stamp; `deleted` has two values, and where the planner did consider its
index it was the wrong choice (services.lists_base.live writes `deleted + 0 = 0` on SQLite to keep
it away). Each index costs every insert and update a b-tree write: dropping the 34 makes the
records' share of an import about a fifth cheaper (tests/bench/run.py: import). The indexes that
carry `deleted` as a later column (people filter, indicators) stay. No table is rebuilt: the
change-log triggers stay in place.

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
COLUMNS = ('hlc', 'deleted')


def upgrade() -> None:
    for table in TABLES:
        for column in COLUMNS:
            op.drop_index(f'ix_{table}_{column}', table_name=table)


def downgrade() -> None:
    for table in TABLES:
        for column in COLUMNS:
            op.create_index(f'ix_{table}_{column}', table, [column], unique=False)
