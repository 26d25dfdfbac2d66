"""`legalsec files review`: the destruction review list as text lines, as a PDF (read back) and as Excel."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from destruction_setup import build
from legalsec_desktop import cli
from legalsec_desktop.db.models import FileRecordRow


@pytest.fixture(autouse=True)
def review_clock(monkeypatch):  # noqa: ANN001, ANN201
    from legalsec_desktop.clock import Clock

    monkeypatch.setattr(cli, "CLOCK", Clock(datetime(2026, 11, 23, 8, 0)))


@pytest.fixture
def practice_db(store, db_path):  # noqa: ANN001, ANN201
    practice = build(store)
    with store.write() as session:  # a label a spreadsheet would take for a formula
        session.get(FileRecordRow, practice.files["Pleadings"]).label = "=HYPERLINK(\"http://x\")"
    store.close()
    return db_path, practice


def run(db: Path, *args: str) -> int:
    return cli.main(["files", "review", "--db", str(db), *args])


def test_the_list_prints_one_file_a_line_with_why_not(practice_db, capsys) -> None:  # noqa: ANN001
    db, practice = practice_db
    assert run(db) == 0
    out, err = capsys.readouterr()
    lines = [line.split("\t") for line in out.splitlines()]
    # the longest due first; then by matter and label ("=HYPERLINK…" sorts before "Correspondence")
    assert [line[0] for line in lines] == [practice.barcodes[name] for name in
                                           ("Pleadings", "Correspondence", "Estate plan", "Contract")]
    first = next(line for line in lines if line[0] == practice.barcodes["Correspondence"])
    assert first == [practice.barcodes["Correspondence"], "2015-0001", "Ann Smith", "Correspondence",
                     "Main office ▸ Cabinet A ▸ Drawer 2", "2023-06-30", "7 years", "may be destroyed"]
    held = next(line for line in lines if line[0] == practice.barcodes["Estate plan"])
    assert held[-1] == "It is on legal hold: Brown v. Brown Estate, subpoena of 10/2/2026"
    assert "4 files due by 2026-11-23, 2 may be destroyed, 2 held back." in err


def test_as_of_reviews_another_day(practice_db, capsys) -> None:  # noqa: ANN001
    db, practice = practice_db
    assert run(db, "--as-of", "2031-05-02") == 0
    assert practice.barcodes["Lease"] in capsys.readouterr().out
    assert run(db, "--as-of", "2020-01-01") == 0
    out, err = capsys.readouterr()
    assert out == "" and "No file is due for destruction by 2020-01-01." in err
    with pytest.raises(SystemExit) as refused:  # argparse: not a date
        run(db, "--as-of", "2026-02-30")
    assert refused.value.code == 2
    assert "not a date on the calendar" in capsys.readouterr().err


def test_the_pdf_lists_the_files_ready_and_held_back(practice_db, tmp_path, capsys) -> None:  # noqa: ANN001
    db, practice = practice_db
    out = tmp_path / "review.pdf"
    assert run(db, "--out", str(out)) == 0
    assert f"Saved the destruction review to {out}." in capsys.readouterr().out
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(str(out)).pages))
    assert "Destruction review" in text and "Okafor Law" in text
    assert "May be destroyed (2)" in text and "Held back (2)" in text
    for name in ("Correspondence", "Estate plan", "Contract"):
        assert practice.barcodes[name] in text
    assert "It is on legal hold" in text and "Page 1 of 1" in text


def test_the_workbook_has_dates_as_dates_and_text_never_a_formula(practice_db, tmp_path, capsys) -> None:  # noqa: ANN001
    db, practice = practice_db
    out = tmp_path / "review.xlsx"
    assert run(db, "--out", str(out)) == 0
    assert f"Saved the destruction review (4 files) to {out}." in capsys.readouterr().out
    sheet = openpyxl.load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Okafor Law — Destruction review — due by 11/23/2026"
    header = rows[2]
    assert header[:3] == ("File", "Matter", "Closed no.")
    by_code = {row[0]: dict(zip(header, row)) for row in rows[3:]}
    ready = by_code[practice.barcodes["Correspondence"]]
    assert isinstance(ready["Destroy after"], datetime) and ready["Destroy after"].date() == date(2023, 6, 30)
    assert ready["Closed"].date() == date(2016, 6, 30) and ready["May be destroyed"] == "Yes"
    assert by_code[practice.barcodes["Estate plan"]]["On legal hold"].startswith("Brown v. Brown Estate")
    label = header.index("Label") + 1
    cell = next(sheet.cell(row, label) for row in range(4, 8) if sheet.cell(row, 1).value == practice.barcodes[
        "Pleadings"])
    assert cell.value == "=HYPERLINK(\"http://x\")" and cell.data_type == "s" and cell.quotePrefix


def test_a_wrong_ending_or_missing_database_is_a_clear_message(practice_db, tmp_path, capsys) -> None:  # noqa: ANN001
    db, _practice = practice_db
    assert run(db, "--out", str(tmp_path / "review.docx")) == 1
    assert "must end in .pdf or .xlsx" in capsys.readouterr().err
    assert run(tmp_path / "none.db") == 1
    assert "there are no files to review" in capsys.readouterr().err
