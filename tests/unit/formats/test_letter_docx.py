"""A Word template filled in safely (issue 18's safety list, each through a real .docx): every classic Jinja escape
refused in words, huge values and endless loops stopped, no file reachable, names with & < " ' kept whole, no
`|safe`, line breaks for "\\n", never "None"; and a template that is missing, not a .docx or damaged, said plainly."""

import io
import zipfile

import docx
import pytest
from docx_build import body_xml, texts, word_file

from legalsec_desktop.formats.letter_docx import plain_context, read_template, render_letter
from legalsec_desktop.formats.template_sandbox import TemplateProblem

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ client.__class__ }}",
    "{{ client.name.__class__.__mro__ }}",
    "{{ client.__init__.__globals__ }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ range(10**9)|list }}",
    "{{ self._TemplateReference__context }}",
    "{{ ''|attr('__class__') }}",
]


def render(tmp_path, *paragraphs, context=None, **options):
    return render_letter(word_file(tmp_path / "template.docx", *paragraphs), context or {"client": {"name": "Ana"}},
                         **options)


@pytest.mark.parametrize("source", ESCAPES)
def test_every_classic_escape_in_a_word_template_is_refused_in_words(tmp_path, source):
    with pytest.raises(TemplateProblem) as refused:
        render(tmp_path, "Dear Ana,", [source[:9], source[9:]])  # split across runs, as Word does
    assert refused.value.message and "Traceback" not in refused.value.message and "File \"" not in str(refused.value)


@pytest.mark.parametrize("source", ["{{ 'a' * 200000000 }}", "{{ 'a' * 2000 * 100000 }}", "{{ ['a'] * 200000000 }}",
                                    "{{ 2 ** 100000000 }}", "{{ 'a'|center(999999999) }}"])
def test_a_huge_value_is_refused_before_it_is_made(tmp_path, source):
    with pytest.raises(TemplateProblem, match="(?i)not allowed|no filter|may not"):
        render(tmp_path, source)


def test_growth_by_joining_is_stopped_by_the_memory_or_time_bound(tmp_path):
    doubling = "{% set a = 'a' * 900000 %}" + "{% set a = a ~ a %}" * 12 + "{{ a|length }}"
    with pytest.raises(TemplateProblem, match="memory|seconds|more text"):
        render(tmp_path, doubling, timeout_s=5.0)


def test_loops_in_loops_that_would_run_for_days_are_stopped_by_the_timeout(tmp_path):
    source = "{% for a in 'x' * 999999 %}{% for b in 'x' * 999999 %}{% endfor %}{% endfor %}"
    with pytest.raises(TemplateProblem, match="took more than 2 seconds"):
        render(tmp_path, source, timeout_s=2.0)


@pytest.mark.parametrize("source", ["{% include '/etc/passwd' %}", "{% import 'os' as os %}",
                                    "{% extends 'letterhead.docx' %}", "{% from 'x' import y %}"])
def test_a_template_cannot_read_or_write_a_file(tmp_path, source):
    with pytest.raises(TemplateProblem, match="cannot read another file"):
        render(tmp_path, source)


def test_safe_is_not_available(tmp_path):
    with pytest.raises(TemplateProblem, match="safe"):
        render(tmp_path, "{{ client.name|safe }}", context={"client": {"name": "<w:br/>"}})


def test_ampersands_brackets_and_quotes_in_a_name_do_not_break_the_document(tmp_path):
    name = 'Smith & Sons <"Acme\'s"> </w:t></w:r>'
    letter = render(tmp_path, ["Dear ", "{{ client.name }}", ":"], context={"client": {"name": name}})
    document = docx.Document(io.BytesIO(letter))  # it opens: the XML is whole
    assert document.paragraphs[-1].text == f"Dear {name}:"


def test_the_title_in_the_file_properties_is_not_escaped_twice(tmp_path):
    template = word_file(tmp_path / "t.docx", "x", title="Letter to {{ client.name }}")
    letter = render_letter(template, {"client": {"name": "Smith & Sons"}})
    assert docx.Document(io.BytesIO(letter)).core_properties.title == "Letter to Smith & Sons"


def test_a_value_with_line_breaks_becomes_lines_in_word(tmp_path):
    letter = render(tmp_path, "{{ recipient.address_block }}",
                    context={"recipient": {"address_block": "Ana Rivera\n12 Elm St.\r\nAustin, TX 78701"}})
    assert texts(letter)[-3:-2] == ["Ana Rivera\n12 Elm St.\nAustin, TX 78701"]
    assert body_xml(letter).count("<w:br/>") == 2


def test_a_blank_value_never_prints_none(tmp_path):
    letter = render(tmp_path, "Re: {{ matter.case_number }}{{ client.phone }}.",
                    context={"matter": {"case_number": None}, "client": {"phone": None}})
    assert "Re: ." in texts(letter) and "None" not in "".join(texts(letter))


def test_the_context_is_plain_data_with_no_none_and_nothing_xml_cannot_hold():
    assert plain_context({"a": None, "b": ["x\x00y\x0cz", None], "c": ("t",), "n": 3}) == {
        "a": "", "b": ["xyz", ""], "c": ["t"], "n": 3}


def test_curly_quotes_word_puts_inside_a_field_are_read_as_quotes(tmp_path):
    letter = render(tmp_path, "{{ client.phone|default(“none on file”) }} {{ ‘x’ if client.name == “Ana” }}",
                    context={"client": {"name": "Ana"}})
    assert "none on file x" in texts(letter)


def test_a_field_the_context_lacks_is_said_in_words(tmp_path):
    with pytest.raises(TemplateProblem, match="not there"):
        render(tmp_path, "{{ matter.nmber }}", context={"matter": {"number": "2026-0001"}})


def test_the_letterhead_in_the_header_is_filled_in_too(tmp_path):
    template = word_file(tmp_path / "t.docx", "Body", header="{{ firm.name }} · Attorneys", footer="{{ firm.phone }}")
    letter = render_letter(template, {"firm": {"name": "Lewis & Park", "phone": "(512) 555-0100"}})
    assert texts(letter)[-2:] == ["Lewis & Park · Attorneys", "(512) 555-0100"]


def test_a_template_missing_not_a_docx_or_damaged_is_refused_in_words(tmp_path):
    with pytest.raises(TemplateProblem, match="no longer in the templates folder"):
        read_template(tmp_path / "gone.docx")
    (tmp_path / "letter.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(TemplateProblem, match="not a Word document"):
        read_template(tmp_path / "letter.doc")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(TemplateProblem, match="damaged"):
        read_template(tmp_path / "broken.docx")
    with zipfile.ZipFile(tmp_path / "empty.docx", "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(TemplateProblem, match="not a Word document inside"):
        render_letter(tmp_path / "empty.docx", {})
