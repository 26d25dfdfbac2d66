"""Who is using the program: the login name recorded with a conflict check or a line of a file's movement log."""

from __future__ import annotations

import getpass


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a service account): record the action anyway
        return ""
