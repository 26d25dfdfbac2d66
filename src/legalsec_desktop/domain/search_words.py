"""What a search box's text becomes for a full-text index: every word quoted (raw input is never query syntax),
the words in any order, each matched as the start of a word (as you type); punctuation alone searches nothing.

Written for SQLite FTS5 with the `unicode61 remove_diacritics 2` tokenizer (issue 17's search): a quoted word is a
phrase of the tokens the tokenizer makes of it, so "O'Neil" finds O'Neil and "foo-bar" finds foo-bar, and a
search for O'Neil, foo-bar or c++ is never a syntax error. A PostgreSQL full-text search takes the same words.
"""

from __future__ import annotations

import re
import unicodedata

MAX_WORDS = 32  # a pasted paragraph is not a search: the first words are
_SEARCHABLE = re.compile(r"\w", re.UNICODE)


def search_words(text: str) -> list[str]:
    """The words of a search, in the order typed, without those that are punctuation alone (they match nothing,
    and joined to the others they would make every search fail); at most MAX_WORDS. Control characters (a NUL
    pasted from somewhere) separate words: FTS5 reads a NUL as the end of the query."""
    cleaned = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    return [word for word in cleaned.split() if _SEARCHABLE.search(word)][:MAX_WORDS]


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for `text`: each word a quoted phrase matched as a prefix, all of them required;
    '' when there is nothing to search for (the caller says "type a word")."""
    return " AND ".join('"' + word.replace('"', '""') + '"*' for word in search_words(text))
