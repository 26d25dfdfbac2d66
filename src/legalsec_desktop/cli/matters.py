"""The matters commands: conflicts (a conflict-of-interest check on the command line)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from legalsec_desktop.cli.arguments import Parser, path, text, whole_number
from legalsec_desktop.db.location import DatabaseLocation
from legalsec_desktop.cli.common import EXIT_OK, MAX_NAME, open_existing
from legalsec_desktop.domain.errors import UserFixableError


def add_parsers(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """conflicts."""
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


def _conflicts(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.domain.conflicts import SearchName, clean_names
    from legalsec_desktop.services import conflicts

    if not 0 <= args.min_score <= 100:
        raise UserFixableError("--min-score must be between 0 and 100.")
    names = ([SearchName(n, "client") for n in args.names] + [SearchName(n, "adverse") for n in args.adverse]
             + [SearchName(n, "other") for n in args.other])
    store = open_existing(location, "there are no names to check against")
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
            check_id = conflicts.record_check(store, clean_names(names), hits, context="Command line")
            if args.report:
                conflicts.save_report_as_word(store, check_id, Path(args.report).expanduser())
                print(f"Saved the conflict report to {args.report}.", file=sys.stderr)
        elif args.report:
            raise UserFixableError("A report needs a recorded check; leave out --no-record "
                                   "(and open a writable database).")
    finally:
        store.close()
    return EXIT_OK

COMMANDS = {"conflicts": _conflicts}
