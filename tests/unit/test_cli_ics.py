"""`legalsec ics import` and `legalsec ics export`: one line per event, a summary, the exit status, clear refusals."""

from datetime import date, time

import pytest
from icalendar import Calendar

from cli_run import run
from legalsec_desktop.db.store import open_store
from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.domain.firm import FirmProfile, Timekeeper
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import calendar, deadlines, ical, matters
from legalsec_desktop.services.firm import save_profile

GOOD = "BEGIN:VEVENT\nUID:{uid}\nDTSTART;VALUE=DATE:{day}\nSUMMARY:{title}\nEND:VEVENT\n"
MIXED = ("BEGIN:VCALENDAR\n" + GOOD.format(uid=1, day="20261204", title="Answer due")
         + "BEGIN:VEVENT\nUID:2\nDTSTART:20261205T100000Z\nDTSTART:20261206T100000Z\nSUMMARY:Twice\nEND:VEVENT\n"
         + GOOD.format(uid=3, day="20261207", title="Reply due") + "END:VCALENDAR\n")


@pytest.fixture
def ics_db(store, db_path):
    profile = save_profile(store, FirmProfile("Okafor Law", "", 6, "US-FED", "{year}-{seq:04d}", timekeepers=(
        Timekeeper("Mary Hale", "MAH", 30000), Timekeeper("Ken Ito", "KI", 25000))))
    mary = profile.timekeepers[0].id
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                      date(2026, 1, 5), responsible_attorney_id=mary))
    acme = matters.create_matter(store, MatterDraft("2026-0002", "Acme lease", "Acme Corp.", date(2026, 1, 5)))
    for matter, title, day in ((rivera, "Motion hearing", date(2026, 11, 23)),
                               (acme, "Lease review", date(2026, 11, 24)), (rivera, "Trial", date(2027, 3, 1))):
        deadlines.save_event(store, EventDraft(matter, "hearing", title, day, False, time(10), None, "America/New_York",
                                               attendee_ids=(mary,) if matter == rivera else ()))
    store.close()
    return db_path


def titles(db_path) -> list[str]:  # noqa: ANN001
    store = open_store(db_path)
    try:
        return sorted(o.title for o in calendar.events_between(store, date(2026, 1, 1), date(2028, 1, 1)))
    finally:
        store.close()


def test_import_prints_a_line_per_event_and_keeps_the_good_ones(ics_db, tmp_path, capsys):
    source = tmp_path / "court.ics"
    source.write_text(MIXED, encoding="utf-8")
    code, out, _ = run(["ics", "import", str(source), "--matter", "2026-0002", "--db", str(ics_db)], capsys)
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0] == "line 2: imported “Answer due” on 2026-12-04"
    assert lines[1] == "line 7: event “Twice” skipped: it has 2 DTSTART lines; an event has at most one"
    assert lines[2].startswith("line 13: imported “Reply due”")
    assert lines[3] == "Imported 2 events from court.ics; skipped 1."
    assert "Answer due" in titles(ics_db) and "Twice" not in titles(ics_db)
    store = open_store(ics_db)
    try:
        [answer] = calendar.events_between(store, date(2026, 12, 4), date(2026, 12, 5))
        assert answer.matter_id == ical.matter_id(store, "2026-0002")
    finally:
        store.close()


def test_a_dry_run_saves_nothing(ics_db, tmp_path, capsys):
    source = tmp_path / "court.ics"
    source.write_text(MIXED, encoding="utf-8")
    before = titles(ics_db)
    code, out, _ = run(["ics", "import", str(source), "--dry-run", "--db", str(ics_db)], capsys)
    assert code == 0 and "line 2: would import “Answer due”" in out
    assert out.strip().splitlines()[-1] == "Would import 2 events from court.ics; skipped 1."
    assert titles(ics_db) == before


def test_a_file_with_no_events_imports_nothing_and_succeeds(ics_db, tmp_path, capsys):
    source = tmp_path / "empty.ics"
    source.write_text("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", encoding="utf-8")
    code, out, _ = run(["ics", "import", str(source), "--db", str(ics_db)], capsys)
    assert (code, out.strip()) == (0, "Imported 0 events from empty.ics.")


@pytest.mark.parametrize("content, words", [
    (None, "cannot be read"),
    ("hello\n", "line 1 should be BEGIN:VCALENDAR"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261204\n", "never closed"),
    ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n", "no event of the file"),
])
def test_a_file_that_cannot_be_read_exits_1_with_a_message(ics_db, tmp_path, capsys, content, words):
    source = tmp_path / "bad.ics"
    if content is not None:
        source.write_text(content, encoding="utf-8")
    before = titles(ics_db)
    code, _, err = run(["ics", "import", str(source), "--db", str(ics_db)], capsys)
    assert code == 1 and words in err.strip().splitlines()[-1] and err.startswith("legalsec: ")
    assert titles(ics_db) == before


@pytest.mark.parametrize("args, code, words", [
    (["import", "{file}", "--matter", "2099-9999"], 1, "no matter numbered “2099-9999”"),
    (["import", "{folder}"], 1, "is a folder"),
    (["export", "--out", "{folder}/x.txt"], 1, "must end in .ics"),
    (["export", "--out", "{folder}/x.ics", "--attorney", "ZZ"], 1, "Known initials: KI, MAH"),
    (["export", "--out", "{folder}/x.ics", "--from", "2026-12-01", "--to", "2026-11-01"], 1, "is before --from"),
    (["export", "--out", "{folder}/x.ics", "--from", "2026-13-01"], 2, "not a date on the calendar"),
    (["export"], 2, "--out"),
    ([], 2, "ACTION"),
])
def test_bad_requests_get_a_clear_message(ics_db, tmp_path, capsys, args, code, words):
    source = tmp_path / "good.ics"
    source.write_text(MIXED, encoding="utf-8")
    argv = ["ics", *[a.format(file=source, folder=tmp_path) for a in args], "--db", str(ics_db)]
    found, _, err = run(argv, capsys)
    assert found == code and words in err, err
    assert not (tmp_path / "x.ics").exists()


def test_export_narrows_by_period_matter_and_attorney(ics_db, tmp_path, capsys):
    out = tmp_path / "out.ics"
    code, printed, _ = run(["ics", "export", "--out", str(out), "--db", str(ics_db)], capsys)
    assert (code, printed.strip()) == (0, f"Saved 3 events to {out}.")

    def summaries() -> list[str]:
        return sorted(str(e["summary"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT"))

    assert summaries() == ["Lease review [2026-0002]", "Motion hearing [2026-0001]", "Trial [2026-0001]"]
    run(["ics", "export", "--out", str(out), "--from", "2026-11-24", "--to", "2026-12-31", "--db", str(ics_db)],
        capsys)
    assert summaries() == ["Lease review [2026-0002]"]
    run(["ics", "export", "--out", str(out), "--matter", "2026-0001", "--db", str(ics_db)], capsys)
    assert summaries() == ["Motion hearing [2026-0001]", "Trial [2026-0001]"]
    code, printed, _ = run(["ics", "export", "--out", str(out), "--attorney", "mah", "--to", "2026-12-31",
                            "--db", str(ics_db)], capsys)
    assert (code, summaries()) == (0, ["Motion hearing [2026-0001]"]) and "Saved 1 event " in printed


def test_what_export_writes_import_reads_back(ics_db, tmp_path, capsys):
    out = tmp_path / "out.ics"
    run(["ics", "export", "--out", str(out), "--db", str(ics_db)], capsys)
    code, printed, _ = run(["ics", "import", str(out), "--dry-run", "--db", str(ics_db)], capsys)
    assert code == 0 and printed.strip().splitlines()[-1] == "Would import 3 events from out.ics."
    assert "“Motion hearing [2026-0001]” on 2026-11-23 10:00 America/New_York" in printed
