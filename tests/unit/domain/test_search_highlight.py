"""Matched words are marked as the search index matched them: whole words they begin, without case or accents."""

from hypothesis import given
from hypothesis import strategies as st

from legalsec_desktop.domain.search_highlight import SNIPPET_CHARS, fold, marked, matcher, snippet


def mark(text: str, words: str) -> str:
    return marked(text, matcher(words), "[", "]")


def test_words_begun_by_the_search_are_marked_whatever_their_case_or_accents():
    assert mark("Extension agreed; the EXTENDED deadline (re-extension)", "exten") == (
        "[Extension] agreed; the [EXTENDED] deadline (re-[extension])")
    assert mark("Zoë Müller-Öztürk and Zoe Muller", "muller ZOE") == "[Zoë] [Müller]-Öztürk and [Zoe] [Muller]"
    assert mark("O'Neil of foo-bar in C++ code, not foo", "o'neil foo-bar c++") == (
        "[O'Neil] of [foo-bar] in [C]++ [code], not foo")  # a word's tokens in a row; 'c' begins 'code' too
    assert mark("context, not text", "text") == "context, not [text]"  # the start of a word only
    assert mark("nothing here", "?! --") == "nothing here"  # punctuation alone matches nothing


def test_only_accents_are_folded_away_as_the_index_does_and_symbols_are_no_words():
    assert fold("Éﬁ™²½₨İ") == "eﬁ™²½₨i"  # not "efi" or "tm": the index keeps ﬁ, and ™ is no letter to it
    assert matcher("™ _ ℀") is None and mark("the ™ trademark", "x ™") == "the ™ trademark"


@given(st.text())
def test_folding_keeps_every_position(text):
    assert len(fold(text)) == len(text)


@given(st.text(), st.text())
def test_marking_only_adds_the_marks(text, words):
    assert marked(text, matcher(words), "\x02", "\x03").replace("\x02", "").replace("\x03", "") == text or (
        "\x02" in text or "\x03" in text)


def test_a_snippet_is_the_text_around_the_first_match_on_one_line():
    text = ("Lorem ipsum dolor sit amet. " * 40) + "They agreed\nto the extension until June 30. " + ("More. " * 80)
    shown = snippet(text, matcher("extension"), "[", "]")
    assert shown.startswith("…") and shown.endswith("…") and "\n" not in shown
    assert "agreed to the [extension] until June 30." in shown and len(shown) <= SNIPPET_CHARS + 12
    assert snippet("Short text, no match.", matcher("zebra"), "[", "]") == "Short text, no match."
    far = "word " * 3_000 + "needle " + "word " * 10
    assert "[needle]" in snippet(far, matcher("needle"), "[", "]")  # beyond the first few thousand characters
