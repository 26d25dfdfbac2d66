"""What a matter's overview and To do page say about its to-dos (no Qt)."""

from datetime import date, datetime, timezone

from legalsec_desktop.services.rows import TodoItem
from legalsec_desktop.ui.matters.matter_overview import TODOS_SHOWN, todo_rows, todos_html

TODAY = date(2026, 11, 23)


def item(todo_id, title, due_on, done=False, assignee="", notes=""):
    return TodoItem(todo_id, title, due_on, 1, "2026-0001", "Ana Rivera", None, assignee,
                    datetime(2026, 11, 20, tzinfo=timezone.utc) if done else None, None, notes)


def test_the_overview_lists_open_to_dos_with_the_overdue_ones_in_red_and_escaped():
    html = todos_html([item(1, "Call <Chidi>", date(2026, 11, 20)), item(2, "File", TODAY, assignee="MAH")], TODAY)
    assert html.startswith("<h4>To do <b style='color:#b00020'>1 overdue</b> · <a href='page:todo'>")
    assert "<li style='color:#b00020'><b>Fri 11/20/2026 — Call &lt;Chidi&gt;</b> overdue</li>" in html
    assert "<li>Mon 11/23/2026 — File (MAH)</li>" in html  # due today is not overdue


def test_a_long_list_is_cut_and_an_empty_one_says_so():
    many = [item(i, f"Task {i}", TODAY) for i in range(TODOS_SHOWN + 3)]
    assert "<li>…and 3 more</li>" in todos_html(many, TODAY)
    assert todos_html([], TODAY).endswith("<p>Nothing to do.</p>")


def test_the_page_rows_say_overdue_and_keep_notes_on_one_line():
    rows = todo_rows([item(7, "Call", date(2026, 11, 2), notes="a\nb"), item(8, "Done", date(2026, 11, 2), True)],
                     TODAY)
    assert [(r.key, r.cells) for r in rows] == [(7, ("", "Mon 11/02/2026 overdue", "Call", "", "a b")),
                                                (8, ("", "Mon 11/02/2026", "Done", "", ""))]


def test_the_log_says_which_follow_ups_are_overdue_and_which_are_done():
    from legalsec_desktop.services.rows import LogEntry
    from legalsec_desktop.ui.matters.matter_overview import log_rows

    when = datetime(2026, 11, 2, 9, 0)
    entries = [LogEntry(1, when, "call", "out", "Chidi", "Offer", date(2026, 11, 9)),
               LogEntry(2, when, "call", "out", "Chidi", "Offer", date(2026, 11, 9), follow_up_done=True),
               LogEntry(3, when, "call", "out", "Chidi", "Offer", TODAY),
               LogEntry(4, when, "call", "out", "Chidi", "Offer", None)]
    assert [row.cells[5] for row in log_rows(entries, TODAY)] == [
        "Mon 11/09/2026 overdue", "Mon 11/09/2026 done", "Mon 11/23/2026", ""]
