"""The movement log is append-only: no call of services.volumes or services.locations changes or removes a line,
and the database refuses an UPDATE or DELETE that goes around the services."""

import inspect
import sqlite3
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.file_room_models import FileMovementRow
from legalsec_desktop.db.models import FileRecordRow
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import CheckOut, VolumeDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import locations, matters, volumes


def log_lines(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT * FROM file_movement ORDER BY id").fetchall()
    finally:
        conn.close()


def public_functions(module):
    return {name for name, function in inspect.getmembers(module, inspect.isfunction)
            if function.__module__ == module.__name__ and not name.startswith("_")}


def _appending(store, file_id):  # noqa: ANN001, ANN202
    with store.write() as session:
        volumes.log_movement(session, store, file_id, "moved", reason="Another service's action")


@pytest.fixture
def room(store, two_attorney_firm):
    """Two matters' files in a small hierarchy, one checked out, one on hold, each with a few log lines."""
    mary, _ken = two_attorney_firm(store)
    matter_id = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                         date(2026, 2, 2)))
    office = locations.add_location(store, None, "Main office", "office")
    cabinet = locations.add_location(store, office, "Cabinet A", "cabinet")
    locations.add_location(store, None, "Iron Mountain", "storage")
    box = locations.add_path(store, "Iron Mountain > Box 17", "box")  # inside storage: off-site too
    files = [volumes.add_volume(store, VolumeDraft(matter_id, label, location_id=cabinet))[0]
             for label in ("Correspondence", "Pleadings", "Discovery")]
    volumes.move(store, files[2], box)
    volumes.check_out(store, files[1], CheckOut("Mary Hale", mary, "Hearing", date(2026, 11, 30)))
    volumes.set_hold(store, files[:1], "Subpoena")
    return {"matter": matter_id, "office": office, "cabinet": cabinet, "box": box, "files": files, "mary": mary}


def test_no_service_call_changes_or_removes_a_line_of_the_log(store, db_path, room):
    files = room["files"]
    calls = {  # every public function of the two services, each run once over a file room with a log
        volumes: {
            "status_condition": lambda: volumes.status_condition("overdue", date(2026, 12, 1)),
            "volumes": lambda: volumes.volumes(store, limit=2),
            "listed": lambda: volumes.listed(store, room["matter"], "in_place"),
            "matter_volumes": lambda: volumes.matter_volumes(store, room["matter"]),
            "volume": lambda: volumes.volume(store, files[0]),
            "nearest_barcodes": lambda: _in_session(store, volumes.nearest_barcodes, "F00001"),
            "find_barcode": lambda: volumes.find_barcode(store, "f000002"),
            "lookup_barcode": lambda: volumes.lookup_barcode(store, "F000003"),
            "add_volume": lambda: volumes.add_volume(store, VolumeDraft(room["matter"], "Billing",
                                                                        location_id=room["office"])),
            "move": lambda: volumes.move(store, files[0], room["office"], "Desk"),
            "check_out": lambda: volumes.check_out(store, files[2], CheckOut("Courier")),
            "check_in": lambda: volumes.check_in(store, files[1]),
            "set_hold": lambda: volumes.set_hold(store, files, "Litigation hold"),
            "release_hold": lambda: volumes.release_hold(store, files),
            "history": lambda: volumes.history(store, files[0]),
            "overdue": lambda: volumes.overdue(store, date(2026, 12, 5), room["mary"]),
            "by_ids": lambda: volumes.by_ids(store, files),
            "timekeeper_named": lambda: volumes.timekeeper_named(store, "MAH"),  # where the module has it
            "log_movement": lambda: _appending(store, files[0]),  # appends a line: the earlier ones stay
        },
        locations: {
            "all_locations": lambda: locations.all_locations(store, include_retired=True),
            "location_choices": lambda: locations.location_choices(store),
            "files_kept_in": lambda: locations.files_kept_in(store, room["cabinet"]),
            "nearest_paths": lambda: _in_session(store, locations.nearest_paths, "Main ofice"),
            "find_location": lambda: _in_session(store, locations.find_location, "Main office > Cabinet A"),
            "location_id_of": lambda: locations.location_id_of(store, "Iron Mountain > Box 17"),
            "add_location": lambda: locations.add_location(store, room["office"], "Cabinet B", "cabinet"),
            "add_path": lambda: locations.add_path(store, "Main office > Cabinet B > Drawer 1", "drawer"),
            "rename_location": lambda: locations.rename_location(store, room["cabinet"], "Schrank A"),
            "retire_location": lambda: locations.retire_location(store, room["cabinet"]),  # refused: files
        },
    }
    lines = log_lines(db_path)
    assert len(lines) == 6
    for module, module_calls in calls.items():
        assert public_functions(module) <= set(module_calls), f"a public function of {module.__name__} is not run"
        for name in sorted(public_functions(module)):
            store.clock = Clock(fixed=datetime(2026, 11, 24, 9) + timedelta(minutes=len(lines)))
            try:
                module_calls[name]()
            except ValidationError:
                assert name == "retire_location"  # the one call above that is refused
            now = log_lines(db_path)
            assert now[:len(lines)] == lines, f"{module.__name__}.{name} changed the movement log"
            lines = now
    assert {line[4] for line in lines} >= {"created", "moved", "to_storage", "out", "in", "hold", "released"}


def _in_session(store, function, text):
    with store.read() as session:
        return function(session, text)


def test_the_database_refuses_to_change_the_log_around_the_services(store, db_path, room):
    before = log_lines(db_path)
    attempts = (update(FileMovementRow).values(reason="edited"), delete(FileMovementRow),
                delete(FileRecordRow).where(FileRecordRow.id == room["files"][0]))
    for statement in attempts:
        with pytest.raises(IntegrityError, match="never changed or deleted"), store.write() as session:
            session.execute(statement)
    with pytest.raises(IntegrityError, match="The movement log is never changed"), store.write() as session:
        line = session.get(FileMovementRow, before[0][0])
        line.to_text = "Somewhere else"
    conn = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="The movement log is never changed or deleted"):
            conn.execute("UPDATE file_movement SET at = '2020-01-01 00:00:00' WHERE id = ?", (before[0][0],))
    finally:
        conn.close()
    assert log_lines(db_path) == before
