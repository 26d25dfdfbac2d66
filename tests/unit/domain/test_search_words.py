"""A search box's text for the full-text index: every word quoted, any order, prefixes; punctuation searches nothing.

Checked against SQLite's own FTS5 (the index issue 17 uses), with the tokenizer it will use."""

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalsec_desktop.domain.search_words import MAX_WORDS, fts_query, search_words

ROWS = ("Letter from O'Neil re the extension of time", "C++ style guide, foo-bar edition",
        "Öztürk GmbH agreed to the deadline", 'He said "settle" twice', "Ümlaut café résumé naïve")


@pytest.fixture(scope="module")
def index():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE doc USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO doc (body) VALUES (?)", [(row,) for row in ROWS])
    yield conn
    conn.close()


def found(index, text):  # noqa: ANN001, ANN201
    query = fts_query(text)
    return [row[0] for row in index.execute("SELECT body FROM doc WHERE doc MATCH ? ORDER BY rowid", (query,))]


@pytest.mark.parametrize(("typed", "rows"), [
    ("O'Neil", [0]), ("o'ne", [0]), ("extension letter", [0]), ("exten", [0]),  # any order; the start of a word
    ("c++ style", [1]), ("c++", [1, 4]), ("foo-bar", [1]),  # c++ is the word "c": café starts with it too
    ("ozturk", [2]), ("ÖZTÜRK gmb", [2]), ('"settle"', [3]), ('settle"', [3]),
    ("cafe resume", [4]), ("extension ozturk", []),  # every word must be there
    ("AND", []), ("NOT letter", []), ("letter OR", []), ("NEAR(", []), ("col:umn", []),  # never syntax
])
def test_words_find_what_a_secretary_expects(index, typed, rows):
    assert found(index, typed) == [ROWS[i] for i in rows]


def test_punctuation_alone_searches_nothing_and_does_not_spoil_the_other_words(index):
    assert fts_query("+ - ' ...") == "" and search_words("  ") == []
    assert found(index, "letter +") == [ROWS[0]]


def test_a_pasted_paragraph_searches_by_its_first_words():
    assert len(search_words("word " * 100)) == MAX_WORDS


@given(st.text(max_size=60))
def test_no_typed_text_is_ever_an_fts_syntax_error(text):
    query = fts_query(text)
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE doc USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
        conn.execute("INSERT INTO doc (body) VALUES ('anything at all')")
        if query:
            conn.execute("SELECT count(*) FROM doc WHERE doc MATCH ?", (query,)).fetchone()
    finally:
        conn.close()
