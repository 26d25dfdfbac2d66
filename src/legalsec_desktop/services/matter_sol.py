"""A matter's statute of limitations as a linked all-day calendar item, kept in step with the matter's date.

The item is an ordinary event row (kind "statute of limitations", so its reminders are that kind's lead times
and it shows in every calendar view, on the docket and in .ics exports), linked to its matter by
`rule_key == SOL_RULE_KEY`. Setting the date creates it, changing the date moves it, clearing the date deletes
it softly; setting a date again brings the same item back (its history and notes with it). Moving the item on
the calendar moves the matter's date.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session

from legalsec_desktop.db.models import EventRow, MatterRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.services.calendar import add_note

SOL_RULE_KEY = "matter-sol"
SOL_KIND = "statute of limitations"


SOL_TITLE = "Limitation date on the matter"  # as the docket has always named it


def linked_item(session: Session, matter_id: int, deleted: bool = False) -> EventRow | None:
    """The matter's live SOL item (or, with `deleted`, the most recently deleted one)."""
    query = select(EventRow).where(EventRow.matter_id == matter_id, EventRow.rule_key == SOL_RULE_KEY)
    if deleted:
        query = query.where(EventRow.deleted_at.is_not(None)).order_by(EventRow.deleted_at.desc())
    else:
        query = query.where(EventRow.deleted_at.is_(None))
    return session.scalars(query.order_by(EventRow.id.desc()).limit(1)).first()


def sync(session: Session, matter: MatterRow, now: datetime, utc_now: datetime, old_note: str | None = None) -> str:
    """Make the matter's SOL item match its SOL date; returns what was done ("" when nothing).

    The item's notes are the matter's SOL note, copied when the item is made and whenever that note changes
    (`old_note` is the note before the save; None: unknown, copy it)."""
    item = linked_item(session, matter.id)
    if matter.sol_date is None:
        if item is None:
            return ""
        item.deleted_at = utc_now
        add_note(item, "The matter's limitation date was cleared: removed from the calendar.", now)
        return "removed"
    done = ""
    if item is None:
        item = linked_item(session, matter.id, deleted=True)
        if item is not None:  # the date set again after it was cleared: the same item comes back
            item.deleted_at = None
            add_note(item, "The matter's limitation date was set again: back on the calendar.", now)
            done = "restored"
    if item is None:
        item = EventRow(matter_id=matter.id, kind=SOL_KIND, title=SOL_TITLE, all_day=True,
                        on_date=matter.sol_date, tz="", status="scheduled", docketed_by="", verified_by="",
                        derivation="", notes=matter.sol_note, rule_key=SOL_RULE_KEY, location="")
        add_note(item, f"Calendared from the matter's limitation date, {format_date(matter.sol_date)}.", now)
        session.add(item)
        session.flush()
        return "created"
    if item.on_date != matter.sol_date:
        add_note(item, f"The matter's limitation date moved from {format_date(item.on_date)} to "
                       f"{format_date(matter.sol_date)}.", now)
        item.on_date, item.verified_by = matter.sol_date, ""  # a moved date is verified again
        done = done or "moved"
    if old_note is None or old_note != matter.sol_note:
        item.notes = matter.sol_note
    return done


def backfill(store: Store) -> int:
    """Calendar the SOL of every open matter that has one, from today on, but never had a linked item; returns how
    many were made. (A date already past is not made an overdue item on every older matter: saving the matter
    calendars it.)

    Idempotent: a matter whose item exists (or was deleted on the calendar) is left alone. It runs on every opening
    of a database, so it only reads unless there is something to calendar: a file opened for a command that is then
    refused stays unchanged."""
    today = store.clock.today()
    with store.read() as session:
        if not session.scalar(select(exists(_missing(today)))):
            return 0
    with store.write() as session:
        return backfill_in(session, today, store.clock.now(), store.clock.utc_now())


def _missing(today: date) -> Select[MatterRow]:
    linked = exists().where(EventRow.matter_id == MatterRow.id, EventRow.rule_key == SOL_RULE_KEY)
    return select(MatterRow).where(MatterRow.sol_date >= today, MatterRow.status != "closed", ~linked)


def backfill_in(session: Session, today: date, now: datetime, utc_now: datetime) -> int:
    """backfill within a write transaction already open (the demo's)."""
    rows = session.scalars(_missing(today)).all()
    for row in rows:
        sync(session, row, now, utc_now)
    return len(rows)


def matter_date_follows(session: Session, item: EventRow, now: datetime) -> None:
    """After the SOL item itself was moved on the calendar: the matter's date moves with it."""
    if item.rule_key != SOL_RULE_KEY or item.matter_id is None or item.deleted_at is not None:
        return
    matter = session.get(MatterRow, item.matter_id)
    if matter is not None and matter.sol_date != item.on_date:
        add_note(item, f"Moved on the calendar: the matter's limitation date is now {format_date(item.on_date)}.",
                 now)
        matter.sol_date = item.on_date
