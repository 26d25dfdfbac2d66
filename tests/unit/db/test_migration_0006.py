"""Migration 0006: the local times of old rows become the same instants in UTC (DST included), and back."""

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command

from legalsec_desktop.db.migrate import alembic_config
from legalsec_desktop.db.store import make_engine
from legalsec_desktop.services import communications, conflicts, listings
from legalsec_desktop.services.database import open_database

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "migrations"

# communication id -> (occurred_at as a 0005 database in New York held it, as 0006 must hold it)
NEW_YORK_TIMES = {
    1: ("2026-07-01 16:30:00.000000", "2026-07-01 20:30:00.000000"),  # summer time, UTC-4
    2: ("2026-01-15 16:30:00", "2026-01-15 21:30:00.000000"),  # winter time, UTC-5; written without microseconds
    3: ("2026-11-01 01:30:00.000000", "2026-11-01 05:30:00.000000"),  # passed twice: the earlier (EDT) instant
    4: ("2026-03-08 02:30:00.000000", "2026-03-08 07:30:00.000000"),  # skipped: read with the offset before (EST)
    5: ("not a date", "not a date"),  # kept as it is, never lost
}


@pytest.fixture
def old_database(tmp_path):
    """A copy of the revision 0005 fixture, with the times above written into it as that revision kept them."""
    path = tmp_path / "rev-0005 copy.db"
    shutil.copyfile(FIXTURES / "rev-0005.db", path)
    conn = sqlite3.connect(path)
    try:
        for entry, (old, _new) in NEW_YORK_TIMES.items():
            conn.execute("UPDATE communication SET occurred_at = ?, deleted_at = NULL WHERE id = ?", (old, entry))
        conn.execute("UPDATE communication SET deleted_at = '2026-11-01 01:59:59.000000' WHERE id = 6")
        conn.execute("UPDATE contact SET deleted_at = '2026-06-30 23:15:00.000000' WHERE id = 1")
        conn.execute("UPDATE conflict_check SET checked_at = '2026-12-31 21:00:00.000000', "
                     "decided_at = '2026-12-31 21:30:00.000000' WHERE id = 1")
        conn.commit()
    finally:
        conn.close()
    return path


def values(path, sql):
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute(sql)]
    finally:
        conn.close()


def occurred(path):
    return {entry: value for entry, value in zip(
        NEW_YORK_TIMES, values(path, "SELECT occurred_at FROM communication WHERE id <= 5 ORDER BY id"))}


def test_old_local_times_become_utc_in_new_york(old_database, tmp_path, local_zone):
    local_zone("America/New_York")
    open_database(old_database, tmp_path / "backups").close()

    assert occurred(old_database) == {entry: new for entry, (_old, new) in NEW_YORK_TIMES.items()}
    assert values(old_database, "SELECT deleted_at FROM communication WHERE id = 6") == ["2026-11-01 05:59:59.000000"]
    assert values(old_database, "SELECT deleted_at FROM contact WHERE id = 1") == ["2026-07-01 03:15:00.000000"]
    assert values(old_database, "SELECT checked_at FROM conflict_check WHERE id = 1") == \
        ["2027-01-01 02:00:00.000000"]
    assert values(old_database, "SELECT decided_at FROM conflict_check WHERE id = 1") == ["2027-01-01 02:30:00.000000"]


def test_after_the_upgrade_the_program_shows_the_times_as_they_were(old_database, tmp_path, local_zone):
    local_zone("America/New_York")
    store = open_database(old_database, tmp_path / "backups")
    try:
        shown = listings.fetch_rows(store, "communications", [1, 2, 3])
        assert [shown[i].occurred_at for i in (1, 2, 3)] == [
            datetime(2026, 7, 1, 16, 30), datetime(2026, 1, 15, 16, 30), datetime(2026, 11, 1, 1, 30)]
        assert communications.load_communication(store, 1).occurred_at == datetime(2026, 7, 1, 16, 30)
        record = conflicts.load_check(store, 1)
        assert (record.checked_at, record.decided_at) == (datetime(2026, 12, 31, 21, 0), datetime(2026, 12, 31, 21, 30))
    finally:
        store.close()


def test_a_repeated_time_in_berlin_is_its_earlier_instant(old_database, tmp_path, local_zone):
    local_zone("Europe/Berlin")
    conn = sqlite3.connect(old_database)
    conn.execute("UPDATE communication SET occurred_at = '2026-10-25 02:30:00.000000' WHERE id = 1")
    conn.commit()
    conn.close()
    open_database(old_database, tmp_path / "backups").close()
    assert values(old_database, "SELECT occurred_at FROM communication WHERE id = 1") == ["2026-10-25 00:30:00.000000"]


def test_on_a_utc_computer_no_instant_changes(old_database, tmp_path, local_zone):
    local_zone("UTC")
    open_database(old_database, tmp_path / "backups").close()
    expected = {entry: old for entry, (old, _new) in NEW_YORK_TIMES.items()}
    expected[2] = "2026-01-15 16:30:00.000000"  # the same instant, in the one stored format
    assert occurred(old_database) == expected


def test_the_downgrade_gives_back_the_local_times(old_database, tmp_path, local_zone):
    local_zone("America/New_York")
    open_database(old_database, tmp_path / "backups").close()
    engine = make_engine(old_database)
    try:
        with engine.connect() as connection:
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")
            with connection.begin():
                config = alembic_config()
                config.attributes["connection"] = connection
                command.downgrade(config, "0005")
    finally:
        engine.dispose()
    back = occurred(old_database)
    assert back[1] == "2026-07-01 16:30:00.000000" and back[3] == "2026-11-01 01:30:00.000000"
    assert back[2] == "2026-01-15 16:30:00.000000"  # in the one stored format now
    assert back[4] == "2026-03-08 03:30:00.000000"  # the skipped 2:30 comes back as the time it was read as
    assert back[5] == "not a date"
    assert values(old_database, "SELECT version_num FROM alembic_version") == ["0005"]


def test_a_timed_event_without_a_zone_moves_to_utc_and_one_with_a_zone_stays(old_database, tmp_path, local_zone):
    local_zone("America/New_York")
    conn = sqlite3.connect(old_database)
    timed = [row[0] for row in conn.execute("SELECT id FROM event WHERE NOT all_day ORDER BY id LIMIT 2")]
    conn.execute("UPDATE event SET tz = '', start_utc = '2026-07-01 09:00:00.000000', "
                 "end_utc = '2026-07-01 10:00:00.000000' WHERE id = ?", (timed[0],))
    zoned = values(old_database, f"SELECT start_utc FROM event WHERE id = {timed[1]}")
    conn.commit()
    conn.close()
    open_database(old_database, tmp_path / "backups").close()
    assert values(old_database, f"SELECT start_utc, end_utc FROM event WHERE id = {timed[0]}") == \
        ["2026-07-01 13:00:00.000000"]
    assert values(old_database, f"SELECT end_utc FROM event WHERE id = {timed[0]}") == ["2026-07-01 14:00:00.000000"]
    assert values(old_database, f"SELECT start_utc FROM event WHERE id = {timed[1]}") == zoned  # already UTC


def test_values_kept_unconverted_are_counted_in_the_log_without_their_text(old_database, tmp_path, local_zone,
                                                                          caplog):
    local_zone("America/New_York")
    with caplog.at_level("WARNING", logger="legalsec"):
        open_database(old_database, tmp_path / "backups").close()
    kept = [r.getMessage() for r in caplog.records if "0006" in r.getMessage()]
    assert kept == ["upgrade 0006: 1 stored times could not be converted to UTC and were kept as they were"]
    assert "not a date" not in caplog.text
