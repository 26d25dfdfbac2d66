"""A small firm with closed matters and files due for destruction, for the destruction tests (services, CLI, GUI).

The closing checklist sets a closed file's retention in the program; here the ORM sets it directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from legalsec_desktop.db.file_room_models import RetentionRuleRow
from legalsec_desktop.db.models import FileRecordRow, MatterRow
from legalsec_desktop.domain.file_room import Retention, VolumeDraft, destroy_after, retention_note
from legalsec_desktop.domain.firm import FirmProfile, Timekeeper
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import locations, matters, volumes
from legalsec_desktop.services.firm import save_profile


@dataclass
class Practice:
    """The ids the tests use: files by name, the attorney's initials."""

    files: dict[str, int]
    barcodes: dict[str, str]


def close(store, matter_id: int, closed_on: date, years: int | None, closed_number: str) -> None:  # noqa: ANN001
    """Close a matter and give its files a retention rule and destroy-after date, as the closing would."""
    with store.write() as session:
        rule = session.query(RetentionRuleRow).filter_by(name=f"{years} years" if years else "Permanent").first()
        if rule is None:
            rule = RetentionRuleRow(name=f"{years} years" if years else "Permanent", practice_area="", years=years)
            session.add(rule)
            session.flush()
        retention = Retention(rule.id, rule.name, "", years)
        matter = session.get(MatterRow, matter_id)
        matter.status, matter.closed_on, matter.closed_number = "closed", closed_on, closed_number
        for row in session.query(FileRecordRow).filter_by(matter_id=matter_id):
            row.closed_on, row.retention_rule_id = closed_on, rule.id
            row.destroy_after = destroy_after(closed_on, retention)
            row.retention_note = retention_note(closed_on, retention)


def build(store) -> Practice:  # noqa: ANN001
    """Okafor Law: attorneys MAH and KI, paralegal PL; four matters:
    2015-0001 closed 2016 (7 years: due) with 'Correspondence' and 'Pleadings', 2016-0002 closed 2017 (due) with
    'Estate plan' on legal hold, 2024-0003 closed 2024 (not due until 2031), 2025-0004 open with a destroy-after
    date set by hand (due, but its matter is open)."""
    save_profile(store, FirmProfile("Okafor Law", "12 Main Street\nSpringfield, IL 62701", 6, "US-FED",
                                    "{year}-{seq:04d}", timekeepers=(
                                        Timekeeper("Mary Hale", "MAH", 30000), Timekeeper("Ken Ito", "KI", 25000),
                                        Timekeeper("Pat Lee", "PL", 9000, is_attorney=False))))
    shelf = locations.add_path(store, "Main office > Cabinet A > Drawer 2", "drawer")
    ids = {}
    for number, title, client, opened in (("2015-0001", "Smith v. Jones", "Ann Smith", date(2015, 1, 5)),
                                          ("2016-0002", "Brown estate", "Carl Brown", date(2016, 2, 1)),
                                          ("2024-0003", "Lee lease", "Dana Lee", date(2024, 1, 10)),
                                          ("2025-0004", "Ng contract", "Eve Ng", date(2025, 3, 3))):
        ids[number] = matters.create_matter(store, MatterDraft(number, title, client, opened))
    files, barcodes = {}, {}
    for name, number in (("Correspondence", "2015-0001"), ("Pleadings", "2015-0001"), ("Estate plan", "2016-0002"),
                         ("Lease", "2024-0003"), ("Contract", "2025-0004")):
        file_id, code = volumes.add_volume(store, VolumeDraft(ids[number], name, location_id=shelf,
                                                              opened_on=date(2015, 1, 5)), by="test")
        files[name], barcodes[name] = file_id, code
    close(store, ids["2015-0001"], date(2016, 6, 30), 7, "C-2016-001")
    close(store, ids["2016-0002"], date(2017, 3, 15), 7, "C-2017-004")
    close(store, ids["2024-0003"], date(2024, 5, 2), 7, "C-2024-010")
    with store.write() as session:
        row = session.get(FileRecordRow, files["Contract"])
        row.destroy_after = date(2026, 1, 1)
    volumes.set_hold(store, [files["Estate plan"]], "Brown v. Brown Estate, subpoena of 10/2/2026", by="test")
    return Practice(files, barcodes)
