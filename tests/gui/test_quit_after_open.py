"""`legalsec-desktop --quit-after-open`: the window opens the database, then closes as if the user closed it."""

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from legalsec_desktop import app as app_module


@contextmanager
def started(path: Path, quit_after_open: bool) -> Iterator[app_module.Gui]:
    """The program started on `path` in this process; its window and database are let go afterwards."""
    gui = app_module.Gui(path)
    gui.quit_after_open = quit_after_open
    try:
        assert gui.start() is None
        assert gui.window is not None and gui.window.isVisible()
        yield gui
    finally:
        if gui.window is not None:
            gui.window.remember_layout = False
            gui.state.set_store(None)
            gui.window.deleteLater()
        gui.stop()


def test_the_window_closes_itself_once_the_database_is_open(qtbot, demo_path):
    with started(demo_path, quit_after_open=True) as gui:
        qtbot.waitUntil(lambda: gui.opened and not gui.window.isVisible(), timeout=15000)
        assert gui.state.store is not None  # opened for real before closing


def test_without_the_option_the_window_stays(qtbot, demo_path):
    with started(demo_path, quit_after_open=False) as gui:
        qtbot.waitUntil(lambda: gui.opened)
        qtbot.wait(200)
        assert gui.window is not None and gui.window.isVisible()


def test_the_launcher_passes_the_option_on(monkeypatch, tmp_path):
    started = []
    monkeypatch.setattr(app_module, "run", lambda location, read_only, quit_after_open: started.append(
        (read_only, quit_after_open)) or 0)
    assert app_module.main(["--db", str(tmp_path / "x.db"), "--quit-after-open"]) == 0
    assert app_module.main(["--db", str(tmp_path / "x.db")]) == 0
    assert started == [(False, True), (False, False)]


def run_window(tmp_path: Path, db: Path) -> subprocess.CompletedProcess[str]:
    """`legalsec-desktop --db X --quit-after-open` as a smoke test runs it: a program of its own, offscreen, with
    its home and data folders in the test's folder; killed if it has not ended in time (it waits for nobody)."""
    home = tmp_path / "run-home"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "LEGALSEC"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_STATE_HOME=str(home / "state"), XDG_RUNTIME_DIR=str(home / "runtime"),
               APPDATA=str(home / "data"), LOCALAPPDATA=str(home / "cache"))  # Windows' own data folders
    for sub in ("config", "data", "cache", "state", "runtime"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    try:
        return subprocess.run([sys.executable, "-m", "legalsec_desktop.app", "--db", str(db), "--quit-after-open"],
                              env=env, capture_output=True, text=True, timeout=45, check=False)
    except subprocess.TimeoutExpired:  # subprocess.run kills it before raising
        pytest.fail("--quit-after-open did not end by itself: something waited for an answer")


def test_a_first_start_on_a_new_database_opens_and_ends_without_the_welcome(tmp_path):
    db = tmp_path / "fresh" / "legalsec.db"
    db.parent.mkdir()
    done = run_window(tmp_path, db)
    assert done.returncode == 0, done.stderr
    assert db.is_file() and "Traceback" not in done.stderr
    log = next((tmp_path / "run-home").rglob("legalsec.log")).read_text(encoding="utf-8")
    assert "still shown" not in log  # no welcome (nor any other box) was left open when the window closed


def test_a_damaged_file_ends_with_the_problem_said_and_exit_code_1(tmp_path):
    db = tmp_path / "damaged.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00\xff" * 4000)  # the header of a database, then nonsense
    before = db.read_bytes()
    done = run_window(tmp_path, db)
    assert done.returncode == 1
    assert "cannot be opened" in done.stderr and "Traceback" not in done.stderr
    assert db.read_bytes() == before  # left as it was: nothing moved aside or restored unasked


def test_a_database_in_use_is_said_on_stderr_not_in_a_box(demo_path, message_boxes, capsys):
    from legalsec_desktop import paths
    from legalsec_desktop.instance_lock import InstanceLock

    held = InstanceLock(*paths.lock_paths(demo_path))  # another copy has it, and does not answer
    assert held.acquire()
    gui = app_module.Gui(demo_path)
    gui.quit_after_open = True
    try:
        assert gui.start() == 1
    finally:
        gui.stop()
        held.release()
    assert message_boxes == [] and gui.window is None
    assert "is in use by another running copy" in capsys.readouterr().err
