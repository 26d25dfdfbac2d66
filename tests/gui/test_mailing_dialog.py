"""The Mailing dialog: a matter's parties to check (by role), a via line, used labels to skip, a preview, and PDFs
saved; a recipient with no address is said in words, left off labels, and typed for an envelope."""

import unicodedata
from datetime import date

import pytest
from mailing_setup import mailing_matter
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter

from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import mailing
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.correspondence.mailing_dialog import MailingDialog


def words(path, page: int = 0) -> str:
    return " ".join(unicodedata.normalize("NFKC", PdfReader(path).pages[page].extract_text()).split())


@pytest.fixture
def state(store, db_path, tmp_path):
    state = AppState(db_path, tmp_path / "backups")
    state.set_store(store)
    state.matter_id = mailing_matter(store)
    return state


def dialog_of(qtbot, state, **options) -> MailingDialog:
    dialog = MailingDialog(state, None, options.pop("matter_id", state.matter_id), **options)
    qtbot.addWidget(dialog)
    dialog.load()
    return dialog


def rows(dialog: MailingDialog) -> list[tuple[str, bool]]:
    items = [dialog.recipients.item(i) for i in range(dialog.recipients.count())]
    return [(item.text(), item.checkState() == Qt.CheckState.Checked) for item in items]


def check(dialog: MailingDialog, name: str, on: bool = True) -> None:
    for i in range(dialog.recipients.count()):
        item = dialog.recipients.item(i)
        if item.text().startswith(name):
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_labels_for_every_party_but_the_one_without_an_address(qtbot, state, tmp_path):
    dialog = dialog_of(qtbot, state, mode="labels")
    assert dialog.windowTitle() == "Print Mailing Labels"
    assert rows(dialog) == [("Ana Rivera (client)", True), ("Brian Okafor (opposing party)", True),
                            ("Scott Collins (opposing counsel)", True), ("Dana Whitfield (opposing counsel)", True),
                            ("Nora Blank (witness) — no address", False)]
    assert dialog.notes.text() == "4 label(s) to print."
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    check(dialog, "Nora Blank")
    assert "Nora Blank has no address and is left out" in dialog.notes.text()
    dialog.skip.setValue(3)
    out = dialog.save_pdf(tmp_path / "labels.pdf")
    assert out == tmp_path / "labels.pdf" and dialog.saved == [out]
    text = words(out)
    assert all(name in text for name in ("Ana Rivera", "Brian Okafor", "Scott Collins", "Dana Whitfield"))
    assert "Nora Blank" not in text and "None" not in text
    assert "Saved to" in dialog.notes.text()


def test_the_role_filter_prints_that_role_only(qtbot, state, tmp_path):
    dialog = dialog_of(qtbot, state, mode="labels")
    dialog.role.setCurrentIndex(dialog.role.findData("opposing counsel"))
    assert [text for text, _ in rows(dialog)] == ["Scott Collins (opposing counsel)",
                                                   "Dana Whitfield (opposing counsel)"]
    assert [a.name for a in dialog.chosen()] == ["Scott Collins", "Dana Whitfield"]
    text = words(dialog.save_pdf(tmp_path / "counsel.pdf"))
    assert "Scott Collins" in text and "Dana Whitfield" in text and "Ana Rivera" not in text


def test_an_envelope_to_the_recipient_given_with_a_via_line(qtbot, state, tmp_path):
    collins = mailing.find_recipient(state.store, state.matter_id, "Scott Collins")
    dialog = dialog_of(qtbot, state, contact_ids=[collins])
    assert dialog.windowTitle() == "Print Envelope"
    assert [name for name, on in rows(dialog) if on] == ["Scott Collins (opposing counsel)"]
    assert dialog.address.isHidden()
    dialog.via.setCurrentText("Personal and Confidential")
    out = dialog.save_pdf(tmp_path / "envelope.pdf")
    page = PdfReader(out).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (684, 297)
    text = words(out)
    for part in ("Holloway & Chen LLP", "Scott Collins", "Collins & Björk LLP", "Personal and Confidential"):
        assert part in text


def test_an_envelope_starts_with_the_client_when_no_one_is_given(qtbot, state):
    dialog = dialog_of(qtbot, state)
    assert [name for name, on in rows(dialog) if on] == ["Ana Rivera (client)"]
    assert dialog.notes.text() == "1 envelope(s) to print."


def test_a_recipient_with_no_address_can_have_one_typed_for_the_envelope(qtbot, state, tmp_path):
    blank = mailing.find_recipient(state.store, state.matter_id, "Nora Blank")
    dialog = dialog_of(qtbot, state, contact_ids=[blank])
    assert not dialog.address.isHidden()
    assert "Nora Blank has no address: type it above" in dialog.notes.text()
    assert not dialog.pdf_button.isEnabled() and not dialog.print_button.isEnabled()
    assert dialog.save_pdf(tmp_path / "none.pdf") is None and not (tmp_path / "none.pdf").exists()
    dialog.address.setPlainText("1 Court Sq\nBoston, MA 02108")
    assert dialog.pdf_button.isEnabled()
    out = dialog.save_pdf(tmp_path / "envelope.pdf")
    assert "Nora Blank 1 Court Sq Boston, MA 02108" in words(out)
    assert not mailing.contact_address(state.store, blank).printable  # typed for this envelope, not saved


def test_a_contact_not_on_the_matter_is_listed(qtbot, state):
    from legalsec_desktop.domain.contacts import ContactDraft
    from legalsec_desktop.services import contacts

    clerk = contacts.save_contact(state.store, ContactDraft("Clerk of Court", address="1 Court Sq\nBoston, MA"))
    dialog = dialog_of(qtbot, state, contact_ids=[clerk])
    assert ("Clerk of Court (contact)", True) in rows(dialog)


def test_printing_goes_to_the_printer_with_the_envelope_page(qtbot, state, tmp_path):
    dialog = dialog_of(qtbot, state)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer)
    assert "Feed each #10 envelope" in dialog.notes.text()
    page = PdfReader(tmp_path / "printed.pdf").pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (684, 297)


def test_choosing_another_matter_reads_its_parties(qtbot, state):
    dialog = dialog_of(qtbot, state, matter_id=None, mode="labels")
    assert dialog.matter.currentData() is None and rows(dialog) == []
    assert dialog.notes.text() == "Check the recipients to print for."
    dialog.matter.setCurrentIndex(dialog.matter.findData(state.matter_id))
    assert len(rows(dialog)) == 5


def test_the_correspondence_feature_offers_envelopes_and_labels(make_window, monkeypatch):
    opened = []
    monkeypatch.setattr(MailingDialog, "exec", lambda self: opened.append((self.mode, self.matter_id)) or 0)
    window = make_window()
    for name, mode in (("print_envelope", "envelope"), ("print_mailing_labels", "labels")):
        action = window.findChild(QAction, name)
        assert action is not None and action.shortcut().isEmpty()
        action.trigger()
        assert opened[-1][0] == mode
    texts = [window.findChild(QAction, name).text() for name in ("print_envelope", "print_mailing_labels")]
    assert texts == ["Print &Envelope…", "Print Mailing La&bels…"]


@pytest.mark.parametrize("mode", ["envelope", "labels"])
def test_the_dialog_is_wide_enough_for_the_matter_and_the_names(qtbot, state, tmp_path, mode):
    from legalsec_desktop.services import matters

    store = state.store
    long_matter = matters.create_matter(store, MatterDraft(
        "2026-0099", "Horizon Construction Inc. v. Northgate Auto Sales", "Horizon Construction Inc.",
        date(2026, 1, 5), adverse_names=("Northgate Auto Sales and Leasing Company, LLC",)))
    dialog = dialog_of(qtbot, state, matter_id=long_matter, mode=mode)
    dialog.show()
    qtbot.wait(10)
    combo, names = dialog.matter, dialog.recipients
    assert combo.lineEdit().fontMetrics().horizontalAdvance(combo.currentText()) <= combo.lineEdit().width()
    widest = max(names.fontMetrics().horizontalAdvance(names.item(i).text()) for i in range(names.count()))
    assert widest + 40 <= names.viewport().width()  # the check box and the whole name
    assert dialog.width() >= 800
    dialog.grab().save(str(tmp_path / f"mailing-{mode}.png"))
