"""GUI composition root: one instance per database, a window shown at once, the database opened just after."""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from legalsec_desktop import APP_NAME, APP_TITLE, paths
from legalsec_desktop.clock import Clock
from legalsec_desktop.db.location import DatabaseLocation, location_of
from legalsec_desktop.domain.errors import DatabaseInUseError, UserFixableError
from legalsec_desktop.instance_lock import InstanceLock
from legalsec_desktop.logs import error_kind, setup_logging
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import install_excepthook, show_problem
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.worker import run_and_wait, wait_for_background
from legalsec_desktop.ui.display import EXIT_NO_DISPLAY, missing_display, new_application
from legalsec_desktop.ui.single_instance import InstanceServer, notify_running
from legalsec_desktop.ui.startup import settle_file

if TYPE_CHECKING:
    from legalsec_desktop.ui.main_window import MainWindow

log = logging.getLogger("legalsec")


def settings_name(location: DatabaseLocation) -> str:
    """The application name the window's remembered layout and choices (QSettings) are kept under: the sample
    practice's window has its own, so it never moves or resizes the user's window, nor they its."""
    return f"{APP_NAME}-sample" if paths.is_sample(location) else APP_NAME


class Gui:
    """The running program: application, lock, window and the database state."""

    def __init__(self, location: DatabaseLocation | Path, read_only: bool = False) -> None:
        # The database stack (SQLAlchemy and the models, 0.3-0.4 s) loads only once the window is shown: imported on
        # another thread meanwhile, it took the GIL from the thread building the window and delayed it instead.
        self.location, self.force_read_only = location_of(location), read_only
        running = QApplication.instance()  # a test's, or none yet
        self.app = running if isinstance(running, QApplication) else new_application(sys.argv[:1])
        self.app.setOrganizationName(APP_NAME)
        self.app.setApplicationName(settings_name(self.location))  # before any QSettings is made: they follow it
        self.app.setApplicationDisplayName(APP_TITLE)
        self.app.setWindowIcon(icon("app"))
        self.log_file = setup_logging()
        install_excepthook(self.log_file)
        self.lock = InstanceLock(*paths.lock_paths(self.location))
        self.seal_file = paths.seal_path(self.location)
        self.opened = False
        self.clock = Clock()  # the one clock of the running program
        self.state = AppState(self.location, paths.backup_dir(self.location), self.log_file, self.clock)
        self.state.hold_file = self.hold_file
        self.window: MainWindow | None = None  # shown by `start`
        self.server: InstanceServer | None = None
        self.quit_after_open = False  # close the window (properly) once the database is open: checks of a build
        self.exit_code = 0  # what the program ends with when the event loop ends (1: a check found a problem)

    def start(self) -> int | None:
        """Show the window; return an exit code if the program should not run after all."""
        name = paths.instance_address(self.location)
        if not self.lock.acquire():
            if notify_running(name):
                print(f"legalsec-desktop is already running on {self.location}; its window was brought to the front.")
                return 0
            pid = self.lock.holder_pid()
            text = (f"{self.location} is in use by another running copy of the program"
                    + (f" (process {pid})" if pid else "") + ". Close it first, or open a different database.")
            if self.quit_after_open:
                self.report("The database is in use", text)
            else:
                QMessageBox.warning(None, APP_TITLE, text)
            return 1
        from legalsec_desktop.services import maintenance

        if self.location.file is not None:  # what a killed copy left beside the file and among its backups
            maintenance.sweep_leftovers(self.location.file, self.state.backup_dir)
        if not settle_file(self.location, self.state.backup_dir, self.seal_file, self.clock,
                           report=self.report if self.quit_after_open else None):
            return 1
        from legalsec_desktop.ui.main_window import MainWindow

        self.server = InstanceServer(name)
        self.window = MainWindow(self.state)
        self.server.raise_requested.connect(self.window.bring_to_front)
        self.window.show()
        self._close_on_signals()
        self.app.processEvents()  # paint the window before the database work starts
        QTimer.singleShot(0, self.open_database)
        return None

    def _close_on_signals(self) -> None:
        """Logout, shutdown or Ctrl+C close the window properly (layout saved, backup made)."""

        window = self.shown_window()

        def request_close(*_args: object) -> None:
            QTimer.singleShot(0, window.close)

        for name in ("SIGTERM", "SIGINT", "SIGHUP"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), request_close)
        # Python runs signal handlers only between bytecodes; a quiet tick gives it the chance.
        self._signal_tick = QTimer(window, interval=300)
        self._signal_tick.timeout.connect(lambda: None)
        self._signal_tick.start()

    def open_database(self) -> None:
        """Open (and if needed migrate, after a backup) the database once the window is up."""
        from legalsec_desktop.services import database, firm
        from legalsec_desktop.ui.maintenance.maintenance_feature import MaintenanceFeature
        from legalsec_desktop.ui.settings.settings_feature import SettingsFeature

        window = self.shown_window()
        read_only = True if self.force_read_only else None
        try:
            if database.needs_upgrade(self.location):
                # An upgrade of a large practice takes seconds: off the UI thread, saying what it is doing.
                store = run_and_wait(window, window.tr("Upgrading the database…"), lambda progress:
                                     database.open_database(self.location, self.state.backup_dir, read_only, progress,
                                                            clock=self.clock))
            else:
                store = database.open_database(self.location, self.state.backup_dir, read_only=read_only,
                                               clock=self.clock)
            if not self.hold_file():
                store.close()
                raise DatabaseInUseError(str(self.location), f"{self.location} is open in another running copy of "
                                                            "the program (through another path). Close it first.")
        except Exception as exc:  # noqa: BLE001 - shown to the user either way, then we stop
            if self.quit_after_open:  # a check of an installed copy: said on stderr, and the program ends (1)
                if not isinstance(exc, UserFixableError):
                    log.error("the database could not be opened: %s", error_kind(exc), exc_info=exc)
                self.report("The database cannot be opened",
                            exc.message if isinstance(exc, UserFixableError) else
                            f"an unexpected error ({error_kind(exc)}); the details are in {self.log_file}")
                self.end(1)
                return
            show_problem(window, exc, "The database cannot be opened")
            window.close()
            return
        if not store.read_only:
            database.opened_for_writing(self.seal_file)
        self.opened = True
        self.state.set_store(store)
        if not store.read_only and not firm.load_profile(store).is_set_up and not self.quit_after_open:
            window.feature(SettingsFeature).open_settings(first_run=True)  # a check of a first start: not asked
        if not store.read_only:
            window.feature(MaintenanceFeature).back_up_if_due()
        if self.quit_after_open:
            QTimer.singleShot(0, self.close_and_quit)

    def close_and_quit(self) -> None:
        """Close the window as the user would, then end the event loop even if another box is still shown (or,
        if the window would not close, end it anyway with exit code 1: a check never waits)."""
        window = self.shown_window()
        if not window.close():
            self.report("The window did not close", "it refused to close once the database was open")
            self.end(1)
            return
        visible = [widget.windowTitle() for widget in QApplication.topLevelWidgets() if widget.isVisible()]
        if visible:
            log.info("--quit-after-open: still shown after the window closed: %s", ", ".join(visible))
        self.end(0)

    def report(self, title: str, text: str) -> None:
        """Say a problem without asking anything (--quit-after-open): in the log (its kind only, no client data)
        and on stderr (which a windowed program on Windows may not have)."""
        log.warning("--quit-after-open: %s", title)
        if sys.stderr is not None:
            print(f"legalsec-desktop: {title}: {text}", file=sys.stderr)

    def end(self, code: int) -> None:
        """End the event loop with `code` as the program's exit code: a problem (1) at once, leaving any dialog's
        loop too; all well (0) as a quit, which closes what is still shown first."""
        self.exit_code = self.exit_code or code
        if code:
            self.app.exit(code)
        else:
            self.app.quit()

    def shown_window(self) -> MainWindow:
        """The window `start` showed; the steps after it need one."""
        if self.window is None:
            raise RuntimeError("the window is not shown yet")
        return self.window

    def hold_file(self) -> bool:
        """Lock the database file itself too (it may be new, or replaced by a restore); False if another copy has it."""
        return self.lock.add(paths.lock_paths(self.location)[-1])

    def stop(self) -> None:
        wait_for_background()  # let a running backup finish
        troubled = self.state.store is not None and self.state.store.troubled
        if self.state.store is not None:
            self.state.store.close()
        if self.opened:
            from legalsec_desktop.services import database

            database.closed_cleanly(self.location, self.seal_file, troubled=troubled)
        self.lock.release()


def run(location: DatabaseLocation | Path, read_only: bool = False, quit_after_open: bool = False) -> int:
    """Start the GUI on the database at `location` and run until the window closes (or, with `quit_after_open`,
    until the database is open: the window then closes as if the user had closed it)."""
    no_display = missing_display()
    if no_display is not None:  # Qt would abort with a message about a missing library
        print(no_display, file=sys.stderr)
        return EXIT_NO_DISPLAY
    paths.use_private_temp()  # exports' and printing's temporary files never go to the system temp folder
    gui = Gui(location, read_only)
    gui.quit_after_open = quit_after_open
    try:
        early = gui.start()
        if early is not None:
            return early
        return gui.app.exec() or gui.exit_code
    finally:
        gui.stop()


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `legalsec-desktop` launcher (no console window on Windows)."""
    multiprocessing.freeze_support()  # a packaged program: a letter's render process starts here (no-op otherwise)
    parser = argparse.ArgumentParser(prog="legalsec-desktop", description="Open the legalsec-desktop window.")
    parser.add_argument("--db", metavar="PATH",
                        help=f"database file (default: ${paths.DB_ENV} or the user data folder)")
    parser.add_argument("--read-only", action="store_true", help="open the database without allowing changes")
    parser.add_argument("--quit-after-open", action="store_true",
                        help="close the window as soon as the database is open (to check an installed copy starts)")
    args = parser.parse_args(argv)
    return run(paths.resolve_location(args.db), args.read_only, args.quit_after_open)


if __name__ == "__main__":
    raise SystemExit(main())
