"""LEDES 1998B: the pipe-delimited e-billing invoice file (see the field list in the reference facts).

Line 1 is `LEDES1998B[]`, line 2 the 24 field names, then one line per item, each ending in `[]`.
Dates are YYYYMMDD; amounts have two decimals; every line item obeys
LINE_ITEM_TOTAL = units × unit cost + adjustment, and INVOICE_TOTAL is the sum of the invoice's lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.names import strip_accents

FIELDS = ("INVOICE_DATE", "INVOICE_NUMBER", "CLIENT_ID", "LAW_FIRM_MATTER_ID", "INVOICE_TOTAL", "BILLING_START_DATE",
          "BILLING_END_DATE", "INVOICE_DESCRIPTION", "LINE_ITEM_NUMBER", "EXP/FEE/INV_ADJ_TYPE",
          "LINE_ITEM_NUMBER_OF_UNITS", "LINE_ITEM_ADJUSTMENT_AMOUNT", "LINE_ITEM_TOTAL", "LINE_ITEM_DATE",
          "LINE_ITEM_TASK_CODE", "LINE_ITEM_EXPENSE_CODE", "LINE_ITEM_ACTIVITY_CODE", "TIMEKEEPER_ID",
          "LINE_ITEM_DESCRIPTION", "LAW_FIRM_ID", "LINE_ITEM_UNIT_COST", "TIMEKEEPER_NAME",
          "TIMEKEEPER_CLASSIFICATION", "CLIENT_MATTER_ID")
ID_LIMIT = 20  # INVOICE_NUMBER, CLIENT_ID, LAW_FIRM_MATTER_ID
CENT = Decimal("0.01")
TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "\u00a0": " "})


@dataclass(frozen=True)
class FeeLine:
    """One time entry as a fee line; `total_cents` is what the app bills for it (0 for no charge)."""

    day: date
    billed_minutes: int
    rate_cents: int
    total_cents: int
    task_code: str
    activity_code: str
    timekeeper_id: str
    timekeeper_name: str  # "Last, First"
    classification: str
    description: str


@dataclass(frozen=True)
class Invoice:
    invoice_date: date
    number: str
    client_id: str
    matter_id: str  # the firm's matter number
    start: date
    end: date
    description: str
    law_firm_id: str
    client_matter_id: str
    lines: tuple[FeeLine, ...]


def units(billed_minutes: int) -> Decimal:
    """Hours as LEDES units: two places when exact (0.30, 1.25), else four (1-minute increments)."""
    hours = Decimal(billed_minutes) / 60
    two = hours.quantize(CENT)
    return two if two * 60 == billed_minutes else hours.quantize(Decimal("0.0001"), ROUND_HALF_UP)


def _money(cents: int | Decimal) -> str:
    return f"{(Decimal(cents) / 100).quantize(CENT)}"


def _text(value: str) -> str:
    """ASCII, one line, without the delimiters (`|` and `[]`)."""
    flat = " ".join(strip_accents(value.translate(TYPOGRAPHY)).replace("|", "/").replace("[]", "").split())
    return flat.encode("ascii", "replace").decode("ascii")


def _check_ids(invoice: Invoice) -> None:
    for label, value in (("invoice number", invoice.number), ("client ID", invoice.client_id),
                         ("matter number", invoice.matter_id)):
        if not value.strip():
            raise ValidationError("ledes", f"The LEDES {label} is empty; it is required.")
        if len(value) > ID_LIMIT:
            raise ValidationError("ledes", f"The LEDES {label} “{value}” is longer than {ID_LIMIT} characters.")


def render(invoices: list[Invoice]) -> str:
    """The whole LEDES 1998B file: every line ends in `[]` and a line break."""
    lines = ["LEDES1998B[]", "|".join(FIELDS) + "[]"]
    number = 0
    for invoice in invoices:
        _check_ids(invoice)
        if not invoice.lines:
            raise ValidationError("ledes", f"Invoice {invoice.number} has no billable time in the period.")
        invoice_total = sum(line.total_cents for line in invoice.lines)
        head = [invoice.invoice_date.strftime("%Y%m%d"), _text(invoice.number), _text(invoice.client_id),
                _text(invoice.matter_id), _money(invoice_total), invoice.start.strftime("%Y%m%d"),
                invoice.end.strftime("%Y%m%d"), _text(invoice.description)]
        for line in invoice.lines:
            number += 1
            count = units(line.billed_minutes)
            extended = (count * line.rate_cents).quantize(Decimal(1), ROUND_HALF_UP)  # cents
            adjustment = line.total_cents - extended  # a no-charge line is discounted to 0
            fields = head + [str(number), "F", f"{count}", _money(adjustment), _money(line.total_cents),
                             line.day.strftime("%Y%m%d"), line.task_code, "", line.activity_code,
                             _text(line.timekeeper_id), _text(line.description), _text(invoice.law_firm_id),
                             _money(line.rate_cents), _text(line.timekeeper_name), _text(line.classification),
                             _text(invoice.client_matter_id)]
            lines.append("|".join(fields) + "[]")
    return "\n".join(lines) + "\n"
