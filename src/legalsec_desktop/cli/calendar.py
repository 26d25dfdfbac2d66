"""The calendar commands: deadline (the court-deadline calculator) and docket (the docket sheet)."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from legalsec_desktop.cli.arguments import Parser, iso_date, path, rules, text, time_zone, trigger, whole_number
from legalsec_desktop.db.location import DatabaseLocation
from legalsec_desktop.cli.common import EXIT_OK, EXIT_PROBLEM, MAX_INITIALS, clock, open_existing, open_if_present, say
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.text_limits import shown


def add_deadline_parser(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """deadline, with every named rule event listed in its help."""
    from legalsec_desktop.domain import rule_sets

    named = []
    for code in rule_sets.rule_codes():
        for event in rule_sets.load(code).events:
            counts = "; ".join(f"{d.title}: {d.count} {rule_sets.UNIT_LABELS[d.unit]}{' before' if d.before else ''} "
                               f"({d.cite})" for d in event.deadlines)
            named.append(f"  --rules {code} --event {event.key}: {event.trigger} → {counts}")
    deadline = commands.add_parser(
        "deadline", parents=[common], help="compute a court deadline and print how it was counted",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Count a period from a trigger under a court's rules. The first line is the due date "
                    "(YYYY-MM-DD, or YYYY-MM-DDTHH:MM for periods in hours); the lines after it show the "
                    "derivation: rule, trigger, count, and each day skipped and why. Court closure days recorded "
                    "in the database are skipped too. Exit status 1 when a year the count touches has no holiday "
                    "calendar (the date is printed with a warning).",
        epilog="Named rule events (--event):\n" + "\n".join(named),
    )
    deadline.add_argument("--rules", required=True, metavar="RULES", type=rules,
                          help="US-FED, US-FED:ST (a federal court in state ST, e.g. US-FED:MA), CA, NY or TX")
    deadline.add_argument("--from", dest="trigger", required=True, metavar="DATE[THH:MM]", type=trigger,
                          help="the trigger: the day of service, filing or the hearing (a time for --hours)")
    amount = deadline.add_mutually_exclusive_group(required=True)
    amount.add_argument("--days", type=whole_number, metavar="N", help="a period of N calendar days")
    amount.add_argument("--court-days", type=whole_number, metavar="N", help="a period of N court days")
    amount.add_argument("--hours", type=whole_number, metavar="N", help="a period of N hours")
    amount.add_argument("--event", metavar="NAME", type=text(40, "an event name"),
                        help="a named rule event (listed below): all its deadlines")
    deadline.add_argument("--before", action="store_true", help="count backward: N days before the trigger")
    deadline.add_argument("--service", default="personal", metavar="METHOD",
                          choices=rule_sets.SERVICE_METHODS,
                          help="how the paper was served: " + ", ".join(rule_sets.SERVICE_METHODS)
                               + " (default personal: nothing added)")
    deadline.add_argument("--tz", default="", metavar="ZONE", type=time_zone,
                          help="time zone of the court for --hours (default: the rules' zone, e.g. America/New_York)")


def add_docket_parser(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """docket."""
    from legalsec_desktop.reports.docket import MAX_AHEAD, MAX_DAYS

    docket = commands.add_parser(
        "docket", parents=[common], help="save or print the docket sheet for a day or a range",
        description="The docket sheet: the day's hearings, appointments, deadlines and reminders (sorted by time; "
                    "on a past day, what was done is ticked), what is coming up, overdue deadlines and reminders, "
                    "past hearings not marked done, unverified deadlines and statutes of limitations within 90 "
                    "days. Times are in the firm's zone (the computer's, else its court rules'); a time kept in "
                    "another zone shows that zone too. Saved as PDF or Word (.docx) by the file name's ending, or "
                    "printed on the default printer.",
    )
    docket.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="the first day (default: today)")
    docket.add_argument("--days", type=whole_number, default=1, metavar="N",
                        help=f"how many days the sheet covers (1 to {MAX_DAYS}; default 1; 7 for the week ahead)")
    docket.add_argument("--ahead", type=whole_number, default=7, metavar="N",
                        help=f"list what is coming up in the N days after (0 to {MAX_AHEAD}; default 7)")
    docket.add_argument("--attorney", default="", metavar="INITIALS", type=text(MAX_INITIALS, "initials"),
                        help="only this attorney's docket")
    docket.add_argument("--by-attorney", action="store_true", help="each attorney's items on pages of their own")
    docket.add_argument("--tz", default="", metavar="ZONE", type=time_zone,
                        help="give the times in this zone (default: the firm's), e.g. America/Chicago")
    docket.add_argument("--portrait", action="store_true", help="portrait pages (default: landscape)")
    docket.add_argument("--out", metavar="FILE.pdf|FILE.docx", type=path(new=True), help="save the sheet to this file")
    docket.add_argument("--print", action="store_true", help="send the sheet to the default printer")


def _deadline(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.domain.deadlines import Request
    from legalsec_desktop.services.deadlines import compute_with_closures, plan_chain

    trigger = _trigger(args.trigger, hours=args.hours is not None)
    store = open_if_present(location)
    try:
        if args.event is not None:  # even blank: the rules then say which events there are
            if args.before:
                raise UserFixableError("--event sets its own directions; leave out --before.")
            # arg-type: plan_chain counts without a database too (no closure days); its annotation says Store.
            planned = plan_chain(store, trigger, args.rules, args.event, args.service)  # type: ignore[arg-type]
            results = [(f"{item.title}", item.result) for item in planned]
        else:
            unit, count = next((u, getattr(args, u)) for u in ("days", "court_days", "hours")
                               if getattr(args, u) is not None)
            request = Request(rules=args.rules, trigger=trigger, count=count, unit=unit, before=args.before,
                              service=args.service, tz=args.tz)
            results = [("", compute_with_closures(store, request))]
    finally:
        if store is not None:
            store.close()
    warned = False
    for index, (title, result) in enumerate(results):
        if index:
            print()
        print(result.first_line + (f"\t{title}" if title else ""))
        print(result.text())
        for warning in result.warnings:
            say(f"warning: {warning}")
        warned = warned or any("holiday calendar" in w for w in result.warnings)
    return EXIT_PROBLEM if warned else EXIT_OK


def _trigger(value: date | datetime, hours: bool) -> date | datetime:
    """--from as the count needs it: a time for --hours, a day otherwise (argparse has checked the text)."""
    if isinstance(value, datetime):
        return value if hours else value.date()
    if hours:
        raise UserFixableError("--hours counts from a time: write --from YYYY-MM-DDTHH:MM.")
    return value


def _docket(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.reports.docket import DocketRequest
    from legalsec_desktop.services.docket import docket_report

    out = Path(args.out).expanduser() if args.out else None
    if out is None and not args.print:
        raise UserFixableError("Say where the docket goes: --out FILE.pdf, --out FILE.docx, or --print.")
    if out is not None and out.suffix.lower() not in (".pdf", ".docx"):
        raise UserFixableError(f"--out {shown(out.name or str(out))}: the file name must end in .pdf or .docx.")
    request = DocketRequest(first=args.date or clock().today(), days=args.days, ahead=args.ahead,
                            attorney=args.attorney.strip().upper(), by_attorney=args.by_attorney,
                            landscape=not args.portrait, zone=args.tz)
    request.check()
    store = open_existing(location, "there is no calendar to print")
    try:
        report = docket_report(store, request, clock().now())
    finally:
        store.close()
    if out is not None and out.suffix.lower() == ".docx":
        from legalsec_desktop.formats.docx_report import write_docx

        write_docx(report, out)
        print(f"Saved the docket to {out}.")
    if (out is not None and out.suffix.lower() == ".pdf") or args.print:
        from legalsec_desktop.ui import headless
        from legalsec_desktop.ui.common import report_print

        headless.application()
        if out is not None and out.suffix.lower() == ".pdf":
            report_print.write_pdf(report, out)
            print(f"Saved the docket to {out}.")
        if args.print:
            print(f"Sent the docket to {report_print.print_to_default(report)}.")
    return EXIT_OK


COMMANDS = {"deadline": _deadline, "docket": _docket}
