"""The `legalsec` command: no arguments opens the window; subcommands work headless."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from datetime import date, datetime
from pathlib import Path

from legalsec_desktop import __version__, paths
from legalsec_desktop.clock import SYSTEM_CLOCK
from legalsec_desktop.cli_arguments import Parser, iso_date, path, rules, text, time_zone, trigger, whole_number
from legalsec_desktop.domain.errors import DamagedDatabaseError, NotADatabaseError, UserFixableError
from legalsec_desktop.domain.text_limits import printable, shown
from legalsec_desktop.instance_lock import InstanceLock
from legalsec_desktop.logs import setup_logging

log = logging.getLogger("legalsec")
EXIT_OK, EXIT_PROBLEM, EXIT_BUG = 0, 1, 3
CLOCK = SYSTEM_CLOCK  # the command line's one clock; tests pin it
MAX_NAME, MAX_NUMBER, MAX_INITIALS = 300, 40, 10  # a contact's name, a matter number, a timekeeper's initials


def _db_option() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    # SUPPRESS: a subcommand's own --db default must not erase a --db given before the subcommand.
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, type=path(new=True),
                        help=f"database file (default: ${paths.DB_ENV}, else the user data folder)")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _db_option()
    parser = Parser(
        prog="legalsec", parents=[common],
        description="legalsec-desktop: calendar and deadlines, matters, correspondence, time and files for a "
                    "legal secretary. With no command, opens the window.",
        epilog=f"Default database: {paths.default_db_path()}",
    )
    parser.add_argument("--version", action="version", version=f"legalsec-desktop {__version__}")
    parser.add_argument("--read-only", action="store_true", help="open the window without allowing changes")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("backup", parents=[common], help="make a verified backup now and rotate old ones",
                        description="Back up the database through the SQLite backup API, verify the copy with "
                                    "integrity_check, and rotate old backups (7 daily, 4 weekly, 12 monthly).")
    restore = commands.add_parser("restore", parents=[common], help="replace the database with a backup",
                                  description="Verify FILE, back up (or move aside, if damaged) the current database, "
                                              "then restore FILE in its place.")
    restore.add_argument("file", metavar="FILE", type=path(new=False), help="the backup to restore")
    commands.add_parser("check", parents=[common], help="integrity and foreign-key check (exit 1 on damage)",
                        description="Run SQLite's integrity_check and foreign_key_check; exit 1 if anything is wrong.")
    commands.add_parser("backups", parents=[common], help="list the backups of the database",
                        description="List the backups of the database, newest first.")
    demo = commands.add_parser("demo", parents=[common], help="build a demo practice database",
                               description="Build a realistic, deterministic demo practice. Never overwrites an "
                                           "existing database unless --force is given.")
    demo.add_argument("--size", choices=("small", "large"), default="small",
                      help="small: a look around; large: a busy ten-year practice for benchmarks")
    demo.add_argument("--seed", type=whole_number, default=1, help="random seed (same seed and date, same database)")
    demo.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD",
                      help="the date the practice is built around (default: today)")
    demo.add_argument("--force", action="store_true", help="replace an existing database")
    conflicts = commands.add_parser(
        "conflicts", parents=[common], help="conflict-of-interest check: print every similar name in the files",
        description="Search every client, contact, party and alias, in open and closed matters, for names like "
                    "NAME (spelling, order and form do not matter: \"Smith, Jon\" finds John Smith; \"Acme Inc.\" "
                    "finds ACME Incorporated). Prints one hit per line, tab-separated: name found, matter number, "
                    "role, matter status, score (0-100), and LIKELY CONFLICT when a client-side name was on the "
                    "adverse side of a matter, or an --adverse name is or was a client. The check is recorded.",
    )
    name = text(MAX_NAME, "a name")
    conflicts.add_argument("names", nargs="+", metavar="NAME", type=name, help="the prospective client and its people")
    conflicts.add_argument("--adverse", action="append", default=[], metavar="NAME", type=name,
                           help="an opposing party or counsel of the new matter (repeatable)")
    conflicts.add_argument("--other", action="append", default=[], metavar="NAME", type=name,
                           help="anyone else involved: witness, insurer... (repeatable)")
    conflicts.add_argument("--min-score", type=whole_number, default=85, metavar="N",
                           help="list names scoring at least N out of 100 (default 85)")
    conflicts.add_argument("--report", metavar="FILE.docx", type=path(new=True),
                           help="also save the conflict report as a Word file")
    conflicts.add_argument("--no-record", action="store_true", help="do not record this check in the database")
    _deadline_parser(commands, common)
    _docket_parser(commands, common)
    _time_parsers(commands, common)
    shots = commands.add_parser("screenshot", parents=[common], help="save a PNG of every tab (offscreen)",
                                description="Render every tab of the database's window to PNG files, offscreen.")
    shots.add_argument("--out", required=True, metavar="DIR", type=path(new=True), help="folder for the PNG files")
    return parser


def _deadline_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
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


def _docket_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from legalsec_desktop.reports.docket import MAX_AHEAD, MAX_DAYS

    docket = commands.add_parser(
        "docket", parents=[common], help="save or print the docket sheet for a day or a range",
        description="The docket sheet: the day's hearings, appointments and deadlines (sorted by time), what is "
                    "coming up, what is overdue, unverified deadlines and statutes of limitations within 90 days. "
                    "Saved as PDF or Word (.docx) by the file name's ending, or printed on the default printer.",
    )
    docket.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="the first day (default: today)")
    docket.add_argument("--days", type=whole_number, default=1, metavar="N",
                        help=f"how many days the sheet covers (1 to {MAX_DAYS}; default 1; 7 for the week ahead)")
    docket.add_argument("--ahead", type=whole_number, default=7, metavar="N",
                        help=f"list what is coming up in the N days after (0 to {MAX_AHEAD}; default 7)")
    docket.add_argument("--attorney", default="", metavar="INITIALS", type=text(MAX_INITIALS, "initials"),
                        help="only this attorney's docket")
    docket.add_argument("--by-attorney", action="store_true", help="group the items by attorney")
    docket.add_argument("--portrait", action="store_true", help="portrait pages (default: landscape)")
    docket.add_argument("--out", metavar="FILE.pdf|FILE.docx", type=path(new=True), help="save the sheet to this file")
    docket.add_argument("--print", action="store_true", help="send the sheet to the default printer")


def _time_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    sheet = commands.add_parser(
        "timesheet", parents=[common], help="export time entries to an Excel timesheet",
        description="Write the time entries of a period (dates inclusive) to an Excel workbook: a Detail sheet "
                    "with one row per entry and a Summary by client and matter, by timekeeper and by day whose "
                    "totals are live formulas.")
    sheet.add_argument("--from", dest="first", required=True, type=iso_date, metavar="DATE", help="first day")
    sheet.add_argument("--to", dest="last", required=True, type=iso_date, metavar="DATE", help="last day")
    sheet.add_argument("--timekeeper", default="", metavar="INITIALS", type=text(MAX_INITIALS, "initials"),
                       help="only this timekeeper's time")
    sheet.add_argument("--matter", default="", metavar="NUMBER", type=text(MAX_NUMBER, "a matter number"),
                       help="only this matter's time")
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


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths.use_private_temp()  # exports' temporary files (client data) never go to the system temp folder
    try:
        db_path = _db_path(getattr(args, "db", None))
    except UserFixableError as exc:
        _say(exc.message)
        return EXIT_PROBLEM
    if args.command is None:
        from legalsec_desktop.app import run

        return run(db_path, read_only=args.read_only)
    _never_fail_on_output()
    log_file = setup_logging()
    try:
        if db_path.is_dir() and args.command not in ("deadline",):  # the calculator works without a database
            raise UserFixableError(f"{db_path} is a folder, not a database file. Give the path of a file.")
        return COMMANDS[args.command](args, db_path)
    except UserFixableError as exc:
        _say(exc.message)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        _say("stopped.")
        return EXIT_PROBLEM
    except OSError as exc:  # the system refused: a name too long, no permission, a full disk, a missing folder
        log.warning("'legalsec %s' stopped by the system: %s", args.command,
                    errno.errorcode.get(exc.errno or 0, type(exc).__name__), exc_info=True)  # frames, no messages
        _say(_system_problem(exc))
        return EXIT_PROBLEM
    except OverflowError:  # a date or number past what Python counts, from input the checks let through
        log.warning("'legalsec %s' counted past the last date", args.command, exc_info=True)
        _say("a date or number is beyond what the program can count; choose nearer dates or smaller numbers.")
        return EXIT_PROBLEM
    except Exception:  # noqa: BLE001 - a bug: log it whole, tell the user briefly
        log.exception("unexpected error in 'legalsec %s'", args.command)
        where = f" Details were written to {log_file}." if log_file else ""
        _say(f"something unexpected went wrong; nothing was changed that was not reported.{where}")
        return EXIT_BUG


def _db_path(given: str | None) -> Path:
    """The database to use: --db (argparse has checked it), else $LEGALSEC_DB (checked here), else the default."""
    if given is None and os.environ.get(paths.DB_ENV):
        try:
            path(new=True)(os.environ[paths.DB_ENV])
        except argparse.ArgumentTypeError as exc:
            raise UserFixableError(f"${paths.DB_ENV}: {exc}.") from None
    try:
        return paths.resolve_db_path(given)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symbolic link that points at itself
        raise UserFixableError(f"{shown(given or os.environ.get(paths.DB_ENV, ''))} cannot be used as the "
                               f"database: {getattr(exc, 'strerror', None) or exc}.") from None


def _say(message: str) -> None:
    """One message on stderr, printable even on a stream that is strict about its encoding."""
    print(f"legalsec: {printable(message)}", file=sys.stderr)


def _never_fail_on_output() -> None:
    """Print what a terminal cannot encode as escapes: a saved file must not turn into a failure at 'Saved …'."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or unusual stream: leave it as it is
                pass


_WHAT_TO_DO = {
    errno.ENAMETOOLONG: "Choose a shorter file or folder name.",
    errno.ENOENT: "Check that the folder exists.",
    errno.ENOTDIR: "Part of the path is a file, not a folder.",
    errno.EISDIR: "That is a folder; give a file name.",
    errno.EACCES: "Check the permissions, or choose another place.",
    errno.EPERM: "Check the permissions, or choose another place.",
    errno.EROFS: "The disk is read-only; choose another place.",
    errno.ENOSPC: "The disk is full; free some space and try again.",
    errno.EIO: "The disk or network share reported an error; check it and try again.",
    errno.EEXIST: "A file of that name is in the way (a folder was expected there).",
}


def _system_problem(exc: OSError) -> str:
    """A plain message for an OSError: what was refused, why, what to do; the path shown short."""
    why = exc.strerror or type(exc).__name__
    where = exc.filename if exc.filename is not None else ""
    where = os.fsdecode(where) if isinstance(where, bytes) else str(where)
    subject = f"{shown(where)}: " if where else ""
    return f"{subject}{why}. {_WHAT_TO_DO.get(exc.errno or 0, 'Nothing else was changed.')}".strip()


def _exclusive(db_path: Path) -> InstanceLock:
    """Hold the database's instance lock, or explain that the window has it open; clear a killed run's leftovers."""
    from legalsec_desktop.services import maintenance

    lock = InstanceLock(*paths.lock_paths(db_path))
    if not lock.acquire():
        raise UserFixableError(f"{db_path} is open in the legalsec-desktop window. Close the window first.")
    maintenance.sweep_leftovers(db_path, paths.backup_dir(db_path))
    return lock


def _backup(_args: argparse.Namespace, db_path: Path) -> int:
    from legalsec_desktop.db.sqlite_file import probe
    from legalsec_desktop.services import maintenance

    if not db_path.exists():
        raise UserFixableError(f"{db_path} does not exist; there is nothing to back up.")
    probe(db_path)
    result = maintenance.back_up(db_path, paths.backup_dir(db_path), reason="manual", clock=CLOCK)
    print(f"Backed up {db_path} to {result.made} (verified).")
    if result.removed:
        print(f"Removed {len(result.removed)} old backup(s) by the rotation policy.")
    return EXIT_OK


def _backups(_args: argparse.Namespace, db_path: Path) -> int:
    from legalsec_desktop.services import maintenance

    folder = paths.backup_dir(db_path)
    found = maintenance.list_backups(folder)
    if not found:
        print(f"No backups yet in {folder}.")
    for info in found:
        print(f"{info.made_at:%Y-%m-%d %H:%M:%S}  {info.reason:<12} {info.size / 1_048_576:8.1f} MB  {info.path}")
    return EXIT_OK


def _restore(args: argparse.Namespace, db_path: Path) -> int:
    from legalsec_desktop.services import maintenance

    backup = Path(args.file).expanduser().resolve()
    if backup.is_dir():
        raise UserFixableError(f"{backup} is a folder. Give the backup file to restore (legalsec backups lists them).")
    if not backup.is_file():
        raise UserFixableError(f"{backup} does not exist.")
    with _exclusive(db_path):
        safety = maintenance.restore(backup, db_path, paths.backup_dir(db_path), clock=CLOCK)
    print(f"Restored {backup} to {db_path}.")
    if safety:
        print(f"The previous database was kept as {safety}.")
    return EXIT_OK


def _check(_args: argparse.Namespace, db_path: Path) -> int:
    from legalsec_desktop.services import maintenance

    if not db_path.exists():
        raise UserFixableError(f"{db_path} does not exist; there is nothing to check.")
    problems = maintenance.check(db_path)
    if problems:
        print(f"{db_path} is damaged:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        print(_restore_hint(db_path).strip(), file=sys.stderr)
        return EXIT_PROBLEM
    print(f"ok: {db_path} passed the integrity and foreign-key checks.")
    return EXIT_OK


def _demo(args: argparse.Namespace, db_path: Path) -> int:
    from legalsec_desktop.services.demo import build_demo

    def progress(stage: str, done: int, total: int) -> bool:
        if sys.stderr.isatty():
            print(f"\r{stage}: {done * 100 // max(total, 1)}%   ", end="", file=sys.stderr, flush=True)
        return True

    with _exclusive(db_path):
        counts = build_demo(db_path, size=args.size, seed=args.seed, today=args.today or CLOCK.today(),
                            force=args.force, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Built the {args.size} demo practice in {db_path}:")
    for table, count in counts.items():
        print(f"  {table.replace('_', ' ')}: {count:,}")
    return EXIT_OK


def _conflicts(args: argparse.Namespace, db_path: Path) -> int:
    from legalsec_desktop.domain.conflicts import SearchName
    from legalsec_desktop.services import conflicts

    if not 0 <= args.min_score <= 100:
        raise UserFixableError("--min-score must be between 0 and 100.")
    names = ([SearchName(n, "client") for n in args.names] + [SearchName(n, "adverse") for n in args.adverse]
             + [SearchName(n, "other") for n in args.other])
    store = _open_existing(db_path, "there are no names to check against")
    try:
        hits = conflicts.find_hits(store, names, min_score=args.min_score)
        for hit in hits:
            name = hit.name if not hit.via_alias else f"{hit.name} (alias of {hit.contact_name})"
            fields = [name, hit.matter_number or "-", hit.role, hit.matter_status or "-", str(hit.score)]
            print("\t".join(fields + (["LIKELY CONFLICT"] if hit.likely else [])))
        likely = sum(h.likely for h in hits)
        print(f"{len(hits)} hit(s), {likely} likely conflict(s)." if hits else "No similar names in the files.",
              file=sys.stderr)
        if not args.no_record and not store.read_only:
            check_id = conflicts.record_check(store, conflicts.clean_names(names), hits, context="Command line")
            if args.report:
                conflicts.save_report_as_word(store, check_id, Path(args.report).expanduser())
                print(f"Saved the conflict report to {args.report}.", file=sys.stderr)
        elif args.report:
            raise UserFixableError("A report needs a recorded check; leave out --no-record "
                                   "(and open a writable database).")
    finally:
        store.close()
    return EXIT_OK


def _deadline(args: argparse.Namespace, db_path: Path) -> int:
    from legalsec_desktop.domain.deadlines import Request
    from legalsec_desktop.services.deadlines import compute_with_closures, plan_chain

    trigger = _trigger(args.trigger, hours=args.hours is not None)
    store = _open_if_present(db_path)
    try:
        if args.event is not None:  # even blank: the rules then say which events there are
            if args.before:
                raise UserFixableError("--event sets its own directions; leave out --before.")
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
            _say(f"warning: {warning}")
        warned = warned or any("holiday calendar" in w for w in result.warnings)
    return EXIT_PROBLEM if warned else EXIT_OK


def _trigger(value: date | datetime, hours: bool) -> date | datetime:
    """--from as the count needs it: a time for --hours, a day otherwise (argparse has checked the text)."""
    if isinstance(value, datetime):
        return value if hours else value.date()
    if hours:
        raise UserFixableError("--hours counts from a time: write --from YYYY-MM-DDTHH:MM.")
    return value


def _open_if_present(db_path: Path):  # noqa: ANN202 - a Store or None
    """The database, when there is one (for court closure days); the calculator works without it."""
    if not db_path.is_file():
        return None
    from legalsec_desktop.services.database import open_database

    try:
        return open_database(db_path, paths.backup_dir(db_path), clock=CLOCK)
    except UserFixableError as exc:
        _say(f"warning: court closure days not read: {exc.message}")
        return None


def _docket(args: argparse.Namespace, db_path: Path) -> int:
    from legalsec_desktop.reports.docket import DocketRequest
    from legalsec_desktop.services.docket import docket_report

    out = Path(args.out).expanduser() if args.out else None
    if out is None and not args.print:
        raise UserFixableError("Say where the docket goes: --out FILE.pdf, --out FILE.docx, or --print.")
    if out is not None and out.suffix.lower() not in (".pdf", ".docx"):
        raise UserFixableError(f"--out {shown(out.name or str(out))}: the file name must end in .pdf or .docx.")
    request = DocketRequest(first=args.date or CLOCK.today(), days=args.days, ahead=args.ahead,
                            attorney=args.attorney.strip().upper(), by_attorney=args.by_attorney,
                            landscape=not args.portrait)
    request.check()
    store = _open_existing(db_path, "there is no calendar to print")
    try:
        report = docket_report(store, request, CLOCK.now())
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


def _restore_hint(db_path: Path) -> str:
    """What to do about a damaged database: the newest good backup and the command that restores it."""
    from legalsec_desktop.services import maintenance

    newest = maintenance.newest_good_backup(paths.backup_dir(db_path), clock=CLOCK)
    if newest is None:
        return " There is no good backup of it; nothing was changed."
    return (f" Nothing was changed. The newest good backup is {newest.path}; restore it with: "
            f"legalsec restore \"{newest.path}\" --db \"{db_path}\" (the damaged file is kept, renamed, beside it)")


def _open_existing(db_path: Path, missing: str):  # noqa: ANN202 - a Store
    """The database, or a clear message (`missing` says what its absence means) when there is none."""
    from legalsec_desktop.services.database import open_database

    if not db_path.is_file():
        raise UserFixableError(f"{db_path} does not exist; {missing}.")
    try:
        store = open_database(db_path, paths.backup_dir(db_path), check_with=paths.seal_path(db_path), clock=CLOCK)
    except (DamagedDatabaseError, NotADatabaseError) as exc:
        raise UserFixableError(exc.message + _restore_hint(db_path)) from exc
    for note in store.notes:
        print(f"legalsec: {note}", file=sys.stderr)
    return store


def _timesheet(args: argparse.Namespace, db_path: Path) -> int:
    from legalsec_desktop.services.timesheet import Scope, export_timesheet

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".xlsx":
        raise UserFixableError(f"--out {shown(out.name or str(out))}: the file name must end in .xlsx.")
    store = _open_existing(db_path, "there is no time to export")
    try:
        path, count = export_timesheet(store, Scope(args.first, args.last, args.timekeeper.strip(),
                                                    args.matter.strip()), out)
    finally:
        store.close()
    print(f"Saved {count:,} time entr{'y' if count == 1 else 'ies'} to {path}.")
    return EXIT_OK


def _ledes(args: argparse.Namespace, db_path: Path) -> int:
    from legalsec_desktop.services.timesheet import ledes_invoice, write_ledes

    store = _open_existing(db_path, "there is no time to export")
    try:
        text = ledes_invoice(store, args.matter, args.first, args.last, args.invoice, args.invoice_date)
    finally:
        store.close()
    path = write_ledes(text, Path(args.out).expanduser())
    print(f"Saved the LEDES 1998B invoice to {path}.")
    return EXIT_OK


def _screenshot(args: argparse.Namespace, db_path: Path) -> int:
    from legalsec_desktop.ui.screenshot import render_screenshots

    for saved in render_screenshots(db_path, Path(args.out), clock=CLOCK):
        print(saved)
    return EXIT_OK


COMMANDS = {
    "backup": _backup,
    "backups": _backups,
    "restore": _restore,
    "check": _check,
    "demo": _demo,
    "screenshot": _screenshot,
    "conflicts": _conflicts,
    "deadline": _deadline,
    "docket": _docket,
    "timesheet": _timesheet,
    "ledes": _ledes,
}
