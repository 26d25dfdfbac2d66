"""Errors reach the user as plain words (bugs with details one click away); screenshots render."""

import sys
import threading

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from legalsec_desktop.domain.errors import StorageFullError
from legalsec_desktop.ui.common import errors
from legalsec_desktop.ui.screenshot import render_screenshots


def test_user_fixable_errors_are_a_plain_warning(message_boxes):
    errors.show_problem(None, StorageFullError("The disk is full."))
    assert message_boxes == [("warning", "Could not finish: The disk is full.")]


def test_bugs_get_one_dialog_with_hidden_details(monkeypatch, tmp_path):
    seen = {}

    def fake_exec(box):
        seen.update(text=box.text(), info=box.informativeText(), details=box.detailedText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test, with the log path
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(errors, "_log_file", errors._log_file)
    errors.install_excepthook(tmp_path / "legalsec.log")
    try:
        raise ValueError("a bug")
    except ValueError as exc:
        errors.show_problem(None, exc)
    assert "What was already saved is safe" in seen["text"]
    assert str(tmp_path / "legalsec.log") in seen["info"]
    assert "in test_bugs_get_one_dialog_with_hidden_details" in seen["details"]
    assert seen["details"].rstrip().splitlines()[-1] == "ValueError"  # the kind, not the message


def test_a_thread_that_dies_of_a_bug_is_logged_by_its_kind(monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(errors, "_log_file", errors._log_file)
    errors.install_excepthook(tmp_path / "legalsec.log")

    def work():
        raise KeyError("Smith")

    worker = threading.Thread(target=work)
    with caplog.at_level("ERROR", logger="legalsec"):
        worker.start()
        worker.join()
    assert [r.getMessage() for r in caplog.records] == ["unexpected error: KeyError"]


def test_screenshot_renders_every_tab(demo_path, tmp_path):
    saved = render_screenshots(demo_path, tmp_path / "shots")
    assert [p.name for p in saved] == ["01-calendar.png", "02-matters.png", "03-correspondence.png", "04-time.png",
                                       "05-files.png", "06-settings.png", "07-matter.png"]
    image = QImage(str(saved[0]))
    assert image.width() == 1280 and image.height() == 800


def test_the_calendar_screenshot_waits_for_its_needs_attention_panel(demo_path, tmp_path, monkeypatch):
    """The panel is read off the UI thread: the screenshot waits for it instead of showing it empty."""
    import time

    from legalsec_desktop.ui.calendar import calendar_tab

    real = calendar_tab.read_attention

    def slow(*args):
        time.sleep(1.0)  # a large practice, or a busy computer
        return real(*args)

    monkeypatch.setattr(calendar_tab, "read_attention", slow)
    [calendar_png] = [p for p in render_screenshots(demo_path, tmp_path / "shots") if p.name == "01-calendar.png"]
    image = QImage(str(calendar_png))
    inked = sum(1 for x in range(1000, 1260, 2) for y in range(215, 330, 2)
                if image.pixelColor(x, y).lightness() < 160)
    assert inked > 50  # its headings and first items, not an empty white box
