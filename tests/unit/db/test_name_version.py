"""The version of the names (migration 0013): triggers raise it whenever a name a conflict check reads changes, by
whoever writes, so a check may keep the names it read while the version stands, and never misses a new name."""

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from legalsec_desktop.db.models import NameVersionRow
from legalsec_desktop.domain.conflicts import SearchName
from legalsec_desktop.domain.contacts import ContactDraft
from legalsec_desktop.services import conflicts, contacts
from legalsec_desktop.services.database import open_database

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "migrations"
TRIGGERS = {"contact_names_inserted", "contact_names_updated", "contact_names_deleted",
            "contact_alias_names_inserted", "contact_alias_names_updated", "contact_alias_names_deleted"}


def version(store) -> int:  # noqa: ANN001
    with store.read() as session:
        return session.scalar(select(NameVersionRow.version))


def triggers(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    finally:
        conn.close()


def test_the_triggers_stand_at_the_head_and_after_an_upgrade(store, db_path, tmp_path):
    assert TRIGGERS <= triggers(db_path)
    old = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "rev-0012.db", old)
    open_database(old, tmp_path / "backups", calendar_limitations=False).close()
    assert TRIGGERS <= triggers(old)
    conn = sqlite3.connect(old)
    assert conn.execute("SELECT id, version FROM name_version").fetchall() == [(1, 1)]
    conn.close()


def test_every_change_to_a_name_raises_the_version_and_nothing_else_does(store):
    seen = [version(store)]

    def moved() -> bool:
        seen.append(version(store))
        return seen[-1] > seen[-2]

    draft = ContactDraft("Maria Gonzalez", phone="555-0100")
    maria = contacts.save_contact(store, draft)
    assert moved()
    contacts.save_contact(store, replace(draft, phone="555-0199"), maria)
    assert not moved()  # a phone number is not a name
    contacts.save_contact(store, replace(draft, name="Maria Lopez"), maria)
    assert moved()
    contacts.save_contact(store, replace(draft, name="Maria Lopez", aliases=(("Maria Gonzalez", "former name"),)),
                          maria)
    assert moved()
    contacts.delete_contact(store, maria)
    assert moved()
    contacts.restore_contact(store, maria)
    assert moved()


def test_a_check_finds_a_name_added_after_it_read_the_names_by_this_program_or_another(store, db_path):
    def found(name: str) -> set[str]:
        return {hit.name for hit in conflicts.find_hits(store, [SearchName(name)])}

    assert found("Zebulon Quartermaine") == set()
    contacts.save_contact(store, ContactDraft("Zebulon Quartermaine"))
    assert found("Zebulon Quartermaine") == {"Zebulon Quartermaine"}
    other = sqlite3.connect(db_path)  # another program (or copy) adds a name and an alias
    with other:
        other.execute("INSERT INTO contact (name, sort_name, match_key, is_organization, is_client, address, phone, "
                      "email, notes, billing_id) VALUES ('Xanthe Ollerenshaw', 'Ollerenshaw, Xanthe', "
                      "'xanthe ollerenshaw', 0, 0, '', '', '', '', '')")
    other.close()
    assert found("Xanthe Ollerenshaw") == {"Xanthe Ollerenshaw"}
