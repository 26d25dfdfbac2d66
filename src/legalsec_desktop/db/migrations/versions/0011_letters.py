"""letters: the letter templates and packages, and what a letter needs of the firm, its lawyers and its contacts

Revision ID: 0011
Revises: 0010

Adds `letter_template` (what is known of each template file in the templates folder: its name, the fields and
asked-for values its last check found, when it was last used, and which letter the program offers where) and
`letter_package` (templates drafted together). The firm gets its templates folder, phone, fax and e-mail (the
letterhead and the cover sheet); a timekeeper a title and bar number (the signature block); a contact a courtesy
title ("Ms.", for "Dear Ms. Lewis:") and the firm or company a person works for (opposing counsel's firm). Every new column is added with ALTER TABLE ADD COLUMN, so no table is
rebuilt and the search triggers of 0010 on contact stay as they are. No existing row changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

NEW_COLUMNS = {
    "firm": (("templates_folder", sa.Text()), ("phone", sa.String(length=60)), ("fax", sa.String(length=60)),
             ("email", sa.String(length=200))),
    "timekeeper": (("title", sa.String(length=100)), ("bar_number", sa.String(length=40))),
    "contact": (("courtesy_title", sa.String(length=20)), ("organization", sa.String(length=300))),
}


def upgrade() -> None:
    for table, columns in NEW_COLUMNS.items():
        for name, kind in columns:  # plain ADD COLUMN (not batch): the table and its triggers stay
            op.add_column(table, sa.Column(name, kind, server_default='', nullable=False))
    op.create_table('letter_template',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('purpose', sa.String(length=20), server_default='', nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('fields', sa.Text(), server_default='', nullable=False),
    sa.Column('asks', sa.Text(), server_default='', nullable=False),
    sa.Column('problem', sa.Text(), server_default='', nullable=False),
    sa.Column('checked_size', sa.Integer(), nullable=True),
    sa.Column('checked_mtime_ns', sa.Integer(), nullable=True),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('last_used_at', sa.DateTime(), nullable=True),
    sa.Column('use_count', sa.Integer(), server_default='0', nullable=False),
    sa.CheckConstraint("purpose IN ('', 'engagement', 'declination', 'closing')",
                       name=op.f('ck_letter_template_purpose_known')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_template')),
    sa.UniqueConstraint('file_name', name=op.f('uq_letter_template_file_name')),
    sa.UniqueConstraint('name', name=op.f('uq_letter_template_name'))
    )
    op.create_table('letter_package',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('templates', sa.Text(), server_default='[]', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter_package')),
    sa.UniqueConstraint('name', name=op.f('uq_letter_package_name'))
    )


def downgrade() -> None:
    op.drop_table('letter_package')
    op.drop_table('letter_template')
    for table, columns in NEW_COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _kind in reversed(columns):
                batch_op.drop_column(name)
