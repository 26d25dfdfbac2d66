"""The window is built and shown before the database stack loads (start-up speed), which loads just after it.

A feature module that imports a service at its top drags SQLAlchemy in before the first paint; this keeps it out."""

import os
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.main_window import MainWindow
from pathlib import Path
window = MainWindow(AppState(Path("never-opened.db"), Path("backups")), remember_layout=False)
print(sorted(name for name in sys.modules if name.split(".")[0] in ("sqlalchemy", "alembic")))
"""


def test_building_the_window_loads_no_database_stack(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


GUI_CHILD = """
import sys, threading, time
from pathlib import Path
from legalsec_desktop.app import Gui
gui = Gui(Path(sys.argv[1]))
time.sleep(0.5)  # a thread importing the database stack beside the window would have loaded it by now
print(sorted({name.split(".")[0] for name in sys.modules} & {"sqlalchemy", "alembic"}))
print(sorted(t.name for t in threading.enumerate() if t is not threading.main_thread()))
"""


def test_the_database_stack_does_not_load_while_the_window_is_built(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path),
               XDG_STATE_HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", GUI_CHILD, str(tmp_path / "practice.db")], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    modules, threads = done.stdout.strip().splitlines()[-2:]
    assert modules == "[]"  # it competed with the window for the GIL: the window showed later, not sooner
    assert "warm-imports" not in threads
