"""Without a display (or with a display Qt cannot use) the program says so plainly and exits 1, no Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from legalsec_desktop.ui.display import missing_display

START = "import sys\nfrom legalsec_desktop.cli import main\nraise SystemExit(main(sys.argv[1:]))"


def start_window(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LEGALSEC_DB")}
    environ.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
                   XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"), **env)
    return subprocess.run([sys.executable, "-c", START, "--db", str(tmp_path / "practice.db")], env=environ,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="Windows and macOS always have a display")
def test_no_display_is_said_plainly(tmp_path: Path) -> None:
    result = start_window(tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("No display was found")
    assert "xcb" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "practice.db").exists()  # nothing was created


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11 only")
def test_an_unreachable_display_is_said_plainly(tmp_path: Path) -> None:
    result = start_window(tmp_path, DISPLAY=":97")
    assert result.returncode == 1
    assert "legalsec-desktop" in result.stderr and "Traceback" not in result.stderr
    assert "DISPLAY=:97" in result.stderr or "sudo apt-get install" in result.stderr  # unreachable, or no xcb libs


def test_a_display_plugin_qt_cannot_load_is_said_plainly(tmp_path: Path) -> None:
    result = start_window(tmp_path, QT_QPA_PLATFORM="no-such-plugin")
    assert result.returncode == 1  # Qt itself aborts (SIGABRT, -6 or 134)
    assert result.stderr.startswith("legalsec-desktop cannot open its window")
    assert 'platform plugin "no-such-plugin"' in result.stderr
    assert "Reinstalling the application" not in result.stderr


def test_when_a_display_counts_as_missing() -> None:
    assert missing_display({}, "linux") is not None
    assert missing_display({"DISPLAY": ":0"}, "linux") is None
    assert missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None  # chosen on purpose
    assert missing_display({"DISPLAY": ""}, "freebsd14") is not None
    assert missing_display({}, "win32") is None and missing_display({}, "darwin") is None
