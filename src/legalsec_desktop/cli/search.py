"""The `search` command: what words find across every matter (or one), one hit per line, for a script or a
terminal: matter number, kind, title, date and snippet, the matched words in [brackets]."""

from __future__ import annotations

import argparse

from legalsec_desktop.cli.arguments import Parser, text, whole_number
from legalsec_desktop.cli.common import EXIT_OK, MAX_NUMBER, open_existing
from legalsec_desktop.db.location import DatabaseLocation
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.text_limits import printable, shown

NO_MATCHES = "No matches."
MAX_WORDS_TEXT = 1000


def _limit(value: str) -> int:
    from legalsec_desktop.services.search import MAX_LIMIT

    count = whole_number(value)
    if not 1 <= count <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"“{shown(value)}” is not a number of hits from 1 to {MAX_LIMIT}")
    return count


def add_parsers(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """search WORDS … [--matter NUMBER] [--limit N]."""
    search = commands.add_parser(
        "search", parents=[common], help="find documents, e-mails, matters, contacts and log entries by words",
        description="Every word must be found, in any order, each as the start of a word (\"exten\" finds "
                    "extension). One hit per line, tab-separated: matter number, kind, title, date, snippet; the "
                    "matched words are in [brackets]. Hits are grouped by matter, newest first.")
    search.add_argument("words", nargs="+", metavar="WORD", type=text(MAX_WORDS_TEXT, "a search word"),
                        help="the words to find")
    search.add_argument("--matter", metavar="NUMBER", type=text(MAX_NUMBER, "a matter number"),
                        help="only this matter's documents, e-mails and log entries")
    search.add_argument("--limit", metavar="N", type=_limit, default=None,
                        help="at most N hits (default 50)")


def _search(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.domain.search_marks import bracketed, one_line
    from legalsec_desktop.services import ical, search

    words = " ".join(args.words)
    if not search.has_words(words):
        raise UserFixableError(f"“{shown(words)}” holds no word to search for (punctuation alone finds nothing); "
                               "type a word.")
    store = open_existing(location, "there is nothing to search in it")
    try:
        matter_id = ical.matter_id(store, args.matter or "")
        groups = search.search_everything(store, words, matter_id, args.limit or search.DEFAULT_LIMIT)
    finally:
        store.close()
    hits = search.flat(groups)
    if not hits:
        print(NO_MATCHES)
    for hit in hits:
        fields = (hit.matter_number or "-", hit.label, bracketed(hit.title), hit.on_date.isoformat() if hit.on_date
                  else "", bracketed(hit.snippet))
        print("\t".join(printable(one_line(field)) for field in fields))
    return EXIT_OK


COMMANDS = {"search": _search}
