"""documents: each matter's documents and e-mails with their versions, and one full-text search over the practice

Revision ID: 0010
Revises: 0009

Adds the document store's tables (document_folder, document, document_version), the firm's documents root and
watched inbox folder, and the search index: `search_text`, an FTS5 table (unicode61 tokenizer, diacritics
removed, prefix indexes of 2 and 3 characters), and `search_entry`, what each of its rows is (kind, id, matter,
date). Its row id is the searched row's id * 8 + a code per kind (1 document, 2 matter, 3 contact,
4 correspondence log entry): db/search_sqlite.py uses the same scheme.

Matters, contacts and log entries are kept in the index by triggers, so that no writer can leave it behind;
every existing one is indexed here (a deleted contact or log entry is not). Documents are indexed by the program
as their text is read. No existing row changes.

A later migration that rebuilds matter, contact or communication (batch mode) drops these triggers with the
table: it must create them again (tests/unit/db/test_migration_0010.py checks that every database at the head
has them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

FTS = ("CREATE VIRTUAL TABLE search_text USING fts5(title, body, "
       "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')")
ENTRY = ("CREATE TABLE search_entry (id INTEGER NOT NULL PRIMARY KEY, kind VARCHAR(12) NOT NULL, "
         "ref_id INTEGER NOT NULL, matter_id INTEGER, on_date DATE)")


def _text(*columns: str) -> str:
    return " || ' ' || ".join(f"coalesce({column}, '')" for column in columns)


# kind, code, table, the matter column, the date, the title's columns, the body's columns, condition, columns watched
INDEXED = (
    ("matter", 2, "matter", "{r}.id", "{r}.opened_on", ("{r}.number", "{r}.title"),
     ("{r}.caption", "{r}.case_number", "{r}.court", "{r}.judge", "{r}.notes"), "1",
     "number, title, caption, case_number, court, judge, notes, opened_on"),
    ("contact", 3, "contact", "NULL", "NULL", ("{r}.name",), ("{r}.email", "{r}.phone", "{r}.address", "{r}.notes"),
     "{r}.deleted_at IS NULL", "name, email, phone, address, notes, deleted_at"),
    ("log", 4, "communication", "{r}.matter_id", "date({r}.occurred_at)", ("{r}.subject",),
     ("{r}.with_whom", "{r}.summary"), "{r}.deleted_at IS NULL",
     "matter_id, occurred_at, with_whom, subject, summary, deleted_at"),
)


def _put(kind: str, code: int, table: str, matter: str, on_date: str, title: tuple[str, ...], body: tuple[str, ...],
         condition: str, row: str) -> str:
    """The two INSERTs that index `row` (NEW in a trigger, the table itself in the backfill)."""
    source = "" if row == "NEW" else f" FROM {table}"
    fill = {"r": row}
    where = condition.format(**fill)
    return (f"INSERT INTO search_entry (id, kind, ref_id, matter_id, on_date) SELECT {row}.id * 8 + {code}, '{kind}', "
            f"{row}.id, {matter.format(**fill)}, {on_date.format(**fill)}{source} WHERE {where}; "
            f"INSERT INTO search_text (rowid, title, body) SELECT {row}.id * 8 + {code}, "
            f"{_text(*(c.format(**fill) for c in title))}, {_text(*(c.format(**fill) for c in body))}{source} "
            f"WHERE {where};")


def _drop(code: int) -> str:
    return (f"DELETE FROM search_text WHERE rowid = OLD.id * 8 + {code}; "
            f"DELETE FROM search_entry WHERE id = OLD.id * 8 + {code};")


def triggers() -> list[str]:
    """The statements that create the triggers keeping matters, contacts and log entries in the index."""
    made = []
    for kind, code, table, matter, on_date, title, body, condition, watched in INDEXED:
        put = _put(kind, code, table, matter, on_date, title, body, condition, "NEW")
        made += [f"CREATE TRIGGER search_{table}_added AFTER INSERT ON {table} BEGIN {put} END",
                 (f"CREATE TRIGGER search_{table}_changed AFTER UPDATE OF {watched} ON {table} "
                  f"BEGIN {_drop(code)} {put} END"),
                 f"CREATE TRIGGER search_{table}_removed AFTER DELETE ON {table} BEGIN {_drop(code)} END"]
    return made


def upgrade() -> None:
    with op.batch_alter_table('firm', schema=None) as batch_op:
        batch_op.add_column(sa.Column('documents_root', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('inbox_folder', sa.Text(), server_default='', nullable=False))
    _document_tables()
    op.execute(FTS)
    op.execute(ENTRY)
    op.execute("CREATE INDEX ix_search_entry_on_date ON search_entry (on_date)")
    op.execute("CREATE INDEX ix_search_entry_matter_id ON search_entry (matter_id)")
    for kind, code, table, matter, on_date, title, body, condition, _watched in INDEXED:
        for statement in _put(kind, code, table, matter, on_date, title, body, condition, table).split(";"):
            if statement.strip():
                op.execute(statement)
    for statement in triggers():
        op.execute(statement)


def _document_tables() -> None:
    op.create_table('document_folder',
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.Column('folder', sa.String(length=255), nullable=False),
    sa.ForeignKeyConstraint(['matter_id'], ['matter.id'], name=op.f('fk_document_folder_matter_id_matter')),
    sa.PrimaryKeyConstraint('matter_id', name=op.f('pk_document_folder')),
    sa.UniqueConstraint('folder', name=op.f('uq_document_folder_folder'))
    )
    op.create_table('document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('search_key', sa.Text(), server_default='', nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('doc_date', sa.Date(), nullable=False),
    sa.Column('author', sa.String(length=300), nullable=False),
    sa.Column('recipients', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('sender_address', sa.String(length=320), nullable=False),
    sa.Column('message_id', sa.String(length=998), nullable=False),
    sa.Column('thread_ids', sa.Text(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('communication_id', sa.Integer(), nullable=True),
    sa.Column('filed_at', sa.DateTime(), nullable=False),
    sa.Column('filed_by', sa.String(length=100), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("kind IN ('pleading', 'correspondence', 'email', 'discovery', 'evidence', 'note', 'other')",
                       name=op.f('ck_document_kind_known')),
    sa.ForeignKeyConstraint(['communication_id'], ['communication.id'],
                            name=op.f('fk_document_communication_id_communication')),
    sa.ForeignKeyConstraint(['matter_id'], ['matter.id'], name=op.f('fk_document_matter_id_matter')),
    sa.ForeignKeyConstraint(['parent_id'], ['document.id'], name=op.f('fk_document_parent_id_document')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document')),
    sa.UniqueConstraint('communication_id', name=op.f('uq_document_communication_id'))
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        for column in ('doc_date', 'matter_id', 'message_id', 'parent_id', 'sender_address'):
            batch_op.create_index(batch_op.f(f'ix_document_{column}'), [column], unique=False)
    op.create_table('document_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('original_name', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('modified_ns', sa.Integer(), nullable=False),
    sa.Column('filed_at', sa.DateTime(), nullable=False),
    sa.Column('text_state', sa.String(length=20), nullable=False),
    sa.Column('text_note', sa.Text(), nullable=False),
    sa.Column('indexed_at', sa.DateTime(), nullable=True),
    sa.Column('missing_since', sa.DateTime(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint("text_state IN ('waiting', 'indexed', 'needs_ocr', 'protected', 'damaged', 'empty', "
                       "'unsupported', 'failed')", name=op.f('ck_document_version_text_state_known')),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_document_version_document_id_document')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_version')),
    sa.UniqueConstraint('path', name=op.f('uq_document_version_path'))
    )
    with op.batch_alter_table('document_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_version_document_id'), ['document_id'], unique=False)
        batch_op.create_index('ix_document_version_document_id_number', ['document_id', 'number'], unique=True)
        batch_op.create_index(batch_op.f('ix_document_version_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_version_text_state'), ['text_state'], unique=False)


def downgrade() -> None:
    for _kind, _code, table, *_rest in INDEXED:
        for verb in ("added", "changed", "removed"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{verb}")
    op.execute("DROP TABLE search_entry")
    op.execute("DROP TABLE search_text")
    op.drop_table('document_version')
    op.drop_table('document')
    op.drop_table('document_folder')
    with op.batch_alter_table('firm', schema=None) as batch_op:
        batch_op.drop_column('inbox_folder')
        batch_op.drop_column('documents_root')
