"""Money parsing and the one billing rounding rule."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalsec_desktop.domain.billing import amount_cents, billed_minutes, format_hours
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.money import format_money, parse_money


@pytest.mark.parametrize(("text", "cents"), [
    ("150", 15000), ("$1,250.50", 125050), ("99.9", 9990), (".5", 50), ("0", 0), ("  $ 12 ", 1200),
])
def test_parse_money_accepts_what_people_type(text, cents):
    assert parse_money(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "1.234", "12,34", "-5", "1e3", "$$5"])
def test_parse_money_rejects_with_a_message(text):
    with pytest.raises(ValidationError) as caught:
        parse_money(text, "rate")
    assert caught.value.field == "rate"
    assert "amount of money" in caught.value.message


@given(st.integers(min_value=0, max_value=10**11))
def test_format_then_parse_round_trips(cents):
    assert parse_money(format_money(cents)) == cents


def test_format_money_negative_and_grouping():
    assert format_money(-500) == "-$5.00"
    assert format_money(123456789) == "$1,234,567.89"


@pytest.mark.parametrize(("minutes", "increment", "billed"), [
    (1, 6, 6), (6, 6, 6), (7, 6, 12), (0, 6, 0), (16, 15, 30), (61, 60, 120), (5, 1, 5),
])
def test_billed_minutes_round_up_to_the_increment(minutes, increment, billed):
    assert billed_minutes(minutes, increment) == billed


@given(st.integers(1, 10_000), st.sampled_from([1, 6, 15, 30, 60]))
def test_billing_never_rounds_down_and_stays_within_one_increment(minutes, increment):
    billed = billed_minutes(minutes, increment)
    assert billed % increment == 0
    assert minutes <= billed < minutes + increment


def test_amount_is_integer_cents():
    assert amount_cents(7, 35000, 6) == 7000  # 0.2 h at $350
    assert amount_cents(1, 33333, 1) == 556  # $5.5555 rounds to $5.56


def test_format_hours_has_one_decimal_without_floats():
    assert format_hours(90) == "1.5"
    assert format_hours(6) == "0.1"
    assert format_hours(20, 2) == "0.33"
