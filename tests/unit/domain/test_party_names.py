"""Typed party names: person or organisation from the words, and a person's "Last, First"."""

import pytest

from legalsec_desktop.domain.party_names import looks_like_organisation, party_name, split_person_name


@pytest.mark.parametrize("name", [
    "Pioneer Trucking Company", "Pioneer Trucking Co.", "Acme, Inc.", "Acme L.L.C.", "Smith Jones LLP",
    "Baker Law P.C.", "First National Bank", "Travis County", "City of Austin", "State of Texas",
    "Texas Department of Public Safety", "University of Texas", "Homeowners Association of Elm Park",
    "The Smith Family Trust", "St. David's Hospital", "Smith & Sons", "Hudson Insurance Corp.",
    "Bank of America, N.A.", "Estate of John Smith",
])
def test_organisations_are_told_by_their_words(name):
    assert looks_like_organisation(name)
    kept = party_name(name)
    assert kept.is_organization and kept.name == kept.sort_name == " ".join(name.split())


@pytest.mark.parametrize("name", ["Josh Jones", "Jones, Josh", "Mary Anne van der Berg", "Mark Bank", "John Court",
                                  "Cher", "Smith, John A.", "Joshua Jones Jr."])
def test_people_are_people(name):
    assert not looks_like_organisation(name)
    assert not party_name(name).is_organization


@pytest.mark.parametrize(("typed", "name", "sort", "first", "last"), [
    ("Jones, Josh", "Josh Jones", "Jones, Josh", "Josh", "Jones"),
    ("  Jones ,  Josh ", "Josh Jones", "Jones, Josh", "Josh", "Jones"),
    ("Josh Jones", "Josh Jones", "Jones, Josh", "Josh", "Jones"),
    ("Smith, John A.", "John A. Smith", "Smith, John A.", "John A.", "Smith"),
    ("Jones, Josh, Jr.", "Josh Jones Jr.", "Jones Jr., Josh", "Josh", "Jones Jr."),
    ("Josh Jones Jr.", "Josh Jones Jr.", "Jones Jr., Josh", "Josh", "Jones Jr."),
    ("Anna van der Berg", "Anna van der Berg", "van der Berg, Anna", "Anna", "van der Berg"),
    ("Cher", "Cher", "Cher", "", "Cher"),
])
def test_a_persons_last_first_is_parsed(typed, name, sort, first, last):
    kept = party_name(typed)
    assert (kept.name, kept.sort_name, kept.first, kept.last) == (name, sort, first, last)


def test_the_caller_can_say_otherwise():
    assert party_name("Mark Bank", is_organization=True) == party_name("Mark Bank", True)
    assert party_name("Mark Bank", True).is_organization and party_name("Mark Bank", True).name == "Mark Bank"
    person = party_name("Pioneer Trucking Company", is_organization=False)
    assert not person.is_organization and person.sort_name == "Company, Pioneer Trucking"
    assert party_name("Acme, Inc.", is_organization=True).name == "Acme, Inc."  # an organisation's comma stays


def test_split_keeps_words():
    assert split_person_name("Jones, Josh") == ("Josh", "Jones")
    assert split_person_name("") == ("", "")
