"""file room: volumes with barcodes, a hierarchy of locations, an append-only movement log, check-out,
retention rules, the closing checklist, legal holds and the destruction register

Revision ID: 0009
Revises: 0008

Each paper file already indexed becomes a volume: a folder (medium 'paper' becomes 'folder'), with the barcode
id F + its id in six digits, kept where the index said it was. Each distinct place typed in the index becomes a
location, and a box number typed beside it a box inside it ("Off-site storage (Iron Mountain) ▸ Box 75"); a place
typed with '>' ("Main office > Cabinet A") is that many levels; a place whose name says storage or off-site is
marked as off-site storage, and so is everything inside it. A destroy-after date typed before keeps its date, with a
note that no retention rule chose it. The typed texts stay as they were in their
columns. Every volume gets one 'created' line in its movement log, dated the day it was opened. An index entry of
a digital file stays one (medium 'digital'), with no location. No row is deleted and no typed value changes,
except the medium word and each file's search key (which now holds its barcode id).

The movement log and the destruction register refuse UPDATE and DELETE (triggers), file_record refuses DELETE, and
a destroyed file's destroyed_at and destruction_id cannot change. A later migration that rebuilds one of these
tables (batch mode) drops its triggers with it: it must create them again (tests/unit/db/test_migration_0009.py
checks that every database at the head has them).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, time, timezone

import sqlalchemy as sa
from alembic import op

from legalsec_desktop.domain.names import search_fold

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

log = logging.getLogger("legalsec")
SEPARATOR = " ▸ "
RETENTION_RULES = (  # name, practice area ('' for any), years (None: permanent), notes
    ("Standard", "", 7, "Seven years after the file is closed: check your state's rule and your malpractice carrier's."),
    ("Estate planning", "Estate planning", 10,
     "Longer than the standard: estate plans are questioned years later. Original wills are kept permanently."),
    ("Minor client", "", 21,
     ("A minor's claims can be brought after they come of age: keep the file until the limitation period has "
      "run after the client's majority.")),
    ("Wills and original documents", "", None, "Kept permanently, or returned to the client; never destroyed."),
)
CLOSING_ITEMS = (  # text, what the program checks itself
    ("No deadlines left open", "deadlines"),
    ("No unbilled time", "unbilled"),
    ("No open to-dos", "todos"),
    ("Every file checked back in", "files_in"),
    ("Original documents returned to the client", ""),
    ("Closing letter sent", ""),
)
LEGACY_NOTE = ("Destroy-after date as typed in the file index before retention rules (upgrade to revision 0009); "
               "no retention rule was chosen: check it against the firm's rules before destroying.")
NO_CHANGE = ("CREATE TRIGGER {table}_{verb}_refused BEFORE {verb} ON {table} "
             "BEGIN SELECT RAISE(ABORT, '{what} is never changed or deleted'); END")
PROTECTED = (("file_movement", "UPDATE", "The movement log"), ("file_movement", "DELETE", "The movement log"),
             ("destruction", "UPDATE", "The destruction register"), ("destruction", "DELETE", "The destruction register"),
             ("file_record", "DELETE", "A file record"))
# A destroyed file stays destroyed, in the batch that destroyed it (its other columns may still change).
STAYS_DESTROYED = ("CREATE TRIGGER file_record_destroyed_kept BEFORE UPDATE OF destroyed_at, destruction_id "
                   "ON file_record WHEN OLD.destroyed_at IS NOT NULL BEGIN "
                   "SELECT RAISE(ABORT, 'A destroyed file stays destroyed'); END")


def upgrade() -> None:
    _new_tables()
    with op.batch_alter_table('matter', schema=None) as batch_op:
        batch_op.add_column(sa.Column('closed_number', sa.String(length=40), nullable=True))
        batch_op.create_index(batch_op.f('ix_matter_closed_number'), ['closed_number'], unique=True)
    _new_file_record_columns()
    _fill()
    with op.batch_alter_table('file_record', schema=None, recreate='always') as batch_op:
        batch_op.alter_column('barcode', existing_type=sa.String(length=20), nullable=False)
        batch_op.create_check_constraint('medium_known', "medium IN ('folder', 'binder', 'box', 'other', 'digital')")
        batch_op.create_check_constraint('barcode_given', "barcode <> ''")
        batch_op.create_index(batch_op.f('ix_file_record_barcode'), ['barcode'], unique=True)
        for column in ('destroy_after', 'location_id', 'home_location_id', 'out_timekeeper_id', 'due_back_on',
                       'retention_rule_id', 'destroyed_at', 'destruction_id'):
            batch_op.create_index(batch_op.f(f'ix_file_record_{column}'), [column], unique=False)
    for table, verb, what in PROTECTED:
        op.execute(NO_CHANGE.format(table=table, verb=verb, what=what))
    op.execute(STAYS_DESTROYED)


def _new_tables() -> None:
    op.create_table('storage_location',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('search_key', sa.Text(), server_default='', nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('path', sa.String(length=600), nullable=False),
    sa.Column('path_key', sa.String(length=600), nullable=False),
    sa.Column('offsite', sa.Boolean(), nullable=False),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("kind IN ('office', 'room', 'cabinet', 'drawer', 'shelf', 'storage', 'box', 'other')", name=op.f('ck_storage_location_kind_known')),
    sa.ForeignKeyConstraint(['parent_id'], ['storage_location.id'], name=op.f('fk_storage_location_parent_id_storage_location')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_storage_location')),
    sa.UniqueConstraint('path_key', name=op.f('uq_storage_location_path_key'))
    )
    op.create_index(op.f('ix_storage_location_parent_id'), 'storage_location', ['parent_id'], unique=False)
    op.create_table('retention_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('practice_area', sa.String(length=100), nullable=False),
    sa.Column('years', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('years IS NULL OR (years >= 0 AND years <= 200)', name=op.f('ck_retention_rule_years_sensible')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retention_rule')),
    sa.UniqueConstraint('name', name=op.f('uq_retention_rule_name'))
    )
    op.create_table('closing_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('check', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('retired_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_closing_item'))
    )
    op.create_table('destruction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('certificate_number', sa.String(length=40), nullable=False),
    sa.Column('approved_by', sa.String(length=5), nullable=False),
    sa.Column('approved_by_name', sa.String(length=200), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=False),
    sa.Column('destroyed_on', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=100), nullable=False),
    sa.Column('destroyed_by', sa.String(length=200), nullable=False),
    sa.Column('witness', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('file_count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_destruction')),
    sa.UniqueConstraint('certificate_number', name=op.f('uq_destruction_certificate_number'))
    )
    op.create_table('matter_closing',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.Column('closed_number', sa.String(length=40), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=False),
    sa.Column('closed_by', sa.String(length=100), nullable=False),
    sa.Column('checklist', sa.Text(), nullable=False),
    sa.Column('override_reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['matter_id'], ['matter.id'], name=op.f('fk_matter_closing_matter_id_matter')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matter_closing'))
    )
    op.create_index(op.f('ix_matter_closing_matter_id'), 'matter_closing', ['matter_id'], unique=False)
    op.create_table('file_movement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by_name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('from_text', sa.String(length=600), nullable=False),
    sa.Column('to_text', sa.String(length=600), nullable=False),
    sa.Column('from_location_id', sa.Integer(), nullable=True),
    sa.Column('to_location_id', sa.Integer(), nullable=True),
    sa.Column('timekeeper_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('created', 'moved', 'out', 'in', 'to_storage', 'returned', 'destroyed', 'hold', 'released', 'closed', 'reopened')", name=op.f('ck_file_movement_kind_known')),
    sa.ForeignKeyConstraint(['file_id'], ['file_record.id'], name=op.f('fk_file_movement_file_id_file_record')),
    sa.ForeignKeyConstraint(['from_location_id'], ['storage_location.id'], name=op.f('fk_file_movement_from_location_id_storage_location')),
    sa.ForeignKeyConstraint(['timekeeper_id'], ['timekeeper.id'], name=op.f('fk_file_movement_timekeeper_id_timekeeper')),
    sa.ForeignKeyConstraint(['to_location_id'], ['storage_location.id'], name=op.f('fk_file_movement_to_location_id_storage_location')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_file_movement'))
    )
    op.create_index(op.f('ix_file_movement_file_id'), 'file_movement', ['file_id'], unique=False)


def _new_file_record_columns() -> None:
    # rebuilt, without the old medium check (paper/digital), so that _fill can name the new media
    with op.batch_alter_table('file_record', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint('medium_known', type_='check')
        batch_op.add_column(sa.Column('barcode', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('location_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('home_location_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('out_to', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('out_timekeeper_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('out_reason', sa.String(length=300), server_default='', nullable=False))
        batch_op.add_column(sa.Column('out_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('due_back_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('retention_rule_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('retention_note', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('hold_reason', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('hold_since', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('destroyed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('destruction_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_file_record_location_id_storage_location'), 'storage_location', ['location_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_file_record_home_location_id_storage_location'), 'storage_location', ['home_location_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_file_record_out_timekeeper_id_timekeeper'), 'timekeeper', ['out_timekeeper_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_file_record_retention_rule_id_retention_rule'), 'retention_rule', ['retention_rule_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_file_record_destruction_id_destruction'), 'destruction', ['destruction_id'], ['id'])


def place_kind(name: str) -> tuple[str, bool]:
    """A typed place's kind, and whether it is off-site storage, from the words of its name."""
    words = search_fold(name)
    if re.search(r"\b(storage|off-?site|iron mountain|archive)", words):
        return "storage", True
    for word, kind in (("cabinet", "cabinet"), ("drawer", "drawer"), ("shelf", "shelf"), ("room", "room"),
                       ("office", "office"), ("box", "box")):
        if word in words:
            return kind, False
    return "other", False


def _levels(typed: str | None) -> list[str]:
    """The places a typed text names, top first: "Main office > Cabinet A" is two levels (as paths are typed now)."""
    return [" ".join(part.split())[:120] for part in re.split(r"[>▸]", typed or "") if part.strip()]


def _fill() -> None:
    bind = op.get_bind()
    place = sa.table("storage_location", sa.column("id", sa.Integer), sa.column("search_key", sa.Text),
                     sa.column("parent_id", sa.Integer), sa.column("name", sa.String), sa.column("kind", sa.String),
                     sa.column("path", sa.String), sa.column("path_key", sa.String),
                     sa.column("offsite", sa.Boolean))
    record = sa.table("file_record", *(sa.column(n, sa.Integer) for n in ("id", "location_id", "home_location_id")),
                      *(sa.column(n, sa.String) for n in ("barcode", "label", "medium", "location", "box", "out_to",
                                                          "search_key", "retention_note")),
                      sa.column("opened_on", sa.Date), sa.column("destroy_after", sa.Date))
    movement = sa.table("file_movement", sa.column("file_id", sa.Integer), sa.column("at", sa.DateTime),
                        *(sa.column(n, sa.String) for n in ("by_name", "kind", "from_text", "to_text", "reason")),
                        sa.column("to_location_id", sa.Integer))
    places: dict[str, int] = {}  # path_key -> id

    def place_of(name: str, parent: tuple[int, str, bool] | None) -> tuple[int, str, bool]:
        path = name if parent is None else parent[1] + SEPARATOR + name
        kind, offsite = place_kind(name)
        offsite = offsite or (parent is not None and parent[2])
        key = search_fold(path)
        if key not in places:
            places[key] = bind.execute(place.insert().values(
                search_key=key, parent_id=parent[0] if parent else None, name=name, kind=kind, path=path,
                path_key=key, offsite=offsite).returning(place.c.id)).scalar_one()
        return places[key], path, offsite

    rows = bind.execute(sa.select(record.c.id, record.c.label, record.c.medium, record.c.location, record.c.box,
                                  record.c.out_to, record.c.opened_on, record.c.destroy_after)
                        .order_by(record.c.id)).all()
    lines, changes = [], []
    for row in rows:
        barcode = f"F{row.id:06d}"
        digital = row.medium == "digital"
        spot = None
        for name in ([] if digital else [*_levels(row.location), *_levels(row.box)]):
            spot = place_of(name, spot)
        key = search_fold(" ".join(str(v or "") for v in (barcode, row.label, row.location, row.box, row.out_to)))
        changes.append(dict(the_id=row.id, the_barcode=barcode, the_medium="digital" if digital else "folder",
                            the_key=key, the_note=LEGACY_NOTE if row.destroy_after is not None else "",
                            the_place=spot[0] if spot else None))
        opened = datetime.combine(row.opened_on, time(12), tzinfo=timezone.utc).replace(tzinfo=None)
        lines.append(dict(file_id=row.id, at=opened, by_name="", kind="created", from_text="",
                          to_text=spot[1] if spot else (row.location or ""), to_location_id=spot[0] if spot else None,
                          reason="Indexed before the file room (upgrade to revision 0009)"))
    # One statement, many rows (a statement a row took 25 s for the large demo's 50,000 files)
    change = record.update().where(record.c.id == sa.bindparam("the_id")).values(
        barcode=sa.bindparam("the_barcode"), medium=sa.bindparam("the_medium"), search_key=sa.bindparam("the_key"),
        retention_note=sa.bindparam("the_note"), location_id=sa.bindparam("the_place"),
        home_location_id=sa.bindparam("the_place"))
    for start in range(0, len(changes), 5000):
        bind.execute(change, changes[start:start + 5000])
    for start in range(0, len(lines), 5000):
        bind.execute(movement.insert(), lines[start:start + 5000])
    rule = sa.table("retention_rule", sa.column("name", sa.String), sa.column("practice_area", sa.String),
                    sa.column("years", sa.Integer), sa.column("notes", sa.Text), sa.column("position", sa.Integer))
    bind.execute(rule.insert(), [dict(name=n, practice_area=a, years=y, notes=t, position=i)
                                 for i, (n, a, y, t) in enumerate(RETENTION_RULES)])
    item = sa.table("closing_item", sa.column("text", sa.String), sa.column("check", sa.String),
                    sa.column("position", sa.Integer))
    bind.execute(item.insert(), [dict(text=t, check=c, position=i) for i, (t, c) in enumerate(CLOSING_ITEMS)])
    log.info("Migration 0009: %d file(s) became volumes in %d location(s)", len(rows), len(places))


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS file_record_destroyed_kept")
    for table, verb, _what in PROTECTED:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_{verb}_refused")
    with op.batch_alter_table('file_record', schema=None, recreate='always') as batch_op:
        for column in ('destruction_id', 'destroyed_at', 'retention_rule_id', 'due_back_on', 'out_timekeeper_id',
                       'home_location_id', 'location_id', 'destroy_after', 'barcode'):
            batch_op.drop_index(batch_op.f(f'ix_file_record_{column}'))
        for constraint in ('destruction_id_destruction', 'retention_rule_id_retention_rule',
                           'out_timekeeper_id_timekeeper', 'home_location_id_storage_location',
                           'location_id_storage_location'):
            batch_op.drop_constraint(f'fk_file_record_{constraint}', type_='foreignkey')
        batch_op.drop_constraint('barcode_given', type_='check')
        batch_op.drop_constraint('medium_known', type_='check')
        for column in ('destruction_id', 'destroyed_at', 'hold_since', 'hold_reason', 'retention_note',
                       'retention_rule_id', 'due_back_on', 'out_at', 'out_reason', 'out_timekeeper_id', 'out_to',
                       'home_location_id', 'location_id', 'barcode'):
            batch_op.drop_column(column)
    op.execute("UPDATE file_record SET medium = 'paper' WHERE medium <> 'digital'")
    with op.batch_alter_table('file_record', schema=None, recreate='always') as batch_op:
        batch_op.create_check_constraint('medium_known', "medium IN ('paper', 'digital')")
    with op.batch_alter_table('matter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_matter_closed_number'))
        batch_op.drop_column('closed_number')
    for table in ('file_movement', 'matter_closing', 'destruction', 'closing_item', 'retention_rule',
                  'storage_location'):
        op.drop_table(table)
