"""Every LEDES line exported from the demo practice, checked field by field against the 1998B specification."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.services.database import open_database
from legalsec_desktop.services.timesheet import ledes_export

HEADER = ("INVOICE_DATE|INVOICE_NUMBER|CLIENT_ID|LAW_FIRM_MATTER_ID|INVOICE_TOTAL|BILLING_START_DATE|"
          "BILLING_END_DATE|INVOICE_DESCRIPTION|LINE_ITEM_NUMBER|EXP/FEE/INV_ADJ_TYPE|LINE_ITEM_NUMBER_OF_UNITS|"
          "LINE_ITEM_ADJUSTMENT_AMOUNT|LINE_ITEM_TOTAL|LINE_ITEM_DATE|LINE_ITEM_TASK_CODE|LINE_ITEM_EXPENSE_CODE|"
          "LINE_ITEM_ACTIVITY_CODE|TIMEKEEPER_ID|LINE_ITEM_DESCRIPTION|LAW_FIRM_ID|LINE_ITEM_UNIT_COST|"
          "TIMEKEEPER_NAME|TIMEKEEPER_CLASSIFICATION|CLIENT_MATTER_ID[]")
DAY = re.compile(r"^\d{8}$")
MONEY = re.compile(r"^-?\d{1,12}\.\d{2}$")  # 14.2 (Collaborati), and within 12.4 (Mitratech)
UNITS = re.compile(r"^\d{1,6}\.(\d{2}|\d{4})$")
TASK = re.compile(r"^([LBC]\d{3})?$")
ACTIVITY = re.compile(r"^(A1(0[1-9]|1[01]))?$")  # A101-A111: the official set ends at A111
CODES = {"PARTNR", "ASSOC", "OFCNSL", "PARLGL", "LGLAST", "OTHER", "PT", "AS"}
REQUIRED = ("INVOICE_DATE", "INVOICE_NUMBER", "CLIENT_ID", "LAW_FIRM_MATTER_ID", "INVOICE_TOTAL",
            "BILLING_START_DATE", "BILLING_END_DATE", "INVOICE_DESCRIPTION", "LINE_ITEM_NUMBER",
            "EXP/FEE/INV_ADJ_TYPE", "LINE_ITEM_NUMBER_OF_UNITS", "LINE_ITEM_ADJUSTMENT_AMOUNT", "LINE_ITEM_TOTAL",
            "LINE_ITEM_DATE", "TIMEKEEPER_ID", "LINE_ITEM_DESCRIPTION", "LAW_FIRM_ID", "LINE_ITEM_UNIT_COST",
            "TIMEKEEPER_NAME", "TIMEKEEPER_CLASSIFICATION")
LIMITS = {"INVOICE_NUMBER": 20, "CLIENT_ID": 20, "LAW_FIRM_MATTER_ID": 20, "LAW_FIRM_ID": 20, "TIMEKEEPER_NAME": 30}


def is_day(value: str) -> bool:
    """YYYYMMDD, and a day the calendar has."""
    try:
        return bool(DAY.match(value)) and date(int(value[:4]), int(value[4:6]), int(value[6:])) is not None
    except ValueError:
        return False


def spec_problems(text: str) -> list[str]:
    """Every way `text` departs from LEDES 1998B (empty when it is a valid file)."""
    problems = []
    if not text.isascii():
        problems.append("not ASCII")
    lines = text.split("\n")
    if lines[-1] != "":
        problems.append("the last line has no line break")
    lines = lines[:-1]
    if lines[:2] != ["LEDES1998B[]", HEADER]:
        problems.append("the first two lines are not LEDES1998B[] and the header")
    names = HEADER[:-2].split("|")
    totals: dict[str, Decimal] = {}
    stated: dict[str, set[str]] = {}
    for number, line in enumerate(lines[2:], start=1):
        if not line.endswith("[]") or line.count("[]") != 1:
            problems.append(f"line {number}: does not end in one []")
        values = line[:-2].split("|")
        if len(values) != 24:
            problems.append(f"line {number}: {len(values)} fields, not 24")
            continue
        item = dict(zip(names, values))
        bad = [name for name in REQUIRED if not item[name]]
        bad += [name for name, limit in LIMITS.items() if len(item[name]) > limit]
        bad += [name for name in ("INVOICE_DATE", "BILLING_START_DATE", "BILLING_END_DATE", "LINE_ITEM_DATE")
                if not is_day(item[name])]
        bad += [name for name in ("INVOICE_TOTAL", "LINE_ITEM_ADJUSTMENT_AMOUNT", "LINE_ITEM_TOTAL",
                                  "LINE_ITEM_UNIT_COST") if not MONEY.match(item[name])]
        bad += [] if UNITS.match(item["LINE_ITEM_NUMBER_OF_UNITS"]) else ["LINE_ITEM_NUMBER_OF_UNITS"]
        bad += [] if item["LINE_ITEM_NUMBER"] == str(number) else ["LINE_ITEM_NUMBER"]
        bad += [] if item["EXP/FEE/INV_ADJ_TYPE"] == "F" else ["EXP/FEE/INV_ADJ_TYPE"]  # fees only, so far
        bad += [] if TASK.match(item["LINE_ITEM_TASK_CODE"]) else ["LINE_ITEM_TASK_CODE"]
        bad += [] if item["LINE_ITEM_EXPENSE_CODE"] == "" else ["LINE_ITEM_EXPENSE_CODE"]  # a fee has none
        bad += [] if ACTIVITY.match(item["LINE_ITEM_ACTIVITY_CODE"]) else ["LINE_ITEM_ACTIVITY_CODE"]
        bad += [] if item["TIMEKEEPER_CLASSIFICATION"] in CODES else ["TIMEKEEPER_CLASSIFICATION"]
        bad += [] if ", " in item["TIMEKEEPER_NAME"] else ["TIMEKEEPER_NAME"]  # "Last, First"
        if not set(bad) & {"INVOICE_TOTAL", "LINE_ITEM_ADJUSTMENT_AMOUNT", "LINE_ITEM_TOTAL", "LINE_ITEM_UNIT_COST",
                           "LINE_ITEM_NUMBER_OF_UNITS", "BILLING_START_DATE", "BILLING_END_DATE", "LINE_ITEM_DATE"}:
            start, end, day = item["BILLING_START_DATE"], item["BILLING_END_DATE"], item["LINE_ITEM_DATE"]
            bad += [] if start <= day <= end else ["LINE_ITEM_DATE"]
            exact = (Decimal(item["LINE_ITEM_NUMBER_OF_UNITS"]) * Decimal(item["LINE_ITEM_UNIT_COST"])
                     + Decimal(item["LINE_ITEM_ADJUSTMENT_AMOUNT"]))
            total = Decimal(item["LINE_ITEM_TOTAL"])
            if not (exact.quantize(Decimal("0.01"), ROUND_HALF_UP) == total
                    == exact.quantize(Decimal("0.01"), ROUND_HALF_EVEN) and abs(exact - total) < Decimal("0.005")):
                bad.append("LINE_ITEM_TOTAL (units × unit cost + adjustment)")
            totals[item["INVOICE_NUMBER"]] = totals.get(item["INVOICE_NUMBER"], Decimal(0)) + total
            stated.setdefault(item["INVOICE_NUMBER"], set()).add(item["INVOICE_TOTAL"])
        problems += [f"line {number}: {name} “{item.get(name, '')}”" for name in bad]
    for invoice, total in totals.items():
        if {Decimal(value) for value in stated[invoice]} != {total}:
            problems.append(f"invoice {invoice}: INVOICE_TOTAL {stated[invoice]} is not the sum of its lines {total}")
    return problems


def test_the_checker_finds_what_is_wrong():
    good = ("LEDES1998B[]\n" + HEADER + "\n20261130|INV-1|C1|2026-0001|0.00|20261101|20261130|For services|1|F|0.1167|"
            "-17.51|0.00|20261102|L120||A103|1|Call|24-6437381|150.00|Hale, Mary|ATTY|[]\n")
    assert spec_problems(good) == ["line 1: TIMEKEEPER_CLASSIFICATION “ATTY”",
                                   "line 1: LINE_ITEM_TOTAL (units × unit cost + adjustment) “”"]
    fixed = good.replace("|24-6437381|", "||").replace("ATTY", "PARTNR").replace("0.1167|-17.51", "0.1166|-17.49")
    assert spec_problems(fixed) == ["line 1: LAW_FIRM_ID “”"]
    valid = fixed.replace("||150.00", "|24-6437381|150.00")
    assert spec_problems(valid) == []
    assert spec_problems(valid.replace("|20261102|", "|20261131|")) == ["line 1: LINE_ITEM_DATE “20261131”"]
    assert spec_problems(valid.replace("|F|", "|F|x|")) == ["line 1: 25 fields, not 24"]
    assert spec_problems(valid.replace("|0.00|2026", "|0.01|2026", 1)) == [
        "invoice INV-1: INVOICE_TOTAL {'0.01'} is not the sum of its lines 0.00"]


def test_every_demo_line_meets_the_specification(demo_path, tmp_path):
    conn = sqlite3.connect(demo_path)
    try:
        periods = conn.execute("SELECT matter_id, min(entry_date), max(entry_date) FROM time_entry "
                               "WHERE billable != 'non-billable' GROUP BY matter_id ORDER BY matter_id").fetchall()
    finally:
        conn.close()
    store = open_database(demo_path, tmp_path / "backups")
    lines = no_charge = 0
    try:
        for matter_id, first, last in periods:  # an invoice a year (a period is at most five years)
            for year in range(int(first[:4]), int(last[:4]) + 1):
                try:
                    text, warnings = ledes_export(store, matter_id, date(year, 1, 1), date(year, 12, 31),
                                                  invoice_date=date(2026, 11, 30))
                except ValidationError as exc:
                    assert "no billable time" in exc.message
                    continue
                assert spec_problems(text) == [], (matter_id, year)
                assert warnings == []
                body = text.splitlines()[2:]
                lines += len(body)
                no_charge += sum(line.split("|")[12] == "0.00" for line in body)
    finally:
        store.close()
    assert len(periods) > 5 and lines > 100 and no_charge > 0  # the check saw real, varied invoices
