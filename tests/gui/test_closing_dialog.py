"""The closing checklist dialog: items pre-ticked when verified, overrides need a reason, files get retention."""

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from legalsec_desktop.db.models import EventRow
from legalsec_desktop.domain.file_room import VolumeDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import closing, matters, retention, volumes
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.matters.closing_dialog import ClosingDialog
from legalsec_desktop.ui.matters.matter_dialog import MatterDialog


@pytest.fixture
def window(make_window, tmp_path):
    window = make_window(tmp_path / "new.db")
    store = window.state.store
    window.first_id = matters.create_matter(store, MatterDraft("2026-0001", "Estate of Ng", "Al Ng", date(2026, 1, 5),
                                                               practice_area="Estate planning"))
    window.will = volumes.add_volume(store, VolumeDraft(window.first_id, "Original will"), by="t")[0]
    window.letters = volumes.add_volume(store, VolumeDraft(window.first_id, "Correspondence"), by="t")[0]
    with store.write() as session:
        session.add(EventRow(matter_id=window.first_id, kind="response deadline", title="Answer due",
                             on_date=date(2026, 12, 1)))
    return window


def _dialog(window, qtbot, **kwargs):
    dialog = ClosingDialog(window.state, window.first_id, window, **kwargs)
    qtbot.addWidget(dialog)
    dialog.load()
    return dialog


def _tick(dialog, text):
    next(t for i, t in dialog.ticks.items() if dialog.reviews[i].text == text).setChecked(True)


def test_verified_items_are_ticked_and_locked_and_the_rest_wait(window, qtbot):
    dialog = _dialog(window, qtbot)
    states = {dialog.reviews[i].text: (t.isChecked(), t.isEnabled()) for i, t in dialog.ticks.items()}
    assert states["No unbilled time"] == (True, False)
    assert states["No deadlines left open"] == (False, True)
    assert states["Closing letter sent"] == (False, True)
    assert "C-2026-0001" in dialog.heading.text()
    assert "Answer due" in dialog.findChildren(type(dialog.heading))[1].text() or any(
        "Answer due" in label.text() for label in dialog.findChildren(type(dialog.heading)))
    assert "Not done:" in dialog.missing.text()
    rows = {dialog.files.item(r, 1).text(): r for r in range(dialog.files.rowCount())}
    assert dialog.files.item(rows["Correspondence"], 3).text() == "Sun 11/23/2036"  # Estate planning: 10 years
    assert dialog.files.item(rows["Correspondence"], 4).text() == "Mon 11/23/2026 + 10 years"
    assert "(Estate planning)" in dialog.files.item(rows["Correspondence"], 4).toolTip()


def test_an_unverified_item_must_be_ticked_and_a_reason_given(window, qtbot):
    dialog = _dialog(window, qtbot)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "tick it to close" in dialog.errors.labels["checklist"].text()
    _tick(dialog, "No deadlines left open")
    dialog.accept()
    assert "say why" in dialog.errors.labels["override_reason"].text()
    assert matters.load_matter(window.state.store, window.first_id).status == "open"
    dialog.reason.setPlainText("The answer is moot: settled on the record.")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.closing_done.closed_number == "C-2026-0001"
    record = closing.closings(window.state.store, window.first_id)[0]
    assert record.override_reason.startswith("The answer is moot")
    assert {i["text"] for i in record.items if i["overridden"]} == {
        "No deadlines left open", "Original documents returned to the client", "Closing letter sent"}


def test_each_file_takes_its_chosen_category_and_the_date_follows_the_closing_date(window, qtbot, tmp_path):
    dialog = _dialog(window, qtbot)
    dialog.resize(900, 640)
    dialog.grab().save(str(tmp_path / "closing.png"))  # looked at while building it
    permanent = next(r for r in retention.rules(window.state.store) if r.years is None)
    rows = {dialog.files.item(r, 1).text(): r for r in range(dialog.files.rowCount())}
    combo = dialog._combo(rows["Original will"])
    combo.setCurrentIndex(combo.findData(permanent.id))
    assert dialog.files.item(rows["Original will"], 3).text() == "Never"
    dialog.closed.edit.setText("02/29/2028")
    assert dialog.files.item(rows["Correspondence"], 3).text() == "Mon 03/01/2038"  # 29 Feb + 10 years: full on 1 Mar
    assert "C-2028-0001" in dialog.heading.text()
    for text in ("No deadlines left open", "Original documents returned to the client", "Closing letter sent"):
        _tick(dialog, text)
    dialog.reason.setPlainText("Deadline vacated.")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert volumes.volume(window.state.store, window.will).destroy_after is None
    assert volumes.volume(window.state.store, window.letters).destroy_after == date(2038, 3, 1)


def test_a_bad_date_is_explained_and_nothing_closes(window, qtbot):
    dialog = _dialog(window, qtbot)
    dialog.closed.edit.setText("13/45/2026")
    assert dialog.files.item(0, 4).text() == "Enter the closing date"
    _tick(dialog, "No deadlines left open")
    dialog.accept()
    assert dialog.errors.labels["closed_on"].text() and dialog.result() != QDialog.DialogCode.Accepted
    assert matters.load_matter(window.state.store, window.first_id).status == "open"


def test_the_matter_dialog_opens_the_checklist_and_keeps_its_typing_when_cancelled(window, qtbot, monkeypatch):
    seen = []

    def cancel(dialog):
        seen.append(dialog.edits.notes)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ClosingDialog, "exec", cancel)
    dialog = MatterDialog(window.state, window, window.first_id)
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.notes.setPlainText("Settled; file to storage.")
    dialog.status.setCurrentIndex(dialog.status.findData("closed"))
    dialog.accept()
    assert seen == ["Settled; file to storage."] and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.notes.toPlainText() == "Settled; file to storage."
    assert matters.load_matter(window.state.store, window.first_id).status == "open"

    def close(closer):
        closer.load()
        for tick in closer.ticks.values():
            tick.setChecked(True)
        closer.reason.setPlainText("Deadline vacated.")
        closer.accept()
        return closer.result()

    monkeypatch.setattr(ClosingDialog, "exec", close)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = matters.load_matter(window.state.store, window.first_id)
    assert (saved.status, saved.notes) == ("closed", "Settled; file to storage.")


def test_reopening_in_the_matter_dialog_asks_first(window, qtbot, monkeypatch):
    ticks = {i.id: True for i in closing.checklist(window.state.store)}
    closing.close_matter(window.state.store, window.first_id, ticks, "Vacated.", date(2026, 11, 20))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    dialog = MatterDialog(window.state, window, window.first_id)
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.status.setCurrentIndex(dialog.status.findData("open"))
    dialog.closed.set_date(None)
    dialog.accept()
    assert "destroy-after dates are cleared" in asked[-1]
    assert matters.load_matter(window.state.store, window.first_id).status == "closed"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.accept()
    assert matters.load_matter(window.state.store, window.first_id).status == "open"
    assert volumes.volume(window.state.store, window.letters).destroy_after is None


def test_the_close_matter_action_opens_the_checklist_for_the_selected_matter(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(ClosingDialog, "exec", lambda d: opened.append(d.matter_id) or QDialog.DialogCode.Rejected)
    window.show()
    tab = window.tab(TabKey.MATTERS)
    window.tabs.setCurrentWidget(tab)
    tab.select_matter(window.first_id)
    window.findChild(type(window.actions()[0]) if window.actions() else object, "close_matter")
    from PySide6.QtGui import QAction

    action = window.findChild(QAction, "close_matter")
    action.trigger()
    assert opened == [window.first_id]


def test_once_every_gap_is_overridden_with_a_reason_the_line_says_so_plainly(window, qtbot):
    dialog = _dialog(window, qtbot)
    for text in ("No deadlines left open", "Original documents returned to the client", "Closing letter sent"):
        _tick(dialog, text)
    assert dialog.missing.text().startswith("Not done: No deadlines left open")  # no reason yet
    dialog.reason.setPlainText("Deadline vacated by the court.")
    assert dialog.missing.text() == ("Closing without: No deadlines left open. The reason you gave is kept with the "
                                     "closing.")
