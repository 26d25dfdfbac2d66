"""The fields letters need, kept by the services: the firm's phone, fax, e-mail and templates folder, a
timekeeper's title and bar number, a contact's courtesy title and organization; their lengths checked."""

from dataclasses import replace
from pathlib import Path

import pytest

from legalsec_desktop.domain.contacts import COURTESY_TITLES, ContactDraft, validate_contact
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.firm import FirmProfile, Timekeeper, validate_profile
from legalsec_desktop.services import contacts, firm


def profile(**changes) -> FirmProfile:
    keeper = Timekeeper("Mary Hale", "MAH", 30000, title="Partner", bar_number="CA 123456")
    values = dict(name="Hale Law", address="1 Main St\nAustin, TX 78701", timekeepers=(keeper,),
                  phone="(512) 555-0100", fax="(512) 555-0101", email="office@halelaw.example")
    values.update(changes)
    return FirmProfile(**values)


def test_the_firm_and_its_timekeepers_keep_the_letter_fields(store, tmp_path):
    saved = firm.save_settings(store, profile(), None, None, tmp_path / "Templates")
    assert (saved.phone, saved.fax, saved.email) == ("(512) 555-0100", "(512) 555-0101", "office@halelaw.example")
    assert (saved.timekeepers[0].title, saved.timekeepers[0].bar_number) == ("Partner", "CA 123456")
    assert firm.chosen_templates_folder(store) == tmp_path / "Templates"
    firm.save_settings(store, replace(saved, phone="  (512) 555-0199 "), None, None)  # the folder left as it was
    assert firm.chosen_templates_folder(store) == tmp_path / "Templates"
    assert firm.load_profile(store).phone == "(512) 555-0199"
    firm.save_settings(store, saved, None, None, None)  # back to the default folder
    assert firm.chosen_templates_folder(store) is None
    firm.save_profile(store, replace(firm.load_profile(store), email=""))
    assert firm.load_profile(store).email == "" and firm.load_profile(store).timekeepers[0].title == "Partner"


@pytest.mark.parametrize(("changes", "field"), [
    ({"phone": "5" * 61}, "phone"), ({"fax": "5" * 61}, "fax"), ({"email": "a@b.co" + "x" * 200}, "email"),
    ({"email": "office at halelaw"}, "email"),
    ({"timekeepers": (Timekeeper("Mary Hale", "MAH", 0, title="P" * 101),)}, "timekeepers[0]"),
    ({"timekeepers": (Timekeeper("Mary Hale", "MAH", 0, bar_number="1" * 41),)}, "timekeepers[0]"),
])
def test_too_long_or_wrong_is_refused_naming_the_field(store, changes, field):
    with pytest.raises(ValidationError) as raised:
        validate_profile(profile(**changes))
    assert raised.value.field == field
    with pytest.raises(ValidationError):
        firm.save_settings(store, profile(**changes), None, None, Path("x"))
    assert firm.chosen_templates_folder(store) is None  # nothing was saved


def test_a_contact_keeps_its_courtesy_title_and_organization(store):
    contact_id = contacts.save_contact(store, ContactDraft("Dana Whitfield", courtesy_title=" Ms. ",
                                                           organization="  Whitfield   &  Cole LLP "))
    loaded = contacts.load_contact(store, contact_id)
    assert (loaded.courtesy_title, loaded.organization) == ("Ms.", "Whitfield & Cole LLP")
    contacts.save_contact(store, ContactDraft("Dana Whitfield", courtesy_title="Hon."), contact_id)
    assert contacts.load_contact(store, contact_id).courtesy_title == "Hon."
    assert contacts.load_contact(store, contact_id).organization == ""


def test_courtesy_titles_offered_and_lengths_checked():
    assert COURTESY_TITLES == ("", "Mr.", "Ms.", "Mrs.", "Mx.", "Dr.", "Prof.", "Hon.")
    validate_contact(ContactDraft("Dana", courtesy_title="Rev.", organization="A" * 300))
    for draft, field in ((ContactDraft("Dana", courtesy_title="The Right Honourable Lord"), "courtesy_title"),
                         (ContactDraft("Dana", organization="A" * 301), "organization")):
        with pytest.raises(ValidationError) as raised:
            validate_contact(draft)
        assert raised.value.field == field
