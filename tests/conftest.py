"""Shared fixtures: every test gets private data, config and cache folders, and Qt runs offscreen."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DEMO_TODAY = date(2026, 11, 23)
# The moment every test runs at, whatever the real date: the morning the demo practice is built around.
PINNED_NOW = datetime(2026, 11, 23, 9, 30)


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Pin the program's one clock (legalsec_desktop.clock) for every test, so the suite passes on any date.

    A Clock made with `fixed=` keeps its own moment; every other clock, the system's included, says PINNED_NOW.
    """
    from legalsec_desktop.clock import Clock

    monkeypatch.setattr(Clock, "now", lambda self: (self.fixed or PINNED_NOW).replace(microsecond=0))
    monkeypatch.setattr(Clock, "zone_name", lambda self: "")  # the computer's zone: unknown (the firm's rules say)
    return PINNED_NOW


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point platformdirs and QSettings at a per-test folder; never touch the real user's files."""
    home = tmp_path / "home"
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                     ("XDG_STATE_HOME", "state")):
        (home / sub).mkdir(parents=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("LEGALSEC_DB", raising=False)
    # The user's Documents folder (where the documents root is by default) is in the test's folder too.
    user_dirs = home / "config" / "user-dirs.dirs"
    user_dirs.write_text(f'XDG_DOCUMENTS_DIR="{home / "Documents"}"\n', encoding="utf-8")
    user_dirs.chmod(0o600)
    import legalsec_desktop.paths as paths
    from platformdirs import PlatformDirs

    monkeypatch.setattr(paths, "_dirs", PlatformDirs(paths.APP_NAME, appauthor=False))
    return home


@pytest.fixture(autouse=True)
def private_temp_released():
    """A command run in a test (cli.main) moves temporary files to the program's own folder, as at start-up:
    remove that folder and point temporary files back where they went after each test."""
    yield
    from legalsec_desktop import temp_folder

    temp_folder.release()


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database made once by the program itself (every migration run), for the copies below."""
    from legalsec_desktop.db import store as store_module

    path = tmp_path_factory.mktemp("template") / "empty.db"
    store_module._create(path)
    return path


@pytest.fixture(autouse=True)
def new_databases_from_a_template(empty_database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make each new database by copying the one made above, not by running every migration again.

    The copy is what the program's own creation gives (the schema at head, 0600, moved into place whole),
    with an identity of its own. Creation itself is tested on the template, and by tests that call
    store._create directly.
    """
    import sqlite3

    from legalsec_desktop.db import store as store_module
    from legalsec_desktop.db import wal
    from legalsec_desktop.db.leftovers import temporary_name

    def create(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = temporary_name(path, "partial")
        shutil.copyfile(empty_database, partial)
        os.chmod(partial, 0o600)
        conn = sqlite3.connect(partial, isolation_level=None)
        try:
            wal.new_identity(conn)
        finally:
            conn.close()
        os.replace(partial, path)

    monkeypatch.setattr(store_module, "_create", create)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database path with a space and non-ASCII letters in it, as people's folders have."""
    folder = tmp_path / "Client Files — Müller"
    folder.mkdir()
    return folder / "practice db.db"


@pytest.fixture
def store(db_path: Path):
    from legalsec_desktop.db.store import open_store

    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def small_demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from legalsec_desktop.services.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo(path, "small", seed=7, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo_path(small_demo_master: Path, tmp_path: Path) -> Path:
    """A private copy of the small demo practice (a closed, checkpointed file, so a plain copy is safe)."""
    target = tmp_path / "demo copy.db"
    shutil.copyfile(small_demo_master, target)
    return target


@pytest.fixture
def demo_store(demo_path: Path):
    from legalsec_desktop.db.store import open_store

    opened = open_store(demo_path)
    yield opened
    opened.close()


@pytest.fixture
def two_attorney_firm():
    """A callable that sets up a firm of two attorneys, Mary Hale (MAH) and Ken Ito (KI); returns their ids.

    The firm has a taxpayer ID (LEDES needs it) unless `tax_id` is given blank."""
    from legalsec_desktop.domain.firm import FirmProfile, Timekeeper
    from legalsec_desktop.services.firm import save_profile

    def set_up(store, name: str = "Okafor Law", tax_id: str = "24-6437381") -> tuple[int, int]:  # noqa: ANN001
        profile = save_profile(store, FirmProfile(name, "", 6, "US-FED", "{year}-{seq:04d}", timekeepers=(
            Timekeeper("Mary Hale", "MAH", 30000), Timekeeper("Ken Ito", "KI", 25000)), tax_id=tax_id))
        mary, ken = (k.id for k in profile.timekeepers)
        return mary, ken

    return set_up


@pytest.fixture
def small_disk(tmp_path: Path):
    """A callable that mounts a real small disk (tmpfs) in a new folder, optionally read-only; root only.

    Skipped where mounting is not permitted. Every disk is unmounted at the end of the test.
    """
    import gc
    import shutil
    import subprocess

    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small disk needs root")
    mounted: list[Path] = []

    def mount(name: str = "small disk", size: str = "200k") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True).returncode != 0:
            pytest.skip("mounting a small disk is not permitted here")
        mounted.append(folder)
        return folder

    def make_read_only(folder: Path) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)

    mount.read_only = make_read_only
    yield mount
    gc.collect()  # a writer the test left open would keep the disk busy
    for folder in reversed(mounted):
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], check=True)  # detached now, gone when the last file closes


@pytest.fixture
def legalsec_logger(monkeypatch: pytest.MonkeyPatch):
    """The program's logger as a fresh start-up finds it (no handlers from other tests); handlers added here
    are closed afterwards."""
    import logging

    logger = logging.getLogger("legalsec")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "filters", [])
    yield logger
    for handler in logger.handlers:
        handler.close()


@pytest.fixture
def local_zone():
    """A callable that sets this computer's time zone for the test (TZ, then time.tzset); put back afterwards.

    Local wall-clock times (what the user types and reads) and the UTC instants they are kept as differ by it.
    """
    import time

    if not hasattr(time, "tzset"):
        pytest.skip("the local time zone can only be set for a test where time.tzset exists")
    before = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
