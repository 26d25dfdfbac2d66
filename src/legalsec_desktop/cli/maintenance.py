"""The maintenance commands: backup, backups, restore, check, demo and screenshot."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from legalsec_desktop import paths
from legalsec_desktop.cli.arguments import Parser, iso_date, path, whole_number
from legalsec_desktop.cli.common import EXIT_OK, EXIT_PROBLEM, clock, restore_hint
from legalsec_desktop.db.location import DatabaseLocation, sqlite_path
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.instance_lock import InstanceLock

# services.demo.SIZES's names, spelled here so that `legalsec --help` does not import SQLAlchemy (a test compares).
DEMO_SIZES = ("small", "large", "huge")


def add_parsers(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """backup, restore, check, backups and demo, in the order `legalsec --help` lists them."""
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
    demo.add_argument("--size", choices=DEMO_SIZES, default="small",
                      help="small: a look around; large: a busy ten-year practice for benchmarks; "
                           "huge: four times the large one, to measure growth")
    demo.add_argument("--seed", type=whole_number, default=1, help="random seed (same seed and date, same database)")
    demo.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD",
                      help="the date the practice is built around (default: today)")
    demo.add_argument("--force", action="store_true", help="replace an existing database")


def add_screenshot_parser(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    """screenshot, listed last."""
    shots = commands.add_parser("screenshot", parents=[common], help="save a PNG of every tab (offscreen)",
                                description="Render every tab of the database's window to PNG files, offscreen.")
    shots.add_argument("--out", required=True, metavar="DIR", type=path(new=True), help="folder for the PNG files")


def _exclusive(location: DatabaseLocation) -> InstanceLock:
    """Hold the database's instance lock, or explain that the window has it open; clear a killed run's leftovers."""
    from legalsec_desktop.services import maintenance

    in_use = UserFixableError(f"{location} is open in the legalsec-desktop window. Close the window first.")
    return maintenance.hold_database(sqlite_path(location), in_use)


def _backup(_args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.db.sqlite_file import probe
    from legalsec_desktop.services import maintenance

    db_path = sqlite_path(location)  # backups, restores, checks and the demo are of a file
    if not db_path.exists():
        raise UserFixableError(f"{db_path} does not exist; there is nothing to back up.")
    probe(db_path)
    result = maintenance.back_up(db_path, paths.backup_dir(location), reason="manual", clock=clock())
    print(f"Backed up {db_path} to {result.made} (verified).")
    if result.removed:
        print(f"Removed {len(result.removed)} old backup(s) by the rotation policy.")
    return EXIT_OK


def _backups(_args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services import maintenance

    folder = paths.backup_dir(location)
    found = maintenance.list_backups(folder)
    if not found:
        print(f"No backups yet in {folder}.")
    for info in found:
        print(f"{info.made_at:%Y-%m-%d %H:%M:%S}  {info.reason:<12} {info.size / 1_048_576:8.1f} MB  {info.path}")
    return EXIT_OK


def _restore(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services import maintenance

    db_path = sqlite_path(location)  # backups, restores, checks and the demo are of a file
    backup = Path(args.file).expanduser().resolve()
    if backup.is_dir():
        raise UserFixableError(f"{backup} is a folder. Give the backup file to restore (legalsec backups lists them).")
    if not backup.is_file():
        raise UserFixableError(f"{backup} does not exist.")
    with _exclusive(location):
        safety = maintenance.restore(backup, db_path, paths.backup_dir(location), clock=clock())
    print(f"Restored {backup} to {db_path}.")
    if safety:
        print(f"The previous database was kept as {safety}.")
    return EXIT_OK


def _check(_args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services import maintenance

    db_path = sqlite_path(location)  # backups, restores, checks and the demo are of a file
    if not db_path.exists():
        raise UserFixableError(f"{db_path} does not exist; there is nothing to check.")
    problems = maintenance.check(db_path)
    if problems:
        print(f"{db_path} is damaged:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        print(restore_hint(location).strip(), file=sys.stderr)
        return EXIT_PROBLEM
    print(f"ok: {db_path} passed the integrity and foreign-key checks.")
    return EXIT_OK


def _demo(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.services.demo_practice import build_practice

    db_path = sqlite_path(location)  # backups, restores, checks and the demo are of a file

    def progress(stage: str, done: int, total: int) -> bool:
        if sys.stderr.isatty():
            print(f"\r{stage}: {done * 100 // max(total, 1)}%   ", end="", file=sys.stderr, flush=True)
        return True

    with _exclusive(location):
        built = build_practice(db_path, clock=clock(), size=args.size, seed=args.seed, today=args.today,
                               force=args.force, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Built the {args.size} demo practice in {db_path}:")
    for table, count in built.counts.items():
        print(f"  {table.replace('_', ' ')}: {count:,}")
    if built.folders is not None:
        print(f"Its documents are in {built.folders[0]}, its scanner inbox is {built.folders[1]}.")
    return EXIT_OK


def _screenshot(args: argparse.Namespace, location: DatabaseLocation) -> int:
    from legalsec_desktop.ui.screenshot import render_screenshots

    for saved in render_screenshots(sqlite_path(location), Path(args.out), clock=clock()):
        print(saved)
    return EXIT_OK


COMMANDS = {
    "backup": _backup,
    "backups": _backups,
    "restore": _restore,
    "check": _check,
    "demo": _demo,
    "screenshot": _screenshot,
}
