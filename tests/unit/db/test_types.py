"""Instants are stored in UTC and read back aware: whatever zone wrote them, and rows from before the type."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text
from sqlalchemy.exc import StatementError

from legalsec_desktop.db.models import EventRow, FirmRow, TimerRow
from legalsec_desktop.db.types import UtcDateTime, as_utc

NEW_YORK, TOKYO = ZoneInfo("America/New_York"), ZoneInfo("Asia/Tokyo")


def _table():
    engine = create_engine("sqlite://")
    table = Table("t", MetaData(), Column("id", Integer, primary_key=True), Column("at", UtcDateTime))
    table.metadata.create_all(engine)
    return engine, table


def test_an_instant_written_in_one_zone_reads_back_equal_aware_and_utc():
    engine, table = _table()
    written = datetime(2026, 3, 8, 1, 30, tzinfo=NEW_YORK)  # the night the clocks spring forward
    with engine.begin() as connection:
        connection.execute(insert(table).values(id=1, at=written))
        connection.execute(insert(table).values(id=2, at=written.astimezone(TOKYO)))
        stored = connection.execute(text("SELECT at FROM t ORDER BY id")).scalars().all()
        found = connection.execute(select(table.c.at).order_by(table.c.id)).scalars().all()
    assert stored == ["2026-03-08 06:30:00.000000"] * 2  # plain UTC text, as the columns always held
    assert found == [written, written] and all(value.tzinfo is timezone.utc for value in found)
    assert found[0].hour == 6


def test_comparisons_in_sql_use_the_instant_not_the_zone_it_was_written_in():
    engine, table = _table()
    noon_utc = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
    with engine.begin() as connection:
        connection.execute(insert(table).values(id=1, at=noon_utc))
        later = noon_utc.astimezone(TOKYO) + timedelta(minutes=1)
        assert connection.execute(select(table.c.id).where(table.c.at < later)).scalars().all() == [1]
        assert connection.execute(select(table.c.id).where(table.c.at > later)).scalars().all() == []


def test_rows_written_before_the_type_naive_utc_read_as_utc():
    engine, table = _table()
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO t (id, at) VALUES (1, '2026-11-23 14:00:00.000000'), (2, NULL)"))
        found = connection.execute(select(table.c.at).order_by(table.c.id)).scalars().all()
    assert found == [datetime(2026, 11, 23, 14, 0, tzinfo=timezone.utc), None]


def test_a_naive_value_is_refused_on_writing():
    """A wall-clock time stored as if it were UTC would be hours off with no error: it is a bug, so it stops."""
    engine, table = _table()
    with pytest.raises(StatementError, match="must be aware"), engine.begin() as connection:
        connection.execute(insert(table).values(id=1, at=datetime(2026, 11, 23, 14, 0)))
    with engine.begin() as connection:
        assert connection.execute(select(table.c.id)).scalars().all() == []
    assert as_utc(datetime(2026, 1, 1, 9, 0)) == datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc)
    assert as_utc(datetime(2026, 1, 1, 18, 0, tzinfo=TOKYO)).tzinfo is timezone.utc
    assert as_utc(datetime(2026, 1, 1, 9, 0)) == datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc)
    assert as_utc(datetime(2026, 1, 1, 18, 0, tzinfo=TOKYO)).tzinfo is timezone.utc


def test_the_models_instants_are_utc_columns():
    for column in (EventRow.start_utc, EventRow.end_utc, TimerRow.started_at, TimerRow.created_at,
                   FirmRow.set_up_at):
        assert isinstance(column.property.columns[0].type, UtcDateTime), column


def test_every_date_and_time_column_is_an_instant_in_utc():
    """No column keeps naive local time any more (deletions, conflict checks and communications did until 0006)."""
    from sqlalchemy import DateTime

    from legalsec_desktop.db.models import Base

    timed = [f"{table.name}.{column.name}" for table in Base.metadata.sorted_tables for column in table.columns
             if isinstance(column.type, (DateTime, UtcDateTime))]
    assert "communication.occurred_at" in timed and "conflict_check.checked_at" in timed
    naive = [name for name in timed
             if not isinstance(Base.metadata.tables[name.split(".")[0]].c[name.split(".")[1]].type, UtcDateTime)]
    assert naive == []
