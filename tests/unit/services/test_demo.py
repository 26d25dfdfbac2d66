"""The demo practice: deterministic, realistic, and never overwriting a database by accident."""

import sqlite3
from datetime import date

import pytest

from legalsec_desktop.db import sqlite_file
from legalsec_desktop.services.demo import DemoCancelled, DemoExistsError, build_demo

TODAY = date(2026, 11, 23)


def dump(path):
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in ("contact", "matter", "event", "time_entry", "file_record", "communication")}
    finally:
        conn.close()


def test_same_seed_and_date_give_the_same_practice(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    build_demo(a, "small", seed=3, today=TODAY)
    build_demo(b, "small", seed=3, today=TODAY)
    assert dump(a) == dump(b)
    build_demo(c := tmp_path / "c.db", "small", seed=4, today=TODAY)
    assert dump(c) != dump(a)


def test_demo_is_sound_and_busy_around_today(small_demo_master):
    assert sqlite_file.check_database(small_demo_master) == []
    conn = sqlite3.connect(small_demo_master)
    try:
        today = conn.execute("SELECT count(*) FROM event WHERE on_date = ?", (TODAY.isoformat(),)).fetchone()[0]
        weekend = conn.execute("SELECT count(*) FROM event WHERE strftime('%w', on_date) IN ('0', '6')").fetchone()[0]
        numbers = [row[0] for row in conn.execute("SELECT number FROM matter")]
    finally:
        conn.close()
    assert today >= 1
    assert weekend == 0
    assert len(numbers) == len(set(numbers))


def test_never_overwrites_without_force(tmp_path):
    path = tmp_path / "mine.db"
    path.write_bytes(b"precious")
    with pytest.raises(DemoExistsError, match="--force"):
        build_demo(path, "small", today=TODAY)
    assert path.read_bytes() == b"precious"
    build_demo(path, "small", today=TODAY, force=True)
    assert sqlite_file.probe(path).revision is not None


def test_cancel_leaves_nothing_behind(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(DemoCancelled):
        build_demo(folder / "cancelled.db", "small", today=TODAY, progress=lambda *_: False)
    assert list(folder.iterdir()) == []


def test_huge_is_four_times_large_in_every_count():
    from dataclasses import asdict

    from legalsec_desktop.services.demo import SIZES

    large, huge = asdict(SIZES["large"]), asdict(SIZES["huge"])
    assert huge == {name: 4 * count for name, count in large.items()}
