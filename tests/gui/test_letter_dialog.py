"""New Letter: choose a template and a recipient, answer what it asks, preview, create — filed and logged."""

from datetime import date

import pytest
from docx import Document
from PySide6.QtCore import QSettings
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import communications, contacts, documents, letter_templates, letters, matters
from legalsec_desktop.ui.correspondence import letter_drafting
from legalsec_desktop.ui.correspondence.letter_dialog import LetterDialog
from legalsec_desktop.ui.correspondence.missing_addresses import MissingAddressesDialog
from letter_dialog_setup import answer_all, open_letter_dialog

STATUS = "Status letter to client"


@pytest.fixture
def window(make_window):
    window = make_window()
    store = window.state.store
    letter_templates.list_templates(store)  # the starter templates are written on first use
    window.matter_id = next(m for m, label in matters.matter_choices(store)
                            if len(contacts.list_parties(store, m)) >= 3)
    return window


def _text(path):
    return "\n".join(p.text for p in Document(path).paragraphs)


def test_the_dialog_drafts_files_and_logs_a_letter_end_to_end(window, qtbot):
    store = window.state.store
    dialog = open_letter_dialog(window, qtbot, template_name=STATUS)
    assert dialog.picker.chosen() == ("template", STATUS)
    client = contacts.list_parties(store, window.matter_id)[0]
    assert dialog.recipients.chosen() == ("contact", client.contact_id)  # the client, first
    assert dialog.signer.currentData() == matters.load_matter(store, window.matter_id).responsible_attorney_id
    assert dialog.asks.asks, "the status letter asks for the news"
    assert not dialog.show_preview(quiet=False)  # unanswered: marked beside the questions, nothing rendered
    assert "Answer" in dialog.preview.notes.text()
    answer_all(dialog)
    dialog.subject.setText("Where things stand")
    assert dialog.show_preview(quiet=False)
    shown = dialog.preview.browser.toPlainText()
    assert client.name in shown and "Smith & Sons <Ltd>" in shown and "None" not in shown
    before = len(documents.documents_of(store, window.matter_id))
    dialog.accept()
    assert dialog.result() == LetterDialog.DialogCode.Accepted
    [made] = dialog.created
    assert made.path.is_file() and client.name in _text(made.path)
    assert len(documents.documents_of(store, window.matter_id)) == before + 1
    entry = communications.load_communication(store, made.communication_id)
    assert (entry.kind, entry.direction, entry.subject) == ("letter", "out", "Where things stand")
    assert entry.with_whom == client.name
    assert dialog.made_for == (window.matter_id, [client.contact_id])


def test_the_search_box_filters_the_templates_and_packages(window, qtbot):
    dialog = open_letter_dialog(window, qtbot)
    dialog.picker.search.setText("opposing")
    shown = [dialog.picker.list.item(r).text() for r in range(dialog.picker.list.count())
             if not dialog.picker.list.item(r).isHidden()]
    assert shown == ["Letter to opposing counsel"]
    assert dialog.picker.chosen() == ("template", "Letter to opposing counsel")
    dialog.picker.search.setText("package")
    assert dialog.picker.chosen()[0] == "package"


def test_a_template_with_a_problem_is_listed_greyed_with_the_reason(window, qtbot):
    folder = letter_templates.templates_folder(window.state.store)
    (folder / "Broken.docx").write_bytes(b"not a word file")
    dialog = open_letter_dialog(window, qtbot)
    item = next(dialog.picker.list.item(r) for r in range(dialog.picker.list.count())
                if dialog.picker.list.item(r).text().startswith("Broken"))
    assert "cannot be used" in item.text()
    assert not dialog.picker.choose("template", "Broken")


def test_every_party_of_a_role_gets_a_letter_through_the_worker(window, qtbot, monkeypatch):
    store = window.state.store
    role = "opposing counsel"
    contacts.add_party(store, window.matter_id, "Second Counsel Esq.", role)
    dialog = open_letter_dialog(window, qtbot, template_name="Letter to opposing counsel")
    combo = dialog.recipients.combo
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith("Every opposing counsel"))
    dialog.recipients.combo.setCurrentIndex(index)
    assert dialog.recipients.chosen() == ("role", role)
    answer_all(dialog)
    assert len(dialog.requests()) == 2
    second = next(p.contact_id for p in contacts.list_parties(store, window.matter_id)
                  if p.name == "Second Counsel Esq.")
    asked = []

    def typed(box):  # Second Counsel has no address: the dialog asks for it before filing
        asked.append(list(box.edits))
        box.edits[second].setPlainText("1 Court Sq\nSpringfield, IL 62701")
        return box.DialogCode.Accepted

    monkeypatch.setattr(MissingAddressesDialog, "exec", typed)
    dialog.accept()
    assert asked == [[second]]
    assert len(dialog.created) == 2
    assert sorted(dialog.made_for[1]) == sorted(letters.parties_with_role(store, window.matter_id, role))


def test_a_recipient_without_an_address_gets_a_box_to_type_one(window, qtbot):
    store = window.state.store
    contacts.add_party(store, window.matter_id, "Nora Noaddress", "witness")
    nora = next(p.contact_id for p in contacts.list_parties(store, window.matter_id) if p.name == "Nora Noaddress")
    dialog = open_letter_dialog(window, qtbot, template_name=STATUS, recipient_id=nora)
    assert dialog.address_wanted and "Nora Noaddress has no address" in dialog.address_note.text()
    dialog.address.setPlainText("12 Elm St\nSpringfield, IL 62701")
    answer_all(dialog)
    dialog.accept()
    assert "12 Elm St" in _text(dialog.created[0].path) and "None" not in _text(dialog.created[0].path)


def test_a_matter_without_a_responsible_attorney_asks_who_signs(window, qtbot):
    store = window.state.store
    matter_id = matters.create_matter(store, MatterDraft("2026-0999", "Ng estate", "Al Ng", date(2026, 11, 2)))
    dialog = open_letter_dialog(window, qtbot, matter_id=matter_id, template_name=STATUS)
    assert dialog.needs_signer and not dialog.signer_note.isHidden()
    assert "#b00020" in dialog.signer.styleSheet()
    answer_all(dialog)
    dialog.accept()
    assert not dialog.created and "choose who signs" in dialog.errors.labels["signer"].text()
    dialog.signer.setCurrentIndex(1)
    assert dialog.signer_note.isHidden()
    dialog.accept()
    assert len(dialog.created) == 1


def test_create_refuses_a_letter_that_still_holds_placeholders(window, qtbot, monkeypatch, message_boxes):
    real = letters.preview_letter

    def with_leftover(store, request):
        shown = real(store, request)
        return letters.LetterPreview(shown.docx, shown.warnings, ("«Client_Name»",), shown.template)

    monkeypatch.setattr(letter_drafting.letters, "preview_letter", with_leftover)
    before = len(documents.documents_of(window.state.store, window.matter_id))
    dialog = open_letter_dialog(window, qtbot, template_name=STATUS)
    answer_all(dialog)
    dialog.accept()
    assert not dialog.created and dialog.result() != LetterDialog.DialogCode.Accepted
    assert "«Client_Name»" in dialog.preview.notes.text()
    assert any("Letter not created" in text for _kind, text in message_boxes)
    assert len(documents.documents_of(window.state.store, window.matter_id)) == before


def test_answers_survive_a_change_of_template_and_choices_are_remembered(window, qtbot):
    dialog = open_letter_dialog(window, qtbot, template_name=STATUS)
    first = dialog.asks.asks[0].name
    dialog.asks.set_answer(first, "typed once")
    dialog.picker.choose("template", "Letter to opposing counsel")
    dialog.picker.choose("template", STATUS)
    assert dialog.asks.answers()[first] == "typed once"
    dialog.open_after.setChecked(True)
    dialog.reject()
    assert QSettings().value("letter_dialog/template") == STATUS
    again = open_letter_dialog(window, qtbot)
    assert again.picker.chosen() == ("template", STATUS) and again.open_after.isChecked()


def test_the_dialog_looks_right(window, qtbot, tmp_path, message_boxes):  # closing it asks before discarding
    dialog = open_letter_dialog(window, qtbot, template_name=STATUS)
    answer_all(dialog)
    dialog.show()
    assert dialog.show_preview(quiet=False)
    QApplication.processEvents()
    assert dialog.grab().save(str(tmp_path / "letter.png"))
    assert dialog.preview.browser.toPlainText().strip()


def test_a_package_drafts_each_of_its_letters(window, qtbot):
    store = window.state.store
    package = letter_templates.list_packages(store)[0]
    dialog = open_letter_dialog(window, qtbot, package=package.name)
    assert dialog.picker.chosen() == ("package", package.name)
    asked = {ask.name for name in package.templates for ask in letter_templates.find_template(store, name).asks}
    assert {ask.name for ask in dialog.asks.asks} == asked  # a question shared by two letters is asked once
    answer_all(dialog)
    dialog.accept()
    assert len(dialog.created) == len(package.templates), dialog.preview.notes.text()
    titles = [documents.document(store, made.document_id).title for made in dialog.created]
    assert all(any(name in title for title in titles) for name in package.templates)


def test_another_contact_is_found_by_name(window, qtbot):
    store = window.state.store
    outsider = next(c for c, _name in contacts.contact_choices(store)
                    if c not in {p.contact_id for p in contacts.list_parties(store, window.matter_id)})
    dialog = open_letter_dialog(window, qtbot, template_name=STATUS, recipient_id=outsider)
    assert dialog.recipients.combo.currentText() == "Another contact…" and not dialog.recipients.other.isHidden()
    assert dialog.recipients.chosen() == ("contact", outsider)
    dialog.recipients.other.setCurrentIndex(0)  # blank: no one
    dialog.accept()
    assert not dialog.created and "Choose who the letter is to" in dialog.errors.labels["recipient"].text()


def test_open_in_word_and_the_pdf_after_creating(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    made_pdf = []
    monkeypatch.setattr("legalsec_desktop.services.pdf_convert.file_letter_pdf",
                        lambda store, root, matter_id, letter, title, on, clock, by: made_pdf.append((matter_id,
                                                                                                      title)) or 1)
    dialog = open_letter_dialog(window, qtbot, template_name=STATUS)
    dialog.pdf_available = True
    dialog.open_after.setChecked(True)
    dialog.save_pdf.setChecked(True)
    answer_all(dialog)
    dialog.accept()
    [made] = dialog.created
    assert opened == [str(made.path)]
    assert made_pdf == [(window.matter_id, documents.document(window.state.store, made.document_id).title)]
    assert dialog.pdfs_saved == 1  # said in the status bar


def test_a_pause_in_typing_previews_the_letter(window, qtbot):
    dialog = open_letter_dialog(window, qtbot, template_name=STATUS)
    dialog.pause.setInterval(10)
    answer_all(dialog)
    qtbot.waitUntil(lambda: dialog.preview.current, timeout=20000)
    assert "Smith & Sons <Ltd>" in dialog.preview.browser.toPlainText()
    dialog.subject.setText("Changed")
    assert "preview again" in dialog.preview.notes.text()  # stale until the next pause


def test_every_party_of_a_role_removed_meanwhile_is_said_beside_the_recipient(window, qtbot):
    store = window.state.store
    role = "opposing counsel"
    contacts.add_party(store, window.matter_id, "Second Counsel Esq.", role)
    dialog = open_letter_dialog(window, qtbot, template_name="Letter to opposing counsel")
    combo = dialog.recipients.combo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) == ("role", role)))
    answer_all(dialog)
    before = len(documents.documents_of(store, window.matter_id))
    for party in contacts.list_parties(store, window.matter_id):  # removed in another window
        if party.role == role:
            contacts.remove_party(store, party.party_id)
    dialog.accept()  # was an IndexError (a traceback) with no one left in the role
    assert dialog.result() != LetterDialog.DialogCode.Accepted and dialog.created == []
    assert "role" in dialog.errors.labels["recipient"].text()
    assert len(documents.documents_of(store, window.matter_id)) == before


def test_a_package_with_a_template_removed_is_refused_not_made_short(window, qtbot):
    store = window.state.store
    package = letter_templates.list_packages(store)[0]
    gone = letter_templates.find_template(store, package.templates[-1])
    letter_templates.delete_template(store, gone.id)
    dialog = open_letter_dialog(window, qtbot, package=package.name)
    answer_all(dialog)
    before = len(documents.documents_of(store, window.matter_id))
    dialog.accept()  # made the other letters of the package without a word
    assert dialog.created == [] and gone.name in dialog.errors.labels["template"].text()
    assert len(documents.documents_of(store, window.matter_id)) == before


def test_opening_the_dialog_starts_the_render_process_ahead_of_the_first_preview(window, qtbot):
    from legalsec_desktop.formats import template_sandbox

    template_sandbox._WORKER.stop()
    assert template_sandbox._WORKER._process is None
    open_letter_dialog(window, qtbot)
    assert template_sandbox._WORKER._process is not None  # letter_docx.get_ready was never called


def test_the_clerk_of_the_matters_court_is_offered_and_the_typed_address_printed(window, qtbot):
    """A cover letter for filing goes to the clerk of the matter's court, who is not a contact: offered with the
    court's name, its address typed for the letter, logged as to the clerk of that court."""
    store = window.state.store
    matter_id = next(m for m, _label in matters.matter_choices(store) if matters.load_matter(store, m).court)
    court = matters.load_matter(store, matter_id).court
    dialog = open_letter_dialog(window, qtbot, matter_id=matter_id, template_name="Cover letter to the court clerk")
    combo = dialog.recipients.combo
    clerk = next(i for i in range(combo.count()) if combo.itemText(i).startswith("Clerk of the Court — "))
    assert court in combo.itemText(clerk)
    combo.setCurrentIndex(clerk)
    assert dialog.address_wanted and "Clerk of the Court has no address" in dialog.address_note.text()
    dialog.address.setPlainText("111 N. Hill Street\nLos Angeles, CA 90012")
    answer_all(dialog)
    dialog.accept()
    [made] = dialog.created
    text = _text(made.path)
    assert "Clerk of the Court" in text and "111 N. Hill Street" in text and "None" not in text
    assert communications.load_communication(store, made.communication_id).with_whom == f"Clerk of the Court, {court}"
