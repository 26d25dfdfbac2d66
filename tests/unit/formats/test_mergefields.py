"""Word mail-merge documents brought in: MERGEFIELDs simple or spread over runs (with switches), «Field» text split
across runs, fields dropped or left and reported, the result checked and rendered; written whole or not at all."""

import pytest
from docx_build import body_xml, replace_part, texts, word_file

from legalsec_desktop.formats.letter_docx import render_letter
from legalsec_desktop.formats.mergefields import convert_merge_fields, jinja, merge_fields
from legalsec_desktop.formats.template_check import check_template
from legalsec_desktop.formats.template_sandbox import TemplateProblem


def run(text, bold=False):
    look = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{look}<w:t xml:space="preserve">{text}</w:t></w:r>'


def field(*instruction_pieces, result="«x»", bold=False):
    """A field as Word writes it: begin, the instruction over several runs, separate, the result, end."""
    look = "<w:rPr><w:b/></w:rPr>" if bold else ""
    pieces = "".join(f'<w:r>{look}<w:instrText xml:space="preserve">{piece}</w:instrText></w:r>'
                     for piece in instruction_pieces)
    return (f'<w:r>{look}<w:fldChar w:fldCharType="begin"/></w:r>{pieces}'
            f'<w:r>{look}<w:fldChar w:fldCharType="separate"/></w:r>{run(result, bold)}'
            f'<w:r>{look}<w:fldChar w:fldCharType="end"/></w:r>')


def simple(instruction, result="«x»"):
    return f'<w:fldSimple w:instr="{instruction.replace(chr(34), "&quot;")}">{run(result)}</w:fldSimple>'


LETTER = "".join([
    "<w:p>", field(" MERGEFIELD ", "Title \\* MERGEFORMAT "), run(" "),
    field(" MERGE", "FIELD  First_Name ", "\\* MERGEFORMAT ", result="«First_Name»", bold=True), run(" "),
    simple(' MERGEFIELD &quot;Last Name&quot; \\* Upper '), "</w:p>",
    "<w:p>", simple(" MERGEFIELD Address1 "), "</w:p>",
    "<w:p>", simple(" MERGEFIELD City "), run(", "), simple(" MERGEFIELD State "), run(" "),
    simple(" MERGEFIELD ZIP \\* MERGEFORMAT "), "</w:p>",
    "<w:p>", run("Re: Case "), field(" MERGEFIELD CaseNumber "), "</w:p>",
    "<w:p>", field(' MERGEFIELD Salutation \\b "Dear " \\f ":" '), "</w:p>",
])


@pytest.fixture
def merge_letter(tmp_path):
    path = word_file(tmp_path / "merge.docx", ["Sent on ", "«", "Letter_", "Date»", " by mail."], body_xml=LETTER)
    replace_part(path, "word/document.xml", lambda xml: xml)  # unchanged: the fixture is Word's XML as written
    return path


CONTEXT = {"recipient": {"courtesy_title": "Ms.", "first_name": "Ana", "last_name": "Rivera",
                         "address": "12 Elm St.\nAustin, TX 78701", "salutation": "Dear Ms. Rivera:",
                         "salutation_name": "Ms. Rivera"},
           "matter": {"case_number": "D-1-GN-26-001234"}, "today": "December 3, 2026"}
MAPPING = {"Title": "recipient.courtesy_title", "First_Name": "recipient.first_name",
           "Last Name": "recipient.last_name", "Address1": "recipient.address", "City": "", "State": "", "ZIP": "",
           "CaseNumber": "matter.case_number", "Salutation": "recipient.salutation", "Letter_Date": "today"}


def test_the_merge_names_in_order_each_once(merge_letter):
    assert merge_fields(merge_letter) == ["Letter_Date", "Title", "First_Name", "Last Name", "Address1", "City",
                                          "State", "ZIP", "CaseNumber", "Salutation"]


def test_a_merge_document_becomes_a_template_that_checks_and_renders(merge_letter, tmp_path):
    dest = tmp_path / "template.docx"
    assert convert_merge_fields(merge_letter, dest, MAPPING) == []
    assert texts(dest)[:3] == ["Sent on {{ today }} by mail.",
                               ("{{ recipient.courtesy_title }} {{ recipient.first_name }} "
                               "{{ recipient.last_name|upper }}"),
                               "{{ recipient.address }}"]
    xml = body_xml(dest)
    assert "MERGEFIELD" not in xml and "«" not in xml and "City" not in xml
    assert "<w:b/></w:rPr><w:t xml:space=\"preserve\">{{ recipient.first_name }}" in xml  # the field's look kept
    assert "{{ recipient.last_name|upper }}" in xml
    check = check_template(dest)
    assert check.usable, (check.problems, check.unknown)
    assert check.fields == ("today", "recipient.courtesy_title", "recipient.first_name", "recipient.last_name",
                            "recipient.address", "matter.case_number", "recipient.salutation_name")
    letter = texts(render_letter(dest, CONTEXT))
    assert letter[:5] == ["Sent on December 3, 2026 by mail.", "Ms. Ana RIVERA", "12 Elm St.\nAustin, TX 78701",
                          "Re: Case D-1-GN-26-001234", "Dear Ms. Rivera:"]  # the City, State ZIP line is gone


def test_an_if_field_and_an_unmapped_name_are_left_and_reported_and_the_check_refuses_them(tmp_path):
    nested = field(" IF ", "</w:instrText></w:r>" + field(" MERGEFIELD Gender ")
                   + '<w:r><w:instrText> = "F" "Ms." "Mr." ')  # a MERGEFIELD inside the IF's instruction
    body = f"<w:p>{nested}{simple(' MERGEFIELD Amount ')}</w:p>"
    path = word_file(tmp_path / "if.docx", "Dear «Nickname»,", body_xml=body)
    assert merge_fields(path) == ["Nickname", "Amount"]
    dest = tmp_path / "out.docx"
    left = convert_merge_fields(path, dest, {"Gender": "recipient.courtesy_title"})
    assert left == ["the Word field “IF = \"F\" \"Ms.\" \"Mr.\"” (write it as {% if … %} … {% endif %})",
                    "the merge field “Amount”, which is not mapped", "the «Nickname» text, which is not mapped"]
    problems = check_template(dest).problems
    assert len(problems) == 3 and not check_template(dest).usable
    assert any("the Word field “IF" in problem for problem in problems)


def test_word_switches_become_filters_and_conditional_text():
    assert jinja("recipient.name", 'MERGEFIELD Name \\* Caps') == "{{ recipient.name|title }}"
    assert jinja("recipient.name", 'MERGEFIELD Name \\b "Attn: " \\* MERGEFORMAT') == (
        "{% if recipient.name %}Attn: {{ recipient.name }}{% endif %}")
    assert jinja("today", 'MERGEFIELD Date \\@ "MMMM d, yyyy"') == "{{ today }}"  # our dates are long already
    assert jinja("", "MERGEFIELD City") == ""


def test_word_address_block_and_greeting_line_are_merge_names(tmp_path):
    wizard = ("<w:p>" + field(' ADDRESSBLOCK \\f "&lt;&lt;_TITLE0_ &gt;&gt;" ') + "</w:p><w:p>"
              + simple(' GREETINGLINE \\f "&lt;&lt;_BEFORE_ Dear &gt;&gt;" ') + "</w:p>")
    path = word_file(tmp_path / "wizard.docx", "x", body_xml=wizard)
    assert merge_fields(path) == ["AddressBlock", "GreetingLine"]
    dest = tmp_path / "out.docx"
    convert_merge_fields(path, dest, {"AddressBlock": "recipient.address_block",
                                      "GreetingLine": "recipient.salutation"})
    assert check_template(dest).fields == ("recipient.address_block", "recipient.salutation")


def test_a_greeting_typed_around_the_salutation_field_takes_whom_it_greets(tmp_path):
    body = ("<w:p>" + run("Dear ") + field(" MERGEFIELD Salutation ") + run(":") + "</w:p>"
            + "<w:p>" + simple(" MERGEFIELD Salutation ") + run(",") + "</w:p>"
            + "<w:p>" + simple(" GREETINGLINE ") + "</w:p>")
    path = word_file(tmp_path / "dear.docx", ["Dear «Sal", "utation»:"], "«Salutation»", body_xml=body)
    dest = tmp_path / "out.docx"
    convert_merge_fields(path, dest, {"Salutation": "recipient.salutation", "GreetingLine": "recipient.salutation"})
    letter = texts(render_letter(dest, CONTEXT))
    assert letter[:5] == ["Dear Ms. Rivera:", "Dear Ms. Rivera:", "Dear Ms. Rivera:", "Ms. Rivera,",
                          "Dear Ms. Rivera:"]  # "Dear «Salutation»:" typed; «Salutation» alone is the greeting


def test_typed_merge_names_dropped_take_their_line_with_them(tmp_path):
    path = word_file(tmp_path / "typed.docx", "«Name»", ["«City», «St", "ate» «ZIP»"], "«Street»", "«Other» «More»")
    dest = tmp_path / "out.docx"
    left = convert_merge_fields(path, dest, {"Name": "recipient.name", "Street": "recipient.address", "City": "",
                                             "State": "", "ZIP": ""})
    assert left == ["the «Other» text, which is not mapped", "the «More» text, which is not mapped"]
    assert texts(dest)[:3] == ["{{ recipient.name }}", "{{ recipient.address }}", "«Other» «More»"]


def test_merge_fields_in_the_letterhead_are_converted(tmp_path):
    path = word_file(tmp_path / "head.docx", "Body", header="From «Firm_Name»")
    dest = tmp_path / "out.docx"
    assert merge_fields(path) == ["Firm_Name"]
    convert_merge_fields(path, dest, {"Firm_Name": "firm.name"})
    assert texts(dest)[-2] == "From {{ firm.name }}"


def test_written_whole_or_not_at_all(merge_letter, tmp_path):
    dest = tmp_path / "template.docx"
    dest.write_bytes(b"the earlier file")
    with pytest.raises(TemplateProblem, match="not the name of a field"):
        convert_merge_fields(merge_letter, dest, {"Title": "}} {{ x"})
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"PK\x03\x04 no")
    with pytest.raises(TemplateProblem, match="damaged"):
        convert_merge_fields(damaged, dest, {})
    with pytest.raises(TemplateProblem, match="damaged"):
        merge_fields(damaged)
    assert dest.read_bytes() == b"the earlier file"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["damaged.docx", "merge.docx", "template.docx"]
