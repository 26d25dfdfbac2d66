"""`legalsec timesheet` and `legalsec ledes`: the workbook reopened (types, formats, formulas, totals to the
cent) and the LEDES file, headless; bad requests leave earlier files alone."""

import csv
import os
import re
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from legalsec_desktop import cli
from legalsec_desktop.db.models import ContactRow, MatterRow
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.time_entries import TimeDraft
from legalsec_desktop.services import listings, matters, time_entries
from legalsec_desktop.services.rows import TimeFilters

FORMULA = re.compile(r"^=(SUMPRODUCT|SUMIFS|SUBTOTAL)\((.*)\)$")


@pytest.fixture
def time_db(store, db_path, two_attorney_firm):
    mary, ken = two_attorney_firm(store)
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                      date(2026, 1, 5)))
    acme = matters.create_matter(store, MatterDraft("2026-0002", "Acme lease", "Acme Corp.", date(2026, 1, 5)))
    with store.write() as session:  # Acme is billed in quarter hours at its own rate
        client = session.get(ContactRow, session.get(MatterRow, acme).client_id)
        client.billing_increment_minutes, client.rate_override_cents = 15, 24000
    for keeper, matter, day, minutes, billable, task, narrative in (
        (mary, rivera, date(2026, 11, 2), 18, "billable", "L210", "Draft complaint"),
        (ken, rivera, date(2026, 11, 2), 7, "billable", "L120", "Call with client re: “settlement” | next steps"),
        (mary, acme, date(2026, 11, 3), 50, "billable", "", "Review lease"),
        (ken, acme, date(2026, 11, 3), 30, "no charge", "", "Courtesy call"),
        (mary, rivera, date(2026, 11, 4), 61, "non-billable", "", "Firm training"),
        (mary, rivera, date(2026, 12, 1), 60, "billable", "", "Outside the period"),
    ):
        rate = time_entries.terms(store, keeper, matter).rate_cents
        time_entries.save_entry(store, TimeDraft(day, keeper, matter, minutes, rate, billable, task,
                                                 "A103" if task else "", narrative))
    totals = listings.time_totals(store, filters=TimeFilters(date(2026, 11, 1), date(2026, 11, 30)))
    store.close()
    return db_path, totals


def evaluate(formula: str, detail, summary_row) -> Decimal:  # noqa: ANN001
    """The Summary's formulas, worked out the way Excel or LibreOffice would, in exact decimals."""
    kind, arguments = FORMULA.match(formula).groups()

    def column(ref: str) -> list:
        letter, first, last = re.match(r"Detail!\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)", ref).groups()
        return [detail[f"{letter}{r}"].value for r in range(int(first), int(last) + 1)]

    if kind == "SUMPRODUCT":
        keys, key_cell, values = re.match(r"\((Detail!\S+?)=(A\d+)\)\*(Detail!\S+)", arguments).groups()
        wanted = summary_row[key_cell]
        return sum((Decimal(str(v)) for k, v in zip(column(keys), column(values)) if k == wanted), Decimal(0))
    if kind == "SUMIFS":
        values, keys, key_cell = arguments.split(",")
        wanted = summary_row[key_cell]
        return sum((Decimal(str(v)) for k, v in zip(column(keys), column(values)) if k == wanted), Decimal(0))
    raise AssertionError(kind)


def test_the_workbook_holds_numbers_dates_formats_and_formulas_that_match_the_app(time_db, tmp_path, capsys):
    db, totals = time_db
    out = tmp_path / "November.xlsx"
    assert cli.main(["timesheet", "--db", str(db), "--from", "2026-11-01", "--to", "2026-11-30",
                     "--out", str(out)]) == 0
    assert "Saved 5 time entries" in capsys.readouterr().out
    book = load_workbook(out)
    assert book.sheetnames == ["Summary", "Detail"]
    detail, summary = book["Detail"], book["Summary"]
    header = [c.value for c in detail[1]]
    assert header == ["Date", "Timekeeper", "Client", "Matter", "Hours", "Rate", "Amount", "Billable", "Status",
                      "Task", "Activity", "Narrative"]
    rows = list(detail.iter_rows(min_row=2, max_row=6))
    assert [r[0].value for r in rows] == [datetime(2026, 11, 2)] * 2 + [datetime(2026, 11, 3)] * 2 + \
        [datetime(2026, 11, 4)]
    for row in rows:
        date_cell, hours, rate, amount = row[0], row[4], row[5], row[6]
        assert date_cell.is_date and date_cell.number_format == "mm/dd/yyyy"
        assert all(isinstance(c.value, (int, float)) for c in (hours, rate, amount))
        assert hours.number_format == "0.00"  # a client bills in quarter hours, so two places
        assert rate.number_format == amount.number_format == '"$"#,##0.00'
        assert row[11].alignment.wrap_text
    by_narrative = {r[11].value: r for r in rows}
    assert by_narrative["Courtesy call"][6].value == 0 and by_narrative["Firm training"][6].value == 0
    assert by_narrative["Review lease"][4].value == 1.0 and by_narrative["Review lease"][6].value == 240.0
    assert by_narrative["Call with client re: “settlement” | next steps"][4].value == pytest.approx(0.2)
    # Totals: every block of the Summary adds up, through its formulas, to the app's totals to the cent.
    cells = {c.coordinate: c.value for row in summary.iter_rows() for c in row}
    blocks = [r for r in range(1, summary.max_row + 1) if summary.cell(r, 1).value == "Total"]
    assert len(blocks) == 3
    for total_row in blocks:
        first = max(r for r in range(1, total_row) if summary.cell(r, 4).value == "Hours") + 1
        assert summary.cell(total_row, 4).value == f"=SUBTOTAL(9,D{first}:D{total_row - 1})"
        hours = sum(evaluate(summary.cell(r, 4).value, detail, cells) for r in range(first, total_row))
        amount = sum(evaluate(summary.cell(r, 5).value, detail, cells) for r in range(first, total_row))
        assert hours * 60 == totals.billed_minutes
        assert amount * 100 == totals.amount_cents
    assert detail.freeze_panes == "A2" and detail.auto_filter.ref == "A1:L6"
    assert detail["E8"].value == "=SUBTOTAL(9,E2:E6)" and detail["G8"].value == "=SUBTOTAL(9,G2:G6)"
    for sheet, orientation in ((detail, "landscape"), (summary, "portrait")):
        assert sheet.page_setup.orientation == orientation and sheet.page_setup.fitToWidth in (1, None)
        assert sheet.page_setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert "Page &P of &N" in sheet.oddFooter.right.text
    assert detail.print_title_rows == "$1:$1"
    assert book.calculation.fullCalcOnLoad  # Excel and LibreOffice compute the formulas on opening


def test_one_timekeeper_or_matter_only(time_db, tmp_path):
    db, _ = time_db
    out = tmp_path / "ken.xlsx"
    assert cli.main(["timesheet", "--db", str(db), "--from", "2026-11-01", "--to", "2026-11-30", "--timekeeper",
                     "ki", "--out", str(out)]) == 0
    assert [r[1].value for r in load_workbook(out)["Detail"].iter_rows(min_row=2, max_row=3)] == ["KI", "KI"]
    assert cli.main(["timesheet", "--db", str(db), "--from", "2026-11-01", "--to", "2026-11-30", "--matter",
                     "2026-0002", "--out", str(out)]) == 0
    assert {r[3].value for r in load_workbook(out)["Detail"].iter_rows(min_row=2, max_row=3)} == {"2026-0002"}


@pytest.mark.parametrize("args, message", [
    (["--from", "2026-11-30", "--to", "2026-11-01"], "ends (Sun 11/01/2026) before it starts"),
    (["--from", "2026-11-01", "--to", "2026-11-30", "--timekeeper", "ZZ"], "No timekeeper has the initials “ZZ”"),
    (["--from", "2026-11-01", "--to", "2026-11-30", "--matter", "1999-0001"], "no matter numbered “1999-0001”"),
])
def test_bad_timesheet_requests_are_explained(time_db, tmp_path, capsys, args, message):
    db, _ = time_db
    assert cli.main(["timesheet", "--db", str(db), *args, "--out", str(tmp_path / "t.xlsx")]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "t.xlsx").exists()


def test_a_date_that_does_not_exist_is_refused(time_db, tmp_path, capsys):
    db, _ = time_db
    with pytest.raises(SystemExit):
        cli.main(["timesheet", "--db", str(db), "--from", "2026-02-30", "--to", "2026-03-31", "--out",
                  str(tmp_path / "t.xlsx")])
    assert "“2026-02-30” is not a date on the calendar" in capsys.readouterr().err


def test_an_unwritable_timesheet_leaves_the_earlier_file(time_db, tmp_path, monkeypatch, capsys):
    db, _ = time_db
    earlier = tmp_path / "t.xlsx"
    earlier.write_bytes(b"earlier")

    def open_in_excel(_source, _target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("legalsec_desktop.formats.files.os.replace", open_in_excel)
    assert cli.main(["timesheet", "--db", str(db), "--from", "2026-11-01", "--to", "2026-11-30", "--out",
                     str(earlier)]) == 1
    assert "open in another program" in capsys.readouterr().err
    assert earlier.read_bytes() == b"earlier" and [p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx"] == \
        ["t.xlsx"]


def test_ledes_for_a_matter(time_db, tmp_path, capsys):
    db, _ = time_db
    out = tmp_path / "rivera.txt"
    assert cli.main(["ledes", "--db", str(db), "--matter", "2026-0001", "--from", "2026-11-01", "--to", "2026-11-30",
                     "--invoice", "INV-7", "--invoice-date", "2026-11-30", "--out", str(out)]) == 0
    lines = out.read_text("ascii").splitlines()
    assert lines[0] == "LEDES1998B[]" and len(lines) == 4  # the non-billable training is left out
    fields = lines[1][:-2].split("|")
    items = [dict(zip(fields, line[:-2].split("|"))) for line in lines[2:]]
    assert [i["LINE_ITEM_DESCRIPTION"] for i in items] == ['Call with client re: "settlement" / next steps',
                                                            "Draft complaint"]  # by date, then timekeeper
    assert [(i["LINE_ITEM_NUMBER_OF_UNITS"], i["LINE_ITEM_TOTAL"], i["LINE_ITEM_TASK_CODE"]) for i in items] == [
        ("0.20", "50.00", "L120"), ("0.30", "90.00", "L210")]
    assert {i["INVOICE_TOTAL"] for i in items} == {"140.00"} and {i["INVOICE_NUMBER"] for i in items} == {"INV-7"}
    assert items[1]["TIMEKEEPER_NAME"] == "Hale, Mary" and items[1]["INVOICE_DATE"] == "20261130"
    assert cli.main(["ledes", "--db", str(db), "--matter", "2026-0001", "--from", "2027-01-01", "--to", "2027-01-31",
                     "--out", str(out)]) == 1
    assert "no billable time" in capsys.readouterr().err
    assert out.read_text("ascii").startswith("LEDES1998B[]")  # the earlier file is still there


def test_cli_time_commands_need_a_database(tmp_path, capsys):
    missing = tmp_path / "none.db"
    assert cli.main(["timesheet", "--db", str(missing), "--from", "2026-11-01", "--to", "2026-11-30", "--out",
                     str(tmp_path / "t.xlsx")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not Path(missing).exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed here")
def test_libreoffice_computes_the_summary_totals_on_opening(time_db, tmp_path):
    """Excel and LibreOffice recompute the totals on opening (fullCalcOnLoad): they must come out right too."""
    db, totals = time_db
    book = tmp_path / "sheet.xlsx"
    assert cli.main(["timesheet", "--db", str(db), "--from", "2026-11-01", "--to", "2026-11-30",
                     "--out", str(book)]) == 0
    subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", str(tmp_path), str(book)],
                   check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    rows = list(csv.reader((tmp_path / "sheet.csv").read_text("utf-8").splitlines()))  # the first sheet: Summary
    shown = [(row[3], row[4]) for row in rows if row and row[0] == "Total"]
    hours = f"{totals.billed_minutes / 60:.2f}"
    amount = f"${totals.amount_cents // 100:,}.{totals.amount_cents % 100:02d}"
    assert shown == [(hours, amount)] * 3


def test_the_workbook_says_who_made_it_and_when(tmp_path):
    from datetime import date, datetime

    from openpyxl import load_workbook

    from legalsec_desktop.formats.timesheet_xlsx import SheetTitle, write_timesheet

    made = datetime(2026, 11, 23, 9, 30)
    path = tmp_path / "sheet.xlsx"
    write_timesheet([], SheetTitle("Okafor Law", date(2026, 11, 1), date(2026, 11, 30), made_at=made), path)
    properties = load_workbook(path).properties
    assert properties.creator == "Okafor Law" and properties.lastModifiedBy == "Okafor Law"
    assert properties.created == made  # (openpyxl stamps 'modified' itself when it saves)


def test_ledes_needs_the_firms_taxpayer_id(store, db_path, two_attorney_firm, tmp_path, capsys):
    mary, _ken = two_attorney_firm(store, tax_id="")
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                      date(2026, 1, 5)))
    time_entries.save_entry(store, TimeDraft(date(2026, 11, 2), mary, rivera, 18, 30000, narrative="Draft"))
    store.close()
    out = tmp_path / "rivera.txt"
    assert cli.main(["ledes", "--db", str(db_path), "--matter", "2026-0001", "--from", "2026-11-01", "--to",
                     "2026-11-30", "--out", str(out)]) == 1
    assert "taxpayer ID is empty" in capsys.readouterr().err
    assert not out.exists()  # no file with an empty LAW_FIRM_ID


def test_ledes_cuts_a_long_timekeeper_name_and_says_so(time_db, tmp_path, capsys):
    from legalsec_desktop.db.models import TimekeeperRow
    from legalsec_desktop.db.store import open_store

    db, _ = time_db
    store = open_store(db)
    with store.write() as session:
        session.query(TimekeeperRow).filter_by(initials="KI").one().name = "Alexandra Montgomery-Castellanos"
    store.close()
    out = tmp_path / "rivera.txt"
    assert cli.main(["ledes", "--db", str(db), "--matter", "2026-0001", "--from", "2026-11-01", "--to", "2026-11-30",
                     "--out", str(out)]) == 0
    assert "Warning: The timekeeper name “Montgomery-Castellanos, Alexandra” is longer than 30" in \
        capsys.readouterr().err
    assert "|Montgomery-Castellanos, Alexan|" in out.read_text("ascii")
