"""The closing checklist's rules without a database: answers, overrides, closed-file numbers."""

from datetime import date

import pytest

from legalsec_desktop.domain.closing import (
    ItemReview,
    answer_items,
    check_override,
    check_rule,
    closed_number,
    closed_sequence,
)
from legalsec_desktop.domain.errors import ValidationError

REVIEWS = [ItemReview(1, "No deadlines left open", "deadlines", False, "1 deadline open"),
           ItemReview(2, "No open to-dos", "todos", True, "No to-dos open."),
           ItemReview(3, "Closing letter sent", "", None)]


def test_an_automatic_item_is_done_only_when_satisfied_and_a_manual_one_when_ticked():
    answers = answer_items(REVIEWS, {1: True, 3: True})
    assert [(a.done, a.overridden) for a in answers] == [(False, True), (True, False), (True, False)]
    assert answers[0].as_json()["detail"] == "1 deadline open"


def test_an_override_needs_a_reason_and_a_complete_list_keeps_none():
    answers = answer_items(REVIEWS, {})
    with pytest.raises(ValidationError, match="Not done: No deadlines left open; Closing letter sent"):
        check_override(answers, "   ")
    assert check_override(answers, "  settled ") == "settled"
    complete = answer_items(REVIEWS[1:], {3: True})
    assert check_override(complete, "not needed") == ""
    with pytest.raises(ValidationError, match="longer than"):
        check_override(answers, "x" * 2001)


def test_closed_file_numbers():
    assert closed_number(2026, 1) == "C-2026-0001" and closed_number(2026, 12345) == "C-2026-12345"
    assert closed_sequence("C-2026-0012", 2026) == 12
    assert closed_sequence("C-2025-0012", 2026) is None and closed_sequence("X-2026-1", 2026) is None


def test_rule_names_and_years_are_checked():
    assert check_rule("  Long   term ", 30) == "Long term"
    assert check_rule("Permanent", None) == "Permanent"
    for name, years in (("", 3), ("x" * 101, 3), ("Bad", -1), ("Bad", 201)):
        with pytest.raises(ValidationError):
            check_rule(name, years)


def test_a_file_closed_on_29_february_may_go_only_once_its_years_are_full():
    from legalsec_desktop.domain.file_room import Retention, destroy_after, retention_note

    seven = Retention(1, "Standard", "", 7)
    assert destroy_after(date(2028, 2, 29), seven) == date(2035, 3, 1)  # not 28 February, a day short
    assert destroy_after(date(2028, 2, 29), Retention(2, "Four", "", 4)) == date(2032, 2, 29)  # a leap year again
    assert destroy_after(date(2028, 2, 28), seven) == date(2035, 2, 28)
    assert destroy_after(date(2028, 2, 29), Retention(3, "Wills", "", None)) is None
    assert "= may be destroyed from Thu 03/01/2035" in retention_note(date(2028, 2, 29), seven)
