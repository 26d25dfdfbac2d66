"""Retention rules as the firm edits them, and each closed file's destroy-after date and its derivation.

A file's `destroy_after` is the first day it may be destroyed (the destruction review lists the files whose date
is on or before the day it is run for); a permanent rule leaves it empty. The date is set when the matter closes
and recomputed when its rule's years change, for files not yet destroyed only: a destroyed file keeps what it had.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from legalsec_desktop.db.file_room_models import RetentionRuleRow
from legalsec_desktop.db.models import FileRecordRow, MatterRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.closing import check_rule, rule_term
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import Retention, destroy_after, retention_note
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.services.ordering import move_in_order
from legalsec_desktop.services.volumes import log_movement

GONE = "That retention rule no longer exists."


@dataclass(frozen=True)
class RuleItem:
    """A retention rule with how many files not yet destroyed are under it."""

    id: int
    name: str
    practice_area: str  # '' for any matter
    years: int | None  # None: permanent
    notes: str
    retired: bool
    files: int = 0

    @property
    def retention(self) -> Retention:
        return Retention(self.id, self.name, self.practice_area, self.years, self.notes)

    @property
    def term(self) -> str:
        return rule_term(self.years).capitalize()


def _live_under(rule_id: int) -> tuple[ColumnElement[bool], ...]:
    return (FileRecordRow.retention_rule_id == rule_id, FileRecordRow.destroyed_at.is_(None))


def rules(store: Store, include_retired: bool = False) -> list[RuleItem]:
    """The rules in the firm's order (the first general one is the default for any practice area)."""
    with store.read() as session:
        counts = dict(session.execute(
            select(FileRecordRow.retention_rule_id, func.count()).where(FileRecordRow.destroyed_at.is_(None),
                                                                        FileRecordRow.retention_rule_id.is_not(None))
            .group_by(FileRecordRow.retention_rule_id)).all())
        query = select(RetentionRuleRow).order_by(RetentionRuleRow.position, RetentionRuleRow.id)
        if not include_retired:
            query = query.where(RetentionRuleRow.retired_at.is_(None))
        return [RuleItem(r.id, r.name, r.practice_area, r.years, r.notes, r.retired_at is not None,
                         counts.get(r.id, 0)) for r in session.scalars(query)]


def _check_name_free(session: Session, name: str, rule_id: int | None) -> None:
    for other_id, other in session.execute(select(RetentionRuleRow.id, RetentionRuleRow.name)).all():
        if other_id != rule_id and other.casefold() == name.casefold():
            raise ValidationError("name", f"A rule named \"{other}\" exists already.")


def add_rule(store: Store, name: str, practice_area: str = "", years: int | None = 7, notes: str = "") -> int:
    name = check_rule(name, years)
    with store.write() as session:
        _check_name_free(session, name, None)
        last = session.scalar(select(func.max(RetentionRuleRow.position))) or 0
        row = RetentionRuleRow(name=name, practice_area=" ".join(practice_area.split()), years=years,
                               notes=notes.strip(), position=last + 1)
        session.add(row)
        session.flush()
        return row.id


def _rule(session: Session, rule_id: int) -> RetentionRuleRow:
    row = session.get(RetentionRuleRow, rule_id)
    if row is None:
        raise ValidationError("name", GONE)
    return row


def _as_retention(row: RetentionRuleRow) -> Retention:
    return Retention(row.id, row.name, row.practice_area, row.years, row.notes)


def volumes_affected(store: Store, rule_id: int, years: int | None) -> int:
    """How many closed files not yet destroyed would get another destroy-after date if the rule kept `years`
    (what the rules editor asks about before saving)."""
    with store.read() as session:
        rule = _rule(session, rule_id)
        trial = Retention(rule.id, rule.name, rule.practice_area, years)
        found = session.execute(select(FileRecordRow.closed_on, FileRecordRow.destroy_after).where(
            *_live_under(rule_id), FileRecordRow.closed_on.is_not(None))).all()
        return sum(1 for closed_on, after in found
                   if closed_on is not None and destroy_after(closed_on, trial) != after)


def edit_rule(store: Store, rule_id: int, name: str, practice_area: str, years: int | None, notes: str = "") -> int:
    """Saves the rule; the closed files under it not yet destroyed get their date and note again. Returns how many
    files' destroy-after dates changed."""
    name = check_rule(name, years)
    with store.write() as session:
        row = _rule(session, rule_id)
        _check_name_free(session, name, rule_id)
        row.name, row.practice_area = name, " ".join(practice_area.split())
        row.years, row.notes = years, notes.strip()
        session.flush()
        changed = 0
        for volume in session.scalars(select(FileRecordRow).where(*_live_under(rule_id),
                                                                  FileRecordRow.closed_on.is_not(None))):
            assert volume.closed_on is not None  # selected so
            before = volume.destroy_after
            stamp(volume, row, volume.closed_on)
            changed += before != volume.destroy_after
        return changed


def retire_rule(store: Store, rule_id: int, retired: bool = True) -> None:
    """Takes a rule out of the choices for new closings (or brings it back); files under it keep it."""
    with store.write() as session:
        row = _rule(session, rule_id)
        if retired and row.retired_at is None:
            active = session.scalar(select(func.count()).select_from(RetentionRuleRow).where(
                RetentionRuleRow.retired_at.is_(None), RetentionRuleRow.years.is_not(None),
                RetentionRuleRow.practice_area == "", RetentionRuleRow.id != rule_id))
            if not row.practice_area and row.years is not None and not active:
                raise ValidationError("name", "Keep one general rule with a number of years: it is the default "
                                              "for matters of any practice area.")
            row.retired_at = store.clock.utc_now()
        elif not retired:
            row.retired_at = None


def move_rule(store: Store, rule_id: int, step: int) -> None:
    """Moves a rule up (step -1) or down (+1) in the firm's order."""
    with store.write() as session:
        move_in_order(session, RetentionRuleRow, rule_id, step, "name", GONE)


# --- a volume's retention --------------------------------------------------------------------------------------
def stamp(volume: FileRecordRow, rule: RetentionRuleRow | None, closed_on: date) -> None:
    """Sets a closed file's rule, its destroy-after date and how that date was reached."""
    volume.closed_on = closed_on
    volume.retention_rule_id = rule.id if rule is not None else None
    if rule is None:
        volume.destroy_after = None
        volume.retention_note = f"Closed {format_date(closed_on)}; no retention rule chosen."
        return
    retention = _as_retention(rule)
    volume.destroy_after = destroy_after(closed_on, retention)
    volume.retention_note = retention_note(closed_on, retention)


def live_volumes(session: Session, matter_id: int) -> list[FileRecordRow]:
    return list(session.scalars(select(FileRecordRow).where(FileRecordRow.matter_id == matter_id,
                                                            FileRecordRow.destroyed_at.is_(None))
                                .order_by(FileRecordRow.label, FileRecordRow.id)))


def reopen_files(session: Session, store: Store, matter: MatterRow, by: str | None = None) -> int:
    """A reopened matter's files: retention stops running (no closing date, no destroy-after date) until it closes
    again, when it starts afresh; each keeps its retention category, offered again at the next closing, and gets a
    'reopened' line in its log. Returns how many files."""
    today = store.clock.today()
    count = 0
    for volume in live_volumes(session, matter.id):
        if volume.closed_on is None and volume.destroy_after is None:
            continue
        volume.closed_on, volume.destroy_after = None, None
        volume.retention_note = (f"Matter reopened {format_date(today)}: retention starts again when it closes.")
        log_movement(session, store, volume.id, "reopened", by=by, reason=f"Matter {matter.number} reopened")
        count += 1
    return count


def redate_files(session: Session, store: Store, matter: MatterRow) -> int:
    """A closed matter's closing date corrected: its files' dates follow (their rules unchanged)."""
    if matter.closed_on is None:
        return 0
    count = 0
    for volume in live_volumes(session, matter.id):
        if volume.closed_on is None:
            continue
        rule = session.get(RetentionRuleRow, volume.retention_rule_id) if volume.retention_rule_id else None
        stamp(volume, rule, matter.closed_on)
        count += 1
    return count
