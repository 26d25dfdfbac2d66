"""Closing a matter: the checklist reviewed, refusals, overrides recorded, closed-file numbers, files' retention."""

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select, update

from legalsec_desktop.db.file_room_models import MatterClosingRow
from legalsec_desktop.db.models import EventRow, FileRecordRow, MatterRow, TimeEntryRow
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import CheckOut, VolumeDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.todos import TodoDraft
from legalsec_desktop.services import closing, matters, retention, todos, volumes
from legalsec_desktop.services.firm import load_profile, save_profile
from legalsec_desktop.domain.firm import Timekeeper

CLOSED = date(2026, 11, 23)


@pytest.fixture
def matter_id(store):
    return matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 2, 2),
                                                    practice_area="Personal injury"))


def _manual(store) -> dict[int, bool]:
    return {item.id: True for item in closing.checklist(store) if not item.check}


def _rule(store, name):
    return next(r for r in retention.rules(store) if r.name == name)


def _add_volume(store, matter_id, label="Correspondence"):
    return volumes.add_volume(store, VolumeDraft(matter_id, label), by="test")[0]


def test_a_clean_matter_passes_every_automatic_check_and_manual_items_wait_for_a_tick(store, matter_id):
    review = closing.closing_review(store, matter_id)
    assert [(i.check, i.satisfied) for i in review.items] == [
        ("deadlines", True), ("unbilled", True), ("todos", True), ("files_in", True), ("", None), ("", None)]
    assert review.items[0].detail == "No deadlines open."
    assert review.closed_number == "C-2026-0001"
    assert review.default_rule_id == _rule(store, "Standard").id


def test_what_is_not_done_is_found_and_named(store, matter_id):
    profile = load_profile(store)
    save_profile(store, replace(profile, name="Lee & Park", timekeepers=(Timekeeper(name="Ann Lee", initials="AL",
                                                                 default_rate_cents=30000),)))
    keeper = load_profile(store).timekeepers[0].id
    with store.write() as session:
        session.add_all([
            EventRow(matter_id=matter_id, kind="response deadline", title="Answer due", on_date=date(2026, 12, 1)),
            EventRow(matter_id=matter_id, kind="filing deadline", title="Done one", on_date=date(2026, 1, 2),
                     status="done"),
            TimeEntryRow(entry_date=date(2026, 3, 1), timekeeper_id=keeper, matter_id=matter_id, minutes=90,
                         rate_cents=30000, status="final"),
            TimeEntryRow(entry_date=date(2026, 3, 2), timekeeper_id=keeper, matter_id=matter_id, minutes=30,
                         rate_cents=30000, status="billed"),
        ])
    todos.save_todo(store, TodoDraft("Send the closing letter", date(2026, 12, 2), matter_id=matter_id))
    file_id = _add_volume(store, matter_id)
    volumes.check_out(store, file_id, CheckOut("Mia Park", due_on=date(2026, 12, 1)), by="test")
    details = {i.check: (i.satisfied, i.detail) for i in closing.closing_review(store, matter_id).items if i.check}
    assert details["deadlines"] == (False, "1 deadline open: Tue 12/01/2026 Answer due")
    assert details["unbilled"] == (False, "1 time entry not billed (1.5 h).")
    assert details["todos"] == (False, "1 to-do open: Send the closing letter")
    assert details["files_in"][0] is False and "to Mia Park" in details["files_in"][1]


def test_an_incomplete_checklist_without_a_reason_is_refused_and_nothing_changes(store, matter_id):
    file_id = _add_volume(store, matter_id)
    with pytest.raises(ValidationError, match="Not done: Original documents returned") as refused:
        closing.close_matter(store, matter_id, {}, "  ", CLOSED)
    assert refused.value.field == "override_reason"
    assert matters.load_matter(store, matter_id).status == "open"
    assert closing.closings(store, matter_id) == []
    assert volumes.volume(store, file_id).destroy_after is None
    assert [m.kind for m in volumes.history(store, file_id)] == ["created"]


def test_an_override_is_recorded_with_the_items_it_skipped(store, matter_id):
    items = closing.checklist(store)
    letter = next(i for i in items if i.text == "Closing letter sent")
    done = closing.close_matter(store, matter_id, {letter.id: True}, "Client took the originals in person.", CLOSED,
                                by="jo")
    assert done.overridden == ["Original documents returned to the client"]
    record = closing.closings(store, matter_id)[0]
    assert record.override_reason == "Client took the originals in person." and record.closed_by == "jo"
    by_text = {i["text"]: i for i in record.items}
    assert by_text["Closing letter sent"]["done"] is True
    assert by_text["Original documents returned to the client"]["overridden"] is True
    assert by_text["No deadlines left open"] == {**by_text["No deadlines left open"], "done": True,
                                                 "detail": "No deadlines open."}


def test_ticking_an_automatic_item_that_is_not_satisfied_still_needs_a_reason(store, matter_id):
    with store.write() as session:
        session.add(EventRow(matter_id=matter_id, kind="response deadline", title="Answer", on_date=date(2026, 12, 1)))
    ticked = {item.id: True for item in closing.checklist(store)}
    with pytest.raises(ValidationError, match="No deadlines left open"):
        closing.close_matter(store, matter_id, ticked, "", CLOSED)
    done = closing.close_matter(store, matter_id, ticked, "Deadline moot: case settled.", CLOSED)
    assert done.overridden == ["No deadlines left open"]
    assert closing.closings(store, matter_id)[0].items[0]["detail"].startswith("1 deadline open")


def test_closed_file_numbers_are_sequential_unique_and_per_year(store, matter_id):
    other = matters.create_matter(store, MatterDraft("2026-0002", "Estate of Lee", "Bo Lee", date(2026, 3, 1)))
    third = matters.create_matter(store, MatterDraft("2026-0003", "Lee v. Park", "Bo Lee", date(2026, 3, 1)))
    assert closing.close_matter(store, matter_id, _manual(store), "", CLOSED).closed_number == "C-2026-0001"
    assert closing.closing_review(store, other).closed_number == "C-2026-0002"
    assert closing.close_matter(store, other, _manual(store), "", CLOSED).closed_number == "C-2026-0002"
    assert closing.close_matter(store, third, _manual(store), "", date(2027, 1, 4)).closed_number == "C-2027-0001"
    row = matters.load_matter(store, other)
    assert (row.status, row.closed_on) == ("closed", CLOSED)
    with store.read() as session:
        numbers = list(session.scalars(select(MatterRow.closed_number).order_by(MatterRow.id)))
    assert numbers == ["C-2026-0001", "C-2026-0002", "C-2027-0001"]


def test_closing_twice_or_before_opening_is_refused(store, matter_id):
    with pytest.raises(ValidationError, match="before it opened"):
        closing.close_matter(store, matter_id, _manual(store), "", date(2026, 1, 1))
    closing.close_matter(store, matter_id, _manual(store), "", CLOSED)
    with pytest.raises(ValidationError, match="closed already"):
        closing.close_matter(store, matter_id, _manual(store), "", CLOSED)


def test_files_get_their_retention_a_closed_line_and_a_chosen_permanent_rule(store, matter_id):
    letters, will = _add_volume(store, matter_id), _add_volume(store, matter_id, "Original will")
    gone = _add_volume(store, matter_id, "Old drafts")
    with store.write() as session:
        session.execute(update(FileRecordRow).where(FileRecordRow.id == gone)
                        .values(destroyed_at=datetime(2026, 6, 1, 12, tzinfo=timezone.utc)))
    permanent = _rule(store, "Wills and original documents")
    done = closing.close_matter(store, matter_id, _manual(store), "", date(2028, 2, 29),
                                {will: permanent.id})
    assert done.files == 2
    kept = volumes.volume(store, letters)
    # 29 February + 7 years: 1 March, when the seven years are full (never the day before)
    assert (kept.closed_on, kept.destroy_after, kept.retention) == (date(2028, 2, 29), date(2035, 3, 1), "Standard")
    assert "+ 7 years (Standard)" in kept.retention_note
    original = volumes.volume(store, will)
    assert original.destroy_after is None and original.retention_note.startswith("Kept permanently")
    assert volumes.volume(store, gone).closed_on is None  # a destroyed file is left as it was
    closed_line = volumes.history(store, letters)[-1]
    assert closed_line.kind == "closed" and "C-2028-0001" in closed_line.reason


def test_the_practice_areas_rule_is_the_default(store):
    estate = matters.create_matter(store, MatterDraft("2026-0009", "Estate of Ng", "Al Ng", date(2026, 1, 5),
                                                      practice_area="Estate planning"))
    file_id = _add_volume(store, estate)
    closing.close_matter(store, estate, _manual(store), "", CLOSED)
    assert volumes.volume(store, file_id).destroy_after == date(2036, 11, 23)


def test_an_unknown_rule_choice_is_refused(store, matter_id):
    file_id = _add_volume(store, matter_id)
    with pytest.raises(ValidationError, match="no longer exists"):
        closing.close_matter(store, matter_id, _manual(store), "", CLOSED, {file_id: 999})
    assert matters.load_matter(store, matter_id).status == "open"


def test_the_matter_dialogs_edits_are_saved_with_the_closing(store, matter_id):
    edits = replace(matters.load_matter(store, matter_id), notes="Settled.", status="closed", closed_on=CLOSED)
    closing.close_matter(store, matter_id, _manual(store), "", date(2026, 11, 20), edits=edits)
    saved = matters.load_matter(store, matter_id)
    assert (saved.notes, saved.status, saved.closed_on) == ("Settled.", "closed", date(2026, 11, 20))


def test_reopening_keeps_the_record_and_number_and_stops_retention(store, matter_id):
    file_id = _add_volume(store, matter_id)
    closing.close_matter(store, matter_id, _manual(store), "", CLOSED, {file_id: _rule(store, "Minor client").id})
    assert closing.reopen_matter(store, matter_id) == 1
    reopened = matters.load_matter(store, matter_id)
    assert (reopened.status, reopened.closed_on) == ("open", None)
    kept = volumes.volume(store, file_id)
    assert kept.destroy_after is None and kept.closed_on is None and kept.retention == "Minor client"
    assert "reopened" in kept.retention_note and volumes.history(store, file_id)[-1].kind == "reopened"
    assert len(closing.closings(store, matter_id)) == 1
    # closed again: the same number, the category chosen before offered again, a second record
    assert closing.closing_review(store, matter_id).volumes[0].default_rule_id == _rule(store, "Minor client").id
    again = closing.close_matter(store, matter_id, _manual(store), "", date(2027, 3, 1))
    assert again.closed_number == "C-2026-0001"
    assert volumes.volume(store, file_id).destroy_after == date(2048, 3, 1)
    assert [c.closed_on for c in closing.closings(store, matter_id)] == [date(2027, 3, 1), CLOSED]
    never_closed = matters.create_matter(store, MatterDraft("2026-0005", "Doe v. Roe", "Jo Doe", CLOSED))
    with pytest.raises(ValidationError, match="not closed"):
        closing.reopen_matter(store, never_closed)


def test_reopening_and_redating_through_the_matter_dialogs_save(store, matter_id):
    file_id = _add_volume(store, matter_id)
    closing.close_matter(store, matter_id, _manual(store), "", CLOSED)
    corrected = replace(matters.load_matter(store, matter_id), closed_on=date(2026, 11, 2))
    matters.update_matter(store, matter_id, corrected)
    assert volumes.volume(store, file_id).destroy_after == date(2033, 11, 2)
    matters.update_matter(store, matter_id, replace(corrected, status="pending", closed_on=None))
    assert volumes.volume(store, file_id).destroy_after is None
    assert volumes.history(store, file_id)[-1].kind == "reopened"
    with store.read() as session:
        assert session.scalar(select(MatterRow.closed_number).where(MatterRow.id == matter_id)) == "C-2026-0001"
        assert len(session.scalars(select(MatterClosingRow)).all()) == 1


def test_the_checklist_is_the_firms_to_edit(store):
    added = closing.add_item(store, "  Conflict   database updated ")
    assert closing.checklist(store)[-1] == closing.ChecklistItem(added, "Conflict database updated", "", False)
    closing.rename_item(store, added, "Conflicts updated")
    closing.move_item(store, added, -1)
    texts = [i.text for i in closing.checklist(store)]
    assert texts[-2:] == ["Conflicts updated", "Closing letter sent"]
    closing.retire_item(store, added)
    assert "Conflicts updated" not in [i.text for i in closing.checklist(store)]
    assert closing.checklist(store, include_retired=True)[-2].retired
    with pytest.raises(ValidationError, match="Say what"):
        closing.add_item(store, "   ")
    with pytest.raises(ValidationError, match="no longer exists"):
        closing.rename_item(store, 999, "x")
