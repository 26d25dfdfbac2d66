"""The docket sheet's content, built in the core from plain lines (no database, no Qt)."""

from datetime import date, datetime

import pytest

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.reports.docket import (
    COLUMNS,
    NO_ATTORNEY,
    DocketData,
    DocketLine,
    DocketRequest,
    build_docket,
)

DAY = date(2026, 11, 23)
PRINTED = datetime(2026, 11, 23, 7, 45)
NAMES = {"MAH": "Mary Hale", "KI": "Ken Ito"}
LA = "America/Los_Angeles"


def data(**parts) -> DocketData:
    return DocketData(**{"in_range": [], "coming": [], "overdue": [], "unverified": [], "later_unverified": 0,
                         "limitations": [], **parts})


def section(report, starts: str):
    return next(s for s in report.sections if s.heading.startswith(starts))


def column(table, name: str) -> list[str]:
    index = COLUMNS.index(name)
    return [row[index] for i, row in enumerate(table.rows) if i not in table.groups]


HEARING = DocketLine(DAY, "hearing", "Motion to compel", start=datetime(2026, 11, 23, 9, 30), tz=LA,
                     matter_number="2026-0001", client="Ana Rivera", caption="Rivera v. Okafor",
                     case_number="2:26-cv-01234", court="U.S. District Court, C.D. Cal.", location="Courtroom 4B",
                     judge="Hon. J. Park", attorneys=("MAH",), notes="Bring the exhibits binder.")
EARLY = DocketLine(DAY, "deposition", "Deposition of Lee", start=datetime(2026, 11, 23, 8, 0), tz=LA,
                   matter_number="2026-0002", attorneys=("KI",))
ANSWER = DocketLine(DAY, "response deadline", "Answer due", matter_number="2026-0001", attorneys=("MAH",),
                    unverified=True, authority="Complaint served 2026-11-02, by mail; FRCP 12(a)(1)(A)(i), 6(d)")


def test_a_day_lists_hearings_by_time_and_deadlines_with_their_rule():
    report = build_docket(DocketRequest(DAY), data(in_range=[HEARING, ANSWER, EARLY]), "Okafor Law", NAMES, PRINTED)
    assert report.title == "Docket for Monday, November 23, 2026"
    assert report.header_lines == ("Okafor Law", "All attorneys", "Printed Mon 11/23/2026 at 7:45 AM")
    assert report.running_head == "Okafor Law — Docket for Monday, November 23, 2026"
    hearings = section(report, "Hearings and appointments").table
    assert column(hearings, "When") == ["8:00 AM PST", "9:30 AM PST"]
    assert column(hearings, "Event") == ["Deposition: Deposition of Lee", "Hearing: Motion to compel"]
    row = hearings.rows[1]
    assert row[0] == ""  # the box to tick on paper
    assert row[COLUMNS.index("Caption / case no.")] == "Rivera v. Okafor\n2:26-cv-01234"
    assert row[COLUMNS.index("Court / room")] == "Courtroom 4B"  # where the hearing is; the court is the matter's
    assert (row[COLUMNS.index("Judge")], row[COLUMNS.index("Notes")]) == ("Hon. J. Park", "Bring the exhibits binder.")
    deadlines = section(report, "Deadlines due today").table
    assert deadlines.rows[0][COLUMNS.index("Event")] == (
        "Response deadline: Answer due\nComplaint served 2026-11-02, by mail; FRCP 12(a)(1)(A)(i), 6(d)")
    assert deadlines.rows[0][COLUMNS.index("Status")] == "Scheduled\nUnverified" and deadlines.marked == {0}


def test_summer_times_carry_their_zone():
    july = DocketLine(date(2026, 7, 1), "hearing", "Status conference", start=datetime(2026, 7, 1, 14, 0), tz=LA)
    report = build_docket(DocketRequest(date(2026, 7, 1)), data(in_range=[july]), "", NAMES, PRINTED)
    assert column(section(report, "Hearings").table, "When") == ["2:00 PM PDT"]


def test_an_empty_day_says_nothing_is_scheduled_and_still_lists_what_needs_attention():
    late = DocketLine(date(2026, 11, 20), "filing deadline", "Reply brief", attorneys=("KI",))
    report = build_docket(DocketRequest(DAY), data(overdue=[late]), "Okafor Law", NAMES, PRINTED)
    first = report.sections[0]
    assert first.heading == "Nothing scheduled"
    assert "Nothing is scheduled for Monday, November 23, 2026" in first.paragraphs[0]
    assert section(report, "Hearings").table.rows == []
    assert section(report, "Hearings").table.empty_text == "No hearings or appointments today."
    assert column(section(report, "Overdue").table, "When") == ["Fri 11/20/2026\nAll day"]


def test_a_range_shows_the_day_of_each_item_and_names_the_period():
    tuesday = DocketLine(date(2026, 11, 24), "hearing", "Trial setting", start=datetime(2026, 11, 24, 10, 0), tz=LA)
    report = build_docket(DocketRequest(DAY, days=7), data(in_range=[tuesday, HEARING]), "", NAMES, PRINTED)
    assert report.title == "Docket for Mon 11/23/2026 – Sun 11/29/2026"
    assert column(section(report, "Hearings").table, "When") == ["Mon 11/23/2026\n9:30 AM PST",
                                                                  "Tue 11/24/2026\n10:00 AM PST"]
    assert section(report, "Coming up").heading == "Coming up in the next 7 days (from Mon 11/30/2026)"


def test_grouping_by_attorney_starts_each_attorney_on_a_new_page_and_lists_shared_items_under_each():
    shared = DocketLine(DAY, "meeting", "Case strategy", start=datetime(2026, 11, 23, 11, 0), tz=LA,
                        attorneys=("MAH", "KI"))
    nobody = DocketLine(DAY, "reminder", "Order toner")
    report = build_docket(DocketRequest(DAY, by_attorney=True), data(in_range=[HEARING, EARLY, shared, nobody]),
                          "", NAMES, PRINTED)
    titles = [s for s in report.sections if s.level == 1]
    assert [(s.heading, s.new_page) for s in titles] == [
        ("Mary Hale (MAH)", False), ("Ken Ito (KI)", True), (NO_ATTORNEY, True)]
    assert all(not s.new_page for s in report.sections if s.level != 1)
    starts = [report.sections.index(s) for s in titles] + [len(report.sections)]
    pages = [report.sections[a + 1:b] for a, b in zip(starts, starts[1:])]

    def events_in(sections, starts_with):
        return column(next(s for s in sections if s.heading.startswith(starts_with)).table, "Event")

    assert events_in(pages[0], "Hearings") == ["Hearing: Motion to compel", "Appointment / meeting: Case strategy"]
    assert events_in(pages[1], "Hearings") == ["Deposition: Deposition of Lee", "Appointment / meeting: Case strategy"]
    assert events_in(pages[2], "Reminders and ticklers") == ["Reminder / tickler: Order toner"]
    assert all(not s.table.groups for s in report.sections if s.table is not None)


def test_ticklers_and_reminders_are_listed_as_such_not_as_hearings():
    tickler = DocketLine(DAY, "reminder", "Call the court reporter", attorneys=("MAH",))
    report = build_docket(DocketRequest(DAY), data(in_range=[HEARING, tickler]), "", NAMES, PRINTED)
    assert column(section(report, "Hearings").table, "Event") == ["Hearing: Motion to compel"]
    assert section(report, "Reminders and ticklers").heading == "Reminders and ticklers today"
    assert column(section(report, "Reminders and ticklers").table, "Event") == [
        "Reminder / tickler: Call the court reporter"]
    quiet = build_docket(DocketRequest(DAY), data(in_range=[HEARING]), "", NAMES, PRINTED)
    assert not any(s.heading.startswith("Reminders") for s in quiet.sections)


def test_court_or_room_is_where_the_event_is_and_the_matters_court_only_without_one():
    at_court = DocketLine(DAY, "filing deadline", "Opposition due", court="Superior Court, Dept. 12")
    report = build_docket(DocketRequest(DAY), data(in_range=[HEARING, at_court]), "", NAMES, PRINTED)
    assert column(section(report, "Hearings").table, "Court / room") == ["Courtroom 4B"]
    assert column(section(report, "Deadlines").table, "Court / room") == ["Superior Court, Dept. 12"]


def test_one_zone_per_sheet_and_a_zone_only_on_rows_in_another():
    eastern = DocketLine(DAY, "hearing", "Status conference", start=datetime(2026, 11, 23, 11, 0),
                         tz="America/New_York")
    report = build_docket(DocketRequest(DAY, zone=LA), data(in_range=[HEARING, EARLY, eastern]), "", NAMES, PRINTED)
    assert column(section(report, "Hearings").table, "When") == ["8:00 AM\n(11:00 AM EST)", "8:00 AM", "9:30 AM"]
    assert "Times are PST (America/Los_Angeles); a time in another zone is marked with its own." in report.header_lines
    eastern_sheet = build_docket(DocketRequest(DAY, zone="America/New_York"), data(in_range=[HEARING, eastern]), "",
                                 NAMES, PRINTED)
    assert column(section(eastern_sheet, "Hearings").table, "When") == ["11:00 AM", "12:30 PM\n(9:30 AM PST)"]


def test_a_past_days_sheet_ticks_what_was_done_and_says_what_is_not_marked_done():
    friday = date(2026, 11, 20)
    done = DocketLine(friday, "hearing", "Case management conference", status="done",
                      start=datetime(2026, 11, 20, 9, 0), tz=LA)
    forgotten = DocketLine(friday, "deposition", "Deposition of Ortiz", start=datetime(2026, 11, 20, 13, 0), tz=LA)
    filed = DocketLine(friday, "filing deadline", "Reply brief", status="done")
    report = build_docket(DocketRequest(friday, zone=LA), data(in_range=[done, forgotten, filed]), "", NAMES, PRINTED)
    assert not any(s.heading == "Nothing scheduled" for s in report.sections)
    hearings = section(report, "Hearings").table
    assert [(r[0], r[COLUMNS.index("Status")]) for r in hearings.rows] == [("✓", "Done"), ("", "Not marked done")]
    assert [r[0] for r in section(report, "Deadlines due Fri 11/20/2026").table.rows] == ["✓"]
    assert section(report, "Hearings").paragraphs[0].startswith("A tick marks what was done")


def test_a_past_appointment_not_marked_done_is_listed_apart_not_as_overdue():
    forgotten = DocketLine(date(2026, 11, 20), "deposition", "Deposition of Ortiz",
                           start=datetime(2026, 11, 20, 13, 0), tz=LA)
    late = DocketLine(date(2026, 11, 20), "filing deadline", "Reply brief")
    report = build_docket(DocketRequest(DAY), data(overdue=[late], not_marked_done=[forgotten]), "", NAMES, PRINTED)
    assert column(section(report, "Overdue").table, "Event") == ["Filing deadline: Reply brief"]
    assert section(report, "Overdue").table.marked == {0}
    apart = section(report, "Past hearings and appointments not marked done")
    assert column(apart.table, "Event") == ["Deposition: Deposition of Ortiz"]
    assert column(apart.table, "Status") == ["Not marked done"]
    assert not any(s.heading.startswith("Past hearings") for s in build_docket(
        DocketRequest(DAY), data(overdue=[late]), "", NAMES, PRINTED).sections)


def test_one_attorneys_sheet_names_them_and_is_not_grouped():
    report = build_docket(DocketRequest(DAY, attorney="MAH", by_attorney=True), data(in_range=[HEARING]), "Okafor Law",
                          NAMES, PRINTED)
    assert "Attorney: Mary Hale (MAH)" in report.header_lines
    assert section(report, "Hearings").table.groups == frozenset()


def test_unverified_beyond_the_horizon_are_counted_and_limitations_listed():
    limit = DocketLine(date(2027, 1, 15), "statute of limitations", "Limitation date on the matter",
                       matter_number="2025-0040", notes="Two years from the accident")
    report = build_docket(DocketRequest(DAY), data(unverified=[ANSWER], later_unverified=3, limitations=[limit]),
                          "", NAMES, PRINTED)
    unverified = section(report, "Unverified deadlines")
    assert unverified.heading == "Unverified deadlines due by Wed 12/23/2026"
    assert unverified.paragraphs[0].startswith("3 more unverified deadlines fall after Wed 12/23/2026")
    limits = section(report, "Statutes of limitations within 90 days").table
    assert column(limits, "Notes") == ["Two years from the accident"]


def test_another_day_is_not_called_today():
    report = build_docket(DocketRequest(date(2026, 11, 24)), data(), "", NAMES, PRINTED)
    assert section(report, "Deadlines due").heading == "Deadlines due Tue 11/24/2026"


@pytest.mark.parametrize("request_, field", [
    (DocketRequest(DAY, days=0), "days"), (DocketRequest(DAY, days=32), "days"),
    (DocketRequest(DAY, ahead=-1), "ahead"), (DocketRequest(DAY, ahead=61), "ahead"),
])
def test_out_of_range_periods_are_refused_plainly(request_, field):
    with pytest.raises(ValidationError) as caught:
        build_docket(request_, data(), "", NAMES, PRINTED)
    assert caught.value.field == field and "outside" in caught.value.message
