"""timekeeper classification: every timekeeper has a LEDES classification code

Revision ID: 0007
Revises: 0006

Until this revision a blank classification was filled in at export time as ATTY (attorneys) or PARLGL, and
ATTY is in no LEDES list. From this revision each timekeeper stores a LEDES code. A blank (or unknown) one
becomes OTHER for an attorney (nothing stored tells a partner from an associate; the user can choose in
Settings) and PARLGL for anyone else (what the export already wrote for them). The column's default becomes
OTHER. A code already chosen stays.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

CODES = ("PARTNR", "ASSOC", "OFCNSL", "PARLGL", "LGLAST", "OTHER", "PT", "AS")
log = logging.getLogger("legalsec")


def upgrade() -> None:
    keeper = sa.table("timekeeper", sa.column("classification", sa.String), sa.column("is_attorney", sa.Boolean))
    unset = sa.or_(keeper.c.classification.is_(None), keeper.c.classification.not_in(CODES))
    result = op.get_bind().execute(
        keeper.update().where(unset).values(
            classification=sa.case((keeper.c.is_attorney == sa.true(), "OTHER"), else_="PARLGL")))
    log.info("Migration 0007: %d timekeeper(s) given a LEDES classification", result.rowcount)
    with op.batch_alter_table('timekeeper', schema=None) as batch_op:
        batch_op.alter_column('classification', existing_type=sa.String(length=10), existing_nullable=False,
                              server_default='OTHER')


def downgrade() -> None:
    with op.batch_alter_table('timekeeper', schema=None) as batch_op:
        batch_op.alter_column('classification', existing_type=sa.String(length=10), existing_nullable=False,
                              server_default='')
