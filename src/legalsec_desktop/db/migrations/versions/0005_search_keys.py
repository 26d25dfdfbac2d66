"""search keys: the folded text a list's filter searches, stored with each searchable row

Revision ID: 0005
Revises: 0004
"""

from alembic import op
import sqlalchemy as sa

from legalsec_desktop.domain.names import search_fold

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# As db.models.SEARCHED was when this revision was written (a later change of it is a later migration).
SEARCHED = {
    "contact": ("name", "email", "phone"),
    "contact_alias": ("alias",),
    "matter": ("number", "title", "caption", "case_number"),
    "event": ("title", "location"),
    "communication": ("subject", "with_whom"),
    "time_entry": ("narrative", "task_code"),
    "file_record": ("label", "location", "box"),
}


def upgrade() -> None:
    connection = op.get_bind()
    for table, columns in SEARCHED.items():
        # SQLite adds a column in place (no table rebuild): fast, and nothing else in the table moves.
        op.add_column(table, sa.Column('search_key', sa.Text(), nullable=False, server_default=''))
        rows = connection.execute(sa.text(f"SELECT id, {', '.join(columns)} FROM {table}")).all()
        for start in range(0, len(rows), 20_000):
            connection.execute(
                sa.text(f"UPDATE {table} SET search_key = :key WHERE id = :id"),
                [{"id": row[0], "key": search_fold(" ".join(str(value or "") for value in row[1:]))}
                 for row in rows[start:start + 20_000]],
            )


def downgrade() -> None:
    for table in reversed(list(SEARCHED)):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('search_key')
