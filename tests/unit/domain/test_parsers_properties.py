"""Every parser of typed text, fed anything: it returns a value or raises ValidationError, never anything else."""

from datetime import date, time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from legalsec_desktop.domain.clock import parse_time, zone
from legalsec_desktop.domain.dates import FIRST_YEAR, LAST_YEAR, format_date_entry, parse_date
from legalsec_desktop.domain.durations import MAX_MINUTES, parse_duration
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.events import format_leads, parse_leads
from legalsec_desktop.domain.formatting import format_date, format_value
from legalsec_desktop.domain.money import MAX_CENTS, format_money, parse_money
from legalsec_desktop.domain.names import fold_name, sort_name
from legalsec_desktop.domain.text_limits import ECHO_LIMIT, shown

# Text as it arrives from a keyboard, a paste or a command line: any character, lone surrogates included.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)
DIGITS = st.integers(min_value=4300, max_value=6000).map(lambda n: "9" * n)
IN_RANGE = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 12, 31))
OUT_OF_RANGE = st.one_of(st.dates(max_value=date(FIRST_YEAR - 1, 12, 31)),
                         st.dates(min_value=date(LAST_YEAR + 1, 1, 1)))


def _echo_is_short(error: ValidationError, typed: str) -> None:
    """A message repeats at most ECHO_LIMIT characters of what was typed, and is printable text."""
    assert len(error.message) <= ECHO_LIMIT + 200
    assert error.message.isprintable()
    error.message.encode("utf-8")  # no lone surrogates: strict UTF-8 streams can print it


# -- dates -------------------------------------------------------------------------------------------------------

@given(IN_RANGE)
@example(date(1969, 12, 31))
@example(date(2069, 12, 31))
@example(date(1900, 1, 1))
@example(date(2199, 12, 31))
def test_a_date_in_range_round_trips_through_the_entry_field(day):
    assert parse_date(format_date_entry(day)) == day
    assert parse_date(day.isoformat()) == day


@given(OUT_OF_RANGE)
@example(date(26, 11, 23))
@example(date(1, 1, 1))
@example(date(9999, 12, 31))
def test_a_date_out_of_range_is_refused_never_read_as_another_date(day):
    text = format_date_entry(day)
    assert text.endswith(f"/{day.year:04d}")
    with pytest.raises(ValidationError, match=f"{FIRST_YEAR} to {LAST_YEAR}"):
        parse_date(text)
    with pytest.raises(ValidationError, match=f"{FIRST_YEAR} to {LAST_YEAR}"):
        parse_date(day.isoformat())


def test_year_26_formats_with_four_digits_and_is_refused():
    assert format_date_entry(date(26, 11, 23)) == "11/23/0026"
    with pytest.raises(ValidationError, match="1900 to 2199"):
        parse_date("0026-11-23")
    with pytest.raises(ValidationError, match="1900 to 2199"):
        parse_date("11/23/0026")


@given(st.integers(min_value=0, max_value=99), st.integers(min_value=1, max_value=12))
def test_two_digit_years_pivot_at_70(yy, month):
    parsed = parse_date(f"{month}/1/{yy:02d}")
    assert parsed == date(2000 + yy if yy < 70 else 1900 + yy, month, 1)


@given(ANY_TEXT)
@example("0000-01-01")
@example("2026-02-30")
@example("99/99/9999")
@example("\x00")
@example("11/23/2026\udce9")
def test_parse_date_returns_a_date_in_range_or_refuses(text):
    try:
        parsed = parse_date(text)
    except ValidationError as error:
        _echo_is_short(error, text)
    else:
        assert parsed is None or FIRST_YEAR <= parsed.year <= LAST_YEAR


def test_a_long_bad_date_is_not_repeated_whole():
    with pytest.raises(ValidationError) as caught:
        parse_date("x" * 5000)
    assert caught.value.message.count("x") <= ECHO_LIMIT


@given(st.dates())
def test_every_displayed_date_has_a_four_digit_year(day):
    assert format_date(day).endswith(f"/{day.year:04d}")
    assert format_value("date", day) == format_date(day)


# -- money -------------------------------------------------------------------------------------------------------

@given(st.integers(min_value=0, max_value=MAX_CENTS))
def test_money_round_trips_up_to_the_largest_amount(cents):
    assert parse_money(format_money(cents)) == cents
    dollars, rest = divmod(cents, 100)
    assert parse_money(f"{dollars}.{rest:02d}") == cents


@given(DIGITS)
@example("9" * 4301)
@example("$" + "9" * 5000 + ".00")
@example("1," + ",".join(["000"] * 1500))
@example("." + "9" * 5000)
def test_money_of_thousands_of_digits_is_refused_plainly(text):
    with pytest.raises(ValidationError) as caught:
        parse_money(text, "rate")
    assert caught.value.field == "rate"
    _echo_is_short(caught.value, text)


@given(ANY_TEXT)
@example("\x00")
@example("$\udce9")
@example("１２")
def test_parse_money_returns_cents_in_range_or_refuses(text):
    try:
        cents = parse_money(text)
    except ValidationError as error:
        _echo_is_short(error, text)
    else:
        assert 0 <= cents <= MAX_CENTS


# -- durations ---------------------------------------------------------------------------------------------------

@given(st.integers(min_value=1, max_value=MAX_MINUTES))
def test_durations_round_trip_as_minutes_and_as_clock_time(minutes):
    assert parse_duration(f"{minutes}m") == minutes
    assert parse_duration(f"{minutes // 60}:{minutes % 60:02d}") == minutes


@given(st.one_of(ANY_TEXT, DIGITS, DIGITS.map(lambda d: d + "m"), DIGITS.map(lambda d: "." + d + "h")))
@example("9" * 5000)
@example("1h " * 2000)
def test_parse_duration_returns_minutes_in_range_or_refuses(text):
    try:
        minutes = parse_duration(text)
    except ValidationError as error:
        _echo_is_short(error, text)
    else:
        assert 0 < minutes <= MAX_MINUTES


# -- times of day ------------------------------------------------------------------------------------------------

@given(st.times())
def test_times_round_trip_in_24_hour_and_12_hour_form(value):
    whole = value.replace(second=0, microsecond=0)
    assert parse_time(f"{whole.hour}:{whole.minute:02d}") == whole
    hour = whole.hour % 12 or 12
    assert parse_time(f"{hour}:{whole.minute:02d} {'AM' if whole.hour < 12 else 'PM'}") == whole


@given(st.one_of(ANY_TEXT, DIGITS))
@example("9" * 5000)
@example("12:00 \udce9")
def test_parse_time_returns_a_time_or_refuses(text):
    try:
        parsed = parse_time(text)
    except ValidationError as error:
        _echo_is_short(error, text)
    else:
        assert isinstance(parsed, time)


@given(st.one_of(ANY_TEXT, st.sampled_from(["America", "Europe", "Etc", "x" * 300, "../../x", "America/New_York"])))
@example("America")
@example("x" * 5000)
def test_zone_returns_a_zone_or_refuses(name):
    try:
        zone(name)
    except ValidationError as error:
        _echo_is_short(error, name)


# -- reminder days -----------------------------------------------------------------------------------------------

@given(st.sets(st.integers(min_value=0, max_value=3650), max_size=6))
def test_reminder_days_round_trip(leads):
    expected = tuple(sorted(leads, reverse=True))
    assert parse_leads(format_leads(expected)) == expected


@given(st.one_of(ANY_TEXT, DIGITS))
@example("9" * 5000)
def test_parse_leads_returns_days_or_refuses(text):
    try:
        parse_leads(text)
    except ValidationError as error:
        _echo_is_short(error, text)


# -- names -------------------------------------------------------------------------------------------------------

@given(ANY_TEXT)
def test_folding_a_name_is_stable(name):
    folded = fold_name(name)
    assert fold_name(folded) == folded
    assert fold_name(name.upper()) == fold_name(name.lower()) or not name.isascii()


@given(ANY_TEXT, st.booleans())
def test_sort_name_never_fails(name, organization):
    assert isinstance(sort_name(name, organization), str)


# -- the echo helper itself -----------------------------------------------------------------------------------------

@given(st.one_of(ANY_TEXT, st.text(st.characters(codec=None, exclude_categories=()), min_size=100, max_size=500)))
@example("a\x00b\nc\udce9\u202e")
def test_shown_is_short_printable_and_encodable(text):
    echo = shown(text)
    assert len(echo) <= ECHO_LIMIT
    assert echo.isprintable()
    echo.encode("utf-8")


def test_shown_keeps_short_text_and_escapes_bytes_that_are_not_utf8():
    assert shown("Müller & Co") == "Müller & Co"
    assert shown("caf\udce9") == "caf\\xe9"
    assert shown("a\x00b") == "a\\x00b"
    long = shown("a" * 100 + ".docx")
    assert len(long) == ECHO_LIMIT and long.endswith(".docx") and "…" in long
