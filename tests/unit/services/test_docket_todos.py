"""The docket's "To do" section: open to-dos due by the sheet's last day (overdue marked), the day's ticked ones."""

from datetime import date, datetime, timedelta

from docx import Document

from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.todos import TodoDraft
from legalsec_desktop.reports.docket import TODO_COLUMNS, DocketData, DocketRequest, TodoLine, build_docket
from legalsec_desktop.services import docket, matters, todos

DAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 30)


def to_do_section(report):
    return next(s for s in report.sections if s.heading == "To do").table


def test_the_sheet_lists_what_is_to_do_by_its_last_day_and_what_was_ticked_on_it(store, two_attorney_firm):
    mary, ken = two_attorney_firm(store)
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 1, 5),
                                                      responsible_attorney_id=mary))
    todos.save_todo(store, TodoDraft("Call the clerk about the hearing", DAY - timedelta(days=2), rivera, mary,
                                     "Ask for Dept. 4"))
    todos.save_todo(store, TodoDraft("Order toner", DAY, None, ken))
    ticked = todos.save_todo(store, TodoDraft("Send the retainer letter", DAY, rivera))
    todos.set_done(store, [ticked], True)
    old_done = todos.save_todo(store, TodoDraft("Long done", DAY - timedelta(days=5), rivera))
    todos.set_done(store, [old_done], True)
    todos.save_todo(store, TodoDraft("Next week", DAY + timedelta(days=7), rivera))

    report = docket.docket_report(store, DocketRequest(DAY), NOW)
    table = to_do_section(report)
    assert table.columns == TODO_COLUMNS
    assert table.rows == [
        ("", "Sat 11/21/2026\nOverdue", "Call the clerk about the hearing", "2026-0001\nAna Rivera", "MAH",
         "Ask for Dept. 4"),
        ("", "Mon 11/23/2026", "Order toner", "", "KI", ""),
        ("✓", "Mon 11/23/2026", "Send the retainer letter", "2026-0001\nAna Rivera", "", ""),
    ]
    assert table.marked == frozenset({0})  # the overdue one stands out

    mine = to_do_section(docket.docket_report(store, DocketRequest(DAY, attorney="KI"), NOW))
    assert [row[2] for row in mine.rows] == ["Order toner"]
    week = to_do_section(docket.docket_report(store, DocketRequest(DAY, days=7), NOW))
    assert "Next week" not in [row[2] for row in week.rows] and len(week.rows) == 3


def test_the_to_do_section_reaches_word_and_the_printed_sheet(store, tmp_path):
    todos.save_todo(store, TodoDraft("Renew the notary commission — „Büro“", DAY))
    path = docket.save_docket_as_word(store, DocketRequest(DAY), tmp_path / "docket.docx", NOW)
    document = Document(str(path))
    table = next(t for t in document.tables if [c.text for c in t.rows[0].cells] == list(TODO_COLUMNS))
    assert table.rows[1].cells[2].text == "Renew the notary commission — „Büro“"
    printed = to_do_section(docket.docket_report(store, DocketRequest(DAY), NOW))  # what the page layout draws
    assert printed.rows[0][2] == "Renew the notary commission — „Büro“"


def test_an_empty_to_do_list_says_so():
    empty = DocketData(in_range=[], coming=[], overdue=[], unverified=[], later_unverified=0, limitations=[])
    report = build_docket(DocketRequest(DAY), empty, "Firm", {}, NOW)
    assert to_do_section(report).rows == [] and to_do_section(report).empty_text == "Nothing to do by then."
    one = build_docket(DocketRequest(DAY), DocketData([], [], [], [], 0, [], todos=(TodoLine(DAY, "File the notice"),)),
                       "Firm", {}, NOW)
    assert to_do_section(one).rows == [("", "Mon 11/23/2026", "File the notice", "", "", "")]


def test_by_attorney_a_to_do_is_on_its_assignees_pages_else_its_matter_attorneys(store, two_attorney_firm):
    mary, ken = two_attorney_firm(store)
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 1, 5),
                                                      responsible_attorney_id=mary))
    todos.save_todo(store, TodoDraft("Follow up: call with Ana Rivera", DAY, rivera))  # a follow-up: no assignee
    todos.save_todo(store, TodoDraft("Order toner", DAY, None, ken))
    todos.save_todo(store, TodoDraft("Water the plants", DAY))
    report = docket.docket_report(store, DocketRequest(DAY, by_attorney=True), NOW)
    pages, current = {}, None
    for section in report.sections:
        if section.level == 1:
            current = section.heading
        elif section.heading == "To do":
            pages[current] = [row[2] for row in section.table.rows]
    assert {name.split(" (")[-1].rstrip(")"): rows for name, rows in pages.items()} == {
        "MAH": ["Follow up: call with Ana Rivera"], "KI": ["Order toner"], "No attorney assigned": ["Water the plants"]}
