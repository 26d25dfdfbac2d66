"""The firm's letter templates: listed from the templates folder (recent first), found by name, renamed, given a
purpose (the one offered after a declined conflict check or at closing), removed to a "Removed" subfolder and
taken back. Adding a template is services.template_adding; packages are services.letter_packages."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.letter_models import PURPOSES, LetterTemplateRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.document_names import free_name
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.names import same_name
from legalsec_desktop.domain.text_limits import shown
from legalsec_desktop.services.letter_packages import delete_package, list_packages, renamed_in_packages, \
    save_package
from legalsec_desktop.services.starter_library import restore_starters
from legalsec_desktop.services.template_adding import AddedTemplate, AddPreview, TemplateUnusable, add_template, \
    preview_add
from legalsec_desktop.services.template_folder import NAME_LIMIT, REMOVED, TemplateInfo, info_of, name_taken, \
    ready_folder, synced, templates_folder

__all__ = ["AddPreview", "AddedTemplate", "RemovedTemplate", "TemplateInfo", "TemplateUnusable", "add_template",
           "delete_package", "delete_template", "find_template", "list_packages", "list_templates",
           "offered_template", "preview_add", "rename_template", "restore_starters", "restore_template",
           "save_package", "set_purpose", "templates_folder"]
_OLD = datetime(1900, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class RemovedTemplate:
    """A template moved to the "Removed" subfolder, with what it takes to bring it back as it was."""

    name: str
    file_name: str
    removed_path: Path
    purpose: str
    description: str


def list_templates(store: Store) -> list[TemplateInfo]:
    """Every template of the folder, the most recently used first, then the others by name; files added, changed or
    removed since the last look are taken into account first."""
    folder = synced(store)
    with store.read() as session:
        rows = list(session.scalars(select(LetterTemplateRow)))
    rows.sort(key=lambda row: row.name.casefold())
    rows.sort(key=lambda row: row.last_used_at or _OLD, reverse=True)
    return [info_of(row, folder) for row in rows]


def find_template(store: Store, name: str) -> TemplateInfo:
    """The template called `name` (any case), its file rechecked if it changed; ValidationError('template') when
    there is none, or when its file has been removed from the folder (by hand, while it was chosen)."""
    folder = templates_folder(store)
    with store.read() as session:
        known = next((row.file_name for row in session.scalars(select(LetterTemplateRow))
                      if same_name(row.name, name)), None)
    if known is not None and not (folder / known).is_file():
        raise ValidationError("template", f"The template “{shown(name)}” ({shown(known)}) is no longer in the "
                                          f"templates folder {folder}: it was moved or deleted. Put the file back, "
                                          "or choose another template.")
    every = list_templates(store)
    found = next((info for info in every if same_name(info.name, name)), None)
    if found is None:
        near = close_names(name, [info.name for info in every])
        hint = f" Did you mean {' or '.join(f'“{shown(each)}”' for each in near)}?" if near else ""
        raise ValidationError("template", f"There is no template called “{shown(name)}”.{hint} "
                                          "`legalsec templates list` shows them.")
    return found


def close_names(typed: str, names: list[str], limit: int = 3) -> list[str]:
    """The names closest to `typed`: those it begins or is part of ("status" → "Status letter to client"), then
    those spelt nearly alike, at most `limit`."""
    from rapidfuzz import fuzz, process

    folded = " ".join(typed.casefold().split())
    if not folded:
        return []
    found = [name for name in names if folded in name.casefold()]
    found.sort(key=lambda name: (not name.casefold().startswith(folded), name.casefold()))
    found += [name for name, _score, _at in process.extract(folded, names, scorer=fuzz.WRatio, limit=limit,
                                                            score_cutoff=75, processor=str.casefold)
              if name not in found]
    return found[:limit]


def rename_template(store: Store, template_id: int, name: str) -> None:
    """Gives a template another name (its file keeps its own)."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError("name", "Enter a name for the template.")
    if len(name) > NAME_LIMIT:
        raise ValidationError("name", f"A template's name can be at most {NAME_LIMIT} characters.")
    with store.write() as session:
        row = _row(session, template_id)
        if name_taken(session, name, but=template_id):
            raise ValidationError("name", f"Another template is already called “{shown(name)}”; choose another name.")
        renamed_in_packages(session, row.name, name)
        row.name = name


def set_purpose(store: Store, template_id: int, purpose: str) -> None:
    """Makes the template the one offered for `purpose` ('engagement', 'declination', 'closing'; '' for none);
    the template that had the purpose loses it."""
    if purpose not in PURPOSES:
        raise ValidationError("purpose", f"“{shown(purpose)}” is not a purpose; use one of "
                                         f"{', '.join(p for p in PURPOSES if p)}, or none.")
    with store.write() as session:
        row = _row(session, template_id)
        if purpose:
            for other in session.scalars(select(LetterTemplateRow).where(LetterTemplateRow.purpose == purpose)):
                other.purpose = ""
        row.purpose = purpose


def offered_template(store: Store, purpose: str) -> TemplateInfo | None:
    """The usable template with this purpose, if there is one."""
    return next((info for info in list_templates(store) if info.purpose == purpose and not info.problem), None)


def delete_template(store: Store, template_id: int) -> RemovedTemplate:
    """Moves the template's file to the "Removed" subfolder of the templates folder (never deleted: the firm's own
    work) and forgets it; restore_template brings it back."""
    folder = ready_folder(store)
    with store.read() as session:
        row = _row(session, template_id)
        name, file_name, purpose, description = row.name, row.file_name, row.purpose, row.description
    removed = folder / REMOVED
    try:
        removed.mkdir(exist_ok=True)
        target = removed / free_name(file_name, lambda n: os.path.lexists(removed / n))
        os.rename(folder / file_name, target)
    except FileNotFoundError:
        target = removed / file_name  # already gone from the folder: only forgotten
    except OSError as error:
        raise UserFixableError(f"The template “{shown(name)}” could not be moved to the “{REMOVED}” folder "
                               f"({error.strerror or error}); it may be open in Word. Close it and try again.") \
            from None
    with store.write() as session:
        found = session.get(LetterTemplateRow, template_id)
        if found is not None:
            session.delete(found)
    return RemovedTemplate(name, file_name, target, purpose, description)


def restore_template(store: Store, removed: RemovedTemplate) -> TemplateInfo:
    """Moves a removed template back into the folder (under a free name if its own was taken meanwhile), with its
    name, purpose and description when they are still free."""
    folder = ready_folder(store)
    file_name = free_name(removed.file_name, lambda n: os.path.lexists(folder / n))
    try:
        os.rename(removed.removed_path, folder / file_name)
    except OSError as error:
        raise UserFixableError(f"The template “{shown(removed.name)}” could not be put back "
                               f"({error.strerror or error}).") from None
    synced(store)
    with store.write() as session:
        row = session.scalar(select(LetterTemplateRow).where(LetterTemplateRow.file_name == file_name))
        if row is None:
            raise UserFixableError(f"The template “{shown(removed.name)}” was put back but could not be read.")
        if not name_taken(session, removed.name, but=row.id):
            row.name = removed.name
        row.description = removed.description
        held = session.scalar(select(LetterTemplateRow.id).where(LetterTemplateRow.purpose == removed.purpose))
        if removed.purpose and held is None:
            row.purpose = removed.purpose
        session.flush()
        return info_of(row, folder)


def _row(session: Session, template_id: int) -> LetterTemplateRow:
    row = session.get(LetterTemplateRow, template_id)
    if row is None:
        raise ValidationError("template", "That template is no longer in the list.")
    return row
