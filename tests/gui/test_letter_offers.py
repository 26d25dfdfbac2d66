"""Where New Letter is reached: Ctrl+Shift+L, a matter's overview, the closing checklist (the closing letter), a
declined conflict check on a matter (the non-engagement letter), and the envelope offered after a letter."""

from datetime import date, datetime
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import contacts, letter_templates, matters
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.correspondence import mailing_dialog
from legalsec_desktop.ui.correspondence.correspondence_feature import CorrespondenceFeature
from legalsec_desktop.ui.correspondence.letter_dialog import LetterDialog
from legalsec_desktop.ui.matters.closing_dialog import ClosingDialog
from legalsec_desktop.ui.matters.conflict_dialog import ConflictCheckDialog
from legalsec_desktop.ui.matters.matters_feature import MattersFeature


@pytest.fixture
def window(make_window, tmp_path):
    window = make_window(tmp_path / "new.db")
    store = window.state.store
    letter_templates.list_templates(store)  # the starter templates, with their purposes
    window.first_id = matters.create_matter(store, MatterDraft("2026-0001", "Smith v. Jones", "John Smith",
                                                               date(2026, 1, 5), adverse_names=("ACME Inc.",)))
    window.show()
    window.tabs.setCurrentIndex(1)
    window.tab(TabKey.MATTERS).refresh()
    window.tab(TabKey.MATTERS).select_matter(window.first_id)
    return window


@pytest.fixture
def opened(monkeypatch):
    """The New Letter dialogs opened: (matter id, template name, recipient id), each cancelled."""
    seen = []

    def record(dialog):
        seen.append((dialog.matter_id, dialog.wanted[1] if dialog.wanted else None, dialog.recipient_id))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(LetterDialog, "exec", record)
    return seen


def test_ctrl_shift_l_is_new_letter_and_print_labels_moved_to_ctrl_shift_g(window, opened):
    assert window.action("new_letter").shortcut() == QKeySequence("Ctrl+Shift+L")
    assert window.action("print_labels").shortcut() == QKeySequence("Ctrl+Shift+G")
    shortcuts = [a.shortcut().toString() for a in window.findChildren(type(window.action("new_letter")))
                 if not a.shortcut().isEmpty()]
    assert shortcuts.count("Ctrl+Shift+L") == 1 and shortcuts.count("Ctrl+Shift+G") == 1
    window.action("new_letter").trigger()
    assert opened == [(window.first_id, None, None)]  # on the matter selected on the Matters tab


def test_a_matters_overview_drafts_a_letter_to_the_selected_party(window, opened):
    detail = window.tab(TabKey.MATTERS).detail
    detail.show_matter(window.first_id)
    detail.new_letter()
    client = contacts.list_parties(window.state.store, window.first_id)[0]
    detail.parties.selectRow(0)
    detail.letter_to_party()
    assert opened == [(window.first_id, None, None), (window.first_id, None, client.contact_id)]


def test_closing_a_matter_offers_the_closing_letter(window, opened, monkeypatch, message_boxes):
    def closed(dialog):
        dialog.closing_done = SimpleNamespace(closed_number="C-2026-0001")  # as the checklist leaves it, closed
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ClosingDialog, "exec", closed)
    window.feature(MattersFeature).close_matter(window.first_id)
    closing = letter_templates.offered_template(window.state.store, "closing")
    assert any("Draft the closing letter" in text for _kind, text in message_boxes)
    assert opened == [(window.first_id, closing.name, None)]


def test_a_declined_check_on_a_matter_offers_the_non_engagement_letter(window, opened, message_boxes):
    dialog = ConflictCheckDialog(window.state, window, client=("Acme Inc.",), context="Party added",
                                 matter_id=window.first_id)
    dialog.findChild(type(dialog.decision_group.button(0)), "declinedRadio").setChecked(True)
    dialog.notes.setText("Adverse to a current client.")
    assert dialog.save_decision()
    declination = letter_templates.offered_template(window.state.store, "declination")
    assert opened == [(window.first_id, declination.name, None)]


def test_a_declined_check_without_a_matter_offers_nothing(window, opened, message_boxes):
    dialog = ConflictCheckDialog(window.state, window, client=("Acme Inc.",))
    dialog.findChild(type(dialog.decision_group.button(0)), "declinedRadio").setChecked(True)
    dialog.notes.setText("Prospective client declined.")
    assert dialog.save_decision()
    assert opened == [] and not message_boxes


def test_no_offer_when_the_firm_keeps_no_template_for_the_purpose(window, opened, message_boxes):
    store = window.state.store
    closing = letter_templates.offered_template(store, "closing")
    letter_templates.set_purpose(store, closing.id, "")
    window.feature(CorrespondenceFeature).offer_letter(window.first_id, "closing")
    assert opened == [] and not message_boxes


def test_declining_the_offer_opens_nothing(window, opened, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.feature(CorrespondenceFeature).offer_letter(window.first_id, "closing")
    assert opened == []


def test_after_a_letter_an_envelope_or_labels_are_offered(window, monkeypatch, message_boxes):
    shown = []
    monkeypatch.setattr(mailing_dialog.MailingDialog, "exec",
                        lambda dialog: shown.append((dialog.matter_id, dialog.mode)) or 0)
    feature = window.feature(CorrespondenceFeature)
    ids = [p.contact_id for p in contacts.list_parties(window.state.store, window.first_id)]
    feature.offer_envelope(window.first_id, ids[:1])
    feature.offer_envelope(window.first_id, ids[:2])
    assert shown == [(window.first_id, "envelope"), (window.first_id, "labels")]
    assert "envelope" in message_boxes[0][1] and "labels for the 2 recipients" in message_boxes[1][1]


def test_closing_through_the_matter_dialog_offers_the_closing_letter_too(window, opened, monkeypatch, message_boxes):
    from sqlalchemy import update

    from legalsec_desktop.db.models import MatterRow
    from legalsec_desktop.ui.matters.matter_dialog import MatterDialog

    def closed_by_the_checklist(dialog):
        with window.state.store.write() as session:  # what the checklist the dialog opens leaves behind
            session.execute(update(MatterRow).where(MatterRow.id == window.first_id).values(
                status="closed", closed_on=date(2026, 11, 20)))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MatterDialog, "exec", closed_by_the_checklist)
    window.feature(MattersFeature).edit_matter(window.first_id)
    closing = letter_templates.offered_template(window.state.store, "closing")
    assert opened == [(window.first_id, closing.name, None)]
    window.feature(MattersFeature).edit_matter(window.first_id)  # already closed: no second offer
    assert len(opened) == 1


def test_ctrl_shift_l_on_the_register_drafts_on_the_chosen_entrys_matter(window, opened):
    from legalsec_desktop.domain.communications import CommunicationDraft
    from legalsec_desktop.services import communications
    from legalsec_desktop.services.changes import Changed

    store = window.state.store
    other = matters.create_matter(store, MatterDraft("2026-0002", "Estate of Lee", "Bo Lee", date(2026, 3, 1)))
    entry = communications.save_communication(store, CommunicationDraft(
        other, "call", "in", datetime(2026, 11, 20, 16, 30), "Bo Lee", "Lease"))[0]
    window.state.data_changed.emit(Changed.ALL)
    tab = window.tab(TabKey.CORRESPONDENCE)
    window.tabs.setCurrentWidget(tab)
    tab.refresh()
    tab.table.selectRow(tab.model.row_of(entry))
    window.action("new_letter").trigger()
    assert opened == [(other, None, None)]  # not the matter chosen on the Matters tab (the first one)


def test_ctrl_shift_l_on_a_matters_parties_page_writes_to_the_chosen_party(window, opened):
    detail = window.tab(TabKey.MATTERS).detail
    detail.show_matter(window.first_id)
    parties = contacts.list_parties(window.state.store, window.first_id)
    detail.tabs.setCurrentWidget(detail.party_page)
    detail.parties.selectRow(1)
    window.action("new_letter").trigger()
    detail.tabs.setCurrentIndex(0)  # the overview: no party is meant
    window.action("new_letter").trigger()
    assert opened == [(window.first_id, None, parties[1].contact_id), (window.first_id, None, None)]


@pytest.mark.parametrize("width", [1280, 1600])
def test_the_parties_letter_button_is_on_the_toolbar_not_behind_the_overflow(window, opened, width):
    from PySide6.QtWidgets import QApplication, QToolBar

    window.resize(width, 900)
    detail = window.tab(TabKey.MATTERS).detail
    detail.show_matter(window.first_id)
    detail.tabs.setCurrentWidget(detail.party_page)
    QApplication.processEvents()
    bar = detail.party_page.findChild(QToolBar)
    letter = next(action for action in bar.actions() if "Letter" in action.text())
    assert bar.widgetForAction(letter).isVisible()
    assert letter in detail.parties.actions()  # also on the table's right-click menu
    detail.parties.selectRow(0)
    bar.widgetForAction(letter).click()
    assert opened[-1] == (window.first_id, None, contacts.list_parties(window.state.store, window.first_id)[0]
                          .contact_id)


def test_after_creating_the_status_names_the_pdf_and_the_register_chooses_the_letter(window, monkeypatch,
                                                                                     message_boxes):
    from pathlib import Path

    from legalsec_desktop.domain.communications import CommunicationDraft
    from legalsec_desktop.services import communications

    store = window.state.store
    entries = [communications.save_communication(store, CommunicationDraft(
        window.first_id, "letter", "out", datetime(2026, 11, day, 9, 0), "John Smith", f"Letter {day}"))[0]
        for day in (2, 3, 4)]

    def created(dialog):
        dialog.created = [SimpleNamespace(path=Path("Status letter.docx"), communication_id=entries[1])]
        dialog.pdfs_saved, dialog.made_for = 1, (window.first_id, [])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LetterDialog, "exec", created)
    said = []
    monkeypatch.setattr(window, "show_status", lambda text, timeout_ms=5000: said.append(text))
    window.feature(CorrespondenceFeature).new_letter(window.first_id)
    assert said and "Status letter.docx" in said[-1] and "PDF copy" in said[-1]
    assert window.tab(TabKey.CORRESPONDENCE).current_id() == entries[1]


def test_the_envelope_questions_have_titles_a_title_bar_does_not_cut(window, message_boxes, monkeypatch):
    monkeypatch.setattr(mailing_dialog.MailingDialog, "exec", lambda dialog: 0)
    feature = window.feature(CorrespondenceFeature)
    ids = [p.contact_id for p in contacts.list_parties(window.state.store, window.first_id)]
    feature.offer_envelope(window.first_id, ids[:1])
    feature.offer_envelope(window.first_id, ids[:2])
    titles = [text.split(":")[0] for _kind, text in message_boxes]
    assert titles == ["Envelope", "Labels"]
