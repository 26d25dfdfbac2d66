"""contact list indexes: the contacts list and the conflict check read an index of live contacts, not the table

Revision ID: 0013
Revises: 0012

- `ix_contact_deleted_at_sort_name` (deleted_at, sort_name): the contacts list's id list (live contacts by name)
  reads this index alone, in order, instead of the sort_name index and every contact's row for its deleted_at
  (one table page a contact, in name order: random pages).
- `ix_contact_deleted_at_match_key` (deleted_at, match_key): a conflict check reads every live contact's folded
  name from this index alone, a fraction of the table's pages (a contact's row holds its address and notes).

Indexes only: no table is rebuilt, no trigger touched, no row changes.
"""

from __future__ import annotations

from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

INDEXES = {
    "ix_contact_deleted_at_sort_name": ("contact", ["deleted_at", "sort_name"]),
    "ix_contact_deleted_at_match_key": ("contact", ["deleted_at", "match_key"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
