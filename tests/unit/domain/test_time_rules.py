"""Time entries in the core: what an entry must hold, rates and increments, UTBMS codes, timers and LEDES."""

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalsec_desktop.domain import utbms
from legalsec_desktop.domain.billing import amount_cents
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.time_entries import (
    TimeDraft,
    effective_increment,
    effective_rate,
    entry_amount,
    validate_entry,
)
from legalsec_desktop.domain.timers import Timer, format_elapsed, minutes_of
from legalsec_desktop.formats import ledes

DRAFT = TimeDraft(date(2026, 11, 23), 1, 1, 18, 30000, narrative="Draft motion to compel")


@pytest.mark.parametrize("change, field, message", [
    (dict(minutes=0), "minutes", "more than zero"),
    (dict(minutes=-6), "minutes", "more than zero"),
    (dict(minutes=24 * 60 + 1), "minutes", "longer than 24 hours"),
    (dict(timekeeper_id=None), "timekeeper_id", "whose time"),
    (dict(matter_id=None), "matter_id", "matter"),
    (dict(rate_cents=-1), "rate_cents", "hourly rate"),
    (dict(billable="maybe"), "billable", "billable"),
    (dict(task_code="L999"), "task_code", "“L999” is not a UTBMS task code"),
    (dict(task_code="L100"), "task_code", "phase heading; choose one of its tasks, such as L110"),
    (dict(activity_code="A112"), "activity_code", "A101 to A111"),
    (dict(status="final", narrative=" "), "narrative", "Describe the work"),
])
def test_bad_entries_are_refused_by_field(change, field, message):
    with pytest.raises(ValidationError, match=message) as caught:
        validate_entry(replace(DRAFT, **change))
    assert caught.value.field == field


def test_codes_are_tidied_and_required_only_where_the_matter_says_so():
    assert validate_entry(replace(DRAFT, task_code=" l330 ", activity_code="a109")).task_code == "L330"
    assert validate_entry(DRAFT).task_code == ""  # optional by default
    with pytest.raises(ValidationError, match="billed with UTBMS codes: choose a task code"):
        validate_entry(DRAFT, codes_required=True)
    validate_entry(replace(DRAFT, billable="non-billable"), codes_required=True)  # only billed time needs them
    assert len(utbms.activity_codes()) == 11 and "C300" in utbms.task_codes() and "B110" in utbms.task_codes()


def test_rates_come_from_the_matter_then_the_client_then_the_timekeeper():
    assert effective_rate(30000, None, None) == 30000
    assert effective_rate(30000, 25000, None) == 25000
    assert effective_rate(30000, 25000, 0) == 0  # a pro bono matter
    assert effective_increment(6, None) == 6 and effective_increment(6, 15) == 15


@given(st.integers(1, 1440), st.integers(0, 100_000), st.sampled_from((1, 6, 15, 30, 60)))
def test_amounts_follow_the_one_rounding_rule(minutes, rate, increment):
    assert entry_amount(minutes, rate, "billable", increment) == amount_cents(minutes, rate, increment)
    assert entry_amount(minutes, rate, "no charge", increment) == entry_amount(minutes, rate, "non-billable",
                                                                               increment) == 0


def test_timers_count_running_time_and_round_up_to_whole_minutes():
    started = datetime(2026, 11, 23, 14, 0, 0)
    timer = Timer(1, 1, 1, "", elapsed=90, started_at=started)
    assert timer.seconds(datetime(2026, 11, 23, 14, 1, 0)) == 150
    assert timer.seconds(datetime(2026, 11, 23, 13, 0, 0)) == 90  # a clock set back never runs it backward
    assert replace(timer, started_at=None).seconds(datetime(2030, 1, 1)) == 90
    assert (minutes_of(0), minutes_of(60), minutes_of(61), minutes_of(3600)) == (1, 1, 2, 60)
    assert format_elapsed(3909) == "1:05:09"


def line(day=date(2026, 11, 2), minutes=18, rate=30000, total=None, description="Draft motion") -> ledes.FeeLine:
    return ledes.FeeLine(day, minutes, rate, amount_cents(minutes, rate, 6) if total is None else total, "L250",
                         "A103", "7", "Hale, Mary", "PARTNR", description)


def invoice(*lines: ledes.FeeLine, number: str = "2026-0001-202611") -> ledes.Invoice:
    return ledes.Invoice(date(2026, 11, 30), number, "C00042", "2026-0001", date(2026, 11, 1), date(2026, 11, 30),
                         "For services rendered", "24-6437381", "ACME-77", tuple(lines))


def test_ledes_1998b_lines_follow_the_format_and_add_up():
    text = ledes.render([invoice(line(), line(minutes=120, description="Court | hearing []\nattendance"),
                                 line(minutes=30, total=0, description="No-charge call"))])
    lines = text.split("\n")
    assert lines[0] == "LEDES1998B[]"
    assert lines[1] == "|".join(ledes.FIELDS) + "[]" and len(ledes.FIELDS) == 24
    assert lines[-1] == "" and all(item.endswith("[]") for item in lines[:-1])
    rows = [item[:-2].split("|") for item in lines[2:-1]]
    assert all(len(row) == 24 for row in rows)
    first = dict(zip(ledes.FIELDS, rows[0]))
    assert (first["INVOICE_DATE"], first["BILLING_START_DATE"], first["LINE_ITEM_DATE"]) == \
        ("20261130", "20261101", "20261102")
    assert (first["EXP/FEE/INV_ADJ_TYPE"], first["LINE_ITEM_NUMBER_OF_UNITS"], first["LINE_ITEM_UNIT_COST"],
            first["LINE_ITEM_TOTAL"], first["LINE_ITEM_ADJUSTMENT_AMOUNT"]) == ("F", "0.30", "300.00", "90.00", "0.00")
    assert (first["LAW_FIRM_ID"], first["TIMEKEEPER_NAME"], first["CLIENT_MATTER_ID"]) == \
        ("24-6437381", "Hale, Mary", "ACME-77")
    assert rows[1][ledes.FIELDS.index("LINE_ITEM_DESCRIPTION")] == "Court / hearing attendance"
    no_charge = dict(zip(ledes.FIELDS, rows[2]))
    assert (no_charge["LINE_ITEM_ADJUSTMENT_AMOUNT"], no_charge["LINE_ITEM_TOTAL"]) == ("-150.00", "0.00")
    for row in rows:  # LINE_ITEM_TOTAL = units x unit cost + adjustment, to the cent
        item = dict(zip(ledes.FIELDS, row))
        assert Decimal(item["LINE_ITEM_NUMBER_OF_UNITS"]) * Decimal(item["LINE_ITEM_UNIT_COST"]) \
            + Decimal(item["LINE_ITEM_ADJUSTMENT_AMOUNT"]) == Decimal(item["LINE_ITEM_TOTAL"])
    assert Decimal(first["INVOICE_TOTAL"]) == sum(Decimal(dict(zip(ledes.FIELDS, r))["LINE_ITEM_TOTAL"]) for r in rows)
    assert [r[ledes.FIELDS.index("LINE_ITEM_NUMBER")] for r in rows] == ["1", "2", "3"]


def test_ledes_units_in_minutes_increments_stay_exact():
    odd = line(minutes=7, rate=30000, total=amount_cents(7, 30000, 1))
    item = dict(zip(ledes.FIELDS, ledes.render([invoice(odd)]).split("\n")[2][:-2].split("|")))
    assert item["LINE_ITEM_NUMBER_OF_UNITS"] == "0.1167"
    assert Decimal(item["LINE_ITEM_NUMBER_OF_UNITS"]) * 300 + Decimal(item["LINE_ITEM_ADJUSTMENT_AMOUNT"]) == \
        Decimal(item["LINE_ITEM_TOTAL"]) == Decimal("35.00")


@pytest.mark.parametrize("number, message", [("", "empty"), ("X" * 21, "longer than 20")])
def test_ledes_identifiers_are_checked(number, message):
    with pytest.raises(ValidationError, match=message):
        ledes.render([invoice(line(), number=number)])


def test_ledes_text_is_ascii():
    text = ledes.render([invoice(line(description="Call with Müller re: “settlement” – 2nd offer 北"))])
    text.encode("ascii")
    assert 'Call with Muller re: "settlement" - 2nd offer ?' in text
