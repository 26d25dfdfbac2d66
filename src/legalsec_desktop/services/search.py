"""Search across everything: documents and e-mails, matters, contacts and the correspondence log, in one box.

The search index finds the rows (db/search_index.py); this adds what the user needs to see and open each hit
(its kind in words, its matter's number and caption, a document's file), leaves out deleted documents (they stay in
the index, so that a restored one is found again at once), and groups the hits by matter: groups in the order of
their newest hit, newest first within one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.document_models import DocumentRow, DocumentVersionRow
from legalsec_desktop.db.models import MatterRow
from legalsec_desktop.db.search_index import MARK_END, MARK_START, SearchHit, search_index
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.search_marks import Part, marked_parts, plain
from legalsec_desktop.domain.search_words import search_words

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
KIND_LABELS = {"document": "Document", "email": "E-mail", "matter": "Matter", "contact": "Contact",
               "log": "Log entry"}
CONTACTS_HEADING = "Contacts"


@dataclass(frozen=True)
class Found:
    """One hit as the search shows it, and what opening it opens.

    `kind` is a key of KIND_LABELS ('email' is a document filed as an e-mail); `ref_id` the document's, matter's,
    contact's or log entry's id. A document's file is `path` (relative to the documents root), `missing` when the
    store last found it gone. `log_id` is an e-mail's line in the correspondence log, else the log entry itself.
    """

    kind: str
    ref_id: int
    title: tuple[Part, ...]
    on_date: date | None
    matter_id: int | None
    matter_number: str
    caption: str
    snippet: tuple[Part, ...]
    path: str = ""
    missing: bool = False
    log_id: int | None = None

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def plain_title(self) -> str:
        return plain(self.title)


@dataclass(frozen=True)
class FoundGroup:
    """The hits of one matter, newest first (`matter_id` None: the contacts, who belong to no matter)."""

    matter_id: int | None
    matter_number: str
    caption: str
    hits: tuple[Found, ...]

    @property
    def heading(self) -> str:
        if self.matter_id is None:
            return CONTACTS_HEADING
        return f"{self.matter_number} — {self.caption}" if self.caption else self.matter_number


def has_words(words: str) -> bool:
    """Whether `words` holds anything to search for (punctuation alone does not)."""
    return bool(search_words(words))


def search_everything(store: Store, words: str, matter_id: int | None = None,
                      limit: int = DEFAULT_LIMIT) -> tuple[FoundGroup, ...]:
    """What `words` find (every word, in any order, each as the start of a word), at most `limit` hits, grouped
    by matter; only `matter_id`'s when given. () when nothing is found or `words` hold no word."""
    limit = max(0, min(limit, MAX_LIMIT))
    if limit == 0 or not has_words(words):
        return ()
    with store.read() as session:
        index = search_index(session)
        asked = limit + 10
        while True:
            hits = index.search(session, words, matter_id, asked)
            shown = _without_logged_mail(_found(session, hits))
            if len(shown) >= limit or len(hits) < asked or asked > MAX_LIMIT * 16:
                break
            asked *= 4  # deleted documents took places: ask for more
        return _grouped(shown[:limit])


def _without_logged_mail(found: list[Found]) -> list[Found]:
    """A filed e-mail and its line in the correspondence log say the same: the e-mail is shown, not its line."""
    logged = {hit.log_id for hit in found if hit.kind == "email" and hit.log_id is not None}
    return [hit for hit in found if not (hit.kind == "log" and hit.ref_id in logged)]


def flat(groups: tuple[FoundGroup, ...]) -> list[Found]:
    """The hits of the groups, in the order shown."""
    return [hit for group in groups for hit in group.hits]


def _found(session: Session, hits: list[SearchHit]) -> list[Found]:
    documents = _documents(session, [hit.ref_id for hit in hits if hit.kind == "document"])
    matters = _matters(session, {hit.matter_id for hit in hits if hit.matter_id is not None})
    found = []
    for hit in hits:
        if hit.kind == "document" and hit.ref_id not in documents:
            continue  # deleted
        number, caption = matters.get(hit.matter_id, ("", "")) if hit.matter_id is not None else ("", "")
        kind, path, missing, log_id = hit.kind, "", False, hit.ref_id if hit.kind == "log" else None
        if hit.kind == "document":
            kind, path, missing, log_id = documents[hit.ref_id]
        found.append(Found(kind, hit.ref_id, marked_parts(hit.title, MARK_START, MARK_END), hit.on_date,
                           hit.matter_id, number, caption, marked_parts(hit.snippet, MARK_START, MARK_END),
                           path, missing, log_id))
    return found


def _documents(session: Session, ids: list[int]) -> dict[int, tuple[str, str, bool, int | None]]:
    """Of the documents `ids`, those not deleted: kind ('document' or 'email'), newest file, missing, log entry."""
    if not ids:
        return {}
    documents = {doc_id: (kind, log_id) for doc_id, kind, log_id in session.execute(
        select(DocumentRow.id, DocumentRow.kind, DocumentRow.communication_id)
        .where(DocumentRow.id.in_(ids), DocumentRow.deleted_at.is_(None)))}
    newest: dict[int, tuple[str, bool]] = {}
    for doc_id, _number, path, missing in session.execute(  # two plain lookups: cheaper than a grouped join
            select(DocumentVersionRow.document_id, DocumentVersionRow.number, DocumentVersionRow.path,
                   DocumentVersionRow.missing_since)
            .where(DocumentVersionRow.document_id.in_(list(documents)))
            .order_by(DocumentVersionRow.document_id, DocumentVersionRow.number)):
        newest[doc_id] = (path, missing is not None)  # the highest number comes last
    return {doc_id: ("email" if kind == "email" else "document", *newest[doc_id], log_id)
            for doc_id, (kind, log_id) in documents.items() if doc_id in newest}


def _matters(session: Session, ids: set[int]) -> dict[int, tuple[str, str]]:
    if not ids:
        return {}
    rows = session.execute(select(MatterRow.id, MatterRow.number, MatterRow.caption, MatterRow.title)
                           .where(MatterRow.id.in_(ids)))
    return {matter_id: (number, caption or title) for matter_id, number, caption, title in rows}


def _grouped(hits: list[Found]) -> tuple[FoundGroup, ...]:
    """Hits come newest first: a group's place is its first (newest) hit's, and its hits keep their order."""
    groups: dict[int | None, list[Found]] = {}
    for hit in hits:
        groups.setdefault(hit.matter_id, []).append(hit)
    return tuple(FoundGroup(key, members[0].matter_number, members[0].caption, tuple(members))
                 for key, members in groups.items())
