"""`legalsec files list | add | move | out | in | history`: exact options, one line per file, clear refusals."""

from datetime import date

import pytest

from cli_run import run
from legalsec_desktop.domain.firm import FirmProfile, Timekeeper
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import locations, matters
from legalsec_desktop.services.firm import save_profile


@pytest.fixture
def room_db(store, db_path):
    save_profile(store, FirmProfile("Okafor Law", "", 6, "US-FED", "{year}-{seq:04d}", timekeepers=(
        Timekeeper("Mary Hale", "MAH", 30000), Timekeeper("Ken Ito", "KI", 25000))))
    matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 1, 5)))
    matters.create_matter(store, MatterDraft("2026-0002", "Acme lease", "Öztürk GmbH", date(2026, 1, 5)))
    locations.add_path(store, "Main office > File room > Cabinet A", "cabinet")
    locations.add_path(store, "Main office > File room > Cabinet B", "cabinet")
    locations.add_location(store, None, "Iron Mountain", "storage")
    store.close()
    return db_path


def files(db, capsys, *argv):  # noqa: ANN001, ANN201
    return run(["files", *argv, "--db", str(db)], capsys)


def test_add_prints_the_new_id_and_list_prints_one_line_per_file(room_db, capsys):
    code, out, _ = files(room_db, capsys, "add", "--matter", "2026-0001", "--label", "Pleadings vol. 2",
                         "--location", "Main office > File room > Cabinet A")
    assert (code, out) == (0, "F000001\n")
    code, out, _ = files(room_db, capsys, "add", "--matter", "2026-0002", "--label", "Lease — drafts")
    assert (code, out) == (0, "F000002\n")
    code, out, _ = files(room_db, capsys, "list")
    assert code == 0
    assert out.splitlines() == [
        "F000001\t2026-0001\tPleadings vol. 2\tMain office ▸ File room ▸ Cabinet A\tin place",
        "F000002\t2026-0002\tLease — drafts\tno location\tno location",
    ]
    code, out, _ = files(room_db, capsys, "list", "--matter", "2026-0002")
    assert [line.split("\t")[0] for line in out.splitlines()] == ["F000002"]


def test_out_in_move_and_history(room_db, capsys):
    files(room_db, capsys, "add", "--matter", "2026-0001", "--label", "Correspondence", "--location",
          "main office ▸ file room ▸ cabinet a")  # either separator, any case
    code, out, _ = files(room_db, capsys, "out", "f000001", "--to", "mah", "--due", "2026-12-04", "--reason",
                         "Hearing prep")
    assert (code, out) == (0, "F000001 checked out to Mary Hale, due back 2026-12-04.\n")  # initials find the name
    code, out, _ = files(room_db, capsys, "list", "--status", "out")
    assert out == "F000001\t2026-0001\tCorrespondence\tout to Mary Hale (due 2026-12-04)\tout\n"
    code, _, err = files(room_db, capsys, "out", "F000001", "--to", "Ken Ito")
    assert code == 1 and "checked out to Mary Hale" in err and "due back" in err  # says who has it
    code, _, err = files(room_db, capsys, "move", "F000001", "--location", "Iron Mountain")
    assert code == 1 and "check it in first" in err
    code, out, _ = files(room_db, capsys, "in", "F000001")
    assert (code, out) == (0, "F000001 checked in to Main office ▸ File room ▸ Cabinet A.\n")
    code, _, err = files(room_db, capsys, "in", "F000001")
    assert code == 1 and "is not checked out; it is in \"Main office ▸ File room ▸ Cabinet A\"" in err
    code, out, _ = files(room_db, capsys, "move", "F000001", "--location", "Iron Mountain")
    assert (code, out) == (0, "F000001 moved to Iron Mountain.\n")
    code, out, _ = files(room_db, capsys, "list", "--status", "in-storage")
    assert out.startswith("F000001\t")
    code, out, _ = files(room_db, capsys, "history", "F000001")
    kinds = [line.split("\t")[1] for line in out.splitlines()]
    assert kinds == ["Created", "Checked out", "Checked in", "Sent to storage"]
    out_line = out.splitlines()[1].split("\t")
    assert out_line[2:4] == ["Main office ▸ File room ▸ Cabinet A", "Mary Hale"]
    assert out_line[5:] == ["2026-12-04", "Hearing prep"]


def test_an_unknown_or_mistyped_id_names_the_nearest(room_db, capsys):
    for _ in range(3):
        files(room_db, capsys, "add", "--matter", "2026-0001", "--label", "Vol")
    code, _, err = files(room_db, capsys, "history", "F00002")
    assert code == 1
    assert "No file has the barcode id F00002. Nearest: F000002" in err
    code, _, err = files(room_db, capsys, "in", "F-0002")
    assert code == 1 and "letters A–Z and digits 0–9 only" in err


def test_a_location_that_does_not_exist_is_refused_with_the_nearest(room_db, capsys):
    code, out, err = files(room_db, capsys, "add", "--matter", "2026-0001", "--label", "X", "--location",
                           "Main office > File room > Cabinet C")
    assert code == 1 and out == ""
    assert "\"Main office ▸ File room ▸ Cabinet C\" does not exist. Nearest: Main office ▸ File room ▸ Cabinet" in err
    code, out, _ = files(room_db, capsys, "list")
    assert out == ""  # nothing was added


def test_unknown_matter_and_status(room_db, capsys):
    code, _, err = files(room_db, capsys, "add", "--matter", "2031-0001", "--label", "X")
    assert code == 1 and "2031-0001" in err
    code, _, err = files(room_db, capsys, "list", "--status", "lost")
    assert code == 2 and "in-place, out, overdue, in-storage, due-for-review, on-hold, destroyed" in err


def test_overdue_is_counted_from_the_pinned_day(room_db, capsys, pinned_clock):
    files(room_db, capsys, "add", "--matter", "2026-0001", "--label", "Discovery")
    files(room_db, capsys, "out", "F000001", "--to", "Court reporter", "--due", pinned_clock.date().isoformat())
    code, out, _ = files(room_db, capsys, "list", "--status", "overdue")
    assert out == ""  # due today is not overdue
    code, _, err = files(room_db, capsys, "out", "F000001", "--to", "Ken Ito", "--due", "2020-01-01")
    assert code == 1


def test_files_on_legal_hold_are_listed_by_status(room_db, capsys):
    from legalsec_desktop.db.store import open_store
    from legalsec_desktop.services import volumes

    for label in ("Pleadings", "Discovery"):
        files(room_db, capsys, "add", "--matter", "2026-0001", "--label", label)
    store = open_store(room_db)
    try:
        volumes.set_hold(store, [volumes.find_barcode(store, "F000002")], "Subpoena in Brown v. Brown")
    finally:
        store.close()
    code, out, _ = files(room_db, capsys, "list", "--status", "on-hold")
    assert (code, [line.split("\t")[0] for line in out.splitlines()]) == (0, ["F000002"])
