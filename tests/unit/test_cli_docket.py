"""`legalsec docket`: the sheet saved as PDF (read back as text) or Word, or sent to the printer, headless."""

import re
from datetime import date, datetime, time
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from legalsec_desktop import cli
from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.domain.firm import FirmProfile, Timekeeper
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import deadlines, matters
from legalsec_desktop.services.firm import save_profile

LONG_WORD = "x" * 300


@pytest.fixture(autouse=True)
def docket_clock(monkeypatch):
    """The docket's overdue section depends on today: the tests run on the morning of 2026-11-23."""
    from legalsec_desktop import cli
    from legalsec_desktop.clock import Clock

    monkeypatch.setattr(cli, "CLOCK", Clock(datetime(2026, 11, 23, 8, 0)))


@pytest.fixture
def calendar_db(store, db_path):
    profile = save_profile(store, FirmProfile("Okafor Law", "", 6, "US-FED", "{year}-{seq:04d}", timekeepers=(
        Timekeeper("Mary Hale", "MAH", 30000),)))
    mary = profile.timekeepers[0].id
    matter = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 1, 5),
                                                      responsible_attorney_id=mary, case_number="2:26-cv-01234"))
    for title, day, start, notes in (
        ("Motion to compel", date(2026, 11, 23), time(9, 30), "Courtroom notes " + LONG_WORD),
        ("Status conference", date(2026, 11, 23), time(14), ""),
        ("Pretrial conference", date(2026, 12, 10), time(10), ""),
    ):
        deadlines.save_event(store, EventDraft(matter, "hearing", title, day, False, start, None, "America/New_York",
                                               attendee_ids=(mary,), notes=notes))
    store.close()
    return db_path


def pdf_text(path: Path) -> tuple[str, list[str]]:
    pages = [page.extract_text() for page in PdfReader(str(path)).pages]
    return re.sub(r"\s+", " ", " ".join(pages)), pages


def run(db: Path, *args: str) -> int:
    return cli.main(["docket", "--db", str(db), *args])


def test_the_pdf_lists_the_days_events_in_time_order_with_page_numbers(calendar_db, tmp_path, capsys):
    out = tmp_path / "docket.pdf"
    assert run(calendar_db, "--date", "2026-11-23", "--ahead", "0", "--out", str(out)) == 0
    assert f"Saved the docket to {out}" in capsys.readouterr().out
    text, pages = pdf_text(out)
    assert "Docket for Monday, November 23, 2026" in text and "Okafor Law" in text
    assert "Times are EST (America/New_York)" in text  # the firm's zone (its rules', the computer not saying)
    assert text.index("9:30 AM") < text.index("Motion to compel") < text.index("2:00 PM") \
        < text.index("Status conference")
    assert "Pretrial conference" not in text  # another day, and nothing "coming up" was asked for
    assert f"Page 1 of {len(pages)}" in text


def test_long_notes_wrap_inside_the_page(calendar_db, tmp_path):
    out = tmp_path / "docket.pdf"
    assert run(calendar_db, "--date", "2026-11-23", "--portrait", "--out", str(out)) == 0
    reader = PdfReader(str(out))
    width = float(reader.pages[0].mediabox.width)
    starts: list[float] = []

    def visit(text, cm, tm, _font, _size):  # noqa: ANN001
        if text.strip():
            starts.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    text = "".join(page.extract_text(visitor_text=visit) for page in reader.pages)
    assert text.count("x") >= len(LONG_WORD)  # nothing of the note is lost...
    assert max(len(run) for run in re.findall(r"x+", text)) < 80  # ...and it is broken into lines that fit
    assert starts and max(starts) < width


def test_an_empty_day_prints_a_nothing_scheduled_sheet(calendar_db, tmp_path):
    out = tmp_path / "sunday.pdf"
    assert run(calendar_db, "--date", "2026-11-29", "--ahead", "0", "--out", str(out)) == 0
    text, pages = pdf_text(out)
    assert "Nothing scheduled" in text and "Nothing is scheduled for Sunday, November 29, 2026" in text
    assert len(pages) == 1


def test_the_word_file_holds_the_week_ahead(calendar_db, tmp_path):
    out = tmp_path / "week.docx"
    assert run(calendar_db, "--date", "2026-12-07", "--days", "7", "--attorney", "mah", "--out", str(out)) == 0
    document = Document(str(out))
    events = [row.cells[2].text for table in document.tables for row in table.rows[1:]]
    assert events == ["Hearing: Pretrial conference"]
    assert "Attorney: Mary Hale (MAH)" in [p.text for p in document.paragraphs]


def test_print_sends_the_sheet_to_the_default_printer(calendar_db, tmp_path, monkeypatch, capsys):
    from PySide6.QtPrintSupport import QPrinter

    from legalsec_desktop.ui.common import report_print

    paper = tmp_path / "printed.pdf"

    def stand_in_printer() -> QPrinter:  # the default printer, as a PDF file the test can read
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(paper))
        return printer

    monkeypatch.setattr(report_print, "default_printer", stand_in_printer)
    assert run(calendar_db, "--date", "2026-11-23", "--print") == 0
    assert "Sent the docket to" in capsys.readouterr().out
    assert "Motion to compel" in pdf_text(paper)[0]


def test_no_default_printer_is_a_clear_message(calendar_db, monkeypatch, capsys):
    from PySide6.QtPrintSupport import QPrinterInfo

    monkeypatch.setattr(QPrinterInfo, "defaultPrinter", staticmethod(lambda: QPrinterInfo()))
    assert run(calendar_db, "--print") == 1
    assert "No default printer is set up" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--out", "{tmp}/missing/docket.pdf"], "does not exist"),
    (["--out", "{tmp}/docket.txt"], "must end in .pdf or .docx"),
    ([], "Say where the docket goes"),
    (["--days", "0", "--out", "{tmp}/d.pdf"], "A docket covers 1 to 31 days"),
    (["--attorney", "ZZ", "--out", "{tmp}/d.pdf"], "No timekeeper has the initials “ZZ”"),
])
def test_bad_requests_get_a_clear_message_and_leave_earlier_files(calendar_db, tmp_path, capsys, args, message):
    earlier = tmp_path / "d.pdf"
    earlier.write_bytes(b"%PDF earlier")
    assert run(calendar_db, *[a.format(tmp=tmp_path) for a in args]) == 1
    assert message in capsys.readouterr().err
    assert earlier.read_bytes() == b"%PDF earlier"


def test_a_pdf_that_cannot_be_replaced_leaves_the_earlier_one(calendar_db, tmp_path, monkeypatch, capsys):
    earlier = tmp_path / "docket.pdf"
    earlier.write_bytes(b"%PDF earlier")

    def open_elsewhere(_source, _target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("legalsec_desktop.formats.files.os.replace", open_elsewhere)
    assert run(calendar_db, "--out", str(earlier)) == 1
    assert "open in another program" in capsys.readouterr().err
    assert earlier.read_bytes() == b"%PDF earlier"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == ["docket.pdf"]


def test_tz_gives_the_times_in_another_zone_and_marks_the_courts(calendar_db, tmp_path):
    out = tmp_path / "docket.docx"
    assert run(calendar_db, "--date", "2026-11-23", "--ahead", "0", "--tz", "America/Chicago", "--out", str(out)) == 0
    document = Document(str(out))
    whens = [row.cells[1].text for row in document.tables[0].rows[1:]]
    assert whens == ["8:30 AM\n(9:30 AM EST)", "1:00 PM\n(2:00 PM EST)"]
    assert "Times are CST (America/Chicago); a time in another zone is marked with its own." in [
        p.text for p in document.paragraphs]


def test_a_bad_tz_is_refused_plainly(calendar_db, tmp_path, capsys):
    with pytest.raises(SystemExit):
        run(calendar_db, "--tz", "Mars/Olympus", "--out", str(tmp_path / "docket.pdf"))
    assert "“Mars/Olympus” is not a time zone" in capsys.readouterr().err
