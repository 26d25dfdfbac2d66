"""Packages of letter templates drafted together for one matter (a new-matter package: engagement letter, intake
cover, conflict waiver), kept by the names of their templates."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.letter_models import LetterPackageRow, LetterTemplateRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.names import same_name
from legalsec_desktop.domain.text_limits import shown
from legalsec_desktop.services.template_folder import synced

NAME_LIMIT = 200


@dataclass(frozen=True)
class PackageInfo:
    """A package: its name and its templates' names, in the order they are drafted."""

    id: int
    name: str
    templates: tuple[str, ...]


def list_packages(store: Store) -> list[PackageInfo]:
    """Every package, by name."""
    with store.read() as session:
        rows = list(session.scalars(select(LetterPackageRow)))
    return sorted((_info(row) for row in rows), key=lambda package: package.name.casefold())


def find_package(store: Store, name: str) -> PackageInfo:
    """The package called `name` (any case); ValidationError('package') when there is none."""
    found = next((package for package in list_packages(store) if same_name(package.name, name)), None)
    if found is None:
        raise ValidationError("package", f"There is no package called “{shown(name)}”.")
    return found


def save_package(store: Store, name: str, templates: list[str] | tuple[str, ...],
                 package_id: int | None = None) -> int:
    """Keeps a package (a new one, or `package_id` changed): a name no other package has and at least one of the
    templates in the list (each once). Returns its id."""
    name = " ".join(name.split())
    chosen = list(dict.fromkeys(" ".join(t.split()) for t in templates if t.strip()))
    if not name:
        raise ValidationError("name", "Enter a name for the package.")
    if len(name) > NAME_LIMIT:
        raise ValidationError("name", f"A package's name can be at most {NAME_LIMIT} characters.")
    if not chosen:
        raise ValidationError("templates", "Choose the templates of the package.")
    synced(store)  # a template dropped into the folder a moment ago is one
    with store.write() as session:
        known = list(session.scalars(select(LetterTemplateRow.name)))
        unknown = [t for t in chosen if not any(same_name(t, k) for k in known)]
        if unknown:
            raise ValidationError("templates", "There is no template called " +
                                  ", ".join(f"“{shown(t)}”" for t in unknown) + ".")
        chosen = list(dict.fromkeys(next(k for k in known if same_name(t, k)) for t in chosen))
        others = session.scalars(select(LetterPackageRow).where(LetterPackageRow.id != (package_id or 0)))
        if any(same_name(other.name, name) for other in others):
            raise ValidationError("name", f"Another package is already called “{shown(name)}”.")
        row = LetterPackageRow(created_at=store.clock.utc_now()) if package_id is None else \
            session.get(LetterPackageRow, package_id)
        if row is None:
            raise ValidationError("package", "That package is no longer there.")
        row.name, row.templates = name, json.dumps(chosen)
        session.add(row)
        session.flush()
        return row.id


def delete_package(store: Store, package_id: int) -> None:
    """Forgets a package (its templates stay)."""
    with store.write() as session:
        row = session.get(LetterPackageRow, package_id)
        if row is not None:
            session.delete(row)


def renamed_in_packages(session: Session, old: str, new: str) -> None:
    """A template renamed: the packages that hold it hold its new name (in the caller's transaction)."""
    for row in session.scalars(select(LetterPackageRow)):
        names = list(_info(row).templates)
        if any(same_name(name, old) for name in names):
            row.templates = json.dumps([new if same_name(name, old) else name for name in names])


def _info(row: LetterPackageRow) -> PackageInfo:
    try:
        names = json.loads(row.templates or "[]")
    except ValueError:
        names = []
    return PackageInfo(row.id, row.name, tuple(str(n) for n in names) if isinstance(names, list) else ())
