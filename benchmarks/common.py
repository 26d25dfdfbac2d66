"""Shared helpers for the benchmarks: the large (and huge, 4x) demo databases and child-process timing."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"


# The start of a child that times the window: argv[2] is the database; `app`, `state` and `window` are ready,
# the window shown at 1280x800 over the opened (and, if older, migrated) database.
WINDOW_CHILD = r"""
import os, sys, time, tempfile
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # remembered settings start fresh, and the user's are untouched
db = Path(sys.argv[2])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from legalsec_desktop.services.database import open_database
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.main_window import MainWindow
from legalsec_desktop.ui.common.navigation import TabKey
state = AppState(db, Path(tempfile.mkdtemp()))
window = MainWindow(state, remember_layout=False)
window.resize(1280, 800)
state.set_store(open_database(db, Path(tempfile.mkdtemp())))
window.show(); app.processEvents()
"""


def large_demo() -> Path:
    """benchmarks/data/large.db, built once (about 10 s) and reused while its schema is the program's."""
    return demo_database("large")


def huge_demo() -> Path:
    """benchmarks/data/huge.db, four times the large demo, built once (about a minute) and reused the same way."""
    return demo_database("huge")


def demo_database(size: str) -> Path:
    """benchmarks/data/<size>.db: the demo of that size, built at today if missing or of an older schema."""
    from legalsec_desktop.services.database import needs_upgrade

    path = DATA / f"{size}.db"
    if path.exists() and needs_upgrade(path):  # built by an older version: measure the schema of today
        for stale in DATA.glob(f"{size}.db*"):
            stale.unlink()
    if not path.exists():
        from legalsec_desktop.clock import SYSTEM_CLOCK
        from legalsec_desktop.services.demo import build_demo

        DATA.mkdir(exist_ok=True)
        started = time.perf_counter()
        counts = build_demo(path, size, seed=1, today=SYSTEM_CLOCK.today())  # benchmarks run at today
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s: {counts}")
    return path


def deadline_requests(count: int = 10_000) -> list[Any]:
    """The same `count` deadline computations for every benchmark that times them: mixed rule sets, units and
    service, triggers over five years (seeded, so every run and every benchmark asks the same)."""
    from legalsec_desktop.domain.deadlines import Request

    rng = random.Random(4)
    rules = ("US-FED", "US-FED:MA", "CA", "NY", "TX")
    services = ("personal", "electronic", "mail", "mail-out-of-state", "overnight")
    requests = []
    for _ in range(count):
        unit = rng.choice(("days", "days", "days", "court_days", "monday_after_days"))
        requests.append(Request(rng.choice(rules), date(2025, 1, 1) + timedelta(days=rng.randrange(5 * 365)),
                                rng.randrange(1, 60), unit, before=unit == "court_days" and rng.random() < 0.5,
                                service=rng.choice(services)))
    return requests


def run_child(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run `code` in a fresh interpreter (cold imports); it prints `key=value` lines, which are returned.

    The child gets the parent's wall-clock start time as argv[1], so its figures include interpreter start-up,
    and this folder on its path, so it can use these helpers (`from common import deadline_requests`).
    """
    started = time.time()
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(HERE), env.get("PYTHONPATH", ""))))
    result = subprocess.run([sys.executable, "-c", code, repr(started), *args], capture_output=True, text=True,
                            env=env, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    figures = {}
    for line in result.stdout.splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            figures[key.strip()] = float(value)
    return figures


def summary(runs: list[dict[str, float]]) -> dict[str, tuple[float, float, float]]:
    """(first, median, worst) of each figure over the runs."""
    keys = runs[0].keys()
    return {k: (runs[0][k], statistics.median(r[k] for r in runs), max(r[k] for r in runs)) for k in keys}


def run_and_print(child: str) -> None:
    """The usual benchmark command line: --runs N fresh processes of `child`, then first/median/worst."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = large_demo()
    runs = [run_child(child, str(db)) for _ in range(args.runs)]
    print(f"{'figure':<22} {'first':>9} {'median':>9} {'worst':>9}")
    for key, (first, median, worst) in summary(runs).items():
        print(f"{key:<22} {first:9.1f} {median:9.1f} {worst:9.1f}")
