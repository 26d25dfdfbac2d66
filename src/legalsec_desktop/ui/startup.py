"""Start-up decisions with the user: a damaged, foreign or newer database file, before anything opens it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from legalsec_desktop.domain.errors import (
    DamagedDatabaseError,
    NotADatabaseError,
    StoreOpenError,
    UserFixableError,
)
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.clock import SYSTEM_CLOCK, Clock
from legalsec_desktop.services import maintenance
from legalsec_desktop.services.maintenance import BackupInfo
from legalsec_desktop.services.database import DatabaseLocation, is_sealed, location_of, prepare_file
from legalsec_desktop.ui.common.worker import run_and_wait

QUIT, RESTORE, START_EMPTY = range(3)


def ask_about_bad_file(exc: StoreOpenError, newest: BackupInfo | None, parent: QWidget | None = None) -> int:
    """Explain what is wrong with the file and offer the newest good backup (or a fresh start)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("The database cannot be opened")
    box.setText(exc.message)
    quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    restore_button = empty_button = None
    if newest is not None:
        when = f"{format_date(newest.made_at.date())} at {format_clock(newest.made_at)}"
        box.setInformativeText(
            f"The newest good backup is from {when}. Restoring it moves the unreadable file aside "
            f"(it is kept, renamed, next to the database) and puts the backup in its place."
        )
        restore_button = box.addButton(f"Restore Backup of {format_date(newest.made_at.date())}",
                                       QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(restore_button)
    else:
        box.setInformativeText(
            "There is no backup of it. You can move the file aside (it is kept, renamed, next to the database) "
            "and start with an empty database, or quit and look at the file first."
        )
        empty_button = box.addButton("Move Aside and Start Empty", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(quit_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore_button and restore_button is not None:
        return RESTORE
    if clicked is empty_button and empty_button is not None:
        return START_EMPTY
    return QUIT


Report = Callable[[str, str], None]  # a title and a message, said without asking (a check of an installed copy)


def settle_file(location: DatabaseLocation | Path, backup_dir: Path, seal_file: Path | None = None,
                clock: Clock = SYSTEM_CLOCK, report: Report | None = None) -> bool:
    """Make sure the database file is usable, asking the user what to do if it is not; False means quit.

    Unless the program closed this file cleanly last time, it is checked first (quick_check, behind a
    progress dialog): a damaged file is refused and the newest good backup offered. A database that is not
    a file has nothing to settle here. With `report`, nothing is asked or shown: a problem is reported through
    it and the file left as it is (False); a note is reported too, and the start goes on.
    """
    def critical(title: str, text: str) -> None:
        if report is not None:
            report(title, text)
        else:
            QMessageBox.critical(None, title, text)

    db_path = location_of(location).file
    if db_path is None:
        return True
    if db_path.is_dir():
        critical("The database cannot be opened", f"{db_path} is a folder, not a database file. Start the program "
                                                  "with the path of a file (or none, for the usual one).")
        return False
    while True:
        try:
            if seal_file is not None and db_path.is_file() and not is_sealed(db_path, seal_file):
                notes = run_and_wait(None, "Checking the database…",
                                     lambda progress: _checked(db_path, seal_file, progress))
            else:
                notes = prepare_file(db_path)
            for note in notes:
                if report is not None:
                    report("The database was opened safely", note)
                else:
                    QMessageBox.information(None, "The database was opened safely", note)
            return True
        except (NotADatabaseError, DamagedDatabaseError) as exc:
            if report is not None:  # nothing moved aside or restored unasked
                report("The database cannot be opened", exc.message)
                return False
            # Each backup is verified with integrity_check: seconds for a large practice, so off the UI thread.
            newest = run_and_wait(None, "Looking for the newest good backup…",
                                  lambda _progress: maintenance.newest_good_backup(backup_dir, clock))
            choice = ask_about_bad_file(exc, newest)
            if choice == QUIT:
                return False
            try:
                if choice == RESTORE and newest is not None:
                    def restore(_progress: object, chosen: Path = newest.path, target: Path = db_path) -> None:
                        maintenance.restore(chosen, target, backup_dir, clock)

                    run_and_wait(None, "Restoring the backup…", restore)
                else:
                    maintenance.move_aside(db_path, clock)
            except UserFixableError as error:
                QMessageBox.critical(None, "Could not restore", error.message)
                return False
        except StoreOpenError as exc:
            critical("The database cannot be opened", exc.message)
            return False


def _checked(db_path: Path, seal_file: Path, progress) -> list[str]:  # noqa: ANN001
    progress("Checking the database before it is used (it was not closed normally by this program last time)…",
             0, 0)
    return prepare_file(db_path, seal_file)
