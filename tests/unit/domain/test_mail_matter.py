"""The matter suggested for an e-mail: a number in it, then its thread, then its sender, open matters first."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from legalsec_desktop.domain.mail_matter import (
    MAX_BODY_CHARS,
    FiledMail,
    MailClues,
    MatterRef,
    fold_address,
    number_pattern,
    numbers_in,
    suggest_matter,
    thread_ids,
)

SMITH = MatterRef(1, "2026-0009", "1:26-cv-09876")
JONES = MatterRef(2, "2026-0003", "CV-2024-001234")
OLD = MatterRef(3, "2024-0001", "3:24-cv-00042", is_open=False)
PENDING = MatterRef(4, "2026-0011", "", is_open=True)
MATTERS = [SMITH, JONES, OLD, PENDING]


def filed(document_id: int, matter_id: int, message_id: str = "", sender: str = "", title: str = "Re: extension",
          day: int = 2) -> FiledMail:
    at = datetime(2026, 11, day, 15, 0, tzinfo=timezone.utc)
    return FiledMail(document_id, matter_id, message_id, sender, title, at, at.date())


def found_ids(text: str) -> list[int]:
    return [item.matter.matter_id for item in numbers_in(text, MATTERS)]


@pytest.mark.parametrize("text", ["Re: 2026-0009", "matter 2026 0009, please", "ref 20260009.", "(2026–0009)",
                                  "Matter No. 2026-0009: call"])
def test_a_matter_number_is_found_whatever_its_spaces_and_dashes(text: str) -> None:
    assert found_ids(text) == [1]


@pytest.mark.parametrize("text", ["Re: 2026-00091", "x12026-0009", "2026-0009-1", "ref 202600091", "2026-0009a",
                                  "A2026-0009"])
def test_only_a_whole_token_is_a_matter_number(text: str) -> None:
    assert found_ids(text) == []


@pytest.mark.parametrize("text", ["Case 1:26-cv-09876", "1:26-CV-09876-JMF order", "No. 1:26 cv 9876", "1:26cv09876",
                                  "in 1 : 26-cv-09876"])
def test_a_federal_case_number_is_found_in_its_usual_spellings(text: str) -> None:
    assert found_ids(text) == [1]


@pytest.mark.parametrize(("text", "expected"), [("CV-2024-001234", [2]), ("cv 2024 1234", [2]), ("CV2024001234", [2]),
                                                ("CV-2024-0012345", []), ("CV-2024-1234-5", [])])
def test_a_state_case_number_is_compared_ignoring_case_spaces_and_dashes(text: str, expected: list[int]) -> None:
    assert found_ids(text) == expected


def test_numbers_too_short_to_recognise_are_not_looked_for() -> None:
    assert number_pattern("12") is None
    assert number_pattern("") is None
    assert numbers_in("see 12 and 12", [MatterRef(9, "12", "")]) == []


def test_several_numbers_are_listed_in_the_order_they_appear() -> None:
    assert found_ids("Re: 2026-0003 (was 1:26-cv-09876)") == [2, 1]


def test_a_number_in_the_subject_wins_over_one_in_the_body() -> None:
    clues = MailClues("Re: 2026-0003 extension", "Our matter 2026-0009 is related.")
    found = suggest_matter(clues, MATTERS, [])
    assert found is not None
    assert (found.matter_id, found.rule, found.reason) == (2, "number", "matter number 2026-0003 in the subject")


def test_a_case_number_in_the_body_is_used_when_the_subject_has_none() -> None:
    clues = MailClues("Extension", "Re the case 1:26-cv-09876, we agree.")
    found = suggest_matter(clues, MATTERS, [])
    assert found is not None
    assert (found.matter_id, found.reason) == (1, "case number 1:26-cv-09876 in the body")


def test_only_the_start_of_a_long_body_is_looked_through() -> None:
    clues = MailClues("Hello", "x" * MAX_BODY_CHARS + " 2026-0009")
    assert suggest_matter(clues, MATTERS, []) is None


def test_the_thread_is_used_when_no_number_is_found() -> None:
    clues = MailClues("Re: extension", "Fine by us.", thread_ids=("<b@x>", "<a@x>"), sender_address="jane@x.com")
    earlier = [filed(10, 2, "<a@x>", title="extension"), filed(11, 1, "<b@x>", title="Re: extension", day=3),
               filed(12, 4, "", "jane@x.com"), filed(13, 4, "", "jane@x.com")]
    found = suggest_matter(clues, MATTERS, earlier)
    assert found is not None
    # In-Reply-To (<b@x>) comes first: the mail it answers, even though the sender wrote more on matter 4
    assert (found.matter_id, found.rule) == (1, "thread")
    assert found.reason == "same thread as 'Re: extension' filed 11/03/2026"


def test_a_number_wins_over_the_thread() -> None:
    clues = MailClues("Re: extension 2026-0003", "", thread_ids=("<b@x>",))
    found = suggest_matter(clues, MATTERS, [filed(11, 1, "<b@x>")])
    assert found is not None and (found.matter_id, found.rule) == (2, "number")


def test_the_sender_is_used_last_most_e_mails_winning_then_the_most_recent() -> None:
    clues = MailClues("Hello", "No number here.", thread_ids=("<unknown@x>",), sender_address="Jane@X.com")
    earlier = [filed(20, 1, sender="jane@x.com", day=1), filed(21, 2, sender="jane@x.com", day=2),
               filed(22, 2, sender="jane@x.com", day=3), filed(23, 1, sender="jane@x.com", day=4),
               filed(24, 4, sender="bob@x.com", day=5)]
    found = suggest_matter(clues, MATTERS, earlier)
    assert found is not None
    # two each on matters 1 and 2: matter 1's latest (day 4) is more recent
    assert (found.matter_id, found.rule, found.reason) == (1, "sender", "2 earlier e-mails from Jane@X.com")
    found = suggest_matter(clues, MATTERS, [*earlier, filed(25, 2, sender="jane@x.com", day=1)])
    assert found is not None and found.matter_id == 2


def test_nothing_points_to_a_matter() -> None:
    assert suggest_matter(MailClues("Hello", "Hi", sender_address="new@x.com"), MATTERS, []) is None


def test_closed_matters_are_suggested_only_when_nothing_open_matches() -> None:
    # the subject names the closed matter, but the sender's earlier e-mails went to an open one
    clues = MailClues("Re: 2024-0001", "", sender_address="jane@x.com")
    found = suggest_matter(clues, MATTERS, [filed(30, 4, sender="jane@x.com")])
    assert found is not None and (found.matter_id, found.rule) == (4, "sender")
    found = suggest_matter(clues, MATTERS, [])
    assert found is not None
    assert (found.matter_id, found.reason) == (3, "matter number 2024-0001 in the subject")
    # nor does the thread or the sender lead to a closed matter while an open one matches
    clues = MailClues("Re: 2026-0009", "", thread_ids=("<old@x>",))
    found = suggest_matter(clues, MATTERS, [filed(31, 3, "<old@x>")])
    assert found is not None and found.matter_id == 1


def test_addresses_are_folded_and_thread_ids_ordered_nearest_first() -> None:
    assert fold_address(" <Jane.Doe@Example.COM> ") == "jane.doe@example.com"
    assert thread_ids("<c@x>", ("<a@x>", "<b@x>", "<c@x>")) == ("<c@x>", "<b@x>", "<a@x>")
    assert thread_ids("", ()) == ()
