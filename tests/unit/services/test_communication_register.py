"""The correspondence register's list: every matter's entries, their follow-ups and documents, and its filters."""

from datetime import date, datetime

import pytest
from document_setup import Sample, add_documents
from documents_setup import new_matter

from legalsec_desktop.db.document_models import DocumentRow
from legalsec_desktop.domain.communications import CommunicationDraft, follow_up_text, register_period
from legalsec_desktop.services import communications, documents, listings, todos
from legalsec_desktop.services.rows import CommunicationFilters

TODAY = date(2026, 11, 23)  # the pinned clock's day (tests/conftest.py)


def log(store, matter_id, when, kind="call", direction="in", who="Dana Whitfield", subject="Extension",
        follow_up=None):
    entry, _time = communications.save_communication(store, CommunicationDraft(
        matter_id, kind, direction, when, who, subject, "", follow_up))
    return entry


@pytest.fixture
def register(store, root):
    """Two matters; a call in, a letter out with a follow-up, an e-mail in filed as a document, an old meeting."""
    rivera = new_matter(store)
    lee = new_matter(store, "2026-0002", "Estate of Lee")
    entries = {
        "call": log(store, rivera, datetime(2026, 11, 20, 16, 30)),
        "letter": log(store, rivera, datetime(2026, 11, 2, 9, 0), "letter", "out", "Court clerk", "Filing cover",
                      follow_up=date(2026, 11, 16)),
        "email": log(store, lee, datetime(2026, 11, 23, 8, 15), "email", "in", "Bo Lee", "Lease questions"),
        "meeting": log(store, lee, datetime(2025, 6, 1, 10, 0), "meeting", "out", "Bo Lee", "Will signing",
                       follow_up=date(2025, 6, 8)),
    }
    (document_id,) = add_documents(store, root, lee, (Sample("E-mail from Bo Lee re lease", "email", "Bo Lee"),))
    with store.write() as session:
        session.get(DocumentRow, document_id).communication_id = entries["email"]
    return {"rivera": rivera, "lee": lee, "document": document_id, **entries}


def rows(store, filters=None, text="", sort=None):
    ids = listings.list_ids(store, "communications", sort, None, text, filters)
    found = listings.fetch_rows(store, "communications", ids)
    return [found[i] for i in ids]


def test_every_matters_entries_newest_first_with_matter_title_follow_up_and_document(store, register):
    shown = rows(store)
    assert [(r.kind, r.direction, r.matter, r.matter_title) for r in shown] == [
        ("E-mail", "In", "2026-0002", "Rivera matter"), ("Call", "In", "2026-0001", "Rivera matter"),
        ("Letter", "Out", "2026-0001", "Rivera matter"), ("Meeting", "Out", "2026-0002", "Rivera matter")]
    email, call, letter, meeting = shown
    assert email.document == "E-mail from Bo Lee re lease" and call.document == "" and letter.document == ""
    assert letter.follow_up == "Overdue since Mon 11/16/2026" and call.follow_up == ""
    assert meeting.follow_up == "Overdue since Sun 06/08/2025"
    todo = next(t for t in todos.all_todos(store) if t.communication_id == register["meeting"])
    todos.set_done(store, [todo.id], True)
    assert rows(store)[3].follow_up == "Done (due Sun 06/08/2025)"


def test_a_deleted_document_is_no_longer_the_entrys(store, register):
    assert communications.entry_document(store, register["email"]).document_id == register["document"]
    documents.delete_document(store, register["document"])
    assert communications.entry_document(store, register["email"]) is None
    assert rows(store)[0].document == ""
    assert communications.entry_document(store, register["call"]) is None


@pytest.mark.parametrize(("filters", "expected"), [
    (CommunicationFilters(kind="letter"), ["letter"]),
    (CommunicationFilters(direction="out"), ["letter", "meeting"]),
    (CommunicationFilters(matter_id=-1), []),
    (CommunicationFilters(first=date(2026, 11, 2), last=date(2026, 11, 20)), ["call", "letter"]),
    (CommunicationFilters(first=date(2026, 11, 21)), ["email"]),
    (CommunicationFilters(last=date(2025, 12, 31)), ["meeting"]),
    (CommunicationFilters(open_follow_ups=True), ["letter", "meeting"]),
    (CommunicationFilters(kind="email", direction="out"), []),
])
def test_each_filter_narrows_in_sql(store, register, filters, expected):
    ids = listings.list_ids(store, "communications", filters=filters)
    assert ids == [register[name] for name in expected]


def test_the_matter_filter_and_the_text_search(store, register):
    assert listings.list_ids(store, "communications", filters=CommunicationFilters(matter_id=register["lee"])) == [
        register["email"], register["meeting"]]
    assert listings.list_ids(store, "communications", text="clerk") == [register["letter"]]
    assert listings.list_ids(store, "communications", text="2026-0002") == [register["email"], register["meeting"]]


def test_days_are_this_computers_whole_days(store, register, local_zone):
    local_zone("America/Los_Angeles")
    late = log(store, register["rivera"], datetime(2026, 11, 21, 23, 30))  # 07:30 UTC on the 22nd
    assert listings.list_ids(store, "communications",
                             filters=CommunicationFilters(first=date(2026, 11, 21), last=date(2026, 11, 21))) == [late]


def test_a_followup_done_no_longer_counts_as_open(store, register):
    todo = next(t for t in todos.all_todos(store) if t.communication_id == register["letter"])
    todos.set_done(store, [todo.id], True)
    assert listings.list_ids(store, "communications", filters=CommunicationFilters(open_follow_ups=True)) == [
        register["meeting"]]


def test_sorting_by_each_new_column(store, register):
    for key in ("matter_title", "follow_up", "document", "kind", "direction"):
        assert sorted(listings.list_ids(store, "communications", key, False)) == sorted(
            register[name] for name in ("call", "letter", "email", "meeting"))
    by_follow_up = listings.list_ids(store, "communications", "follow_up", True)
    assert by_follow_up[:2] == [register["letter"], register["meeting"]]  # the latest follow-up first


def test_the_matter_of_an_entry_and_whether_there_is_any(store, register):
    assert communications.entry_matter(store, register["email"]) == register["lee"]
    assert communications.entry_matter(store, 999) is None
    assert communications.has_entries(store)
    for name in ("call", "letter", "email", "meeting"):
        communications.delete_communication(store, register[name])
    assert not communications.has_entries(store) and rows(store) == []


def test_an_entry_without_a_subject_shows_its_summarys_first_line(store, matter_id):
    entry, _ = communications.save_communication(store, CommunicationDraft(
        matter_id, "call", "in", datetime(2026, 11, 20, 10, 0), "Dana", "", "Asked for a week more\nWill confirm"))
    assert listings.fetch_rows(store, "communications", [entry])[entry].subject == "Asked for a week more"


def test_register_periods_and_follow_up_words():
    assert register_period("Last 30 days", TODAY) == (date(2026, 10, 25), TODAY)
    assert register_period("This month", TODAY) == (date(2026, 11, 1), date(2026, 11, 30))
    assert register_period("All dates", TODAY) == (None, None)
    assert follow_up_text(None, False, False) == ""
    assert follow_up_text(date(2026, 11, 30), False, False) == "Due Mon 11/30/2026"
    assert follow_up_text(date(2026, 11, 2), False, True) == "Overdue since Mon 11/02/2026"
    assert follow_up_text(date(2026, 11, 2), True, True) == "Done (due Mon 11/02/2026)"


def test_the_register_of_the_large_practice_lists_fast(demo_store):
    """Every list the filters make reads its ids through existing indexes (no new one needed)."""
    import time

    for filters in (None, CommunicationFilters(kind="letter"), CommunicationFilters(open_follow_ups=True),
                    CommunicationFilters(first=date(2026, 10, 25), last=TODAY)):
        started = time.perf_counter()
        listings.list_ids(demo_store, "communications", filters=filters)
        assert time.perf_counter() - started < 0.5
