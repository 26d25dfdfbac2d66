"""The docket preview's HTML, built in the core: what an empty day says, escaping, marked and group rows."""

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from legalsec_desktop.domain.report import Report, Section, Table
from legalsec_desktop.reports.docket import DocketData, DocketLine, DocketRequest, build_docket, sheet_name
from legalsec_desktop.reports.report_html import MARK, column_percents, report_html, table_html

DAY = date(2026, 11, 23)
PRINTED = datetime(2026, 11, 23, 7, 45)
NAMES = {"MAH": "Mary Hale", "KI": "Ken Ito"}


def empty() -> DocketData:
    return DocketData(in_range=[], coming=[], overdue=[], unverified=[], later_unverified=0, limitations=[])


def test_an_empty_day_says_so_in_every_part():
    html = report_html(build_docket(DocketRequest(DAY), empty(), "Hale & Ito LLP", NAMES, PRINTED))
    assert "<h2>Docket for Monday, November 23, 2026</h2>" in html
    assert "<p style='margin:0'>Hale &amp; Ito LLP</p>" in html  # the firm's name is text, not markup
    assert "<h3>Nothing scheduled</h3>" in html
    assert "Nothing is scheduled for Monday, November 23, 2026: no hearings, appointments or deadlines." in html
    for empty_text in ("No hearings or appointments today.", "No deadlines due today.", "Nothing overdue.",
                       "Every deadline in this period has been verified.",
                       "No limitation dates in the next 90 days."):
        assert f"<p><i>{empty_text}</i></p>" in html
    assert "<table width='100%'" not in html  # no table has a row


def test_a_client_named_in_markup_is_shown_as_text_and_unverified_rows_are_marked():
    line = DocketLine(DAY, "filing deadline", "Reply <brief>", matter_number="2026-0001",
                      client="<b>Smith & Co</b>", notes="line one\nline two", unverified=True)
    report = build_docket(DocketRequest(DAY), DocketData([line], [], [], [], 0, []), "Firm", NAMES, PRINTED)
    html = report_html(report)
    assert "<b>Smith" not in html and "Reply <brief>" not in html
    assert "2026-0001<br>&lt;b&gt;Smith &amp; Co&lt;/b&gt;" in html
    assert "Filing deadline: Reply &lt;brief&gt;" in html
    assert "line one<br>line two" in html
    deadlines = next(s for s in report.sections if s.heading.startswith("Deadlines due")).table
    assert deadlines is not None and deadlines.marked == frozenset({0})
    assert f"<tr style='color:{MARK}'><td></td><td>All day</td>" in table_html(deadlines)


def test_group_rows_span_the_table_and_the_header_repeats():
    table = Table(("A", "B", "C"), [("Mary Hale (MAH)", "", ""), ("x", "y", "z")], (1, 1, 2),
                  groups=frozenset({0}))
    html = table_html(table)
    assert "<tr><td colspan='3' bgcolor='#f3f3f3'><b>Mary Hale (MAH)</b></td></tr>" in html
    assert "<thead><tr><th align='left' width='25%' bgcolor='#e8edf3'>A</th>" in html
    assert "<th align='left' width='50%' bgcolor='#e8edf3'>C</th></tr></thead>" in html
    assert "<tr><td>x</td><td>y</td><td>z</td></tr>" in html


def test_facts_and_paragraphs_are_escaped_and_portrait_type_is_smaller():
    report = Report("T & C", ("<i>head</i>",), (Section("S", paragraphs=("a < b\nc",)),),
                    facts=(("Client", "<Smith>"),), landscape=False)
    html = report_html(report)
    assert "<h2>T &amp; C</h2>" in html and "&lt;i&gt;head&lt;/i&gt;" in html
    assert "<td>&lt;Smith&gt;</td>" in html and "<p>a &lt; b<br>c</p>" in html
    assert "font-size: 7pt" in html
    assert "font-size: 8pt" in report_html(Report("T", (), (), landscape=True))


@given(st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=12))
def test_column_widths_always_fill_the_page(weights):
    percents = column_percents(tuple(weights))
    assert sum(percents) == 100 and len(percents) == len(weights) and min(percents) >= 0


def test_a_saved_sheet_is_named_by_its_first_day_and_attorney():
    assert sheet_name(DocketRequest(DAY)) == "Docket 2026-11-23"
    assert sheet_name(DocketRequest(DAY, days=7, attorney="MAH")) == "Docket 2026-11-23 MAH"


def test_a_page_can_start_at_a_row_and_the_table_goes_on_under_its_header_there():
    from legalsec_desktop.reports.report_html import Breaks, table_pieces

    table = Table(("A", "B"), [("1", "x"), ("2", "y"), ("3", "z")])
    assert table_pieces(table, {2}) == [range(0, 2), range(2, 3)]
    assert table_pieces(table, {0, 3}) == [range(0, 3)]  # no page before the first row or after the last
    html = table_html(table, {2})
    assert html.count("<thead>") == 2 and html.count("page-break-before: always") == 1
    assert html.index("<td>2</td>") < html.index("page-break-before") < html.index("<td>3</td>")
    report = Report("T", (), (Section("One", table=table), Section("Two", new_page=True), Section("Three")))
    plain = report_html(report)
    assert "<h3 style='page-break-before: always'>Two</h3>" in plain and "<h3>Three</h3>" in plain
    broken = report_html(report, Breaks(headings=frozenset({2}), rows=frozenset({(0, 1)})))
    assert "<h3 style='page-break-before: always'>Three</h3>" in broken
    assert broken.count("page-break-before: always") == 3
