"""The docket read from the database: which events land in which part of the sheet, and the Word file."""

from datetime import date, datetime, time

import pytest
from docx import Document

from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.reports.docket import COLUMNS, DocketRequest
from legalsec_desktop.services import calendar, deadlines, docket, matters

DAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 30)
LA = "America/Los_Angeles"


@pytest.fixture
def practice(store, two_attorney_firm):
    mary, ken = two_attorney_firm(store)
    rivera = matters.create_matter(store, MatterDraft(
        "2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 1, 5), responsible_attorney_id=mary,
        court="U.S. District Court, C.D. Cal.", case_number="2:26-cv-01234", caption="Rivera v. Okafor",
        judge="Hon. J. Park", jurisdiction="US-FED", sol_date=date(2027, 1, 15), sol_note="Two years from the fall"))
    lee = matters.create_matter(store, MatterDraft("2026-0002", "Estate of Lee", "Sam Lee", date(2026, 2, 1),
                                                   responsible_attorney_id=ken))
    return store, rivera, lee, mary, ken


def add(store, matter, kind, title, day, start=None, who=(), **kw) -> int:
    draft = EventDraft(matter, kind, title, day, start is None, start, None, LA if start else "",
                       attendee_ids=who, **kw)
    return deadlines.save_event(store, draft)


def rows(report, starts: str) -> list[tuple[str, ...]]:
    table = next(s for s in report.sections if s.heading.startswith(starts)).table
    return [row for i, row in enumerate(table.rows) if i not in table.groups]


def events(report, starts: str) -> list[str]:
    return [row[COLUMNS.index("Event")].split("\n")[0] for row in rows(report, starts)]


def test_each_event_lands_in_its_part_of_the_sheet(practice):
    store, rivera, lee, mary, ken = practice
    add(store, rivera, "hearing", "Motion to compel", DAY, time(9, 30), (mary,), location="Courtroom 4B",
        notes="Bring the binder")
    add(store, lee, "deposition", "Deposition of Lee", DAY, time(8), (ken,))
    done = add(store, lee, "meeting", "Already met", DAY, time(7), (ken,))
    calendar.set_status(store, done, "done")
    [planned] = deadlines.plan_chain(store, date(2026, 11, 2), "US-FED", "answer", "personal")
    deadlines.add_computed(store, None, rivera, [planned], "AB")
    add(store, lee, "filing deadline", "Reply brief", date(2026, 11, 20), verified_by="KI")
    add(store, rivera, "filing deadline", "Pretrial statement", date(2026, 11, 30), verified_by="MAH")
    add(store, lee, "response deadline", "Discovery responses", date(2026, 12, 10))
    add(store, lee, "response deadline", "Far-off responses", date(2027, 3, 1))
    add(store, lee, "statute of limitations", "Wrongful death claim", date(2027, 2, 1), verified_by="KI")

    report = docket.docket_report(store, DocketRequest(DAY, zone=LA), NOW)
    assert report.header_lines[0] == "Okafor Law"
    assert events(report, "Hearings") == ["Deposition: Deposition of Lee", "Hearing: Motion to compel"]
    hearing = rows(report, "Hearings")[1]
    assert hearing[COLUMNS.index("When")] == "9:30 AM"
    assert hearing[COLUMNS.index("Caption / case no.")] == "Rivera v. Okafor\n2:26-cv-01234"
    assert hearing[COLUMNS.index("Court / room")] == "Courtroom 4B"
    assert (hearing[COLUMNS.index("Judge")], hearing[COLUMNS.index("Atty")]) == ("Hon. J. Park", "MAH")
    [answer] = rows(report, "Deadlines due today")
    assert answer[COLUMNS.index("Event")] == (
        "Response deadline: Answer due\nComplaint and summons served 2026-11-02; FRCP 12(a)(1)(A)(i)")
    assert answer[COLUMNS.index("Status")] == "Scheduled\nUnverified"
    assert events(report, "Coming up") == ["Filing deadline: Pretrial statement"]
    assert events(report, "Overdue") == ["Filing deadline: Reply brief"]
    assert events(report, "Unverified") == ["Response deadline: Answer due", "Response deadline: Discovery responses"]
    # The far-off responses, and the limitation date of Rivera (calendared from the matter, not yet verified).
    assert "2 more unverified deadlines fall after" in next(
        s for s in report.sections if s.heading.startswith("Unverified")).paragraphs[0]
    limits = rows(report, "Statutes of limitations")
    assert [(r[COLUMNS.index("Event")], r[COLUMNS.index("Notes")]) for r in limits] == [
        ("Statute of limitations: Limitation date on the matter", "Two years from the fall"),
        ("Statute of limitations: Wrongful death claim", "")]


def test_one_attorneys_docket_holds_their_matters_and_the_events_they_attend(practice):
    store, rivera, lee, mary, ken = practice
    add(store, rivera, "hearing", "Motion to compel", DAY, time(9, 30), (mary,))
    add(store, lee, "deposition", "Deposition of Lee", DAY, time(8), (ken,))
    add(store, lee, "meeting", "Lee strategy (Mary sits in)", DAY, time(11), (mary,))
    report = docket.docket_report(store, DocketRequest(DAY, attorney="mah"), NOW)
    assert events(report, "Hearings") == ["Hearing: Motion to compel",
                                          "Appointment / meeting: Lee strategy (Mary sits in)"]
    assert report.header_lines[1] == "Attorney: Mary Hale (MAH)"
    with pytest.raises(ValidationError, match="No timekeeper has the initials “ZZ”. Known initials: KI, MAH"):
        docket.docket_report(store, DocketRequest(DAY, attorney="ZZ"), NOW)


def test_a_repeating_event_appears_on_each_of_its_days(practice):
    store, rivera, _lee, mary, _ken = practice
    draft = EventDraft(rivera, "meeting", "Weekly call", date(2026, 11, 2), False, time(10), None, LA,
                       attendee_ids=(mary,), rrule="FREQ=WEEKLY")
    deadlines.save_event(store, draft)
    report = docket.docket_report(store, DocketRequest(DAY, days=7, ahead=14), NOW)  # the firm's zone: Eastern
    assert [r[COLUMNS.index("When")] for r in rows(report, "Hearings")] == ["Mon 11/23/2026\n1:00 PM\n(10:00 AM PST)"]
    assert len(rows(report, "Coming up")) == 2


def test_an_empty_day_is_a_clear_sheet(store):
    report = docket.docket_report(store, DocketRequest(DAY), NOW)
    assert report.sections[0].heading == "Nothing scheduled"
    assert all(not s.table.rows for s in report.sections if s.table is not None)


def test_the_word_file_has_a_real_table_whose_header_repeats_and_the_days_rows(practice, tmp_path):
    store, rivera, lee, mary, ken = practice
    add(store, rivera, "hearing", "Motion to compel", DAY, time(9, 30), (mary,), notes="word " * 400)
    add(store, lee, "deposition", "Deposition of Lee", DAY, time(8), (ken,))
    add(store, lee, "deposition", "Tomorrow's deposition", date(2026, 11, 24), time(8), (ken,))
    path = docket.save_docket_as_word(store, DocketRequest(DAY), tmp_path / "docket.docx", NOW)
    document = Document(str(path))
    hearings = document.tables[0]
    header = hearings.rows[0]
    assert [c.text for c in header.cells] == list(COLUMNS)
    assert header._tr.trPr.xpath("./w:tblHeader")  # repeats at the top of every page
    assert [r.cells[COLUMNS.index("Event")].text for r in hearings.rows[1:]] == [
        "Deposition: Deposition of Lee", "Hearing: Motion to compel"]
    assert hearings.rows[2].cells[COLUMNS.index("Notes")].text == ("word " * 400).strip()
    texts = "\n".join(p.text for p in document.paragraphs)
    assert "Docket for Monday, November 23, 2026" in texts and "Printed Mon 11/23/2026 at 7:30 AM" in texts
    assert document.sections[0].page_width > document.sections[0].page_height  # landscape


def test_a_word_file_that_cannot_be_written_leaves_the_earlier_one(practice, tmp_path, monkeypatch):
    store, *_ = practice
    earlier = tmp_path / "docket.docx"
    earlier.write_bytes(b"the earlier docket")
    with pytest.raises(UserFixableError, match="does not exist"):
        docket.save_docket_as_word(store, DocketRequest(DAY), tmp_path / "missing" / "docket.docx", NOW)

    def open_in_word(_source, _target):  # what Windows says when Word holds the file
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("legalsec_desktop.formats.files.os.replace", open_in_word)
    with pytest.raises(UserFixableError, match="open in another program"):
        docket.save_docket_as_word(store, DocketRequest(DAY), earlier, NOW)
    assert earlier.read_bytes() == b"the earlier docket"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".docx"] == ["docket.docx"]  # no temporary left


def test_a_docket_with_text_pasted_from_word_saves_as_word(practice, tmp_path):
    store, rivera, lee, mary, ken = practice
    add(store, rivera, "hearing", "Motion\x0bto compel\x01", DAY, time(9, 30), (mary,), notes="Bring\x0bexhibits\x1f")
    path = docket.save_docket_as_word(store, DocketRequest(DAY), tmp_path / "docket.docx", NOW)
    row = Document(str(path)).tables[0].rows[1]
    assert row.cells[COLUMNS.index("Event")].text == "Hearing: Motion\nto compel"
    assert row.cells[COLUMNS.index("Notes")].text == "Bring\nexhibits"


def test_the_word_docket_says_who_made_it_and_when_not_python_docx(tmp_path):
    from datetime import datetime, timezone

    from docx import Document

    from legalsec_desktop.domain.report import Report, Section
    from legalsec_desktop.formats.docx_report import write_docx

    made = datetime(2026, 11, 23, 8, 15)
    path = write_docx(Report("Docket for Monday", ("Okafor Law",), (Section("Today"),), author="Okafor Law",
                             made_at=made), tmp_path / "docket.docx")
    properties = Document(str(path)).core_properties
    assert properties.author == "Okafor Law" and properties.title == "Docket for Monday"
    assert "python-docx" not in (properties.comments + properties.author + properties.last_modified_by)
    assert properties.created == properties.modified == made.astimezone(timezone.utc)


def test_times_are_in_the_firms_zone_the_computers_when_it_says_else_the_firms_rules(practice, monkeypatch):
    from legalsec_desktop.clock import Clock

    store, rivera, _lee, mary, _ken = practice
    add(store, rivera, "hearing", "Motion to compel", DAY, time(9, 30), (mary,))
    report = docket.docket_report(store, DocketRequest(DAY), NOW)
    assert "Times are EST (America/New_York); a time in another zone is marked with its own." in report.header_lines
    assert rows(report, "Hearings")[0][COLUMNS.index("When")] == "12:30 PM\n(9:30 AM PST)"
    monkeypatch.setattr(Clock, "zone_name", lambda self: LA)  # an office computer in California
    report = docket.docket_report(store, DocketRequest(DAY), NOW)
    assert rows(report, "Hearings")[0][COLUMNS.index("When")] == "9:30 AM"


def test_a_past_day_lists_what_was_done_and_a_forgotten_hearing_is_not_overdue_ever_after(practice):
    store, rivera, lee, mary, ken = practice
    friday = date(2026, 11, 20)
    held = add(store, rivera, "hearing", "Case management conference", friday, time(9), (mary,))
    calendar.set_status(store, held, "done")
    add(store, lee, "deposition", "Deposition of Ortiz", friday, time(13), (ken,))
    filed = add(store, lee, "filing deadline", "Reply brief", friday, verified_by="KI")
    calendar.set_status(store, filed, "done")
    add(store, lee, "filing deadline", "Status report", friday, verified_by="KI")

    that_day = docket.docket_report(store, DocketRequest(friday, ahead=0, zone=LA), NOW)
    assert report_has_no(that_day, "Nothing scheduled")
    assert [(r[0], r[COLUMNS.index("Event")], r[COLUMNS.index("Status")]) for r in rows(that_day, "Hearings")] == [
        ("✓", "Hearing: Case management conference", "Done"),
        ("", "Deposition: Deposition of Ortiz", "Not marked done")]
    assert [(r[0], r[COLUMNS.index("Status")]) for r in rows(that_day, "Deadlines due")] == [
        ("✓", "Done"), ("", "Not marked done")]
    assert report_has_no(that_day, "Past hearings")  # shown once: on its own day, not again below

    monday = docket.docket_report(store, DocketRequest(DAY, zone=LA), NOW)
    assert events(monday, "Overdue") == ["Filing deadline: Status report"]
    assert events(monday, "Past hearings and appointments not marked done") == ["Deposition: Deposition of Ortiz"]
    assert "Case management conference" not in str(monday)


def report_has_no(report, heading: str) -> bool:
    return not any(s.heading.startswith(heading) for s in report.sections)
