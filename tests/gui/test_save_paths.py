"""File dialogs open in the user's Documents folder, then in the folder used last; never in the program's folder."""

from pathlib import Path

import platformdirs
import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from legalsec_desktop.ui.common import save_paths
from legalsec_desktop.ui.common.save_paths import ask_open_path, ask_save_path

SRC = Path(__file__).resolve().parents[2] / "src" / "legalsec_desktop"


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    """Record where each dialog opens and answer with the file given in `answer`."""
    seen = {"answer": ""}
    opened: list[str] = []

    def dialog(_parent, _title, start, _pattern):
        opened.append(start)
        return seen["answer"], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
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
