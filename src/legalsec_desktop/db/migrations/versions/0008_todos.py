"""to-dos: a to-do list, and every logged follow-up date brought in as a to-do

Revision ID: 0008
Revises: 0007

A follow-up date typed on a call, letter, e-mail or meeting reminded no one. From this revision each one is
also a to-do (linked to its log entry by `communication_id`, one to-do per entry). Every entry that has a
follow-up date is brought in once, here: a deleted entry's to-do is deleted with it (so undoing the deletion
brings both back); one on a closed matter, or due more than STALE_DAYS before the upgrade, comes in ticked
done (it is kept, on the matter's to-do list, but does not flood Needs attention); the rest come in open, and
those already past are overdue. No existing row changes.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

STALE_DAYS = 60
KIND_WORDS = {"call": "call", "email": "e-mail", "letter": "letter", "meeting": "meeting"}
log = logging.getLogger("legalsec")


def _title(kind: str, with_whom: str, subject: str) -> str:
    """As domain.todos.follow_up_title said it at this revision (kept here: a migration never changes)."""
    title = f"Follow up: {KIND_WORDS.get(kind, kind)} with {(with_whom or '').strip()}".rstrip()
    if (subject or "").strip():
        title += f" — {subject.strip()}"
    return title if len(title) <= 300 else title[:299] + "…"


def upgrade() -> None:
    op.create_table('todo',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('assigned_to', sa.Integer(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('communication_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['assigned_to'], ['timekeeper.id'], name=op.f('fk_todo_assigned_to_timekeeper')),
    sa.ForeignKeyConstraint(['communication_id'], ['communication.id'], name=op.f('fk_todo_communication_id_communication')),
    sa.ForeignKeyConstraint(['matter_id'], ['matter.id'], name=op.f('fk_todo_matter_id_matter')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_todo')),
    sa.UniqueConstraint('communication_id', name=op.f('uq_todo_communication_id'))
    )
    with op.batch_alter_table('todo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_todo_assigned_to'), ['assigned_to'], unique=False)
        batch_op.create_index('ix_todo_due_on_done_at', ['due_on', 'done_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_todo_matter_id'), ['matter_id'], unique=False)
    _bring_in_follow_ups()


def _bring_in_follow_ups() -> None:
    from legalsec_desktop.clock import SYSTEM_CLOCK  # the one clock (tests pin it)

    now = SYSTEM_CLOCK.utc_now().replace(tzinfo=None)  # stored as naive UTC text, as UtcDateTime keeps it
    stale_before = SYSTEM_CLOCK.today() - timedelta(days=STALE_DAYS)
    entry = sa.table("communication", sa.column("id", sa.Integer), sa.column("matter_id", sa.Integer),
                     sa.column("kind", sa.String), sa.column("with_whom", sa.String), sa.column("subject", sa.String),
                     sa.column("follow_up_on", sa.Date), sa.column("deleted_at", sa.DateTime))
    matter = sa.table("matter", sa.column("id", sa.Integer), sa.column("status", sa.String))
    todo = sa.table("todo", *(sa.column(name, sa.Integer) for name in ("matter_id", "communication_id")),
                    sa.column("title", sa.String), sa.column("due_on", sa.Date), sa.column("done_at", sa.DateTime),
                    sa.column("notes", sa.Text), sa.column("created_at", sa.DateTime),
                    sa.column("updated_at", sa.DateTime), sa.column("deleted_at", sa.DateTime))
    bind = op.get_bind()
    found = bind.execute(
        sa.select(entry.c.id, entry.c.matter_id, entry.c.kind, entry.c.with_whom, entry.c.subject,
                  entry.c.follow_up_on, entry.c.deleted_at, matter.c.status)
        .select_from(entry.outerjoin(matter, matter.c.id == entry.c.matter_id))
        .where(entry.c.follow_up_on.is_not(None)).order_by(entry.c.id)).all()
    rows = [dict(matter_id=r.matter_id, communication_id=r.id, title=_title(r.kind, r.with_whom, r.subject),
                 due_on=r.follow_up_on, notes="", created_at=now, updated_at=now, deleted_at=r.deleted_at,
                 done_at=now if r.status == "closed" or r.follow_up_on < stale_before else None)
            for r in found]
    for start in range(0, len(rows), 5000):
        bind.execute(todo.insert(), rows[start:start + 5000])
    log.info("Migration 0008: %d follow-up(s) brought in as to-dos (%d open)", len(rows),
             sum(1 for row in rows if row["done_at"] is None and row["deleted_at"] is None))


def downgrade() -> None:
    with op.batch_alter_table('todo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_todo_matter_id'))
        batch_op.drop_index('ix_todo_due_on_done_at')
        batch_op.drop_index(batch_op.f('ix_todo_assigned_to'))
    op.drop_table('todo')
