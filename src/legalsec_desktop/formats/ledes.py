"""LEDES 1998B: the pipe-delimited e-billing invoice file (see the field list in the reference facts).

Line 1 is `LEDES1998B[]`, line 2 the 24 field names, then one line per item, each ending in `[]`.
Dates are YYYYMMDD; amounts have two decimals; every line item obeys
LINE_ITEM_TOTAL = units × unit cost + adjustment to the cent (see `line_amounts`), and INVOICE_TOTAL is the sum
of the invoice's lines. The law-firm ID is required; a timekeeper name longer than 30 characters is cut, with a
warning. Expense lines (type `E`, a UTBMS E-code, quantity × unit cost) follow an invoice's fee lines, as in the
specification's sample; the program records no expenses yet, so only the tests write them today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.firm import CLASSIFICATIONS, SHORT_CLASSIFICATIONS
from legalsec_desktop.domain.names import strip_accents
from legalsec_desktop.domain.utbms import expense_codes

FIELDS = ("INVOICE_DATE", "INVOICE_NUMBER", "CLIENT_ID", "LAW_FIRM_MATTER_ID", "INVOICE_TOTAL", "BILLING_START_DATE",
          "BILLING_END_DATE", "INVOICE_DESCRIPTION", "LINE_ITEM_NUMBER", "EXP/FEE/INV_ADJ_TYPE",
          "LINE_ITEM_NUMBER_OF_UNITS", "LINE_ITEM_ADJUSTMENT_AMOUNT", "LINE_ITEM_TOTAL", "LINE_ITEM_DATE",
          "LINE_ITEM_TASK_CODE", "LINE_ITEM_EXPENSE_CODE", "LINE_ITEM_ACTIVITY_CODE", "TIMEKEEPER_ID",
          "LINE_ITEM_DESCRIPTION", "LAW_FIRM_ID", "LINE_ITEM_UNIT_COST", "TIMEKEEPER_NAME",
          "TIMEKEEPER_CLASSIFICATION", "CLIENT_MATTER_ID")
ID_LIMIT = 20  # INVOICE_NUMBER, CLIENT_ID, LAW_FIRM_MATTER_ID, LAW_FIRM_ID
NAME_LIMIT = 30  # TIMEKEEPER_NAME
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
class ExpenseLine:
    """One disbursement (a filing fee, copies, a courier): `quantity` × `unit_cost_cents` = `total_cents`."""

    day: date
    quantity: int
    unit_cost_cents: int
    total_cents: int
    expense_code: str  # UTBMS E101–E124
    description: str
    timekeeper_id: str = ""  # who incurred it, when known


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
    expenses: tuple[ExpenseLine, ...] = ()


@dataclass(frozen=True)
class LineAmounts:
    """A fee line's numbers: units in ten-thousandths of an hour; extended, adjustment and total in cents."""

    units_e4: int
    extended_cents: int  # units × unit cost, to the cent
    adjustment_cents: int
    total_cents: int

    @property
    def units(self) -> Decimal:
        exact = Decimal(self.units_e4) / 10_000
        return exact.quantize(CENT) if self.units_e4 % 100 == 0 else exact.quantize(Decimal("0.0001"))


def line_amounts(billed_minutes: int, rate_cents: int, total_cents: int) -> LineAmounts:
    """Units, extended amount and adjustment that agree with `total_cents` to the cent, in integers.

    Hours are written with four places at most, so 7 minutes is 0.1167 h and 0.1167 × $150.00 is $17.505: half a
    cent, which one reader rounds up and another down (the no-charge line that was a cent off). Exact hours can
    do the same (0.25 h × $150.10 = $37.525). The units are the nearest four-place hours, or a neighbour
    (0.0001 h, 0.36 seconds, away) when that one gives an exact cent or the nearest gives a half cent. Then
    units × unit cost is always less than half a cent from a whole cent, never exactly half (a step of 0.0001 h
    moves it by the rate in ten-thousandths of a cent, which is a whole cent only for a rate in whole $100s, where
    no half cent can arise), so every reader rounds it the same way, and adjustment = total − that amount, exactly.
    """
    if billed_minutes < 0 or rate_cents < 0:
        raise ValueError("minutes and rate cannot be negative")
    low, rest = divmod(billed_minutes * 10_000, 60)
    candidates = [low, low + 1] if rest * 2 < 60 else [low + 1, low]  # the nearest first

    def residue(units_e4: int) -> int:  # the product's fraction of a cent, in ten-thousandths of a cent
        return units_e4 * rate_cents % 10_000

    if rest == 0 and residue(low) != 5_000:
        chosen = low  # exact hours stay exact
    else:  # an exact cent if a neighbour gives one, else the nearest that is not a half cent
        chosen = min(candidates, key=lambda u: (residue(u) == 5_000, residue(u) != 0, candidates.index(u)))
    extended = (chosen * rate_cents + 5_000) // 10_000  # the cent nearest to units × unit cost (never a tie)
    return LineAmounts(chosen, extended, total_cents - extended, total_cents)


def _money(cents: int | Decimal) -> str:
    return f"{(Decimal(cents) / 100).quantize(CENT)}"


def _text(value: str) -> str:
    """ASCII, one line, without the delimiters (`|` and `[]`)."""
    flat = " ".join(strip_accents(value.translate(TYPOGRAPHY)).replace("|", "/").replace("[]", "").split())
    return flat.encode("ascii", "replace").decode("ascii")


def _check_ids(invoice: Invoice) -> None:
    if not invoice.law_firm_id.strip():
        raise ValidationError("law_firm_id", "The firm's taxpayer ID is empty; LEDES needs it as the law-firm ID. "
                                             "Enter it in Settings (Firm), then export again.")
    for label, value in (("invoice number", invoice.number), ("client ID", invoice.client_id),
                         ("matter number", invoice.matter_id), ("law-firm ID", invoice.law_firm_id)):
        if not value.strip():
            raise ValidationError("ledes", f"The LEDES {label} is empty; it is required.")
        if len(value) > ID_LIMIT:
            raise ValidationError("ledes", f"The LEDES {label} “{value}” is longer than {ID_LIMIT} characters.")


def _classification(line: FeeLine) -> str:
    if line.classification not in CLASSIFICATIONS + SHORT_CLASSIFICATIONS:
        raise ValidationError("classification", f"{line.timekeeper_name}'s LEDES classification "
                                                f"“{line.classification}” is not a LEDES code; choose one in "
                                                f"Settings (Timekeepers).")
    return line.classification


def _name(line: FeeLine, warnings: list[str]) -> str:
    name = _text(line.timekeeper_name)
    if len(name) > NAME_LIMIT:
        cut = name[:NAME_LIMIT].rstrip()
        warning = f"The timekeeper name “{name}” is longer than {NAME_LIMIT} characters; it is written “{cut}”."
        if warning not in warnings:
            warnings.append(warning)
        return cut
    return name


def _expense_fields(line: ExpenseLine) -> list[str]:
    """The expense line's fields from LINE_ITEM_NUMBER_OF_UNITS to TIMEKEEPER_CLASSIFICATION, less the invoice's."""
    if line.expense_code not in expense_codes():
        raise ValidationError("expense_code", f"“{line.expense_code}” is not a UTBMS expense code (E101 to E124).")
    if line.quantity <= 0 or line.unit_cost_cents < 0:
        raise ValidationError("expense", f"The expense “{line.description}” needs a quantity and a unit cost.")
    adjustment = line.total_cents - line.quantity * line.unit_cost_cents
    return [str(line.quantity), _money(adjustment), _money(line.total_cents), line.day.strftime("%Y%m%d"), "",
            line.expense_code, "", _text(line.timekeeper_id), _text(line.description)]


def render(invoices: list[Invoice], warnings: list[str] | None = None) -> str:
    """The whole LEDES 1998B file: every line ends in `[]` and a line break.

    What was changed to fit (a timekeeper name cut to 30 characters) is added to `warnings`.
    """
    warnings = [] if warnings is None else warnings
    lines = ["LEDES1998B[]", "|".join(FIELDS) + "[]"]
    number = 0
    for invoice in invoices:
        _check_ids(invoice)
        if not invoice.lines and not invoice.expenses:
            raise ValidationError("ledes", f"Invoice {invoice.number} has no billable time in the period.")
        invoice_total = (sum(line.total_cents for line in invoice.lines)
                         + sum(line.total_cents for line in invoice.expenses))
        head = [invoice.invoice_date.strftime("%Y%m%d"), _text(invoice.number), _text(invoice.client_id),
                _text(invoice.matter_id), _money(invoice_total), invoice.start.strftime("%Y%m%d"),
                invoice.end.strftime("%Y%m%d"), _text(invoice.description)]
        for line in invoice.lines:
            number += 1
            amounts = line_amounts(line.billed_minutes, line.rate_cents, line.total_cents)  # no charge: to 0
            fields = head + [str(number), "F", f"{amounts.units}", _money(amounts.adjustment_cents),
                             _money(line.total_cents), line.day.strftime("%Y%m%d"), line.task_code, "",
                             line.activity_code, _text(line.timekeeper_id), _text(line.description),
                             _text(invoice.law_firm_id), _money(line.rate_cents), _name(line, warnings),
                             _classification(line), _text(invoice.client_matter_id)]
            lines.append("|".join(fields) + "[]")
        for expense in invoice.expenses:
            number += 1
            fields = [*head, str(number), "E", *_expense_fields(expense), _text(invoice.law_firm_id),
                      _money(expense.unit_cost_cents), "", "", _text(invoice.client_matter_id)]
            lines.append("|".join(fields) + "[]")
    return "\n".join(lines) + "\n"
