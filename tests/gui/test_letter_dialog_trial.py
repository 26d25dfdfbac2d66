"""New Letter as a new user meets it: it fits a small screen, asks for missing addresses, never drops what was typed."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QScrollArea, QWidget

from legalsec_desktop.services import contacts, letter_packages, letter_templates, matters
from legalsec_desktop.ui.correspondence.letter_dialog import LetterDialog
from legalsec_desktop.ui.correspondence.missing_addresses import MissingAddressesDialog
from letter_dialog_setup import answer_all, open_letter_dialog

LONG_CHOICE = "A flat fee for the whole of the work described above, billed in three equal monthly instalments"


@pytest.fixture
def window(make_window):
    window = make_window()
    store = window.state.store
    names = [info.name for info in letter_templates.list_templates(store)]
    letter_packages.save_package(store, "Everything at once", names)
    window.matter_id = next(m for m, _label in matters.matter_choices(store)
                            if len(contacts.list_parties(store, m)) >= 3)
    return window


def _cut_off(dialog):
    """The visible widgets of the fields' column whose right edge is beyond what the column shows."""
    scroll = dialog.findChild(QScrollArea)
    shown = scroll.viewport().width()
    left = scroll.widget()
    return [(type(w).__name__, w.objectName(), getattr(w, "text", lambda: "")())
            for w in left.findChildren(QWidget)
            if w.isVisibleTo(left) and w.mapTo(left, QPoint(w.width(), 0)).x() > shown + 1]


def test_every_template_and_the_package_fit_the_column_at_1024_pixels(window, qtbot):
    dialog = LetterDialog(window.state, window, window.matter_id)
    qtbot.addWidget(dialog)
    dialog.resize(1024, 700)
    dialog.show()
    dialog.load()
    dialog.signer.addItem(LONG_CHOICE, -1)  # a long name in a combo must not widen it
    for row in range(dialog.picker.list.count()):
        dialog.picker.list.setCurrentRow(row)
        for combo in [w for w in dialog.asks.fields.values() if hasattr(w, "addItem")]:
            combo.addItem(LONG_CHOICE, LONG_CHOICE)
        dialog.address_wanted = True
        dialog.errors.form.setRowVisible(dialog.address_row, True)
        dialog.signer_note.show()
        qtbot.wait(10)
        dialog.resize(1024, 700)
        assert dialog.findChild(QScrollArea).horizontalScrollBar().isHidden() or \
            not dialog.findChild(QScrollArea).horizontalScrollBar().maximum()
        assert _cut_off(dialog) == [], dialog.picker.list.item(row).text()


def _every(dialog, role):
    combo = dialog.recipients.combo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemText(i).startswith(f"Every {role}")))


def _two_counsel_without_address(window):
    store = window.state.store
    for name in ("Nora Noaddress Esq.", "Otto Nowhere Esq."):
        contacts.add_party(store, window.matter_id, name, "opposing counsel")
    return {p.name: p.contact_id for p in contacts.list_parties(store, window.matter_id)}


def _text(path):
    from docx import Document

    return "\n".join(p.text for p in Document(path).paragraphs)


def test_letters_to_every_party_of_a_role_ask_for_the_missing_addresses(window, qtbot, monkeypatch):
    ids = _two_counsel_without_address(window)
    dialog = open_letter_dialog(window, qtbot, template_name="Letter to opposing counsel")
    _every(dialog, "opposing counsel")
    answer_all(dialog, "Plain words")
    asked = []

    def answer(box):
        asked.append(sorted(box.edits))
        box.edits[ids["Nora Noaddress Esq."]].setPlainText("12 Elm St\nSpringfield, IL 62701")
        box.skips[ids["Otto Nowhere Esq."]].setChecked(True)
        return MissingAddressesDialog.DialogCode.Accepted

    monkeypatch.setattr(MissingAddressesDialog, "exec", answer)
    dialog.accept()
    assert asked == [sorted([ids["Nora Noaddress Esq."], ids["Otto Nowhere Esq."]])]
    made = {letter.path.name: _text(letter.path) for letter in dialog.created}
    assert ids["Otto Nowhere Esq."] not in dialog.made_for[1] and ids["Nora Noaddress Esq."] in dialog.made_for[1]
    nora = next(text for text in made.values() if "Nora Noaddress" in text)
    assert "12 Elm St" in nora and not any("Otto Nowhere" in text for text in made.values())


def test_cancelling_the_missing_addresses_files_nothing(window, qtbot, monkeypatch):
    _two_counsel_without_address(window)
    dialog = open_letter_dialog(window, qtbot, template_name="Letter to opposing counsel")
    _every(dialog, "opposing counsel")
    answer_all(dialog, "Plain words")
    monkeypatch.setattr(MissingAddressesDialog, "exec", lambda box: MissingAddressesDialog.DialogCode.Rejected)
    dialog.accept()
    assert dialog.created == [] and dialog.result() != LetterDialog.DialogCode.Accepted


def test_a_package_to_every_party_of_a_role_asks_too(window, qtbot, monkeypatch):
    _two_counsel_without_address(window)
    dialog = open_letter_dialog(window, qtbot, package="Everything at once")
    _every(dialog, "opposing counsel")
    asked = []
    monkeypatch.setattr(MissingAddressesDialog, "exec",
                        lambda box: asked.append(len(box.edits)) or MissingAddressesDialog.DialogCode.Rejected)
    answer_all(dialog, "Plain words")
    dialog.accept()
    assert asked == [2] and dialog.created == []


def test_the_missing_addresses_dialog_looks_right(qtbot, tmp_path):
    box = MissingAddressesDialog([(1, "Nora Noaddress Esq."), (2, "Otto Nowhere, Counsel for the Defendant")])
    qtbot.addWidget(box)
    box.show()
    box.skips[2].setChecked(True)
    assert not box.edits[2].isEnabled() and box.left_out() == {2} and box.addresses() == {1: ""}
    box.grab().save(str(tmp_path / "missing-addresses.png"))


@pytest.fixture
def discard_answers(monkeypatch):
    """Answer "Discard this letter?" with each of the answers given, in turn; record what was asked."""
    asked, answers = [], []

    def question(_parent, title, _text, *args):
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, answers


def test_escape_with_nothing_typed_closes_without_a_question(window, qtbot, discard_answers):
    asked, _answers = discard_answers
    dialog = open_letter_dialog(window, qtbot, template_name="Letter to opposing counsel")
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [] and not dialog.isVisible()


@pytest.mark.parametrize("how", ["escape", "cancel", "close"])
@pytest.mark.parametrize("typed", ["answer", "subject", "address", "time"])
def test_closing_after_typing_asks_before_discarding(window, qtbot, discard_answers, how, typed):
    asked, answers = discard_answers
    dialog = open_letter_dialog(window, qtbot, template_name="Letter to opposing counsel")
    dialog.show()
    if typed == "answer":
        dialog.asks.set_answer(dialog.asks.asks[-1].name, "12/3/2026")
    elif typed == "subject":
        dialog.subject.setText("About the deposition")
    elif typed == "address":
        dialog.address.setPlainText("12 Elm St")
    else:
        dialog.duration.setText("0.3")
    close = {"escape": lambda: qtbot.keyClick(dialog, Qt.Key.Key_Escape),
             "cancel": lambda: dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click(),
             "close": dialog.close}[how]
    answers.append(QMessageBox.StandardButton.Cancel)
    close()
    assert asked == ["Discard this letter?"] and dialog.isVisible()  # kept, with what was typed
    assert dialog.typed_anything()
    answers.append(QMessageBox.StandardButton.Discard)
    close()
    assert len(asked) == 2 and not dialog.isVisible()


def _notes(dialog):
    return dialog.preview.notes.text()


def test_the_notes_count_the_questions_left_as_soon_as_anything_changes(window, qtbot):
    dialog = open_letter_dialog(window, qtbot, template_name="Letter to opposing counsel")
    asks = dialog.asks.asks
    assert len(asks) >= 2
    assert f"Answer {len(asks)} questions" in _notes(dialog) and "(s)" not in _notes(dialog)
    for ask in asks[:-1]:  # no Preview pressed, no pause waited for
        dialog.asks.set_answer(ask.name, ask.choices[0] if ask.kind == "choice" else "12/3/2026")
    assert "Answer 1 question " in _notes(dialog)
    dialog.asks.set_answer(asks[-1].name, asks[-1].choices[0] if asks[-1].kind == "choice" else "12/3/2026")
    assert "Answer" not in _notes(dialog) and "Every question is answered" in _notes(dialog)
    # another template: its own count, not the last one's
    assert dialog.picker.choose("template", "Status letter to client")
    left = len(dialog.asks.missing())
    assert left and (f"Answer {left} question" in _notes(dialog))
    assert dialog.show_preview(quiet=True) is False and f"Answer {left} question" in _notes(dialog)
