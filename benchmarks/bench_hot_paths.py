"""Issue 20: the conflict check, 10,000 deadline computations and the timesheet export, at 1x and 4x the large demo:

    python benchmarks/bench_hot_paths.py [--runs N] [--before SRC]

- a conflict check answers in under 30 ms on the large demo and under 100 ms at four times its size
  (floor: reading the folded keys with a plain query plus rapidfuzz scoring them, about 25 ms);
- 10,000 deadline computations take under 300 ms;
- exporting a year of time takes at most 1.2x writing the same cells with bare XlsxWriter (the writer the formats
  package uses) in constant-memory mode, measured in the same process.

The 4x practice is the huge demo (benchmarks/data/huge.db, `legalsec demo --size huge`: the same generator with
every count of "large" times four; built once, a few minutes). --before SRC runs the same children on another
source tree too (a `src` folder of an earlier commit, e.g. from `git archive`), so the figures before and after
come from one run, side by side.
Export figures are CPU time (time.process_time) as well as wall time: the first are steadier on a busy machine.
"""

from __future__ import annotations

import argparse
import os

from common import huge_demo, large_demo, run_child, summary

CHILD = r"""
import gc, statistics, sys, tempfile, time
from datetime import date, timedelta
from pathlib import Path
from legalsec_desktop.services.database import open_database
store = open_database(Path(sys.argv[2]), Path(tempfile.mkdtemp()))
ballast = [{"row": [n]} for n in range(200_000)]  # about the objects an open window holds: full collections cost

from legalsec_desktop.domain.conflicts import SearchName
from legalsec_desktop.services import conflicts
checks = [["Smith, Jon"], ["Acme Inc."], ["Maria Garcia", "Northwind Logistics LLC"], ["Jennifer Lopez"],
          ["Zebulon Quartermaine"], ["Pioneer Trucking Co."]]
times, full = [], gc.get_stats()[2]["collections"]
for names in checks:
    t = time.perf_counter()
    conflicts.find_hits(store, [SearchName(n) for n in names])
    times.append((time.perf_counter() - t) * 1000)
print(f"conflict_median_ms={statistics.median(times)}")
print(f"conflict_worst_ms={max(times)}")
print(f"conflict_full_collections={gc.get_stats()[2]['collections'] - full}")
with store.read() as session:
    raw = session.connection().connection.driver_connection
    t = time.perf_counter()
    keys = raw.execute("SELECT id, match_key FROM contact WHERE deleted_at IS NULL").fetchall()
    read = time.perf_counter() - t
from rapidfuzz import fuzz, process
t = time.perf_counter()
process.extract("jon smith", [k for _, k in keys], scorer=fuzz.token_set_ratio, score_cutoff=80, limit=None)
print(f"conflict_floor_ms={(read + time.perf_counter() - t) * 1000}")
print(f"names={len(keys)}")

from legalsec_desktop.domain.deadlines import compute
from common import deadline_requests
requests = deadline_requests()
t = time.perf_counter()
for request in requests:
    compute(request)
print(f"deadlines_10k_ms={(time.perf_counter() - t) * 1000}")

from legalsec_desktop.services import timesheet
from xlsxwriter import Workbook
scope = timesheet.Scope(date(2025, 1, 1), date(2025, 12, 31))
out = Path(tempfile.mkdtemp())
rows = timesheet.sheet_rows(store, scope)
t, cpu = time.perf_counter(), time.process_time()
path, count = timesheet.export_timesheet(store, scope, out / "year.xlsx")
export, export_cpu = time.perf_counter() - t, time.process_time() - cpu
t, cpu = time.perf_counter(), time.process_time()
book = Workbook(str(out / "bare.xlsx"), {"constant_memory": True})
sheet = book.add_worksheet("Detail")
for n, r in enumerate(rows):
    sheet.write_row(n, 0, [r.day, r.timekeeper, r.client, r.matter, r.billed_minutes / 60, r.rate_cents / 100,
                           r.amount_cents / 100, r.billable, r.status, r.task_code or None, r.activity_code or None,
                           r.narrative])
book.close()
bare, bare_cpu = time.perf_counter() - t, time.process_time() - cpu
t = time.process_time()
timesheet.sheet_rows(store, scope)
print(f"export_ms={export * 1000}")
print(f"export_entries={count}")
print(f"bare_xlsxwriter_ms={bare * 1000}")
print(f"export_over_bare_x={export / bare}")
print(f"export_over_bare_cpu_x={export_cpu / bare_cpu}")
print(f"sheet_rows_cpu_ms={(time.process_time() - t) * 1000}")
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", help="an earlier source tree's src folder, measured in the same run")
    args = parser.parse_args()
    databases = {"1x": large_demo(), "4x": huge_demo()}
    trees = {"after": None} if not args.before else {"before": args.before, "after": None}
    results = {}
    for _ in range(args.runs):  # interleaved, so a busy moment of the machine falls on every variant alike
        for tree, src in trees.items():
            env = None if src is None else {**os.environ, "PYTHONPATH": src}
            for size, db in databases.items():
                results.setdefault((tree, size), []).append(run_child(CHILD, str(db), env=env))
    columns = list(results)
    print(f"{'median of ' + str(args.runs) + ' runs':<28}" + "".join(f"{t + ' ' + s:>14}" for t, s in columns))
    medians = {column: summary(runs) for column, runs in results.items()}
    for key in medians[columns[0]]:
        print(f"{key:<28}" + "".join(f"{medians[column][key][1]:14.2f}" for column in columns))


if __name__ == "__main__":
    main()
