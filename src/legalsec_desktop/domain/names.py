"""Folding names so that spelling, order and form do not hide a match.

"Smith, John", "JOHN SMITH" and "John  Smith" fold to the same key; "Acme Inc.", "ACME Incorporated"
and "The Acme Company" fold to "acme". Letters outside Latin (Arabic, Hebrew, Chinese...) are kept as
they are, only case-folded, so such names still match themselves.
"""

from __future__ import annotations

import re
import unicodedata

# Words that say what kind of organisation a name is, not which one (compared after folding).
ORGANISATION_FORMS = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "lp", "ltd", "limited",
    "plc", "pc", "pa", "pllc", "gmbh", "ag", "sa", "bv", "nv", "the", "dba",
})
_PUNCTUATION = re.compile(r"[^\w\s&,]", re.UNICODE)
_DOTTED_INITIALS = re.compile(r"\b(?:[a-z]\.){2,}", re.UNICODE)


def strip_accents(text: str) -> str:
    """'Müller' -> 'Muller'; letters of other scripts are left alone."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def fold_name(name: str) -> str:
    """A matching key: lower case, no accents or punctuation, 'Last, First' turned round, forms dropped."""
    text = strip_accents(name).casefold().replace("’", "'")
    text = _DOTTED_INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)  # l.l.c. -> llc
    text = text.replace("&", " and ")
    text = _PUNCTUATION.sub(" ", text)
    if text.count(",") == 1:
        before, after = (part.strip() for part in text.split(","))
        after_words = after.split()
        if after_words and not all(word in ORGANISATION_FORMS for word in after_words):
            text = f"{after} {before}"  # "smith, john" -> "john smith"
    words = [word for word in text.replace(",", " ").split() if word not in ORGANISATION_FORMS]
    if not words:  # a name made only of forms ("The Company") keeps its words
        words = text.replace(",", " ").split()
    return " ".join(words)


def sort_name(name: str, is_organization: bool) -> str:
    """How a contact sorts: 'Smith, John' for a person, the name itself for an organisation."""
    name = " ".join(name.split())
    if is_organization or "," in name:
        return name
    words = name.split()
    if len(words) < 2:
        return name
    return f"{words[-1]}, {' '.join(words[:-1])}"


def same_name(first: str, second: str) -> bool:
    """The same name as typed, whatever the case in any script ("ÖZTÜRK GMBH" is "Öztürk GmbH"), the spaces
    or the Unicode form; accents and punctuation still count (that is what fold_name is for)."""
    def key(name: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", name).casefold().split())

    return key(first) == key(second)


def search_fold(text: str) -> str:
    """How text is kept for searching and how a search word is turned: no accents, no case in any script,
    single spaces ("ÖZTÜRK  GmbH" -> "ozturk gmbh"). Stored beside the row, so SQL compares plain keys."""
    if text.isascii():  # most text: the same result, without Unicode normalisation (upgrades fold every row)
        return " ".join(text.lower().split())
    return " ".join(strip_accents(unicodedata.normalize("NFKC", text)).casefold().split())
