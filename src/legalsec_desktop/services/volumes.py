"""A matter's physical files ("volumes"): add, find by barcode, move, check out and in, legal hold, the movement log.

Every change appends to the file's movement log in the same transaction; nothing here edits or deletes a log
line (and the database refuses to: migration 0009's triggers).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, TypeAlias

from typing_extensions import Unpack

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from legalsec_desktop.db.file_room_models import DestructionRow, FileMovementRow, RetentionRuleRow, StorageLocationRow
from legalsec_desktop.db.models import ContactRow, FileRecordRow, MatterRow, TimekeeperRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import (
    BARCODE_DIGITS,
    BARCODE_PREFIX,
    FILTERS,
    CheckOut,
    VolumeDraft,
    barcode_for,
    check_barcode,
    clean_barcode,
    status_of,
    validate_check_out,
    validate_volume,
)
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.services.users import current_user
from legalsec_desktop.services.file_rows import MovementItem, VolumeItem

GONE = "That file no longer exists."
NEAREST = 3
AnySelect: TypeAlias = "Select[Unpack[tuple[Any, ...]]]"
Here = aliased(StorageLocationRow)
Home = aliased(StorageLocationRow)


def _query() -> AnySelect:
    return (select(FileRecordRow, MatterRow.number, func.coalesce(ContactRow.name, ""), MatterRow.caption,
                   MatterRow.title, func.coalesce(Here.path, ""), func.coalesce(Home.path, ""),
                   func.coalesce(Here.offsite, False), func.coalesce(RetentionRuleRow.name, ""), MatterRow.status,
                   DestructionRow.destroyed_on, func.coalesce(MatterRow.closed_number, ""))
            .join(MatterRow, MatterRow.id == FileRecordRow.matter_id)
            .outerjoin(ContactRow, ContactRow.id == MatterRow.client_id)
            .outerjoin(Here, Here.id == FileRecordRow.location_id)
            .outerjoin(Home, Home.id == FileRecordRow.home_location_id)
            .outerjoin(RetentionRuleRow, RetentionRuleRow.id == FileRecordRow.retention_rule_id)
            .outerjoin(DestructionRow, DestructionRow.id == FileRecordRow.destruction_id))


def _item(found: Any, today: date) -> VolumeItem:
    row, number, client, caption, title, place, home, offsite, retention, matter_status, destroyed_on, closed = found
    status = status_of(destroyed=row.destroyed_at is not None, out=bool(row.out_to), due_back_on=row.due_back_on,
                       offsite=bool(offsite), placed=row.location_id is not None, today=today)
    return VolumeItem(
        id=row.id, barcode=row.barcode, matter_id=row.matter_id, matter_number=number, client=client,
        caption=caption or title, label=row.label, medium=row.medium,
        place=place or (row.location if row.medium == "digital" else ""), location_id=row.location_id,
        home=home, home_location_id=row.home_location_id, out_to=row.out_to, out_reason=row.out_reason,
        out_at=row.out_at, due_back_on=row.due_back_on, opened_on=row.opened_on, closed_on=row.closed_on,
        destroy_after=row.destroy_after, retention=retention, retention_note=row.retention_note,
        hold_reason=row.hold_reason, destroyed_at=row.destroyed_at, status=status,
        matter_closed=matter_status == "closed", destroyed_on=destroyed_on, closed_number=closed)


def status_condition(status: str, today: date) -> ColumnElement[bool]:
    """SQL for one of domain.file_room.FILTERS, over a query that joins the current place as `Here`."""
    live = FileRecordRow.destroyed_at.is_(None)
    is_in = and_(live, FileRecordRow.out_to == "")
    conditions: dict[str, ColumnElement[bool]] = {
        "destroyed": FileRecordRow.destroyed_at.is_not(None),
        "out": and_(live, FileRecordRow.out_to != ""),
        "overdue": and_(live, FileRecordRow.out_to != "", FileRecordRow.due_back_on < today),
        "in_storage": and_(is_in, Here.offsite.is_(True)),
        "in_place": and_(is_in, FileRecordRow.location_id.is_not(None), Here.offsite.is_not(True)),
        "due_review": and_(live, FileRecordRow.destroy_after <= today),
        "on_hold": and_(live, FileRecordRow.hold_reason != ""),
    }
    if status not in conditions:
        raise ValidationError("status", f"Unknown status \"{status}\": use one of {', '.join(FILTERS)}.")
    return conditions[status]


def volumes(store: Store, *conditions: ColumnElement[bool], limit: int | None = None) -> list[VolumeItem]:
    today = store.clock.today()
    query = _query().where(*conditions).order_by(MatterRow.number, FileRecordRow.label, FileRecordRow.id)
    if limit is not None:
        query = query.limit(limit)
    with store.read() as session:
        return [_item(found, today) for found in session.execute(query).all()]


def listed(store: Store, matter_id: int | None = None, status: str | None = None) -> list[VolumeItem]:
    """Every volume (of one matter; of one status), by matter number and label: what `files list` prints."""
    conditions = []
    if matter_id is not None:
        conditions.append(FileRecordRow.matter_id == matter_id)
    if status:
        conditions.append(status_condition(status, store.clock.today()))
    return volumes(store, *conditions)


def matter_volumes(store: Store, matter_id: int) -> list[VolumeItem]:
    return listed(store, matter_id=matter_id)


def volume(store: Store, file_id: int) -> VolumeItem:
    found = volumes(store, FileRecordRow.id == file_id)
    if not found:
        raise ValidationError("barcode", GONE)
    return found[0]


def nearest_barcodes(session: Session, code: str) -> list[str]:
    """The ids fewest keystrokes away (a wrong, missing or extra character each): O for 0 in F00006O finds F000060
    before F000006. Ties in id order."""
    from rapidfuzz import process  # loaded only when an id is mistyped
    from rapidfuzz.distance import Levenshtein

    codes = sorted(session.scalars(select(FileRecordRow.barcode)))
    most = max(2, len(code) // 3)  # further than that is another id, not a slip
    found = process.extract(code, codes, scorer=Levenshtein.distance, limit=NEAREST, score_cutoff=most)
    return [match for match, _distance, _i in sorted(found, key=lambda hit: (hit[1], hit[2]))]


def find_barcode(store: Store, text: str) -> int:
    """The id of the volume a typed or scanned barcode names; a clear message with the nearest ids when none does."""
    code = check_barcode(text)
    with store.read() as session:
        found = session.scalar(select(FileRecordRow.id).where(FileRecordRow.barcode == code))
        if found is not None:
            return found
        near = nearest_barcodes(session, code)
    hint = f" Nearest: {', '.join(near)}." if near else ""
    raise ValidationError("barcode", f"No file has the barcode id {code}.{hint}")


def lookup_barcode(store: Store, text: str) -> int | None:
    """The volume a scanned text names exactly, or None (for a search box that also filters)."""
    code = clean_barcode(text)
    if not code or len(code) > 20 or not code.isalnum():
        return None
    with store.read() as session:
        return session.scalar(select(FileRecordRow.id).where(FileRecordRow.barcode == code))


def _next_barcode(session: Session) -> str:
    """F and the next number after the highest the program gave (a pre-printed label's id never gets reused)."""
    given = (FileRecordRow.barcode >= f"{BARCODE_PREFIX}{'0' * BARCODE_DIGITS}",
             FileRecordRow.barcode <= f"{BARCODE_PREFIX}{'9' * BARCODE_DIGITS}",
             func.length(FileRecordRow.barcode) == BARCODE_DIGITS + 1)  # portable: no GLOB, no LIKE
    highest = 0
    for code in session.scalars(select(FileRecordRow.barcode).where(*given)
                                .order_by(FileRecordRow.barcode.desc()).limit(50)):
        if code[1:].isdigit():  # "F0012A4" is a pre-printed id between two of ours: look past it
            highest = int(code[1:])
            break
    number = highest + 1
    while session.scalar(select(FileRecordRow.id).where(FileRecordRow.barcode == barcode_for(number))) is not None:
        number += 1
    return barcode_for(number)


def _log(session: Session, store: Store, file_id: int, kind: str, *, by: str | None, from_text: str = "",
         to_text: str = "", from_id: int | None = None, to_id: int | None = None, timekeeper_id: int | None = None,
         due_on: date | None = None, reason: str = "") -> None:
    session.add(FileMovementRow(file_id=file_id, at=store.clock.utc_now(), by_name=current_user() if by is None else by,
                                kind=kind, from_text=from_text, to_text=to_text, from_location_id=from_id,
                                to_location_id=to_id, timekeeper_id=timekeeper_id, due_on=due_on,
                                reason=reason.strip()))


def log_movement(session: Session, store: Store, file_id: int, kind: str, *, by: str | None = None,
                 from_text: str = "", to_text: str = "", reason: str = "") -> None:
    """Append one line to a file's movement log inside the caller's transaction (other services' actions)."""
    _log(session, store, file_id, kind, by=by, from_text=from_text, to_text=to_text, reason=reason)


def _place(session: Session, location_id: int | None) -> StorageLocationRow | None:
    if location_id is None:
        return None
    place = session.get(StorageLocationRow, location_id)
    if place is None or place.retired_at is not None:
        raise ValidationError("location", "That location no longer exists.")
    return place


def add_volume(store: Store, draft: VolumeDraft, by: str | None = None) -> tuple[int, str]:
    """A new volume; returns its id and barcode id."""
    if draft.opened_on is None:
        draft = VolumeDraft(**{**draft.__dict__, "opened_on": store.clock.today()})
    validate_volume(draft)
    with store.write() as session:
        matter = session.get(MatterRow, draft.matter_id)
        if matter is None:
            raise ValidationError("matter", "That matter no longer exists.")
        code = check_barcode(draft.barcode) if draft.barcode else _next_barcode(session)
        taken = session.scalar(select(FileRecordRow.id).where(FileRecordRow.barcode == code))
        if taken is not None:
            raise ValidationError("barcode", f"The barcode id {code} is already on another file.")
        place = _place(session, draft.location_id)
        row = FileRecordRow(barcode=code, matter_id=draft.matter_id, label=draft.label.strip(), medium=draft.medium,
                            opened_on=draft.opened_on, notes=draft.notes, location_id=draft.location_id,
                            home_location_id=draft.location_id, location="", box="")
        session.add(row)
        if matter.status == "closed" and matter.closed_on is not None:
            _closed_already(session, row, matter)
        session.flush()
        _log(session, store, row.id, "created", by=by, to_text=place.path if place else "",
             to_id=place.id if place else None)
        if row.closed_on is not None:
            _log(session, store, row.id, "closed", by=by, reason=f"Added to closed matter {matter.number}. "
                                                                  f"{row.retention_note}")
        return row.id, code


def _closed_already(session: Session, row: FileRecordRow, matter: MatterRow) -> None:
    """A file found after its matter was closed gets the retention its matter's files got at closing: the rule
    for the matter's practice area (the Files tab can choose another by closing again after reopening)."""
    from legalsec_desktop.domain.file_room import Retention, rule_for
    from legalsec_desktop.services import retention

    found = session.scalars(select(RetentionRuleRow).where(RetentionRuleRow.retired_at.is_(None))
                            .order_by(RetentionRuleRow.position, RetentionRuleRow.id)).all()
    rules = {rule.id: rule for rule in found}
    chosen = rule_for(matter.practice_area, [Retention(r.id, r.name, r.practice_area, r.years) for r in found])
    assert matter.closed_on is not None
    retention.stamp(row, rules[chosen.id] if chosen is not None else None, matter.closed_on)


def _live(session: Session, file_id: int) -> FileRecordRow:
    row = session.get(FileRecordRow, file_id)
    if row is None:
        raise ValidationError("barcode", GONE)
    if row.destroyed_at is not None:
        batch = session.get(DestructionRow, row.destruction_id) if row.destruction_id is not None else None
        day = batch.destroyed_on if batch is not None else to_local(row.destroyed_at).date()
        raise ValidationError("barcode", f"{row.barcode} was destroyed on {format_date(day)}.")
    return row


def _who_has(row: FileRecordRow) -> str:
    since = f" since {format_date(to_local(row.out_at).date())}" if row.out_at is not None else ""
    due = f", due back {format_date(row.due_back_on)}" if row.due_back_on is not None else ""
    return f"{row.barcode} is checked out to {row.out_to}{since}{due}"


def move(store: Store, file_id: int, location_id: int, reason: str = "", by: str | None = None) -> None:
    """Puts a file in another place, which becomes its home; into or out of off-site storage is logged as such."""
    with store.write() as session:
        row = _live(session, file_id)
        if row.out_to:
            raise ValidationError("location", _who_has(row) + ": check it in first.")
        place = _place(session, location_id)
        assert place is not None
        was = _place_or_none(session, row.location_id)
        if was is not None and was.id == place.id:
            raise ValidationError("location", f"{row.barcode} is in \"{place.path}\" already.")
        kind = "moved"
        if place.offsite and not (was is not None and was.offsite):
            kind = "to_storage"
        elif was is not None and was.offsite and not place.offsite:
            kind = "returned"
        row.location_id = row.home_location_id = place.id
        _log(session, store, row.id, kind, by=by, from_text=was.path if was else "", to_text=place.path,
             from_id=was.id if was else None, to_id=place.id, reason=reason)


def _place_or_none(session: Session, location_id: int | None) -> StorageLocationRow | None:
    return session.get(StorageLocationRow, location_id) if location_id is not None else None


def check_out(store: Store, file_id: int, request: CheckOut, by: str | None = None) -> None:
    """Lends a file to a person; refuses one already out, saying who has it."""
    validate_check_out(request, store.clock.today())
    with store.write() as session:
        row = _live(session, file_id)
        if row.out_to:
            raise ValidationError("to", _who_has(row) + ".")
        if request.timekeeper_id is not None and session.get(TimekeeperRow, request.timekeeper_id) is None:
            raise ValidationError("to", "That timekeeper no longer exists.")
        was = _place_or_none(session, row.location_id)
        row.out_to, row.out_timekeeper_id = " ".join(request.to_name.split()), request.timekeeper_id
        row.out_reason, row.due_back_on, row.out_at = request.reason.strip(), request.due_on, store.clock.utc_now()
        row.location_id = None
        _log(session, store, row.id, "out", by=by, from_text=was.path if was else "", to_text=row.out_to,
             from_id=was.id if was else None, timekeeper_id=request.timekeeper_id, due_on=request.due_on,
             reason=request.reason)


def check_in(store: Store, file_id: int, by: str | None = None) -> str:
    """Takes a file back to its home place; returns that place's path ('' when it has none)."""
    with store.write() as session:
        row = _live(session, file_id)
        if not row.out_to:
            here = _place_or_none(session, row.location_id)
            where = f"; it is in \"{here.path}\"" if here is not None else ""
            raise ValidationError("barcode", f"{row.barcode} is not checked out{where}.")
        home = _place_or_none(session, row.home_location_id)
        if home is not None and home.retired_at is not None:
            home = None
        _log(session, store, row.id, "in", by=by, from_text=row.out_to, to_text=home.path if home else "",
             to_id=home.id if home else None, timekeeper_id=row.out_timekeeper_id)
        row.out_to, row.out_timekeeper_id, row.out_reason, row.out_at, row.due_back_on = "", None, "", None, None
        row.location_id = home.id if home is not None else None
        return home.path if home is not None else ""


def set_hold(store: Store, file_ids: Iterable[int], reason: str, by: str | None = None) -> int:
    """Puts files on legal hold (nothing on hold can be destroyed); returns how many were not on hold before."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("reason", "Say why the files are on hold (the case, the order or the request).")
    count = 0
    with store.write() as session:
        for file_id in file_ids:
            row = _live(session, file_id)
            if row.hold_reason:
                continue
            row.hold_reason, row.hold_since = reason, store.clock.utc_now()
            _log(session, store, row.id, "hold", by=by, reason=reason)
            count += 1
    return count


def release_hold(store: Store, file_ids: Iterable[int], reason: str = "", by: str | None = None) -> int:
    count = 0
    with store.write() as session:
        for file_id in file_ids:
            row = _live(session, file_id)
            if not row.hold_reason:
                continue
            _log(session, store, row.id, "released", by=by, reason=reason or f"Was: {row.hold_reason}")
            row.hold_reason, row.hold_since = "", None
            count += 1
    return count


def history(store: Store, file_id: int) -> list[MovementItem]:
    """A file's movement log, oldest first."""
    with store.read() as session:
        if session.get(FileRecordRow, file_id) is None:
            raise ValidationError("barcode", GONE)
        rows = session.scalars(select(FileMovementRow).where(FileMovementRow.file_id == file_id)
                               .order_by(FileMovementRow.at, FileMovementRow.id)).all()
        return [MovementItem(r.at, r.by_name, r.kind, r.from_text, r.to_text, r.due_on, r.reason) for r in rows]


def overdue(store: Store, today: date | None = None, attorney_id: int | None = None) -> list[VolumeItem]:
    """Files out past their due-back date, the longest overdue first (Needs attention and the docket)."""
    today = today or store.clock.today()
    conditions: list[ColumnElement[bool]] = [status_condition("overdue", today)]
    if attorney_id is not None:
        conditions.append(or_(FileRecordRow.out_timekeeper_id == attorney_id,
                              and_(FileRecordRow.out_timekeeper_id.is_(None),
                                   MatterRow.responsible_attorney_id == attorney_id)))
    found = volumes(store, *conditions)
    return sorted(found, key=lambda v: (v.due_back_on or today, v.barcode))


def timekeeper_named(store: Store, name: str) -> tuple[int, str] | None:
    """The timekeeper a typed name means (their initials, or their whole name, in any case), with their name."""
    wanted = " ".join(name.split()).casefold()
    with store.read() as session:
        for keeper_id, keeper_name, initials in session.execute(
                select(TimekeeperRow.id, TimekeeperRow.name, TimekeeperRow.initials)).all():
            if wanted in (initials.casefold(), " ".join(keeper_name.split()).casefold()):
                return keeper_id, keeper_name
    return None


def by_ids(store: Store, file_ids: Sequence[int]) -> list[VolumeItem]:
    """The volumes with these ids, in the order given (labels print in the order chosen)."""
    found = {v.id: v for v in volumes(store, FileRecordRow.id.in_(list(file_ids)))}
    return [found[i] for i in file_ids if i in found]
