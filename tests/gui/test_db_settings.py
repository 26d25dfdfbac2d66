"""Remembered choices that name a database's rows (a timekeeper, a matter, an attorney) stay with that database."""

from datetime import date

from PySide6.QtCore import QSettings

from legalsec_desktop import paths
from legalsec_desktop.domain.firm import FirmProfile, Timekeeper
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import matters
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.services.firm import save_profile
from legalsec_desktop.ui.calendar.docket_dialog import DocketPreview
from legalsec_desktop.ui.common.db_settings import per_database
from legalsec_desktop.ui.common.navigation import TabKey
from pickers import pick


def on_tab(window, key):  # noqa: ANN001, ANN201
    """The window shown on that tab (a tab reads its database when it is first shown)."""
    window.show()
    window.tabs.setCurrentWidget(window.tab(key))
    return window.tab(key)


def other_firm(make_window, path):  # noqa: ANN001, ANN201
    """Another database: its timekeeper 2 is Zed Park (ZP), its matter 1 someone else's case."""
    window = make_window(path)
    store = window.state.store
    save_profile(store, FirmProfile("Ortiz & Park", "", 6, "US-FED", "{year}-{seq:04d}", timekeepers=(
        Timekeeper("Ana Ortiz", "AO", 20000), Timekeeper("Zed Park", "ZP", 20000), Timekeeper("Kim Ito", "KI", 1))))
    matters.create_matter(store, MatterDraft("2026-0001", "Estate of Moss", "Lena Moss", date(2026, 2, 1)))
    window.state.data_changed.emit(Changed.ALL)
    return window


def test_whose_time_was_entered_last_is_remembered_per_database(make_window, tmp_path, two_attorney_firm, qtbot):
    mine = make_window(tmp_path / "mine.db")
    _mary, ken = two_attorney_firm(mine.state.store, "Hale Law")
    rivera = matters.create_matter(mine.state.store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                                 date(2026, 1, 5)))
    mine.state.data_changed.emit(Changed.ALL)
    bar = on_tab(mine, TabKey.TIME).entry_bar
    bar.keeper.setCurrentIndex(bar.keeper.findData(ken))
    pick(qtbot, bar.matter, rivera)
    bar.duration.setText("0.5")
    bar.narrative.setText("Research venue")
    assert bar.save() is not None and ken == 2

    other = other_firm(make_window, tmp_path / "other.db")
    other_bar = on_tab(other, TabKey.TIME).entry_bar
    assert other_bar.keeper.currentText().startswith("Ana Ortiz")  # the first of its own, as on any first use,
    assert other_bar.keeper.currentData() == 1  # not its timekeeper 2 (Zed Park) because Ken is 2 elsewhere

    again = make_window(tmp_path / "mine.db")  # the same database again: Ken is remembered there
    assert on_tab(again, TabKey.TIME).entry_bar.keeper.currentData() == ken
    assert QSettings().value("time/timekeeper") is None  # no key shared by every database


def test_the_registers_matter_is_remembered_per_database(make_window, tmp_path, two_attorney_firm):
    mine = make_window(tmp_path / "mine.db")
    two_attorney_firm(mine.state.store, "Hale Law")
    rivera = matters.create_matter(mine.state.store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                                 date(2026, 1, 5)))
    mine.state.data_changed.emit(Changed.ALL)
    filters = on_tab(mine, TabKey.CORRESPONDENCE).register_filters
    filters.matter.setCurrentIndex(filters.matter.findData(rivera))
    assert filters.filters.matter_id == rivera == 1

    other = other_firm(make_window, tmp_path / "other.db")
    assert on_tab(other, TabKey.CORRESPONDENCE).register_filters.filters.matter_id is None  # not its matter 1
    again = make_window(tmp_path / "mine.db")
    assert on_tab(again, TabKey.CORRESPONDENCE).register_filters.filters.matter_id == rivera


def test_the_dockets_attorney_is_remembered_per_database(make_window, tmp_path, two_attorney_firm, qtbot):
    mine = make_window(tmp_path / "mine.db")
    two_attorney_firm(mine.state.store, "Hale Law")
    preview = DocketPreview(mine.state, mine, date(2026, 11, 23))
    qtbot.addWidget(preview)
    preview.show()
    preview.attorney.setCurrentIndex(preview.attorney.findData("KI"))  # Ken Ito
    preview.done(0)

    other = other_firm(make_window, tmp_path / "other.db")  # its KI is Kim Ito, someone else
    elsewhere = DocketPreview(other.state, other, date(2026, 11, 23))
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    assert elsewhere.attorney.currentData() == ""  # every attorney: nothing chosen for this database yet
    elsewhere.done(0)
    again = DocketPreview(mine.state, mine, date(2026, 11, 23))
    qtbot.addWidget(again)
    again.show()
    assert again.attorney.currentData() == "KI"
    again.done(0)


def test_the_key_names_the_database(tmp_path):
    mine, other = paths.resolve_location(tmp_path / "mine.db"), paths.resolve_location(tmp_path / "other.db")
    assert per_database(mine, "time/timekeeper") != per_database(other, "time/timekeeper")
    assert per_database(mine, "time/timekeeper") == per_database(paths.resolve_location(str(tmp_path / "mine.db")),
                                                                  "time/timekeeper")
    assert per_database(mine, "x").startswith("databases/mine-") and per_database(mine, "x").endswith("/x")
    odd = paths.resolve_location(tmp_path / "back\\slash.db")  # a name that would be two levels of settings
    assert per_database(odd, "x").count("/") == 2
