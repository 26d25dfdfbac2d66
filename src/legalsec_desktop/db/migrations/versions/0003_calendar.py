"""calendar: recurring series, computed-deadline chains, history, soft delete, court closures, reminders

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rrule', sa.String(length=500), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('exdates', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('series_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('occurrence_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('trigger_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('rule_key', sa.String(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('history', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_event_series_id_event'), 'event', ['series_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_event_trigger_id_event'), 'event', ['trigger_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_event_series_id'), ['series_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_trigger_id'), ['trigger_id'], unique=False)
        batch_op.create_index('ix_event_status_on_date', ['status', 'on_date'], unique=False)
        batch_op.create_index('ix_event_series_on_date', ['on_date'], unique=False,
                              sqlite_where=sa.text("rrule != ''"))
    with op.batch_alter_table('firm', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reminder_leads', sa.Text(), nullable=False, server_default=''))
    op.create_table('court_closure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('rules', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_court_closure'))
    )
    with op.batch_alter_table('court_closure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_court_closure_day'), ['day'], unique=False)
    op.create_table('reminder_ack',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('occurrence_date', sa.Date(), nullable=False),
    sa.Column('lead_days', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_reminder_ack_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'occurrence_date', 'lead_days', name=op.f('pk_reminder_ack'))
    )


def downgrade() -> None:
    op.drop_table('reminder_ack')
    with op.batch_alter_table('court_closure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_court_closure_day'))
    op.drop_table('court_closure')
    with op.batch_alter_table('firm', schema=None) as batch_op:
        batch_op.drop_column('reminder_leads')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index('ix_event_series_on_date')
        batch_op.drop_index('ix_event_status_on_date')
        batch_op.drop_index(batch_op.f('ix_event_trigger_id'))
        batch_op.drop_index(batch_op.f('ix_event_series_id'))
        batch_op.drop_constraint(batch_op.f('fk_event_trigger_id_event'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_event_series_id_event'), type_='foreignkey')
        for column in ('deleted_at', 'history', 'rule_key', 'trigger_id', 'occurrence_date', 'series_id',
                       'exdates', 'rrule'):
            batch_op.drop_column(column)
