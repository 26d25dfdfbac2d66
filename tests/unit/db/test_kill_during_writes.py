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
        time.sleep(0.4 + rng.random() * 0.8)
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        numbers = [int(line) for line in out.split()]
        reported.update(numbers)
        next_start = (max(numbers) + 1) if numbers else next_start + 100000
        assert sqlite_file.check_database(db_path) == []
    assert len(reported) > 50, "the writer should have saved something between kills"
    conn = sqlite_file.connect(db_path, read_only=True)
    stored = {int(row[0].split()[1]) for row in conn.execute("SELECT name FROM contact")}
    conn.close()
    assert reported <= stored
