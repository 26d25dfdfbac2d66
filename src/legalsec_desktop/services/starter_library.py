"""The starter library: the program's own letter templates (formats.starter_templates), written into the templates
folder on first use, with their purposes and the starter packages, and written again on request when missing."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalsec_desktop.db.letter_models import LetterPackageRow, LetterTemplateRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats.starter_templates import STARTER_PACKAGES, STARTERS, Starter, write_starter
from legalsec_desktop.formats.template_sandbox import TemplateProblem
from legalsec_desktop.fsutil import error_kind
from legalsec_desktop.services import template_folder as folders

log = logging.getLogger("legalsec")


def first_use(store: Store, folder: Path) -> bool:
    """Writes the starter library into an empty templates folder when the program has never known a template or
    a package and nothing was ever removed from the folder (a firm that removed every template does not get them
    back unasked). True when it wrote them."""
    if (folder / folders.REMOVED).exists():
        return False
    with store.read() as session:
        known = session.scalar(select(func.count()).select_from(LetterTemplateRow)) or folders.has_packages(session)
    if known:
        return False
    return _write(store, folder, STARTERS) > 0


def restore_starters(store: Store) -> int:
    """Writes each starter template whose file is not in the templates folder (and each starter package no longer
    there); the firm's own files are never overwritten. Returns how many templates were written."""
    folder = folders.synced(store)
    present = folders.template_files(folder)
    return _write(store, folder, tuple(s for s in STARTERS if s.file_name not in present))


def _write(store: Store, folder: Path, starters: tuple[Starter, ...]) -> int:
    written: list[tuple[Starter, folders.Found]] = []
    for starter in starters:
        target = folder / starter.file_name
        if target.exists():
            continue  # a file of that name is the firm's: never written over
        try:
            write_starter(starter, target)
        except (OSError, TemplateProblem) as error:
            if isinstance(error, OSError):
                log.warning("a starter template could not be written (%s)", error_kind(error))
                raise UserFixableError(f"The starter templates could not be written into {folder} "
                                       f"({error.strerror or error}).") from None
            raise UserFixableError(f"A starter template could not be written: {error.message}") from None
        written.append((starter, folders.check_file(target)[0]))
    now = store.clock.utc_now()
    with store.write() as session:
        for starter, found in written:
            target = folder / starter.file_name
            purpose = starter.purpose if not _purpose_held(session, starter.purpose, starter.file_name) else ""
            row = folders.keep_found(session, now, starter.file_name, target.stat(), found, name=starter.name,
                                     purpose=purpose, description=starter.description)
            row.purpose, row.description = purpose, starter.description
        names = set(session.scalars(select(LetterPackageRow.name)))
        for name, templates in STARTER_PACKAGES.items():
            if name not in names:
                session.add(LetterPackageRow(name=name, templates=json.dumps(list(templates)), created_at=now))
    return len(written)


def _purpose_held(session: Session, purpose: str, file_name: str) -> bool:
    """Whether another template already has this purpose (each purpose offers one template)."""
    if not purpose:
        return False
    return session.scalar(select(LetterTemplateRow.id).where(LetterTemplateRow.purpose == purpose,
                                                             LetterTemplateRow.file_name != file_name)) is not None
