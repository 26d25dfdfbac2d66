"""How a conflict check reads and scores every name fast: the collector paused, plain reads, one word search."""

import gc
from datetime import date

import pytest
from sqlalchemy import select

from legalsec_desktop.db.models import ContactRow
from legalsec_desktop.db.plain_read import plain_batches, plain_rows
from legalsec_desktop.domain.conflicts import SearchName
from legalsec_desktop.domain.contacts import ContactDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import conflicts, contacts, matters
from legalsec_desktop.services.collector import collector_paused


def test_the_collector_is_paused_inside_and_restored_however_the_block_ends():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # whoever turned it off turns it back on
    finally:
        gc.enable()


def test_a_check_runs_no_collection_however_many_objects_it_makes(store, monkeypatch):
    matter = matters.create_matter(store, MatterDraft("2026-0001", "Smith v. Jones", "John Smith", date(2026, 1, 5)))
    for n in range(40):
        contacts.add_party(store, matter, f"Witness Number{n} Smith", "witness")
    searched = [SearchName("Jon Smith"), SearchName("Bill Smith")]
    collections, inside = [], []
    finding = conflicts._find_hits

    def find_hits_watched(*args):
        inside.append(True)
        try:
            return finding(*args)
        finally:
            inside.clear()

    def count(phase, info):
        if phase == "start" and inside:
            collections.append(info["generation"])

    monkeypatch.setattr(conflicts, "_find_hits", find_hits_watched)

    threshold = gc.get_threshold()
    gc.set_threshold(1, 1, 1)  # a collection for every object made, were the collector on
    gc.callbacks.append(count)
    try:
        hits = conflicts.find_hits(store, searched)
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
    assert collections == []
    assert "John Smith" in {h.contact_name for h in hits}


def test_plain_rows_are_the_drivers_tuples_with_parameters_bound_by_their_types(store):
    for name in ("Ann Able", "Bob Baker", "Cy Cole"):
        contacts.save_contact(store, ContactDraft(name))
    query = select(ContactRow.name, ContactRow.is_client).where(ContactRow.name > "B").order_by(ContactRow.name)
    with store.read() as session:
        assert plain_rows(session, query) == [("Bob Baker", 0), ("Cy Cole", 0)]
        assert [len(batch) for batch in plain_batches(session, query.where(ContactRow.name != ""), 1)] == [1, 1]
        assert plain_rows(session, query.where(ContactRow.is_client.is_(True))) == []
        assert plain_rows(session, query.where(ContactRow.name.in_(["Cy Cole", "Ann Able"]))) == [("Cy Cole", 0)]


@pytest.mark.parametrize("choices", [
    ["john smith", "smith", "william john", "johnny smith", "john john", "bill", ""],
    ["a\nb john", "john"],  # a name holding a line break: counted word by word
])
def test_the_names_with_a_word_are_found_as_splitting_each_name_finds_them(choices):
    words = {"john", "bill", "b"}
    expected: dict[str, list[int]] = {}
    for j, choice in enumerate(choices):
        for word in choice.split():
            if word in words:
                expected.setdefault(word, []).append(j)
    assert conflicts._names_with_words(choices, words) == expected
    assert conflicts._names_with_words(choices, set()) == {}


def test_a_hit_on_an_alias_names_the_alias_and_the_contact(store):
    contacts.save_contact(store, ContactDraft("Linda Lee", aliases=(("Linda Park", "former name"),)))
    contacts.save_contact(store, ContactDraft("Linda Parks"))
    hits = conflicts.find_hits(store, [SearchName("Linda Park")])
    assert [(h.name, h.contact_name, h.score) for h in hits] == [("Linda Park", "Linda Lee", 100),
                                                                 ("Linda Parks", "Linda Parks", 95)]
