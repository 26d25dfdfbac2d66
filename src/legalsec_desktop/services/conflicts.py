"""Conflict-of-interest checks over every name in the files: clients, contacts, parties and aliases.

Names are folded once when saved (contact.match_key), so a check reads the keys and scores them all
with rapidfuzz in one call: token order and punctuation do not matter, small misspellings still match.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import asdict, dataclass
from itertools import accumulate
from datetime import datetime
from pathlib import Path
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz, process
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from legalsec_desktop.db.plain_read import plain_rows
from legalsec_desktop.db.models import (
    ConflictCheckRow,
    ContactAliasRow,
    ContactRow,
    FirmRow,
    MatterRow,
    NameVersionRow,
    PartyRow,
)
from legalsec_desktop.db.store import Store
from legalsec_desktop.services.collector import collector_paused
from legalsec_desktop.services.users import current_user
from legalsec_desktop.domain.conflicts import (
    DECISIONS,
    MIN_SCORE,
    UNDECIDED,
    Hit,
    SearchName,
    clean_names,
    is_likely_conflict,
    sort_hits,
)
from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.names import fold_name
from legalsec_desktop.domain.nicknames import name_variants
from legalsec_desktop.formats.docx_report import write_docx
from legalsec_desktop.reports.conflict_report import conflict_report
from legalsec_desktop.services.rows import CheckSummary
from legalsec_desktop.domain.report import Report

SUBSET_SCORE = 90  # one name wholly inside the other ("Smith" in "John Smith"): a hit, ranked below exact
NICKNAME_SCORE = 90  # the same but for a nickname ("Bill Smith" for "William Smith"): a likely match, below exact


def find_hits(store: Store, names: list[SearchName], min_score: int = MIN_SCORE) -> list[Hit]:
    """Every matter role (or bare contact) whose name resembles one of `names`, likely conflicts first."""
    with collector_paused():  # every name is read and scored: tens of thousands of short-lived objects
        return _find_hits(store, clean_names(names), min_score)


@dataclass(frozen=True)
class _Names:
    """Every live name a check scores, as read at one `version` of the names (name_version, migration 0013):
    choices[j] is the folded key of a name of contact owners[j]; the first `contacts` are the contacts' own
    names, the rest their aliases (whose text is alias_texts[j - contacts])."""

    version: int
    owners: list[int]
    choices: list[str]
    contacts: int
    alias_texts: list[str]


# The names last read from each open database (by its engine), kept while their version stands: a check after
# another reads one number instead of every name (80,000 contacts: 80 ms of the 130 ms a check took).
_READ: WeakKeyDictionary[Engine, _Names] = WeakKeyDictionary()


def _live_names(store: Store, session: Session) -> _Names:
    version = session.scalar(select(NameVersionRow.version).where(NameVersionRow.id == 1))
    kept = _READ.get(store.engine)
    if kept is not None and version is not None and kept.version == version:
        return kept
    # Only the keys of every name; the names themselves are read for the hits alone.
    live = ContactRow.deleted_at.is_(None)
    contacts = plain_rows(session, select(ContactRow.id, ContactRow.match_key).where(live))
    aliases = plain_rows(session, select(ContactAliasRow.contact_id, ContactAliasRow.match_key, ContactAliasRow.alias)
                         .join(ContactRow, ContactRow.id == ContactAliasRow.contact_id).where(live))
    names = _Names(version if version is not None else -1, [row[0] for row in contacts] + [row[0] for row in aliases],
                   [row[1] for row in contacts] + [row[1] for row in aliases], len(contacts),
                   [row[2] for row in aliases])
    if version is not None:
        _READ[store.engine] = names
    return names


def _find_hits(store: Store, names: list[SearchName], min_score: int) -> list[Hit]:
    keys = [fold_name(entry.name) or entry.name.casefold() for entry in names]
    with store.read() as session:
        every = _live_names(store, session)  # in this read: the names and their version agree
        owners, choices = every.owners, every.choices
        best: dict[tuple[int, int], tuple[int, int]] = {}  # (searched index, contact) -> (score, index of the name)
        if choices:
            for i, row in enumerate(_matching(keys, choices, min_score)):
                for j, score in row:
                    key = (i, owners[j])
                    if key not in best or score > best[key][0]:
                        best[key] = (score, j)
        found = {contact for _, contact in best}
        roles: dict[int, list[tuple[int | None, str, str, str, str]]] = {}  # None: a contact on no matter
        main_name: dict[int, str] = {}
        if found:
            for chunk in _chunks(sorted(found), 900):
                for contact, name in session.execute(select(ContactRow.id, ContactRow.name)
                                                     .where(ContactRow.id.in_(chunk))):
                    main_name[contact] = name
                query = (
                    select(PartyRow.contact_id, MatterRow.id, MatterRow.number, MatterRow.title, PartyRow.role,
                           MatterRow.status)
                    .join(MatterRow, MatterRow.id == PartyRow.matter_id)
                    .where(PartyRow.contact_id.in_(chunk), PartyRow.deleted_at.is_(None))
                )
                for party_of, on_matter, number, title, role, status in session.execute(query):
                    roles.setdefault(party_of, []).append((on_matter, number, title, role, status))
                clients = session.scalars(select(ContactRow.id).where(ContactRow.id.in_(chunk),
                                                                      ContactRow.is_client.is_(True)))
                for client in clients:  # a client of the firm on no matter is still a client
                    roles.setdefault(client, [(None, "", "", "client", "")])
    hits = []
    for (i, contact_id), (score, j) in best.items():
        searched = names[i]
        name = main_name[contact_id] if j < every.contacts else every.alias_texts[j - every.contacts]
        for matter_id, number, title, role, status in roles.get(contact_id) or [(None, "", "", "contact", "")]:
            hits.append(Hit(
                searched=searched.name, name=name, contact_id=contact_id, contact_name=main_name[contact_id],
                matter_id=matter_id, matter_number=number, matter_title=title, role=role, matter_status=status,
                score=score, likely=is_likely_conflict(searched.side, role),
            ))
    return sort_hits(hits)


def _matching(keys: list[str], choices: list[str], min_score: int) -> list[list[tuple[int, int]]]:
    """For each key, (index, score) of the choices that resemble it, by its own words or with a nickname.

    token_set_ratio is never below token_sort_ratio, so it finds every candidate in one pass in C++;
    a name wholly inside another then scores SUBSET_SCORE unless the two are the same words anyway.
    A key with a given name swapped for one it can stand for ("bill smith" -> "william smith") is matched
    the same way, against only the names that have the swapped-in word, and scores at most NICKNAME_SCORE.
    """
    variants = [list(name_variants(key)) for key in keys]
    having = _names_with_words(choices, {word for found in variants for _, word in found})
    result = []
    for key, key_variants in zip(keys, variants, strict=True):
        best = dict(_scored(key, choices, min_score))
        for variant, word in key_variants:
            subset = having.get(word, [])
            for k, score in _scored(variant, [choices[j] for j in subset], min_score):
                score, j = min(score, NICKNAME_SCORE), subset[k]
                if score > best.get(j, -1):
                    best[j] = score
        result.append(list(best.items()))
    return result


def _scored(key: str, choices: list[str], min_score: int) -> list[tuple[int, int]]:
    found = process.extract(key, choices, scorer=fuzz.token_set_ratio, score_cutoff=min_score, limit=None)
    return [(j, int(max(fuzz.token_sort_ratio(key, choice), min(score, SUBSET_SCORE)))) for choice, score, j in found]


def _names_with_words(choices: list[str], words: set[str]) -> dict[str, list[int]]:
    """word -> the indexes of the choices that have it as a whole word, in order (as often as it is there).

    One regular-expression search over all the names joined by line breaks, rather than a split of each name."""
    having: dict[str, list[int]] = {}
    if not words:
        return having
    text = "\n".join(choices)
    if text.count("\n") != len(choices) - 1:  # a name holding a line break itself: word by word
        for j, choice in enumerate(choices):
            for word in choice.split():
                if word in words:
                    having.setdefault(word, []).append(j)
        return having
    lengths = list(accumulate(map(len, choices), initial=0))  # name j starts at lengths[j] + j (its line breaks)
    pattern = re.compile(r"(?<!\S)(" + "|".join(re.escape(word) for word in sorted(words)) + r")(?!\S)")
    for found in pattern.finditer(text):
        j = bisect_right(range(len(choices)), found.start(), key=lambda k: lengths[k] + k) - 1
        having.setdefault(found.group(1), []).append(j)
    return having


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


# --- the record of checks ---------------------------------------------------------------------
@dataclass(frozen=True)
class CheckRecord:
    """A recorded check; its times are local wall-clock times (they are kept in UTC)."""

    id: int
    checked_at: datetime
    checked_by: str
    context: str
    matter_id: int | None
    names: list[SearchName]
    hits: list[Hit]
    decision: str
    decided_at: datetime | None
    notes: str


def record_check(store: Store, names: list[SearchName], hits: list[Hit], decision: str = UNDECIDED,
                 context: str = "On demand", checked_by: str | None = None, matter_id: int | None = None,
                 notes: str = "") -> int:
    """Save a check as it was run; returns its id."""
    if decision not in DECISIONS + (UNDECIDED,):
        raise ValidationError("decision", f"“{decision}” is not a decision (cleared, waived or declined).")
    now = store.clock.utc_now()
    with store.write() as session:
        row = ConflictCheckRow(
            checked_at=now, checked_by=current_user() if checked_by is None else checked_by, context=context,
            matter_id=matter_id, names=json.dumps([asdict(n) for n in names]),
            hits=json.dumps([asdict(h) for h in hits]), hit_count=len(hits), likely_count=sum(h.likely for h in hits),
            decision=decision, decided_at=now if decision != UNDECIDED else None, notes=notes,
        )
        session.add(row)
        session.flush()
        return row.id


def decide(store: Store, check_id: int, decision: str, notes: str, matter_id: int | None = None) -> None:
    """Record the decision on a check (cleared, waived or declined) with the reasons."""
    if decision not in DECISIONS:
        raise ValidationError("decision", "Choose cleared, waived or declined.")
    if decision == "waived" and not notes.strip():
        raise ValidationError("notes", "Say who waived the conflict and how "
                                       "(for example, “written consent from both clients, 11/23/2026”).")
    values: dict[str, object] = {"decision": decision, "notes": notes.strip(), "decided_at": store.clock.utc_now()}
    if matter_id is not None:
        values["matter_id"] = matter_id
    with store.write() as session:
        session.execute(update(ConflictCheckRow).where(ConflictCheckRow.id == check_id).values(**values))


def load_check(store: Store, check_id: int) -> CheckRecord:
    with store.read() as session:
        row = session.get(ConflictCheckRow, check_id)
        if row is None:
            raise ValidationError("check", f"Conflict check {check_id} does not exist.")
        return CheckRecord(
            id=row.id, checked_at=to_local(row.checked_at), checked_by=row.checked_by,
            context=row.context, matter_id=row.matter_id,
            names=[SearchName(**n) for n in json.loads(row.names)], hits=[Hit(**h) for h in json.loads(row.hits)],
            decision=row.decision, decided_at=to_local(row.decided_at) if row.decided_at else None, notes=row.notes,
        )


def list_checks(store: Store, limit: int = 500) -> list[CheckSummary]:
    """The latest checks, newest first, with local times."""
    with store.read() as session:
        rows = session.execute(
            select(ConflictCheckRow.id, ConflictCheckRow.checked_at, ConflictCheckRow.context, ConflictCheckRow.names,
                   ConflictCheckRow.hit_count, ConflictCheckRow.likely_count, ConflictCheckRow.decision)
            .order_by(ConflictCheckRow.checked_at.desc(), ConflictCheckRow.id.desc()).limit(limit)
        ).all()
    return [CheckSummary(r[0], to_local(r[1]), r[2], "; ".join(n["name"] for n in json.loads(r[3])), r[4], r[5], r[6])
            for r in rows]


def report_for(store: Store, check_id: int) -> Report:
    """The printable conflict report of a recorded check."""
    record = load_check(store, check_id)
    with store.read() as session:
        firm_name = session.scalar(select(FirmRow.name).where(FirmRow.id == 1)) or ""
    return conflict_report(firm_name, record.checked_at, record.checked_by, record.context, record.names, record.hits,
                           record.decision, record.decided_at, record.notes, store.clock.now())


def save_report_as_word(store: Store, check_id: int, path: Path) -> None:
    write_docx(report_for(store, check_id), path)


def link_to_matter(store: Store, check_id: int, matter_id: int) -> None:
    """Remember which matter a check was run for, once the matter is opened."""
    with store.write() as session:
        session.execute(update(ConflictCheckRow).where(ConflictCheckRow.id == check_id).values(matter_id=matter_id))
