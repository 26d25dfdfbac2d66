"""Where the program keeps its database, backups, logs and lock files on this platform.

The database is named by a location (db/location.py); a plain path still works and means a SQLite file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from platformdirs import PlatformDirs

from legalsec_desktop import APP_NAME, temp_folder
from legalsec_desktop.db.location import DatabaseLocation, SqliteFile, location_of

DB_ENV = "LEGALSEC_DB"
Where = DatabaseLocation | Path  # a location, or a path meaning a SQLite file
_dirs = PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """The user's private data folder for this program."""
    return Path(_dirs.user_data_dir)


def default_documents_root() -> Path:
    """The document store's folder when the firm has chosen none: "Legalsec Documents" in the user's Documents."""
    return Path(_dirs.user_documents_dir) / "Legalsec Documents"


def default_templates_root() -> Path:
    """The letter templates' folder when the firm has chosen none: "Legalsec Templates" in the user's Documents."""
    return Path(_dirs.user_documents_dir) / "Legalsec Templates"


def default_db_path() -> Path:
    """The database used when neither --db nor LEGALSEC_DB names one."""
    return data_dir() / "legalsec.db"


def sample_db_path() -> Path:
    """The sample practice's own database (with its documents beside it): made to look around, rebuilt on request."""
    return data_dir() / "sample-practice.db"


def is_sample(where: Where) -> bool:
    """True for the sample practice's database, whichever spelling of its path names it."""
    return location_of(where).identity == SqliteFile(sample_db_path()).identity


def resolve_db_path(cli_value: str | os.PathLike[str] | None) -> Path:
    """--db wins over LEGALSEC_DB, which wins over the platform default."""
    chosen = cli_value or os.environ.get(DB_ENV) or default_db_path()
    return Path(chosen).expanduser().resolve()


def resolve_location(cli_value: str | os.PathLike[str] | None) -> SqliteFile:
    """The database to open: --db, else LEGALSEC_DB, else the platform default (a SQLite file today)."""
    return SqliteFile(resolve_db_path(cli_value))


def db_key(where: Where) -> str:
    """A short stable name for one database, used for its lock and backup folder."""
    location = location_of(where)
    digest = hashlib.sha256(location.identity.encode("utf-8")).hexdigest()[:10]
    return f"{location.title}-{digest}"


def backup_dir(where: Where) -> Path:
    """The folder that holds the automatic backups of one database."""
    return data_dir() / "backups" / db_key(where)


def log_dir() -> Path:
    """The folder for the program's log file."""
    return Path(_dirs.user_log_dir)


def lock_paths(where: Where) -> tuple[Path, ...]:
    """The lock files that say one running copy of the program has this database open.

    One is named by the location; for a file, one also by the file itself (device and inode; on Windows the
    canonical path), so a hard link, a bind mount or another spelling of the path cannot open a second window on it.
    """
    location = location_of(where)
    folder = Path(_dirs.user_cache_dir) / "locks"
    found = [folder / f"{db_key(location)}.lock"]
    identity = file_identity(location.file) if location.file is not None else None
    if identity:
        found.append(folder / f"file-{identity}.lock")
    return tuple(found)


def instance_address(where: Where) -> str:
    """Where the window running on this database listens for a second launch (ui/single_instance.py).

    On POSIX a socket in the locks folder, named in full: a bare name would put it in the temporary folder, which is
    private to each running copy (temp_folder.py), so a second launch would never find it. On Windows a pipe name.
    """
    key = db_key(where)
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    if os.name == "nt":
        return f"legalsec-{user}-{key}"
    socket = Path(_dirs.user_cache_dir) / "locks" / f"{key}.sock"
    if len(os.fsencode(socket)) < 100:  # a socket's path has room for about 104 bytes
        return str(socket)
    return f"/tmp/legalsec-{user}-{key}"  # a very long home folder: the system's, shared by every copy


def file_identity(db_path: Path) -> str | None:
    """A name for the file itself, the same whichever path reaches it (None while it does not exist)."""
    try:
        found = db_path.stat()
    except OSError:
        return None
    if found.st_ino:  # POSIX, and NTFS (volume serial and file index): hard links share it
        return f"{found.st_dev:x}-{found.st_ino:x}"
    canonical = os.path.normcase(os.path.realpath(db_path))  # file systems without file ids
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def seal_path(where: Where) -> Path:
    """Where a clean close records the database file as it was left (see db/seal.py)."""
    return Path(_dirs.user_cache_dir) / "locks" / f"{db_key(where)}.seal"


def temp_dir() -> Path:
    """The root of the program's own temporary folders (never the system's): one folder per running copy."""
    return Path(_dirs.user_cache_dir) / "tmp"


def use_private_temp() -> Path:
    """Send this process's temporary files (Python's tempfile, Qt's, XlsxWriter's) to a private folder; returns it.

    Called first by the window and by the command line; it also removes what copies no longer running left.
    """
    return temp_folder.use(temp_dir())
