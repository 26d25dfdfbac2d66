"""File ▸ Back Up Now, Restore from Backup…, Tools ▸ Check Database, and the automatic backups."""

from __future__ import annotations

import logging
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.formatting import format_clock, format_date
from legalsec_desktop.logs import error_kind
from legalsec_desktop.services import maintenance
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.feature import Shell
from legalsec_desktop.ui.common.save_paths import ask_open_path
from legalsec_desktop.ui.common.worker import run_in_background

log = logging.getLogger("legalsec")


def back_up_now(shell: Shell, state: AppState) -> None:
    window = shell.dialog_parent()

    def done(result: maintenance.BackupResult) -> None:
        shell.show_status(window.tr("Backed up and verified: %s") % result.made.name, 8000)

    run_in_background(window, window.tr("Backing up…"),
                      lambda _progress: maintenance.back_up(state.db_path, state.backup_dir, reason="manual",
                                                            clock=state.clock),
                      done, lambda exc: show_problem(window, exc, window.tr("Backup failed")), cancellable=False)


def back_up_if_due(shell: Shell, state: AppState) -> None:
    """The daily backup, quietly in the background; a failure shows in the status bar and the log."""
    window = shell.dialog_parent()
    if state.store is None:
        return

    def done(result: maintenance.BackupResult | None) -> None:
        if result is not None:
            shell.show_status(window.tr("Daily backup made: %s") % result.made.name, 8000)

    def failed(exc: BaseException) -> None:
        log.warning("daily backup failed: %s", error_kind(exc))  # its message names the database's path
        if not isinstance(exc, UserFixableError):
            show_problem(window, exc)
        else:
            shell.show_status(window.tr("The daily backup failed: %s") % exc.message, 0)

    run_in_background(window, window.tr("Daily backup…"),
                      lambda _progress: maintenance.back_up_if_due(state.db_path, state.backup_dir, clock=state.clock),
                      done, failed, cancellable=False)


def back_up_on_close(shell: Shell, state: AppState) -> None:
    """Every close leaves a verified backup behind (the window is already saving its layout)."""
    window = shell.dialog_parent()
    if state.store is None:
        return
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        maintenance.back_up(state.db_path, state.backup_dir, reason="close", clock=state.clock)
    except UserFixableError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(window, window.tr("Backup failed"), exc.message + window.tr(
            "\n\nYour data is saved in the database itself; only the extra backup copy could not be made."))
    finally:
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()


def restore_backup(shell: Shell, state: AppState, undo_stack: QUndoStack) -> None:
    window = shell.dialog_parent()
    state.backup_dir.mkdir(parents=True, exist_ok=True)
    backup = ask_open_path(window, window.tr("Restore from Backup"),
                           window.tr("Database backups (*.db);;All files (*)"), folder=state.backup_dir)
    if backup is None:
        return
    answer = QMessageBox.question(window, window.tr("Restore from Backup"), window.tr(
        "Replace the current database with the backup “%s”?\n\nEverything entered since that backup was made will "
        "be replaced. The current database is backed up first, so this can be undone by restoring that copy."
    ) % backup.name, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                  QMessageBox.StandardButton.Cancel)
    if answer != QMessageBox.StandardButton.Yes:
        return
    read_only = state.read_only
    state.set_store(None)  # let go of the file while it is replaced

    def reopen() -> None:
        from legalsec_desktop.services.database import open_database

        try:
            state.set_store(open_database(state.db_path, state.backup_dir, read_only=read_only or None,
                                          clock=state.clock))
            state.hold_file()  # a restore puts a new file in place: lock it too
        except UserFixableError as exc:
            show_problem(window, exc, window.tr("Could not reopen the database"))

    def done(safety: Path | None) -> None:
        undo_stack.clear()  # the undo history belongs to the database that was replaced
        reopen()
        where = window.tr(" The previous database was kept as %s.") % safety if safety else ""
        QMessageBox.information(window, window.tr("Restored"), window.tr("The backup was restored.") + where)

    def failed(exc: BaseException) -> None:
        reopen()
        show_problem(window, exc, window.tr("Restore failed"))

    run_in_background(window, window.tr("Restoring…"),
                      lambda _progress: maintenance.restore(backup, state.db_path, state.backup_dir, clock=state.clock),
                      done, failed, cancellable=False)


def check_database(shell: Shell, state: AppState) -> None:
    window = shell.dialog_parent()

    def done(problems: list[str]) -> None:
        if not problems:
            QMessageBox.information(window, window.tr("Database check"), window.tr(
                "The database passed its integrity and consistency checks."))
            return
        newest = maintenance.newest_good_backup(state.backup_dir, clock=state.clock)
        advice = (window.tr("The newest good backup is from %s %s; restore it with File ▸ Restore from Backup.")
                  % (format_date(newest.made_at.date()), format_clock(newest.made_at))) if newest else ""
        QMessageBox.critical(window, window.tr("Database check"), window.tr(
            "The database check found %d problem(s):\n\n%s\n\n%s") % (len(problems), "\n".join(problems[:10]), advice))

    run_in_background(window, window.tr("Checking the database…"),
                      lambda _progress: maintenance.check(state.db_path), done,
                      lambda exc: show_problem(window, exc), cancellable=False)
