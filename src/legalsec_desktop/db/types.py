"""Column types: instants are stored in UTC and always come back aware (tzinfo=UTC)."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import DateTime, Dialect
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """An instant: any aware datetime is stored as UTC; what is read back is aware UTC.

    SQLite keeps it as text without an offset, as these columns always have been, so rows written before
    this type read back unchanged. A naive value given to it is taken as UTC: the store's one convention for
    instants (a wall-clock time must be turned into an instant with its zone first, see domain/clock.to_utc).
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is None:
            return value
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def as_utc(value: datetime) -> datetime:
    """`value` as an aware UTC instant (a naive one is taken as UTC, as the store takes it)."""
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
