"""The firm's places for files: a hierarchy found by path, renamed with its children, retired only when empty."""

from datetime import date

import pytest

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import CheckOut, VolumeDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import locations, matters, volumes


@pytest.fixture
def matter_id(store):
    return matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera", date(2026, 2, 2)))


@pytest.fixture
def places(store):
    """Main office ▸ Cabinet A ▸ Drawer 2, and Iron Mountain ▸ Box 17 (off-site)."""
    office = locations.add_location(store, None, "Main office", "office")
    cabinet = locations.add_location(store, office, " Cabinet   A ", "cabinet")
    drawer = locations.add_location(store, cabinet, "Drawer 2", "drawer")
    storage = locations.add_location(store, None, "Iron Mountain", "storage")
    box = locations.add_location(store, storage, "Box 17", "box")
    return {"office": office, "cabinet": cabinet, "drawer": drawer, "storage": storage, "box": box}


def by_id(store, include_retired=False):
    return {place.id: place for place in locations.all_locations(store, include_retired)}


def test_places_make_a_hierarchy_with_whole_paths_and_off_site_storage(store, places):
    found = by_id(store)
    assert [place.path for place in found.values()] == [
        "Iron Mountain", "Iron Mountain ▸ Box 17", "Main office", "Main office ▸ Cabinet A",
        "Main office ▸ Cabinet A ▸ Drawer 2"]  # a parent before its children
    assert found[places["drawer"]].parent_id == places["cabinet"] and found[places["cabinet"]].name == "Cabinet A"
    assert found[places["storage"]].offsite and found[places["box"]].offsite  # inside storage is in storage
    assert not found[places["drawer"]].offsite
    assert locations.location_id_of(store, "main OFFICE > cabinet a >  drawer 2") == places["drawer"]
    assert locations.location_id_of(store, "Iron Mountain ▸ Box 17") == places["box"]


def test_add_path_makes_the_missing_levels_and_finds_the_existing_ones(store, places):
    shelf = locations.add_path(store, "Main office > Cabinet A > Shelf 3", "shelf")
    assert locations.add_path(store, "main office>cabinet a>shelf 3") == shelf
    made = locations.add_path(store, "Keller > Regal 4 > Fach Ü", "shelf")
    found = by_id(store)
    assert found[shelf].parent_id == places["cabinet"] and found[shelf].kind == "shelf"
    assert found[made].path == "Keller ▸ Regal 4 ▸ Fach Ü"
    assert found[found[made].parent_id].kind == "other"


def test_bad_names_and_twins_are_refused_with_a_message(store, places):
    for name, message in (("  ", "Name the place"), ("A > B", "cannot hold"), ("A ▸ B", "cannot hold"),
                          ("x" * 121, "at most 120")):
        with pytest.raises(ValidationError, match=message):
            locations.add_location(store, None, name)
    with pytest.raises(ValidationError, match="Choose what kind"):
        locations.add_location(store, None, "Attic", "attic")
    with pytest.raises(ValidationError, match="(?i)\"Main office ▸ Cabinet A\" exists already"):
        locations.add_location(store, places["office"], "cabinet a")
    with pytest.raises(ValidationError, match="no longer exists"):
        locations.add_location(store, 9999, "Drawer 1")


def test_a_location_that_does_not_exist_names_the_nearest_paths(store, places):
    with pytest.raises(ValidationError) as missing:
        locations.location_id_of(store, "Main ofice > Cabinet A > Drawer 3")
    assert missing.value.field == "location"
    assert missing.value.message.startswith("The location \"Main ofice ▸ Cabinet A ▸ Drawer 3\" does not exist.")
    assert "Nearest: Main office ▸ Cabinet A ▸ Drawer 2" in missing.value.message
    with pytest.raises(ValidationError, match="Name the place from the top"):
        locations.location_id_of(store, "Main office >> Drawer 2")


def test_with_no_places_yet_the_message_says_where_to_add_them(store):
    with pytest.raises(ValidationError, match="No places are set up yet"):
        locations.location_id_of(store, "Cabinet A")


def test_renaming_a_place_renames_its_children_but_the_movement_logs_keep_the_old_names(store, places, matter_id):
    file_id, _code = volumes.add_volume(store, VolumeDraft(matter_id, "Correspondence", location_id=places["drawer"]))
    volumes.move(store, file_id, places["cabinet"])

    locations.rename_location(store, places["cabinet"], "Schrank  B")

    found = by_id(store)
    assert found[places["cabinet"]].path == "Main office ▸ Schrank B"
    assert found[places["drawer"]].path == "Main office ▸ Schrank B ▸ Drawer 2"
    assert found[places["office"]].path == "Main office"
    assert locations.location_id_of(store, "main office > schrank b > drawer 2") == places["drawer"]
    with pytest.raises(ValidationError, match="does not exist"):
        locations.location_id_of(store, "Main office > Cabinet A")
    assert volumes.volume(store, file_id).place == "Main office ▸ Schrank B"
    log = volumes.history(store, file_id)
    assert [(line.kind, line.from_text, line.to_text) for line in log] == [
        ("created", "", "Main office ▸ Cabinet A ▸ Drawer 2"),
        ("moved", "Main office ▸ Cabinet A ▸ Drawer 2", "Main office ▸ Cabinet A")]


def test_a_rename_onto_another_place_or_with_bad_text_is_refused(store, places):
    other = locations.add_location(store, places["office"], "Cabinet C", "cabinet")
    with pytest.raises(ValidationError, match="exists already"):
        locations.rename_location(store, other, "cabinet a")
    for name in ("", "A > B"):
        with pytest.raises(ValidationError, match="Name the place"):
            locations.rename_location(store, other, name)
    with pytest.raises(ValidationError, match="no longer exists"):
        locations.rename_location(store, 9999, "Cabinet D")
    assert by_id(store)[other].path == "Main office ▸ Cabinet C"


def test_retiring_refuses_a_place_with_files_in_it_or_inside_it(store, places, matter_id):
    file_id, _code = volumes.add_volume(store, VolumeDraft(matter_id, "Pleadings", location_id=places["drawer"]))
    for place in ("drawer", "cabinet", "office"):
        with pytest.raises(ValidationError, match="1 file\\(s\\) are kept in"):
            locations.retire_location(store, places[place])
    volumes.check_out(store, file_id, CheckOut("Mary Hale", due_on=date(2026, 11, 30)))
    with pytest.raises(ValidationError, match="move them first"):  # out, but its home is there
        locations.retire_location(store, places["drawer"])
    assert all(not place.retired for place in by_id(store).values())


def test_a_retired_place_leaves_the_lists_and_cannot_be_used(store, places, matter_id):
    locations.retire_location(store, places["cabinet"])

    assert set(by_id(store)) == {places["office"], places["storage"], places["box"]}
    every = by_id(store, include_retired=True)
    assert every[places["cabinet"]].retired and every[places["drawer"]].retired  # with what is inside it
    with pytest.raises(ValidationError, match="\"Main office ▸ Cabinet A\" is retired"):
        locations.location_id_of(store, "Main office > Cabinet A")
    with pytest.raises(ValidationError, match="no longer exists"):
        volumes.add_volume(store, VolumeDraft(matter_id, "Pleadings", location_id=places["drawer"]))
    with pytest.raises(ValidationError, match="no longer exists"):
        locations.add_location(store, places["cabinet"], "Drawer 3")
    with pytest.raises(ValidationError, match="no longer exists"):
        locations.retire_location(store, 9999)
    for path in ("Main office > Cabinet A", "Main office > Cabinet A > Drawer 2 > Folder 1"):
        with pytest.raises(ValidationError, match="\"Main office ▸ Cabinet A(?: ▸ Drawer 2)?\" is retired"):
            locations.add_path(store, path)  # not the retired place, nor a new one inside it
    assert len(by_id(store, include_retired=True)) == 5


def test_files_here_counts_the_files_in_each_place_now(store, places, matter_id):
    volumes.add_volume(store, VolumeDraft(matter_id, "Correspondence", location_id=places["drawer"]))
    out, _code = volumes.add_volume(store, VolumeDraft(matter_id, "Pleadings", location_id=places["drawer"]))
    volumes.add_volume(store, VolumeDraft(matter_id, "Discovery", medium="box", location_id=places["box"]))
    volumes.check_out(store, out, CheckOut("Mary Hale"))
    counts = {place.path: place.files_here for place in locations.all_locations(store)}
    assert counts["Main office ▸ Cabinet A ▸ Drawer 2"] == 1 and counts["Iron Mountain ▸ Box 17"] == 1
    assert counts["Main office"] == 0
