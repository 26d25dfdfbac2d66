"""`legalsec timesheet --billable-only --final-only`: the export limited to billable time and to entries that are
no longer drafts; the header says so, and the totals (read without recalculating) add up only what is listed."""

from datetime import date

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from legalsec_desktop import cli
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.time_entries import TimeDraft
from legalsec_desktop.services import matters, time_entries

ENTRIES = (  # narrative, billable, status, minutes at $300.00 an hour
    ("Draft complaint", "billable", "final", 60),
    ("Research memo", "billable", "draft", 30),
    ("Courtesy call", "no charge", "final", 12),
    ("Firm training", "non-billable", "billed", 90),
    ("Filed motion", "billable", "billed", 120),
)


@pytest.fixture
def db(store, db_path, two_attorney_firm):
    mary, _ken = two_attorney_firm(store)
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                      date(2026, 1, 5)))
    for narrative, billable, status, minutes in ENTRIES:
        time_entries.save_entry(store, TimeDraft(date(2026, 11, 2), mary, rivera, minutes, 30000, billable,
                                                 narrative=narrative, status=status))
    store.close()
    return db_path


def export(db_path, out, *flags) -> tuple[list[str], list, str]:  # noqa: ANN001
    assert cli.main(["timesheet", "--db", str(db_path), "--from", "2026-11-01", "--to", "2026-11-30",
                     "--out", str(out), *flags]) == 0
    book = CalamineWorkbook.from_path(str(out))
    detail = book.get_sheet_by_name("Detail").to_python()
    narratives = [line[11] for line in detail[1:] if line[11]]
    totals = [(line[3], line[4]) for line in book.get_sheet_by_name("Summary").to_python() if line[0] == "Total"]
    header = load_workbook(out)["Detail"].oddHeader.center.text
    return narratives, totals, header


@pytest.mark.parametrize(("flags", "kept", "said"), [
    ((), {"Draft complaint", "Research memo", "Courtesy call", "Firm training", "Filed motion"}, ""),
    (("--billable-only",), {"Draft complaint", "Research memo", "Filed motion"}, "Billable time only"),
    (("--final-only",), {"Draft complaint", "Courtesy call", "Firm training", "Filed motion"}, "Final entries only"),
    (("--billable-only", "--final-only"), {"Draft complaint", "Filed motion"},
     "Billable time only — Final entries only"),
])
def test_the_export_can_be_limited_to_billable_or_final_entries(db, tmp_path, flags, kept, said, capsys):
    narratives, totals, header = export(db, tmp_path / "sheet.xlsx", *flags)
    assert set(narratives) == kept and len(narratives) == len(kept)
    assert f"Saved {len(kept)} time entr" in capsys.readouterr().out
    minutes = sum(m for n, _b, _s, m in ENTRIES if n in kept)
    cents = sum(m * 30000 // 60 for n, b, _s, m in ENTRIES if n in kept and b == "billable")
    assert totals == [(minutes / 60, cents / 100)] * 3
    assert header.endswith(said) if said else "only" not in header
