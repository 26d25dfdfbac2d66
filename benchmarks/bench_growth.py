"""Issue 20: every measure at 1x (the large demo) and 4x (the huge demo) in one run, with its growth and floor.

    python benchmarks/bench_growth.py [--runs N] [--rounds N] [--plans] [--no-window] [--only PREFIX,...]

Builds (or reuses) benchmarks/data/large.db and huge.db, then measures each database in a fresh child process
(growth_measures.py: one warm-up call and the median of --runs calls of each measure, through the program's public
service functions) and the Time tab's first switch and its matter picker's first use in --runs fresh window
processes per database (as bench_time.py). 1x and 4x alternate --rounds times and each figure is the lowest of its
rounds (the round the machine disturbed least: on a shared 2-core machine one median can be twice another). Prints
one table: measure, ms at 1x, ms at 4x, growth, and the floor at 1x and 4x where one is measured in the same run
(the same SQL through bare sqlite3, a plain read of the same rows, the bare writer).

Exits 1 when any measure grows more than 4.5x (a measure under 10 ms at 4x is too small to judge and is
reported, not failed). A benchmark run on demand, not part of the test suite. --plans prints SQLite's
EXPLAIN QUERY PLAN of every statement each measure runs, at 1x and 4x.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

from common import HERE, WINDOW_CHILD, huge_demo, large_demo, run_child

MOST_GROWTH = 4.5
TOO_SMALL_MS = 10.0

TIME_TAB_CHILD = WINDOW_CHILD + r"""
calendar = window.tab(TabKey.CALENDAR)
while calendar.stale or calendar.attention_pending:  # the Calendar's start-up reading is done: the tab's own time
    app.processEvents(); time.sleep(0.005)
t = time.perf_counter()
window.tabs.setCurrentWidget(window.tab(TabKey.TIME))
app.processEvents()
window.grab()
print(f"time_tab_first_switch={(time.perf_counter() - t) * 1000}")
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
t = time.perf_counter()  # the entry bar's matter picker clicked: both pickers read every matter (fill_when_used)
QTest.mouseClick(window.tab(TabKey.TIME).entry_bar.matter.lineEdit(), Qt.MouseButton.LeftButton)
app.processEvents()
print(f"time_matter_picker_first_used={(time.perf_counter() - t) * 1000}")
"""


# Each group of measures runs in a fresh process of its own: measured one after another in one process, a measure
# came out up to half again slower at 4x after the others had filled its heap and caches.
GROUPS = ("matters_,contacts_,events_,communications_,documents_", "time_ids,time_page,time_totals",
          "files_ids,files_page,files_by_label", "calendar_month", "files_listed", "matter_pane,search",
          "conflict", "timesheet", "deadlines", "docket")


def measured(db: str, runs: int, plans: bool, only: str) -> tuple[dict[str, float], list[str]]:
    """growth_measures.py over `db`, a fresh process per group of measures: their figures, and their plan lines."""
    wanted = tuple(filter(None, only.split(",")))
    figures: dict[str, float] = {}
    plan_lines: list[str] = []
    for group in GROUPS:
        prefixes = [prefix for prefix in group.split(",")
                    if not wanted or prefix.startswith(wanted) or any(w.startswith(prefix) for w in wanted)]
        if not prefixes:
            continue
        chosen = ",".join(w for w in wanted if any(w.startswith(p) or p.startswith(w) for p in prefixes)) or group
        command = [sys.executable, str(HERE / "growth_measures.py"), db, "--runs", str(runs), "--only", chosen]
        command += ["--plans"] if plans else []
        result = subprocess.run(command, capture_output=True, text=True, timeout=3600)
        if result.returncode != 0:
            raise RuntimeError(result.stderr[-3000:])
        for line in result.stdout.splitlines():
            if line.startswith("plan "):
                plan_lines.append(line)
            elif "=" in line:
                key, value = line.split("=", 1)
                figures[key] = float(value)
    return figures, plan_lines


WINDOW_MEASURES = ("time_tab_first_switch", "time_matter_picker_first_used")


def time_tab(db: str, runs: int) -> dict[str, float]:
    children = [run_child(TIME_TAB_CHILD, db) for _ in range(runs)]
    return {name: statistics.median(child[name] for child in children) for name in WINDOW_MEASURES}


def table(one: dict[str, float], four: dict[str, float]) -> list[str]:
    """The printed rows: a measure that grew more than MOST_GROWTH (and is not too small to judge) ends in GROWS."""
    lines = [f"{'measure':<28} {'1x ms':>10} {'4x ms':>10} {'growth':>7} {'floor 1x':>10} {'floor 4x':>10}"]
    for name, value in one.items():
        if name.endswith(".floor") or name not in four:
            continue
        growth = four[name] / value if value > 0 else float("inf")
        floors = "".join(f" {figures[name + '.floor']:10.1f}" if name + ".floor" in figures else f" {'—':>10}"
                         for figures in (one, four))
        flag = "  GROWS" if growth > MOST_GROWTH and four[name] >= TOO_SMALL_MS else ""
        lines.append(f"{name:<28} {value:10.1f} {four[name]:10.1f} {growth:6.2f}x{floors}{flag}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=4,
                        help="measure 1x then 4x this many times over; each figure is its least disturbed round")
    parser.add_argument("--plans", action="store_true", help="print each statement's EXPLAIN QUERY PLAN")
    parser.add_argument("--no-window", action="store_true", help="leave out the Time tab's first switch")
    parser.add_argument("--only", default="", help="comma-separated name prefixes of the measures to run")
    args = parser.parse_args()
    paths = (large_demo(), huge_demo())
    prefixes = tuple(filter(None, args.only.split(",")))
    window = not args.no_window and (not prefixes or any(name.startswith(prefixes) for name in WINDOW_MEASURES))
    rounds: list[list[dict[str, float]]] = []
    for round_number in range(args.rounds):  # 1x and 4x alternate, so a slower spell of the machine hits both
        figures = []
        for path in paths:
            found, plan_lines = measured(str(path), args.runs, args.plans and round_number == 0, args.only)
            if window:
                found.update(time_tab(str(path), args.runs))
            figures.append(found)
            if args.plans and round_number == 0:
                print(f"--- plans at {path.name}")
                print("\n".join(plan_lines))
        rounds.append(figures)
    figures = [{name: min(r[size][name] for r in rounds) for name in rounds[0][size]} for size in range(len(paths))]
    lines = table(*figures)
    print("\n".join(lines))
    grown = [line.split()[0] for line in lines if line.endswith("GROWS")]
    if grown:
        print(f"grew more than {MOST_GROWTH}x: {', '.join(grown)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
