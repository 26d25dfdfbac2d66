"""The demo practice's file room: places, volumes with a consistent movement log, check-outs, retention, destruction."""

import random
import sqlite3
from datetime import date, timedelta

from legalsec_desktop.domain.file_room import Retention, destroy_after, retention_note
from legalsec_desktop.services import demo_files, volumes

TODAY = date(2026, 11, 23)


def rows(path, sql, *args):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_every_volume_has_a_barcode_a_place_and_a_log_that_starts_when_it_was_opened(demo_store):
    found = volumes.listed(demo_store)
    assert len(found) == 80
    assert sorted(v.barcode for v in found) == [f"F{i:06d}" for i in range(1, 81)]
    paper = [v for v in found if v.medium != "digital"]
    assert {v.medium for v in paper} >= {"folder", "binder", "box"}
    assert all(v.place or v.out_to or v.destroyed_at for v in paper)
    assert any("Iron Mountain (off-site) ▸ Box 10" in v.place for v in paper)
    assert any(v.place.startswith("Main office ▸ File room ▸ Cabinet ") for v in paper)
    for volume in found:
        log = volumes.history(demo_store, volume.id)
        assert log[0].kind == "created" and log[0].at.date() == volume.opened_on
        assert [line.at for line in log] == sorted(line.at for line in log)
        assert log[-1].at.date() <= TODAY
        if volume.status == "in_storage":
            assert "to_storage" in [line.kind for line in log]


def test_some_files_are_out_and_a_few_overdue(demo_store):
    out = volumes.listed(demo_store, status="out")
    late = volumes.overdue(demo_store, TODAY)
    assert len(out) >= 5 and 2 <= len(late) < len(out)
    assert all(v.due_back_on < TODAY and v.out_at.date() <= TODAY for v in late)
    assert all(volumes.history(demo_store, v.id)[-1].kind == "out" for v in out)


def test_closed_matters_have_numbers_and_their_files_retention_as_the_rules_say(demo_path, demo_store):
    closed = rows(demo_path, "SELECT id, closed_number, closed_on FROM matter WHERE status = 'closed'")
    assert closed and all(number for _id, number, _on in closed)
    assert len({number for _id, number, _on in closed}) == len(closed)
    rules = {r[0]: Retention(*r) for r in rows(demo_path, "SELECT id, name, practice_area, years, notes "
                                                          "FROM retention_rule")}
    files = rows(demo_path, "SELECT f.closed_on, f.destroy_after, f.retention_rule_id, f.retention_note, m.closed_on "
                            "FROM file_record f JOIN matter m ON m.id = f.matter_id WHERE m.status = 'closed'")
    assert files
    for closed_on, after, rule_id, note, matter_closed in files:
        assert closed_on == matter_closed
        rule = rules[rule_id]
        expected = destroy_after(date.fromisoformat(closed_on), rule)
        assert after == (expected.isoformat() if expected else None)
        assert note == retention_note(date.fromisoformat(closed_on), rule)
    assert any(rules[f[2]].years is None for f in files)  # original documents are kept for ever


def test_one_file_on_hold_some_due_for_review_some_destroyed_in_a_batch(demo_path, demo_store):
    due = volumes.listed(demo_store, status="due_review")
    assert due and any(v.hold_reason for v in due) and any(not v.hold_reason for v in due)
    destroyed = volumes.listed(demo_store, status="destroyed")
    assert destroyed
    batches = rows(demo_path, "SELECT id, file_count, destroyed_on, approved_by FROM destruction")
    assert sum(count for _id, count, _on, _by in batches) == len(destroyed)
    for volume in destroyed:
        log = volumes.history(demo_store, volume.id)
        assert log[-1].kind == "destroyed" and volume.destroy_after <= log[-1].at.date()


def test_the_large_shape_scales_without_losing_the_mix():
    """The generator alone at a few hundred matters: every kind of state is there, and the hold is matter-wide."""
    rng = random.Random(2)
    matters = []
    for i in range(1, 301):
        opened = TODAY - timedelta(days=rng.randint(30, 3650))
        closed = opened + timedelta(days=rng.randint(90, 700)) if (TODAY - opened).days > 700 else None
        matters.append(dict(id=i, number=f"M{i}", practice_area=rng.choice(("Personal injury", "Estate planning")),
                            court="Court" if i % 2 else "", opened_on=opened, closed_on=closed,
                            responsible_attorney_id=1 + i % 2))
    keepers = [dict(id=1, name="A One", initials="AO", is_attorney=True),
               dict(id=2, name="B Two", initials="BT", is_attorney=True)]
    rules = [Retention(7, "Standard", "", 7), Retention(9, "Wills and original documents", "", None),
             Retention(3, "Minor client", "", 21)]
    tables = demo_files.FileRoom(rng, TODAY, matters, keepers, 3000, rules, [("Closing letter sent", "")]).build()
    records = tables["file_record"]
    assert len(records) == 3000 and len(tables["file_movement"]) > 3000
    held = {r["matter_id"] for r in records if r["hold_reason"]}
    assert len(held) == 1 and sum(1 for r in records if r["hold_reason"]) > 1
    assert {r["retention_rule_id"] for r in records if r["closed_on"]} == {7, 9, 3}
    assert tables["destruction"] and sum(b["file_count"] for b in tables["destruction"]) == sum(
        1 for r in records if r["destroyed_at"])
    assert len(tables["matter_closing"]) == sum(1 for m in matters if m["closed_on"])
