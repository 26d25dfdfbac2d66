"""The sample practice one click away: the welcome's button and Help ▸ Open the Sample Practice."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QProcess, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox

from legalsec_desktop import APP_TITLE, paths, temp_folder
from legalsec_desktop.clock import Clock
from legalsec_desktop.instance_lock import InstanceLock
from legalsec_desktop.services import demo_practice
from legalsec_desktop.services.firm import load_profile
from legalsec_desktop.ui.common import window_process
from legalsec_desktop.ui.common.feature import Needs
from legalsec_desktop.ui.settings import sample_practice
from legalsec_desktop.ui.settings.settings_dialog import SettingsDialog
from legalsec_desktop.ui.settings.settings_feature import SettingsFeature


@pytest.fixture
def started(monkeypatch):
    """The windows started: QProcess.startDetached records its program and arguments instead of running them."""
    calls: list[list[str]] = []
    monkeypatch.setattr(QProcess, "startDetached", lambda program, arguments: calls.append([program, *arguments])
                        or (True, 4242))
    return calls


def welcome(make_window, tmp_path, qtbot):  # noqa: ANN001, ANN201
    window = make_window(tmp_path / "mine.db")
    window.show()
    dialog = SettingsDialog(window.state, first_run=True, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    return window, dialog


def test_only_the_welcome_offers_the_sample(make_window, tmp_path, qtbot):
    window, dialog = welcome(make_window, tmp_path, qtbot)
    button = dialog.sample_button
    assert button is not None and button.text() == "Try It with a Sample Practice" and button.isVisible()
    assert dialog.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.ActionRole
    assert "made-up firm" in button.toolTip() and "dated today" in button.toolTip()
    assert "your own database is not touched" in button.toolTip()
    settings = SettingsDialog(window.state, first_run=False, parent=window)
    qtbot.addWidget(settings)
    assert settings.sample_button is None
    assert not any("Sample" in b.text() for b in settings.buttons.buttons())


def test_the_button_builds_the_sample_opens_its_window_and_leaves_the_welcome_as_it_was(
        make_window, tmp_path, qtbot, started):
    window, dialog = welcome(make_window, tmp_path, qtbot)
    mine = tmp_path / "mine.db"
    before = mine.read_bytes()
    dialog.name.setText("typed, not saved")
    qtbot.mouseClick(dialog.sample_button, Qt.MouseButton.LeftButton)

    sample = paths.sample_db_path()
    assert sample.is_file() and any((sample.parent / "sample-practice documents").iterdir())
    assert started == [[sys.executable, "-m", "legalsec_desktop.app", "--db", str(sample)]]
    assert dialog.isVisible() and dialog.name.text() == "typed, not saved"  # still open, nothing typed is lost
    assert dialog.result() == 0  # neither saved nor "Later"
    assert window.isVisible() and mine.read_bytes() == before
    assert not load_profile(window.state.store).is_set_up  # nothing saved until the user says Save


def test_the_installed_program_starts_itself_on_the_sample(monkeypatch, started, tmp_path):
    program = str(tmp_path / "legalsec-desktop" / "legalsec-desktop")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", program)
    assert window_process.window_command(tmp_path / "x.db") == [program, "--db", str(tmp_path / "x.db")]
    # started from the command-line program (`legalsec` with no command): the window program beside it opens it
    (tmp_path / "legalsec-desktop").mkdir()
    Path(program).write_bytes(b"")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "legalsec-desktop" / "legalsec"))
    assert window_process.window_command(tmp_path / "x.db") == [program, "--db", str(tmp_path / "x.db")]
    monkeypatch.delattr(sys, "frozen")
    monkeypatch.setattr(sys, "executable", program)
    assert window_process.window_command(tmp_path / "x.db") == [
        program, "-m", "legalsec_desktop.app", "--db", str(tmp_path / "x.db")]
    window_process.start_window(tmp_path / "x.db")
    assert started == [[program, "-m", "legalsec_desktop.app", "--db", str(tmp_path / "x.db")]]


def test_a_window_that_cannot_start_is_said_plainly(make_window, tmp_path, qtbot, monkeypatch, message_boxes):
    monkeypatch.setattr(QProcess, "startDetached", lambda program, arguments: (False, 0))
    _window, dialog = welcome(make_window, tmp_path, qtbot)
    dialog.name.setText("Lee & Park LLP")
    dialog.sample_button.click()
    assert [kind for kind, _text in message_boxes] == ["warning"]
    assert "could not be started" in message_boxes[0][1] and "Traceback" not in message_boxes[0][1]
    assert dialog.isVisible() and dialog.name.text() == "Lee & Park LLP"  # nothing typed is lost


def test_a_sample_held_by_a_running_copy_is_not_rebuilt(make_window, tmp_path, qtbot, monkeypatch, started,
                                                         message_boxes):
    built = demo_practice.build_sample(Clock())
    made = built.path.stat().st_mtime_ns
    held = InstanceLock(*paths.lock_paths(built.path))  # a copy that has it open but does not answer (yet)
    assert held.acquire()
    try:
        answers = iter([False, True])  # its window answers once it is up
        monkeypatch.setattr(sample_practice, "notify_running", lambda name: next(answers))
        window, dialog = welcome(make_window, tmp_path, qtbot)
        dialog.sample_button.click()
        assert dialog.isVisible() and message_boxes == []  # its window was brought forward
        monkeypatch.setattr(sample_practice, "notify_running", lambda name: False)  # it never answers
        assert not sample_practice.open_sample_practice(window, Clock())
        assert "open in another window" in message_boxes[0][1]
    finally:
        held.release()
    assert started == [] and built.path.stat().st_mtime_ns == made


def test_help_brings_a_running_sample_window_forward(make_window, qtbot, started, tmp_path):
    built = demo_practice.build_sample(Clock())
    made = built.path.stat().st_mtime_ns
    errors = tmp_path / "sample-window.err"  # a file, not a pipe: a chatty window never stalls on a full pipe
    with errors.open("wb") as error_file:
        sample_window = subprocess.Popen(window_process.window_command(built.path), env=os.environ.copy(),
                                         stdout=subprocess.DEVNULL, stderr=error_file)
        try:
            qtbot.waitUntil(sample_practice.bring_sample_forward, timeout=30000)  # it is up and answers
            window = make_window()
            window.findChild(QAction, "sample_practice").trigger()
            assert started == [] and built.path.stat().st_mtime_ns == made  # brought forward, not built again
            sample_window.terminate()  # closes its window as the user would
            sample_window.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pytest.fail("the sample window did not close when asked: " + errors.read_text(errors="replace"))
        finally:
            if sample_window.poll() is None:  # never leave a window running, whatever failed
                sample_window.kill()
                sample_window.wait()
    assert sample_window.returncode == 0, errors.read_text(errors="replace")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows names a pipe, not a file in a folder")
def test_copies_meet_outside_their_private_temporary_folders(tmp_path):
    """Each running copy has a temporary folder of its own; the socket a second launch looks for is not in it."""
    before = paths.instance_address(Path("some-database.db"))
    try:
        private = temp_folder.use(tmp_path / "private")
        name = paths.instance_address(Path("some-database.db"))
        assert name == before
        # a bare name would be a socket in Qt's temporary folder: the private one, a different one in every copy
        assert Path(name).is_absolute() and private not in Path(name).parents
    finally:
        temp_folder.release()


def test_help_offers_the_sample_practice(make_window, monkeypatch):
    window = make_window()
    action = window.findChild(QAction, "sample_practice")
    assert action.text() == "Open the &Sample Practice" and "made-up firm" in action.statusTip()
    help_menu, = (item.menu() for item in window.menuBar().actions() if item.text() == "&Help")
    assert action in help_menu.actions()
    feature = window.feature(SettingsFeature)
    assert next(e for e in feature.entries if e.action is action).needs is Needs.NOTHING
    opened = []
    monkeypatch.setattr(sample_practice, "open_sample_practice", lambda parent, clock: opened.append(clock) or True)
    window.state.set_store(None)  # no database open: still there
    assert action.isEnabled()
    action.trigger()
    assert opened == [window.state.clock]


def test_the_sample_window_says_it_is_the_sample(make_window, monkeypatch):
    demo_practice.build_sample(Clock())
    window = make_window(paths.sample_db_path())
    assert window.windowTitle() == f"Sample Practice — {APP_TITLE}"
    opened = []
    monkeypatch.setattr(sample_practice, "open_sample_practice", lambda parent, clock: opened.append(clock) or True)
    window.findChild(QAction, "sample_practice").trigger()
    assert opened == [] and "sample practice" in window.statusBar().currentMessage()


def test_the_window_command_runs():
    done = subprocess.run([sys.executable, "-m", "legalsec_desktop.app", "--help"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0 and "--db" in done.stdout
