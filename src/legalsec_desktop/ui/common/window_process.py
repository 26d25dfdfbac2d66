"""Start the window on another database as a program of its own (its lock, backups and seal are that database's)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess

from legalsec_desktop.domain.errors import UserFixableError


def window_command(db_path: Path) -> list[str]:
    """The command line that opens the window on `db_path`: the installed program itself, or Python running it."""
    if getattr(sys, "frozen", False):  # the installed (PyInstaller) program: the window program beside this one
        this = Path(sys.executable)
        window = this.with_name("legalsec-desktop" + this.suffix)  # not `legalsec`: no console window on Windows
        return [str(window if window.is_file() else this), "--db", str(db_path)]
    return [sys.executable, "-m", "legalsec_desktop.app", "--db", str(db_path)]


def start_window(db_path: Path) -> None:
    """Start a window on `db_path`, independent of this one (it stays open when this one closes)."""
    program, *arguments = window_command(db_path)
    started, _pid = QProcess.startDetached(program, arguments)
    if not started:
        raise UserFixableError(f"A new window could not be started ({program} did not run). Start the program "
                               f"yourself with --db \"{db_path}\", or reinstall it.")
