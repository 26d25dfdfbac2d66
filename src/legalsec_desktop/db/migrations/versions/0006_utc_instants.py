"""utc instants: deletion times, conflict-check times and communication times move from local time to UTC

Revision ID: 0006
Revises: 0005

These columns held naive wall-clock time of the computer that wrote them; from this revision they hold UTC,
as the other instants already do (db.types.UtcDateTime). A converted value is written in the format
SQLAlchemy's DateTime keeps in SQLite ("YYYY-MM-DD HH:MM:SS.ffffff"); no column's type or table changes,
so no table is rebuilt, and only the values that change are written.

The zone the old values are read in is this computer's local zone when the upgrade runs (the best guess
there is: they were written on it). A wall-clock time the clocks passed twice (the hour repeated when they
fall back) becomes the EARLIER of its two instants; one they skipped (the hour lost when they spring
forward), which no clock showed and only a typed time can hold, is read with the offset in force before
the change. A value that is not a date and time is left as it is (and counted in the log).

Timed events without a zone kept their wall-clock time in start_utc/end_utc too (a blank zone was read as
UTC until this revision; it now means this computer's zone): they are converted the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone
import logging
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# (table, column, which rows) that held local time until this revision.
COLUMNS = (
    ("contact", "deleted_at", ""),
    ("party", "deleted_at", ""),
    ("event", "deleted_at", ""),
    ("communication", "occurred_at", ""),
    ("communication", "deleted_at", ""),
    ("conflict_check", "checked_at", ""),
    ("conflict_check", "decided_at", ""),
)
log = logging.getLogger("legalsec")
KEPT = [0]  # values left as they were by the running conversion
BATCH = 20_000


def local_to_utc(local: datetime) -> datetime:
    """Naive local wall-clock time as naive UTC (the earlier instant of a repeated time; see the docstring)."""
    earlier = local.replace(fold=0).astimezone(timezone.utc)  # fold=0: the earlier of two moments, as documented
    if earlier.astimezone().replace(tzinfo=None) == local:
        return earlier.replace(tzinfo=None)
    # No clock showed it (a skipped time): the offset before the change gives the later of the two readings.
    return max(earlier, local.replace(fold=1).astimezone(timezone.utc)).replace(tzinfo=None)


def utc_to_local(utc: datetime) -> datetime:
    """Naive UTC as naive local wall-clock time (the downgrade)."""
    return utc.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def _convert_text(value: str, convert: Callable[[datetime], datetime], seen: dict[str, str]) -> str:
    """The stored text of `value` converted; the same text always converts the same way (so it is cached)."""
    found = seen.get(value)
    if found is None:
        try:
            parsed = datetime.fromisoformat(value)
            found = value if parsed.tzinfo is not None else convert(parsed).isoformat(" ", "microseconds")
        except (ValueError, OverflowError, OSError):  # not a date and time, or one the system cannot place
            found = value  # keep it as it is: never lose it
            KEPT[0] += 1  # counted for the log; never the values (client data)
        seen[value] = found
    return found


def _changes(rows: Iterable[Sequence[Any]], convert: Callable[[datetime], datetime],
             seen: dict[str, str]) -> list[dict[str, object]]:
    changes = []
    for row_id, value in rows:
        if not isinstance(value, str):
            continue  # a number or a blob where a date belongs: not this migration's to guess
        new = _convert_text(value, convert, seen)
        if new != value:
            changes.append({"id": row_id, "value": new})
    return changes


def _convert(convert: Callable[[datetime], datetime]) -> None:
    connection = op.get_bind()
    seen: dict[str, str] = {}
    KEPT[0] = 0
    for table, column, which in COLUMNS:
        rows = connection.execute(sa.text(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL {which}")).all()
        changes = _changes(rows, convert, seen)
        for start in range(0, len(changes), BATCH):
            connection.execute(sa.text(f"UPDATE {table} SET {column} = :value WHERE id = :id"),
                               changes[start:start + BATCH])
    _convert_zoneless_events(connection, convert, seen)
    if KEPT[0]:
        log.warning("upgrade 0006: %d stored times could not be converted to UTC and were kept as they were",
                    KEPT[0])


def _convert_zoneless_events(connection: Any, convert: Callable[[datetime], datetime], seen: dict[str, str]) -> None:
    """Both ends of a timed event at once: the table checks that it ends after it starts."""
    rows = connection.execute(sa.text(
        "SELECT id, start_utc, end_utc FROM event WHERE tz = '' AND NOT all_day AND start_utc IS NOT NULL")).all()
    changes = []
    for row_id, start, end in rows:
        if not isinstance(start, str) or not isinstance(end, (str, type(None))):
            continue
        new_start = _convert_text(start, convert, seen)
        new_end = _convert_text(end, convert, seen) if end is not None else None
        if (new_start, new_end) != (start, end):
            changes.append({"id": row_id, "start": new_start, "end": new_end})
    for first in range(0, len(changes), BATCH):
        connection.execute(sa.text("UPDATE event SET start_utc = :start, end_utc = :end WHERE id = :id"),
                           changes[first:first + BATCH])


def upgrade() -> None:
    _convert(local_to_utc)


def downgrade() -> None:
    _convert(utc_to_local)
