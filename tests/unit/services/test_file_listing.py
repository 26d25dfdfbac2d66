"""The Files listing: its columns, sorted and filtered in SQL by matter, place (and inside it), status and text."""

from datetime import date

import pytest

from legalsec_desktop.domain.file_room import CheckOut, VolumeDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import listings, locations, matters, volumes
from legalsec_desktop.services.columns import COLUMNS
from legalsec_desktop.services.rows import FileFilters, FileListRow

TODAY = date(2026, 11, 23)  # the pinned clock's day


@pytest.fixture
def room(store):
    """Two matters; a drawer, a sibling whose name starts the same, a storage box; five files in them."""
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 1, 5)))
    shah = matters.create_matter(store, MatterDraft("2026-0002", "Estate of Shah", "Priya Shah", date(2026, 2, 1)))
    drawer = locations.add_path(store, "Main office > Cabinet A > Drawer 1")
    cabinet = locations.location_id_of(store, "Main office > Cabinet A")
    sibling = locations.add_path(store, "Main office > Cabinet AB")
    box = locations.add_location(store, locations.add_path(store, "Iron Mountain"), "Box 114", "box", offsite=True)
    made = {}
    for key, matter, label, place in (("pleadings", rivera, "Pleadings", drawer), ("discovery", rivera, "Discovery",
                                      drawer), ("old", shah, "Old will file", box), ("side", shah, "Tax returns",
                                      sibling), ("loose", shah, "Notes", None)):
        made[key] = volumes.add_volume(store, VolumeDraft(matter, label, "folder", place, date(2026, 3, 1)))[0]
    volumes.check_out(store, made["discovery"], CheckOut("Mary Hale", reason="Deposition", due_on=TODAY))
    volumes.check_out(store, made["pleadings"], CheckOut("Ken Ito", due_on=date(2026, 12, 4)))
    store.ids = dict(made, rivera=rivera, shah=shah, drawer=drawer, cabinet=cabinet, sibling=sibling, box=box)
    return store


def rows(store, **kwargs) -> dict[str, FileListRow]:
    ids = listings.list_ids(store, "files", **kwargs)
    found = listings.fetch_rows(store, "files", ids)
    return {found[i].label: found[i] for i in ids}


def test_each_row_says_where_the_file_is_and_its_status(room, pinned_clock):
    shown = rows(room)
    assert shown["Pleadings"].where == "Out: Ken Ito" and shown["Pleadings"].status == "Checked out"
    assert shown["Pleadings"].due_back_on == date(2026, 12, 4)
    assert shown["Old will file"].where == "Iron Mountain ▸ Box 114" and shown["Old will file"].status == "In storage"
    assert shown["Tax returns"].where == "Main office ▸ Cabinet AB" and shown["Tax returns"].status == "In place"
    assert shown["Notes"].where == "No location" and shown["Notes"].status == "No location"
    assert shown["Notes"].matter == "2026-0002" and shown["Notes"].client == "Priya Shah"
    assert shown["Notes"].medium == "Folder" and shown["Notes"].barcode.startswith("F")


def test_a_file_due_back_today_is_overdue_tomorrow(room, monkeypatch):
    from datetime import datetime

    from legalsec_desktop.clock import Clock

    assert rows(room)["Discovery"].status == "Checked out"  # due back today: not late yet
    monkeypatch.setattr(Clock, "now", lambda self: datetime(2026, 11, 24, 9, 0))
    assert rows(room)["Discovery"].status == "Overdue"
    assert list(rows(room, filters=FileFilters(status="overdue"))) == ["Discovery"]


@pytest.mark.parametrize("status, labels", [
    ("out", {"Pleadings", "Discovery"}),
    ("in_storage", {"Old will file"}),
    ("in_place", {"Tax returns"}),
    ("overdue", set()),
])
def test_the_status_filter(room, status, labels):
    assert set(rows(room, filters=FileFilters(status=status))) == labels


def test_a_place_lists_the_files_in_it_and_in_the_places_inside_it_not_a_sibling_named_alike(room):
    ids = room.ids
    volumes.check_in(room, ids["pleadings"])
    assert set(rows(room, filters=FileFilters(location_id=ids["cabinet"]))) == {"Pleadings"}
    assert set(rows(room, filters=FileFilters(location_id=ids["drawer"]))) == {"Pleadings"}
    assert set(rows(room, filters=FileFilters(location_id=ids["sibling"]))) == {"Tax returns"}
    main = locations.location_id_of(room, "Main office")
    assert set(rows(room, filters=FileFilters(location_id=main))) == {"Pleadings", "Tax returns"}


def test_the_matter_filter_and_filters_together(room):
    assert set(rows(room, filters=FileFilters(matter_id=room.ids["rivera"]))) == {"Pleadings", "Discovery"}
    assert set(rows(room, filters=FileFilters(matter_id=room.ids["shah"], status="in_storage"))) == {"Old will file"}


@pytest.mark.parametrize("text, labels", [
    ("iron mountain", {"Old will file"}),  # the place's path
    ("cabinet ab", {"Tax returns"}),
    ("mary", {"Discovery"}),  # who has it
    ("priya", {"Old will file", "Tax returns", "Notes"}),  # the client
    ("okafor", {"Pleadings", "Discovery"}),  # the matter
])
def test_the_filter_box_finds_places_people_clients_and_matters(room, text, labels):
    assert set(rows(room, text=text)) == labels


def test_the_id_typed_into_the_filter_box_finds_its_file(room):
    code = volumes.volume(room, room.ids["loose"]).barcode
    assert list(rows(room, text=code.lower())) == ["Notes"]


@pytest.mark.parametrize("column", [c.key for c in COLUMNS["files"].columns])
def test_every_column_sorts_in_sql_both_ways(room, column):
    up = listings.list_ids(room, "files", column, False)
    down = listings.list_ids(room, "files", column, True)
    assert sorted(up) == sorted(down) and len(up) == 5
    if column == "status":  # by the status's place in STATUSES: checked out before in storage before in place
        shown = rows(room, sort=column, descending=False)
        assert [r.status for r in shown.values()] == ["Checked out", "Checked out", "In storage", "In place",
                                                      "No location"]
    elif column in ("barcode", "label", "matter", "where"):
        values = [getattr(r, column) for r in listings.fetch_rows(room, "files", up).values()]
        ordered = [getattr(listings.fetch_rows(room, "files", [i])[i], column) for i in up]
        assert ordered == sorted(values) and up != down


def test_a_file_on_hold_says_so_in_its_status(store, two_attorney_firm):
    from legalsec_desktop.domain.file_room import VolumeDraft
    from legalsec_desktop.domain.matters import MatterDraft
    from legalsec_desktop.services import listings, matters, volumes

    matter = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 1, 5)))
    held, free = (volumes.add_volume(store, VolumeDraft(matter, label))[0] for label in ("Held", "Free"))
    volumes.set_hold(store, [held], "Brown subpoena")
    rows = listings.fetch_rows(store, "files", [held, free])
    assert (rows[held].status, rows[free].status) == ("No location · on hold", "No location")
