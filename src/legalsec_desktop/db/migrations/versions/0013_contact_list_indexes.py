"""contact list indexes: the contacts list and the conflict check read an index of live contacts, not the table;
a version of the names, so a conflict check reads them again only when one has changed

Revision ID: 0013
Revises: 0012

- `ix_contact_deleted_at_sort_name` (deleted_at, sort_name): the contacts list's id list (live contacts by name)
  reads this index alone, in order, instead of the sort_name index and every contact's row for its deleted_at
  (one table page a contact, in name order: random pages).
- `ix_contact_deleted_at_match_key` (deleted_at, match_key): a conflict check reads every live contact's folded
  name from this index alone, a fraction of the table's pages (a contact's row holds its address and notes).

- `name_version` (one row): a number that triggers on `contact` and `contact_alias` raise whenever a name, its
  folded key or a contact's deletion changes (whoever writes: this program, the command line, another copy). A
  conflict check keeps the names it read with the version it read them at, and reads them again only when the
  version moved. A later migration that rebuilds either table must create the triggers again
  (`tests/unit/db/test_name_version.py` checks them at the head).

No table is rebuilt, no row changes; one table and six triggers are added.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

INDEXES = {
    "ix_contact_deleted_at_sort_name": ("contact", ["deleted_at", "sort_name"]),
    "ix_contact_deleted_at_match_key": ("contact", ["deleted_at", "match_key"]),
}


# What a conflict check reads: a contact's folded name and whether it is deleted; an alias's text, key and owner.
TRIGGERS = {
    "contact_names_inserted": "AFTER INSERT ON contact",
    "contact_names_updated": "AFTER UPDATE OF name, match_key, deleted_at ON contact",
    "contact_names_deleted": "AFTER DELETE ON contact",
    "contact_alias_names_inserted": "AFTER INSERT ON contact_alias",
    "contact_alias_names_updated": "AFTER UPDATE OF alias, match_key, contact_id ON contact_alias",
    "contact_alias_names_deleted": "AFTER DELETE ON contact_alias",
}
BUMP = "BEGIN UPDATE name_version SET version = version + 1 WHERE id = 1; END"


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)
    op.create_table(
        'name_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.CheckConstraint('id = 1', name=op.f('ck_name_version_one_row')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_name_version')),
    )
    op.execute("INSERT INTO name_version (id, version) VALUES (1, 1)")
    for name, when in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} {BUMP}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('name_version')
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
