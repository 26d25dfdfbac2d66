"""The party and contact dialogs: person or organisation from the words (overridable), "Last, First" parsed,
and a contact already in the files offered before a new one is made."""

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select

from legalsec_desktop.db.models import ContactRow
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import contacts, matters
from legalsec_desktop.ui.matters.contact_dialog import ContactDialog
from legalsec_desktop.ui.matters.party_dialog import PartyDialog
from legalsec_desktop.ui.matters.similar_contacts_dialog import SimilarContactsDialog


@pytest.fixture
def state(make_window, tmp_path, monkeypatch):
    from legalsec_desktop.ui.matters.conflict_dialog import ConflictCheckDialog

    # the conflict check that follows finds the similar names too: the user waives it (not shown here)
    monkeypatch.setattr(ConflictCheckDialog, "exec", lambda dialog: setattr(dialog, "decision", "waived") or 0)
    window = make_window(tmp_path / "new.db")
    store = window.state.store
    window.pioneer = matters.create_matter(store, MatterDraft(
        "2020-0001", "Pioneer Trucking Co. v. Joshua Jones", "Pioneer Trucking Co.", date(2020, 1, 6),
        adverse_names=("Joshua Jones",)))
    window.other = matters.create_matter(store, MatterDraft("2026-0001", "Lee: estate planning", "Ann Lee",
                                                            date(2026, 1, 6)))
    window.state.window = window
    return window.state


def contact_count(store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(ContactRow))


def answer_similar(monkeypatch, offered, choose):
    def exec_(dialog):
        offered.append([dialog.choices.item(i).text() for i in range(dialog.choices.count())])
        {"use": dialog.use_selected, "new": dialog.create_new, "back": dialog.reject}[choose]()
        return dialog.result()
    monkeypatch.setattr(SimilarContactsDialog, "exec", exec_)


def party_dialog(state, qtbot, matter_id, role="opposing party"):
    dialog = PartyDialog(state, matter_id, "2026-0001", state.window, role=role)
    qtbot.addWidget(dialog)
    dialog.load()
    return dialog


def test_a_typed_company_is_offered_the_client_it_resembles(state, qtbot, monkeypatch, message_boxes):
    offered = []
    answer_similar(monkeypatch, offered, "use")
    before = contact_count(state.store)
    dialog = party_dialog(state, qtbot, state.window.other, role="witness")
    dialog.name.setText("Pioneer Trucking Company")
    assert dialog.is_organisation()
    dialog.accept()
    assert offered == [["Pioneer Trucking Co. — client on 2020-0001"]]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert contact_count(state.store) == before  # no duplicate
    names = {p.name: p.role for p in contacts.list_parties(state.store, state.window.other)}
    assert names["Pioneer Trucking Co."] == "witness"


def test_last_first_is_parsed_and_a_new_contact_can_still_be_made(state, qtbot, monkeypatch):
    offered = []
    answer_similar(monkeypatch, offered, "new")
    dialog = party_dialog(state, qtbot, state.window.other, role="witness")
    dialog.name.setText("Jones, Josh")
    assert not dialog.is_organisation()
    assert dialog.kept_as.text() == "A new contact is kept as “Josh Jones”, sorted as “Jones, Josh”."
    dialog.accept()
    assert offered == [["Joshua Jones — opposing party on 2020-0001"]]  # a nickname: offered, declined
    assert dialog.result() == QDialog.DialogCode.Accepted
    with state.store.read() as session:
        row = session.scalars(select(ContactRow).where(ContactRow.name == "Josh Jones")).one()
        assert (row.sort_name, row.is_organization) == ("Jones, Josh", False)


def test_going_back_adds_nothing(state, qtbot, monkeypatch):
    answer_similar(monkeypatch, [], "back")
    before = contact_count(state.store)
    dialog = party_dialog(state, qtbot, state.window.other)
    dialog.name.setText("Pioneer Trucking Company")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.party_id is None
    assert contact_count(state.store) == before and dialog.name.text() == "Pioneer Trucking Company"


def test_the_kind_follows_the_words_until_the_user_chooses(state, qtbot):
    dialog = party_dialog(state, qtbot, state.window.other)
    dialog.name.setText("Harbor Bank")
    assert dialog.is_organisation()
    dialog.name.setText("Mark Bank")
    assert not dialog.is_organisation()
    dialog.kind.setCurrentIndex(dialog.kind.findData(True))
    dialog.kind.activated.emit(dialog.kind.currentIndex())
    dialog.name.setText("Ivy Court")
    assert dialog.is_organisation() and not dialog.kept_as.isVisibleTo(dialog)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with state.store.read() as session:
        assert session.scalars(select(ContactRow.is_organization).where(ContactRow.name == "Ivy Court")).one()


def test_the_contact_dialog_ticks_organisation_and_asks_before_a_duplicate(state, qtbot, monkeypatch):
    offered = []
    answer_similar(monkeypatch, offered, "back")
    dialog = ContactDialog(state, state.window)
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.name.setText("Pioneer Trucking Company")
    assert dialog.organisation.isChecked()
    before = contact_count(state.store)
    dialog.accept()
    assert offered and dialog.result() != QDialog.DialogCode.Accepted and contact_count(state.store) == before
    answer_similar(monkeypatch, offered, "new")
    dialog.name.setText("Doe, Jane")
    assert not dialog.organisation.isChecked()
    assert dialog.kept_as.text() == "Kept as “Jane Doe”, sorted as “Doe, Jane”."
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert contacts.load_contact(state.store, dialog.contact_id).name == "Jane Doe"


def test_an_existing_contact_keeps_its_kind(state, qtbot):
    client = contacts.list_parties(state.store, state.window.pioneer)[0].contact_id
    dialog = ContactDialog(state, state.window, contact_id=client)
    qtbot.addWidget(dialog)
    dialog.load()
    was = dialog.organisation.isChecked()
    dialog.name.setText("Pioneer Trucking Co. Company Inc.")
    assert dialog.organisation.isChecked() == was
