"""The measures of bench_growth.py over one demo database, in this process: prints `name=ms` lines (and plans).

    python benchmarks/growth_measures.py DB [--runs N] [--plans] [--only PREFIX,...]

Each measure calls the program's public service functions (so a faster service shows here unchanged): one
warm-up call, then the median of --runs calls. A floor, where one is measured, is printed as `name.floor`: the
same SQL statements through a bare sqlite3 connection, or the bare writer, or a plain read of the same rows.
With --plans, every distinct SQL statement a measure runs is printed with SQLite's EXPLAIN QUERY PLAN.
"""

from __future__ import annotations

import argparse
import gc
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import event  # noqa: E402

from legalsec_desktop.db.store import Store  # noqa: E402
from legalsec_desktop.services.database import open_database  # noqa: E402

PAGE = 200  # rows the lists fetch at a time (ui.common: the id-list model's page)
CONFLICT_CHECKS = (["Smith, Jon"], ["Acme Inc."], ["Maria Garcia", "Northwind Logistics LLC"], ["Jennifer Lopez"],
                   ["Zebulon Quartermaine"], ["Pioneer Trucking Co."])
SEARCHES = ("smith", "motion extension", "garcia 2026", "lease")
Statement = tuple[str, Any]


class Recorder:
    """The SQL statements (with their parameters) the store runs while recording."""

    def __init__(self, store: Store) -> None:
        self.statements: list[Statement] = []
        self.on = False
        event.listen(store.engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, many: bool) -> None:
        if self.on and not many and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            self.statements.append((statement, parameters))

    @contextmanager
    def recording(self) -> Iterator[list[Statement]]:
        self.statements, self.on = [], True
        try:
            yield self.statements
        finally:
            self.on = False


def median_ms(work: Callable[[], object], runs: int) -> float:
    """The median of `runs` timed calls after one warm-up (imports, compiled-statement caches, the page cache);
    for a measure whose warm-up took over 2 s, that call's own time (its warming is lost in it)."""
    started = time.perf_counter()
    work()
    first = (time.perf_counter() - started) * 1000
    if first > 2000:
        return first
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def bare_sql(raw: sqlite3.Connection, statements: list[Statement]) -> Callable[[], None]:
    def run() -> None:
        for statement, parameters in statements:
            raw.execute(statement, parameters).fetchall()
    return run


class Measures:
    """Runs and prints each measure; remembers the statements each one ran, for --plans."""

    def __init__(self, store: Store, db: Path, runs: int, only: tuple[str, ...] = ()) -> None:
        self.store, self.runs, self.only = store, runs, only
        self.recorder = Recorder(store)
        self.raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        self.plans: dict[str, list[Statement]] = {}

    def measure(self, name: str, work: Callable[[], object], floor: Callable[[], object] | None = None,
                sql_floor: bool = False) -> None:
        if self.only and not name.startswith(self.only):
            return
        with self.recorder.recording() as statements:
            work()
        self.plans[name] = list(statements)
        print(f"{name}={median_ms(work, self.runs)}", flush=True)
        if sql_floor:
            floor = bare_sql(self.raw, statements)
        if floor is not None:
            print(f"{name}.floor={median_ms(floor, self.runs)}", flush=True)

    def print_plans(self) -> None:
        for name, statements in self.plans.items():
            seen = set()
            for statement, parameters in statements:
                if statement in seen:
                    continue
                seen.add(statement)
                plan = self.raw.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
                print(f"plan {name}: {' '.join(statement.split())[:300]}")
                for _id, _parent, _unused, detail in plan:
                    print(f"plan     {detail}")


def lists(m: Measures, today: date) -> None:
    from legalsec_desktop.services import calendar, listings
    from legalsec_desktop.services.rows import TimeFilters

    month = today.replace(day=1)
    month_end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    this_month = TimeFilters(first=month, last=month_end)
    store = m.store
    for key, filters, sort in (("matters", None, None), ("contacts", None, None), ("events", None, None),
                               ("time", this_month, None), ("communications", None, None), ("files", None, None),
                               ("files", None, "label"), ("documents", None, None)):
        name = key if sort is None else f"{key}_by_{sort}"
        def id_list(key: str = key, sort: str | None = sort, filters: TimeFilters | None = filters) -> list[int]:
            return listings.list_ids(store, key, sort, filters=filters)

        m.measure(f"{name}_ids", id_list, sql_floor=True)
        ids = id_list()[:PAGE]
        m.measure(f"{name}_page", lambda key=key, ids=ids: listings.fetch_rows(store, key, ids), sql_floor=True)
    m.measure("time_totals", lambda: listings.time_totals(store, filters=this_month), sql_floor=True)
    m.measure("calendar_month", lambda: calendar.events_between(store, month - timedelta(days=6),
                                                                month_end + timedelta(days=6)), sql_floor=True)


def file_room(m: Measures) -> None:
    from legalsec_desktop.services import volumes

    m.measure("files_listed", lambda: volumes.listed(m.store), sql_floor=True)


def matter_pane(m: Measures) -> None:
    from legalsec_desktop.services import listings, matters

    shown = listings.list_ids(m.store, "matters")[:5]  # the first matters the Matters tab lists
    m.measure("matter_pane", lambda: [matters.matter_summary(m.store, matter_id) for matter_id in shown],
              sql_floor=True)


def search(m: Measures) -> None:
    from legalsec_desktop.services.search import search_everything

    m.measure("search", lambda: [search_everything(m.store, words) for words in SEARCHES], sql_floor=True)


def conflict_check(m: Measures) -> None:
    from legalsec_desktop.domain.conflicts import SearchName
    from legalsec_desktop.services import conflicts

    def six() -> None:
        for names in CONFLICT_CHECKS:
            conflicts.find_hits(m.store, [SearchName(n) for n in names])

    from rapidfuzz import fuzz, process

    from legalsec_desktop.domain.names import fold_name

    keys = [row[0] for row in m.raw.execute("SELECT match_key FROM contact WHERE deleted_at IS NULL")]
    keys += [row[0] for row in m.raw.execute("SELECT a.match_key FROM contact_alias a JOIN contact c ON "
                                             "c.id = a.contact_id WHERE c.deleted_at IS NULL")]

    def one_pass() -> None:  # one rapidfuzz pass over every folded name (already read) for each name searched
        for names in CONFLICT_CHECKS:
            for name in names:
                process.extract(fold_name(name), keys, scorer=fuzz.token_set_ratio, score_cutoff=80, limit=None)

    m.measure("conflict_6_checks", six, floor=one_pass)


def docket_pdf(m: Measures, today: date) -> None:
    from legalsec_desktop.reports.docket import DocketRequest
    from legalsec_desktop.services import docket
    from legalsec_desktop.ui import headless
    from legalsec_desktop.ui.common import report_print

    headless.application()
    busiest = date.fromisoformat(m.raw.execute(
        "SELECT on_date FROM event WHERE deleted_at IS NULL AND on_date >= ? GROUP BY on_date "
        "ORDER BY count(*) DESC, on_date LIMIT 1", (today.isoformat(),)).fetchone()[0])
    out = Path(tempfile.mkdtemp())
    request = DocketRequest(busiest)
    m.measure("docket_pdf_busiest_day", lambda: report_print.write_pdf(docket.docket_report(m.store, request),
                                                                       out / "day.pdf"),
              floor=lambda: docket.docket_report(m.store, request))


def timesheet_month(m: Measures, today: date) -> None:
    from xlsxwriter import Workbook

    from legalsec_desktop.services import timesheet

    last = today.replace(day=1) - timedelta(days=1)  # the last whole month
    scope = timesheet.Scope(last.replace(day=1), last)
    out = Path(tempfile.mkdtemp())
    rows = timesheet.sheet_rows(m.store, scope)

    def bare() -> None:  # the same cells, already read, through bare XlsxWriter (the writer formats/ uses)
        book = Workbook(str(out / "bare.xlsx"), {"constant_memory": True})
        sheet = book.add_worksheet("Detail")
        for n, r in enumerate(rows):
            sheet.write_row(n, 0, [r.day, r.timekeeper, r.client, r.matter, r.billed_minutes / 60, r.rate_cents / 100,
                                   r.amount_cents / 100, r.billable, r.status, r.task_code or None,
                                   r.activity_code or None, r.narrative])
        book.close()

    m.measure("timesheet_month_xlsx", lambda: timesheet.export_timesheet(m.store, scope, out / "month.xlsx"),
              floor=bare)
    m.measure("timesheet_month_rows", lambda: timesheet.sheet_rows(m.store, scope))


def deadlines(m: Measures) -> None:
    from common import deadline_requests
    from legalsec_desktop.domain.deadlines import compute

    requests = deadline_requests()  # as bench_calendar and bench_hot_paths
    m.measure("deadlines_10k", lambda: [compute(request) for request in requests])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plans", action="store_true")
    parser.add_argument("--only", default="", help="comma-separated name prefixes of the measures to run")
    args = parser.parse_args()
    store = open_database(args.db, Path(tempfile.mkdtemp()))
    today = store.clock.today()
    m = Measures(store, args.db, args.runs, tuple(filter(None, args.only.split(","))))
    parts: dict[tuple[str, ...], Callable[[], None]] = {  # the name prefixes of each part's measures: its set-up
        ("matters", "contacts", "events", "time_", "communications", "files_ids", "files_page", "files_by",
         "documents", "calendar"): lambda: lists(m, today),  # runs only when one of its measures is wanted
        ("files_listed",): lambda: file_room(m), ("matter_pane",): lambda: matter_pane(m),
        ("search",): lambda: search(m), ("conflict",): lambda: conflict_check(m),
        ("timesheet",): lambda: timesheet_month(m, today), ("deadlines",): lambda: deadlines(m),
        ("docket",): lambda: docket_pdf(m, today),
    }
    for names, part in parts.items():
        if m.only and not any(name.startswith(wanted) or wanted.startswith(name) for name in names
                              for wanted in m.only):
            continue
        gc.collect()
        part()
    if args.plans:
        m.print_plans()
    store.close()


if __name__ == "__main__":
    main()
