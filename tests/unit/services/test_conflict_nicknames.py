"""Nicknames in conflict checks: "Bill Smith" finds William Smith, scored as a likely match, both ways round."""

from datetime import date

import pytest

from legalsec_desktop.domain.conflicts import MIN_SCORE, SearchName
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.nicknames import equivalents, name_variants, same_given_name
from legalsec_desktop.services import conflicts, contacts, matters


@pytest.fixture
def formal_names(store):
    """A matter whose client is William Smith and whose opposing parties go by their full given names."""
    matter = matters.create_matter(store, MatterDraft(
        "2026-0001", "William Smith v. Robert Jones", "William Smith", date(2026, 1, 5),
        adverse_names=("Robert Jones",)))
    for name in ("Margaret Olsen", "James Carter", "Elizabeth Warren-Hale", "Liz Nakamura"):
        contacts.add_party(store, matter, name, "opposing party")
    return matter


@pytest.mark.parametrize(("typed", "stored"), [
    ("Bill Smith", "William Smith"), ("Bob Jones", "Robert Jones"), ("Peggy Olsen", "Margaret Olsen"),
    ("Jim Carter", "James Carter"), ("Liz Warren-Hale", "Elizabeth Warren-Hale"), ("Smith, Bill", "William Smith"),
    ("Elizabeth Nakamura", "Liz Nakamura"),
])
def test_a_nickname_finds_the_full_name_and_back(store, formal_names, typed, stored):
    hits = conflicts.find_hits(store, [SearchName(typed, "adverse")])
    found = [h for h in hits if h.contact_name == stored]
    assert found, f"{typed} did not find {stored}"
    assert MIN_SCORE <= found[0].score < 100  # a likely match, below the very same name


def test_a_nickname_of_the_client_is_a_likely_conflict_when_adverse(store, formal_names):
    hits = conflicts.find_hits(store, [SearchName("Bill Smith", "adverse")])
    assert hits[0].contact_name == "William Smith" and hits[0].role == "client" and hits[0].likely


def test_the_very_name_still_scores_above_a_nickname(store, formal_names):
    contacts.add_party(store, formal_names, "Bill Smith", "witness")
    hits = conflicts.find_hits(store, [SearchName("Bill Smith")])
    scores = {h.contact_name: h.score for h in hits}
    assert scores["Bill Smith"] == 100 and scores["William Smith"] < 100


def test_a_nickname_does_not_change_the_surname_or_match_other_people(store, formal_names):
    assert "William Smith" not in {h.contact_name for h in conflicts.find_hits(store, [SearchName("Bill Jones")])}
    assert conflicts.find_hits(store, [SearchName("Peggy Smithers-Wong")]) == []


def test_the_list_reads_both_ways_one_step():
    assert same_given_name("Bill", "William") and same_given_name("william", "BILL")
    assert same_given_name("Peggy", "Margaret") and same_given_name("Jim", "James")
    assert same_given_name("Liz", "Elizabeth") and same_given_name("Bob", "Robert")
    assert not same_given_name("Bill", "Margaret")
    assert len(equivalents()) > 1000
    assert ("william smith", "william") in set(name_variants("bill smith"))
    assert all(v.endswith(" smith") for v, _ in name_variants("bill smith"))
    assert list(name_variants("bill")) == []  # a lone word has no surname to keep
