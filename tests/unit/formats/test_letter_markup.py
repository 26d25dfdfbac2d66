"""The markup the starter letters are written in reads into the blocks the Word template is made of."""

import pytest

from legalsec_desktop.formats.letter_markup import (
    DEFAULT_RE,
    Block,
    MarkupError,
    bold_parts,
    parse_body,
    parse_letter,
    re_line,
)

HEAD = "name: Test letter\nfile: Test letter.docx\n"


def test_front_matter_and_defaults():
    letter = parse_letter(HEAD + 'purpose: closing\nask: fee: amount "Flat fee"\n'
                          'ask: how: choice "Sent by" = Mail | E-mail\n---\nBody.\n')
    assert (letter.name, letter.file_name, letter.purpose, letter.layout) == ("Test letter", "Test letter.docx",
                                                                              "closing", "letter")
    assert letter.asks == ('fee: amount "Flat fee"', 'how: choice "Sent by" = Mail | E-mail')
    assert letter.ask_comments() == '{# ask fee: amount "Flat fee" #}{# ask how: choice "Sent by" = Mail | E-mail #}'
    assert letter.re_lines == DEFAULT_RE and letter.closing == "Very truly yours,"
    assert letter.salutation == "{{ recipient.salutation }}"
    assert letter.body == (Block("para", "Body."),)


def test_re_lines_given_replace_the_default():
    letter = parse_letter(HEAD + "re: {{ matter.caption }}\nre: [if matter.court] {{ matter.court }}\n---\nx\n")
    assert letter.re_lines == ("{{ matter.caption }}", "[if matter.court] {{ matter.court }}")
    assert re_line(letter.re_lines[1]) == ("matter.court", "{{ matter.court }}")
    assert re_line(letter.re_lines[0]) == ("", "{{ matter.caption }}")


def test_every_kind_of_block():
    body = parse_body("First line\nand its second.\n\n# Heading\n## Sub\nA paragraph\n| kept\n|\n| lines\n"
                      "- one\n- two\n~ Enclosure\n> **Notice:** boxed\n> text\n\nDate :: {{ today }}\n"
                      "{%p if x %}\n[page break]\n[signature]\nlast\n")
    assert body == [
        Block("para", "First line and its second."), Block("heading", "Heading"), Block("subheading", "Sub"),
        Block("para", "A paragraph"), Block("lines", "kept\n\nlines"), Block("bullet", "one"),
        Block("bullet", "two"), Block("note", "Enclosure"), Block("notice", "**Notice:** boxed text"),
        Block("row", "Date", "{{ today }}"), Block("tag", "{%p if x %}"), Block("page"), Block("signature"),
        Block("para", "last")]


def test_bold_marks():
    assert bold_parts("Plain **bold** plain") == [("Plain ", False), ("bold", True), (" plain", False)]
    assert bold_parts("**all**") == [("all", True)]


@pytest.mark.parametrize("text, words", [
    ("name: X\nfile: X.docx\nBody with no separator\n", "no '---'"),
    ("name: X\nfile: X.docx\ncolour: red\n---\nx\n", "colour: red"),
    ("name: X\nfile: X.doc\n---\nx\n", "ending in .docx"),
    ("name: X\nfile: X.docx\nlayout: poster\n---\nx\n", "poster"),
    (HEAD + "---\n[signatrue]\n", "[signatrue]"),
])
def test_mistakes_are_said_with_the_place(text, words):
    with pytest.raises(MarkupError, match=words.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
        parse_letter(text, "test.txt")
