"""Issue 6 speed targets, on the large demo database (250,000 time entries; about 24,500 a year):

    python benchmarks/bench_time.py [--runs N]

- opening the Time tab (first switch: entry bar pickers, the month's entries, totals, short days, timers)
  takes under 300 ms;
- exporting one year of time (2025: 24,479 entries) to Excel takes under 3 s, and within 1.5x of writing the
  same cells with bare openpyxl in write-only mode, in the same run;
- the export's peak memory stays under 200 MB (the whole process's peak resident size, VmHWM, measured in a
  fresh process that opens the database and exports, nothing else; Linux).
"""

from __future__ import annotations

from common import WINDOW_CHILD, run_and_print

CHILD = WINDOW_CHILD + r"""
import subprocess
from datetime import date
t = time.perf_counter()
window.tabs.setCurrentWidget(window.tab(TabKey.TIME))
app.processEvents()
window.grab()
print(f"time_tab_open_ms={(time.perf_counter() - t) * 1000}")
print(f"time_tab_rows={window.tab(TabKey.TIME).model.rowCount()}")
t = time.perf_counter()
window.tab(TabKey.TIME).period.setCurrentText("This year")
app.processEvents()
print(f"time_tab_this_year_ms={(time.perf_counter() - t) * 1000}")

from legalsec_desktop.services import timesheet
scope = timesheet.Scope(date(2025, 1, 1), date(2025, 12, 31))
rows = timesheet.sheet_rows(state.store, scope)
out = Path(tempfile.mkdtemp())
t = time.perf_counter()
path, count = timesheet.export_timesheet(state.store, scope, out / "year.xlsx")
export = time.perf_counter() - t
print(f"export_year_ms={export * 1000}")
print(f"export_entries={count}")
from openpyxl import Workbook
t = time.perf_counter()
book = Workbook(write_only=True)
sheet = book.create_sheet("Detail")
for r in rows:
    sheet.append([r.day, r.timekeeper, r.client, r.matter, r.billed_minutes / 60, r.rate_cents / 100,
                  r.amount_cents / 100, r.billable, r.status, r.task_code or None, r.activity_code or None,
                  r.narrative])
book.save(str(out / "bare.xlsx"))
bare = time.perf_counter() - t
print(f"bare_openpyxl_ms={bare * 1000}")
print(f"export_over_bare_x={export / bare}")
memory = subprocess.run([sys.executable, "-c", '''
import sys, tempfile
from datetime import date
from pathlib import Path
from legalsec_desktop.services.database import open_database
from legalsec_desktop.services import timesheet
store = open_database(Path(sys.argv[1]), Path(tempfile.mkdtemp()))
timesheet.export_timesheet(store, timesheet.Scope(date(2025, 1, 1), date(2025, 12, 31)),
                           Path(tempfile.mkdtemp()) / "year.xlsx")
# VmHWM, not ru_maxrss: Linux carries a forking parent's peak into ru_maxrss across exec.
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(int(peak.split()[1]) / 1024)
''', str(db)], capture_output=True, text=True, check=True)
print(f"export_peak_mb={float(memory.stdout.strip())}")
"""


if __name__ == "__main__":
    run_and_print(CHILD)
