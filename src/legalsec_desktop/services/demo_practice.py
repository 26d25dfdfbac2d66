"""A demo practice with its documents, built whole: for `legalsec demo`, and the window's sample practice."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from legalsec_desktop import paths
from legalsec_desktop.clock import Clock
from legalsec_desktop.db import sqlite_file
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.fsutil import unused_path
from legalsec_desktop.services import database, firm, maintenance
from legalsec_desktop.services.demo import Progress, build_demo
from legalsec_desktop.services.demo_documents import add_demo_documents


IN_USE = "The sample practice is open in another window. Close that window first, or use it."


class SampleError(UserFixableError):
    """The sample practice cannot be built now (a window has it open, or its folder cannot be written)."""


class SampleInUseError(SampleError):
    """A running copy of the program has the sample practice open."""


@dataclass(frozen=True)
class BuiltPractice:
    """What was built: the database, its row counts, (for the small demo) its documents and inbox folders, and
    the letter templates' folder it was given (None: the firm's usual default)."""

    path: Path
    counts: dict[str, int]
    folders: tuple[Path, Path] | None
    templates: Path | None = None


def demo_folders(db_path: Path) -> tuple[Path, Path]:
    """The demo's documents and inbox folders, beside it (new ones if those hold files already)."""

    def fresh(name: str) -> Path:
        folder = db_path.parent / name
        return unused_path(lambda n: db_path.parent / f"{name}{n}") if folder.exists() and any(folder.iterdir()) \
            else folder

    return fresh(f"{db_path.stem} documents"), fresh(f"{db_path.stem} inbox")


def build_practice(db_path: Path, *, clock: Clock, size: str = "small", seed: int = 1, today: date | None = None,
                   force: bool = False, progress: Progress | None = None,
                   folders: tuple[Path, Path] | None = None, templates: Path | None = None) -> BuiltPractice:
    """Build a demo practice at `db_path` around `today` (the clock's, if not given); the small one files its
    documents into `folders` (new ones beside it, if not given) before the database is moved into place, and
    keeps its letter templates in `templates` (made empty; the starters are written there on first use) if given."""
    # Another day: the documents are dated around it too, at that day's noon.
    now = clock if today is None else Clock(datetime.combine(today, time(12)))
    if size != "small":  # the large demo is for speed: its documents are the benchmark's own
        return BuiltPractice(db_path, build_demo(db_path, size, seed, today=now.today(), force=force,
                                                 progress=progress), None)
    chosen = folders or demo_folders(db_path)

    def file_documents(store: Store) -> dict[str, int]:
        if progress is not None:
            progress("Filing the documents", 0, 1)
        if templates is not None:
            templates.mkdir(parents=True, exist_ok=True)
            firm.set_templates_folder(store, templates)
        return add_demo_documents(store, *chosen, now)

    counts = build_demo(db_path, size, seed, today=now.today(), force=force, progress=progress,
                        finish=file_documents)
    return BuiltPractice(db_path, counts, chosen, templates)


def build_sample(clock: Clock, progress: Progress | None = None) -> BuiltPractice:
    """(Re)build the sample practice, dated the clock's today, in its own file in the data folder.

    An earlier sample is replaced, unless a window has it open. The old database goes first, then its folders; the
    new one is built under a temporary name and moved in place last, so a killed build leaves no half sample. Its
    documents, inbox and letter templates are all in folders of its own beside it: nothing in the user's Documents.
    """
    path = paths.sample_db_path()
    folders = (path.with_name(f"{path.stem} documents"), path.with_name(f"{path.stem} inbox"))
    templates = path.with_name(f"{path.stem} templates")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with maintenance.hold_database(path, SampleInUseError(IN_USE)):
            for old in (path, *sqlite_file.companions(path)):
                old.unlink(missing_ok=True)
            for folder in (*folders, templates):  # the sample's own folders: what an earlier sample left there
                if folder.exists():
                    shutil.rmtree(folder)
            built = build_practice(path, clock=clock, progress=progress, folders=folders, templates=templates)
            database.closed_cleanly(path, paths.seal_path(path))  # sound and closed: its window opens it at once
            return built
    except SampleError:
        raise
    except UserFixableError as exc:
        raise SampleError(exc.message) from exc
    except OSError as exc:
        raise SampleError(f"The sample practice could not be built in {path.parent} ({exc.strerror or exc}). "
                          "Free some disk space, or check that the folder can be written, then try again.") from exc
