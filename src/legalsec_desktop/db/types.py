"""Column types: instants are stored in UTC and always come back aware (tzinfo=UTC)."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import DateTime, Dialect
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """An instant: any aware datetime is stored as UTC; what is read back is aware UTC.

    SQLite keeps it as text without an offset, as these columns always have been, so rows written before
    this type read back unchanged (a naive value read is UTC). A naive value to write is refused: a wall-clock
    time must be turned into an instant with its zone first (clock.utc_now(), domain/clock.from_local).
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:  # a wall-clock time would be stored hours off, silently: a bug, not data
            raise ValueError("an instant to store must be aware (use clock.utc_now() or domain.clock.from_local)")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def as_utc(value: datetime) -> datetime:
    """`value` as an aware UTC instant (a naive one is taken as UTC, as the store takes it)."""
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
