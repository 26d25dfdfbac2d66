"""SQL spelled per database: the joined aliases read the same on SQLite and compile to string_agg for PostgreSQL."""

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from legalsec_desktop.db.models import ContactAliasRow, ContactRow
from legalsec_desktop.db.sql import joined_distinct


def _aliases_query():
    return (select(ContactRow.id, joined_distinct(ContactAliasRow.alias).label("aliases"))
            .outerjoin(ContactAliasRow, ContactAliasRow.contact_id == ContactRow.id).group_by(ContactRow.id))


def test_each_database_gets_its_own_spelling():
    assert "group_concat(DISTINCT contact_alias.alias)" in str(_aliases_query().compile(dialect=sqlite.dialect()))
    assert "string_agg(DISTINCT contact_alias.alias, ',')" in str(
        _aliases_query().compile(dialect=postgresql.dialect()))


def test_distinct_aliases_joined_by_commas_and_none_for_no_alias(store):
    with store.write() as session:
        both = ContactRow(name="Ann Lee", sort_name="Lee, Ann")
        plain = ContactRow(name="Bo Chan", sort_name="Chan, Bo")
        session.add_all([both, plain])
        session.flush()
        session.add_all([ContactAliasRow(contact_id=both.id, alias=a) for a in ("Annie", "A. Lee", "Annie")])
        ids = both.id, plain.id
    with store.read() as session:
        found = {row.id: row.aliases for row in session.execute(_aliases_query())}
    assert sorted(found[ids[0]].split(",")) == ["A. Lee", "Annie"]
    assert found[ids[1]] is None
