"""Asked-for values: declarations read from a template's comments (curly quotes too), mistakes said in words,
undeclared `ask.*` asked as text, and answers turned into what the letter prints."""

import pytest

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.letter_asks import Ask, letter_value, parse_asks, with_undeclared


def test_declarations_in_order_each_once_with_straight_or_curly_quotes():
    text = ('{# ask hearing_date: date "Date of the hearing" #} Dear … {#ask fee : amount “Flat fee”#}'
            "{# ask method: choice \"Sent by\" = Certified Mail | First-Class Mail |  #}{# ask fee: text #}")
    asks, problems = parse_asks(text)
    assert problems == []
    assert asks == [Ask("hearing_date", "date", "Date of the hearing"), Ask("fee", "amount", "Flat fee"),
                    Ask("method", "choice", "Sent by", ("Certified Mail", "First-Class Mail"))]


def test_a_declaration_split_over_lines_by_word_is_read():
    assert parse_asks("{# ask\n  note:\n text #}")[0] == [Ask("note", "text")]


@pytest.mark.parametrize(("text", "said"), [("{# ask when #}", "is not a question"),
                                            ("{# ask when: time #}", "the kinds are"),
                                            ("{# ask how: choice \"How\" #}", "no options")])
def test_a_wrong_declaration_is_said_in_words(text, said):
    asks, problems = parse_asks(text)
    assert asks == [] and len(problems) == 1 and said in problems[0]


def test_an_ordinary_comment_is_not_a_question():
    assert parse_asks("{# note to self: ask Ana #}") == ([], [])


def test_undeclared_asks_follow_as_text_questions():
    asks = [Ask("fee", "amount")]
    assert with_undeclared(asks, ["matter.number", "ask.fee", "ask.room", "ask.room", "ask."]) == [
        Ask("fee", "amount"), Ask("room")]
    assert Ask("room").question == "Room" and Ask("x", label="Which").question == "Which"


@pytest.mark.parametrize(("ask", "typed", "printed"), [
    (Ask("d", "date"), "12/3/2026", "December 3, 2026"), (Ask("d", "date"), "2026-12-03", "December 3, 2026"),
    (Ask("d", "date"), "Dec 3 2026", "December 3, 2026"), (Ask("f", "amount"), "1500", "$1,500.00"),
    (Ask("f", "amount"), "$1,234.5", "$1,234.50"), (Ask("n", "number"), " 12 ", "12"),
    (Ask("c", "choice", choices=("A", "B")), "B", "B"), (Ask("t"), "  two   words ", "two words")])
def test_answers_print_as_a_letter_prints_them(ask, typed, printed):
    assert letter_value(ask, typed) == printed


@pytest.mark.parametrize(("ask", "typed"), [(Ask("d", "date"), "next Tuesday-ish"), (Ask("d", "date"), "13/45/2026"),
                                            (Ask("f", "amount"), "lots"), (Ask("n", "number"), "twelve"),
                                            (Ask("c", "choice", choices=("A", "B")), "C"), (Ask("t"), "   ")])
def test_a_wrong_answer_is_a_validation_error_on_its_field(ask, typed):
    with pytest.raises(ValidationError) as wrong:
        letter_value(ask, typed)
    assert wrong.value.field == ask.name
