"""Real Word files written by other people (tests/data/templates/SOURCES.md): mail-merge letters from Word 2010,
Word 2011 for the Mac and names with spaces converted, checked and rendered with nothing left over; docxtpl's own
templates checked (their syntax error placed, their fields found) and rendered in our sandbox."""

import shutil
from pathlib import Path

import docx
import pytest
from docx_build import texts

from legalsec_desktop.domain.merge_names import guess_mapping
from legalsec_desktop.formats.letter_docx import render_letter
from legalsec_desktop.formats.mergefields import convert_merge_fields, merge_fields
from legalsec_desktop.formats.placeholders import leftover_placeholders
from legalsec_desktop.formats.template_check import check_template

CORPUS = Path(__file__).parents[2] / "data" / "templates"
RECIPIENT = {"courtesy_title": "Ms.", "first_name": "Ana", "last_name": "Rivera & Sons",
             "name": "Ana Rivera & Sons", "address": "12 Elm St.\nAustin, TX 78701"}


def finished(template: Path, tmp_path: Path, context: dict) -> list[str]:
    letter = tmp_path / "letter.docx"
    letter.write_bytes(render_letter(template, context))
    assert leftover_placeholders(letter) == []
    return texts(letter)


def test_a_word_2011_mac_mail_merge_letter_is_guessed_converted_and_rendered(tmp_path):
    source = CORPUS / "mailmerge_test_macword2011.docx"
    names = merge_fields(source)
    assert names == ["first_name", "last_name", "address_line", "postal_code", "city", "state", "country", "date"]
    guessed = guess_mapping(names)
    assert guessed == {"first_name": "recipient.first_name", "last_name": "recipient.last_name",
                       "address_line": "recipient.address", "postal_code": "", "city": "", "state": "",
                       "country": "", "date": "today"}
    template = tmp_path / "template.docx"
    assert convert_merge_fields(source, template, {k: v for k, v in guessed.items() if v is not None}) == []
    assert check_template(template).usable
    lines = finished(template, tmp_path, {"recipient": RECIPIENT, "today": "December 3, 2026"})
    assert lines[:2] == ["Ana Rivera & Sons", "12 Elm St.\nAustin, TX 78701"]  # the postal code line is gone
    assert "Groningen, December 3, 2026," in lines and "Dear Ana," in lines


def test_a_word_2010_mail_merge_letter_with_quoted_names_is_mapped_by_hand(tmp_path):
    source = CORPUS / "mailmerge_test_winword2010.docx"
    names = merge_fields(source)
    assert names == ["Titel", "Voornaam", "Achternaam", "Adresregel_1", "Postcode", "Plaats", "Provincie",
                     "Land_of_regio"]
    assert set(guess_mapping(names).values()) == {None}  # Dutch: the user maps them
    mapping = {"Titel": "recipient.courtesy_title", "Voornaam": "recipient.first_name",
               "Achternaam": "recipient.last_name", "Adresregel_1": "recipient.address", "Postcode": "",
               "Plaats": "", "Provincie": "", "Land_of_regio": ""}
    template = tmp_path / "template.docx"
    half = tmp_path / "half.docx"
    assert convert_merge_fields(source, half, {"Titel": "recipient.courtesy_title"})  # the rest reported …
    assert not check_template(half).usable  # … and refused by the check
    assert convert_merge_fields(source, template, mapping) == []
    lines = finished(template, tmp_path, {"recipient": RECIPIENT})
    assert lines[:2] == ["Ms. Ana Rivera & Sons", "12 Elm St.\nAustin, TX 78701"] and "Dear Ana," in lines


def test_merge_names_with_spaces(tmp_path):
    source = CORPUS / "mailmerge_test_spaces.docx"
    assert merge_fields(source) == ["Singleword", "Hello world", "More than one space"]
    template = tmp_path / "template.docx"
    convert_merge_fields(source, template, {"Singleword": "recipient.first_name", "Hello world": "recipient.name",
                                            "More than one space": ""})
    assert finished(template, tmp_path, {"recipient": RECIPIENT})[:2] == ["Ana", "Ana Rivera & Sons"]


def test_docxtpls_syntax_error_is_placed_in_its_fifth_paragraph():
    check = check_template(CORPUS / "docxtpl_template_error_tpl.docx")
    assert len(check.problems) == 1
    assert check.problems[0].startswith("Body, paragraph 5 (“I am the fifth paragraph. {% if test_variable %}")
    assert check.problems[0].endswith("Encountered unknown tag 'endif'.")


def test_fields_not_ours_are_listed_with_their_place_headers_and_footers_too():
    check = check_template(CORPUS / "docxtpl_get_undeclared_variables.docx")
    assert check.problems == () and not check.usable
    assert check.unknown[:2] == ("name (body, paragraph 1)", "age (body, paragraph 3)")
    assert "company_name (header, paragraph 1)" in check.unknown
    assert "author (footer, paragraph 1)" in check.unknown


@pytest.mark.parametrize("name", ["docxtpl_order_tpl.docx", "docxtpl_nested_for_tpl.docx"])
def test_docxtpl_templates_have_no_syntax_error(name):
    assert check_template(CORPUS / name).problems == ()


def test_a_docxtpl_table_row_loop_and_paragraph_conditions_render_in_our_sandbox(tmp_path):
    template = tmp_path / "order.docx"
    shutil.copy(CORPUS / "docxtpl_order_tpl.docx", template)
    context = {"customer_name": "Lewis & Park <LLP>", "items": [{"desc": "Filing fee", "qty": 1, "price": "350.00"},
                                                               {"desc": "Copies", "qty": 40, "price": "20.00"}],
               "total_price": "370.00", "is_paid": False, "in_europe": False, "company_name": "Acme"}
    lines = finished(template, tmp_path, context)
    assert "Dear Lewis & Park <LLP>," in lines and "Please, pay your order : 370.00 Dollars." in lines
    rows = [[cell.text for cell in row.cells] for row in docx.Document(str(tmp_path / "letter.docx")).tables[0].rows]
    assert [row[0] for row in rows] == ["Description", "Filing fee", "Copies", "Total"]  # a row for each item
    assert rows[2][-1] == "20.00"
