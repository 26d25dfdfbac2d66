"""The to-do list: add, edit, tick, delete and restore; what is due; follow-up dates kept in step as to-dos."""

from datetime import date, datetime, timedelta

import pytest

from legalsec_desktop.domain.communications import CommunicationDraft
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.todos import TodoDraft
from legalsec_desktop.services import communications, matters, todos

TODAY = date(2026, 11, 23)  # the pinned clock's day


@pytest.fixture
def matter_id(store):
    return matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 2, 2)))


@pytest.fixture
def keepers(store, two_attorney_firm):
    return two_attorney_firm(store)


def call(matter_id, follow_up_on, subject="Settlement proposal", when=datetime(2026, 11, 20, 10, 0)):
    return CommunicationDraft(matter_id, "call", "out", when, "Chidi Okafor", subject, "", follow_up_on)


def test_add_edit_tick_untick_delete_and_restore(store, matter_id, keepers):
    mary, ken = keepers
    todo_id = todos.save_todo(store, TodoDraft(" Draft the lease ", TODAY, matter_id, mary, "Use the new form"))
    item = todos.load_todo(store, todo_id)
    assert (item.title, item.due_on, item.matter_number, item.client, item.assignee, item.notes, item.done) == (
        "Draft the lease", TODAY, "2026-0001", "Ana Rivera", "MAH", "Use the new form", False)

    todos.save_todo(store, TodoDraft("Draft the lease", TODAY + timedelta(days=2), None, ken), todo_id)
    item = todos.load_todo(store, todo_id)
    assert (item.matter_id, item.matter_number, item.assignee, item.due_on) == (None, "", "KI", date(2026, 11, 25))

    todos.save_todo(store, TodoDraft("Draft the lease", TODAY + timedelta(days=2), None, ken), todo_id, done=True)
    assert todos.load_todo(store, todo_id).done
    todos.save_todo(store, TodoDraft("Draft the lease", TODAY + timedelta(days=2), None, ken), todo_id, done=False)
    assert todos.set_done(store, [todo_id], True) == [todo_id]
    assert todos.set_done(store, [todo_id], True) == []  # already done: nothing for an undo to change back
    assert todos.load_todo(store, todo_id).done_at == store.clock.utc_now()
    assert todos.set_done(store, [todo_id], False) == [todo_id] and not todos.load_todo(store, todo_id).done

    assert todos.delete_todo(store, todo_id) == "to-do “Draft the lease”"
    assert todos.all_todos(store, include_done=True) == []
    with pytest.raises(ValidationError):
        todos.load_todo(store, todo_id)
    with pytest.raises(ValidationError):
        todos.delete_todo(store, todo_id)
    todos.restore_todo(store, todo_id)
    assert [t.id for t in todos.all_todos(store)] == [todo_id]


def test_a_to_do_needs_text_and_a_date_and_live_references(store, matter_id):
    with pytest.raises(ValidationError) as blank:
        todos.save_todo(store, TodoDraft("  ", TODAY))
    with pytest.raises(ValidationError) as undated:
        todos.save_todo(store, TodoDraft("Call court", None))
    with pytest.raises(ValidationError) as nobody:
        todos.save_todo(store, TodoDraft("Call court", TODAY, matter_id, 999))
    with pytest.raises(ValidationError) as no_matter:
        todos.save_todo(store, TodoDraft("Call court", TODAY, 999))
    assert [e.value.field for e in (blank, undated, nobody, no_matter)] == ["title", "due_on", "assigned_to",
                                                                             "matter_id"]
    assert todos.all_todos(store, include_done=True) == []


def test_lists_per_matter_across_matters_due_by_and_overdue(store, matter_id, keepers):
    mary, ken = keepers
    other = matters.create_matter(store, MatterDraft("2026-0002", "Estate of Lee", "Bo Lee", date(2026, 3, 1),
                                                     responsible_attorney_id=ken))
    late = todos.save_todo(store, TodoDraft("Late", TODAY - timedelta(days=3), matter_id, mary))
    today = todos.save_todo(store, TodoDraft("Today", TODAY, other))  # no one: the responsible attorney's
    soon = todos.save_todo(store, TodoDraft("Soon", TODAY + timedelta(days=5), None, ken))
    later = todos.save_todo(store, TodoDraft("Later", TODAY + timedelta(days=30), matter_id))
    done = todos.save_todo(store, TodoDraft("Done", TODAY - timedelta(days=1), matter_id))
    todos.set_done(store, [done], True)

    def ids(items):
        return [item.id for item in items]

    assert ids(todos.matter_todos(store, matter_id)) == [late, done, later]
    assert ids(todos.matter_todos(store, matter_id, include_done=False)) == [late, later]
    assert ids(todos.all_todos(store)) == [late, today, soon, later]
    assert ids(todos.all_todos(store, include_done=True)) == [late, done, today, soon, later]
    assert ids(todos.todos_due(store, TODAY + timedelta(days=7))) == [late, today, soon]
    assert ids(todos.overdue_todos(store, TODAY)) == [late]
    assert ids(todos.todos_between(store, TODAY - timedelta(days=1), TODAY + timedelta(days=6))) == [done, today, soon]
    assert ids(todos.todos_due(store, TODAY + timedelta(days=7), attorney_id=ken)) == [today, soon]
    assert ids(todos.todos_due(store, TODAY + timedelta(days=7), matter_id=matter_id)) == [late]
    overdue = todos.load_todo(store, late)
    assert overdue.overdue(TODAY) and not overdue.overdue(TODAY - timedelta(days=3))
    assert not todos.load_todo(store, done).overdue(TODAY)


def test_a_follow_up_date_is_a_to_do_kept_in_step_with_its_log_entry(store, matter_id):
    entry_id, _ = communications.save_communication(store, call(matter_id, date(2026, 11, 27)))
    [item] = todos.all_todos(store)
    assert (item.title, item.due_on, item.matter_id, item.communication_id) == (
        "Follow up: call with Chidi Okafor — Settlement proposal", date(2026, 11, 27), matter_id, entry_id)

    # Ticked done, then the entry is saved again unchanged: still done. A new date is a new follow-up: open again.
    todos.set_done(store, [item.id], True)
    communications.save_communication(store, call(matter_id, date(2026, 11, 27)), entry_id)
    assert todos.load_todo(store, item.id).done
    communications.save_communication(store, call(matter_id, date(2026, 12, 4), "Counter-offer"), entry_id)
    moved = todos.load_todo(store, item.id)
    assert (moved.due_on, moved.done, moved.title) == (date(2026, 12, 4), False,
                                                       "Follow up: call with Chidi Okafor — Counter-offer")

    # The user's own wording stays when the entry changes.
    todos.save_todo(store, TodoDraft("Ring Chidi about the counter-offer", date(2026, 12, 7), matter_id), item.id)
    assert communications.load_communication(store, entry_id).follow_up_on == date(2026, 12, 7)
    communications.save_communication(store, call(matter_id, date(2026, 12, 8), "Counter-offer (2)"), entry_id)
    assert todos.load_todo(store, item.id).title == "Ring Chidi about the counter-offer"

    # No date: the to-do goes; a date again brings the same one back.
    communications.save_communication(store, call(matter_id, None), entry_id)
    assert todos.all_todos(store, include_done=True) == []
    communications.save_communication(store, call(matter_id, date(2026, 12, 9)), entry_id)
    assert [t.id for t in todos.all_todos(store)] == [item.id]


def test_deleting_a_follow_up_clears_the_date_and_the_log_entry_takes_its_to_do_along(store, matter_id):
    entry_id, _ = communications.save_communication(store, call(matter_id, date(2026, 11, 27)))
    [item] = todos.all_todos(store)
    todos.delete_todo(store, item.id)
    assert communications.load_communication(store, entry_id).follow_up_on is None
    todos.restore_todo(store, item.id)
    assert communications.load_communication(store, entry_id).follow_up_on == date(2026, 11, 27)

    communications.delete_communication(store, entry_id)
    assert todos.all_todos(store, include_done=True) == []
    communications.restore_communication(store, entry_id)
    assert [t.id for t in todos.all_todos(store)] == [item.id]

    # A to-do deleted on its own stays deleted when its entry is deleted and brought back.
    todos.delete_todo(store, item.id)
    communications.delete_communication(store, entry_id)
    communications.restore_communication(store, entry_id)
    assert todos.all_todos(store, include_done=True) == []


def test_the_matter_summary_counts_overdue_follow_ups_too(store, matter_id):
    communications.save_communication(store, call(matter_id, date(2026, 11, 21)))  # overdue
    communications.save_communication(store, call(matter_id, date(2026, 11, 20)))  # overdue too (a sum, not a flag)
    communications.save_communication(store, call(matter_id, date(2026, 11, 30)))
    ticked, _ = communications.save_communication(store, call(matter_id, date(2026, 11, 22)))
    todos.set_done(store, [t.id for t in todos.all_todos(store) if t.communication_id == ticked], True)
    todos.save_todo(store, TodoDraft("Not a follow-up", TODAY, matter_id))
    summary = matters.matter_summary(store, matter_id, TODAY)
    assert (summary.follow_ups, summary.follow_ups_overdue) == (3, 2)
    follow_up = "Follow up: call with Chidi Okafor — Settlement proposal"
    assert [t.title for t in summary.todos] == [follow_up, follow_up, "Not a follow-up", follow_up]


def test_the_demo_brings_its_follow_ups_in_once(demo_store):
    from legalsec_desktop.db.models import CommunicationRow
    from sqlalchemy import func, select

    with demo_store.read() as session:
        dated = session.scalar(select(func.count()).select_from(CommunicationRow).where(
            CommunicationRow.follow_up_on.is_not(None), CommunicationRow.deleted_at.is_(None)))
    every = todos.all_todos(demo_store, include_done=True)
    assert dated and len(every) == dated
    assert todos.todos_due(demo_store, TODAY + timedelta(days=7))  # some remind
    with demo_store.write() as session:
        assert todos.bring_in_follow_ups(session, demo_store.clock.utc_now(), TODAY) == 0
