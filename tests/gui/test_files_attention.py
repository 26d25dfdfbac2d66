"""Files out past their due-back date in the Calendar's Needs attention panel; activating one shows it on Files."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from legalsec_desktop.services import file_attention, volumes
from legalsec_desktop.ui.calendar.attention import FILE_ROLE
from legalsec_desktop.ui.common.navigation import Destination, TabKey

TODAY = date(2026, 11, 23)  # the pinned clock's day, and the demo's


@pytest.fixture
def window(make_window, qtbot):
    window = make_window()  # the demo practice: a few files are out past their due-back date
    window.resize(1300, 820)
    window.show()
    window.tabs.setCurrentIndex(0)
    window.tab(TabKey.CALENDAR).refresh()
    qtbot.waitUntil(lambda: not window.tab(TabKey.CALENDAR).attention_pending)
    return window


def file_rows(tab, qtbot):
    qtbot.waitUntil(lambda: not tab.attention_pending)
    rows = [tab.attention.item(i) for i in range(tab.attention.count())]
    return [row for row in rows if row.data(FILE_ROLE) is not None]


def test_overdue_files_are_listed_with_who_has_them_and_narrow_with_the_attorney_filter(window, qtbot, tmp_path):
    tab, store = window.tab(TabKey.CALENDAR), window.state.store
    late = volumes.overdue(store, TODAY)
    assert len(late) >= 2
    rows = file_rows(tab, qtbot)
    assert [row.data(FILE_ROLE).file_id for row in rows] == [v.id for v in late]
    assert tab.attention_counts["Files to return"] == len(late)
    first = late[0]
    assert f"Return file {first.barcode} '{first.label}' ({first.matter_number} {first.client})" in rows[0].text()
    assert f"— out to {first.out_to} since " in rows[0].text() and "overdue" in rows[0].text()
    headings = [tab.attention.item(i).text() for i in range(tab.attention.count())
                if not tab.attention.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]
    assert f"Files to return ({len(late)})" in headings
    tab.grab().save(str(tmp_path / "attention.png"))

    chaser = rows[0].data(FILE_ROLE).attorney_id
    tab.attorney_filter.setCurrentIndex(tab.attorney_filter.findData(chaser))
    mine = [row.data(FILE_ROLE) for row in file_rows(tab, qtbot)]
    assert mine and all(out.attorney_id == chaser for out in mine)
    assert [out.file_id for out in mine] == [
        out.file_id for out in file_attention.files_to_return(store, TODAY, attorney_id=chaser)]


def test_activating_a_file_shows_it_on_the_files_tab(window, qtbot):
    tab = window.tab(TabKey.CALENDAR)
    row = file_rows(tab, qtbot)[0]
    out = row.data(FILE_ROLE)
    with qtbot.waitSignal(window.state.navigation_requested) as sent:
        tab.attention.itemActivated.emit(row)
    assert sent.args == [Destination(TabKey.FILES, out.barcode, None, out.file_id)]
    assert window.current_tab() is TabKey.FILES
    files = window.tab(TabKey.FILES)
    qtbot.waitUntil(lambda: files.current_file_id() == out.file_id)
    assert files.filter_box.text() == out.barcode and files.model.rowCount() == 1
    assert out.barcode in files.detail.heading.text()
