"""Icons shipped in resources/icons, loaded once each."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon:
    """The QIcon for resources/icons/<name>.svg."""
    return QIcon(str(files("legalsec_desktop.resources") / "icons" / f"{name}.svg"))
