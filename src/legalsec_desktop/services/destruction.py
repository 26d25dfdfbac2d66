"""Destroying closed files: the review list of files due, recording a batch, the register and its certificates.

Nothing is deleted: a destroyed file keeps its row (with `destroyed_at` and its batch), gains a 'destroyed' line in
its movement log, and the batch stays in the register for ever (the database refuses to change or delete it).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from legalsec_desktop.db.file_room_models import DestructionRow, RetentionRuleRow, StorageLocationRow
from legalsec_desktop.db.models import ContactRow, FileRecordRow, FirmRow, MatterRow, TimekeeperRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.destruction import (
    CERTIFICATE_PREFIX,
    Batch,
    DestroyedFile,
    DestructionRequest,
    ReviewLine,
    next_certificate_number,
    refusal_message,
    validate_request,
)
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import destruction_refusal
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.domain.report import Report
from legalsec_desktop.formats.destruction_xlsx import write_review_xlsx
from legalsec_desktop.reports.destruction_report import certificate_report, review_report
from legalsec_desktop.services.users import current_user
from legalsec_desktop.services.volumes import log_movement

Here = aliased(StorageLocationRow)
Home = aliased(StorageLocationRow)


def _where(out_to: str, place: str) -> str:
    if out_to:
        return f"Out: {out_to}"
    return place or "No location"


def review(store: Store, as_of: date | None = None) -> list[ReviewLine]:
    """Every live file whose destroy-after date is on or before `as_of` (default today), the longest due first,
    each with why it may not be destroyed on that day ('' when it may). One query, whatever the size of the firm."""
    as_of = as_of or store.clock.today()
    query = (select(FileRecordRow.id, FileRecordRow.barcode, MatterRow.number,
                    func.coalesce(MatterRow.closed_number, ""), func.coalesce(ContactRow.name, ""), MatterRow.caption,
                    MatterRow.title, FileRecordRow.label, FileRecordRow.medium, FileRecordRow.out_to,
                    func.coalesce(Here.path, ""), func.coalesce(FileRecordRow.closed_on, MatterRow.closed_on),
                    func.coalesce(RetentionRuleRow.name, ""), FileRecordRow.retention_note,
                    FileRecordRow.destroy_after, FileRecordRow.hold_reason, MatterRow.status)
             .join(MatterRow, MatterRow.id == FileRecordRow.matter_id)
             .outerjoin(ContactRow, ContactRow.id == MatterRow.client_id)
             .outerjoin(Here, Here.id == FileRecordRow.location_id)
             .outerjoin(RetentionRuleRow, RetentionRuleRow.id == FileRecordRow.retention_rule_id)
             .where(FileRecordRow.destroyed_at.is_(None), FileRecordRow.destroy_after <= as_of)
             .order_by(FileRecordRow.destroy_after, MatterRow.number, FileRecordRow.label, FileRecordRow.id))
    with store.read() as session:
        found = session.connection().execute(query).all()  # Core rows: no ORM bookkeeping for 50,000 lines
    lines = []
    for (file_id, barcode, number, closed_number, client, caption, title, label, medium, out_to, place, closed_on,
         retention, note, after, hold, status) in found:
        refusal = destruction_refusal(destroyed=False, hold_reason=hold, destroy_after_on=after,
                                      closed=status == "closed", out=bool(out_to), today=as_of)
        lines.append(ReviewLine(file_id, barcode, number, closed_number, client, caption or title, label, medium,
                                _where(out_to, place), closed_on, retention, note, after, hold.strip(), refusal))
    return lines


def _approver(session: Session, initials: str) -> TimekeeperRow:
    """The attorney whose initials these are, or a message naming the attorneys who can approve."""
    code = initials.strip().upper()
    keeper = session.scalar(select(TimekeeperRow).where(func.upper(TimekeeperRow.initials) == code))
    if keeper is not None and keeper.is_attorney:
        return keeper
    attorneys = session.execute(select(TimekeeperRow.initials, TimekeeperRow.name)
                                .where(TimekeeperRow.is_attorney.is_(True), TimekeeperRow.active.is_(True))
                                .order_by(TimekeeperRow.initials)).all()
    known = ", ".join(f"{i} ({n})" for i, n in attorneys) or "none is set up (Settings ▸ Firm)"
    if keeper is None:
        raise ValidationError("approved_by", f"No timekeeper has the initials {code}. An attorney must approve a "
                                             f"destruction; the attorneys are: {known}.")
    raise ValidationError("approved_by", f"{code} is {keeper.name}, who is not an attorney. An attorney must "
                                         f"approve a destruction; the attorneys are: {known}.")


def _refuse_any(session: Session, request: DestructionRequest) -> dict[int, tuple[Any, ...]]:
    """The files of the request with their matter's status, place and number; the whole request refused, each file
    with its reason, when any may not be destroyed on its day (or was approved before its matter was closed)."""
    found = {row.id: (row, status, place, number, closed_on) for row, status, place, number, closed_on in
             session.execute(
                 select(FileRecordRow, MatterRow.status, func.coalesce(Here.path, ""), MatterRow.number,
                        MatterRow.closed_on)
                 .join(MatterRow, MatterRow.id == FileRecordRow.matter_id)
                 .outerjoin(Here, Here.id == FileRecordRow.location_id)
                 .where(FileRecordRow.id.in_(request.file_ids))).all()}
    refused = []
    for file_id in request.file_ids:
        if file_id not in found:
            refused.append((f"file {file_id}", "That file no longer exists."))
            continue
        row, status, _place, number, closed_on = found[file_id]
        reason = destruction_refusal(destroyed=row.destroyed_at is not None, hold_reason=row.hold_reason,
                                     destroy_after_on=row.destroy_after, closed=status == "closed",
                                     out=bool(row.out_to), today=request.destroyed_on)
        if not reason and closed_on is not None and request.approved_on < closed_on:
            reason = (f"The approval ({format_date(request.approved_on)}) comes before its matter was closed "
                      f"({format_date(closed_on)}).")
        if reason:
            refused.append((f"{row.barcode} ({number}, {row.label})", reason))
    if refused:
        raise ValidationError("files", refusal_message(refused))
    return {file_id: entry[:4] for file_id, entry in found.items()}


def check_request(store: Store, file_ids: list[int] | tuple[int, ...], approved_by: str, approved_on: date,
                  destroyed_on: date, method: str, destroyed_by: str, witness: str = "", notes: str = "") -> None:
    """Everything `destroy` would refuse, without recording anything: a dialog asks "cannot be undone" only after."""
    request = DestructionRequest(tuple(dict.fromkeys(file_ids)), approved_by, approved_on, destroyed_on,
                                 " ".join(method.split()), destroyed_by.strip(), witness.strip(), notes.strip())
    validate_request(request, store.clock.today())
    with store.read() as session:
        _approver(session, request.approved_by)
        _refuse_any(session, request)


def destroy(store: Store, file_ids: list[int] | tuple[int, ...], approved_by: str, approved_on: date,
            destroyed_on: date, method: str, destroyed_by: str, witness: str = "", notes: str = "",
            by: str | None = None) -> Batch:
    """Record one batch of destroyed files and return it as the register keeps it.

    The whole batch is refused, with each file and its reason, when any file is on hold, not yet due on the day
    destroyed, of a matter not closed, out, or destroyed already; then nothing changes."""
    request = DestructionRequest(tuple(dict.fromkeys(file_ids)), approved_by, approved_on, destroyed_on,
                                 " ".join(method.split()), destroyed_by.strip(), witness.strip(), notes.strip())
    validate_request(request, store.clock.today())
    with store.write() as session:
        approver = _approver(session, request.approved_by)
        found = _refuse_any(session, request)
        year = request.destroyed_on.year
        taken = list(session.scalars(select(DestructionRow.certificate_number).where(
            DestructionRow.certificate_number.like(f"{CERTIFICATE_PREFIX}-{year:04d}-%"))))
        batch = DestructionRow(
            certificate_number=next_certificate_number(year, taken), approved_by=approver.initials,
            approved_by_name=approver.name, approved_on=request.approved_on, destroyed_on=request.destroyed_on,
            method=request.method,
            destroyed_by=request.destroyed_by, witness=request.witness, notes=request.notes,
            recorded_at=store.clock.utc_now(), recorded_by=current_user() if by is None else by,
            file_count=len(request.file_ids))
        session.add(batch)
        session.flush()
        approval = (f"Certificate {batch.certificate_number}; destroyed {format_date(request.destroyed_on)}, "
                    f"approved by {approver.initials} on {format_date(request.approved_on)}")
        for file_id in request.file_ids:
            row, _status, place, _number = found[file_id]
            row.destroyed_at, row.destruction_id = batch.recorded_at, batch.id
            row.location_id = None  # it is nowhere now (its home stays, as the log says where it was)
            log_movement(session, store, row.id, "destroyed", by=by, from_text=place,
                         to_text=f"{request.method} ({request.destroyed_by})", reason=approval)
        batch_id = batch.id
    return batch_of(store, batch_id)


def _files_of(session: Session, batch_ids: list[int]) -> dict[int, list[DestroyedFile]]:
    rows = session.execute(
        select(FileRecordRow.destruction_id, FileRecordRow.id, FileRecordRow.barcode, MatterRow.number,
               func.coalesce(MatterRow.closed_number, ""), func.coalesce(ContactRow.name, ""), MatterRow.caption,
               MatterRow.title, FileRecordRow.label, FileRecordRow.medium,
               func.coalesce(FileRecordRow.closed_on, MatterRow.closed_on), func.coalesce(RetentionRuleRow.name, ""),
               FileRecordRow.retention_note, func.coalesce(Home.path, ""))  # where it was kept (it is nowhere now)
        .join(MatterRow, MatterRow.id == FileRecordRow.matter_id)
        .outerjoin(ContactRow, ContactRow.id == MatterRow.client_id)
        .outerjoin(Home, Home.id == FileRecordRow.home_location_id)
        .outerjoin(RetentionRuleRow, RetentionRuleRow.id == FileRecordRow.retention_rule_id)
        .where(FileRecordRow.destruction_id.in_(batch_ids))
        .order_by(MatterRow.number, FileRecordRow.barcode)).all()
    files: dict[int, list[DestroyedFile]] = defaultdict(list)
    for (batch_id, file_id, barcode, number, closed_number, client, caption, title, label, medium, closed_on,
         retention, note, place) in rows:
        files[batch_id or 0].append(DestroyedFile(file_id, barcode, number, closed_number, client, caption or title,
                                                  label, medium, closed_on, retention, note, place))
    return files


def _batches(session: Session, *conditions: Any) -> list[Batch]:
    rows = session.execute(
        select(DestructionRow, DestructionRow.approved_by_name)  # the name when approved: initials can change
        .where(*conditions)
        .order_by(DestructionRow.destroyed_on.desc(), DestructionRow.id.desc())).all()
    files = _files_of(session, [row.id for row, _name in rows])
    return [Batch(row.id, row.certificate_number, row.approved_by, name, row.approved_on, row.destroyed_on, row.method,
                  row.destroyed_by, row.witness, row.notes, row.recorded_at, row.recorded_by, row.file_count,
                  tuple(files.get(row.id, ()))) for row, name in rows]


def register(store: Store) -> list[Batch]:
    """Every batch ever destroyed, newest first, each with its files."""
    with store.read() as session:
        return _batches(session)


def batch_of(store: Store, batch_id: int) -> Batch:
    with store.read() as session:
        found = _batches(session, DestructionRow.id == batch_id)
    if not found:
        raise ValidationError("batch", f"There is no destruction batch {batch_id} in the register.")
    return found[0]


def _firm(store: Store) -> tuple[str, str]:
    with store.read() as session:
        row = session.get(FirmRow, 1)
        return (row.name, row.address) if row is not None else ("", "")


def certificate(store: Store, batch_id: int) -> Report:
    """The certificate of destruction of one batch, ready to print or save."""
    name, address = _firm(store)
    return certificate_report(name, address, batch_of(store, batch_id), store.clock.now())


def review_as_report(store: Store, as_of: date | None = None) -> Report:
    """The destruction review list as a printable report."""
    as_of = as_of or store.clock.today()
    name, _address = _firm(store)
    return review_report(name, as_of, review(store, as_of), store.clock.now())


def save_review_xlsx(store: Store, path: Path, as_of: date | None = None) -> tuple[Path, int]:
    """The review list as an Excel workbook at `path`; returns the path and the number of files listed."""
    as_of = as_of or store.clock.today()
    name, _address = _firm(store)
    lines = review(store, as_of)
    return write_review_xlsx(lines, name, as_of, path, store.clock.now()), len(lines)


def approvers(store: Store) -> list[tuple[str, str]]:
    """(initials, name) of the active attorneys, who may approve a destruction."""
    with store.read() as session:
        rows = session.execute(select(TimekeeperRow.initials, TimekeeperRow.name)
                               .where(TimekeeperRow.is_attorney.is_(True), TimekeeperRow.active.is_(True))
                               .order_by(TimekeeperRow.name)).all()
    return [(initials, name) for initials, name in rows]
