"""The time commands: timesheet (an Excel workbook) and ledes (a LEDES 1998B e-billing file)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from legalsec_desktop.cli.arguments import Parser, iso_date, path, text
from legalsec_desktop.db.location import DatabaseLocation
from legalsec_desktop.cli.common import EXIT_OK, MAX_INITIALS, MAX_NUMBER, open_existing
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.text_limits import shown


def add_parsers(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """timesheet and ledes."""
    sheet = commands.add_parser(
        "timesheet", parents=[common], help="export time entries to an Excel timesheet",
        description="Write the time entries of a period (dates inclusive) to an Excel workbook: a Detail sheet "
                    "with one row per entry and a Summary by client and matter, by timekeeper and by day. Its "
                    "totals are formulas saved with their values, so previews show them too.")
    sheet.add_argument("--from", dest="first", required=True, type=iso_date, metavar="DATE", help="first day")
    sheet.add_argument("--to", dest="last", required=True, type=iso_date, metavar="DATE", help="last day")
    sheet.add_argument("--timekeeper", default="", metavar="INITIALS", type=text(MAX_INITIALS, "initials"),
                       help="only this timekeeper's time")
    sheet.add_argument("--matter", default="", metavar="NUMBER", type=text(MAX_NUMBER, "a matter number"),
                       help="only this matter's time")
    sheet.add_argument("--billable-only", action="store_true",
                       help="only billable time (leave out no-charge and non-billable time)")
    sheet.add_argument("--final-only", action="store_true",
                       help="only final and billed entries (leave out drafts)")
    sheet.add_argument("--out", required=True, metavar="FILE.xlsx", type=path(new=True), help="the workbook to write")
    invoice = commands.add_parser(
        "ledes", parents=[common], help="export a matter's time as a LEDES 1998B e-billing file",
        description="Write the fee entries of one matter in a period as a LEDES 1998B invoice (pipe-delimited "
                    "text). Billable time is billed in full; no-charge time is listed and discounted to zero; "
                    "non-billable time is left out.")
    invoice.add_argument("--matter", required=True, metavar="NUMBER", type=text(MAX_NUMBER, "a matter number"),
                         help="the matter to invoice")
    invoice.add_argument("--from", dest="first", required=True, type=iso_date, metavar="DATE", help="first day")
    invoice.add_argument("--to", dest="last", required=True, type=iso_date, metavar="DATE", help="last day")
    invoice.add_argument("--invoice", default="", metavar="NUMBER", type=text(MAX_NUMBER, "an invoice number"),
                         help="the invoice number (default: MATTER-YYYYMM of the last day)")
    invoice.add_argument("--invoice-date", type=iso_date, metavar="DATE", help="the invoice date (default: today)")
    invoice.add_argument("--out", required=True, metavar="FILE.txt", type=path(new=True), help="the file to write")


def _timesheet(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services.timesheet import Scope, export_timesheet

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".xlsx":
        raise UserFixableError(f"--out {shown(out.name or str(out))}: the file name must end in .xlsx.")
    store = open_existing(location, "there is no time to export")
    try:
        path, count = export_timesheet(store, Scope(args.first, args.last, args.timekeeper.strip(),
                                                    args.matter.strip(), billable_only=args.billable_only,
                                                    final_only=args.final_only), out)
    finally:
        store.close()
    print(f"Saved {count:,} time entr{'y' if count == 1 else 'ies'} to {path}.")
    return EXIT_OK


def _ledes(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services.timesheet import ledes_export, write_ledes

    store = open_existing(location, "there is no time to export")
    try:
        text, warnings = ledes_export(store, args.matter, args.first, args.last, args.invoice, args.invoice_date)
    finally:
        store.close()
    for warning in warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    path = write_ledes(text, Path(args.out).expanduser())
    print(f"Saved the LEDES 1998B invoice to {path}.")
    return EXIT_OK


COMMANDS = {"timesheet": _timesheet, "ledes": _ledes}
