"""Migration 0009: every indexed paper file becomes a volume with a barcode id in a place made from what was typed;
the movement log and the destruction register refuse changes, from every older fixture and in a new database."""

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from legalsec_desktop.db.search_index import owns_table
from legalsec_desktop.db.migrate import alembic_config
from legalsec_desktop.db.models import search_key_of
from legalsec_desktop.db.schema_version import KNOWN_REVISIONS
from legalsec_desktop.db.store import make_engine
from legalsec_desktop.domain.names import search_fold
from legalsec_desktop.services.database import open_database

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "migrations"
OLDER = [revision for revision in KNOWN_REVISIONS if revision < "0009"]
TRIGGERS = {"file_movement_UPDATE_refused", "file_movement_DELETE_refused", "destruction_UPDATE_refused",
            "destruction_DELETE_refused", "file_record_DELETE_refused", "file_record_destroyed_kept"}
OFFSITE_WORDS = re.compile(r"storage|off-?site|iron mountain|archive")  # as the migration reads a place's name


LEGACY_NOTE = ("Destroy-after date as typed in the file index before retention rules (upgrade to revision 0009); "
               "no retention rule was chosen: check it against the firm's rules before destroying.")


def copy_of(revision: str, tmp_path: Path) -> Path:
    path = tmp_path / f"rev-{revision} copy.db"
    shutil.copyfile(FIXTURES / f"rev-{revision}.db", path)
    return path


def rows(path: Path, sql: str, *params: object) -> list[sqlite3.Row]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def typed_by_hand(path: Path) -> None:
    """What people typed that the demo does not: odd spaces and case for a known place, a place with no box,
    a paper file with no place at all."""
    conn = sqlite3.connect(path)
    try:
        ids = [row[0] for row in conn.execute("SELECT id FROM file_record WHERE medium = 'paper' ORDER BY id")]
        conn.execute("UPDATE file_record SET location = '  cabinet   a ', box = ' Box  9 ' WHERE id = ?", (ids[0],))
        conn.execute("UPDATE file_record SET location = 'Keller — Regal 4', box = '' WHERE id = ?", (ids[1],))
        conn.execute("UPDATE file_record SET location = '', box = '' WHERE id = ?", (ids[2],))
        conn.execute("UPDATE file_record SET location = 'Archive room', box = 'Box 1' WHERE id = ?", (ids[3],))
        # typed as paths are typed now: each level its own place
        conn.execute("UPDATE file_record SET location = 'Main office > Cabinet D', box = 'Drawer 2' WHERE id = ?",
                     (ids[4],))
        conn.commit()
    finally:
        conn.close()


def normal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("revision", OLDER)
def test_every_paper_file_becomes_a_volume_in_the_place_that_was_typed(revision, tmp_path):
    path = copy_of(revision, tmp_path)
    typed_by_hand(path)
    before = {row["id"]: dict(row) for row in rows(path, "SELECT * FROM file_record")}
    assert sum(row["medium"] == "paper" for row in before.values()) > 20
    assert sum(row["medium"] == "digital" for row in before.values()) > 5

    open_database(path, tmp_path / "backups").close()

    after = {row["id"]: dict(row) for row in rows(path, "SELECT * FROM file_record")}
    places = {row["id"]: dict(row) for row in rows(path, "SELECT * FROM storage_location")}
    created = {}
    for line in rows(path, "SELECT * FROM file_movement ORDER BY id"):
        assert line["file_id"] not in created, "one 'created' line per file, and nothing else"
        created[line["file_id"]] = dict(line)
    assert sorted(after) == sorted(before) == sorted(created)
    assert len({row["barcode"] for row in after.values()}) == len(after)
    for file_id, old in before.items():
        new, line = after[file_id], created[file_id]
        assert new["barcode"] == f"F{file_id:06d}"
        for column in ("matter_id", "label", "location", "box", "opened_on", "closed_on", "destroy_after", "notes"):
            assert new[column] == old[column], (file_id, column)  # what was typed stays as typed
        assert new["search_key"] == search_key_of("file_record", new)
        assert (new["out_to"], new["out_timekeeper_id"], new["hold_reason"], new["destroyed_at"]) == ("", None, "",
                                                                                                      None)
        assert (line["kind"], line["from_text"], line["from_location_id"], line["timekeeper_id"]) == (
            "created", "", None, None)
        assert line["at"] == f"{old['opened_on']} 12:00:00.000000"
        if old["medium"] == "digital" or not old["location"].strip():
            assert new["medium"] == ("digital" if old["medium"] == "digital" else "folder")
            assert new["location_id"] is new["home_location_id"] is line["to_location_id"] is None
            assert line["to_text"] == old["location"]
            continue
        assert new["medium"] == "folder"
        assert new["home_location_id"] == new["location_id"] == line["to_location_id"]
        place = places[new["location_id"]]
        assert new["retention_note"] == ("" if old["destroy_after"] is None else LEGACY_NOTE)
        if ">" in old["location"]:
            assert place["path"] == "Main office ▸ Cabinet D ▸ Drawer 2" and place["kind"] == "drawer"
            assert places[places[place["parent_id"]]["parent_id"]]["path"] == "Main office"
            continue
        typed = normal(old["location"]) + (f" ▸ {normal(old['box'])}" if old["box"].strip() else "")
        assert place["path_key"] == search_fold(typed) and place["path"].casefold() == typed.casefold()
        assert line["to_text"] == place["path"]
        offsite = bool(OFFSITE_WORDS.search(old["location"].casefold()))
        assert bool(place["offsite"]) == offsite, typed
        if old["box"].strip():
            parent = places[place["parent_id"]]
            assert (parent["path"].casefold(), parent["parent_id"]) == (normal(old["location"]).casefold(), None)
            assert bool(parent["offsite"]) == offsite and place["kind"] == "box"
        else:
            assert place["parent_id"] is None
    assert {row["kind"] for row in places.values() if row["offsite"]} == {"storage", "box"}
    assert any(not row["offsite"] for row in places.values())
    # odd spaces folded away; one place per name whatever its case (spelled as it was first typed)
    assert [place["path"] for place in places.values() if place["path_key"] == "cabinet a ▸ box 9"] == [
        "cabinet a ▸ Box 9"]
    assert [place["path"] for place in places.values() if place["path_key"] == "cabinet a"] == ["cabinet a"]
    assert len({place["path_key"] for place in places.values()}) == len(places)
    rules = rows(path, "SELECT name, practice_area, years FROM retention_rule ORDER BY position")
    assert [tuple(rule) for rule in rules] == [("Standard", "", 7), ("Estate planning", "Estate planning", 10),
                                               ("Minor client", "", 21), ("Wills and original documents", "", None)]
    items = rows(path, "SELECT text, \"check\" FROM closing_item ORDER BY position")
    assert [item["check"] for item in items] == ["deadlines", "unbilled", "todos", "files_in", "", ""]
    assert TRIGGERS <= {row[0] for row in rows(path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}


def refusals(path: Path) -> dict[str, str]:
    """Each change the database must refuse, tried with plain sqlite3 (no program code), and the error it gave."""
    tried = {
        "update movement": "UPDATE file_movement SET reason = 'edited' WHERE id = (SELECT min(id) FROM file_movement)",
        "delete movement": "DELETE FROM file_movement WHERE id = (SELECT min(id) FROM file_movement)",
        "delete every movement": "DELETE FROM file_movement",
        "update register": "UPDATE destruction SET approved_by = 'XX'",
        "delete register": "DELETE FROM destruction",
        "delete file": "DELETE FROM file_record WHERE id = (SELECT min(id) FROM file_record)",
        "undestroy": "UPDATE file_record SET destroyed_at = NULL WHERE destroyed_at IS NOT NULL",
        "move to another batch": "UPDATE file_record SET destruction_id = NULL WHERE destroyed_at IS NOT NULL",
    }
    errors = {}
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO destruction (certificate_number, approved_by, approved_by_name, approved_on, "
                     "destroyed_on, method, destroyed_by, witness, notes, recorded_at, recorded_by, file_count) "
                     "VALUES ('CD-1', 'MAH', 'Mary Hale', '2026-11-20', '2026-11-21', 'Shredding', 'Reißwolf GmbH', "
                     "'', '', '2026-11-21 10:00:00', 'LS', 1)")
        conn.execute("UPDATE file_record SET destroyed_at = '2026-11-21 10:00:00', destruction_id = "
                     "(SELECT id FROM destruction WHERE certificate_number = 'CD-1') "
                     "WHERE id = (SELECT max(id) FROM file_record)")  # destroying a file is allowed, once
        conn.commit()
        for what, sql in tried.items():
            with pytest.raises(sqlite3.IntegrityError) as refused:
                conn.execute(sql)
            errors[what] = str(refused.value)
            conn.rollback()
        conn.execute("UPDATE file_record SET notes = 'the program updates files' WHERE id = "
                     "(SELECT min(id) FROM file_record)")  # a file row changes; it is never deleted
        conn.commit()
    finally:
        conn.close()
    return errors


def test_an_upgraded_database_refuses_to_change_the_log_and_the_register(tmp_path):
    path = copy_of(OLDER[-1], tmp_path)
    open_database(path, tmp_path / "backups").close()
    log_before = [tuple(row) for row in rows(path, "SELECT * FROM file_movement ORDER BY id")]
    files = rows(path, "SELECT count(*) FROM file_record")[0][0]

    errors = refusals(path)

    assert errors["update movement"] == errors["delete movement"] == "The movement log is never changed or deleted"
    register = "The destruction register is never changed or deleted"
    assert errors["update register"] == errors["delete register"] == register
    assert errors["delete file"] == "A file record is never changed or deleted"
    assert errors["undestroy"] == errors["move to another batch"] == "A destroyed file stays destroyed"
    assert [tuple(row) for row in rows(path, "SELECT * FROM file_movement ORDER BY id")] == log_before
    assert rows(path, "SELECT count(*) FROM file_record")[0][0] == files
    assert [tuple(row) for row in rows(path, "SELECT certificate_number, approved_by FROM destruction")] == [
        ("CD-1", "MAH")]


def test_a_new_database_has_the_triggers_too(tmp_path):
    path = tmp_path / "Neue Kanzlei" / "new.db"
    store = open_database(path, tmp_path / "backups")
    try:
        from legalsec_desktop.domain.file_room import VolumeDraft
        from legalsec_desktop.domain.matters import MatterDraft
        from legalsec_desktop.services import matters, volumes

        matter_id = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                             store.clock.today()))
        volumes.add_volume(store, VolumeDraft(matter_id, "Correspondence"))
    finally:
        store.close()
    assert TRIGGERS <= {row[0] for row in rows(path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert len(refusals(path)) == 8


def downgrade_to(path: Path, revision: str) -> None:
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")
            with connection.begin():
                config = alembic_config()
                config.attributes["connection"] = connection
                command.downgrade(config, revision)
    finally:
        engine.dispose()


def everything(path: Path) -> dict[str, list[tuple]]:
    tables = [row[0] for row in rows(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
              if not owns_table(row[0])]  # the search index is derived, and some of its tables have no rowid
    return {table: [tuple(row) for row in rows(path, f'SELECT * FROM "{table}" ORDER BY rowid')] for table in tables}


def test_opening_again_changes_nothing_and_down_then_up_gives_the_same_volumes(tmp_path):
    path = copy_of(OLDER[-1], tmp_path)
    before = everything(path)
    open_database(path, tmp_path / "backups").close()
    upgraded = everything(path)
    open_database(path, tmp_path / "backups").close()
    assert everything(path) == upgraded

    downgrade_to(path, OLDER[-1])
    down = everything(path)
    assert sorted(down) == sorted(before)
    for table, old_rows in before.items():
        if table != "file_record":
            assert down[table] == old_rows, table
    columns = [row[1] for row in rows(path, "PRAGMA table_info(file_record)")]
    key = columns.index("search_key")
    # the medium word comes back; the search key keeps the barcode id the file had (a word no one searches for)
    assert [row[:key] + row[key + 1:] for row in down["file_record"]] == [
        row[:key] + row[key + 1:] for row in before["file_record"]]

    open_database(path, tmp_path / "backups").close()
    assert everything(path) == upgraded
