"""Validation of the firm profile and of a new matter."""

from datetime import date

import pytest

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.firm import FirmProfile, Timekeeper, describe_increment, validate_profile
from legalsec_desktop.domain.matters import MatterDraft, format_matter_number, number_prefix, validate_matter


def keeper(name="Ann Lee", initials="AL", rate=30000):
    return Timekeeper(name=name, initials=initials, default_rate_cents=rate)


def test_a_complete_profile_is_valid():
    validate_profile(FirmProfile(name="Lee & Co.", timekeepers=(keeper(),)))


@pytest.mark.parametrize(("profile", "field", "words"), [
    (FirmProfile(name="  "), "name", "firm's name"),
    (FirmProfile(name="x" * 201), "name", "200"),
    (FirmProfile(name="A", billing_increment_minutes=7), "billing_increment_minutes", "increment"),
    (FirmProfile(name="A", default_jurisdiction="ZZ"), "default_jurisdiction", "jurisdiction"),
    (FirmProfile(name="A", timekeepers=(keeper(name=""),)), "timekeepers[0]", "needs a name"),
    (FirmProfile(name="A", timekeepers=(keeper(initials="1X"),)), "timekeepers[0]", "Initials"),
    (FirmProfile(name="A", timekeepers=(keeper(), keeper(name="Al Lo"))), "timekeepers[1]", "used twice"),
    (FirmProfile(name="A", timekeepers=(keeper(rate=-1),)), "timekeepers[0]", "negative"),
])
def test_bad_profiles_name_the_field(profile, field, words):
    with pytest.raises(ValidationError) as caught:
        validate_profile(profile)
    assert caught.value.field == field
    assert words in caught.value.message


def test_describe_increment():
    assert describe_increment(6) == "0.1 hour (6 minutes)"
    assert describe_increment(15) == "0.25 hour (15 minutes)"
    assert describe_increment(1) == "0.02 hour (1 minute)"


def test_matter_numbers_follow_the_pattern():
    assert format_matter_number("{year}-{seq:04d}", 2026, 1) == "2026-0001"
    assert format_matter_number("M{yy}/{seq}", 2026, 12) == "M26/12"
    assert number_prefix("{year}-{seq:04d}", 2026) == "2026-"
    with pytest.raises(ValidationError):
        format_matter_number("{nope}", 2026, 1)


@pytest.mark.parametrize(("changes", "field"), [
    ({"number": ""}, "number"), ({"number": "9" * 41}, "number"), ({"title": " "}, "title"),
    ({"title": "t" * 301}, "title"), ({"client_name": ""}, "client_name"), ({"client_name": "c" * 301}, "client_name"),
])
def test_new_matter_validation(changes, field):
    values = dict(number="2026-0001", title="Smith v. Jones", client_name="Jane Smith", opened_on=date(2026, 1, 5))
    values.update(changes)
    with pytest.raises(ValidationError) as caught:
        validate_matter(MatterDraft(**values))
    assert caught.value.field == field
