"""Remembered choices that name a database's own rows (a timekeeper, a matter, an attorney): kept per database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from legalsec_desktop import paths

if TYPE_CHECKING:
    from legalsec_desktop.services.database import DatabaseLocation


def per_database(location: DatabaseLocation, name: str) -> str:
    """The QSettings key of `name` for the database at `location`: another database never gets its choice (row 3
    there is someone else)."""
    key = paths.db_key(location).replace("/", "_").replace("\\", "_")  # one level of the settings' tree
    return f"databases/{key}/{name}"
