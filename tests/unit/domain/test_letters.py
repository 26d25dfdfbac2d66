"""A letter's date line, salutation and address block (issue 18 groundwork)."""

from datetime import date

import pytest

from legalsec_desktop.domain.letters import address_block, long_date, salutation, salutation_name


def test_the_date_line_is_long_with_no_leading_zero():
    assert long_date(date(2026, 12, 4)) == "December 4, 2026"
    assert long_date(date(2027, 1, 31)) == "January 31, 2027"


@pytest.mark.parametrize(("name", "title", "organization", "expected"), [
    ("Shirley Lewis", "Ms.", False, "Dear Ms. Lewis:"),
    ("Lewis, Shirley", "Ms.", False, "Dear Ms. Lewis:"),
    ("Anna van der Berg", "Dr.", False, "Dear Dr. van der Berg:"),
    ("Robert King Jr.", "Mr.", False, "Dear Mr. King:"),
    ("Maria Alvarez", "Hon.", False, "Dear Judge Alvarez:"),
    ("Alex Lewis", "", False, "Dear Alex Lewis:"),  # no guessed Mr. or Ms.
    ("Cascade Auto Sales Inc.", "", True, "Dear Sir or Madam:"),
    ("   ", "", False, "Dear Sir or Madam:"),
])
def test_the_salutation(name, title, organization, expected):
    assert salutation(name, title, organization) == expected
    assert f"Dear {salutation_name(name, title, organization)}:" == expected  # the two never disagree


def test_whom_the_salutation_greets():
    assert salutation_name("Shirley Lewis", "Ms.") == "Ms. Lewis"
    assert salutation_name("Emily Gomez") == "Emily Gomez"
    assert salutation_name("Horizon Construction Inc.", "", True) == "Sir or Madam"


def test_the_address_block_and_a_missing_address():
    lines, warning = address_block("Carol  Ward", "  12 Main St.\n\nSuite 400 \nSpringfield, IL 62701", "Ward & Co.")
    assert lines == ["Carol Ward", "Ward & Co.", "12 Main St.", "Suite 400", "Springfield, IL 62701"] and not warning
    lines, warning = address_block("Carol Ward", "")
    assert lines == ["Carol Ward"] and "has no address" in warning and "None" not in " ".join(lines)
