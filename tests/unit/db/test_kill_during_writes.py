"""Killed with SIGKILL in the middle of writing, many times: nothing reported saved is ever lost."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from legalsec_desktop.db import sqlite_file
from legalsec_desktop.db.store import open_store

WRITER = r"""
import sys
from pathlib import Path
from legalsec_desktop.db.store import open_store
from legalsec_desktop.db.models import ContactRow
store = open_store(Path(sys.argv[1]))
start = int(sys.argv[2])
for n in range(start, start + 100000):
    with store.write() as session:
        session.add(ContactRow(name=f"Saved {n}", sort_name=f"Saved {n}", notes="x" * (n % 3000)))
    print(n, flush=True)   # reported saved only after the commit returned
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_kill_9_many_times_loses_nothing_reported(db_path):
    open_store(db_path).close()
    rng = random.Random(42)
    reported: set[int] = set()
    next_start = 0
    for _round in range(12):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), str(next_start)],
                                stdout=subprocess.PIPE, text=True)
        first = proc.stdout.readline()  # writing has begun (start-up time varies with the machine's load)
        time.sleep(rng.random() * 0.6)
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        numbers = [int(line) for line in (first + out).split()]
        reported.update(numbers)
        next_start = (max(numbers) + 1) if numbers else next_start + 100000
        assert sqlite_file.check_database(db_path) == []
    assert len(reported) > 50, "the writer should have saved something between kills"
    conn = sqlite_file.connect(db_path, read_only=True)
    stored = {int(row[0].split()[1]) for row in conn.execute("SELECT name FROM contact")}
    conn.close()
    assert reported <= stored


UPGRADER = r"""
import sys
from pathlib import Path
from legalsec_desktop.services.database import open_database
import legalsec_desktop.db.migrate, legalsec_desktop.db.store, alembic.command  # loaded: the kill falls in the work
print("upgrading", flush=True)
open_database(Path(sys.argv[1]), Path(sys.argv[2])).close()
print("done", flush=True)
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_kill_9_during_an_upgrade_loses_nothing(tmp_path):
    """Killed at random moments of an upgrade: the file is the old revision whole, or the new one whole."""
    import shutil
    from pathlib import Path

    fixture = Path(__file__).resolve().parents[2] / "data" / "migrations" / "rev-0001.db"
    before = table_counts(fixture)
    rng = random.Random(7)
    outcomes = set()
    for round_ in range(10):
        db = tmp_path / f"round-{round_}.db"
        shutil.copyfile(fixture, db)
        proc = subprocess.Popen([sys.executable, "-c", UPGRADER, str(db), str(tmp_path / "backups")],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "upgrading"
        time.sleep(rng.random() * 0.5)
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        outcomes.add("done" in out)
        assert sqlite_file.check_database(db) == []
        store = open_store(db)  # finishes the upgrade if it was cut short
        store.close()
        after = table_counts(db)
        assert {table: after[table] for table in before} == before, f"round {round_}"
    assert False in outcomes, "no round was killed mid-upgrade: the test proves nothing"


def table_counts(path) -> dict[str, int]:
    conn = sqlite_file.connect(path, read_only=True)
    try:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                 "AND name != 'alembic_version'")]
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
    finally:
        conn.close()
