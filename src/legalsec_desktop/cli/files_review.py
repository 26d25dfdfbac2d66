"""`legalsec files review`: the destruction review list printed, or saved as PDF or Excel."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from legalsec_desktop.cli.arguments import Parser, iso_date, path
from legalsec_desktop.cli.common import EXIT_OK, clock, open_existing
from legalsec_desktop.db.location import DatabaseLocation
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.text_limits import shown

MAY_GO = "may be destroyed"


def add_review_parser(files_subparsers: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """files review (the `files` group calls this; its handler is COMMANDS["review"])."""
    review = files_subparsers.add_parser(
        "review", parents=[common], help="the destruction review: closed files whose retention has run",
        description="Every file not yet destroyed whose destroy-after date is on or before the day given (default "
                    "today): one a line, tab-separated: id, matter, client, label, where it is, destroy-after date "
                    "(YYYY-MM-DD), retention rule, and 'may be destroyed' or why not (legal hold, matter not "
                    "closed, checked out). With --out, saved as PDF or Excel (.xlsx) by the file name's ending.",
    )
    review.add_argument("--as-of", type=iso_date, metavar="DATE", help="the day to review for (default: today)")
    review.add_argument("--out", metavar="FILE.pdf|FILE.xlsx", type=path(new=True),
                        help="save the review list to this file instead of printing it")


def _cell(value: str) -> str:
    """A value on one line of tab-separated output: no tabs or line breaks of its own."""
    return " ".join(value.split())


def review_command(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services import destruction

    out = Path(args.out).expanduser() if args.out else None
    if out is not None and out.suffix.lower() not in (".pdf", ".xlsx"):
        raise UserFixableError(f"--out {shown(out.name or str(out))}: the file name must end in .pdf or .xlsx.")
    as_of: date = args.as_of or clock().today()
    store = open_existing(location, "there are no files to review")
    try:
        if out is not None and out.suffix.lower() == ".xlsx":
            saved, count = destruction.save_review_xlsx(store, out, as_of)
            print(f"Saved the destruction review ({count:,} file{'s' if count != 1 else ''}) to {saved}.")
            return EXIT_OK
        if out is not None:
            report = destruction.review_as_report(store, as_of)
        else:
            lines = destruction.review(store, as_of)
    finally:
        store.close()
    if out is not None:
        from legalsec_desktop.ui import headless
        from legalsec_desktop.ui.common import report_print

        headless.application()
        report_print.write_pdf(report, out)
        print(f"Saved the destruction review to {out}.")
        return EXIT_OK
    for line in lines:
        print("\t".join(_cell(value) for value in (
            line.barcode, line.matter_number, line.client, line.label, line.where, line.destroy_after.isoformat(),
            line.retention or "-", line.refusal or MAY_GO)))
    ready = sum(line.may_destroy for line in lines)
    print(f"{len(lines):,} file{'s' if len(lines) != 1 else ''} due by {as_of.isoformat()}, {ready:,} may be "
          f"destroyed, {len(lines) - ready:,} held back." if lines
          else f"No file is due for destruction by {as_of.isoformat()}.", file=sys.stderr)
    return EXIT_OK


COMMANDS = {"review": review_command}
