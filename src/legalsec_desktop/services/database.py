"""Opening the database for the shell: probe it, back it up before a migration, open it."""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from legalsec_desktop.db.sqlite_file import probe
from legalsec_desktop.services import maintenance

if TYPE_CHECKING:
    from legalsec_desktop.db.store import Store


def probe_file(db_path: Path) -> None:
    """Raise a StoreOpenError subclass if the file is not a usable database (cheap: no SQLAlchemy)."""
    probe(db_path)


def open_database(db_path: Path, backup_dir: Path, read_only: bool | None = None) -> Store:
    """Open `db_path`, creating it if new; an older schema is backed up, then migrated."""
    from legalsec_desktop.db.store import open_store  # SQLAlchemy: loaded once the window is showing

    def back_up_first(path: Path) -> None:
        maintenance.back_up(path, backup_dir, reason="pre-migrate")

    return open_store(db_path, read_only=read_only, before_migrate=back_up_first)
