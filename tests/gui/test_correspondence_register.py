"""The Correspondence tab as the register of everything in and out: filters, opening, editing and deleting."""

from datetime import date, datetime

import pytest
from document_setup import Sample, add_documents
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from legalsec_desktop.db.document_models import DocumentRow
from legalsec_desktop.domain.communications import CommunicationDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import communications, document_root, documents, matters
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.services.rows import CommunicationFilters
from legalsec_desktop.ui.common.navigation import Destination, TabKey
from legalsec_desktop.ui.correspondence.correspondence_tab import CorrespondenceTab
from legalsec_desktop.ui.correspondence.log_dialog import LogDialog


def log(store, matter_id, when, kind="call", direction="in", who="Dana Whitfield", subject="Extension"):
    return communications.save_communication(store, CommunicationDraft(matter_id, kind, direction, when, who,
                                                                       subject))[0]


@pytest.fixture
def window(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "register.db")
    store = window.state.store
    window.root = tmp_path / "Documents"
    document_root.set_documents_root(store, window.root)
    window.rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                             date(2026, 1, 5)))
    window.lee = matters.create_matter(store, MatterDraft("2026-0002", "Estate of Lee", "Bo Lee", date(2026, 3, 1)))
    window.call = log(store, window.rivera, datetime(2026, 11, 20, 16, 30))
    window.email = log(store, window.lee, datetime(2026, 11, 21, 8, 15), "email", "in", "Bo Lee", "Lease")
    window.old = log(store, window.lee, datetime(2025, 5, 2, 10, 0), "letter", "out", "Clerk", "Filing")
    (window.document,) = add_documents(store, window.root, window.lee, (Sample("E-mail from Bo Lee", "email"),))
    with store.write() as session:
        session.get(DocumentRow, window.document).communication_id = window.email
    window.state.data_changed.emit(Changed.ALL)
    window.show()
    window.tabs.setCurrentWidget(window.tab(TabKey.CORRESPONDENCE))
    return window


def shown_ids(tab):
    return [tab.model.id_at(row) for row in range(tab.model.rowCount())]


def choose(tab, entry_id):
    tab.table.selectRow(tab.model.row_of(entry_id))


def test_every_matters_entries_with_the_new_columns(window):
    tab = window.tab(TabKey.CORRESPONDENCE)
    assert isinstance(tab, CorrespondenceTab)
    assert shown_ids(tab) == [window.email, window.call, window.old]
    titles = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert titles == ["When", "Matter", "Matter title", "Kind", "In/Out", "With", "Subject", "Follow-up", "Document"]
    first = [tab.model.data(tab.model.index(0, c)) for c in range(tab.model.columnCount())]
    assert first[1:7] == ["2026-0002", "Estate of Lee", "E-mail", "In", "Bo Lee", "Lease"]
    assert first[8] == "E-mail from Bo Lee"


def test_filters_narrow_the_list_and_are_remembered(window, qtbot):
    tab = window.tab(TabKey.CORRESPONDENCE)
    filters = tab.register_filters
    filters.kind.setCurrentIndex(filters.kind.findData("letter"))
    assert shown_ids(tab) == [window.old] and "1 item match" in tab.count_label.text()
    filters.kind.setCurrentIndex(0)
    filters.direction.setCurrentIndex(filters.direction.findData("in"))
    filters.matter.setCurrentIndex(filters.matter.findData(window.lee))
    assert shown_ids(tab) == [window.email]
    filters.period.setCurrentText("Last 30 days")
    assert tab.list_filters() == CommunicationFilters(direction="in", matter_id=window.lee,
                                                      first=date(2026, 10, 25), last=date(2026, 11, 23))
    filters.direction.setCurrentIndex(0)
    assert shown_ids(tab) == [window.email]  # the old letter is more than 30 days back
    # Typed dates make a custom period (after a pause); a typed date that is not one is said, not applied.
    filters.first.set_date(date(2025, 1, 1))
    qtbot.waitUntil(lambda: filters.period.currentText() == "Custom")
    assert shown_ids(tab) == [window.email, window.old]
    filters.last.edit.setText("13/45/2026")
    qtbot.waitUntil(tab.message.isVisible)
    assert shown_ids(tab) == [window.email, window.old]
    filters.last.set_date(date(2025, 12, 31))
    qtbot.waitUntil(lambda: shown_ids(tab) == [window.old])
    assert not tab.message.isVisible()
    again = CorrespondenceTab(tab.spec, window.state, window.undo_stack)  # the next start of the program
    qtbot.addWidget(again)
    assert again.list_filters() == tab.list_filters()
    assert again.register_filters.period.currentText() == "Custom"


def test_a_matters_correspondence_shown_from_elsewhere_clears_the_other_filters(window):
    tab = window.tab(TabKey.CORRESPONDENCE)
    tab.register_filters.kind.setCurrentIndex(tab.register_filters.kind.findData("call"))
    tab.filter_box.setText("zzz")
    tab.show_destination(Destination(TabKey.CORRESPONDENCE, matter_id=window.lee, matter_number="2026-0002"))
    assert tab.list_filters() == CommunicationFilters(matter_id=window.lee) and tab.filter_box.text() == ""
    assert shown_ids(tab) == [window.email, window.old]
    tab.show_destination(Destination(TabKey.CORRESPONDENCE))  # no matter: the filters stay as they are
    assert tab.list_filters() == CommunicationFilters(matter_id=window.lee)
    tab.show_destination(Destination(TabKey.CORRESPONDENCE, matter_number=""))  # everything
    assert tab.list_filters() == CommunicationFilters() and len(shown_ids(tab)) == 3


def test_enter_opens_the_document_or_else_the_entry(window, qtbot, monkeypatch):
    tab = window.tab(TabKey.CORRESPONDENCE)
    opened, edited = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(LogDialog, "exec",
                        lambda dialog: edited.append(dialog.entry_id) or LogDialog.DialogCode.Rejected)
    tab.table.setFocus()
    choose(tab, window.email)
    assert tab.actions_by_name["open_document"].isEnabled()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert len(opened) == 1 and opened[0].endswith("E-mail from Bo Lee v1.txt") and edited == []
    choose(tab, window.call)
    assert not tab.actions_by_name["open_document"].isEnabled()
    tab.table.doubleClicked.emit(tab.model.index(tab.model.row_of(window.call), 0))
    assert edited == [window.call] and len(opened) == 1


def test_an_edit_is_undone_and_redone(window, monkeypatch):
    tab = window.tab(TabKey.CORRESPONDENCE)

    def change_subject(dialog):
        dialog.load()
        dialog.subject.setText("Extension agreed")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(LogDialog, "exec", change_subject)
    choose(tab, window.call)
    tab.buttons["edit"].click()
    store = window.state.store
    assert communications.load_communication(store, window.call).subject == "Extension agreed"
    window.undo_stack.undo()
    assert communications.load_communication(store, window.call).subject == "Extension"
    subject = [c.key for c in tab.model.columns].index("subject")
    assert tab.model.data(tab.model.index(tab.model.row_of(window.call), subject)) == "Extension"
    window.undo_stack.redo()
    assert communications.load_communication(store, window.call).subject == "Extension agreed"


def test_delete_with_undo_and_an_entry_with_a_document_asks_first(window, qtbot, monkeypatch):
    tab = window.tab(TabKey.CORRESPONDENCE)
    tab.table.setFocus()
    choose(tab, window.call)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert shown_ids(tab) == [window.email, window.old]
    window.undo_stack.undo()
    assert shown_ids(tab) == [window.email, window.call, window.old]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    choose(tab, window.email)
    tab.buttons["delete"].click()
    assert "E-mail from Bo Lee" in asked[0] and window.email in shown_ids(tab)  # No: nothing deleted
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.buttons["delete"].click()
    assert window.email not in shown_ids(tab)
    assert documents.document(window.state.store, window.document).title == "E-mail from Bo Lee"  # still filed
    window.undo_stack.undo()
    assert window.email in shown_ids(tab)


def test_the_buttons_ask_the_feature_for_a_letter_or_a_log_entry_on_the_matter(window, monkeypatch):
    tab = window.tab(TabKey.CORRESPONDENCE)
    started = []
    monkeypatch.setattr(LogDialog, "exec", lambda dialog: started.append((dialog.matter_id, dialog.kind.currentData()))
                        or LogDialog.DialogCode.Rejected)
    choose(tab, window.old)
    tab.buttons["log_email"].click()
    tab.register_filters.matter.setCurrentIndex(tab.register_filters.matter.findData(window.rivera))
    tab.buttons["log_call"].click()
    assert started == [(window.lee, "email"), (window.rivera, "call")]
    letters = []
    tab.new_letter_requested.connect(letters.append)
    from legalsec_desktop.ui.correspondence.letter_dialog import LetterDialog

    drafted = []
    monkeypatch.setattr(LetterDialog, "exec", lambda dialog: drafted.append(dialog.matter_id)
                        or LetterDialog.DialogCode.Rejected)
    tab.buttons["new_letter"].click()
    assert letters == [window.rivera]
    assert drafted == [window.rivera]  # the New Letter dialog opened on the register's matter


def test_the_context_menu_offers_the_actions_of_the_entry_under_the_mouse(window):
    tab = window.tab(TabKey.CORRESPONDENCE)
    row = tab.model.row_of(window.email)
    point = tab.table.visualRect(tab.model.index(row, 0)).center()
    tab.table.customContextMenuRequested.emit(point)
    names = [a.objectName() for a in tab.context_menu.actions() if not a.isSeparator()]
    assert names == ["register_open_document", "register_edit", "register_delete", "register_new_letter",
                     "register_log_call", "register_log_email"]
    assert tab.current_id() == window.email and tab.actions_by_name["open_document"].isEnabled()
    tab.context_menu.close()
    tab.table.customContextMenuRequested.emit(QPoint(5, tab.table.viewport().height() - 2))  # below the rows
    tab.context_menu.close()


def test_read_only_keeps_open_and_disables_the_rest(make_window, window, qtbot):
    path = window.state.location.path
    window.state.set_store(None)
    viewer = make_window(path, read_only=True)
    viewer.tabs.setCurrentWidget(viewer.tab(TabKey.CORRESPONDENCE))
    viewer.show()
    tab = viewer.tab(TabKey.CORRESPONDENCE)
    tab.table.selectRow(0)
    enabled = {name for name, action in tab.actions_by_name.items() if action.isEnabled()}
    assert enabled == {"open_document"}


def test_an_empty_register_says_what_it_lists(make_window, tmp_path):
    window = make_window(tmp_path / "empty.db")
    window.show()
    window.tabs.setCurrentWidget(window.tab(TabKey.CORRESPONDENCE))
    tab = window.tab(TabKey.CORRESPONDENCE)
    assert tab.stack.currentIndex() == tab.EMPTY
    assert "every matter" in tab.empty_text_label.text() and "per matter" not in tab.empty_text_label.text()
    assert tab.buttons["log_call"].isVisible()


def test_column_widths_and_sort_are_remembered_and_an_older_layout_is_left_aside(window, make_window, qtbot):
    tab = window.tab(TabKey.CORRESPONDENCE)
    tab.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # by matter number
    tab.table.setColumnWidth(2, 333)
    assert tab.model.sort_key == "matter"
    window.save_layout()
    path = window.state.location.path
    window.state.set_store(None)
    again = make_window(path).tab(TabKey.CORRESPONDENCE)
    assert again.table.columnWidth(2) == 333 and again.model.sort_key == "matter"
    settings = QSettings()
    settings.remove("tables/communications/columns")  # as an older version saved it (seven columns then)
    settings.sync()
    third = make_window(path).tab(TabKey.CORRESPONDENCE)
    assert third.table.columnWidth(2) != 333 and third.model.sort_key == "occurred_at"
    assert settings.value("tables/communications/header") is None


def test_a_list_layout_saved_for_other_columns_is_not_put_on_these(window, make_window):
    window.tab(TabKey.TIME).table.setColumnWidth(0, 211)
    window.save_layout()
    QSettings().setValue("tables/time/columns", "entry_date,matter")  # what a version with other columns saved
    path = window.state.location.path
    window.state.set_store(None)
    again = make_window(path)
    assert again.tab(TabKey.TIME).table.columnWidth(0) != 211
