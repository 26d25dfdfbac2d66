"""Issue 4 speed targets, on the large demo database (60,000 calendar events):

    python benchmarks/bench_calendar.py [--runs N]

- the month view renders in under 200 ms (query, expansion of series, holidays, paint), each month
  of the year before stepped through with Previous, and the week and agenda views likewise;
- 10,000 deadline computations take under 1 s (a fresh process: holiday calendars loaded cold).
"""

from __future__ import annotations

from common import WINDOW_CHILD, run_and_print

CHILD = WINDOW_CHILD + r"""
tab = window.tab(TabKey.CALENDAR)
t = time.perf_counter()
tab.set_view(0); app.processEvents(); tab.month.grab()
print(f"month_first_ms={(time.perf_counter() - t) * 1000}")
print(f"month_first_items={len(tab.occurrences)}")
def stepping(view, widget, steps=12):
    tab.set_view(view); tab.go_today(); app.processEvents()
    times, max_items = [], 0
    for _ in range(steps):
        t = time.perf_counter()
        tab.step(-1); app.processEvents(); widget.grab()
        times.append((time.perf_counter() - t) * 1000)
        max_items = max(max_items, len(tab.occurrences))
    return sorted(times)[len(times) // 2], max(times), max_items
median, worst, shown = stepping(0, tab.month)
print(f"month_median_ms={median}"); print(f"month_worst_ms={worst}"); print(f"month_most_items={shown}")
median, worst, _ = stepping(1, tab.week)
print(f"week_median_ms={median}"); print(f"week_worst_ms={worst}")
median, worst, _ = stepping(3, tab.agenda, 6)
print(f"agenda_median_ms={median}"); print(f"agenda_worst_ms={worst}")

from legalsec_desktop.domain.deadlines import compute
from common import deadline_requests
requests = deadline_requests()
t = time.perf_counter()
for request in requests:
    compute(request)
print(f"computations_10k_ms={(time.perf_counter() - t) * 1000}")
"""


if __name__ == "__main__":
    run_and_print(CHILD)
