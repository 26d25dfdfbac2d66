"""The document store commands: `docs add` files documents into a matter and reads their text, `docs list` shows a
matter's documents. Other actions join through add_actions and HANDLERS."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from legalsec_desktop import paths
from legalsec_desktop.cli import docs_rescan
from legalsec_desktop.cli.arguments import Parser, path, text
from legalsec_desktop.cli.common import EXIT_OK, EXIT_PROBLEM, MAX_NUMBER, clock, open_existing
from legalsec_desktop.db.location import DatabaseLocation
from legalsec_desktop.domain.document_labels import DOCUMENT_KINDS
from legalsec_desktop.domain.text_limits import printable, shown

if TYPE_CHECKING:
    from collections.abc import Callable

    from legalsec_desktop.db.store import Store
    from legalsec_desktop.services.document_rows import DocumentItem, FilingResult

STATE_WORDS = {"indexed": "indexed", "waiting": "waiting to be read", "needs_ocr": "needs OCR",
               "protected": "protected", "damaged": "damaged", "empty": "empty", "failed": "could not be read",
               "unsupported": "text not read", "missing": "missing"}
NO_DOCUMENTS = "there are no documents in it"


def _kind(value: str) -> str:
    word = value.strip().lower().replace("-", "")
    word = "email" if word == "mail" else word
    if word not in DOCUMENT_KINDS:
        raise argparse.ArgumentTypeError(f"“{shown(value)}” is not a kind of document; use one of "
                                         f"{', '.join(DOCUMENT_KINDS)}")
    return word


def add_parsers(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """docs and its actions."""
    docs = commands.add_parser(
        "docs", parents=[common], help="the document store: file documents into a matter, list them",
        description="Every document and e-mail of a matter, copied into the matter's folder under the firm's "
                    f"documents folder (set in Settings; else {paths.default_documents_root()}).")
    actions = docs.add_subparsers(dest="docs_command", metavar="ACTION", required=True)
    add_actions(actions, common)
    docs_rescan.add_rescan_action(actions, common)


def add_actions(actions: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """The actions `docs add` and `docs list`; a module with more actions adds them beside these, and its handlers
    to HANDLERS."""
    number = text(MAX_NUMBER, "a matter number")
    add = actions.add_parser(
        "add", parents=[common], help="file documents (files or folders) into a matter; one line per file",
        description="Copies each file (a folder: every file in it) into the matter's folder, named by its date and "
                    "title, then reads its text for the search. One line per file: filed, a duplicate of a document "
                    "already filed, flagged (needs OCR, protected, damaged, empty) with the reason, or not filed "
                    "with the reason. The originals are never moved or changed. Exit status 1 when a file was not "
                    "filed.")
    add.add_argument("--matter", required=True, metavar="NUMBER", type=number, help="the matter they belong to")
    add.add_argument("files", nargs="+", metavar="FILE", type=path(new=False), help="files or folders to file")
    add.add_argument("--kind", type=_kind, metavar="KIND",
                     help=f"the kind of document: {', '.join(DOCUMENT_KINDS)} (default: other)")
    listing = actions.add_parser(
        "list", parents=[common], help="a matter's documents, newest first",
        description="One document per line, tab-separated: date, kind, title, versions, state of its text.")
    listing.add_argument("--matter", required=True, metavar="NUMBER", type=number, help="the matter")


def _docs(args: argparse.Namespace, location: DatabaseLocation) -> int:
    return HANDLERS[args.docs_command](args, location)


def root_of(store: Store) -> Path:
    """The firm's documents folder, else the default one in the user's Documents folder."""
    from legalsec_desktop.services.document_root import documents_root

    return documents_root(store, paths.default_documents_root())


def _add(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services.document_filing import file_documents, matter_id_of
    from legalsec_desktop.services.indexing import index_documents
    from legalsec_desktop.services.users import current_user

    store = open_existing(location, "create it first (run legalsec with no command)")
    try:
        matter_id = matter_id_of(store, args.matter)
        root = root_of(store)
        results = file_documents(store, root, matter_id, [Path(p) for p in args.files], clock(), current_user(),
                                 kind=args.kind)
        filed = [r.document_id for r in _with_attachments(results) if r.outcome == "filed" and r.document_id]
        flags = index_documents(store, root, filed, clock())
    finally:
        store.close()
    for result in results:
        print(printable(line(result, flags.get(result.document_id or 0, ("", "")))))
        for attached in result.attachments:  # an e-mail's attachments, each filed as a document of its own
            print("    " + printable(line(attached, flags.get(attached.document_id or 0, ("", "")))))
    return EXIT_PROBLEM if any(r.outcome == "refused" for r in results) else EXIT_OK


def _with_attachments(results: list[FilingResult]) -> list[FilingResult]:
    return [item for result in results for item in (result, *result.attachments)]


def line(result: FilingResult, flag: tuple[str, str]) -> str:
    """What filing one file did, in one line."""
    if result.outcome == "refused":
        return f"{result.source}: not filed: {result.reason}"
    if result.outcome == "duplicate":
        return f"{result.source}: duplicate of “{result.title}”, already filed"
    state, reason = flag if result.outcome == "filed" and result.document_id is not None else ("", "")
    if state:
        return f"{result.source}: filed as “{result.title}”, flagged ({STATE_WORDS.get(state, state)}): {reason}"
    return f"{result.source}: filed as “{result.title}”"


def _list(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services.document_filing import matter_id_of
    from legalsec_desktop.services.documents import documents_of

    store = open_existing(location, NO_DOCUMENTS)
    try:
        found = documents_of(store, matter_id_of(store, args.matter))
    finally:
        store.close()
    if not found:
        print("No documents.")
    for item in found:
        print("\t".join(printable(field) for field in (item.doc_date.isoformat(), item.kind, item.title,
                                                       str(item.version_count), state_of(item))))
    return EXIT_OK


def state_of(item: DocumentItem) -> str:
    """The state of a document's text in words ('missing' when its file is not there)."""
    if item.current.missing_since is not None:
        return STATE_WORDS["missing"]
    return STATE_WORDS.get(item.current.text_state, item.current.text_state)


HANDLERS: dict[str, Callable[[argparse.Namespace, DatabaseLocation], int]] = {"add": _add, "list": _list,
                                                                              **docs_rescan.COMMANDS}
COMMANDS = {"docs": _docs}
