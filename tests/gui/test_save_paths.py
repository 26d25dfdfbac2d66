"""File dialogs open in the user's Documents folder, then in the folder used last; never in the program's folder."""

from pathlib import Path

import platformdirs
import pytest
from PySide6.QtWidgets import QWidget

from legalsec_desktop.ui.common import save_paths
from legalsec_desktop.ui.common.save_paths import ask_open_path, ask_save_path

SRC = Path(__file__).resolve().parents[2] / "src" / "legalsec_desktop"


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    """Record where each dialog opens and answer with the file given in `answer`."""
    seen = {"answer": ""}
    opened: list[str] = []

    def dialog(_parent, _title, start, _pattern, _saving):
        opened.append(start)
        return seen["answer"], ""

    monkeypatch.setattr(save_paths, "ask_user", dialog)
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    (tmp_path / "user").mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "user" / "Documents"))
    return seen, opened


def test_first_the_documents_folder_or_home_when_there_is_none(qtbot, dialogs, tmp_path):
    _seen, opened = dialogs
    parent = QWidget()
    qtbot.addWidget(parent)
    ask_save_path(parent, "Save Report", "Docket.pdf", "PDF (*.pdf)", ".pdf")
    assert opened[-1] == str(tmp_path / "user" / "Docket.pdf")  # no Documents folder: home, not the working folder
    (tmp_path / "user" / "Documents").mkdir()
    ask_save_path(parent, "Save Report", "Docket.pdf", "PDF (*.pdf)", ".pdf")
    assert opened[-1] == str(tmp_path / "user" / "Documents" / "Docket.pdf")
    ask_open_path(parent, "Import Calendar", "iCalendar files (*.ics)")
    assert opened[-1] == str(tmp_path / "user" / "Documents")


def test_then_the_folder_used_last_while_it_exists(qtbot, dialogs, tmp_path):
    seen, opened = dialogs
    parent = QWidget()
    qtbot.addWidget(parent)
    court = tmp_path / "court"
    court.mkdir()
    seen["answer"] = str(court / "sheet")
    assert ask_save_path(parent, "Save Timesheet", "Time.xlsx", "Excel (*.xlsx)", ".xlsx") == court / "sheet.xlsx"
    ask_open_path(parent, "Import Calendar", "iCalendar files (*.ics)")
    assert opened[-1] == str(court)
    backups = tmp_path / "backups"
    seen["answer"] = str(backups / "b.db")
    ask_open_path(parent, "Restore from Backup", "Database backups (*.db)", folder=backups)
    assert opened[-1] == str(backups)
    assert save_paths.last_folder() == str(court)  # a fixed folder (the backups) is not remembered
    court.rmdir()
    assert save_paths.last_folder() == str(tmp_path / "user")  # gone: Documents (here: home) again


def test_every_file_dialog_goes_through_one_helper():
    users = [path.relative_to(SRC).as_posix() for path in SRC.rglob("*.py")
             if "QFileDialog." in path.read_text(encoding="utf-8")]
    assert users == ["ui/common/save_paths.py"]


def test_the_dialog_never_reads_the_files_it_lists(qtbot, tmp_path):
    """Opening and closing a file in this process drops SQLite's locks on it (POSIX): a file dialog showing the
    database's folder must not read the database, its -wal or its -shm to choose their icons."""
    import os
    import sqlite3
    import subprocess
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    if sys.platform == "win32":
        pytest.skip("Windows keeps a lock until the handle that took it is closed")
    db = tmp_path / "practice.db"
    window = sqlite3.connect(db, isolation_level=None)  # the window's connection, kept open
    try:
        window.execute("PRAGMA journal_mode=WAL")
        window.execute("CREATE TABLE t (x)")
        window.execute("INSERT INTO t VALUES (1)")

        def look_then_cancel():
            dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
            qtbot.wait(1500)  # the listing and its icons are filled in meanwhile
            dialog.reject()

        QTimer.singleShot(0, look_then_cancel)
        assert save_paths.ask_user(None, "Save Report", str(tmp_path / "x.pdf"), "PDF (*.pdf)", True) == ("", "")
        # A command run now must see that the window still has the database open: it may not delete the -wal.
        subprocess.run([sys.executable, "-c", ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                        "c.execute('INSERT INTO t VALUES (2)'); c.commit(); c.close()"), str(db)], check=True)
        assert os.path.exists(str(db) + "-wal")
        window.execute("INSERT INTO t VALUES (3)")
    finally:
        window.close()
    check = sqlite3.connect(db)
    try:
        assert [row[0] for row in check.execute("SELECT x FROM t ORDER BY x")] == [1, 2, 3]
    finally:
        check.close()
