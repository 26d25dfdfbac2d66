"""Alembic environment: always run on the connection (and in the transaction) the program hands in."""

from alembic import context

from legalsec_desktop.db.models import Base

attributes = context.config.attributes
context.configure(connection=attributes["connection"], target_metadata=Base.metadata, render_as_batch=True,
                  on_version_apply=attributes.get("on_step"))
with context.begin_transaction():
    context.run_migrations()
