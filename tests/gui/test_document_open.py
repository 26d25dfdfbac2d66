"""Opening a file when the system has no program for it: said in words, with the file's place and a way to it."""

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from legalsec_desktop.ui.common import document_open


@pytest.fixture
def no_viewer(monkeypatch):
    """The system opens nothing; records the URLs asked for and the message box shown (its button clicked)."""
    asked, shown, click = [], [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: asked.append(url.toLocalFile()) or False)

    def exec_box(box):
        shown.append(box.text())
        wanted = next(b for b in box.buttons() if click and click[0] in b.text().replace("&", ""))
        wanted.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    return asked, shown, click


@pytest.mark.parametrize("button", ["Show in Folder", "Copy the Path"])
def test_no_program_for_the_file_says_where_it_is_and_offers_a_way_to_it(qtbot, tmp_path, no_viewer, button):
    asked, shown, click = no_viewer
    click.append(button)
    parent = QWidget()
    qtbot.addWidget(parent)
    letter = tmp_path / "Letter to opposing counsel.docx"
    letter.write_bytes(b"x")
    assert document_open.open_file(parent, letter) is False
    assert "no program that opens .docx files" in shown[0] and str(letter) in shown[0]
    if button == "Show in Folder":  # the folder cannot be shown either: its path is copied instead
        assert asked == [str(letter), str(letter.parent)]
    assert QApplication.clipboard().text() == str(letter) and "clipboard" in shown[-1]


def test_a_file_that_opens_says_nothing(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("no message when it opens"))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert document_open.open_file(parent, Path(tmp_path / "a.pdf"))
