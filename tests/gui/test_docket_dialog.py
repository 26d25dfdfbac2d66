"""File ▸ Print Docket: the preview follows the options, bad dates are explained, PDF and Word are saved."""

import re
import threading
from datetime import date, time

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from pypdf import PdfReader

from legalsec_desktop.ui.common import save_paths
from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import deadlines, docket, matters
from legalsec_desktop.ui.common import report_print
from legalsec_desktop.ui.calendar.docket_dialog import DocketPreview

DAY = date(2026, 11, 23)


@pytest.fixture
def window(make_window, tmp_path, two_attorney_firm):
    window = make_window(tmp_path / "docket.db")
    store = window.state.store
    mary, ken = two_attorney_firm(store, "Hale Law")
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", DAY,
                                                      responsible_attorney_id=mary))
    lee = matters.create_matter(store, MatterDraft("2026-0002", "Estate of Lee", "Sam Lee", DAY,
                                                   responsible_attorney_id=ken))
    for matter, who, title, start in ((rivera, mary, "Motion to compel", time(9, 30)),
                                      (lee, ken, "Deposition of Lee", time(13))):
        deadlines.save_event(store, EventDraft(matter, "hearing", title, DAY, False, start, None, "America/Chicago",
                                               attendee_ids=(who,)))
    return window


def open_preview(window, qtbot) -> DocketPreview:
    preview = DocketPreview(window.state, window, DAY)
    qtbot.addWidget(preview)
    preview.show()
    return preview


def rows(preview) -> list[str]:
    table = next(s for s in preview.report.sections if s.heading.startswith("Hearings")).table
    return [row[2] for i, row in enumerate(table.rows) if i not in table.groups]


def test_ctrl_p_opens_the_docket_preview(window, qtbot, monkeypatch):
    opened = []

    def shown(self) -> int:  # exec() shows the dialog (which builds the sheet) and waits; here it closes at once
        self.show()
        opened.append(self.report.title)
        self.reject()
        return 0

    monkeypatch.setattr(DocketPreview, "exec", shown)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    today = date(2026, 11, 23)  # the day tests/conftest.py pins the program's clock to
    assert opened == [f"Docket for {today:%A}, {today:%B} {today.day}, {today.year}"]
    assert window.action("print_docket") in window.menuBar().actions()[0].menu().actions()


def test_the_constructor_reads_nothing_until_the_dialog_is_shown(window, qtbot, monkeypatch):
    from legalsec_desktop.services import docket

    calls = []
    for name in ("timekeeper_names", "docket_report"):
        real = getattr(docket, name)
        monkeypatch.setattr(docket, name, lambda *a, _real=real, _name=name: calls.append(_name) or _real(*a))
    preview = DocketPreview(window.state, window, DAY)
    qtbot.addWidget(preview)
    assert calls == [] and preview.report is None and preview.attorney.count() == 1
    preview.show()
    assert calls[0] == "timekeeper_names" and calls.count("docket_report") == 1  # not one sheet per attorney added
    assert [preview.attorney.itemData(i) for i in range(preview.attorney.count())] == ["", "KI", "MAH"]
    read = list(calls)
    preview.hide()
    preview.show()
    assert calls == read  # read once


def test_the_preview_follows_the_attorney_and_grouping(window, qtbot):
    preview = open_preview(window, qtbot)
    assert rows(preview) == ["Hearing: Motion to compel", "Hearing: Deposition of Lee"]
    assert preview.preview.pageCount() == 1
    preview.attorney.setCurrentIndex(preview.attorney.findData("KI"))
    assert rows(preview) == ["Hearing: Deposition of Lee"]
    assert "Attorney: Ken Ito (KI)" in preview.report.header_lines
    preview.attorney.setCurrentIndex(0)
    preview.by_attorney.setChecked(True)
    titles = [(s.heading, s.new_page) for s in preview.report.sections if s.level == 1]
    assert titles == [("Ken Ito (KI)", False), ("Mary Hale (MAH)", True)]  # each attorney on a page of their own
    assert preview.preview.pageCount() == 2


def test_week_ahead_and_a_bad_date(window, qtbot):
    preview = open_preview(window, qtbot)
    qtbot.mouseClick(preview.week_button, Qt.MouseButton.LeftButton)
    assert preview.report.title == "Docket for Mon 11/23/2026 – Sun 11/29/2026"
    shown = preview.report
    preview.first.edit.setText("02/30/2026")
    qtbot.waitUntil(lambda: preview.problem.isVisible())
    assert "02/30/2026" in preview.problem.text()
    assert preview.report is shown  # the last good sheet stays in the preview
    preview.first.edit.setText("11/24/2026")
    qtbot.waitUntil(lambda: not preview.problem.isVisible())
    assert preview.report.title == "Docket for Tue 11/24/2026 – Mon 11/30/2026"


def test_save_as_pdf_and_export_to_word(window, qtbot, monkeypatch, tmp_path):
    preview = open_preview(window, qtbot)
    answers = iter([str(tmp_path / "today"), str(tmp_path / "today.docx")])
    monkeypatch.setattr(save_paths, "ask_user", lambda *a, **k: (next(answers), ""))
    writers = []
    for module, name in ((report_print, "write_pdf"), (docket, "save_as_word")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, real=real: writers.append(threading.current_thread()) or real(*a))
    assert preview.save("pdf") == tmp_path / "today.pdf"
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(str(tmp_path / "today.pdf")).pages))
    assert text.index("Motion to compel") < text.index("Deposition of Lee")
    assert "Saved to" in preview.problem.text()
    preview.preview.setPortraitOrientation()
    assert preview.save("docx") == tmp_path / "today.docx"
    document = Document(str(tmp_path / "today.docx"))
    assert [r.cells[2].text for r in document.tables[0].rows[1:]] == ["Hearing: Motion to compel",
                                                                      "Hearing: Deposition of Lee"]
    section = document.sections[0]
    assert section.page_width < section.page_height  # portrait, as the preview was turned
    assert len(writers) == 2 and threading.main_thread() not in writers  # both written off the UI thread


def test_print_goes_through_the_print_dialog(window, qtbot, monkeypatch, tmp_path):
    preview = open_preview(window, qtbot)
    paper = tmp_path / "printer.pdf"

    def choose_printer(dialog) -> int:  # the user picks a printer (here one that prints to a file) and OK
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(paper))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_printer)
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "Deposition of Lee" in re.sub(r"\s+", " ", PdfReader(str(paper)).pages[0].extract_text())
    assert preview.printer().pageLayout().orientation() == QPageLayout.Orientation.Landscape


def test_options_are_remembered(window, qtbot):
    preview = open_preview(window, qtbot)
    preview.days.setValue(3)
    preview.ahead.setValue(14)
    preview.attorney.setCurrentIndex(preview.attorney.findData("MAH"))
    preview.by_attorney.setChecked(True)
    preview.reject()
    again = open_preview(window, qtbot)
    assert (again.days.value(), again.ahead.value(), again.attorney.currentData(), again.by_attorney.isChecked()) == \
        (3, 14, "MAH", True)
