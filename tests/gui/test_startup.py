"""Start-up as a user meets it: first run, bad files, a newer database, a second launch."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import text

from legalsec_desktop import app as app_module
from legalsec_desktop import paths
from legalsec_desktop.db.store import open_store
from legalsec_desktop.services import maintenance
from legalsec_desktop.ui import startup
from legalsec_desktop.ui.settings.settings_dialog import SettingsDialog
from legalsec_desktop.ui.single_instance import InstanceServer, notify_running
from legalsec_desktop.ui.common.navigation import TabKey


@pytest.fixture
def gui_factory(qtbot, monkeypatch):
    made = []

    def make(path, read_only=False):
        gui = app_module.Gui(path, read_only)
        made.append(gui)
        return gui

    yield make
    for gui in made:
        if gui.window is not None:
            gui.window.remember_layout = False
            gui.state.set_store(None)
            gui.window.deleteLater()
        gui.stop()


def test_first_run_opens_the_window_then_asks_for_the_firm(gui_factory, db_path, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(SettingsDialog, "exec",
                        lambda self: asked.append(self.windowTitle()) or QDialog.DialogCode.Rejected)
    gui = gui_factory(db_path)
    assert gui.start() is None
    assert gui.window.isVisible()
    qtbot.waitUntil(lambda: gui.state.store is not None)
    assert asked and "Welcome" in asked[0]
    assert db_path.exists()
    assert gui.window.tab(TabKey.CALENDAR).stack.currentIndex() == 1  # the empty state


def test_a_set_up_database_does_not_ask_again(gui_factory, demo_path, qtbot, monkeypatch):
    asked = []  # recorded, not failed inside Qt's slot, where pytest.fail would only reach the bug dialog
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: asked.append(self.windowTitle()) or 0)
    gui = gui_factory(demo_path)
    gui.start()
    qtbot.waitUntil(lambda: gui.state.store is not None)
    qtbot.waitUntil(lambda: gui.window.tab(TabKey.CALENDAR).model.rowCount() > 0)
    assert asked == []


def start_accepting_the_backup(gui_factory, path, monkeypatch):  # noqa: ANN001, ANN201
    """Start the program on `path`, answering "Restore Backup" when it offers one; returns the Gui and the offers."""
    offered: list[str] = []
    monkeypatch.setattr(startup, "ask_about_bad_file",
                        lambda exc, where, parent=None: offered.append(exc.message) or startup.RESTORE)
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    gui = gui_factory(path)
    assert gui.start() is None
    return gui, offered


def test_a_damaged_database_offers_the_newest_backup(gui_factory, demo_path, qtbot, monkeypatch):
    folder = paths.backup_dir(demo_path)
    maintenance.back_up(demo_path, folder)
    original = demo_path.read_bytes()
    demo_path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    gui, offered = start_accepting_the_backup(gui_factory, demo_path, monkeypatch)
    assert offered and str(demo_path) in offered[0]
    aside = [p for p in demo_path.parent.glob("*.damaged-*") if p.name.endswith(".db")]
    assert len(aside) == 1 and aside[0].read_bytes()[:16] == b"SQLite format 3\x00"
    qtbot.waitUntil(lambda: gui.state.store is not None)
    assert gui.window.tab(TabKey.CALENDAR).model.rowCount() > 0
    assert len(original) > 0


def test_not_a_database_and_no_backup_can_quit_untouched(gui_factory, tmp_path, monkeypatch):
    path = tmp_path / "notes.db"
    path.write_text("just some notes")
    monkeypatch.setattr(startup, "ask_about_bad_file", lambda *args, **kwargs: startup.QUIT)
    assert gui_factory(path).start() == 1
    assert path.read_text() == "just some notes"


def test_a_newer_database_is_refused_untouched(gui_factory, db_path, message_boxes):
    store = open_store(db_path)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    store.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    assert gui_factory(db_path).start() == 1
    assert message_boxes and "newer version" in message_boxes[0][1]
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_the_ask_dialog_offers_restore_or_a_fresh_start(tmp_path, demo_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from legalsec_desktop.domain.errors import DamagedDatabaseError

    seen = {}

    def fake_exec(box):
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["text"] = box.text() + " " + box.informativeText()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    error = DamagedDatabaseError(str(demo_path), f"{demo_path} is damaged.")
    assert startup.ask_about_bad_file(error, maintenance.newest_good_backup(tmp_path / "none")) == startup.QUIT
    assert "Move Aside and Start Empty" in seen["buttons"] and "no backup" in seen["text"]
    folder = tmp_path / "backups"
    maintenance.back_up(demo_path, folder)
    startup.ask_about_bad_file(error, maintenance.newest_good_backup(folder))
    assert any(b.startswith("Restore Backup of") for b in seen["buttons"])


def test_second_launch_brings_the_first_window_forward(qtbot, private_dirs, tmp_path):
    # Each running copy has a private temporary folder (temp_folder.py), as the second launch below does too: the
    # address must not depend on it, or the second launch never finds the first.
    location = tmp_path / "office.db"
    name = paths.instance_address(location)
    if os.name != "nt":
        Path(name).parent.mkdir(parents=True, exist_ok=True)  # the locks folder, made by the lock in the program
    server = InstanceServer(name)
    assert server.listening
    with qtbot.waitSignal(server.raise_requested, timeout=3000):
        result = subprocess.Popen([sys.executable, "-c", (
            "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
            "from pathlib import Path; from legalsec_desktop import paths; paths.use_private_temp();"
            "from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]);"
            "from legalsec_desktop.ui.single_instance import notify_running;"
            f"sys.exit(0 if notify_running(paths.instance_address(Path({str(location)!r}))) else 1)")])
        qtbot.waitUntil(lambda: result.poll() is not None, timeout=5000)
    assert result.returncode == 0


@pytest.mark.skipif(os.name == "nt", reason="a pipe name on Windows")
def test_the_instance_address_is_a_socket_in_the_locks_folder_or_else_the_systems_temp(private_dirs, monkeypatch):
    key = paths.db_key(Path("office.db"))
    monkeypatch.setattr(paths, "_dirs", type("Dirs", (), {"user_cache_dir": "/home/ann/.cache/legalsec-desktop"})())
    assert paths.instance_address(Path("office.db")) == f"/home/ann/.cache/legalsec-desktop/locks/{key}.sock"
    monkeypatch.setattr(paths, "_dirs", type("Dirs", (), {"user_cache_dir": "/" + "x" * 120})())
    assert paths.instance_address(Path("office.db")).startswith("/tmp/legalsec-")


def test_second_launch_on_the_same_database_does_not_open_it_twice(gui_factory, demo_path, qtbot, monkeypatch, capsys):
    monkeypatch.setattr(app_module, "notify_running", lambda name: True)
    first = gui_factory(demo_path)
    assert first.start() is None
    second = gui_factory(demo_path)
    assert second.start() == 0
    assert second.window is None
    assert "already running" in capsys.readouterr().out


def test_nobody_answering_means_a_plain_message(gui_factory, demo_path, monkeypatch, message_boxes):
    monkeypatch.setattr(app_module, "notify_running", lambda name: False)
    first = gui_factory(demo_path)
    first.start()
    assert gui_factory(demo_path).start() == 1
    assert "in use by another running copy" in message_boxes[-1][1]


def test_notify_running_with_nobody_listening_is_false(qapp):
    assert notify_running(paths.instance_address(Path("nobody-here.db")), timeout_ms=200) is False


def test_forced_read_only_start(gui_factory, demo_path, qtbot):
    gui = gui_factory(demo_path, read_only=True)
    gui.start()
    qtbot.waitUntil(lambda: gui.state.store is not None)
    assert gui.state.read_only and gui.window.banner.isVisible()


def test_an_old_database_is_upgraded_behind_a_progress_dialog_and_loses_nothing(gui_factory, tmp_path, qtbot,
                                                                               monkeypatch):
    import shutil
    import sqlite3
    from pathlib import Path

    from legalsec_desktop.ui.common import worker

    fixture = Path(__file__).resolve().parents[1] / "data" / "migrations" / "rev-0001.db"
    db = tmp_path / "old.db"
    shutil.copyfile(fixture, db)
    with sqlite3.connect(db) as conn:
        parties = conn.execute("SELECT count(*) FROM party").fetchone()[0]
    conn.close()
    labels = []
    real = worker.run_in_background

    def watched(parent, title, work, on_done, on_error, cancellable=True):
        dialog = real(parent, title, work, on_done, on_error, cancellable)
        labels.append(title)
        dialog.setLabelText = lambda text, original=dialog.setLabelText: labels.append(text) or original(text)
        return dialog

    monkeypatch.setattr(worker, "run_in_background", watched)
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    gui = gui_factory(db)
    assert gui.start() is None
    qtbot.waitUntil(lambda: gui.state.store is not None, timeout=20000)
    assert "Upgrading the database…" in labels
    with gui.state.store.read() as session:
        assert session.execute(text("SELECT count(*) FROM party")).scalar() == parties
    backups = maintenance.list_backups(paths.backup_dir(db))
    assert [info.reason for info in backups] == ["pre-migrate"]


def test_a_damaged_page_after_an_unclean_exit_is_refused_and_the_backup_offered(gui_factory, demo_path, qtbot,
                                                                               monkeypatch):
    import sqlite3

    maintenance.back_up(demo_path, paths.backup_dir(demo_path))
    conn = sqlite3.connect(demo_path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'contact'").fetchone()[0]
    conn.close()
    with open(demo_path, "r+b") as handle:  # one page of the contact table overwritten: the header is fine
        handle.seek((root - 1) * 4096 + 8)
        handle.write(b"\x13" * 2000)
    gui, offered = start_accepting_the_backup(gui_factory, demo_path, monkeypatch)
    assert offered and "damaged" in offered[0]
    qtbot.waitUntil(lambda: gui.state.store is not None)
    assert gui.window.tab(TabKey.CALENDAR).model.rowCount() > 0


def test_a_zero_byte_database_is_treated_as_damaged(gui_factory, demo_path, monkeypatch):
    maintenance.back_up(demo_path, paths.backup_dir(demo_path))
    demo_path.write_bytes(b"")
    offered = []
    monkeypatch.setattr(startup, "ask_about_bad_file",
                        lambda exc, where, parent=None: offered.append(exc.message) or startup.QUIT)
    gui = gui_factory(demo_path)
    assert gui.start() == 1
    assert offered and "empty" in offered[0]
    assert demo_path.stat().st_size == 0  # untouched until the user chooses


def test_a_clean_close_seals_the_file_and_the_next_start_skips_the_check(gui_factory, demo_path, qtbot,
                                                                         monkeypatch):
    from legalsec_desktop.services import database

    monkeypatch.setattr(SettingsDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    gui = gui_factory(demo_path)
    gui.start()
    qtbot.waitUntil(lambda: gui.state.store is not None)
    assert not paths.seal_path(demo_path).exists()  # open for writing: a crash now means a check next time
    gui.window.remember_layout = False
    gui.state.set_store(None)
    gui.stop()
    assert database.is_sealed(demo_path, paths.seal_path(demo_path))


def test_the_start_up_check_is_seen_while_it_runs(gui_factory, demo_path, qtbot, monkeypatch):
    """The progress dialog shows at once (Qt shows one only after a value is set), even for work that reports
    nothing."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    release = threading.Event()
    real_prepare = startup.prepare_file

    def slow_prepare(*args, **kwargs):
        release.wait(10)
        return real_prepare(*args, **kwargs)

    monkeypatch.setattr(startup, "prepare_file", slow_prepare)
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    seen = []

    def look() -> None:  # well before the 400 ms after which Qt would show a dialog it was never told to
        seen.extend(w.labelText() for w in QApplication.topLevelWidgets()
                    if isinstance(w, QProgressDialog) and w.isVisible())
        release.set()

    QTimer.singleShot(100, look)
    gui = gui_factory(demo_path)  # never closed cleanly here: checked first
    assert gui.start() is None
    assert seen and "Checking the database" in seen[0]


def test_a_folder_given_as_the_database_is_never_moved_aside(gui_factory, tmp_path, message_boxes):
    folder = tmp_path / "exports"
    folder.mkdir()
    gui = gui_factory(folder)
    assert gui.start() == 1
    assert folder.is_dir() and not list(tmp_path.glob("exports.damaged-*"))
    assert any("is a folder" in text for _title, text in message_boxes)
