"""list indexes: three indexes that keep lists and the matter pane growing with what they read, not the firm

Revision ID: 0012
Revises: 0011

- `ix_communication_deleted_at_occurred_at` (deleted_at, occurred_at, id, matter_id): the correspondence
  register's id list (live entries, newest first) reads this index alone, in order, instead of the table in date
  order (random pages); matter_id is the column its join names.
- `ix_file_record_label_id` (label, id, matter_id, location_id): the file room's list sorted by label reads this
  index alone, in order, instead of sorting every file in a temporary B-tree; matter_id and location_id are the
  columns the list's joins name, so the id list never visits the table.
- `ix_event_matter_status_on_date` (matter_id, status, on_date, start_utc): a matter's upcoming and overdue
  scheduled events (its detail pane, its open deadlines) read that matter's events only, already in order.

Indexes only: no table is rebuilt, no trigger touched, no row changes.
"""

from __future__ import annotations

from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

INDEXES = {
    "ix_communication_deleted_at_occurred_at": ("communication", ["deleted_at", "occurred_at", "id", "matter_id"]),
    "ix_file_record_label_id": ("file_record", ["label", "id", "matter_id", "location_id"]),
    "ix_event_matter_status_on_date": ("event", ["matter_id", "status", "on_date", "start_utc"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
