"""The marks of matched words: parts to show bold, a bracketed line for the command line."""

from legalsec_desktop.domain.search_marks import Part, bracketed, marked_parts, one_line, plain

S, E = "\x02", "\x03"


def test_marked_words_become_matched_parts_and_the_marks_go():
    parts = marked_parts(f"the {S}extension{E} of {S}time{E}", S, E)
    assert parts == (Part("the "), Part("extension", True), Part(" of "), Part("time", True))
    assert plain(parts) == "the extension of time"


def test_a_mark_without_its_partner_does_not_lose_text():
    assert marked_parts(f"{S}open to the end", S, E) == (Part("open to the end", True),)
    assert marked_parts(f"closed{E} here", S, E) == (Part("closed"), Part(" here"))
    assert marked_parts("", S, E) == ()


def test_bracketed_is_one_line_with_the_matched_words_in_brackets():
    parts = marked_parts(f"line one\n\tand {S}two{E}  words", S, E)
    assert bracketed(parts) == "line one and [two] words"
    assert bracketed(parts, "*", "*") == "line one and *two* words"
    assert one_line(" a\r\nb\t c ") == "a b c"
