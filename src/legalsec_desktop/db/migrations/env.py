"""Alembic environment: always run on the connection the program hands in."""

from alembic import context

from legalsec_desktop.db.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
