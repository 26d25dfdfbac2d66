"""Timesheet and LEDES services: the window names timekeeper and matter by id, the command line as typed."""

from datetime import date

import pytest
from openpyxl import load_workbook

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.time_entries import TimeDraft
from legalsec_desktop.formats.timesheet_xlsx import ExportCancelled
from legalsec_desktop.services import matters, time_entries, timesheet

NOVEMBER = date(2026, 11, 1), date(2026, 11, 30)


@pytest.fixture
def practice(store, two_attorney_firm):
    mary, ken = two_attorney_firm(store)
    # A number with the combo's own separator in it: nothing may read the number back out of a label.
    odd = matters.create_matter(store, MatterDraft("LAW — 12", "Estate of Lee", "Bo Lee", date(2026, 1, 5)))
    law = matters.create_matter(store, MatterDraft("LAW", "Lee lease", "Bo Lee", date(2026, 1, 5)))
    for keeper, matter, day, minutes, narrative in ((mary, odd, date(2026, 11, 2), 30, "Probate filing"),
                                                    (ken, law, date(2026, 11, 3), 60, "Lease review"),
                                                    (mary, law, date(2026, 11, 4), 12, "Call")):
        rate = time_entries.terms(store, keeper, matter).rate_cents
        time_entries.save_entry(store, TimeDraft(day, keeper, matter, minutes, rate, narrative=narrative))
    return store, mary, ken, odd, law


def test_by_id_and_as_typed_name_the_same_entries(practice):
    store, mary, _ken, odd, law = practice
    for by_id, typed in ((timesheet.Scope(*NOVEMBER, timekeeper_id=mary), timesheet.Scope(*NOVEMBER, "mah")),
                         (timesheet.Scope(*NOVEMBER, matter_id=odd), timesheet.Scope(*NOVEMBER, matter="LAW — 12")),
                         (timesheet.Scope(*NOVEMBER, matter_id=law), timesheet.Scope(*NOVEMBER, matter=" LAW "))):
        rows = timesheet.sheet_rows(store, by_id)
        assert rows and rows == timesheet.sheet_rows(store, typed)
    assert [r.narrative for r in timesheet.sheet_rows(store, timesheet.Scope(*NOVEMBER, matter_id=odd))] == \
        ["Probate filing"]
    assert [r.timekeeper for r in timesheet.sheet_rows(store, timesheet.Scope(*NOVEMBER, timekeeper_id=mary))] == \
        ["MAH", "MAH"]


def test_the_sheet_is_headed_by_the_stored_initials_or_number(practice, tmp_path):
    store, mary, _ken, odd, _law = practice
    for scope, heading in ((timesheet.Scope(*NOVEMBER, timekeeper_id=mary), "Timekeeper MAH"),
                           (timesheet.Scope(*NOVEMBER, matter_id=odd), "Matter LAW — 12")):
        path, count = timesheet.export_timesheet(store, scope, tmp_path / "sheet.xlsx")
        cells = [c for row in load_workbook(path)["Summary"].iter_rows(values_only=True) for c in row if c]
        assert any(heading in str(c) for c in cells), heading
        assert count == len(timesheet.sheet_rows(store, scope))


def test_an_id_that_no_longer_exists_is_explained(practice):
    store, *_ = practice
    with pytest.raises(ValidationError) as keeper:
        timesheet.sheet_rows(store, timesheet.Scope(*NOVEMBER, timekeeper_id=999))
    with pytest.raises(ValidationError) as matter:
        timesheet.sheet_rows(store, timesheet.Scope(*NOVEMBER, matter_id=999))
    assert (keeper.value.field, matter.value.field) == ("timekeeper", "matter")
    with pytest.raises(ValidationError, match="No timekeeper has the initials"):
        timesheet.sheet_rows(store, timesheet.Scope(*NOVEMBER, "ZZ"))


def test_ledes_by_id_is_the_invoice_by_number(practice):
    store, _mary, _ken, odd, law = practice
    when = date(2026, 12, 1)
    assert timesheet.ledes_invoice(store, odd, *NOVEMBER, invoice_date=when) == \
        timesheet.ledes_invoice(store, "LAW — 12", *NOVEMBER, invoice_date=when)
    assert "Lease review" in timesheet.ledes_invoice(store, law, *NOVEMBER, invoice_date=when)
    assert "Probate" not in timesheet.ledes_invoice(store, law, *NOVEMBER, invoice_date=when)
    for nothing in (None, " "):
        with pytest.raises(ValidationError, match="Name the matter"):
            timesheet.ledes_invoice(store, nothing, *NOVEMBER)
    with pytest.raises(ValidationError, match="Matter LAW — 12 has no billable time"):
        timesheet.ledes_invoice(store, odd, date(2026, 10, 1), date(2026, 10, 31))


def test_the_rows_are_read_plain_and_hold_what_the_orm_reads(practice, monkeypatch):
    store = practice[0]
    batches = []
    reading = timesheet.plain_batches
    monkeypatch.setattr(timesheet, "plain_batches", lambda *args: batches.append(1) or reading(*args))
    rows = timesheet.sheet_rows(store, timesheet.Scope(*NOVEMBER))
    assert batches and [(r.day, r.timekeeper, r.matter, r.billed_minutes, r.billable, r.status, r.narrative)
                        for r in rows] == [
        (date(2026, 11, 2), "MAH", "LAW — 12", 30, "Billable", "Draft", "Probate filing"),
        (date(2026, 11, 3), "KI", "LAW", 60, "Billable", "Draft", "Lease review"),
        (date(2026, 11, 4), "MAH", "LAW", 12, "Billable", "Draft", "Call")]
    with store.read() as session:  # the same values the ORM reads, column by column
        orm = session.execute(timesheet._query(timesheet.Scope(*NOVEMBER), timesheet._Chosen())).all()
    assert [(r.rate_cents, r.amount_cents, r.client, r.matter_title, r.timekeeper_name, r.task_code)
            for r in rows] == [(o.rate_cents, o.amount, o.client, o.title, o.keeper_name, o.task_code) for o in orm]


def test_a_cancelled_export_leaves_no_statement_open(practice, tmp_path):
    store = practice[0]
    with pytest.raises(ExportCancelled):
        timesheet.export_timesheet(store, timesheet.Scope(*NOVEMBER), tmp_path / "t.xlsx", progress=lambda _n: False)
    assert not (tmp_path / "t.xlsx").exists()
    time_entries.save_entry(store, TimeDraft(date(2026, 11, 5), practice[1], practice[3], 6, 100, narrative="x"))
    assert len(timesheet.sheet_rows(store, timesheet.Scope(*NOVEMBER))) == 4
