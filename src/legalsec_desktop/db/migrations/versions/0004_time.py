"""time: timers, client rates and billing increments, UTBMS per matter, LEDES identifiers

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('timer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('timekeeper_id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=True),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.Column('elapsed_seconds', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['matter_id'], ['matter.id'], name=op.f('fk_timer_matter_id_matter')),
    sa.ForeignKeyConstraint(['timekeeper_id'], ['timekeeper.id'], name=op.f('fk_timer_timekeeper_id_timekeeper')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timer'))
    )
    with op.batch_alter_table('timer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_timer_timekeeper_id'), ['timekeeper_id'], unique=False)
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rate_override_cents', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('billing_increment_minutes', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('billing_id', sa.String(length=20), nullable=False, server_default=''))
    with op.batch_alter_table('firm', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tax_id', sa.String(length=20), nullable=False, server_default=''))
    with op.batch_alter_table('matter', schema=None) as batch_op:
        batch_op.add_column(sa.Column('uses_utbms', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('client_matter_id', sa.String(length=40), nullable=False, server_default=''))
    with op.batch_alter_table('time_entry', schema=None) as batch_op:
        batch_op.create_index('ix_time_entry_keeper_date', ['timekeeper_id', 'entry_date'], unique=False)
    with op.batch_alter_table('timekeeper', schema=None) as batch_op:
        batch_op.add_column(sa.Column('classification', sa.String(length=10), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('timekeeper', schema=None) as batch_op:
        batch_op.drop_column('classification')
    with op.batch_alter_table('time_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_time_entry_keeper_date')
    with op.batch_alter_table('matter', schema=None) as batch_op:
        batch_op.drop_column('client_matter_id')
        batch_op.drop_column('uses_utbms')
    with op.batch_alter_table('firm', schema=None) as batch_op:
        batch_op.drop_column('tax_id')
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_column('billing_id')
        batch_op.drop_column('billing_increment_minutes')
        batch_op.drop_column('rate_override_cents')
    with op.batch_alter_table('timer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_timer_timekeeper_id'))
    op.drop_table('timer')
