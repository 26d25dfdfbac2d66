"""Saving and loading the firm profile and its timekeepers."""

import pytest

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.firm import FirmProfile, Timekeeper
from legalsec_desktop.services.firm import load_profile, save_profile


def profile(*keepers, name="Lee & Park LLP"):
    return FirmProfile(name=name, address="1 Main St\nAustin, TX 78701", billing_increment_minutes=15,
                       default_jurisdiction="TX", timekeepers=tuple(keepers))


def test_a_new_database_is_not_set_up(store):
    loaded = load_profile(store)
    assert not loaded.is_set_up and loaded.name == "" and loaded.timekeepers == ()


def test_save_and_load_round_trip(store):
    saved = save_profile(store, profile(Timekeeper("Ann Lee", "al", 30000), Timekeeper("Bo Park", "BP", 25050)))
    assert saved.is_set_up and saved.name == "Lee & Park LLP" and saved.billing_increment_minutes == 15
    assert [(k.initials, k.default_rate_cents) for k in saved.timekeepers] == [("AL", 30000), ("BP", 25050)]
    assert load_profile(store) == saved


def test_removed_timekeepers_are_kept_inactive_and_can_come_back(store):
    saved = save_profile(store, profile(Timekeeper("Ann Lee", "AL", 30000), Timekeeper("Bo Park", "BP", 25000)))
    ann = saved.timekeepers[0]
    after = save_profile(store, profile(ann))
    assert [(k.initials, k.active) for k in after.timekeepers] == [("AL", True), ("BP", False)]
    back = save_profile(store, profile(ann, Timekeeper("Bo Park", "BP", 26000)))
    assert [(k.initials, k.active, k.default_rate_cents) for k in back.timekeepers][1] == ("BP", True, 26000)


def test_initials_of_an_active_colleague_are_refused(store):
    save_profile(store, profile(Timekeeper("Ann Lee", "AL", 30000)))
    with pytest.raises(ValidationError, match="already belong to Ann Lee"):
        save_profile(store, profile(Timekeeper("Al Lin", "AL", 1)))
    assert [k.name for k in load_profile(store).timekeepers] == ["Ann Lee"]


def test_invalid_profile_saves_nothing(store):
    with pytest.raises(ValidationError):
        save_profile(store, profile(name=""))
    assert not load_profile(store).is_set_up


def test_the_settings_and_both_folders_are_saved_together_or_not_at_all(store, tmp_path):
    from pathlib import Path

    from legalsec_desktop.services import document_root
    from legalsec_desktop.services.firm import save_settings

    default = Path("default")
    saved = save_settings(store, profile(Timekeeper("Ann Lee", "AL", 30000)), tmp_path / "Docs", tmp_path / "Scans")
    assert saved.name == "Lee & Park LLP"
    assert (document_root.documents_root(store, default), document_root.inbox_folder(store)) == (
        tmp_path / "Docs", tmp_path / "Scans")
    # A profile refused half-way (a colleague's initials): neither it nor the folders are saved.
    with pytest.raises(ValidationError, match="already belong to Ann Lee"):
        save_settings(store, profile(Timekeeper("Al Lin", "AL", 1), name="Lee LLP"), tmp_path / "Other", None)
    assert load_profile(store) == saved
    assert (document_root.documents_root(store, default), document_root.inbox_folder(store)) == (
        tmp_path / "Docs", tmp_path / "Scans")
    save_settings(store, saved, None, None)  # blank: the default folder, no inbox
    assert (document_root.documents_root(store, default), document_root.inbox_folder(store)) == (default, None)
