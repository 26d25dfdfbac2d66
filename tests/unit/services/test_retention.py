"""Retention rules the firm edits; a rule's new years recompute the live closed files under it, and only those."""

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import update

from legalsec_desktop.db.models import FileRecordRow
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import VolumeDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import closing, matters, retention, volumes


def _rule(store, name):
    return next(r for r in retention.rules(store, include_retired=True) if r.name == name)


@pytest.fixture
def closed_files(store):
    """Two closed files under Standard (one of them since destroyed) and one under Estate planning."""
    first = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2019, 2, 2)))
    estate = matters.create_matter(store, MatterDraft("2026-0002", "Estate of Ng", "Al Ng", date(2019, 2, 2),
                                                      practice_area="Estate planning"))
    kept = volumes.add_volume(store, VolumeDraft(first, "Correspondence"), by="t")[0]
    gone = volumes.add_volume(store, VolumeDraft(first, "Drafts"), by="t")[0]
    will = volumes.add_volume(store, VolumeDraft(estate, "Plan"), by="t")[0]
    ticks = {i.id: True for i in closing.checklist(store)}
    closing.close_matter(store, first, ticks, "", date(2019, 9, 23))
    closing.close_matter(store, estate, ticks, "", date(2019, 9, 23))
    with store.write() as session:
        session.execute(update(FileRecordRow).where(FileRecordRow.id == gone)
                        .values(destroyed_at=datetime(2026, 10, 1, 12, tzinfo=timezone.utc)))
    return kept, gone, will


def test_the_seeded_rules_in_order_with_their_files(store, closed_files):
    listed = retention.rules(store)
    assert [(r.name, r.practice_area, r.years) for r in listed] == [
        ("Standard", "", 7), ("Estate planning", "Estate planning", 10), ("Minor client", "", 21),
        ("Wills and original documents", "", None)]
    assert [r.files for r in listed] == [1, 1, 0, 0]  # a destroyed file is not counted
    assert listed[3].term == "Permanent" and listed[0].term == "7 years"


def test_a_rules_new_years_recompute_only_the_live_files_under_it(store, closed_files):
    kept, gone, will = closed_files
    standard = _rule(store, "Standard")
    assert volumes.volume(store, gone).destroy_after == date(2026, 9, 23)
    assert retention.volumes_affected(store, standard.id, 8) == 1
    assert retention.volumes_affected(store, standard.id, 7) == 0
    assert retention.edit_rule(store, standard.id, "Standard", "", 8, standard.notes) == 1
    assert volumes.volume(store, kept).destroy_after == date(2027, 9, 23)
    assert "+ 8 years (Standard)" in volumes.volume(store, kept).retention_note
    assert volumes.volume(store, gone).destroy_after == date(2026, 9, 23)  # destroyed: as it was
    assert volumes.volume(store, will).destroy_after == date(2029, 9, 23)  # another rule: untouched


def test_a_rule_made_permanent_clears_the_dates_and_a_new_name_rewrites_the_notes(store, closed_files):
    kept = closed_files[0]
    standard = _rule(store, "Standard")
    assert retention.edit_rule(store, standard.id, "General", "", None) == 1
    after = volumes.volume(store, kept)
    assert after.destroy_after is None and after.retention_note.startswith("Kept permanently (General)")
    assert retention.edit_rule(store, standard.id, "General files", "", None) == 0  # no date changed
    assert "(General files)" in volumes.volume(store, kept).retention_note


def test_rules_are_added_checked_moved_and_retired(store):
    added = retention.add_rule(store, "  Criminal  ", "Criminal defense", 5, "Until the appeal runs")
    assert _rule(store, "Criminal").practice_area == "Criminal defense"
    with pytest.raises(ValidationError, match="exists already"):
        retention.add_rule(store, "standard", "", 3)
    with pytest.raises(ValidationError, match="0 to 200"):
        retention.add_rule(store, "Forever and a day", "", 201)
    with pytest.raises(ValidationError, match="Name the"):
        retention.edit_rule(store, added, " ", "", 3)
    retention.move_rule(store, added, -10)
    assert retention.rules(store)[0].name == "Criminal"
    retention.retire_rule(store, added)
    assert "Criminal" not in [r.name for r in retention.rules(store)] and _rule(store, "Criminal").retired
    retention.retire_rule(store, added, retired=False)
    assert "Criminal" in [r.name for r in retention.rules(store)]


def test_the_last_general_rule_cannot_be_retired(store):
    for name in ("Minor client",):
        retention.retire_rule(store, _rule(store, name).id)
    with pytest.raises(ValidationError, match="Keep one general rule"):
        retention.retire_rule(store, _rule(store, "Standard").id)
    retention.retire_rule(store, _rule(store, "Wills and original documents").id)  # permanent: not the default


def test_a_retired_rule_is_not_offered_but_its_files_keep_it(store, closed_files):
    estate = _rule(store, "Estate planning")
    retention.retire_rule(store, estate.id)
    assert volumes.volume(store, closed_files[2]).retention == "Estate planning"
    fresh = matters.create_matter(store, MatterDraft("2026-0003", "Estate of Bo", "Bo Ek", date(2026, 1, 2),
                                                     practice_area="Estate planning"))
    assert closing.closing_review(store, fresh).default_rule_id == _rule(store, "Standard").id
