"""The timesheet dialog can limit the export to billable time and to entries that are no longer drafts."""

from datetime import date

from python_calamine import CalamineWorkbook

from legalsec_desktop.ui.common import save_paths
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.time_entries import TimeDraft
from legalsec_desktop.services import matters, time_entries
from legalsec_desktop.ui.time.time_export_dialogs import TimesheetDialog

DAY = date(2026, 11, 23)  # the day tests/conftest.py pins the program's clock to


def test_billable_only_and_final_only_in_the_dialog(make_window, two_attorney_firm, qtbot, monkeypatch, tmp_path):
    window = make_window(tmp_path / "time.db")
    store = window.state.store
    mary, _ken = two_attorney_firm(store, "Hale Law")
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", DAY))
    for narrative, billable, status in (("Draft complaint", "billable", "final"), ("Research", "billable", "draft"),
                                        ("Courtesy call", "no charge", "billed"),
                                        ("Filed motion", "billable", "billed")):
        time_entries.save_entry(store, TimeDraft(DAY, mary, rivera, 60, 30000, billable, narrative=narrative,
                                                 status=status))
    dialog = TimesheetDialog(window.state, window, DAY, DAY)
    qtbot.addWidget(dialog)
    dialog.load()
    assert not dialog.billable_only.isChecked() and not dialog.final_only.isChecked()  # everything, as before
    dialog.billable_only.setChecked(True)
    dialog.final_only.setChecked(True)
    scope = dialog.scope()
    assert scope.billable_only and scope.final_only
    monkeypatch.setattr(save_paths, "ask_user", lambda *a, **k: (str(tmp_path / "sheet"), ""))
    dialog.export()
    assert dialog.saved is not None and dialog.count == 2
    detail = CalamineWorkbook.from_path(str(tmp_path / "sheet.xlsx")).get_sheet_by_name("Detail").to_python()
    assert [line[11] for line in detail[1:] if line[11]] == ["Draft complaint", "Filed motion"]
    total = next(line for line in detail if line[0] == "Total (rows shown)")
    assert (total[4], total[6]) == (2.0, 600.0)
