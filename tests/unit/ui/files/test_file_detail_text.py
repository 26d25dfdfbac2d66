"""The Files tab's detail pane, as text (no window): each fact once, dates as the user reads them."""

from datetime import date, datetime, timezone

from legalsec_desktop.services.file_rows import VolumeItem
from legalsec_desktop.ui.files.file_detail_text import facts

TODAY = date(2026, 11, 23)


def volume(**changes) -> VolumeItem:  # noqa: ANN003
    given = dict(id=1, barcode="F000001", matter_id=1, matter_number="2017-0001", client="Ana Rivera",
                 caption="Rivera v. Okafor", label="Correspondence", medium="folder", place="", location_id=None,
                 home="Main office ▸ Cabinet A", home_location_id=2, out_to="", out_reason="", out_at=None,
                 due_back_on=None, opened_on=date(2017, 1, 5), closed_on=date(2019, 9, 23),
                 destroy_after=date(2026, 9, 23), retention="Standard", retention_note="Closed … + 7 years",
                 hold_reason="", destroyed_at=datetime(2026, 11, 23, 15, tzinfo=timezone.utc), status="destroyed",
                 matter_closed=True, destroyed_on=date(2026, 11, 21))
    given.update(changes)
    return VolumeItem(**given)


def test_a_destroyed_file_says_so_once_with_the_day_it_was_destroyed():
    shown = dict(facts(volume(), TODAY))
    assert shown["Where"] == "Destroyed Sat 11/21/2026"  # the batch's day, not the day it was recorded
    assert "Destroyed" not in shown  # no second line saying it again
    assert shown["Home"] == "Main office ▸ Cabinet A"
