"""The mailing commands: `envelope` (a #10 envelope to one contact) and `labels` (Avery 5160 address labels of a
matter's parties), each saved as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from legalsec_desktop.cli.arguments import Parser, path, text, whole_number
from legalsec_desktop.cli.common import EXIT_OK, MAX_NAME, MAX_NUMBER, open_existing, say
from legalsec_desktop.db.location import DatabaseLocation
from legalsec_desktop.domain.conflicts import PARTY_ROLES
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.text_limits import printable, shown

NO_PARTIES = "there are no matters in it"
LABELS_PER_SHEET = 30  # Avery 5160


def _role(value: str) -> str:
    word = " ".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    if word not in PARTY_ROLES:
        raise argparse.ArgumentTypeError(f"“{shown(value)}” is not a role; use one of: {', '.join(PARTY_ROLES)}")
    return word


def add_parsers(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """envelope and labels."""
    number = text(MAX_NUMBER, "a matter number")
    envelope = commands.add_parser(
        "envelope", parents=[common], help="a #10 envelope to one of a matter's contacts, as a PDF",
        description="A #10 envelope (9-1/2 x 4-1/8 in, landscape): the firm's return address at the top left and "
                    "the contact's name, firm and address where the Postal Service reads it.")
    envelope.add_argument("--matter", required=True, metavar="NUMBER", type=number, help="the matter")
    envelope.add_argument("--to", required=True, metavar="NAME", type=text(MAX_NAME, "a name"),
                          help="the contact it goes to: a party of the matter, or any contact")
    envelope.add_argument("--via", default="", metavar="TEXT", type=text(80, "a line"),
                          help="a line above the address, like \"Via Certified Mail\" or \"Personal and "
                               "Confidential\"")
    envelope.add_argument("--out", required=True, metavar="FILE.pdf", type=path(new=True), help="the PDF to write")
    labels = commands.add_parser(
        "labels", parents=[common], help="mailing labels for a matter's parties, as a PDF (Avery 5160)",
        description="One address label per party of the matter (or of one role) on Avery 5160 sheets (30 a "
                    "sheet, 2-5/8 x 1 in). Parties with no address are left out and listed. Folder labels: "
                    "`legalsec files labels`.")
    labels.add_argument("--matter", required=True, metavar="NUMBER", type=number, help="the matter")
    labels.add_argument("--role", type=_role, metavar="ROLE",
                        help=f"only parties in this role: {', '.join(PARTY_ROLES)}")
    labels.add_argument("--skip", type=whole_number, default=0, metavar="N",
                        help="start after the first N labels of a partly used sheet")
    labels.add_argument("--out", required=True, metavar="FILE.pdf", type=path(new=True), help="the PDF to write")


def _pdf(value: str) -> Path:
    out = Path(value).expanduser()
    if out.suffix.lower() != ".pdf":
        raise UserFixableError(f"--out {shown(out.name or str(out))}: the file name must end in .pdf.")
    return out


def _envelope(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services import ical, mailing

    out = _pdf(args.out)
    store = open_existing(location, NO_PARTIES)
    try:
        matter_id = ical.matter_id(store, args.matter)
        if matter_id is None:
            raise UserFixableError("--matter: give a matter number.")
        recipient = mailing.contact_address(store, mailing.find_recipient(store, matter_id, args.to))
        sender = mailing.return_address(store)
    finally:
        store.close()
    if not recipient.printable:
        raise UserFixableError(f"{recipient.name} has no address: add one to the contact (or make the envelope in "
                               "the window, where you can type one). No envelope was made.")
    if not sender:
        say("warning: the firm's name and address are not set (Settings), so the envelope has no return address.")
    from legalsec_desktop.ui import headless
    from legalsec_desktop.ui.common import mailing_print

    headless.application()
    mailing_print.write_envelopes_pdf(sender, [recipient.lines], args.via, out)
    print(printable(f"Saved the envelope to {recipient.name} to {out}."))
    return EXIT_OK


def _labels(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services import ical, mailing

    out = _pdf(args.out)
    if args.skip >= LABELS_PER_SHEET:
        raise UserFixableError(f"--skip must be less than {LABELS_PER_SHEET}, the labels on one sheet.")
    store = open_existing(location, NO_PARTIES)
    try:
        matter_id = ical.matter_id(store, args.matter)
        if matter_id is None:
            raise UserFixableError("--matter: give a matter number.")
        addresses = mailing.matter_addresses(store, matter_id, args.role)
    finally:
        store.close()
    if not addresses:
        whom = f" in the role “{args.role}”" if args.role else ""
        raise UserFixableError(f"Matter {args.matter} has no parties{whom}: no labels were made.")
    for warning in mailing.mailing_warnings(addresses):
        say(f"warning: {warning}")
    printable_ones = [address.lines for address in addresses if address.printable]
    if not printable_ones:
        raise UserFixableError("None of them has an address: no labels were made.")
    from legalsec_desktop.ui import headless
    from legalsec_desktop.ui.common import mailing_print

    headless.application()
    mailing_print.write_mailing_labels_pdf(printable_ones, out, args.skip)
    count = len(printable_ones)
    print(printable(f"Saved {count} label{'' if count == 1 else 's'} to {out}."))
    return EXIT_OK


COMMANDS = {"envelope": _envelope, "labels": _labels}
