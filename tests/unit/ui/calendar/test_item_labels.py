"""What a calendar cell, agenda row and tooltip say about an occurrence, checked without Qt."""

from datetime import date, datetime

import pytest

from legalsec_desktop.domain.events import KIND_COLOURS
from legalsec_desktop.services.calendar import Occurrence
from legalsec_desktop.ui.calendar.item_labels import (
    OTHER_KIND_COLOUR,
    agenda_empty_text,
    agenda_heading,
    agenda_row,
    grid_day_heading,
    hour_label,
    item_label,
    item_text,
    month_day_label,
    tooltip_html,
    when_text,
)

TODAY = date(2026, 11, 23)
CHICAGO = "America/Chicago"
ANSWER = Occurrence(7, date(2026, 11, 20), "response deadline", "Answer due", "scheduled",
                    matter_id=1, matter_number="2026-0001", client="Ana Rivera")
HEARING = Occurrence(8, TODAY, "hearing", "Motion to compel", "scheduled", start=datetime(2026, 11, 23, 9, 30),
                     end=datetime(2026, 11, 23, 10, 15), tz=CHICAGO, location="Courtroom 4B",
                     matter_id=1, matter_number="2026-0001", client="Ana Rivera", attendees="MAH, KI")


def test_an_overdue_unverified_deadline_is_marked_overdue_first_and_framed_for_both():
    label = item_label(ANSWER, TODAY)
    assert label.text == "! Answer due [2026-0001]"
    assert (label.overdue, label.unverified, label.faded, label.struck) == (True, True, False, False)
    assert label.colour == KIND_COLOURS["response deadline"]
    tip = tooltip_html(ANSWER, TODAY)
    assert "<b>Overdue: past and not marked done</b>" in tip and "Not verified yet" in tip
    assert tip.split("<br>")[:4] == ["<b>Answer due</b>", "Response deadline", "Fri 11/20/2026",
                                     "2026-0001 — Ana Rivera"]


def test_an_unverified_deadline_still_to_come_gets_a_question_mark_and_a_verified_one_nothing():
    later = Occurrence(9, date(2026, 12, 1), "filing deadline", "Reply brief", "scheduled")
    assert item_text(later, TODAY) == "? Reply brief"
    assert not item_label(later, TODAY).overdue
    verified = Occurrence(9, date(2026, 12, 1), "filing deadline", "Reply brief", "scheduled", verified_by="MAH")
    label = item_label(verified, TODAY)
    assert label.text == "Reply brief" and not label.unverified
    assert "Not verified" not in tooltip_html(verified, TODAY)


def test_a_timed_item_shows_its_time_and_an_all_day_item_its_date_only():
    assert item_text(HEARING, TODAY) == "9:30 AM Motion to compel [2026-0001]"
    assert item_text(HEARING, TODAY, with_time=False) == "Motion to compel [2026-0001]"
    assert when_text(HEARING) == "Mon 11/23/2026 9:30 AM–10:15 AM (America/Chicago)"
    assert when_text(ANSWER) == "Fri 11/20/2026"
    assert agenda_row(HEARING, TODAY).cells == ("    9:30 AM", "Motion to compel", "2026-0001 Ana Rivera",
                                                "Courtroom 4B", "scheduled")
    assert agenda_row(ANSWER, TODAY).cells[:2] == ("    all day", "! Answer due")
    tip = tooltip_html(HEARING, TODAY)
    assert "Courtroom 4B" in tip and "Attending: MAH, KI" in tip and "Status: scheduled" in tip
    assert "Overdue" not in tip and "Repeats" not in tip


def test_a_past_occurrence_of_a_series_is_not_overdue_and_says_it_repeats():
    weekly = Occurrence(10, date(2026, 11, 16), "meeting", "Team meeting", "scheduled",
                        start=datetime(2026, 11, 16, 8), tz=CHICAGO, series=True)
    label = item_label(weekly, TODAY)
    assert label.text == "8:00 AM Team meeting" and not label.overdue
    assert tooltip_html(weekly, TODAY).endswith("<br>Repeats")
    row = agenda_row(weekly, TODAY)
    assert row.cells[:2] == ("    8:00 AM", "Team meeting") and not row.label.overdue


@pytest.mark.parametrize(("status", "faded", "struck"), [
    ("scheduled", False, False), ("done", True, False), ("continued", True, False), ("vacated", True, True)])
def test_settled_items_fade_and_vacated_ones_are_struck_through(status, faded, struck):
    past = Occurrence(11, date(2026, 11, 2), "hearing", "Status conference", status)
    label = item_label(past, TODAY)
    assert (label.faded, label.struck) == (faded, struck)
    assert label.overdue == (status == "scheduled")  # only a past item still scheduled is overdue


def test_names_with_markup_are_text_in_the_tooltip_and_kept_as_typed_in_plain_cells():
    occ = Occurrence(12, TODAY, "meeting", "Call <re: fees>", "scheduled", matter_number="2026-0002",
                     client="<b>Smith & Co</b>", location="Room <1>", attendees="A&B")
    tip = tooltip_html(occ, TODAY)
    assert "<b>Smith" not in tip and "<re:" not in tip
    assert "2026-0002 — &lt;b&gt;Smith &amp; Co&lt;/b&gt;" in tip
    assert "<b>Call &lt;re: fees&gt;</b>" in tip and "Room &lt;1&gt;" in tip and "Attending: A&amp;B" in tip
    row = agenda_row(occ, TODAY)  # tree cells are plain text: the name reads exactly as typed
    assert row.cells[1] == "Call <re: fees>" and row.cells[2] == "2026-0002 <b>Smith & Co</b>"
    assert row.tooltip == tip


def test_an_unknown_kind_gets_a_neutral_colour():
    assert item_label(Occurrence(13, TODAY, "imported", "Lunch", "scheduled"), TODAY).colour == OTHER_KIND_COLOUR


def test_day_headings_name_today_and_why_the_court_is_closed():
    closed = {date(2026, 11, 26): "Thanksgiving Day"}
    assert agenda_heading(TODAY, TODAY, closed) == "Mon 11/23/2026  (today)"
    assert agenda_heading(date(2026, 11, 26), TODAY, closed) == "Thu 11/26/2026  — Thanksgiving Day"
    assert agenda_heading(date(2026, 11, 24), TODAY, closed) == "Tue 11/24/2026"
    assert grid_day_heading(date(2026, 11, 26), closed) == "Thu 11/26 — Thanksgiving Day"
    assert grid_day_heading(TODAY, closed) == "Mon 11/23"
    assert agenda_empty_text(TODAY, 30) == "Nothing scheduled from Mon 11/23/2026 to Tue 12/22/2026."


def test_month_cells_and_the_hour_gutter():
    assert month_day_label(TODAY) == "23" and month_day_label(date(2026, 12, 1)) == "Dec 1"
    assert [hour_label(h) for h in (0, 7, 11, 12, 13, 19)] == ["12 AM", "7 AM", "11 AM", "12 PM", "1 PM", "7 PM"]


def test_a_label_names_the_client_beside_the_matter_number_where_the_cell_has_room():
    label = item_label(HEARING, TODAY)
    assert label.long_text == "9:30 AM Motion to compel [2026-0001 Ana Rivera]"
    assert label.fitting(len(label.long_text), len) == label.long_text
    assert label.fitting(len(label.long_text) - 1, len) == "9:30 AM Motion to compel [2026-0001]"  # elided later
    no_client = Occurrence(9, TODAY, "meeting", "Staff lunch", "scheduled")
    assert item_label(no_client, TODAY).long_text == "" and item_label(no_client, TODAY).fitting(500, len) == \
        "Staff lunch"


def test_a_time_kept_in_another_zone_than_the_offices_is_marked_with_it():
    """As on the docket: the office in Los Angeles sees the Chicago hearing as '9:30 AM CST'; its own times bare."""
    from legalsec_desktop.ui.calendar.item_labels import set_home_zone

    try:
        set_home_zone("America/Los_Angeles")
        assert item_label(HEARING, TODAY).text == "9:30 AM CST Motion to compel [2026-0001]"
        assert agenda_row(HEARING, TODAY).cells[0].strip() == "9:30 AM CST"
        set_home_zone(CHICAGO)
        assert item_label(HEARING, TODAY).text == "9:30 AM Motion to compel [2026-0001]"
    finally:
        set_home_zone("")
    assert item_label(HEARING, TODAY).text == "9:30 AM Motion to compel [2026-0001]"  # the computer does not say
