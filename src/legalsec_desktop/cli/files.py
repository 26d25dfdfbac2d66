"""The file room commands: `files list | add | move | out | in | history | labels` (and `review`), for a scanner
station or a script."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from legalsec_desktop.cli.arguments import Parser, iso_date, path, text, whole_number
from legalsec_desktop.cli.common import EXIT_OK, MAX_NAME, MAX_NUMBER, open_existing
from legalsec_desktop.db.location import DatabaseLocation
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.text_limits import printable, shown

STATUS_WORDS = {"in-place": "in_place", "out": "out", "overdue": "overdue", "in-storage": "in_storage",
                "due-for-review": "due_review", "on-hold": "on_hold", "destroyed": "destroyed"}
SHOWN_STATUS = {"in_place": "in place", "out": "out", "overdue": "overdue", "in_storage": "in storage",
                "destroyed": "destroyed", "unplaced": "no location"}
SHEET_KEYS = ("5160", "5163", "single")
NO_FILES = "there are no files in it"

if TYPE_CHECKING:  # the commands load the services only when they run
    from legalsec_desktop.db.store import Store
    from legalsec_desktop.services.file_rows import VolumeItem


def _status(value: str) -> str:
    word = value.strip().lower().replace("_", "-").replace(" ", "-")
    if word not in STATUS_WORDS:
        raise argparse.ArgumentTypeError(f"“{shown(value)}” is not a status; use one of {', '.join(STATUS_WORDS)}")
    return STATUS_WORDS[word]


def add_parsers(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """files and its actions."""
    files = commands.add_parser(
        "files", parents=[common], help="the paper file room: list, add, move, check out and in, labels, review",
        description="Every physical file (folder, binder, box) of every matter: where it is, who has it, its "
                    "movement log, its labels, and the destruction review. A file is named by its barcode id "
                    "(typed or scanned, like F000123).")
    actions = files.add_subparsers(dest="files_command", metavar="ACTION", required=True)
    number = text(MAX_NUMBER, "a matter number")
    listing = actions.add_parser("list", parents=[common], help="one file per line",
                                 description="One file per line, tab-separated: id, matter, label, where it is "
                                             "(or who has it), status.")
    listing.add_argument("--matter", metavar="NUMBER", type=number, help="only this matter's files")
    listing.add_argument("--status", type=_status, metavar="STATUS",
                         help=f"only files that are: {', '.join(STATUS_WORDS)}")
    add = actions.add_parser("add", parents=[common], help="add a file to a matter; prints its new id")
    add.add_argument("--matter", required=True, metavar="NUMBER", type=number, help="the matter it belongs to")
    add.add_argument("--label", required=True, metavar="TEXT", type=text(300, "a label"),
                     help="what it holds, like \"Pleadings vol. 2\"")
    add.add_argument("--location", metavar="PATH", type=text(600, "a location"),
                     help="where it is kept, from the top: \"Main office > Cabinet A > Drawer 2\"")
    move = actions.add_parser("move", parents=[common], help="put a file in another place (its new home)")
    move.add_argument("id", metavar="ID", type=text(40, "a barcode id"))
    move.add_argument("--location", required=True, metavar="PATH", type=text(600, "a location"))
    out = actions.add_parser("out", parents=[common], help="check a file out to a person")
    out.add_argument("id", metavar="ID", type=text(40, "a barcode id"))
    out.add_argument("--to", required=True, metavar="NAME", type=text(MAX_NAME, "a name"),
                     help="who takes it: a timekeeper's name or initials, or any name")
    out.add_argument("--due", type=iso_date, metavar="DATE", help="when it is due back (YYYY-MM-DD)")
    out.add_argument("--reason", default="", metavar="TEXT", type=text(300, "a reason"))
    back = actions.add_parser("in", parents=[common], help="check a file back in (to its home place)")
    back.add_argument("id", metavar="ID", type=text(40, "a barcode id"))
    history = actions.add_parser("history", parents=[common], help="a file's movement log, oldest first")
    history.add_argument("id", metavar="ID", type=text(40, "a barcode id"))
    labels = actions.add_parser("labels", parents=[common], help="print folder and box labels to a PDF",
                                description="Labels with the matter number, client, caption, label text, and the "
                                            "id as a Code 128 barcode and a QR code, on Avery 5160 (30 a sheet), "
                                            "5163 (10 a sheet) or a single 4 x 2 in label.")
    labels.add_argument("ids", nargs="*", metavar="ID", type=text(40, "a barcode id"), help="the files to label")
    labels.add_argument("--matter", metavar="NUMBER", type=number, help="label every file of this matter")
    labels.add_argument("--sheet", choices=SHEET_KEYS, default="5160", help="the label sheet (default 5160)")
    labels.add_argument("--skip", type=whole_number, default=0, metavar="N",
                        help="start after the first N labels of a partly used sheet")
    labels.add_argument("--out", required=True, metavar="FILE.pdf", type=path(new=True), help="the PDF to write")
    from legalsec_desktop.cli import files_review

    files_review.add_review_parser(actions, common)


def _files(args: argparse.Namespace, location: DatabaseLocation) -> int:
    if args.files_command == "review":
        from legalsec_desktop.cli import files_review

        return files_review.COMMANDS["review"](args, location)
    return HANDLERS[args.files_command](args, location)


def _matter(store: Store, number: str | None) -> int | None:
    from legalsec_desktop.services import ical

    return ical.matter_id(store, number or "")


def _where(item: VolumeItem) -> str:
    from legalsec_desktop.domain.clock import to_local
    from legalsec_desktop.domain.formatting import format_date

    if item.out_to:
        due = f" (due {item.due_back_on.isoformat()})" if item.due_back_on else ""
        return f"out to {item.out_to}{due}"
    if item.destroyed_at is not None:
        return f"destroyed {format_date(item.destroyed_on or to_local(item.destroyed_at).date())}"
    return item.place or "no location"


def _row(*fields: str) -> None:
    """One tab-separated line; a tab or newline inside a field is shown as an escape, so the columns hold."""
    print("\t".join(printable(field) for field in fields))


def _list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services import volumes

    store = open_existing(location, NO_FILES)
    try:
        found = volumes.listed(store, _matter(store, args.matter), args.status)
    finally:
        store.close()
    for item in found:
        _row(item.barcode, item.matter_number, item.label, _where(item), SHOWN_STATUS[item.status])
    return EXIT_OK


def _add(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.domain.file_room import VolumeDraft
    from legalsec_desktop.services import locations, volumes

    store = open_existing(location, "create it first (run legalsec with no command)")
    try:
        matter_id = _matter(store, args.matter)
        place = locations.location_id_of(store, args.location) if args.location else None
        _id, code = volumes.add_volume(store, VolumeDraft(matter_id=matter_id, label=args.label,
                                                          location_id=place))
    finally:
        store.close()
    print(code)
    return EXIT_OK


def _move(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services import locations, volumes

    store = open_existing(location, NO_FILES)
    try:
        file_id = volumes.find_barcode(store, args.id)
        place = locations.location_id_of(store, args.location)
        volumes.move(store, file_id, place)
        item = volumes.volume(store, file_id)
    finally:
        store.close()
    print(printable(f"{item.barcode} moved to {item.place}."))
    return EXIT_OK


def _out(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.domain.file_room import CheckOut
    from legalsec_desktop.services import volumes

    store = open_existing(location, NO_FILES)
    try:
        file_id = volumes.find_barcode(store, args.id)
        keeper = volumes.timekeeper_named(store, args.to)
        volumes.check_out(store, file_id, CheckOut(to_name=keeper[1] if keeper else args.to,
                                                   timekeeper_id=keeper[0] if keeper else None,
                                                   reason=args.reason, due_on=args.due))
        item = volumes.volume(store, file_id)
    finally:
        store.close()
    due = f", due back {item.due_back_on.isoformat()}" if item.due_back_on else ""
    print(printable(f"{item.barcode} checked out to {item.out_to}{due}."))
    return EXIT_OK


def _in(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services import volumes

    store = open_existing(location, NO_FILES)
    try:
        file_id = volumes.find_barcode(store, args.id)
        home = volumes.check_in(store, file_id)
        code = volumes.volume(store, file_id).barcode
    finally:
        store.close()
    print(printable(f"{code} checked in to {home}." if home else f"{code} checked in (it has no home location: "
                                                                  "move it to one)."))
    return EXIT_OK


def _history(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.domain.clock import to_local
    from legalsec_desktop.domain.file_room import MOVEMENTS
    from legalsec_desktop.services import volumes

    store = open_existing(location, NO_FILES)
    try:
        lines = volumes.history(store, volumes.find_barcode(store, args.id))
    finally:
        store.close()
    for line in lines:
        due = line.due_on.isoformat() if line.due_on else ""
        _row(to_local(line.at).strftime("%Y-%m-%d %H:%M"), MOVEMENTS[line.kind], line.from_text, line.to_text,
             line.by_name, due, line.reason)
    return EXIT_OK


def _labels(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services import file_labels, volumes

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pdf":
        raise UserFixableError(f"--out {shown(out.name or str(out))}: the file name must end in .pdf.")
    if bool(args.matter) == bool(args.ids):
        raise UserFixableError("Name the files to label: --matter NUMBER, or their ids (not both).")
    if args.skip < 0:
        raise UserFixableError("--skip must be 0 or more.")
    store = open_existing(location, NO_FILES)
    try:
        if args.matter:
            labels = file_labels.labels_for(store, matter_id=_matter(store, args.matter))
        else:
            labels = file_labels.labels_for(store, [volumes.find_barcode(store, code) for code in args.ids])
    finally:
        store.close()
    from legalsec_desktop.formats.labels import SHEETS
    from legalsec_desktop.ui import headless
    from legalsec_desktop.ui.common import label_print

    sheet = SHEETS[args.sheet]
    if args.skip >= sheet.columns * sheet.rows:
        raise UserFixableError(f"--skip must be less than {sheet.columns * sheet.rows}, the labels on one sheet.")
    headless.application()
    label_print.write_labels_pdf(labels, args.sheet, out, skip=args.skip)
    print(printable(f"Saved {len(labels)} label{'' if len(labels) == 1 else 's'} to {out}."))
    return EXIT_OK


HANDLERS = {"list": _list, "add": _add, "move": _move, "out": _out, "in": _in, "history": _history,
            "labels": _labels}
COMMANDS = {"files": _files}
