"""Search across everything: grouped by matter, newest first, narrowed to a matter, deleted documents left out."""

from datetime import date

import pytest

from legalsec_desktop.db.search_index import search_index
from legalsec_desktop.services.search import CONTACTS_HEADING, flat, has_words, search_everything
from search_setup import FILED, add_document, build


@pytest.fixture
def practice(store):
    return build(store)


def test_hits_are_grouped_by_matter_in_the_order_of_their_newest_hit(store, practice):
    groups = search_everything(store, "extension")
    assert [g.matter_id for g in groups] == [practice.rivera, practice.lease, None]
    rivera, lease, contacts = groups
    assert rivera.heading == "2026-0001 — Rivera v. Okafor"
    assert lease.heading == "2026-0002 — Lease of Elm Street"  # no caption: the matter's title
    assert contacts.heading == CONTACTS_HEADING
    assert [(h.kind, h.ref_id) for h in rivera.hits] == [("email", practice.mail), ("document", practice.letter),
                                                         ("log", practice.log)]
    assert [h.on_date for h in rivera.hits] == [date(2026, 11, 12), date(2026, 11, 10), date(2026, 11, 2)]
    assert [(h.kind, h.ref_id) for h in lease.hits] == [("document", practice.notice)]
    assert [(h.label, h.plain_title) for h in contacts.hits] == [("Contact", "Greta Extensionist")]


def test_each_hit_says_what_it_is_and_what_to_open(store, practice):
    hits = {(h.kind, h.ref_id): h for h in flat(search_everything(store, "extension"))}
    mail = hits[("email", practice.mail)]
    assert mail.label == "E-mail" and mail.log_id == practice.mail_log
    assert ("log", practice.mail_log) not in hits  # the e-mail's own line in the log: the e-mail is shown
    assert mail.path == "2026-0001 Rivera v. Okafor/2026-11-12 RE: extension.txt" and not mail.missing
    assert (mail.matter_number, mail.caption) == ("2026-0001", "Rivera v. Okafor")
    letter = hits[("document", practice.letter)]
    assert letter.label == "Document" and letter.plain_title == "Letter from opposing counsel re extension"
    assert [p.text for p in letter.title if p.matched] == ["extension"]
    assert [p.text for p in letter.snippet if p.matched] == ["extension"]
    log = hits[("log", practice.log)]
    assert (log.label, log.log_id, log.plain_title) == ("Log entry", practice.log, "Call about the extension")


def test_a_matter_is_found_by_its_number_or_title(store, practice):
    matter = flat(search_everything(store, "elm"))
    assert [(h.kind, h.ref_id, h.label) for h in matter] == [("matter", practice.lease, "Matter")]
    assert matter[0].plain_title == "2026-0002 Lease of Elm Street"
    assert [h.ref_id for h in flat(search_everything(store, "2026-0002")) if h.kind == "matter"] == [practice.lease]


def test_words_in_any_order_each_as_the_start_of_a_word(store, practice):
    # the e-mail's log line names opposing counsel and the e-mail does not: that line is shown, as it alone matches
    assert [(h.kind, h.ref_id) for h in flat(search_everything(store, "exten opposing"))] == [
        ("log", practice.mail_log), ("document", practice.letter), ("log", practice.log)]
    assert [h.ref_id for h in flat(search_everything(store, "o'neil"))] == [practice.mail]


def test_narrowing_to_one_matter(store, practice):
    groups = search_everything(store, "extension", matter_id=practice.lease)
    assert [(h.kind, h.ref_id) for h in flat(groups)] == [("document", practice.notice)]


def test_a_document_deleted_since_it_was_indexed_is_not_shown(store, practice):
    assert search_index_holds(store, practice.deleted)
    assert all(h.ref_id != practice.deleted for h in flat(search_everything(store, "extension"))
               if h.kind == "document")
    assert search_everything(store, "withdrawn") == ()


def test_deleted_documents_do_not_take_the_places_of_others(store, practice):
    for n in range(30):
        add_document(store, practice.lease, f"Withdrawn draft {n}", "extension", date(2026, 11, 25))
    with store.write() as session:
        from sqlalchemy import update

        from legalsec_desktop.db.document_models import DocumentRow

        session.execute(update(DocumentRow).where(DocumentRow.title.like("Withdrawn draft%"))
                        .values(deleted_at=FILED))
    hits = flat(search_everything(store, "extension", limit=3))  # the three newest, grouped by matter
    assert [h.ref_id for h in hits] == [practice.mail, practice.letter, practice.notice]


def test_punctuation_alone_or_no_limit_finds_nothing(store, practice):
    for words in ("", "   ", "?!", "-- ++ ''"):
        assert not has_words(words)
        assert search_everything(store, words) == ()
    assert search_everything(store, "extension", limit=0) == ()
    assert has_words("c++")
    assert search_everything(store, "c++ zz") == ()  # no syntax error: words the index does not hold
    assert search_everything(store, "nothing-like-this") == ()


def test_the_limit_counts_hits(store, practice):
    assert len(flat(search_everything(store, "extension", limit=2))) == 2


def search_index_holds(store, document_id: int) -> bool:  # noqa: ANN001
    with store.read() as session:
        return document_id in search_index(session).indexed_documents(session)
