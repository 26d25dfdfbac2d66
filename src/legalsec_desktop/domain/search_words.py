"""What a search box's text becomes for a full-text index: every word quoted (raw input is never query syntax),
the words in any order, each matched as the start of a word (as you type); punctuation alone searches nothing.

Written for SQLite FTS5 with the `unicode61 remove_diacritics 2` tokenizer (issue 17's search): a quoted word is a
phrase of the tokens the tokenizer makes of it, so "O'Neil" finds O'Neil and "foo-bar" finds foo-bar, and a
search for O'Neil, foo-bar or c++ is never a syntax error. A PostgreSQL full-text search takes the same words.
A word's tokens are its runs of letters and digits, without case or accents (`tokens`, the rule the tokenizer
follows): domain.search_highlight marks them by the same rule.
"""

from __future__ import annotations

import re
import unicodedata

MAX_WORDS = 32  # a pasted paragraph is not a search: the first words are
LETTER = r"[^\W_]"  # a letter or digit of folded text: what a token is made of
TOKEN = re.compile(LETTER + "+")  # a word as the tokenizer reads folded text: a run of letters and digits
SEPARATORS = r"[\W_]+"  # what lies between two tokens


class _Folding(dict[int, str]):
    """str.translate table: each character its lower-case base letter (one character, so positions stay)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)  # only accents come off: ™ or ℀ do not become letters
        base = decomposed[0] if all(unicodedata.combining(mark) for mark in decomposed[1:]) else char
        lower = base.lower()
        folded = lower if len(lower) == 1 else base
        self[code] = folded
        return folded


_FOLD = _Folding()


def fold(text: str) -> str:
    """`text` lower case and without accents, character for character (the same length, positions kept)."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


def tokens(word: str) -> list[str]:
    """The tokens the index makes of `word`, folded: its runs of letters and digits ('' and _ separate them)."""
    return TOKEN.findall(fold(word))


def search_words(text: str) -> list[str]:
    """The words of a search, in the order typed, without those that hold no token (punctuation, underscores or
    symbols alone match nothing, and joined to the others they would make every search fail); at most MAX_WORDS.
    Control characters (a NUL pasted from somewhere) separate words: FTS5 reads a NUL as the end of the query."""
    cleaned = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    return [word for word in cleaned.split() if TOKEN.search(fold(word))][:MAX_WORDS]


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for `text`: each word a quoted phrase matched as a prefix, all of them required;
    '' when there is nothing to search for (the caller says "type a word")."""
    return " AND ".join('"' + word.replace('"', '""') + '"*' for word in search_words(text))
