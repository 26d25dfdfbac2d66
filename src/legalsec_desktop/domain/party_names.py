"""A typed party's name: a person or an organisation, and a person's "Last, First" turned into first and last.

"Pioneer Trucking Company" is an organisation (its words say so) and keeps its name; "Jones, Josh" is the person
Josh Jones, who sorts as "Jones, Josh". The caller may always say otherwise (the dialogs have a choice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from legalsec_desktop.domain.names import strip_accents
from legalsec_desktop.domain.nicknames import equivalents

# Legal forms and public bodies: a name with one is an organisation's (compared lower case without dots:
# "L.L.C." is "llc").
LEGAL_FORMS = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "companies", "llc", "llp", "lllp", "lp", "ltd",
    "limited", "plc", "pc", "pa", "pllc", "gmbh", "ag", "sa", "bv", "nv", "na", "fsb", "bancorp", "dba", "d/b/a",
    "county", "parish", "borough", "township", "department", "dept", "university", "college", "hospital",
    "association", "assn", "trust", "foundation", "ministries", "commission",
})
# Words that make a name an organisation's unless it is a given name and this word ("Mark Bank", "John Court").
ORGANISATION_WORDS = LEGAL_FORMS | frozenset({
    "bank", "school", "academy", "institute", "assoc", "clinic", "medical", "health", "healthcare", "church",
    "society", "union", "federation", "council", "agency", "authority", "board", "bureau", "office", "district",
    "court", "government", "republic",
    "insurance", "assurance", "group", "holdings", "partners", "partnership", "enterprises", "industries",
    "services", "systems", "solutions", "technologies", "logistics", "trucking", "motors", "realty", "properties",
    "bakery", "restaurant", "store", "stores", "market", "sales", "dental", "construction", "software",
    "manufacturing", "laboratories", "labs", "pharmacy", "fund",
})
# Phrases that start an organisation's name ("City of Austin", "State of Texas").
ORGANISATION_OPENINGS = ("city of", "state of", "county of", "town of", "village of", "people of",
                         "united states", "estate of", "office of", "department of", "board of", "bank of",
                         "university of", "commonwealth of", "the ")
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "esq", "md", "phd", "dds", "cpa"})
PARTICLES = frozenset({"van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "la", "le", "st", "ter"})
_WORD = re.compile(r"[^\W\d_]+(?:[./][^\W\d_]+)*\.?", re.UNICODE)


def _words(name: str) -> list[str]:
    return [word.replace(".", "") for word in _WORD.findall(strip_accents(name).casefold())]


def looks_like_organisation(name: str) -> bool:
    """Whether the words of a name say it is a company, agency or institution rather than a person."""
    text = " ".join(strip_accents(name).casefold().split())
    if "&" in text or text.startswith(ORGANISATION_OPENINGS):
        return True
    words = _words(name)
    if any(word in LEGAL_FORMS for word in words):
        return True
    if len(words) == 2 and words[0] in equivalents():  # a given name and a surname that is also a word
        return False
    return any(word in ORGANISATION_WORDS for word in words)


@dataclass(frozen=True)
class PartyName:
    """How a typed name is kept: the name shown, how it sorts, and whether it is an organisation's."""

    name: str
    sort_name: str
    is_organization: bool
    first: str = ""  # a person's given names (with middle names or initials)
    last: str = ""  # a person's surname (with a suffix such as "Jr.")


def party_name(typed: str, is_organization: bool | None = None) -> PartyName:
    """The name to keep for what was typed; `is_organization` None: decide from the words.

    A person typed "Jones, Josh" (or "Jones, Josh, Jr.") is kept as "Josh Jones" ("Josh Jones Jr."), sorting as
    "Jones, Josh"; an organisation keeps its name as typed, commas and all ("Acme, Inc.").
    """
    name = " ".join(typed.split())
    organisation = looks_like_organisation(name) if is_organization is None else is_organization
    if organisation or not name:
        return PartyName(name, name, True) if name else PartyName("", "", bool(organisation))
    first, last = split_person_name(name)
    shown = " ".join(part for part in (first, last) if part)
    return PartyName(shown, f"{last}, {first}" if first and last else shown, False, first, last)


def split_person_name(name: str) -> tuple[str, str]:
    """(first, last) of a person's name: "Jones, Josh" and "Josh Jones" both give ("Josh", "Jones");
    a suffix stays with the surname ("Jones, Josh, Jr." -> ("Josh", "Jones Jr."))."""
    parts = [part.strip() for part in name.split(",") if part.strip()]
    suffix = ""
    if len(parts) >= 2 and _is_suffix(parts[-1]):
        suffix = parts.pop()
    if len(parts) == 2:  # "Last, First"
        last, first = parts
        return first, f"{last} {suffix}".strip()
    words = " ".join(parts).split()
    if len(words) > 2 and _is_suffix(words[-1]):
        suffix = f"{words.pop()} {suffix}".strip()
    if len(words) < 2:
        return "", f"{' '.join(words)} {suffix}".strip()
    start = len(words) - 1  # the surname takes its particles with it ("Anna van der Berg")
    while start > 1 and words[start - 1].casefold() in PARTICLES:
        start -= 1
    return " ".join(words[:start]), f"{' '.join(words[start:])} {suffix}".strip()


def _is_suffix(text: str) -> bool:
    return text.replace(".", "").casefold() in SUFFIXES
