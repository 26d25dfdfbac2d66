"""Issue 5 speed targets, on the large demo database (60,000 calendar events, about 90 on a weekday):

    python benchmarks/bench_docket.py [--runs N]

- building a day's docket (every part of the sheet: the day, the 7 days after, overdue, unverified,
  limitation dates) takes under 300 ms;
- the PDF of that day's docket takes under 2 s (layout of every page, running heads, page numbers);
  issue 20 asks under 0.3 s;
- the PDF grows linearly with its rows: the day's rows repeated to 100, 400 and 1,600 rows in one table
  (pdf_rowsN_per_row_ms, the cost of one row, stays flat).
The Word file and the week-ahead sheet are timed too, for the record.
"""

from __future__ import annotations

from common import run_and_print

CHILD = r"""
import os, sys, tempfile, time
from datetime import date, datetime, timedelta
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from legalsec_desktop.services.database import open_database
from legalsec_desktop.reports.docket import DocketRequest
from legalsec_desktop.services import docket
store = open_database(Path(sys.argv[2]), Path(tempfile.mkdtemp()))
out = Path(tempfile.mkdtemp())
today = date.today()
t = time.perf_counter()
report = docket.docket_report(store, DocketRequest(today))
print(f"day_build_first_ms={(time.perf_counter() - t) * 1000}")
times = []
for offset in range(1, 8):
    t = time.perf_counter()
    docket.docket_report(store, DocketRequest(today + timedelta(days=offset)))
    times.append((time.perf_counter() - t) * 1000)
print(f"day_build_median_ms={sorted(times)[len(times) // 2]}")
rows = sum(len(s.table.rows) for s in report.sections if s.table is not None)
print(f"day_rows={rows}")
from legalsec_desktop.ui import headless
from legalsec_desktop.ui.common import report_print
headless.application()
t = time.perf_counter()
report_print.write_pdf(report, out / "day.pdf")
print(f"day_pdf_ms={(time.perf_counter() - t) * 1000}")
from pypdf import PdfReader
print(f"day_pdf_pages={len(PdfReader(str(out / 'day.pdf')).pages)}")
from dataclasses import replace
from legalsec_desktop.domain.report import Section, Table
tables = [s.table for s in report.sections if s.table is not None and s.table.rows]
cells = [row for table in tables for row in table.rows if len(row) == len(tables[0].columns)]
for count in (100, 400, 1600):
    grown = Table(tables[0].columns, [cells[n % len(cells)] for n in range(count)], tables[0].widths,
                  marked=frozenset(range(0, count, 9)))
    sheet = replace(report, sections=(Section("Every row", table=grown),))
    t = time.perf_counter()
    report_print.write_pdf(sheet, out / f"rows{count}.pdf")
    print(f"pdf_rows{count}_per_row_ms={(time.perf_counter() - t) * 1000 / count}")
t = time.perf_counter()
docket.save_docket_as_word(store, DocketRequest(today), out / "day.docx")
print(f"day_word_ms={(time.perf_counter() - t) * 1000}")
t = time.perf_counter()
week = docket.docket_report(store, DocketRequest(today, days=7))
report_print.write_pdf(week, out / "week.pdf")
print(f"week_build_and_pdf_ms={(time.perf_counter() - t) * 1000}")
"""


if __name__ == "__main__":
    run_and_print(CHILD)
