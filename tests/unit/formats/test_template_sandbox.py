"""Templates are untrusted: the sandbox refuses every classic escape with a clear message, bounds time and size,
reaches no file, and escapes what it is given (issue 18's groundwork)."""

import pytest

from legalsec_desktop.formats.template_sandbox import TemplateProblem, check, render

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ client.__class__ }}",
    "{{ client.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ range(10**9)|list }}",
    "{{ self._TemplateReference__context }}",
    "{{ request.application.__globals__ }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ ''|attr('__class__') }}",
]


@pytest.mark.parametrize("source", ESCAPES)
def test_every_classic_escape_is_refused_with_a_clear_message(source):
    with pytest.raises(TemplateProblem) as refused:
        render(source, {"client": "Ana Rivera"})
    assert "Traceback" not in refused.value.message and refused.value.message


@pytest.mark.parametrize("source", [
    "{{ 'a' * 200000000 }}", "{{ 200000000 * 'a' }}", "{{ ['a'] * 200000000 }}", "{{ 2 ** 100000000 }}",
    "{{ '%0999999999d' % 1 }}", "{{ '{:>999999999}'.format(1) }}", "{{ 'a'|center(999999999) }}",
    "{{ 'a'.ljust(999999999) }}", "{{ 'aa'.replace('a', 'aaaaaaaaaa') }}"])
def test_a_huge_value_is_refused_before_it_is_made(source):
    with pytest.raises(TemplateProblem):
        render(source, {})


def test_a_render_that_runs_too_long_is_stopped():
    rows = list(range(2000))
    with pytest.raises(TemplateProblem, match="seconds"):
        render("{% for a in rows %}{% for b in rows %}{% for c in rows %}x{% endfor %}{% endfor %}{% endfor %}",
               {"rows": rows}, timeout_s=1.0)


def test_no_template_reaches_a_file():
    for source in ("{% include '/etc/passwd' %}", "{% import 'os' as os %}", "{% extends 'base.docx' %}"):
        with pytest.raises(TemplateProblem):
            render(source, {})


def test_a_name_with_an_ampersand_a_bracket_or_quotes_is_escaped():
    assert render("{{ client }}", {"client": 'Smith & Sons <"Acme">'}) == "Smith &amp; Sons &lt;&#34;Acme&#34;&gt;"


def test_a_letter_renders_with_conditions_and_repeats():
    source = ("Dear {{ salutation }}:{% if deadline %} Your answer is due {{ deadline }}.{% endif %}"
              "{% for party in parties %} {{ party|upper }}{% endfor %}")
    assert render(source, {"salutation": "Ms. Lewis", "deadline": "December 14, 2026",
                           "parties": ["Rivera", "Okafor"]}) == (
        "Dear Ms. Lewis: Your answer is due December 14, 2026. RIVERA OKAFOR")


def test_check_names_the_fields_and_the_line_of_a_syntax_error():
    assert check("{{ matter.number }} {{ client }}{% if x %}{% endif %}").fields == ("client", "matter", "x")
    with pytest.raises(TemplateProblem, match="Line 2"):
        check("Dear {{ client }},\n{% if %}")
