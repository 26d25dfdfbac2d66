"""Settings and the contact dialog show and save what letters need: the firm's phone, fax, e-mail and templates
folder, a timekeeper's title and bar number, a contact's courtesy title and organization."""

from PySide6.QtWidgets import QDialog, QPushButton

from legalsec_desktop.domain.contacts import ContactDraft
from legalsec_desktop.services import contacts, firm
from legalsec_desktop.ui.matters.contact_dialog import ContactDialog
from legalsec_desktop.ui.settings.settings_dialog import BAR, NAME, RATE, TITLE, SettingsDialog


def settings_dialog(window, qtbot):
    dialog = SettingsDialog(window.state, parent=window)
    qtbot.addWidget(dialog)
    dialog.load()
    return dialog


def test_settings_saves_the_firms_contact_details_templates_folder_and_signers(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "new.db")
    dialog = settings_dialog(window, qtbot)
    dialog.name.setText("Hale Law")
    qtbot.keyClicks(dialog.phone, "(512) 555-0100")
    dialog.fax.setText("(512) 555-0101")
    dialog.email.setText("office@halelaw.example")
    dialog.templates_folder.set_folder(tmp_path / "Firm Templates")
    assert str(dialog.default_templates) in dialog.templates_folder.edit.placeholderText()
    button, = (b for b in dialog.findChildren(QPushButton) if b.text() == "Add Timekeeper")
    button.click()
    for column, text in ((NAME, "Mary Hale"), (1, "MAH"), (RATE, "$300"), (TITLE, "Partner"), (BAR, "CA 123456")):
        dialog.keepers.item(0, column).setText(text)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = firm.load_profile(window.state.store)
    assert (saved.phone, saved.fax, saved.email) == ("(512) 555-0100", "(512) 555-0101", "office@halelaw.example")
    assert (saved.timekeepers[0].title, saved.timekeepers[0].bar_number) == ("Partner", "CA 123456")
    assert firm.chosen_templates_folder(window.state.store) == tmp_path / "Firm Templates"
    again = settings_dialog(window, qtbot)  # read back into the fields
    assert again.phone.text() == "(512) 555-0100" and again.email.text() == "office@halelaw.example"
    assert again.templates_folder.folder() == tmp_path / "Firm Templates"
    assert again.keepers.item(0, TITLE).text() == "Partner" and again.keepers.item(0, BAR).text() == "CA 123456"


def test_a_wrong_email_or_a_file_for_the_templates_folder_is_said_and_kept(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "new.db")
    dialog = settings_dialog(window, qtbot)
    dialog.show()
    dialog.name.setText("Hale Law")
    dialog.email.setText("office at halelaw")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "e-mail address" in dialog.errors.labels["email"].text() and dialog.errors.labels["email"].isVisible()
    assert dialog.email.text() == "office at halelaw" and dialog.errors.widgets["email"] is dialog.email
    dialog.email.setText("office@halelaw.example")
    a_file = tmp_path / "not a folder.txt"
    a_file.write_text("x")
    dialog.templates_folder.set_folder(a_file)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "not a folder" in dialog.errors.labels["templates_folder"].text()
    assert not firm.load_profile(window.state.store).is_set_up  # nothing saved


def test_the_contact_dialog_keeps_courtesy_title_and_organization(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "new.db")
    store = window.state.store
    contact_id = contacts.save_contact(store, ContactDraft("Dana Whitfield", courtesy_title="Ms.",
                                                           organization="Whitfield & Cole LLP"))
    dialog = ContactDialog(window.state, window, contact_id)
    qtbot.addWidget(dialog)
    dialog.load()
    assert dialog.courtesy_title.currentText() == "Ms." and dialog.organization.text() == "Whitfield & Cole LLP"
    assert [dialog.courtesy_title.itemText(i) for i in range(dialog.courtesy_title.count())] == [
        "", "Mr.", "Ms.", "Mrs.", "Mx.", "Dr.", "Prof.", "Hon."]
    dialog.courtesy_title.setCurrentText("Rev.")  # typed: not in the list
    dialog.organization.setText("Cole Partners")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    kept = contacts.load_contact(store, contact_id)
    assert (kept.courtesy_title, kept.organization) == ("Rev.", "Cole Partners")
    company = ContactDialog(window.state, window)
    qtbot.addWidget(company)
    company.load()
    company.name.setText("Acme Widgets Inc.")
    assert company.organisation.isChecked() and not company.courtesy_title.isEnabled()
