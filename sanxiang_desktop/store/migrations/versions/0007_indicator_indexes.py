"""indicator indexes

Covering indexes for the indicators' grouped queries (services.indicators), so that a national
hub's dashboard reads indexes instead of 1.2 million activity rows and the posts and people
behind 2 million key-person checks at random (tests/bench/run.py: dashboard, national):
- activities (unit_code, domain, held_on, deleted): counts per unit and domain in index order;
- posts (person_id, role, deleted, start_on, end_on, unit_code) replaces posts (person_id);
- people (category, deleted, id) replaces people (category).
A replaced index is a prefix of its replacement, so every query it served is served still.
No table is rebuilt: the change-log triggers stay in place.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 15:40:00
"""
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_activities_domain', 'activities', ['unit_code', 'domain', 'held_on', 'deleted'])
    op.create_index('ix_posts_person_role', 'posts',
                    ['person_id', 'role', 'deleted', 'start_on', 'end_on', 'unit_code'])
    op.drop_index('ix_posts_person_id', table_name='posts')
    op.create_index('ix_people_category_live', 'people', ['category', 'deleted', 'id'])
    op.drop_index('ix_people_category', table_name='people')


def downgrade() -> None:
    op.create_index('ix_people_category', 'people', ['category'])
    op.drop_index('ix_people_category_live', table_name='people')
    op.create_index('ix_posts_person_id', 'posts', ['person_id'])
    op.drop_index('ix_posts_person_role', table_name='posts')
    op.drop_index('ix_activities_domain', table_name='activities')
