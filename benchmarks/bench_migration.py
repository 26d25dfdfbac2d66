"""Upgrade of the large demo practice from the oldest schema (0001) to the newest, against a floor.

The large demo is taken back to revision 0001 once (foreign keys off, so no row is lost) into
benchmarks/data/large-0001.db; each run upgrades a fresh copy in a child process exactly as the
program does (backup first, then the migrations). The floor, measured in the same run, is
`VACUUM INTO` of the same file: one full rewrite of every page, which no upgrade that rebuilds
tables can beat by much.

    .venv/bin/python benchmarks/bench_migration.py --runs 3
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, large_demo, run_child  # noqa: E402

CHILD = r"""
import sys, time, tempfile
from pathlib import Path
db = Path(sys.argv[2])
started = time.perf_counter()
from legalsec_desktop.services.database import open_database
steps = []
store = open_database(db, Path(tempfile.mkdtemp()), progress=lambda text, done, total: steps.append(text))
store.close()
print(f"upgrade_s={time.perf_counter() - started}")
print(f"steps={len(steps)}")
"""


def oldest_copy() -> Path:
    """The large demo at revision 0001, made once with the program's own downgrades (foreign keys off)."""
    target = DATA / "large-0001.db"
    if target.exists():
        return target
    from alembic import command

    from legalsec_desktop.db.migrate import alembic_config
    from legalsec_desktop.db.store import make_engine

    building = DATA / "large-0001.building.db"
    shutil.copyfile(large_demo(), building)
    engine = make_engine(building)
    with engine.connect() as connection:
        connection.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")
        with connection.begin():
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
    engine.dispose()
    with sqlite3.connect(building) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    building.replace(target)
    return target


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    source = oldest_copy()
    before = counts(source)
    upgrades, floors = [], []
    for run in range(args.runs):
        work = DATA / f"upgrade-run-{run}.db"
        shutil.copyfile(source, work)
        upgrades.append(run_child(CHILD, str(work))["upgrade_s"])
        after = counts(work)
        lost = {table: (n, after.get(table)) for table, n in before.items() if (after.get(table) or 0) < n}
        if lost:
            raise SystemExit(f"rows lost in the upgrade: {lost}")
        gained = {table: after[table] - n for table, n in before.items() if (after.get(table) or 0) > n}
        if run == 0 and gained:  # the opening calendars the matters' limitation dates (issue 15): new rows only
            print(f"rows added on opening: {gained}")
        floor_target = DATA / f"vacuum-run-{run}.db"
        floor_target.unlink(missing_ok=True)
        started = time.perf_counter()
        with sqlite3.connect(source) as conn:
            conn.execute("VACUUM INTO ?", (str(floor_target),))
        conn.close()
        floors.append(time.perf_counter() - started)
        work.unlink()
        floor_target.unlink()
    rows = sum(before.values())
    print(f"large demo at 0001: {rows:,} rows, {source.stat().st_size / 1e6:.0f} MB; every row kept")
    print(f"{'figure':<28} {'first':>8} {'median':>8} {'worst':>8}")
    for name, values in (("upgrade 0001 -> head (s)", upgrades), ("floor: VACUUM INTO (s)", floors)):
        print(f"{name:<28} {values[0]:8.2f} {statistics.median(values):8.2f} {max(values):8.2f}")
    print(f"upgrade / floor (medians): {statistics.median(upgrades) / statistics.median(floors):.1f}x")


if __name__ == "__main__":
    main()
