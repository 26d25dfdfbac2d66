"""Name folding, conflict sides, contacts, durations and typed dates."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalsec_desktop.domain.communications import CommunicationDraft, validate_communication
from legalsec_desktop.domain.conflicts import SearchName, clean_names, is_likely_conflict, side_of_role
from legalsec_desktop.domain.contacts import ContactDraft, format_aliases, parse_aliases, validate_contact
from legalsec_desktop.domain.dates import parse_date
from legalsec_desktop.domain.durations import parse_duration
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.matters import MatterDraft, validate_matter
from legalsec_desktop.domain.names import fold_name, sort_name


@pytest.mark.parametrize(("a", "b"), [
    ("Smith, John", "John Smith"), ("JOHN  SMITH", "john smith"), ("Acme Inc.", "ACME Incorporated"),
    ("The Acme Company", "Acme Co"), ("Acme, L.L.C.", "acme llc"), ("Müller GmbH", "Muller"),
    ("O’Brien, Pat", "Pat O'Brien"), ("Smith & Sons, Ltd.", "Smith and Sons"),
])
def test_forms_of_the_same_name_fold_alike(a, b):
    assert fold_name(a) == fold_name(b)


def test_other_scripts_are_kept():
    assert fold_name("محمد علي") == "محمد علي"
    assert fold_name("北京 有限公司") == "北京 有限公司"
    assert fold_name("The Company") == "the company"  # a name made only of forms keeps its words


@given(st.text(max_size=60))
def test_folding_never_fails_and_is_stable(text):
    folded = fold_name(text)
    assert fold_name(folded) == folded


def test_sort_names():
    assert sort_name("Jane Q. Smith", False) == "Smith, Jane Q."
    assert sort_name("Acme Inc.", True) == "Acme Inc."
    assert sort_name("Cher", False) == "Cher"


def test_likely_conflicts_are_a_client_meeting_the_other_side():
    assert is_likely_conflict("client", "opposing party") and is_likely_conflict("adverse", "client")
    assert not is_likely_conflict("client", "client") and not is_likely_conflict("other", "client")
    assert side_of_role("opposing counsel") == "adverse" and side_of_role("witness") == "other"


def test_clean_names_drops_blanks_and_repeats_and_refuses_nothing():
    kept = clean_names([SearchName(" Jane  Roe "), SearchName("jane roe"), SearchName(""), SearchName("X", "adverse")])
    assert kept == [SearchName("Jane Roe"), SearchName("X", "adverse")]
    with pytest.raises(ValidationError):
        clean_names([SearchName("  ")])
    with pytest.raises(ValidationError):
        clean_names([SearchName("A", "friend")])


def test_contact_rules():
    validate_contact(ContactDraft("Ана Петрова", email="ana@example.com, a2@example.org"))
    for draft, field in ((ContactDraft(""), "name"), (ContactDraft("x" * 301), "name"),
                         (ContactDraft("A", email="not-an-address"), "email")):
        with pytest.raises(ValidationError) as caught:
            validate_contact(draft)
        assert caught.value.field == field
    aliases = parse_aliases("Jane Doe\nd/b/a: Acme Tools\n\nformer name: Jane Roe")
    assert aliases == (("Jane Doe", "aka"), ("Acme Tools", "d/b/a"), ("Jane Roe", "former name"))
    assert parse_aliases(format_aliases(aliases)) == aliases


@pytest.mark.parametrize(("text", "minutes"), [
    ("0.3", 18), (".25h", 15), ("18m", 18), ("1:15", 75), ("1h 20m", 80), ("90 min", 90), ("1.5 hours", 90), ("2", 120),
])
def test_durations_typed_the_way_people_type_them(text, minutes):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["0", "-1", "abc", "25h", "1h x", "", "0:00"])
def test_bad_durations_are_refused(text):
    with pytest.raises(ValidationError):
        parse_duration(text)


def test_typed_dates():
    assert parse_date("11/23/2026") == date(2026, 11, 23) == parse_date("2026-11-23") == parse_date("11/23/26")
    assert parse_date("  ") is None
    with pytest.raises(ValidationError, match="no such day"):
        parse_date("02/30/2026", "closed_on")
    with pytest.raises(ValidationError):
        parse_date("next week")
    with pytest.raises(ValidationError):
        parse_date("", required=True)


def test_matter_dates_and_status_must_agree():
    base = dict(number="2026-0001", title="A v. B", client_name="A", opened_on=date(2026, 3, 1))
    cases = [
        (dict(status="closed", closed_on=date(2026, 2, 1)), "closed_on"),
        (dict(status="closed"), "closed_on"),
        (dict(closed_on=date(2026, 4, 1)), "closed_on"),
        (dict(caption="c" * 501), "caption"),
        (dict(adverse_names=("n" * 301,)), "adverse_names"),
    ]
    for changes, field in cases:
        with pytest.raises(ValidationError) as caught:
            validate_matter(MatterDraft(**{**base, **changes}))
        assert caught.value.field == field
    validate_matter(MatterDraft(**base, status="closed", closed_on=date(2026, 3, 1)))


def test_communication_rules():
    when = datetime(2026, 11, 23, 10, 0)
    validate_communication(CommunicationDraft(1, "call", "in", when, "Jane Roe", "Settlement"))
    for draft, field in (
        (CommunicationDraft(None, "call", "in", when, "Jane"), "matter_id"),
        (CommunicationDraft(1, "call", "in", when, " ", "x"), "with_whom"),
        (CommunicationDraft(1, "call", "in", when, "Jane"), "subject"),
        (CommunicationDraft(1, "call", "in", when, "Jane", "x", follow_up_on=date(2026, 11, 1)), "follow_up_on"),
    ):
        with pytest.raises(ValidationError) as caught:
            validate_communication(draft)
        assert caught.value.field == field


def test_search_fold_takes_a_shortcut_only_where_it_gives_the_same_key():
    import unicodedata

    from hypothesis import given
    from hypothesis import strategies as st

    from legalsec_desktop.domain.names import search_fold, strip_accents

    def slow(text: str) -> str:
        return " ".join(strip_accents(unicodedata.normalize("NFKC", text)).casefold().split())

    @given(st.text(alphabet=st.characters(max_codepoint=127)), st.text())
    def same(ascii_text: str, any_text: str) -> None:
        assert search_fold(ascii_text) == slow(ascii_text)
        assert search_fold(any_text) == slow(any_text)

    same()
    assert search_fold("ÖZTÜRK  GmbH") == "ozturk gmbh" and search_fold("Σωκράτης") == "σωκρατησ"
