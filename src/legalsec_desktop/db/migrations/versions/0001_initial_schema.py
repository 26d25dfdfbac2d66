"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 04:52:24.604636
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('is_organization', sa.Boolean(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('sort_name', sa.String(length=300), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('is_client', sa.Boolean(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact'))
    )
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_is_client'), ['is_client'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_sort_name'), ['sort_name'], unique=False)

    op.create_table('firm',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('billing_increment_minutes', sa.Integer(), nullable=False),
    sa.Column('default_jurisdiction', sa.String(length=20), nullable=False),
    sa.Column('matter_number_pattern', sa.String(length=60), nullable=False),
    sa.Column('set_up_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_firm'))
    )
    op.create_table('timekeeper',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('initials', sa.String(length=5), nullable=False),
    sa.Column('default_rate_cents', sa.Integer(), nullable=False),
    sa.Column('is_attorney', sa.Boolean(), nullable=False),
    sa.Column('daily_target_minutes', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.CheckConstraint('default_rate_cents >= 0', name=op.f('ck_timekeeper_rate_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timekeeper')),
    sa.UniqueConstraint('initials', name=op.f('uq_timekeeper_initials'))
    )
    op.create_table('contact_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_contact_alias_contact_id_contact'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_alias'))
    )
    with op.batch_alter_table('contact_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_alias_contact_id'), ['contact_id'], unique=False)

    op.create_table('matter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('caption', sa.String(length=500), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('practice_area', sa.String(length=100), nullable=False),
    sa.Column('court', sa.String(length=200), nullable=False),
    sa.Column('case_number', sa.String(length=100), nullable=False),
    sa.Column('judge', sa.String(length=200), nullable=False),
    sa.Column('jurisdiction', sa.String(length=20), nullable=False),
    sa.Column('responsible_attorney_id', sa.Integer(), nullable=True),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('sol_date', sa.Date(), nullable=True),
    sa.Column('sol_note', sa.Text(), nullable=False),
    sa.Column('rate_override_cents', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'pending', 'closed')", name=op.f('ck_matter_status_known')),
    sa.CheckConstraint('closed_on IS NULL OR closed_on >= opened_on', name=op.f('ck_matter_closed_after_opened')),
    sa.ForeignKeyConstraint(['client_id'], ['contact.id'], name=op.f('fk_matter_client_id_contact')),
    sa.ForeignKeyConstraint(['responsible_attorney_id'], ['timekeeper.id'], name=op.f('fk_matter_responsible_attorney_id_timekeeper')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matter')),
    sa.UniqueConstraint('number', name=op.f('uq_matter_number'))
    )
    with op.batch_alter_table('matter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_matter_case_number'), ['case_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_matter_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_matter_responsible_attorney_id'), ['responsible_attorney_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_matter_status'), ['status'], unique=False)

    op.create_table('communication',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('with_whom', sa.String(length=300), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("direction IN ('in', 'out')", name=op.f('ck_communication_direction_known')),
    sa.CheckConstraint("kind IN ('call', 'email', 'letter', 'meeting')", name=op.f('ck_communication_kind_known')),
    sa.ForeignKeyConstraint(['matter_id'], ['matter.id'], name=op.f('fk_communication_matter_id_matter')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_communication'))
    )
    with op.batch_alter_table('communication', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_communication_matter_id'), ['matter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_communication_occurred_at'), ['occurred_at'], unique=False)

    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('all_day', sa.Boolean(), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('start_utc', sa.DateTime(), nullable=True),
    sa.Column('end_utc', sa.DateTime(), nullable=True),
    sa.Column('tz', sa.String(length=64), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('docketed_by', sa.String(length=5), nullable=False),
    sa.Column('verified_by', sa.String(length=5), nullable=False),
    sa.Column('derivation', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.CheckConstraint('end_utc IS NULL OR end_utc >= start_utc', name=op.f('ck_event_end_after_start')),
    sa.ForeignKeyConstraint(['matter_id'], ['matter.id'], name=op.f('fk_event_matter_id_matter')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_matter_id'), ['matter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_on_date'), ['on_date'], unique=False)

    op.create_table('file_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=300), nullable=False),
    sa.Column('medium', sa.String(length=10), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('box', sa.String(length=60), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('destroy_after', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.CheckConstraint("medium IN ('paper', 'digital')", name=op.f('ck_file_record_medium_known')),
    sa.ForeignKeyConstraint(['matter_id'], ['matter.id'], name=op.f('fk_file_record_matter_id_matter')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_file_record'))
    )
    with op.batch_alter_table('file_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_file_record_matter_id'), ['matter_id'], unique=False)

    op.create_table('party',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_party_contact_id_contact')),
    sa.ForeignKeyConstraint(['matter_id'], ['matter.id'], name=op.f('fk_party_matter_id_matter'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party'))
    )
    with op.batch_alter_table('party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_party_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_matter_id'), ['matter_id'], unique=False)

    op.create_table('time_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_date', sa.Date(), nullable=False),
    sa.Column('timekeeper_id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('rate_cents', sa.Integer(), nullable=False),
    sa.Column('billable', sa.String(length=20), nullable=False),
    sa.Column('task_code', sa.String(length=8), nullable=False),
    sa.Column('activity_code', sa.String(length=8), nullable=False),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.CheckConstraint("billable IN ('billable', 'non-billable', 'no charge')", name=op.f('ck_time_entry_billable_known')),
    sa.CheckConstraint("status IN ('draft', 'final', 'billed')", name=op.f('ck_time_entry_status_known')),
    sa.CheckConstraint('minutes > 0', name=op.f('ck_time_entry_minutes_positive')),
    sa.CheckConstraint('rate_cents >= 0', name=op.f('ck_time_entry_rate_not_negative')),
    sa.ForeignKeyConstraint(['matter_id'], ['matter.id'], name=op.f('fk_time_entry_matter_id_matter')),
    sa.ForeignKeyConstraint(['timekeeper_id'], ['timekeeper.id'], name=op.f('fk_time_entry_timekeeper_id_timekeeper')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_time_entry'))
    )
    with op.batch_alter_table('time_entry', schema=None) as batch_op:
        batch_op.create_index('ix_time_entry_date_id', ['entry_date', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_time_entry_matter_id'), ['matter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_time_entry_timekeeper_id'), ['timekeeper_id'], unique=False)

    op.create_table('event_attendee',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('timekeeper_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_attendee_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['timekeeper_id'], ['timekeeper.id'], name=op.f('fk_event_attendee_timekeeper_id_timekeeper')),
    sa.PrimaryKeyConstraint('event_id', 'timekeeper_id', name=op.f('pk_event_attendee'))
    )
    with op.batch_alter_table('event_attendee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_attendee_timekeeper_id'), ['timekeeper_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('event_attendee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_attendee_timekeeper_id'))

    op.drop_table('event_attendee')
    with op.batch_alter_table('time_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_time_entry_timekeeper_id'))
        batch_op.drop_index(batch_op.f('ix_time_entry_matter_id'))
        batch_op.drop_index('ix_time_entry_date_id')

    op.drop_table('time_entry')
    with op.batch_alter_table('party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_party_matter_id'))
        batch_op.drop_index(batch_op.f('ix_party_contact_id'))

    op.drop_table('party')
    with op.batch_alter_table('file_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_file_record_matter_id'))

    op.drop_table('file_record')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_on_date'))
        batch_op.drop_index(batch_op.f('ix_event_matter_id'))

    op.drop_table('event')
    with op.batch_alter_table('communication', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_communication_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_communication_matter_id'))

    op.drop_table('communication')
    with op.batch_alter_table('matter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_matter_status'))
        batch_op.drop_index(batch_op.f('ix_matter_responsible_attorney_id'))
        batch_op.drop_index(batch_op.f('ix_matter_client_id'))
        batch_op.drop_index(batch_op.f('ix_matter_case_number'))

    op.drop_table('matter')
    with op.batch_alter_table('contact_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_alias_contact_id'))

    op.drop_table('contact_alias')
    op.drop_table('timekeeper')
    op.drop_table('firm')
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_sort_name'))
        batch_op.drop_index(batch_op.f('ix_contact_name'))
        batch_op.drop_index(batch_op.f('ix_contact_is_client'))

    op.drop_table('contact')
