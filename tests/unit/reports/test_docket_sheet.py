"""The docket sheet as the core builds it (what the page layout draws, as plain text): what an empty day says, a
client named in markup kept as typed, marked rows, column widths, the saved sheet's name."""

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from legalsec_desktop.domain.report import Table, column_percents
from legalsec_desktop.reports.docket import DocketData, DocketLine, DocketRequest, build_docket, sheet_name

DAY = date(2026, 11, 23)
PRINTED = datetime(2026, 11, 23, 7, 45)
NAMES = {"MAH": "Mary Hale", "KI": "Ken Ito"}


def empty() -> DocketData:
    return DocketData(in_range=[], coming=[], overdue=[], unverified=[], later_unverified=0, limitations=[])


def test_an_empty_day_says_so_in_every_part():
    report = build_docket(DocketRequest(DAY), empty(), "Hale & Ito LLP", NAMES, PRINTED)
    assert report.title == "Docket for Monday, November 23, 2026"
    assert "Hale & Ito LLP" in report.header_lines
    said = [text for section in report.sections for text in (section.heading, *section.paragraphs)]
    assert "Nothing scheduled" in said
    assert ("Nothing is scheduled for Monday, November 23, 2026: no hearings, appointments or deadlines."
            in said)
    tables = [section.table for section in report.sections if section.table is not None]
    assert all(not table.rows for table in tables if "To do" not in table.columns)
    empty_texts = {table.empty_text for table in tables}
    for text in ("No hearings or appointments today.", "No deadlines due today.", "Nothing overdue.",
                 "Every deadline in this period has been verified.", "No limitation dates in the next 90 days."):
        assert text in empty_texts


def test_a_client_named_in_markup_is_kept_as_typed_and_unverified_rows_are_marked():
    line = DocketLine(DAY, "filing deadline", "Reply <brief>", matter_number="2026-0001",
                      client="<b>Smith & Co</b>", notes="line one\nline two", unverified=True)
    report = build_docket(DocketRequest(DAY), DocketData([line], [], [], [], 0, []), "Firm", NAMES, PRINTED)
    deadlines = next(s for s in report.sections if s.heading.startswith("Deadlines due")).table
    assert deadlines is not None and deadlines.marked == frozenset({0})
    [row] = deadlines.rows
    assert "2026-0001\n<b>Smith & Co</b>" in row  # drawn as text: never read as markup
    assert "Filing deadline: Reply <brief>" in row
    assert any("line one\nline two" in value for value in row)


def test_column_widths_follow_the_tables_weights():
    table = Table(("A", "B", "C"), [("x", "y", "z")], (1, 1, 2))
    assert column_percents(table.widths) == [25, 25, 50]


@given(st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=12))
def test_column_widths_always_fill_the_page(weights):
    percents = column_percents(tuple(weights))
    assert sum(percents) == 100 and len(percents) == len(weights) and min(percents) >= 0


def test_a_saved_sheet_is_named_by_its_first_day_and_attorney():
    assert sheet_name(DocketRequest(DAY)) == "Docket 2026-11-23"
    assert sheet_name(DocketRequest(DAY, days=7, attorney="MAH")) == "Docket 2026-11-23 MAH"
