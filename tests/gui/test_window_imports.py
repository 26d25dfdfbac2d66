"""The window is built before the database stack loads (start-up speed: SQLAlchemy loads beside it, on another core).

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
