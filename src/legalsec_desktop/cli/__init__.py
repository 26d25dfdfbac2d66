"""The `legalsec` command: no arguments opens the window; subcommands work headless.

One module per command group (maintenance, matters, calendar, ics, timesheets …) adds its parsers and handlers here.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys

from legalsec_desktop import __version__, paths
from legalsec_desktop.cli import calendar, docs, files, ics, letters, mailing, maintenance, matters, search, timesheets
from legalsec_desktop.cli.arguments import Parser, path
from legalsec_desktop.cli.closed_pipe import quiet_when_closed
from legalsec_desktop.cli.common import EXIT_BUG, EXIT_OK, EXIT_PROBLEM, say
from legalsec_desktop.clock import SYSTEM_CLOCK
from legalsec_desktop.db.location import SqliteFile
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.text_limits import shown
from legalsec_desktop.logs import setup_logging

__all__ = ["CLOCK", "COMMANDS", "EXIT_BUG", "EXIT_OK", "EXIT_PROBLEM", "build_parser", "main"]

log = logging.getLogger("legalsec")
CLOCK = SYSTEM_CLOCK  # the command line's one clock; tests pin it (every command reads it through common.clock)


def _db_option() -> Parser:
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
    maintenance.add_parsers(commands, common)
    matters.add_parsers(commands, common)
    calendar.add_deadline_parser(commands, common)
    calendar.add_docket_parser(commands, common)
    timesheets.add_parsers(commands, common)
    ics.add_parsers(commands, common)
    files.add_parsers(commands, common)
    docs.add_parsers(commands, common)
    search.add_parsers(commands, common)
    letters.add_parsers(commands, common)
    mailing.add_parsers(commands, common)
    maintenance.add_screenshot_parser(commands, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths.use_private_temp()  # exports' temporary files (client data) never go to the system temp folder
    try:
        location = _location(getattr(args, "db", None))
    except UserFixableError as exc:
        say(exc.message)
        return EXIT_PROBLEM
    if args.command is None:
        from legalsec_desktop.app import run

        return run(location, read_only=args.read_only)
    _never_fail_on_output()
    log_file = setup_logging()
    try:
        if location.path.is_dir() and args.command not in ("deadline",):  # the calculator works without a database
            raise UserFixableError(f"{location} is a folder, not a database file. Give the path of a file.")
        with quiet_when_closed():
            return COMMANDS[args.command](args, location)
    except UserFixableError as exc:
        say(exc.message)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        say("stopped.")
        return EXIT_PROBLEM
    except OSError as exc:  # the system refused: a name too long, no permission, a full disk, a missing folder
        log.warning("'legalsec %s' stopped by the system: %s", args.command,
                    errno.errorcode.get(exc.errno or 0, type(exc).__name__), exc_info=True)  # frames, no messages
        say(_system_problem(exc))
        return EXIT_PROBLEM
    except OverflowError:  # a date or number past what Python counts, from input the checks let through
        log.warning("'legalsec %s' counted past the last date", args.command, exc_info=True)
        say("a date or number is beyond what the program can count; choose nearer dates or smaller numbers.")
        return EXIT_PROBLEM
    except Exception:  # noqa: BLE001 - a bug: log it whole, tell the user briefly
        log.exception("unexpected error in 'legalsec %s'", args.command)
        where = f" Details were written to {log_file}." if log_file else ""
        say(f"something unexpected went wrong; nothing was changed that was not reported.{where}")
        return EXIT_BUG


def _location(given: str | None) -> SqliteFile:
    """The database to use: --db (argparse has checked it), else $LEGALSEC_DB (checked here), else the default."""
    if given is None and os.environ.get(paths.DB_ENV):
        try:
            path(new=True)(os.environ[paths.DB_ENV])
        except argparse.ArgumentTypeError as exc:
            raise UserFixableError(f"${paths.DB_ENV}: {exc}.") from None
    try:
        return paths.resolve_location(given)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symbolic link that points at itself
        raise UserFixableError(f"{shown(given or os.environ.get(paths.DB_ENV, ''))} cannot be used as the "
                               f"database: {getattr(exc, 'strerror', None) or exc}.") from None


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


COMMANDS = {**maintenance.COMMANDS, **matters.COMMANDS, **calendar.COMMANDS, **timesheets.COMMANDS, **ics.COMMANDS,
            **files.COMMANDS, **docs.COMMANDS, **search.COMMANDS, **letters.COMMANDS, **mailing.COMMANDS}
