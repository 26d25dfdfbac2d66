"""Destruction: the review list, a batch refused whole with each file's reason, the register and the certificate."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, insert, select, text

from destruction_setup import build
from legalsec_desktop.db.file_room_models import DestructionRow, FileMovementRow
from legalsec_desktop.db.models import FileRecordRow, MatterRow
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import CheckOut
from legalsec_desktop.services import destruction, volumes

APPROVED, TODAY = date(2026, 11, 20), date(2026, 11, 23)


def destroy(store, file_ids, **changes):  # noqa: ANN001, ANN201
    given = dict(approved_by="MAH", approved_on=APPROVED, destroyed_on=TODAY, method="Shredded on site",
                 destroyed_by="Shred-It", witness="Pat Lee", notes="")
    given.update(changes)
    return destruction.destroy(store, list(file_ids), by="tester", **given)


def counts(store) -> tuple[int, int, int]:  # noqa: ANN001
    """Batches, movement lines, destroyed files: what a refused batch must leave as it was."""
    with store.read() as session:
        return (session.scalar(select(func.count()).select_from(DestructionRow)) or 0,
                session.scalar(select(func.count()).select_from(FileMovementRow)) or 0,
                session.scalar(select(func.count()).where(FileRecordRow.destroyed_at.is_not(None))) or 0)


def test_review_lists_the_files_due_with_why_each_may_not_go(store) -> None:  # noqa: ANN001
    practice = build(store)
    lines = {line.label: line for line in destruction.review(store)}
    assert set(lines) == {"Correspondence", "Pleadings", "Estate plan", "Contract"}  # the lease runs until 2031
    ready = lines["Correspondence"]
    assert ready.may_destroy and ready.refusal == ""
    assert (ready.barcode, ready.matter_number, ready.closed_number, ready.client, ready.caption) == (
        practice.barcodes["Correspondence"], "2015-0001", "C-2016-001", "Ann Smith", "Smith v. Jones")
    assert ready.where == "Main office ▸ Cabinet A ▸ Drawer 2"
    assert (ready.retention, ready.destroy_after, ready.closed_on) == ("7 years", date(2023, 6, 30), date(2016, 6, 30))
    assert "+ 7 years" in ready.retention_note
    held = lines["Estate plan"]
    assert not held.may_destroy and held.hold_reason.startswith("Brown v. Brown Estate")
    assert held.refusal.startswith("It is on legal hold: Brown v. Brown Estate")
    assert lines["Contract"].refusal == "Its matter is not closed."
    assert [line.label for line in destruction.review(store)][:2] == ["Correspondence", "Pleadings"]  # longest due


def test_review_as_of_another_day(store) -> None:  # noqa: ANN001
    build(store)
    assert {line.label for line in destruction.review(store, date(2031, 5, 2))} >= {"Lease"}
    assert {line.label for line in destruction.review(store, date(2023, 6, 29))} == set()
    assert {line.label for line in destruction.review(store, date(2023, 6, 30))} == {"Correspondence", "Pleadings"}


def test_a_checked_out_file_is_listed_with_who_has_it(store) -> None:  # noqa: ANN001
    practice = build(store)
    volumes.check_out(store, practice.files["Pleadings"], CheckOut("Ken Ito", due_on=date(2026, 12, 1)), by="t")
    line = next(line for line in destruction.review(store) if line.label == "Pleadings")
    assert line.where == "Out: Ken Ito"
    assert line.refusal == "It is checked out: check it in first."
    with pytest.raises(ValidationError, match="checked out: check it in first"):
        destroy(store, [practice.files["Pleadings"]])


def test_destroying_records_a_batch_and_keeps_the_files(store) -> None:  # noqa: ANN001
    practice = build(store)
    batch = destroy(store, [practice.files["Correspondence"], practice.files["Pleadings"]], approved_by="mah")
    assert batch.certificate_number == "D-2026-0001"
    assert (batch.approved_by, batch.approver_name, batch.file_count) == ("MAH", "Mary Hale", 2)
    assert [f.label for f in batch.files] == ["Correspondence", "Pleadings"]
    assert batch.files[0].last_place == "Main office ▸ Cabinet A ▸ Drawer 2"
    assert batch.recorded_by == "tester"
    with store.read() as session:
        rows = session.scalars(select(FileRecordRow).where(FileRecordRow.destruction_id == batch.id)).all()
        assert len(rows) == 2 and all(row.destroyed_at is not None for row in rows)
    log = volumes.history(store, practice.files["Correspondence"])
    assert log[-1].kind == "destroyed" and "D-2026-0001" in log[-1].reason and "MAH" in log[-1].reason
    assert log[-1].to_text == "Shredded on site (Shred-It)"
    assert volumes.volume(store, practice.files["Pleadings"]).status == "destroyed"
    assert "Correspondence" not in {line.label for line in destruction.review(store)}


def test_the_next_certificate_number_is_the_next_free_one_of_the_year(store) -> None:  # noqa: ANN001
    practice = build(store)
    first = destroy(store, [practice.files["Correspondence"]], destroyed_on=date(2025, 12, 30),
                    approved_on=date(2025, 12, 29))
    second = destroy(store, [practice.files["Pleadings"]])
    assert (first.certificate_number, second.certificate_number) == ("D-2025-0001", "D-2026-0001")


@pytest.mark.parametrize(("name", "reason"), [
    ("Estate plan", "It is on legal hold: Brown v. Brown Estate, subpoena of 10/2/2026"),
    ("Lease", "Its retention runs until Fri 05/02/2031."),
    ("Contract", "Its matter is not closed."),
])
def test_a_file_that_may_not_go_is_refused_with_its_reason(store, name: str, reason: str) -> None:  # noqa: ANN001
    practice = build(store)
    with pytest.raises(ValidationError) as refused:
        destroy(store, [practice.files[name]])
    assert refused.value.message.startswith("Nothing was recorded as destroyed.")
    assert f"{practice.barcodes[name]} (" in refused.value.message and reason in refused.value.message


def test_destroying_twice_is_refused(store) -> None:  # noqa: ANN001
    practice = build(store)
    destroy(store, [practice.files["Correspondence"]])
    with pytest.raises(ValidationError, match="It was destroyed already"):
        destroy(store, [practice.files["Correspondence"]])


def test_a_batch_is_refused_whole_naming_every_file_refused(store) -> None:  # noqa: ANN001
    practice = build(store)
    before = counts(store)
    wanted = [practice.files[name] for name in ("Correspondence", "Estate plan", "Pleadings", "Lease")]
    with pytest.raises(ValidationError) as refused:
        destroy(store, wanted)
    message = refused.value.message
    assert "These 2 files may not be destroyed" in message
    assert practice.barcodes["Estate plan"] in message and practice.barcodes["Lease"] in message
    assert practice.barcodes["Correspondence"] not in message
    assert counts(store) == before
    assert destruction.register(store) == []
    assert all(line.destroy_after for line in destruction.review(store) if line.label == "Correspondence")


def test_only_an_attorney_approves(store) -> None:  # noqa: ANN001
    practice = build(store)
    before = counts(store)
    with pytest.raises(ValidationError, match="PL is Pat Lee, who is not an attorney.*KI \\(Ken Ito\\), MAH"):
        destroy(store, [practice.files["Correspondence"]], approved_by="PL")
    with pytest.raises(ValidationError, match="No timekeeper has the initials ZZ"):
        destroy(store, [practice.files["Correspondence"]], approved_by="zz")
    assert counts(store) == before


@pytest.mark.parametrize(("changes", "field"), [
    ({"destroyed_on": date(2026, 11, 24)}, "destroyed_on"),
    ({"approved_on": date(2026, 11, 24), "destroyed_on": TODAY}, "approved_on"),
    ({"method": "  "}, "method"),
    ({"destroyed_by": ""}, "destroyed_by"),
    ({"approved_by": ""}, "approved_by"),
    ({"method": "x" * 101}, "method"),
])
def test_a_request_missing_what_the_certificate_needs_is_refused(store, changes, field) -> None:  # noqa: ANN001
    practice = build(store)
    with pytest.raises(ValidationError) as refused:
        destroy(store, [practice.files["Correspondence"]], **changes)
    assert refused.value.field == field
    with pytest.raises(ValidationError, match="Tick the files"):
        destroy(store, [])


def test_the_register_keeps_every_batch_newest_first(store) -> None:  # noqa: ANN001
    practice = build(store)
    first = destroy(store, [practice.files["Correspondence"]], destroyed_on=date(2026, 11, 21))
    second = destroy(store, [practice.files["Pleadings"]], method="Shredding company", witness="")
    batches = destruction.register(store)
    assert [b.certificate_number for b in batches] == [second.certificate_number, first.certificate_number]
    assert [f.label for f in batches[1].files] == ["Correspondence"]
    assert batches[0].method == "Shredding company"
    with store.engine.connect() as connection:  # the database itself refuses to forget
        for statement in ("DELETE FROM destruction", "UPDATE destruction SET method = 'x'",
                          "DELETE FROM file_record", "DELETE FROM file_movement"):
            with pytest.raises(Exception, match="refused|may not|cannot|never"):
                connection.execute(text(statement))
            connection.rollback()
    assert len(destruction.register(store)) == 2
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(FileRecordRow)) == 5


def test_the_certificate_says_who_when_how_and_which_files(store) -> None:  # noqa: ANN001
    practice = build(store)
    batch = destroy(store, [practice.files["Correspondence"], practice.files["Pleadings"]], notes="Two cartons")
    report = destruction.certificate(store, batch.id)
    assert report.title == "Certificate of Destruction" and not report.landscape
    assert report.header_lines == ("Okafor Law", "12 Main Street", "Springfield, IL 62701")
    facts = dict(report.facts)
    assert facts["Certificate no."] == "D-2026-0001"
    assert facts["Date destroyed"] == "Mon 11/23/2026" and facts["Method"] == "Shredded on site"
    assert facts["Destroyed by"] == "Shred-It" and facts["Witness"] == "Pat Lee"
    assert facts["Approved by"] == "Mary Hale (MAH), attorney" and facts["Date approved"] == "Fri 11/20/2026"
    assert facts["Notes"] == "Two cartons" and facts["Files destroyed"] == "2"
    files, statement, signatures = report.sections
    assert files.table is not None and [row[0] for row in files.table.rows] == [
        practice.barcodes["Correspondence"], practice.barcodes["Pleadings"]]
    assert files.table.rows[0] == (practice.barcodes["Correspondence"], "2015-0001\nClosed no. C-2016-001",
                                   "Ann Smith", "Correspondence\nSmith v. Jones", "Thu 06/30/2016", "7 years")
    assert "destroyed on Mon 11/23/2026" in statement.paragraphs[0] and "no file was under a legal hold" in \
        statement.paragraphs[0]
    assert [p.split(":")[0] for p in signatures.paragraphs] == ["Destroyed by", "Witness", "Approving attorney"]
    assert "D-2026-0001" in report.footer
    with pytest.raises(ValidationError, match="no destruction batch 99"):
        destruction.certificate(store, 99)


def test_the_review_report_splits_ready_and_held_back(store) -> None:  # noqa: ANN001
    build(store)
    report = destruction.review_as_report(store)
    assert report.landscape and report.header_lines[1] == "Files due for destruction on or before Mon 11/23/2026"
    ready, held = report.sections
    assert ready.heading == "May be destroyed (2)" and held.heading == "Held back (2)"
    assert held.table is not None and held.table.rows[0][-1].startswith("It is on legal hold")
    assert held.table.marked == frozenset({0})  # the file on hold is marked


def test_the_review_of_fifty_thousand_files_lists_each_with_its_refusal(store) -> None:  # noqa: ANN001
    """Its speed is measured by benchmarks/bench_files.py; this checks the whole list comes back right."""
    build(store)
    with store.write() as session:
        matter_id = session.scalar(select(MatterRow.id).where(MatterRow.number == "2015-0001"))
        session.execute(insert(FileRecordRow), [
            dict(barcode=f"B{i:07d}", matter_id=matter_id, label=f"Box {i}", medium="box", opened_on=date(2015, 1, 5),
                 closed_on=date(2016, 6, 30), destroy_after=date(2023, 6, 30), retention_note="Closed … + 7 years",
                 hold_reason="Audit" if i % 97 == 0 else "") for i in range(50_000)])
    lines = destruction.review(store)
    assert len(lines) == 50_004
    assert sum(not line.may_destroy for line in lines) == 50_000 // 97 + 1 + 2


def test_a_destroyed_file_says_the_day_it_was_destroyed_not_the_day_that_was_recorded(store) -> None:  # noqa: ANN001
    practice = build(store)
    file_id = practice.files["Correspondence"]
    destroy(store, [file_id], destroyed_on=date(2026, 11, 21))  # shredded on Saturday, recorded on Monday
    item = volumes.volume(store, file_id)
    assert (item.destroyed_on, item.where, item.location_id) == (date(2026, 11, 21), "Destroyed", None)
    with pytest.raises(ValidationError, match="was destroyed on Sat 11/21/2026"):
        volumes.check_out(store, file_id, CheckOut("Pat Lee"))
    with store.read() as session:
        assert session.scalar(select(DestructionRow.approved_by_name)) == "Mary Hale"  # kept if initials change


def test_the_certificate_never_ends_a_sentence_twice() -> None:
    from legalsec_desktop.domain.destruction import Batch
    from legalsec_desktop.reports.destruction_report import certificate_statement

    batch = Batch(1, "D-2026-0001", "MAH", "Mary Hale", APPROVED, TODAY, "Shredded on site", "Shred-It Inc.", "", "",
                  None, "LS", 2, ())
    text = certificate_statement("Hale Law", batch)
    assert "by Shred-It Inc. Each file's" in text and ".." not in text


def test_an_approval_before_the_matter_was_closed_is_refused(store) -> None:  # noqa: ANN001
    practice = build(store)
    before = counts(store)
    with pytest.raises(ValidationError, match=r"approval \(Wed 01/01/2014\) comes before its matter was closed"):
        destroy(store, [practice.files["Correspondence"]], approved_on=date(2014, 1, 1))
    assert counts(store) == before
    with pytest.raises(ValidationError, match="before its matter was closed"):  # also when only checked
        destruction.check_request(store, [practice.files["Correspondence"]], "MAH", date(2014, 1, 1), TODAY,
                                  "Shredded on site", "Shred-It")
