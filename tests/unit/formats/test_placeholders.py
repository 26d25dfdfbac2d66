"""A letter with a field left in it is found out, wherever Word split the field across runs (issue 18 groundwork)."""

import zipfile

import docx
import pytest

from legalsec_desktop.formats.placeholders import UnreadableLetter, leftover_placeholders


def letter(path, *paragraphs_of_runs, header=""):
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    for runs in paragraphs_of_runs:
        paragraph = document.add_paragraph()
        for run in runs:
            paragraph.add_run(run)
    document.save(path)
    return path


def test_a_finished_letter_has_none(tmp_path):
    path = letter(tmp_path / "done.docx", ["Dear Ms. Lewis:"], ["Your answer is due December 14, 2026."])
    assert leftover_placeholders(path) == []


def test_fields_split_across_runs_in_the_body_and_the_letterhead_are_found(tmp_path):
    path = letter(tmp_path / "left.docx", ["Dear {{ cli", "ent.sal", "utation }}:"], ["Re: «Case_Number»"],
                  ["Signed, <<Matter.Responsible", "Attorney.Name>>"], ["{% if x %}"],
                  header="{{ firm.name }} — Attorneys at Law")
    assert leftover_placeholders(path) == ["{{ client.salutation }}", "«Case_Number»",
                                           "<<Matter.ResponsibleAttorney.Name>>", "{% if x %}", "{{ firm.name }}"]


def test_a_word_mergefield_is_found_simple_or_split(tmp_path):
    path = letter(tmp_path / "merge.docx", ["Dear X,"])
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    body = parts["word/document.xml"].decode("utf-8")
    simple = ('<w:p><w:fldSimple w:instr=" MERGEFIELD Client_Name \\* MERGEFORMAT "><w:r><w:t>x</w:t></w:r>'
              '</w:fldSimple></w:p>')
    split = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGE'
             '</w:instrText></w:r><w:r><w:instrText>FIELD  "Case Number" </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    parts["word/document.xml"] = body.replace("<w:sectPr", simple + split + "<w:sectPr", 1).encode("utf-8")
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    assert leftover_placeholders(path) == ["MERGEFIELD Client_Name", "MERGEFIELD Case Number"]


def test_a_file_that_is_not_a_docx_is_not_taken_as_finished(tmp_path):
    path = tmp_path / "letter.docx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(UnreadableLetter):
        leftover_placeholders(path)
