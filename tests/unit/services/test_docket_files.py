"""Files due back are on the docket's To do list: under the attorney who has one, else its matter's attorney."""

from datetime import date, datetime

from legalsec_desktop.domain.file_room import CheckOut, VolumeDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.reports.docket import DocketRequest
from legalsec_desktop.services import docket, file_attention, locations, matters, volumes

LATER = date(2026, 12, 2)  # the files are checked out on the pinned day (23 Nov); this sheet is nine days on
NOW = datetime(2026, 12, 2, 7, 30)


def to_do_rows(report):
    return next(s for s in report.sections if s.heading == "To do").table


def lend(store, matter_id, label, to, due, keeper=None):
    file_id, _code = volumes.add_volume(store, VolumeDraft(matter_id, label, location_id=locations.add_path(
        store, "Main office > Cabinet A")))
    volumes.check_out(store, file_id, CheckOut(to, keeper, "Hearing", due))
    return file_id


def set_up(store, two_attorney_firm):
    mary, ken = two_attorney_firm(store)
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 1, 5),
                                                      responsible_attorney_id=mary))
    lund = matters.create_matter(store, MatterDraft("2026-0002", "Lund estate", "Per Lund", date(2026, 2, 5),
                                                    responsible_attorney_id=ken))
    lend(store, rivera, "Pleadings vol. 2", "Court reporter", date(2026, 11, 25))  # typed name: Mary's matter
    lend(store, lund, "Original will", "Mary Hale", date(2026, 11, 27), keeper=mary)  # Mary has Ken's file
    lend(store, rivera, "Exhibits", "Ken Ito", date(2026, 12, 20), keeper=ken)  # due after the sheet
    back = lend(store, lund, "Billing", "Ken Ito", date(2026, 11, 24), keeper=ken)
    volumes.check_in(store, back)
    return mary, ken


def test_files_due_back_are_on_the_to_do_list_with_who_has_them(store, two_attorney_firm):
    set_up(store, two_attorney_firm)
    table = to_do_rows(docket.docket_report(store, DocketRequest(LATER), NOW))
    assert table.rows == [
        ("", "Wed 11/25/2026\nOverdue", ("Return file F000001 'Pleadings vol. 2' — out to Court reporter since "
                                         "Mon 11/23/2026, due back Wed 11/25/2026"), "2026-0001\nAna Rivera", "", ""),
        ("", "Fri 11/27/2026\nOverdue", ("Return file F000002 'Original will' — out to Mary Hale since Mon 11/23/2026, "
                                         "due back Fri 11/27/2026"), "2026-0002\nPer Lund", "MAH", ""),
    ]
    assert table.marked == frozenset({0, 1})
    later = to_do_rows(docket.docket_report(store, DocketRequest(date(2026, 12, 21)), datetime(2026, 12, 21, 8)))
    assert [row[2][:22] for row in later.rows] == ["Return file F000001 'P", "Return file F000002 'O",
                                                   "Return file F000003 'E"]


def test_by_attorney_a_file_is_on_the_pages_of_the_attorney_who_has_it_else_its_matter_attorneys(
        store, two_attorney_firm):
    set_up(store, two_attorney_firm)
    report = docket.docket_report(store, DocketRequest(LATER, by_attorney=True), NOW)
    pages, current = {}, None
    for section in report.sections:
        if section.level == 1:
            current = section.heading
        elif section.heading == "To do":
            pages[current] = [row[2][:22] for row in section.table.rows]
    assert pages == {"Mary Hale (MAH)": ["Return file F000001 'P", "Return file F000002 'O"]}
    only_ken = to_do_rows(docket.docket_report(store, DocketRequest(LATER, attorney="KI"), NOW))
    assert only_ken.rows == []
    only_mary = to_do_rows(docket.docket_report(store, DocketRequest(LATER, attorney="MAH"), NOW))
    assert len(only_mary.rows) == 2


def test_the_text_names_the_file_the_matter_and_who_has_it(store, two_attorney_firm):
    mary, ken = set_up(store, two_attorney_firm)
    found = file_attention.files_to_return(store, LATER)
    assert [f.barcode for f in found] == ["F000001", "F000002"]
    assert found[0].text() == ("Return file F000001 'Pleadings vol. 2' (2026-0001 Ana Rivera) — out to Court reporter "
                               "since Mon 11/23/2026, due back Wed 11/25/2026")
    assert (found[0].attorney, found[0].keeper, found[1].attorney, found[1].keeper) == ("MAH", "", "MAH", "MAH")
    assert [f.barcode for f in file_attention.files_to_return(store, LATER, attorney_id=ken)] == []
    assert [f.barcode for f in file_attention.files_to_return(store, LATER, matter_id=found[1].matter_id)] == [
        "F000002"]
    assert file_attention.files_to_return(store, date(2026, 11, 25)) == []  # none overdue yet on the 25th
