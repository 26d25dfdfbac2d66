"""The templates folder is the list of letter templates: every .docx in it is one; the letter_template table only
remembers what was found in each file (its fields, its questions, why it cannot be used), rechecked when the file
changes, and when it was last used. The starter library is written into an empty folder on first use."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalsec_desktop import paths
from legalsec_desktop.db.letter_models import LetterPackageRow, LetterTemplateRow
from legalsec_desktop.db.models import FirmRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.letter_asks import Ask
from legalsec_desktop.domain.names import same_name
from legalsec_desktop.formats.template_check import TemplateCheck, check_template
from legalsec_desktop.formats.template_sandbox import TemplateProblem
from legalsec_desktop.fsutil import error_kind

log = logging.getLogger("legalsec")
REMOVED = "Removed"  # the subfolder deleted templates are moved to (the user can take them back)
NAME_LIMIT = 200


@dataclass(frozen=True)
class TemplateInfo:
    """One template of the folder, as the last check of its file found it; `problem` '' when it can be used."""

    id: int
    name: str
    file_name: str
    path: Path
    purpose: str
    description: str
    fields: tuple[str, ...]
    asks: tuple[Ask, ...]
    problem: str
    last_used_at: datetime | None
    use_count: int


@dataclass(frozen=True)
class Found:
    """What checking a file found: its fields and questions, or why it cannot be used."""

    fields: tuple[str, ...] = ()
    asks: tuple[Ask, ...] = ()
    problem: str = ""


def templates_folder(store: Store) -> Path:
    """The firm's templates folder (Settings), else "Legalsec Templates" in the user's Documents folder."""
    with store.read() as session:
        row = session.get(FirmRow, 1)
        chosen = row.templates_folder.strip() if row is not None else ""
    return Path(chosen) if chosen else paths.default_templates_root()


def ready_folder(store: Store) -> Path:
    """The templates folder, made when it is the default one and not there yet; UserFixableError when the firm's
    chosen folder is not reachable (a share not connected)."""
    folder = templates_folder(store)
    try:
        if folder == paths.default_templates_root():
            folder.mkdir(parents=True, exist_ok=True)
        if not folder.is_dir():
            raise UserFixableError(f"The templates folder {folder} is not there: connect its drive, or choose "
                                   "another folder in Settings.")
    except OSError as error:
        raise UserFixableError(f"The templates folder {folder} cannot be used ({error.strerror or error}).") from None
    return folder


def template_files(folder: Path) -> dict[str, os.stat_result]:
    """The .docx files of the folder by name (not Word's "~$" lock files, not hidden ones), with their sizes and
    modification times."""
    found: dict[str, os.stat_result] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError as error:
        raise UserFixableError(f"The templates folder {folder} cannot be read ({error.strerror or error}).") from None
    for entry in entries:
        if not entry.name.lower().endswith(".docx") or entry.name.startswith(("~$", ".")):
            continue
        try:
            if entry.is_file():
                found[entry.name] = entry.stat()
        except OSError as error:
            log.warning("a template file could not be looked at (%s)", error_kind(error))
    return found


def check_file(path: Path) -> tuple[Found, TemplateCheck | None]:
    """What a template file holds, or why it cannot be used, said in words."""
    try:
        checked = check_template(path)
    except TemplateProblem as problem:
        return Found(problem=problem.message), None
    return Found(checked.fields, checked.asks, problem_of(checked)), checked


def problem_of(checked: TemplateCheck) -> str:
    """Why a checked template cannot be used ('' when it can): its mistakes, then the fields we do not know."""
    reasons = list(checked.problems)
    if checked.unknown:
        reasons.append("Fields the program does not know: " + "; ".join(checked.unknown) + ".")
    return " ".join(reasons)


def synced(store: Store) -> Path:
    """Brings the table in step with the folder: new files added (named by their file's name), changed files
    rechecked, rows of files no longer there removed; on first use (no template anywhere) the starters written.
    Returns the folder. Files are read before the transaction; the table is written in one."""
    folder = ready_folder(store)
    files = template_files(folder)
    if not files:
        from legalsec_desktop.services.starter_library import first_use

        if first_use(store, folder):
            files = template_files(folder)
    with store.read() as session:
        rows = {row.file_name: (row.checked_size, row.checked_mtime_ns) for row in
                session.scalars(select(LetterTemplateRow))}
    stale = {name: seen for name, seen in files.items() if rows.get(name) != (seen.st_size, seen.st_mtime_ns)}
    checked = {name: check_file(folder / name)[0] for name in stale}
    gone = set(rows) - set(files)
    if not checked and not gone:
        return folder
    with store.write() as session:
        for name in gone:
            row = session.scalar(select(LetterTemplateRow).where(LetterTemplateRow.file_name == name))
            if row is not None:
                session.delete(row)
        session.flush()
        for name, found in checked.items():
            keep_found(session, store.clock.utc_now(), name, stale[name], found)
    return folder


def keep_found(session: Session, now: datetime, file_name: str, seen: os.stat_result, found: Found,
               name: str | None = None, purpose: str = "", description: str = "") -> LetterTemplateRow:
    """The file's row made or updated with what its check found."""
    row = session.scalar(select(LetterTemplateRow).where(LetterTemplateRow.file_name == file_name))
    if row is None:
        row = LetterTemplateRow(file_name=file_name, name=free_template_name(session, name or Path(file_name).stem),
                                purpose=purpose, description=description, added_at=now, use_count=0)
        session.add(row)
    row.fields = json.dumps(list(found.fields))
    row.asks = json.dumps([ask_json(ask) for ask in found.asks])
    row.problem = found.problem
    row.checked_size, row.checked_mtime_ns = seen.st_size, seen.st_mtime_ns
    session.flush()
    return row


def free_template_name(session: Session, wanted: str) -> str:
    """`wanted`, else 'wanted (2)' … : a name no other template has (in any case)."""
    wanted = " ".join(wanted.split())[:NAME_LIMIT] or "Template"
    taken = [name for name in session.scalars(select(LetterTemplateRow.name))]
    name, number = wanted, 1
    while any(same_name(name, other) for other in taken):
        number += 1
        name = f"{wanted} ({number})"
    return name


def name_taken(session: Session, name: str, but: int | None = None) -> bool:
    """Whether another template (not `but`) is already called `name`, in any case."""
    return any(same_name(row.name, name) for row in session.scalars(select(LetterTemplateRow))
               if row.id != but)


def ask_json(ask: Ask) -> dict[str, object]:
    return {"name": ask.name, "kind": ask.kind, "label": ask.label, "choices": list(ask.choices)}


def ask_of(data: dict[str, object]) -> Ask:
    choices = data.get("choices") or []
    return Ask(str(data.get("name", "")), str(data.get("kind", "text")), str(data.get("label", "")),
               tuple(str(choice) for choice in choices) if isinstance(choices, list) else ())


def info_of(row: LetterTemplateRow, folder: Path) -> TemplateInfo:
    return TemplateInfo(row.id, row.name, row.file_name, folder / row.file_name, row.purpose, row.description,
                        tuple(_json_list(row.fields)), tuple(ask_of(item) for item in _json_list(row.asks)
                                                             if isinstance(item, dict)),
                        row.problem, row.last_used_at, row.use_count)


def _json_list(text: str) -> list:  # type: ignore[type-arg]
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def has_packages(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(LetterPackageRow)))
