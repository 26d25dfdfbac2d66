"""`legalsec docs rescan [--matter NUMBER]`: reconcile the matter folders with the document store (files added,
changed or removed behind the program's back) and print what was found."""

from __future__ import annotations

import argparse

from legalsec_desktop.cli.arguments import Parser, text
from legalsec_desktop.cli.common import EXIT_OK, MAX_NUMBER, clock, open_existing
from legalsec_desktop.db.location import DatabaseLocation


def add_rescan_action(actions: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """The `rescan` action of the `docs` command group."""
    rescan = actions.add_parser(
        "rescan", parents=[common], help="find files added, changed or removed in the matter folders",
        description="Walks each matter's folder under the documents folder: a file changed outside the program is "
                    "read again, a removed one is marked missing (never dropped), one back is no longer missing, "
                    "and a file added to a matter's folder is filed as a document of that matter where it is. "
                    "The text of what was added or changed is read at once. Prints the counts: added, changed, "
                    "missing, back, unchanged, read.")
    rescan.add_argument("--matter", metavar="NUMBER", type=text(MAX_NUMBER, "a matter number"),
                        help="only this matter's folder")


def _rescan(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.cli.docs import root_of
    from legalsec_desktop.services import ical
    from legalsec_desktop.services.indexing import index_waiting
    from legalsec_desktop.services.rescan import rescan

    store = open_existing(location, "there are no documents in it")
    try:
        matter_id = ical.matter_id(store, args.matter or "")
        root = root_of(store)
        report = rescan(store, root, clock(), matter_id)
        read = index_waiting(store, root, clock())  # what was added or changed, read now: found by a search at once
    finally:
        store.close()
    flagged = f" ({read.flagged:,} flagged)" if read.flagged else ""
    print(f"added {report.added:,}, changed {report.changed:,}, missing {report.missing:,}, back {report.back:,}, "
          f"unchanged {report.unchanged:,}; read {read.read:,}{flagged}")
    if report.leftovers:
        copies = "copy" if report.leftovers == 1 else "copies"
        print(f"removed {report.leftovers:,} unfinished {copies} left by an interrupted filing")
    return EXIT_OK


COMMANDS = {"rescan": _rescan}
