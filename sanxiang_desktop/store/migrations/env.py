"""Alembic environment: always driven by store.migrate with an open connection."""
from alembic import context

from sanxiang_desktop.store.base import Base
from sanxiang_desktop.store import models  # noqa: F401  (registers the tables)

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite ALTER goes through batch (copy-and-move) migrations; PostgreSQL alters in place.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
