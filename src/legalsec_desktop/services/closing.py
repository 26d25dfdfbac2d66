"""Closing a matter: the firm's checklist, what the program verifies itself, the closed-file number, and the
retention its files get. A closing is recorded whole (answers, overrides, who, when) and never edited."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from legalsec_desktop.db.file_room_models import ClosingItemRow, MatterClosingRow, RetentionRuleRow
from legalsec_desktop.db.models import FileRecordRow, MatterRow, TimeEntryRow, TodoRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.billing import format_hours
from legalsec_desktop.domain.closing import (
    CHECKS,
    ItemAnswer,
    ItemReview,
    answer_items,
    check_item_text,
    check_override,
    closed_number,
    closed_sequence,
)
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import Retention, rule_for
from legalsec_desktop.domain.formatting import counted, format_date
from legalsec_desktop.domain.matters import MatterDraft, validate_matter
from legalsec_desktop.services import matters, retention
from legalsec_desktop.services.ordering import move_in_order
from legalsec_desktop.services.users import current_user
from legalsec_desktop.services.volumes import log_movement

GONE_ITEM = "That checklist item no longer exists."
LISTED = 3  # how many deadlines, to-dos or files a detail names


# --- the firm's checklist -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChecklistItem:
    id: int
    text: str
    check: str  # a key of domain.closing.CHECKS, or '' for an item the person ticks
    retired: bool


def checklist(store: Store, include_retired: bool = False) -> list[ChecklistItem]:
    """The firm's closing checklist in its order."""
    query = select(ClosingItemRow).order_by(ClosingItemRow.position, ClosingItemRow.id)
    if not include_retired:
        query = query.where(ClosingItemRow.retired_at.is_(None))
    with store.read() as session:
        return [ChecklistItem(r.id, r.text, r.check, r.retired_at is not None) for r in session.scalars(query)]


def add_item(store: Store, text: str) -> int:
    """A new item the person ticks at closing, at the end of the list."""
    text = check_item_text(text)
    with store.write() as session:
        last = session.scalar(select(func.max(ClosingItemRow.position))) or 0
        row = ClosingItemRow(text=text, check="", position=last + 1)
        session.add(row)
        session.flush()
        return row.id


def _item(session: Session, item_id: int) -> ClosingItemRow:
    row = session.get(ClosingItemRow, item_id)
    if row is None:
        raise ValidationError("text", GONE_ITEM)
    return row


def rename_item(store: Store, item_id: int, text: str) -> None:
    text = check_item_text(text)
    with store.write() as session:
        _item(session, item_id).text = text


def retire_item(store: Store, item_id: int, retired: bool = True) -> None:
    """Takes an item off the checklist for future closings (or puts it back); past closings keep their copy."""
    with store.write() as session:
        row = _item(session, item_id)
        row.retired_at = store.clock.utc_now() if retired else None


def move_item(store: Store, item_id: int, step: int) -> None:
    """Moves an item up (step -1) or down (+1)."""
    with store.write() as session:
        move_in_order(session, ClosingItemRow, item_id, step, "text", GONE_ITEM)


# --- reviewing a matter before it closes ------------------------------------------------------------------------
def _named(names: list[str]) -> str:
    return "; ".join(names[:LISTED]) + ("; …" if len(names) > LISTED else "")


def _deadlines(store: Store, _session: Session, matter_id: int) -> tuple[bool, str]:
    pending = matters.open_deadlines(store, matter_id)
    if not pending:
        return True, "No deadlines open."
    return False, f"{counted(len(pending), 'deadline')} open: " + _named(
        [f"{format_date(d.on_date)} {d.title}" for d in pending])


def _unbilled(_store: Store, session: Session, matter_id: int) -> tuple[bool, str]:
    count, minutes = session.execute(
        select(func.count(), func.coalesce(func.sum(TimeEntryRow.minutes), 0)).where(
            TimeEntryRow.matter_id == matter_id, TimeEntryRow.status != "billed",
            TimeEntryRow.billable == "billable")).one()
    if not count:
        return True, "All billable time is billed."
    return False, f"{counted(count, 'time entry', 'time entries')} not billed ({format_hours(minutes)} h)."


def _todos(_store: Store, session: Session, matter_id: int) -> tuple[bool, str]:
    titles = list(session.scalars(select(TodoRow.title).where(
        TodoRow.matter_id == matter_id, TodoRow.done_at.is_(None), TodoRow.deleted_at.is_(None))
        .order_by(TodoRow.due_on, TodoRow.id)))
    if not titles:
        return True, "No to-dos open."
    return False, f"{counted(len(titles), 'to-do')} open: {_named(titles)}"


def _files_in(_store: Store, session: Session, matter_id: int) -> tuple[bool, str]:
    out = session.execute(select(FileRecordRow.barcode, FileRecordRow.out_to).where(
        FileRecordRow.matter_id == matter_id, FileRecordRow.out_to != "", FileRecordRow.destroyed_at.is_(None))
        .order_by(FileRecordRow.barcode)).all()
    if not out:
        return True, "Every file is in."
    return False, f"{counted(len(out), 'file')} checked out: " + _named([f"{b} to {who}" for b, who in out])


CHECKERS = {"deadlines": _deadlines, "unbilled": _unbilled, "todos": _todos, "files_in": _files_in}
assert set(CHECKERS) == set(CHECKS)


@dataclass(frozen=True)
class ClosingVolume:
    """A file of the matter being closed, with the retention rule it gets unless one is chosen."""

    id: int
    barcode: str
    label: str
    default_rule_id: int | None


@dataclass(frozen=True)
class ClosingReview:
    """What the closing checklist dialog shows: each item evaluated, the number the matter will get, its files."""

    matter_id: int
    number: str
    title: str
    practice_area: str
    status: str
    closed_number: str  # the number it will be given (its own, if it was closed before)
    items: list[ItemReview]
    volumes: list[ClosingVolume]
    rules: list[retention.RuleItem] = field(default_factory=list)
    default_rule_id: int | None = None


def _reviews(store: Store, session: Session, matter_id: int) -> list[ItemReview]:
    items = session.scalars(select(ClosingItemRow).where(ClosingItemRow.retired_at.is_(None))
                            .order_by(ClosingItemRow.position, ClosingItemRow.id)).all()
    found = []
    for item in items:
        checker = CHECKERS.get(item.check)
        if checker is None:
            found.append(ItemReview(item.id, item.text, "", None))
        else:
            satisfied, detail = checker(store, session, matter_id)
            found.append(ItemReview(item.id, item.text, item.check, satisfied, detail))
    return found


def next_closed_number(session: Session, year: int) -> str:
    """The next free closed-file number of `year`, after the highest given."""
    prefix = closed_number(year, 0)[:-4]
    taken = [closed_sequence(n or "", year) for n in session.scalars(
        select(MatterRow.closed_number).where(MatterRow.closed_number.startswith(prefix, autoescape=True)))]
    highest = max((n for n in taken if n is not None), default=0)
    return closed_number(year, highest + 1)


def number_to_give(store: Store, matter_id: int, closed_on: date) -> str:
    """The closed-file number closing the matter on `closed_on` would give (its own, if it was closed before)."""
    with store.read() as session:
        own = session.scalar(select(MatterRow.closed_number).where(MatterRow.id == matter_id))
        return own or next_closed_number(session, closed_on.year)


def closing_review(store: Store, matter_id: int, closed_on: date | None = None) -> ClosingReview:
    """Each checklist item for this matter, the program's own checks done (with what they found)."""
    closed_on = closed_on or store.clock.today()
    with store.read() as session:
        matter = session.get(MatterRow, matter_id)
        if matter is None:
            raise ValidationError("number", "That matter no longer exists.")
        items = _reviews(store, session, matter_id)
        number = matter.closed_number or next_closed_number(session, closed_on.year)
        area, status, matter_number, title = matter.practice_area, matter.status, matter.number, matter.title
        files = retention.live_volumes(session, matter_id)
    rules = retention.rules(store)
    default = rule_for(area, [r.retention for r in rules])
    default_id = default.id if default is not None else None
    live_ids = {r.id for r in rules}
    volumes = [ClosingVolume(v.id, v.barcode, v.label,
                             v.retention_rule_id if v.retention_rule_id in live_ids else default_id) for v in files]
    return ClosingReview(matter_id, matter_number, title, area, status, number, items, volumes, rules, default_id)


# --- closing and reopening ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ClosingDone:
    closed_number: str
    closed_on: date
    files: int  # how many files got their retention
    overridden: list[str]  # the items it closed without


def close_matter(store: Store, matter_id: int, answers: Mapping[int, bool], override_reason: str, closed_on: date,
                 retention_choices: Mapping[int, int | None] | None = None, *, edits: MatterDraft | None = None,
                 by: str | None = None) -> ClosingDone:
    """Closes the matter: every checklist item done, or an override reason given (the items closed without are
    recorded). The matter gets its closed-file number (its old one, if it was closed before), its status and
    closing date; each file not destroyed gets its retention rule (`retention_choices` by file id, else the
    practice area's default), destroy-after date and a 'closed' line in its log. `edits` are the matter dialog's
    other changes, saved in the same transaction."""
    choices = dict(retention_choices or {})
    who = current_user() if by is None else by
    with store.write() as session:
        matter = session.get(MatterRow, matter_id)
        if matter is None:
            raise ValidationError("number", "That matter no longer exists.")
        if matter.status == "closed":
            raise ValidationError("status", f"Matter {matter.number} is closed already.")
        if closed_on < matter.opened_on:
            raise ValidationError("closed_on", f"The matter cannot close ({format_date(closed_on)}) before it "
                                               f"opened ({format_date(matter.opened_on)}).")
        given = _answers(store, session, matter_id, answers)
        reason = check_override(given, override_reason)
        if edits is not None:
            edits = MatterDraft(**{**edits.__dict__, "status": "closed", "closed_on": closed_on})
            validate_matter(edits)
            matters.apply_edits(session, store, matter, edits)
        number = matter.closed_number or next_closed_number(session, closed_on.year)
        matter.status, matter.closed_on, matter.closed_number = "closed", closed_on, number
        files = _give_retention(session, store, matter, choices, closed_on, who)
        session.add(MatterClosingRow(matter_id=matter_id, closed_number=number, closed_on=closed_on,
                                     closed_at=store.clock.utc_now(), closed_by=who, override_reason=reason,
                                     checklist=json.dumps([a.as_json() for a in given], ensure_ascii=False)))
        return ClosingDone(number, closed_on, files, [a.text for a in given if a.overridden])


def _answers(store: Store, session: Session, matter_id: int, ticked: Mapping[int, bool]) -> list[ItemAnswer]:
    return answer_items(_reviews(store, session, matter_id), dict(ticked))


def _give_retention(session: Session, store: Store, matter: MatterRow, choices: dict[int, int | None],
                    closed_on: date, who: str) -> int:
    rules = {r.id: r for r in session.scalars(select(RetentionRuleRow))}
    live = [r for r in sorted(rules.values(), key=lambda r: (r.position, r.id)) if r.retired_at is None]
    default = rule_for(matter.practice_area, [Retention(r.id, r.name, r.practice_area, r.years)
                                              for r in live])
    files = retention.live_volumes(session, matter.id)
    for volume in files:
        chosen = choices.get(volume.id, volume.retention_rule_id if volume.retention_rule_id in rules and
                             rules[volume.retention_rule_id].retired_at is None else
                             (default.id if default is not None else None))
        if chosen is not None and chosen not in rules:
            raise ValidationError("retention", f"The retention rule chosen for {volume.barcode} no longer exists.")
        retention.stamp(volume, rules.get(chosen) if chosen is not None else None, closed_on)
        log_movement(session, store, volume.id, "closed", by=who,
                     reason=f"Matter {matter.number} closed as {matter.closed_number}. {volume.retention_note}")
    return len(files)


def reopen_matter(store: Store, matter_id: int, status: str = "open", by: str | None = None) -> int:
    """Reopens a closed matter (see retention.reopen_files); the closing record and the closed-file number stay.
    Returns how many files stopped their retention."""
    if status not in ("open", "pending"):
        raise ValidationError("status", "Reopen a matter as open or pending.")
    with store.write() as session:
        matter = session.get(MatterRow, matter_id)
        if matter is None:
            raise ValidationError("number", "That matter no longer exists.")
        if matter.status != "closed":
            raise ValidationError("status", f"Matter {matter.number} is not closed.")
        matter.status, matter.closed_on = status, None
        return retention.reopen_files(session, store, matter, by)


@dataclass(frozen=True)
class ClosingRecord:
    closed_number: str
    closed_on: date
    closed_by: str
    items: list[dict[str, object]]
    override_reason: str


def closings(store: Store, matter_id: int) -> list[ClosingRecord]:
    """Every closing of the matter, the latest first (a reopened and closed again matter has several)."""
    with store.read() as session:
        rows = session.scalars(select(MatterClosingRow).where(MatterClosingRow.matter_id == matter_id)
                               .order_by(MatterClosingRow.closed_at.desc(), MatterClosingRow.id.desc())).all()
        return [ClosingRecord(r.closed_number, r.closed_on, r.closed_by, json.loads(r.checklist or "[]"),
                              r.override_reason) for r in rows]

