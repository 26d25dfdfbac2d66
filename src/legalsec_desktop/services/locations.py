"""The firm's places for files: a small hierarchy (office ▸ cabinet ▸ drawer, storage company ▸ box), found by path."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalsec_desktop.db.file_room_models import StorageLocationRow
from legalsec_desktop.db.models import FileRecordRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import PLACE_KINDS, PLACE_NAME_LIMIT, join_path, split_path
from legalsec_desktop.domain.names import search_fold
from legalsec_desktop.services.file_rows import LocationItem

NEAREST = 3


def all_locations(store: Store, include_retired: bool = False) -> list[LocationItem]:
    """Every place, by path (a parent before its children), with the number of files in each now."""
    with store.read() as session:
        counts = dict(session.execute(
            select(FileRecordRow.location_id, func.count()).where(FileRecordRow.location_id.is_not(None),
                                                                  FileRecordRow.destroyed_at.is_(None))
            .group_by(FileRecordRow.location_id)).all())
        query = select(StorageLocationRow).order_by(StorageLocationRow.path_key)
        if not include_retired:
            query = query.where(StorageLocationRow.retired_at.is_(None))
        return [LocationItem(row.id, row.parent_id, row.name, row.kind, row.path, row.offsite,
                             row.retired_at is not None, counts.get(row.id, 0))
                for row in session.scalars(query)]


def location_choices(store: Store) -> list[tuple[int, str]]:
    """Every place in use, as (id, path) by path: what a place filter or picker offers."""
    with store.read() as session:
        return [(row[0], row[1]) for row in session.execute(
            select(StorageLocationRow.id, StorageLocationRow.path).where(StorageLocationRow.retired_at.is_(None))
            .order_by(StorageLocationRow.path_key)).all()]


def nearest_paths(session: Session, text: str) -> list[str]:
    from rapidfuzz import process  # loaded only when a place is mistyped

    paths = list(session.scalars(select(StorageLocationRow.path).where(StorageLocationRow.retired_at.is_(None))))
    return [found for found, _score, _i in process.extract(text, paths, limit=NEAREST, score_cutoff=40)]


def find_location(session: Session, text: str) -> StorageLocationRow:
    """The place a typed path names ("Main office > Cabinet A"), or a clear message naming the nearest ones."""
    names = split_path(text)
    row = session.scalar(select(StorageLocationRow).where(StorageLocationRow.path_key == search_fold(join_path(names))))
    if row is None or row.retired_at is not None:
        near = nearest_paths(session, join_path(names))
        hint = (f" Nearest: {'; '.join(near)}." if near
                else " No places are set up yet: add them under Files ▸ Locations.")
        gone = "is retired" if row is not None else "does not exist"
        raise ValidationError("location", f"The location \"{join_path(names)}\" {gone}.{hint}")
    return row


def location_id_of(store: Store, text: str) -> int:
    with store.read() as session:
        return find_location(session, text).id


def add_location(store: Store, parent_id: int | None, name: str, kind: str = "other",
                 offsite: bool | None = None) -> int:
    """A new place inside `parent_id` (None: at the top); a place inside off-site storage is off-site too."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError("name", "Name the place.")
    if len(name) > PLACE_NAME_LIMIT:
        raise ValidationError("name", f"A place's name is at most {PLACE_NAME_LIMIT} characters.")
    if any(mark in name for mark in ("▸", ">")):
        raise ValidationError("name", "A place's name cannot hold '>' or '▸': they separate the levels.")
    if kind not in PLACE_KINDS:
        raise ValidationError("kind", "Choose what kind of place it is.")
    with store.write() as session:
        parent = session.get(StorageLocationRow, parent_id) if parent_id is not None else None
        if parent_id is not None and (parent is None or parent.retired_at is not None):
            raise ValidationError("parent", "The place to put it in no longer exists.")
        path = join_path([parent.path, name]) if parent is not None else name
        key = search_fold(path)
        if session.scalar(select(StorageLocationRow.id).where(StorageLocationRow.path_key == key)) is not None:
            raise ValidationError("name", f"\"{path}\" exists already.")
        inherited = parent.offsite if parent is not None else False
        row = StorageLocationRow(parent_id=parent_id, name=name, kind=kind, path=path, path_key=key,
                                 offsite=inherited or (offsite if offsite is not None else kind == "storage"))
        session.add(row)
        session.flush()
        return row.id


def add_path(store: Store, text: str, kind: str = "other") -> int:
    """The place a whole path names, making the levels that are missing (the last one of `kind`)."""
    names = split_path(text)
    parent_id: int | None = None
    for depth in range(1, len(names) + 1):
        with store.read() as session:
            found = session.scalar(select(StorageLocationRow).where(
                StorageLocationRow.path_key == search_fold(join_path(names[:depth]))))
        if found is not None and found.retired_at is not None:  # its files would be refused later, less clearly
            raise ValidationError("location", f"The location \"{found.path}\" is retired.")
        parent_id = found.id if found is not None else add_location(
            store, parent_id, names[depth - 1], kind if depth == len(names) else "other")
    assert parent_id is not None
    return parent_id


def rename_location(store: Store, location_id: int, name: str) -> None:
    """A new name for a place; the paths of the places inside it follow. The movement logs keep the old names."""
    name = " ".join(name.split())
    if not name or len(name) > PLACE_NAME_LIMIT or any(mark in name for mark in ("▸", ">")):
        raise ValidationError("name", f"Name the place (up to {PLACE_NAME_LIMIT} characters, no '>').")
    with store.write() as session:
        row = session.get(StorageLocationRow, location_id)
        if row is None:
            raise ValidationError("name", "That place no longer exists.")
        parent = session.get(StorageLocationRow, row.parent_id) if row.parent_id is not None else None
        old_prefix = row.path
        new_path = join_path([parent.path, name]) if parent is not None else name
        clash = session.scalar(select(StorageLocationRow.id).where(StorageLocationRow.path_key == search_fold(new_path),
                                                                   StorageLocationRow.id != location_id))
        if clash is not None:
            raise ValidationError("name", f"\"{new_path}\" exists already.")
        for place in session.scalars(select(StorageLocationRow)):
            if place.id == location_id or place.path.startswith(old_prefix + " ▸ "):
                place.path = new_path + place.path[len(old_prefix):]
                place.path_key = search_fold(place.path)
        row.name = name


def _inside(session: Session, row: StorageLocationRow) -> list[int]:
    """The place and every place inside it."""
    return [row.id] + list(session.scalars(select(StorageLocationRow.id).where(
        StorageLocationRow.path_key.startswith(row.path_key + " ▸ ", autoescape=True))))


def _kept_in(session: Session, inside: list[int]) -> int:
    return session.scalar(select(func.count()).select_from(FileRecordRow).where(
        FileRecordRow.destroyed_at.is_(None),
        (FileRecordRow.location_id.in_(inside)) | (FileRecordRow.home_location_id.in_(inside)))) or 0


def files_kept_in(store: Store, location_id: int) -> int:
    """How many files (not destroyed) are in the place or a place inside it, or have their home there."""
    with store.read() as session:
        row = session.get(StorageLocationRow, location_id)
        return 0 if row is None else _kept_in(session, _inside(session, row))


def retire_location(store: Store, location_id: int) -> None:
    """Takes an empty place out of the lists (it stays in the movement logs); refuses one with files in it."""
    with store.write() as session:
        row = session.get(StorageLocationRow, location_id)
        if row is None:
            raise ValidationError("name", "That place no longer exists.")
        inside = _inside(session, row)
        used = _kept_in(session, inside)
        if used:
            raise ValidationError("name", f"{used} file(s) are kept in \"{row.path}\" or a place inside it: move them "
                                          "first.")
        now = store.clock.utc_now()
        for place in session.scalars(select(StorageLocationRow).where(StorageLocationRow.id.in_(inside))):
            place.retired_at = now
