"""The window's exports leave no client data in temporary files: Qt's temporary files follow the program's own
folder, and Cancel in the timesheet's progress dialog removes what the export had written so far."""

import tempfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QTemporaryFile
from PySide6.QtWidgets import QProgressDialog

from legalsec_desktop.ui.common import save_paths
from legalsec_desktop import paths, temp_folder
from legalsec_desktop.ui.time.time_export_dialogs import TimesheetDialog


@pytest.fixture
def private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The program started (its own temporary folder in use) on a machine whose temp folder the test watches."""
    system = tmp_path / "system temp"
    system.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(system))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return paths.use_private_temp(), system


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name != temp_folder.LOCK_NAME)


def test_qt_temporary_files_go_to_the_private_folder(private):
    folder, system = private
    assert Path(QDir.tempPath()) == folder
    scratch = QTemporaryFile()
    assert scratch.open() and Path(scratch.fileName()).parent == folder
    scratch.remove()
    assert list(system.iterdir()) == []


def test_cancel_in_the_timesheet_progress_leaves_nothing_behind(private, make_window, monkeypatch, tmp_path,
                                                                message_boxes):
    folder, system = private
    window = make_window()  # the demo practice: 900 entries, so the progress dialog is asked after 500
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(save_paths, "ask_user", lambda *a, **k: (str(out / "sheet.xlsx"), ""))
    import threading

    from legalsec_desktop.services import timesheet

    asked: list[bool] = []
    pressed = threading.Event()
    real_label, real_export = QProgressDialog.setLabelText, timesheet.export_timesheet

    def cancel_on_first_count(self, text):  # noqa: ANN001 - the user presses Cancel once counting shows
        real_label(self, text)
        if "entries" in text and not asked:
            asked.append(True)
            self.canceled.emit()  # what the Cancel button sends
            # The work stops at its next step: until then the dialog stays up, modal, and says so.
            assert self.isVisible() and self.labelText() == "Cancelling…"
            pressed.set()

    def export_waiting_for_the_user(store, scope, path, progress):  # noqa: ANN001
        def report(done):  # noqa: ANN001 - the count reaches the dialog; the next step sees the Cancel
            progress(done)
            pressed.wait(10)
            return progress(done)

        return real_export(store, scope, path, report)

    monkeypatch.setattr(QProgressDialog, "setLabelText", cancel_on_first_count)
    monkeypatch.setattr(timesheet, "export_timesheet", export_waiting_for_the_user)
    dialog = TimesheetDialog(window.state, window, first=date(2022, 1, 1), last=date(2026, 12, 31))
    dialog.load()
    dialog.export()
    assert asked and dialog.saved is None
    assert any("cancelled" in text for _kind, text in message_boxes)
    assert list(out.iterdir()) == []
    assert leftovers(folder) == [] and list(system.iterdir()) == []
    dialog.deleteLater()
