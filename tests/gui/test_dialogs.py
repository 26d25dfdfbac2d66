"""The first-run/Settings dialog and the matter dialog: saving, and bad input kept and explained."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from legalsec_desktop.services.firm import load_profile
from legalsec_desktop.services.listings import list_ids
from legalsec_desktop.ui.matters.matter_dialog import MatterDialog
from legalsec_desktop.ui.settings.settings_dialog import RATE, SettingsDialog
from legalsec_desktop.ui.common.navigation import TabKey



def add_timekeeper(dialog) -> None:  # noqa: ANN001
    """Click Settings' "Add Timekeeper" button, as the user does."""
    button, = (b for b in dialog.findChildren(QPushButton) if b.text() == "Add Timekeeper")
    button.click()

def test_first_run_setup_saves_the_firm(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "new.db")
    dialog = SettingsDialog(window.state, first_run=True, parent=window)
    qtbot.addWidget(dialog)
    dialog.load()  # as showing it does
    assert "Welcome" in dialog.windowTitle()
    qtbot.keyClicks(dialog.name, "Lee & Park LLP")
    dialog.address.setPlainText("1 Main St\nAustin, TX 78701")
    add_timekeeper(dialog)
    dialog.keepers.item(0, 0).setText("Ann Lee")
    dialog.keepers.item(0, 1).setText("al")
    dialog.keepers.item(0, RATE).setText("$325")
    dialog.increment.setCurrentIndex(dialog.increment.findData(15))
    dialog.jurisdiction.setCurrentIndex(dialog.jurisdiction.findData("CA"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    profile = load_profile(window.state.store)
    assert profile.is_set_up and profile.name == "Lee & Park LLP"
    assert profile.billing_increment_minutes == 15 and profile.default_jurisdiction == "CA"
    assert [(k.initials, k.default_rate_cents) for k in profile.timekeepers] == [("AL", 32500)]


def test_bad_input_is_explained_beside_the_field_and_kept(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "new.db")
    dialog = SettingsDialog(window.state, first_run=True, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()  # no firm name
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.labels["name"].isVisible()
    assert "firm's name" in dialog.errors.labels["name"].text()
    dialog.name.setText("Lee LLP")
    add_timekeeper(dialog)
    dialog.keepers.item(0, 0).setText("Ann Lee")
    dialog.keepers.item(0, 1).setText("AL")
    dialog.keepers.item(0, RATE).setText("three hundred")
    dialog.accept()
    assert dialog.errors.labels["timekeepers"].isVisible()
    assert "Rate for Ann Lee" in dialog.errors.labels["timekeepers"].text()
    assert not dialog.errors.labels["name"].isVisible()
    assert dialog.keepers.item(0, RATE).text() == "three hundred"
    assert not load_profile(window.state.store).is_set_up


def test_new_matter_from_the_empty_state(make_window, tmp_path, qtbot, monkeypatch):
    window = make_window(tmp_path / "new.db")
    window.show()
    window.tabs.setCurrentIndex(1)

    def fill_and_save(dialog):
        qtbot.keyClicks(dialog.title_edit, "Smith v. Jones")
        qtbot.keyClicks(dialog.client, "Jane Smith")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(MatterDialog, "exec", fill_and_save)
    window.tab(TabKey.MATTERS).empty_button.click()
    tab = window.tab(TabKey.MATTERS)
    assert tab.model.rowCount() == 1
    assert tab.model.data(tab.model.index(0, 1)) == "Smith v. Jones"
    assert "opened" in window.statusBar().currentMessage()


def test_duplicate_number_is_shown_beside_the_field(make_window, demo_path, qtbot):
    window = make_window()
    taken = window.tab(TabKey.MATTERS).model
    window.tab(TabKey.MATTERS).refresh()
    existing = taken.data(taken.index(0, 0))
    dialog = MatterDialog(window.state, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.number.setText(existing)
    qtbot.keyClicks(dialog.title_edit, "Doe v. Roe")
    qtbot.keyClicks(dialog.client, "Jo Doe")
    before = len(list_ids(window.state.store, "matters"))
    dialog.accept()
    assert dialog.errors.labels["number"].isVisible()
    assert "already used" in dialog.errors.labels["number"].text()
    assert dialog.title_edit.text() == "Doe v. Roe" and dialog.client.text() == "Jo Doe"
    assert len(list_ids(window.state.store, "matters")) == before
    assert dialog.client.completer().caseSensitivity() == Qt.CaseSensitivity.CaseInsensitive


def test_disk_full_while_saving_keeps_everything_typed(make_window, tmp_path, qtbot, monkeypatch, message_boxes):
    from legalsec_desktop.domain.errors import StorageFullError
    from legalsec_desktop.services import firm

    window = make_window(tmp_path / "new.db")
    dialog = SettingsDialog(window.state, first_run=True, parent=window)
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.name.setText("Lee LLP")
    dialog.address.setPlainText("1 Main St")

    def full(*_args):
        raise StorageFullError("The disk is full, so the change was not saved.")

    monkeypatch.setattr(firm, "save_settings", full)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert message_boxes and "disk is full" in message_boxes[0][1]
    assert dialog.name.text() == "Lee LLP" and dialog.address.toPlainText() == "1 Main St"
