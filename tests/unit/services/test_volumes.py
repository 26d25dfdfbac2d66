"""A matter's physical files: barcode ids, finding a scanned id, moving, check-out and check-in, legal hold, the log."""

import sqlite3
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import IntegrityError

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.models import FileRecordRow
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import CheckOut, VolumeDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import locations, matters, volumes

TODAY = date(2026, 11, 23)  # the pinned clock's day


@pytest.fixture
def matter_id(store):
    return matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 2, 2)))


@pytest.fixture
def places(store):
    office = locations.add_location(store, None, "Main office", "office")
    cabinet = locations.add_location(store, office, "Cabinet A", "cabinet")
    storage = locations.add_location(store, None, "Iron Mountain", "storage")
    return {"office": office, "cabinet": cabinet, "box": locations.add_location(store, storage, "Box 17", "box")}


def at(store, day, hour):
    """Moves the store's clock (each step of a history its own moment)."""
    store.clock = Clock(fixed=datetime(2026, 11, day, hour))


def test_new_volumes_get_the_next_barcode_and_a_pre_printed_id_is_kept(store, matter_id, places):
    first = volumes.add_volume(store, VolumeDraft(matter_id, " Correspondence ", location_id=places["cabinet"]))
    second = volumes.add_volume(store, VolumeDraft(matter_id, "Pleadings vol. 2", medium="binder"))
    printed = volumes.add_volume(store, VolumeDraft(matter_id, "Discovery", medium="box", barcode=" oz 0042 "))
    after = volumes.add_volume(store, VolumeDraft(matter_id, "Billing"))
    assert [code for _id, code in (first, second, printed, after)] == ["F000001", "F000002", "OZ0042", "F000003"]
    volumes.add_volume(store, VolumeDraft(matter_id, "Notes", barcode="F000010"))
    assert volumes.add_volume(store, VolumeDraft(matter_id, "Drafts"))[1] == "F000011"

    item = volumes.volume(store, first[0])
    assert (item.barcode, item.label, item.medium, item.matter_number, item.client) == (
        "F000001", "Correspondence", "folder", "2026-0001", "Ana Rivera")
    assert (item.place, item.home, item.status, item.opened_on, item.where) == (
        "Main office ▸ Cabinet A", "Main office ▸ Cabinet A", "in_place", TODAY, "Main office ▸ Cabinet A")
    assert volumes.volume(store, second[0]).status == "unplaced"
    assert [(line.kind, line.to_text) for line in volumes.history(store, first[0])] == [
        ("created", "Main office ▸ Cabinet A")]


def test_a_duplicate_id_or_bad_input_is_refused_with_a_message(store, matter_id):
    volumes.add_volume(store, VolumeDraft(matter_id, "Correspondence"))
    with pytest.raises(ValidationError, match="The barcode id F000001 is already on another file"):
        volumes.add_volume(store, VolumeDraft(matter_id, "Pleadings", barcode="f000001"))
    for draft, field in ((VolumeDraft(matter_id, "  "), "label"), (VolumeDraft(None, "Pleadings"), "matter"),
                         (VolumeDraft(matter_id, "Pleadings", medium="crate"), "medium"),
                         (VolumeDraft(matter_id, "Pleadings", barcode="F-12"), "barcode"),
                         (VolumeDraft(9999, "Pleadings"), "matter"),
                         (VolumeDraft(matter_id, "Pleadings", location_id=9999), "location")):
        with pytest.raises(ValidationError) as refused:
            volumes.add_volume(store, draft)
        assert refused.value.field == field
    assert [item.barcode for item in volumes.listed(store)] == ["F000001"]


def test_two_volumes_with_the_same_id_are_impossible_in_the_database(store, db_path, matter_id):
    volumes.add_volume(store, VolumeDraft(matter_id, "Correspondence"))
    with pytest.raises(IntegrityError), store.write() as session:  # past the service's own check
        session.add(FileRecordRow(barcode="F000001", matter_id=matter_id, label="Twin", opened_on=TODAY))
    conn = sqlite3.connect(db_path)
    try:
        for code in ("F000001", ""):
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute("INSERT INTO file_record (barcode, matter_id, label, medium, location, box, opened_on, "
                             "notes) VALUES (?, ?, 'Twin', 'folder', '', '', '2026-11-23', '')", (code, matter_id))
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO file_record (barcode, matter_id, label, medium, location, box, opened_on, notes) "
                         "VALUES ('F000099', ?, 'Twin', 'paper', '', '', '2026-11-23', '')", (matter_id,))
    finally:
        conn.close()
    assert len(volumes.listed(store)) == 1


def test_a_scanned_id_is_found_whatever_its_case_and_spaces(store, matter_id):
    ids = [volumes.add_volume(store, VolumeDraft(matter_id, f"Volume {n}"))[0] for n in range(1, 13)]
    assert volumes.find_barcode(store, " f000012 ") == ids[11]
    assert volumes.find_barcode(store, "F 0000 07") == ids[6]
    assert volumes.lookup_barcode(store, "f000003") == ids[2]
    assert volumes.lookup_barcode(store, "Rivera") is None and volumes.lookup_barcode(store, "") is None


def test_an_unknown_id_names_the_nearest_ones(store, matter_id):
    for n in range(1, 13):
        volumes.add_volume(store, VolumeDraft(matter_id, f"Volume {n}"))
    with pytest.raises(ValidationError) as unknown:
        volumes.find_barcode(store, "F00012")  # a digit dropped
    assert unknown.value.message.startswith("No file has the barcode id F00012. Nearest: ")
    assert "F000012" in unknown.value.message.removeprefix("No file has the barcode id F00012.")
    with pytest.raises(ValidationError, match="letters A–Z and digits 0–9 only"):
        volumes.find_barcode(store, "F-000012")
    with pytest.raises(ValidationError, match="Enter the file's barcode id"):
        volumes.find_barcode(store, "   ")


def test_moving_into_and_out_of_storage_is_logged_as_such(store, matter_id, places):
    file_id, _code = volumes.add_volume(store, VolumeDraft(matter_id, "Correspondence", location_id=places["cabinet"]))
    at(store, 24, 9)
    volumes.move(store, file_id, places["box"], reason="Closed")
    assert (volumes.volume(store, file_id).status, volumes.volume(store, file_id).home) == (
        "in_storage", "Iron Mountain ▸ Box 17")
    assert [item.id for item in volumes.listed(store, status="in_storage")] == [file_id]
    at(store, 25, 9)
    volumes.move(store, file_id, places["office"])
    at(store, 25, 10)
    volumes.move(store, file_id, places["cabinet"])
    assert [(line.kind, line.from_text, line.to_text, line.reason) for line in volumes.history(store, file_id)] == [
        ("created", "", "Main office ▸ Cabinet A", ""),
        ("to_storage", "Main office ▸ Cabinet A", "Iron Mountain ▸ Box 17", "Closed"),
        ("returned", "Iron Mountain ▸ Box 17", "Main office", ""),
        ("moved", "Main office", "Main office ▸ Cabinet A", "")]
    with pytest.raises(ValidationError, match="is in \"Main office ▸ Cabinet A\" already"):
        volumes.move(store, file_id, places["cabinet"])


def test_check_out_says_who_has_it_and_check_in_returns_it_home(store, matter_id, places, two_attorney_firm):
    mary, _ken = two_attorney_firm(store)
    file_id, code = volumes.add_volume(store, VolumeDraft(matter_id, "Pleadings", location_id=places["cabinet"]))
    at(store, 23, 10)
    volumes.check_out(store, file_id, CheckOut(" Mary   Hale ", mary, "Hearing", date(2026, 11, 30)))
    item = volumes.volume(store, file_id)
    assert (item.status, item.out_to, item.place, item.home, item.due_back_on, item.where) == (
        "out", "Mary Hale", "", "Main office ▸ Cabinet A", date(2026, 11, 30), "Out: Mary Hale")

    for call in (lambda: volumes.check_out(store, file_id, CheckOut("Ken Ito")),
                 lambda: volumes.move(store, file_id, places["office"])):
        with pytest.raises(ValidationError) as refused:
            call()
        assert refused.value.message.startswith(f"{code} is checked out to Mary Hale since Mon 11/23/2026, due back "
                                                "Mon 11/30/2026")
    with pytest.raises(ValidationError, match="already past"):
        volumes.check_out(store, file_id, CheckOut("Ken Ito", due_on=TODAY - timedelta(days=1)))

    at(store, 30, 9)
    assert [v.id for v in volumes.overdue(store, date(2026, 12, 1))] == [file_id]
    assert volumes.overdue(store) == []
    assert volumes.check_in(store, file_id) == "Main office ▸ Cabinet A"
    item = volumes.volume(store, file_id)
    assert (item.status, item.out_to, item.place, item.location_id, item.due_back_on) == (
        "in_place", "", "Main office ▸ Cabinet A", places["cabinet"], None)
    with pytest.raises(ValidationError, match=f"{code} is not checked out; it is in \"Main office ▸ Cabinet A\""):
        volumes.check_in(store, file_id)
    log = volumes.history(store, file_id)
    assert [(line.kind, line.from_text, line.to_text, line.due_on, line.reason) for line in log[1:]] == [
        ("out", "Main office ▸ Cabinet A", "Mary Hale", date(2026, 11, 30), "Hearing"),
        ("in", "Mary Hale", "Main office ▸ Cabinet A", None, "")]
    assert [line.at for line in log[1:]] == [datetime(2026, 11, 23, 10).astimezone(timezone.utc),
                                             datetime(2026, 11, 30, 9).astimezone(timezone.utc)]


def test_an_overdue_file_is_listed_by_status(store, matter_id, places):
    file_id, _code = volumes.add_volume(store, VolumeDraft(matter_id, "Pleadings", location_id=places["cabinet"]))
    volumes.check_out(store, file_id, CheckOut("Courier", due_on=TODAY))
    at(store, 25, 9)
    assert volumes.volume(store, file_id).status == "overdue"
    assert [v.id for v in volumes.listed(store, status="overdue")] == [file_id]
    assert volumes.listed(store, status="in_place") == []
    with pytest.raises(ValidationError, match="Unknown status"):
        volumes.listed(store, status="lost")


def test_hold_and_release_are_logged_once(store, matter_id):
    ids = [volumes.add_volume(store, VolumeDraft(matter_id, label))[0] for label in ("Will", "Deeds")]
    with pytest.raises(ValidationError, match="Say why"):
        volumes.set_hold(store, ids, "  ")
    at(store, 24, 9)
    assert volumes.set_hold(store, ids, " Subpoena from Öztürk GmbH ") == 2
    assert volumes.set_hold(store, ids, "Again") == 0
    assert volumes.volume(store, ids[0]).hold_reason == "Subpoena from Öztürk GmbH"
    at(store, 25, 9)
    assert volumes.release_hold(store, ids[:1]) == 1
    assert volumes.release_hold(store, ids[:1]) == 0
    assert [(line.kind, line.reason) for line in volumes.history(store, ids[0])] == [
        ("created", ""), ("hold", "Subpoena from Öztürk GmbH"), ("released", "Was: Subpoena from Öztürk GmbH")]
    assert volumes.volume(store, ids[1]).hold_reason == "Subpoena from Öztürk GmbH"


def test_a_file_that_is_gone_or_destroyed_gives_a_message(store, db_path, matter_id, places):
    file_id, code = volumes.add_volume(store, VolumeDraft(matter_id, "Pleadings"))
    for call in (lambda: volumes.volume(store, 9999), lambda: volumes.history(store, 9999),
                 lambda: volumes.check_in(store, 9999)):
        with pytest.raises(ValidationError, match="no longer exists"):
            call()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE file_record SET destroyed_at = '2026-11-20 10:00:00' WHERE id = ?", (file_id,))
    conn.commit()
    conn.close()
    with pytest.raises(ValidationError, match=f"{code} was destroyed on Fri 11/20/2026"):
        volumes.move(store, file_id, places["office"])
    assert volumes.volume(store, file_id).status == "destroyed"
    assert [v.id for v in volumes.by_ids(store, [file_id, 9999])] == [file_id]


def test_who_has_a_file_says_since_when_in_local_time(store, matter_id, local_zone):
    local_zone("Pacific/Auckland")  # 9:30 on Monday there is still Sunday in UTC
    file_id, _code = volumes.add_volume(store, VolumeDraft(matter_id, "Pleadings"))
    volumes.check_out(store, file_id, CheckOut("Court reporter"))
    with pytest.raises(ValidationError, match=r"checked out to Court reporter since Mon 11/23/2026"):
        volumes.check_out(store, file_id, CheckOut("Pat Lee"))


def test_the_nearest_ids_are_the_fewest_keystrokes_away(store, matter_id):
    for _ in range(61):
        volumes.add_volume(store, VolumeDraft(matter_id, "Box"))
    with pytest.raises(ValidationError) as refused:
        volumes.find_barcode(store, "F00006O")  # the letter O for the last 0 of F000060
    assert "Nearest: F000060, " in refused.value.message
    with pytest.raises(ValidationError) as refused:
        volumes.find_barcode(store, "Q999999")
    assert "Nearest" not in refused.value.message  # nothing near: no guesses


def test_a_file_added_to_a_closed_matter_gets_its_retention(store):
    from legalsec_desktop.domain.matters import MatterDraft

    closed = matters.create_matter(store, MatterDraft("2017-0001", "Old lease", "Ana Rivera", date(2017, 1, 5),
                                                      status="closed", closed_on=date(2019, 9, 23)))
    file_id, _code = volumes.add_volume(store, VolumeDraft(closed, "Late find"))
    item = volumes.volume(store, file_id)
    assert (item.closed_on, item.destroy_after, item.retention) == (date(2019, 9, 23), date(2026, 9, 23), "Standard")
    assert "+ 7 years (Standard)" in item.retention_note
    assert [line.kind for line in volumes.history(store, file_id)] == ["created", "closed"]
