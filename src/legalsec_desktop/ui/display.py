"""Before the window: is there a display to show it on, and can Qt load its display plugin? Say so plainly."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

EXIT_NO_DISPLAY = 1
X11_PACKAGES = " ".join(["libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
                         "libxcb-render-util0",
                         "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1", "libxkbcommon-x11-0"])


def missing_display(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """What to tell the user when a Linux (or other X11/Wayland) machine has no display to open a window on."""
    if platform in ("win32", "cygwin", "darwin"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY") or environ.get("QT_QPA_PLATFORM"):
        return None
    return ("No display was found, so the legalsec-desktop window cannot open here (neither DISPLAY nor "
            "WAYLAND_DISPLAY is set).\n"
            "Start it from the desktop of this computer, or connect with a remote desktop or `ssh -X`.\n"
            "The `legalsec` command works without a display: `legalsec --help` lists what it can do.")


def plugin_failure(qt_said: list[str], environ: Mapping[str, str] = os.environ) -> str:
    """What to tell the user when Qt could not reach the display, or could not load the plugin that draws on it."""
    said = "\n".join(f"    {line}" for line in qt_said) or "    (nothing more)"
    if any("could not connect to display" in line for line in qt_said):
        return (f"No display could be reached at DISPLAY={environ.get('DISPLAY', '')}, so the legalsec-desktop "
                "window cannot open.\nIs the desktop session still running (for `ssh -X`, is the connection "
                "open)?\nThe `legalsec` command works without a display: `legalsec --help` lists what it can do.")
    return ("legalsec-desktop cannot open its window: Qt could not start its display plugin.\n"
            f"Qt said:\n{said}\n"
            "On Linux this usually means a few system libraries are missing. On Debian or Ubuntu install them "
            f"once with:\n    sudo apt-get install {X11_PACKAGES}\n"
            "(Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-image xcb-util-keysyms "
            "xcb-util-renderutil libxkbcommon-x11)")


def new_application(argv: list[str]) -> QApplication:
    """A QApplication; if Qt cannot load its display plugin it would abort the process: say why and exit instead."""
    said: list[str] = []

    def listen(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        first_line = message.strip().splitlines()[0] if message.strip() else ""
        if kind == QtMsgType.QtFatalMsg:
            print(plugin_failure(said or [first_line]), file=sys.stderr, flush=True)
            os._exit(EXIT_NO_DISPLAY)  # Qt aborts as soon as this returns; nothing is open yet to close
        if kind != QtMsgType.QtDebugMsg and first_line:
            said.append(first_line)

    previous = qInstallMessageHandler(listen)
    try:
        application = QApplication(argv)
    finally:
        qInstallMessageHandler(previous)
    for line in said:  # warnings of a start that went well after all
        print(line, file=sys.stderr)
    return application
