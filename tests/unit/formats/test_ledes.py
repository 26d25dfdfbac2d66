"""LEDES 1998B: every line's units, unit cost, adjustment and total agree to the cent (a property over minutes,
rates and billing states), the law-firm ID is required, classifications are LEDES codes, names fit."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.formats import ledes

CENT = Decimal("0.01")


def fee(minutes: int = 7, rate: int = 15_000, total: int = 0, name: str = "Hale, Mary",
        classification: str = "PARTNR") -> ledes.FeeLine:
    return ledes.FeeLine(date(2026, 11, 2), minutes, rate, total, "L120", "A103", "1", name, classification,
                         "Call with client")


def invoice(*lines: ledes.FeeLine, law_firm_id: str = "24-6437381",
            expenses: tuple[ledes.ExpenseLine, ...] = ()) -> ledes.Invoice:
    return ledes.Invoice(date(2026, 11, 30), "INV-7", "C00001", "2026-0001", date(2026, 11, 1), date(2026, 11, 30),
                         "For services rendered", law_firm_id, "", lines, expenses)


def items(text: str) -> list[dict[str, str]]:
    lines = text.splitlines()
    names = lines[1][:-2].split("|")
    return [dict(zip(names, line[:-2].split("|"))) for line in lines[2:]]


def agrees_to_the_cent(units: str, unit_cost: str, adjustment: str, total: str) -> bool:
    """What an e-billing portal checks, read however it rounds: half up, half even, or in floating point."""
    exact = Decimal(units) * Decimal(unit_cost) + Decimal(adjustment)
    wanted = Decimal(total)
    return (abs(exact - wanted) < Decimal("0.005")
            and exact.quantize(CENT, ROUND_HALF_UP) == wanted == exact.quantize(CENT, ROUND_HALF_EVEN)
            and round(float(units) * float(unit_cost) + float(adjustment), 2) == float(total))


def test_the_no_charge_line_that_was_a_cent_off():
    """7 minutes at $150.00 was 0.1167 h: 0.1167 × 150 − 17.51 is −0.005, half a cent, not 0.00."""
    item = items(ledes.render([invoice(fee(7, 15_000, 0))]))[0]
    assert (item["LINE_ITEM_NUMBER_OF_UNITS"], item["LINE_ITEM_UNIT_COST"], item["LINE_ITEM_ADJUSTMENT_AMOUNT"],
            item["LINE_ITEM_TOTAL"]) == ("0.1166", "150.00", "-17.49", "0.00")
    assert Decimal("0.1166") * Decimal("150.00") - Decimal("17.49") == 0  # exact, not merely rounded


@given(minutes=st.integers(0, 24 * 60 * 3), rate=st.integers(0, 2_000_000),
       state=st.sampled_from(["billable", "no charge", "discounted"]), share=st.floats(0, 1))
@example(minutes=7, rate=15_000, state="no charge", share=0)
@example(minutes=7, rate=15_000, state="billable", share=0)
@example(minutes=1, rate=30_000, state="discounted", share=0.5)
@example(minutes=525, rate=2, state="billable", share=0)
def test_every_line_agrees_to_the_cent(minutes, rate, state, share):
    full = (minutes * rate + 30) // 60  # what the app bills (billing_sql.amount_cents)
    total = {"billable": full, "no charge": 0, "discounted": int(full * share)}[state]
    amounts = ledes.line_amounts(minutes, rate, total)
    assert abs(amounts.units_e4 * 60 - minutes * 10_000) <= 60  # within 1/10,000 hour of the time billed
    assert amounts.extended_cents + amounts.adjustment_cents == total  # integers, exactly
    item = items(ledes.render([invoice(fee(minutes, rate, total))]))[0]
    assert agrees_to_the_cent(item["LINE_ITEM_NUMBER_OF_UNITS"], item["LINE_ITEM_UNIT_COST"],
                              item["LINE_ITEM_ADJUSTMENT_AMOUNT"], item["LINE_ITEM_TOTAL"])
    assert Decimal(item["LINE_ITEM_TOTAL"]) * 100 == total
    hours = Decimal(minutes) / 60
    if minutes % 3 == 0 and (hours * rate) % 1 != Decimal("0.5"):  # whole hundredths of an hour, no half cent
        assert item["LINE_ITEM_NUMBER_OF_UNITS"] == f"{hours:.2f}"


@pytest.mark.parametrize(("minutes", "rate", "units"),
                         [(525, 2, "8.7501"), (15, 15_010, "0.2501"), (3, 12_350, "0.0501")])
def test_exact_hours_that_make_half_a_cent_move_by_a_ten_thousandth(minutes, rate, units):
    """0.25 h × $150.10 = $37.525: half a cent again, so the hours are written 0.2501 (0.36 seconds more)."""
    full = (minutes * rate + 30) // 60
    item = items(ledes.render([invoice(fee(minutes, rate, full))]))[0]
    assert item["LINE_ITEM_NUMBER_OF_UNITS"] == units
    assert agrees_to_the_cent(units, item["LINE_ITEM_UNIT_COST"], item["LINE_ITEM_ADJUSTMENT_AMOUNT"],
                              item["LINE_ITEM_TOTAL"])


def test_the_law_firm_id_is_required():
    with pytest.raises(ValidationError, match="taxpayer ID") as caught:
        ledes.render([invoice(fee(), law_firm_id=" ")])
    assert caught.value.field == "law_firm_id"
    with pytest.raises(ValidationError, match="longer than 20"):
        ledes.render([invoice(fee(), law_firm_id="1" * 21)])


@pytest.mark.parametrize("code", ["ATTY", "", "partnr", "XX"])
def test_a_classification_outside_the_ledes_lists_is_refused(code):
    with pytest.raises(ValidationError, match="not a LEDES code"):
        ledes.render([invoice(fee(classification=code))])


@pytest.mark.parametrize("code", ["PARTNR", "ASSOC", "OFCNSL", "PARLGL", "LGLAST", "OTHER", "PT", "AS"])
def test_long_and_short_classifications_are_written_as_chosen(code):
    assert items(ledes.render([invoice(fee(classification=code))]))[0]["TIMEKEEPER_CLASSIFICATION"] == code


def test_a_long_timekeeper_name_is_cut_to_30_characters_with_a_warning():
    warnings: list[str] = []
    long = "Montgomery-Castellanos-Núñez, Jürgen"
    text = ledes.render([invoice(fee(name=long), fee(name=long), fee(name="Hale, Mary"))], warnings)
    names = [i["TIMEKEEPER_NAME"] for i in items(text)]
    assert names == ["Montgomery-Castellanos-Nunez,"] * 2 + ["Hale, Mary"]
    assert len(warnings) == 1 and "30 characters" in warnings[0]
    assert ledes.render([invoice(fee())], warnings) and len(warnings) == 1  # a short name adds nothing


def test_expense_lines_follow_the_fees_as_in_the_specification_sample():
    """The 1998B sample's expense lines: `4|E|1|0|24.95|19990117||E111|||Meals|24-6437381|24.95|||423-987[]`."""
    meals = ledes.ExpenseLine(date(2026, 11, 17), 1, 2_495, 2_495, "E111", "Meals")
    copies = ledes.ExpenseLine(date(2026, 11, 18), 120, 15, 1_500, "E101", "Copying, 120 pages", "1")
    text = ledes.render([invoice(fee(60, 15_000, 15_000), expenses=(meals, copies))])
    fee_line, meal, copy = items(text)
    assert text.splitlines()[3].endswith("|2|E|1|0.00|24.95|20261117||E111|||Meals|24-6437381|24.95|||[]")
    assert (copy["LINE_ITEM_NUMBER_OF_UNITS"], copy["LINE_ITEM_UNIT_COST"], copy["LINE_ITEM_TOTAL"]) == (
        "120", "0.15", "15.00")
    assert agrees_to_the_cent(copy["LINE_ITEM_NUMBER_OF_UNITS"], copy["LINE_ITEM_UNIT_COST"],
                              copy["LINE_ITEM_ADJUSTMENT_AMOUNT"], copy["LINE_ITEM_TOTAL"])
    assert copy["LINE_ITEM_ADJUSTMENT_AMOUNT"] == "-3.00"  # 120 × 0.15 = 18.00, billed 15.00
    assert fee_line["INVOICE_TOTAL"] == meal["INVOICE_TOTAL"] == "189.95"  # 150.00 + 24.95 + 15.00
    assert {meal["TIMEKEEPER_NAME"], meal["TIMEKEEPER_CLASSIFICATION"], meal["LINE_ITEM_TASK_CODE"]} == {""}


@pytest.mark.parametrize("expense, message", [
    (ledes.ExpenseLine(date(2026, 11, 17), 1, 100, 100, "E999", "Lunch"), "not a UTBMS expense code"),
    (ledes.ExpenseLine(date(2026, 11, 17), 0, 100, 0, "E101", "Copies"), "needs a quantity"),
])
def test_a_bad_expense_line_is_named(expense, message):
    with pytest.raises(ValidationError, match=message):
        ledes.render([invoice(fee(), expenses=(expense,))])
