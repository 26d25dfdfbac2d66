"""The matter, contact, party, log and settings dialogs read the database when first shown, not when built."""

from datetime import datetime

import pytest
from PySide6.QtWidgets import QDialog

from legalsec_desktop.domain.communications import CommunicationDraft
from legalsec_desktop.services import communications, contacts, firm, listings, matters
from legalsec_desktop.ui.correspondence.log_dialog import LogDialog
from legalsec_desktop.ui.matters.contact_dialog import ContactDialog
from legalsec_desktop.ui.matters.matter_dialog import MatterDialog
from legalsec_desktop.ui.matters.party_dialog import PartyDialog
from legalsec_desktop.ui.settings.settings_dialog import SettingsDialog


@pytest.fixture
def window(make_window):  # noqa: ANN001, ANN201
    window = make_window()
    store = window.state.store
    window.matter_id = listings.list_ids(store, "matters")[0]
    window.client_id = next(p.contact_id for p in contacts.list_parties(store, window.matter_id)
                            if p.role == "client")
    window.entry_id, _ = communications.save_communication(store, CommunicationDraft(
        window.matter_id, "letter", "out", datetime(2026, 11, 20, 10, 0), "Opposing counsel", "Discovery"))
    return window


def makers(window):  # noqa: ANN001, ANN201
    state, number = window.state, matters.load_matter(window.state.store, window.matter_id).number
    return {
        "new matter": lambda: MatterDialog(state, window),
        "edit matter": lambda: MatterDialog(state, window, window.matter_id),
        "contact": lambda: ContactDialog(state, window, window.client_id),
        "party": lambda: PartyDialog(state, window.matter_id, number, window),
        "new log entry": lambda: LogDialog(state, window, window.matter_id),
        "edit log entry": lambda: LogDialog(state, window, entry_id=window.entry_id),
        "settings": lambda: SettingsDialog(state, parent=window),
    }


@pytest.mark.parametrize("kind", ["new matter", "edit matter", "contact", "party", "new log entry", "edit log entry",
                                  "settings"])
def test_building_a_dialog_reads_nothing_and_showing_it_reads_once(window, qtbot, monkeypatch, kind):
    store = window.state.store
    make = makers(window)[kind]
    real_read, reads = store.read, []

    def counted():  # noqa: ANN202
        reads.append(kind)
        return real_read()

    monkeypatch.setattr(store, "read", counted)
    dialog = make()
    qtbot.addWidget(dialog)
    assert reads == [] and not dialog.loaded
    dialog.show()
    assert dialog.loaded and reads
    seen = len(reads)
    dialog.hide()
    dialog.show()
    dialog.load()
    assert len(reads) == seen  # once only


def test_what_the_dialogs_read_is_in_their_fields_once_shown(window, qtbot):
    store = window.state.store
    draft = matters.load_matter(store, window.matter_id)
    made = makers(window)
    editor = made["edit matter"]()
    qtbot.addWidget(editor)
    editor.show()
    assert (editor.number.text(), editor.title_edit.text()) == (draft.number, draft.title)
    assert editor.windowTitle() == f"Edit Matter {draft.number}"
    new = made["new matter"]()
    qtbot.addWidget(new)
    new.show()
    assert new.number.text() == matters.next_matter_number(store) and new.attorney.currentData() is not None
    contact = made["contact"]()
    qtbot.addWidget(contact)
    contact.show()
    assert contact.name.text() == contacts.load_contact(store, window.client_id).name
    assert draft.number in contact.matters_label.text()
    entry = made["edit log entry"]()
    qtbot.addWidget(entry)
    entry.show()
    assert (entry.kind.currentData(), entry.outgoing.isChecked(), entry.subject.text()) == ("letter", True, "Discovery")
    assert entry.chosen_matter() == window.matter_id and not entry.time_box.isVisibleTo(entry)
    assert entry.windowTitle() == "Edit Letter"
    logging = made["new log entry"]()
    qtbot.addWidget(logging)
    logging.show()
    assert logging.time_box.isVisibleTo(logging) and logging.timekeeper.count() > 0
    settings = made["settings"]()
    qtbot.addWidget(settings)
    settings.show()
    profile = firm.load_profile(store)
    assert settings.name.text() == profile.name
    assert settings.keepers.rowCount() == sum(1 for k in profile.timekeepers if k.active)


@pytest.mark.parametrize("kind", ["edit matter", "contact", "edit log entry", "settings"])
def test_accepting_a_dialog_that_was_never_shown_cannot_blank_the_record(window, qtbot, kind):
    store = window.state.store
    before = (matters.load_matter(store, window.matter_id), contacts.load_contact(store, window.client_id),
              communications.load_communication(store, window.entry_id), firm.load_profile(store))
    dialog = makers(window)[kind]()
    qtbot.addWidget(dialog)
    dialog.accept()  # reads the record first, so what is saved is what was there
    assert dialog.result() == QDialog.DialogCode.Accepted
    after = (matters.load_matter(store, window.matter_id), contacts.load_contact(store, window.client_id),
             communications.load_communication(store, window.entry_id), firm.load_profile(store))
    assert after == before


def test_a_record_gone_before_showing_is_explained_and_the_dialog_closes(window, qtbot, message_boxes):
    dialog = LogDialog(window.state, window, entry_id=window.entry_id + 1000)  # no such entry
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.loaded
    assert message_boxes and message_boxes[-1][1].startswith("Log entry not opened")
    dialog.accept()  # still cannot save: the entry cannot be read
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert [e.id for e in communications.matter_log(window.state.store, window.matter_id)
            if e.id > window.entry_id] == []


def test_exec_of_a_matter_that_is_gone_returns_at_once(window, qtbot, message_boxes):
    dialog = MatterDialog(window.state, window, window.matter_id + 10_000)  # no such matter
    qtbot.addWidget(dialog)
    assert dialog.exec() == QDialog.DialogCode.Rejected  # the event loop is ended by the queued reject()
    assert message_boxes[-1][1].startswith("Matter not opened") and not dialog.loaded
