"""conflict checks: folded name keys on contacts and aliases, and the record of every check

Revision ID: 0002
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa

from legalsec_desktop.domain.names import fold_name

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def _fill_keys(table: str, column: str) -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text(f"SELECT id, {column} FROM {table}")).all()
    if rows:
        connection.execute(
            sa.text(f"UPDATE {table} SET match_key = :key WHERE id = :id"),
            [{"id": row[0], "key": fold_name(row[1])} for row in rows],
        )


def upgrade() -> None:
    for table, column in (("contact", "name"), ("contact_alias", "alias")):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('match_key', sa.String(length=300), nullable=False, server_default=''))
        _fill_keys(table, column)
    op.create_table('conflict_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('checked_at', sa.DateTime(), nullable=False),
    sa.Column('checked_by', sa.String(length=100), nullable=False),
    sa.Column('context', sa.String(length=300), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=True),
    sa.Column('names', sa.Text(), nullable=False),
    sa.Column('hits', sa.Text(), nullable=False),
    sa.Column('hit_count', sa.Integer(), nullable=False),
    sa.Column('likely_count', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=20), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.CheckConstraint("decision IN ('undecided', 'cleared', 'waived', 'declined')", name=op.f('ck_conflict_check_decision_known')),
    sa.ForeignKeyConstraint(['matter_id'], ['matter.id'], name=op.f('fk_conflict_check_matter_id_matter'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflict_check'))
    )
    with op.batch_alter_table('conflict_check', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_check_checked_at'), ['checked_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflict_check_matter_id'), ['matter_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('conflict_check', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_check_matter_id'))
        batch_op.drop_index(batch_op.f('ix_conflict_check_checked_at'))
    op.drop_table('conflict_check')
    for table in ("contact_alias", "contact"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('match_key')
