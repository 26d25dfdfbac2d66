"""A search box's text for the full-text index: every word quoted, any order, prefixes; punctuation searches nothing.

Checked against SQLite's own FTS5 (the index issue 17 uses), with the tokenizer it will use."""

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legalsec_desktop.domain.search_words import MAX_WORDS, fts_query, search_words

ROWS = ("Letter from O'Neil re the extension of time", "C++ style guide, foo-bar edition",
        "Öztürk GmbH agreed to the deadline", 'He said "settle" twice', "Ümlaut café résumé naïve",
        "Footnote ² of the lease")
# Letters in Python's Unicode data that SQLite's tokenizer (older Unicode tables) still reads as spacing marks: a
# word of them alone is kept, and finds nothing. No rule of the domain layer can know which Unicode SQLite has.
NEWER_LETTERS = [chr(code) for code in (*range(0x19B0, 0x19C1), 0x19C8, 0x19C9, 0x1CF2, 0x1CF3)]
WORDS = st.one_of(  # words of anything but spaces, of no letters, and of the characters where the rules differed
    st.text(st.characters(exclude_categories=("Cs", "Cc", "Z"), exclude_characters=NEWER_LETTERS), min_size=1,
            max_size=5),
    st.text(st.characters(exclude_categories=("Cs", "Cc", "Z", "L"), exclude_characters=NEWER_LETTERS), min_size=1,
            max_size=5),
    st.text(st.sampled_from("_²½™℀₨ﬁé\u0301'-+.A7"), min_size=1, max_size=5))


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


@pytest.mark.parametrize("word", ["_", "__", "_-_", "™", "℀", "₨", "\u0301"])
def test_a_word_the_index_makes_no_token_of_is_left_out(index, word):
    assert fts_tokens(word) == [] and search_words(f"letter {word}") == ["letter"]
    assert found(index, f"letter {word}") == found(index, "letter") == [ROWS[0]]


def test_digits_and_fractions_are_tokens_as_the_index_reads_them(index):
    assert fts_tokens("²") == ["²"] and fts_tokens("½") == ["½"]
    assert found(index, "footnote ²") == [ROWS[5]] and found(index, "letter ²") == []  # every word must be there


@given(WORDS)
def test_adding_a_word_the_index_makes_no_token_of_never_changes_what_is_found(index, word):
    made = fts_tokens(word)
    assert made or search_words(word) == []  # kept only when the index makes a token of it
    if not made:  # (a word of characters too new for this program's Unicode may be left out: the search is wider)
        assert found(index, f"extension {word}") == found(index, "extension")


def fts_tokens(word):  # noqa: ANN001, ANN201
    """The tokens SQLite's own tokenizer makes of `word`."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
        conn.execute("CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, 'instance')")
        conn.execute("INSERT INTO probe (body) VALUES (?)", (word,))
        return [row[0] for row in conn.execute("SELECT term FROM probe_terms ORDER BY offset")]
    finally:
        conn.close()


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
