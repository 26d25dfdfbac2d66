"""The iCalendar commands: `ics import` (with a dry run that shows what would be imported) and `ics export`."""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from legalsec_desktop.cli.arguments import Parser, iso_date, path, text
from legalsec_desktop.cli.common import EXIT_OK, EXIT_PROBLEM, MAX_INITIALS, MAX_NUMBER, open_existing, say
from legalsec_desktop.db.location import DatabaseLocation
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.text_limits import printable, shown

if TYPE_CHECKING:  # the command loads the services only when it runs
    from legalsec_desktop.domain.events import EventDraft
    from legalsec_desktop.services.ical import Incoming


def add_parsers(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """ics import and ics export."""
    ics = commands.add_parser("ics", parents=[common], help="import or export iCalendar (.ics) files",
                              description="Import events from an iCalendar file written by Outlook, Google "
                                          "Calendar, Apple Calendar, Thunderbird and others, or export the "
                                          "calendar to one.")
    actions = ics.add_subparsers(dest="ics_command", metavar="ACTION", required=True)
    read = actions.add_parser(
        "import", parents=[common], help="import the events of an .ics file",
        description="Read every event of the file and save the good ones in one step (all or none). Prints one "
                    "line per event: imported (with any change from the file as a warning), or skipped with the "
                    "reason and its line number; then a summary. Exit status 0 when at least one event was "
                    "imported or the file holds none, 1 when the file cannot be read or no event can be imported.")
    read.add_argument("file", metavar="FILE.ics", type=path(new=False), help="the calendar file to read")
    read.add_argument("--matter", default="", metavar="NUMBER", type=text(MAX_NUMBER, "a matter number"),
                      help="put the events on this matter")
    read.add_argument("--dry-run", action="store_true", help="show what would be imported; save nothing")
    write = actions.add_parser(
        "export", parents=[common], help="export the calendar to an .ics file",
        description="Write the events (dates inclusive; a series whenever it repeats into the period) to an "
                    "iCalendar file that Outlook, Google Calendar and Thunderbird can import.")
    write.add_argument("--out", required=True, metavar="FILE.ics", type=path(new=True), help="the file to write")
    write.add_argument("--from", dest="first", type=iso_date, metavar="DATE", help="first day")
    write.add_argument("--to", dest="last", type=iso_date, metavar="DATE", help="last day")
    write.add_argument("--matter", default="", metavar="NUMBER", type=text(MAX_NUMBER, "a matter number"),
                       help="only this matter's events")
    write.add_argument("--attorney", default="", metavar="INITIALS", type=text(MAX_INITIALS, "initials"),
                       help="only this attorney's calendar")


def _ics(args: argparse.Namespace, location: DatabaseLocation) -> int:
    return _import(args, location) if args.ics_command == "import" else _export(args, location)


def _import(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.domain import rule_sets
    from legalsec_desktop.services import deadlines, ical

    source = Path(args.file).expanduser()
    if source.is_dir():
        raise UserFixableError(f"{shown(str(source))} is a folder; give the .ics file to import.")
    store = open_existing(location, "create it first (run legalsec with no command) to import into it")
    try:
        matter = ical.matter_id(store, args.matter)
        zone = rule_sets.load(deadlines.rules_for_matter(store, matter)).default_tz
        reading = ical.read_ics(source, zone)
        drafts = [item.draft if matter is None else _on_matter(item.draft, matter) for item in reading.events]
        if drafts and not args.dry_run:
            ical.import_events(store, drafts, ical.series_links(reading.events))
    finally:
        store.close()
    verb = "would import" if args.dry_run else "imported"
    lines = [(item.line, f"line {item.line}: {verb} {_describe(item)}") for item in reading.events]
    lines += [(item.line, printable(item.text())) for item in reading.skipped]
    for _, line in sorted(lines, key=lambda pair: pair[0]):
        print(line)
    count, skipped = len(reading.events), len(reading.skipped)
    summary = (f"{'Would import' if args.dry_run else 'Imported'} {count:,} event{'' if count == 1 else 's'} "
               f"from {source.name}" + (f"; skipped {skipped:,}" if skipped else "") + ".")
    print(summary)
    if count == 0 and skipped:
        say("no event of the file could be imported.")
        return EXIT_PROBLEM
    return EXIT_OK


def _on_matter(draft: EventDraft, matter: int) -> EventDraft:
    from dataclasses import replace

    return replace(draft, matter_id=matter)


def _repeats(rule: str) -> str:
    from legalsec_desktop.domain.events import describe_rule

    words = describe_rule(rule)
    return f"repeats {rule}" if words == rule else f"repeats {words[:1].lower()}{words[1:]} ({rule})"


def _describe(item: Incoming) -> str:
    draft = item.draft
    when = draft.on_date.isoformat()
    if not draft.all_day and draft.start is not None:
        when += f" {draft.start.strftime('%H:%M')} {draft.tz}"
    extra = [_repeats(draft.rrule)] if draft.rrule else []
    extra += [f"warning: {w}" for w in item.warnings]
    return printable(f"“{draft.title[:80]}” on {when}" + (f" ({'; '.join(extra)})" if extra else ""))


def _export(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services import ical
    from legalsec_desktop.services.calendar import Filters

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".ics":
        raise UserFixableError(f"--out {shown(out.name or str(out))}: the file name must end in .ics.")
    if args.first is not None and args.last is not None and args.last < args.first:
        raise UserFixableError(f"--to {args.last.isoformat()} is before --from {args.first.isoformat()}.")
    store = open_existing(location, "there is no calendar to export")
    try:
        filters = Filters(matter_id=ical.matter_id(store, args.matter), attorney_id=ical.attorney_id(store,
                                                                                                    args.attorney))
        last = args.last + timedelta(days=1) if args.last is not None else None
        count = ical.export_ics(store, out, filters, args.first, last)
    finally:
        store.close()
    print(f"Saved {count:,} event{'' if count == 1 else 's'} to {out}.")
    return EXIT_OK


COMMANDS = {"ics": _ics}
