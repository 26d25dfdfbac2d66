"""What the `legalsec` command accepts in each option: argparse types that refuse bad text with a usage error.

Checking here, before any command runs, means bad input changes nothing and gets exit status 2 with the
usage line. Every message repeats at most a short, printable piece of what was typed (see text_limits).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from typing import NoReturn

from legalsec_desktop.domain.dates import in_range, out_of_range
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.text_limits import ECHO_LIMIT, has_undecodable, printable, shown

# A file the program creates (a database, a report, a folder of screenshots) keeps its name to 200 bytes, so
# that the files made beside it (".name-abc123.docx" while writing, "name.db-wal", "name-<hash>.lock") still
# fit the 255 bytes most file systems allow; Word cannot open paths much longer than this either.
MAX_NEW_NAME = 200
MAX_NAME = 255  # no file system here stores a longer name, so an existing file cannot have one
CHOICE_ECHO = 40  # of an unknown command or choice, echoed before the list of the known ones
MAX_DIGITS = 9  # a count, a score or a seed; more digits is a slip, not a number anyone means
_WHOLE = re.compile(r"[+-]?[0-9]+")


class Parser(argparse.ArgumentParser):
    """argparse, but its error messages never echo a huge or unprintable argument whole."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {_short_message(message)}\n")


def _short_message(message: str) -> str:
    """argparse repeats what was typed ('invalid choice: …', 'unrecognized arguments: …'): keep it short."""
    message = printable(message)
    # the choices without their quotes: the list of every command must fit in one short line
    message = re.sub(r"\(choose from ('[^']*'(?:, '[^']*')*)\)", _unquoted, message)
    # beside the list of choices, the typed word is echoed shorter, so that the line stays short as commands grow
    message = re.sub(r"invalid choice: '([^']{%d,})'" % (CHOICE_ECHO + 1),
                     lambda m: f"invalid choice: '{shown(m.group(1), CHOICE_ECHO)}'", message)
    message = re.sub(r"'[^']{%d,}'" % (ECHO_LIMIT + 1), lambda m: f"'{shown(m.group(0)[1:-1])}'", message)
    message = re.sub(r"\S{%d,}" % (ECHO_LIMIT + 1), lambda m: shown(m.group(0)), message)
    if len(message) > ECHO_LIMIT + 160:  # a long word and the list of every command (after "legalsec: error: ")
        message = re.sub(r"\(choose from [^)]*\)", "(legalsec --help lists the commands)", message)
    return message if len(message) <= 4 * ECHO_LIMIT else shown(message, 4 * ECHO_LIMIT)


def _unquoted(choices: re.Match[str]) -> str:
    return f"(choose from {choices.group(1).replace(chr(39), '')})"


def _checked_text(value: str) -> str:
    """Text the program can store and print: UTF-8, without control characters such as NUL."""
    if has_undecodable(value):
        raise argparse.ArgumentTypeError(f"“{shown(value)}” has bytes that are not UTF-8 text; "
                                         "type it again (in a terminal set to UTF-8)")
    if "\x00" in value:
        raise argparse.ArgumentTypeError(f"“{shown(value)}” holds a NUL character; type it again without it")
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise argparse.ArgumentTypeError(f"“{shown(value)}” holds a control character (such as a tab or a line "
                                         "break); type it again without it")
    return value


def text(limit: int, what: str) -> Callable[[str], str]:
    """An argparse type for plain text of at most `limit` characters (`what` names it in the message)."""

    def check(value: str) -> str:
        value = _checked_text(value)
        if len(value) > limit:
            raise argparse.ArgumentTypeError(f"“{shown(value)}” is too long ({len(value):,} characters); "
                                             f"{what} can be at most {limit} characters")
        return value

    return check


def path(new: bool) -> Callable[[str], str]:
    """An argparse type for a file or folder path; `new` when the program creates it (a shorter name)."""
    limit = MAX_NEW_NAME if new else MAX_NAME

    def check(value: str) -> str:
        if not value.strip():
            raise argparse.ArgumentTypeError("the path is empty; give a file name")
        if has_undecodable(value):
            raise argparse.ArgumentTypeError(f"“{shown(value)}” has bytes that are not UTF-8 text; "
                                             "rename the file or folder, or choose another")
        if "\x00" in value:
            raise argparse.ArgumentTypeError(f"“{shown(value)}” holds a NUL character, which no file name can")
        for part in re.split(r"[\\/]" if os.name == "nt" else "/", os.path.expanduser(value)):
            size = len(part.encode("utf-8"))
            if size > limit:
                raise argparse.ArgumentTypeError(
                    f"the name “{shown(part)}” is too long ({size} bytes in UTF-8); use at most {limit} "
                    f"(as many letters from A to Z, fewer accented or non-Latin ones)")
        return value

    return check


def whole_number(value: str) -> int:
    """A whole number written with the digits 0-9 (an optional sign), of at most MAX_DIGITS digits."""
    cleaned = value.strip()
    if not _WHOLE.fullmatch(cleaned):
        raise argparse.ArgumentTypeError(f"“{shown(value)}” is not a whole number; write it with the digits 0-9")
    if len(cleaned.lstrip("+-")) > MAX_DIGITS:
        raise argparse.ArgumentTypeError(f"“{shown(value)}” is far too large")
    return int(cleaned)


def iso_date(value: str) -> date:
    """A date written YYYY-MM-DD, in the years the program keeps."""
    cleaned = value.strip()
    try:
        day = date.fromisoformat(cleaned) if len(cleaned) <= 10 else None
    except ValueError:
        day = None
    if day is None or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", cleaned):
        raise argparse.ArgumentTypeError(f"“{shown(value)}” is not a date on the calendar; write it as YYYY-MM-DD")
    if not in_range(day.year):
        raise argparse.ArgumentTypeError(out_of_range(cleaned))
    return day


def trigger(value: str) -> date | datetime:
    """A deadline's trigger: YYYY-MM-DD, or YYYY-MM-DDTHH:MM for periods in hours."""
    cleaned = value.strip()
    if "T" not in cleaned and " " not in cleaned:
        return iso_date(cleaned)
    try:
        when = datetime.fromisoformat(cleaned) if len(cleaned) <= 32 else None
    except ValueError:
        when = None
    if when is None or when.tzinfo is not None:
        raise argparse.ArgumentTypeError(f"“{shown(value)}” is not a date on the calendar; write YYYY-MM-DD "
                                         "(or YYYY-MM-DDTHH:MM for --hours)")
    if not in_range(when.year):
        raise argparse.ArgumentTypeError(out_of_range(cleaned))
    return when


def rules(value: str) -> str:
    """A court's rules that ship with the program: US-FED, US-FED:ST, CA, NY, TX."""
    from legalsec_desktop.domain import rule_sets

    value = text(20, "a rules code")(value)
    known = rule_sets.rule_codes()
    if value.strip().upper().partition(":")[0] not in known:
        raise argparse.ArgumentTypeError(f"there are no court rules called “{shown(value)}”; use one of "
                                         f"{', '.join(known)} (US-FED:MA for a federal court in Massachusetts)")
    try:
        rule_sets.load(value)
    except UserFixableError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
    return value


def time_zone(value: str) -> str:
    """An IANA time zone name such as America/New_York, or blank for the rules' own zone."""
    from legalsec_desktop.domain.clock import zone
    from legalsec_desktop.domain.errors import ValidationError

    value = text(64, "a time zone name")(value)
    if value.strip():
        try:
            zone(value.strip())
        except ValidationError as exc:
            raise argparse.ArgumentTypeError(exc.message) from None
    return value.strip()
