"""The tickler: reminders that fall due a set number of days before each event, and their dismissal."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import delete, select

from legalsec_desktop.db.models import FirmRow, ReminderAckRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.events import DEFAULT_LEADS, KINDS
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.services.calendar import Filters, Occurrence, events_between


@dataclass(frozen=True)
class Reminder:
    occurrence: Occurrence
    lead_days: int  # the lead time that fell due most recently

    @property
    def key(self) -> tuple[int, date, int]:
        return self.occurrence.event_id, self.occurrence.day, self.lead_days

    def says(self, today: date) -> str:
        days = (self.occurrence.day - today).days
        return "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"


def load_leads(store: Store) -> dict[str, tuple[int, ...]]:
    """Reminder lead times in days, per event kind (the firm's, else the defaults)."""
    with store.read() as session:
        firm = session.scalars(select(FirmRow)).first()
        text = firm.reminder_leads if firm is not None else ""
    leads = dict(DEFAULT_LEADS)
    if text:
        try:
            leads.update({k: tuple(v) for k, v in json.loads(text).items() if k in KINDS})
        except (ValueError, AttributeError, TypeError):
            pass  # damaged settings: fall back to the defaults rather than lose reminders
    return leads


def save_leads(store: Store, leads: dict[str, tuple[int, ...]]) -> None:
    for kind in leads:
        if kind not in KINDS:
            raise ValidationError("leads", f"“{kind}” is not a kind of event.")
    with store.write() as session:
        firm = session.scalars(select(FirmRow)).first()
        if firm is None:
            raise ValidationError("leads", "Set up the firm first (File ▸ Settings).")
        firm.reminder_leads = json.dumps({k: list(v) for k, v in leads.items()})


def due_reminders(store: Store, today: date, filters: Filters = Filters()) -> list[Reminder]:
    """Reminders fallen due by `today` for scheduled events from today on, not yet dismissed; soonest first."""
    leads = load_leads(store)
    horizon = max((max(v) for v in leads.values() if v), default=0)
    with store.read() as session:
        acks = session.execute(select(ReminderAckRow.event_id, ReminderAckRow.occurrence_date,
                                      ReminderAckRow.lead_days)).all()
    dismissed = {tuple(row) for row in acks}
    found = []
    wanted = replace(filters, scheduled_only=True, kinds=filters.kinds or tuple(k for k, v in leads.items() if v))
    for occ in events_between(store, today, today + timedelta(days=horizon + 1), wanted):
        if occ.status != "scheduled":
            continue
        days_left = (occ.day - today).days
        passed = [lead for lead in leads.get(occ.kind, ()) if lead >= days_left]
        if not passed:
            continue
        reminder = Reminder(occ, min(passed))
        if reminder.key not in dismissed:
            found.append(reminder)
    return found


def dismiss(store: Store, reminders: list[Reminder]) -> None:
    with store.write() as session:
        for reminder in reminders:
            event_id, day, lead = reminder.key
            session.merge(ReminderAckRow(event_id=event_id, occurrence_date=day, lead_days=lead))


def undismiss(store: Store, reminders: list[Reminder]) -> None:
    with store.write() as session:
        for reminder in reminders:
            event_id, day, lead = reminder.key
            session.execute(delete(ReminderAckRow).where(ReminderAckRow.event_id == event_id,
                                                         ReminderAckRow.occurrence_date == day,
                                                         ReminderAckRow.lead_days == lead))
