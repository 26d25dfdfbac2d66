"""What a matter's detail pane says (heading, overview, parties, log), checked without Qt."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services.matters import MatterSummary
from legalsec_desktop.services.rows import FileLocation, LogEntry, MatterParty, UpcomingEvent
from legalsec_desktop.ui.matters.matter_overview import (
    FILES_SHOWN,
    STATUS_COLOURS,
    WARNING,
    TableRow,
    conflict_names,
    facts,
    heading_html,
    limitation_near,
    log_rows,
    overview_html,
    party,
    party_rows,
)

TODAY = date(2026, 11, 23)
DRAFT = MatterDraft("2026-0001", "Smith v. Jones", "<b>Smith & Co</b>", date(2026, 1, 5), court="Cook County",
                    case_number="26-L-0042")


def summary(draft: MatterDraft = DRAFT, **changes) -> MatterSummary:
    plain = MatterSummary(id=1, draft=draft, client_id=3, client_phone="", client_email="", attorney="",
                          upcoming=[], overdue=0, time_minutes=0, unbilled_cents=0, time_entries=0, files=[],
                          communications=0, follow_ups=0)
    return replace(plain, **changes)


def test_a_client_named_in_markup_is_shown_as_text():
    html = overview_html(summary(client_phone="555-0100", client_email="a&b@example.com"), TODAY)
    assert "<b>Smith" not in html
    assert "<td>&lt;b&gt;Smith &amp; Co&lt;/b&gt;<br>555-0100 · a&amp;b@example.com</td>" in html
    heading = heading_html(summary(replace(DRAFT, title="<i>Smith</i> v. Jones")))
    assert "&lt;i&gt;Smith&lt;/i&gt; v. Jones" in heading and "<i>" not in heading


def test_a_new_matter_with_nothing_on_it_says_so_and_leaves_empty_facts_out():
    html = overview_html(summary(), TODAY)
    assert [label for label, _ in facts(summary(), TODAY)] == ["Client", "Court", "Case no.", "Opened"]
    assert "<td style='color:#555'>Caption</td>" not in html and "Attorney" not in html
    assert "<td>Mon 01/05/2026</td>" in html
    assert "<h4>Coming up · <a href='tab:calendar'>Calendar</a></h4><p>Nothing scheduled.</p>" in html
    assert "<p>0 entries, 0.0 hours; unbilled $0.00</p>" in html
    assert "<p>0 logged; 0 follow-up(s) due</p>" in html
    assert "<h4>Files · <a href='tab:files'>Files tab</a></h4><p>No files indexed.</p>" in html
    for tab in ("calendar", "time", "correspondence", "files"):
        assert f"href='tab:{tab}'" in html


def test_a_matter_with_no_parties_has_no_rows_and_nothing_to_check():
    assert party_rows([]) == [] and conflict_names([]) == ((), ())
    assert party([], 4) is None


def test_parties_read_as_capitalised_roles_and_the_conflict_check_takes_clients_and_adversaries():
    parties = [MatterParty(1, 11, "Ana Rivera", "client", "555-0100", "ana@example.com"),
               MatterParty(2, 12, "Okafor Ltd", "opposing party", "", ""),
               MatterParty(3, 13, "Lee & Park", "opposing counsel", "", "lp@example.com"),
               MatterParty(4, 14, "Dr. Chen", "expert", "", "")]
    assert party_rows(parties)[:2] == [TableRow(1, ("Ana Rivera", "Client", "555-0100", "ana@example.com")),
                                       TableRow(2, ("Okafor Ltd", "Opposing party", "", ""))]
    assert conflict_names(parties) == (("Ana Rivera",), ("Okafor Ltd", "Lee & Park"))
    assert party(parties, 3) == parties[2]


def test_log_rows_read_when_what_and_which_way():
    entries = [LogEntry(5, datetime(2026, 11, 20, 14, 5), "call", "in", "Ana Rivera", "Settlement offer",
                        date(2026, 12, 1)),
               LogEntry(6, datetime(2026, 11, 19, 9, 0), "fax", "out", "Court clerk", "Filing", None)]
    assert log_rows(entries) == [
        TableRow(5, ("Fri 11/20/2026 2:05 PM", "Call", "In", "Ana Rivera", "Settlement offer", "Tue 12/01/2026")),
        TableRow(6, ("Thu 11/19/2026 9:00 AM", "fax", "Out", "Court clerk", "Filing", "")),
    ]


@pytest.mark.parametrize(("sol", "status", "red"), [
    (date(2027, 2, 21), "open", True),  # 90 days ahead: the docket lists it too
    (date(2027, 2, 22), "open", False),
    (date(2026, 11, 1), "pending", True),  # passed and the matter is still live
    (date(2026, 12, 1), "closed", False),
])
def test_a_near_limitation_date_is_red_unless_the_matter_is_closed(sol, status, red):
    draft = replace(DRAFT, sol_date=sol, sol_note="Personal injury <2 yrs>", status=status,
                    closed_on=date(2026, 11, 2) if status == "closed" else None)
    assert limitation_near(draft, TODAY) is red
    html = overview_html(summary(draft), TODAY)
    assert ("<b style='color:#b00020'>" in html) is red
    assert "— Personal injury &lt;2 yrs&gt;" in html


def test_what_is_coming_up_shows_local_times_and_the_overdue_count():
    upcoming = [UpcomingEvent(date(2026, 11, 24), datetime(2026, 11, 24, 15, 30), "America/Chicago", "hearing",
                              "Motion <A>", "scheduled"),
                UpcomingEvent(date(2026, 11, 30), None, "", "filing deadline", "Reply brief", "scheduled")]
    html = overview_html(summary(upcoming=upcoming, overdue=2), TODAY)
    assert "<li>Tue 11/24/2026 9:30 AM — hearing: Motion &lt;A&gt;</li>" in html  # 15:30 UTC is 9:30 in Chicago
    assert "<li>Mon 11/30/2026 — filing deadline: Reply brief</li>" in html
    assert f"Coming up <b style='color:{WARNING}'>2 overdue</b> · " in html


def test_time_rate_notes_and_a_long_list_of_files():
    draft = replace(DRAFT, rate_override_cents=25000, notes="Line one\n<Line two>", status="closed",
                    closed_on=date(2026, 11, 2))
    files = [FileLocation(f"Box {n:02d}", "paper", "Room 2" if n == 0 else "") for n in range(FILES_SHOWN + 2)]
    html = overview_html(summary(draft, time_entries=3, time_minutes=90, unbilled_cents=37550, files=files,
                                 communications=4, follow_ups=1, attorney="Mary Hale (MAH)"), TODAY)
    assert "<p>3 entries, 1.5 hours; unbilled $375.50</p>" in html
    assert "<td>$250.00 an hour</td>" in html and "<td>Line one<br>&lt;Line two&gt;</td>" in html
    assert "<td>Mon 01/05/2026 · closed Mon 11/02/2026</td>" in html
    assert "<td>Mary Hale (MAH)</td>" in html and "<p>4 logged; 1 follow-up(s) due</p>" in html
    assert "<li>Box 00 (paper) — Room 2</li><li>Box 01 (paper)</li>" in html
    assert "Box 10" not in html and "<li>…and 2 more</li>" in html


def test_each_file_shows_its_id_where_it_is_and_its_status_overdue_in_red():
    files = [FileLocation("Pleadings <1>", "Binder", "Main office ▸ Cabinet A", "F000001", "in_place"),
             FileLocation("Discovery", "Box", "Out: Mary Hale", "F000002", "overdue"),
             FileLocation("Old notes", "Folder", "Destroyed", "F000003", "destroyed")]
    html = overview_html(summary(files=files), TODAY)
    assert "<li><b>F000001</b> Pleadings &lt;1&gt; (Binder) — Main office ▸ Cabinet A · In place</li>" in html
    assert (f"<li><b>F000002</b> Discovery (Box) — Out: Mary Hale · <b style='color:{WARNING}'>Overdue</b></li>"
            in html)
    assert "<li><b>F000003</b> Old notes (Folder) · Destroyed</li>" in html  # not "Destroyed" twice


@pytest.mark.parametrize("status", ["open", "pending", "closed", "archived"])
def test_the_heading_colours_the_status(status):
    html = heading_html(summary(replace(DRAFT, status=status)))
    assert f"color:{STATUS_COLOURS.get(status, STATUS_COLOURS['closed'])}; font-weight:bold'>{status.upper()}" in html
    assert html.startswith("<span style='font-size:15pt'><b>2026-0001</b>&nbsp; Smith v. Jones</span>")


def test_a_closed_matter_shows_its_closed_file_number_and_date_and_a_reopened_one_says_so():
    closed = replace(DRAFT, status="closed", closed_on=date(2026, 11, 2))
    html = overview_html(summary(closed, closed_number="C-2026-0007"), TODAY)
    assert "Closed file</td><td><b>C-2026-0007</b>, closed Mon 11/02/2026</td>" in html
    reopened = overview_html(summary(DRAFT, closed_number="C-2026-0007"), TODAY)
    assert "C-2026-0007 (reopened" in reopened
    assert "Closed file" not in overview_html(summary(DRAFT), TODAY)
