"""A Word template filled in: docxtpl joins the fields Word splits across runs and renders each part of the document
(body, headers, footers, footnotes, properties) through the letter sandbox, in a child process bounded in time and
memory, so that a template from anywhere can neither run forever nor reach a file.

The context never holds None: a blank value is "" (plain_context turns a None into "", so no letter prints "None"),
and a value's characters that XML cannot hold are dropped, so no client's name can break the document."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from legalsec_desktop.formats.plain_text import clean_text
from legalsec_desktop.formats.template_sandbox import TIMEOUT_S, LetterEnvironment, TemplateProblem, run_bounded

MAX_TEMPLATE_BYTES = 50 * 1024 * 1024  # a letterhead with a logo is well under a megabyte
_NOT_XML = re.compile("[\x0c\ufffe\uffff]")  # what clean_text keeps that a Word document cannot hold


def plain_context(value: Any) -> Any:
    """`value` as a letter's context holds it: dicts, lists and strings (and numbers), None as "", every string
    without the control characters XML cannot hold (a line break stays: Word shows it as a line break)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _NOT_XML.sub("", clean_text(value))
    if isinstance(value, Mapping):
        return {str(key): plain_context(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_context(item) for item in value]
    if isinstance(value, (bool, int, float)):
        return value
    return plain_context(str(value))  # a date or a Decimal: as it prints


def read_template(path: Path) -> bytes:
    """The bytes of a .docx template; TemplateProblem in words when it is missing, not a .docx or damaged."""
    if path.suffix.lower() != ".docx":
        raise TemplateProblem(f"“{path.name}” is not a Word document (.docx): save it as .docx in Word first.")
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise TemplateProblem(f"“{path.name}” is larger than a letter template can be (50 MB).")
        data = path.read_bytes()
    except FileNotFoundError:
        raise TemplateProblem(f"The template “{path.name}” is no longer in the templates folder.") from None
    except OSError as error:
        raise TemplateProblem(f"The template “{path.name}” could not be read ({error.strerror or error}).") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise TemplateProblem(f"“{path.name}” is not a Word document inside.")
    except zipfile.BadZipFile:
        raise TemplateProblem(f"“{path.name}” is damaged or not a Word document: Word cannot open it either.") from None
    return data


def _render_here(template: bytes, context: Mapping[str, Any]) -> bytes:
    import html

    from docxtpl import DocxTemplate  # in the child: the parent never parses an untrusted template's XML
    from jinja2.exceptions import SecurityError, TemplateError, TemplateSyntaxError, UndefinedError

    class LetterTemplate(DocxTemplate):  # type: ignore[misc]
        def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
            # the title, subject … are plain text, not XML: escaping them would show "&amp;" in Word's properties
            super().render_properties(context, jinja_env)
            for name in ("author", "comments", "identifier", "language", "subject", "title"):
                value = getattr(self.docx.core_properties, name)
                setattr(self.docx.core_properties, name, html.unescape(value or ""))

    try:
        document = LetterTemplate(io.BytesIO(template))
        document.render(dict(context), jinja_env=LetterEnvironment(), autoescape=True)
        out = io.BytesIO()
        document.save(out)
    except SecurityError as error:
        raise TemplateProblem(f"The template tried something a template may not do: {error}") from None
    except UndefinedError as error:
        raise TemplateProblem(f"The template uses a field that is not there: {error.message}") from None
    except TemplateSyntaxError as error:
        raise TemplateProblem(f"The template has a mistake in a field: {error.message}") from None
    except TypeError as error:
        if "no loader" in str(error):  # {% include %}, {% import %}, {% extends %}: the sandbox has no files
            raise TemplateProblem("A template cannot read another file (include, import or extends).") from None
        raise TemplateProblem(f"The template could not be filled in (TypeError: {error})") from None
    except (TemplateError, ArithmeticError, ValueError, KeyError, OverflowError, RecursionError,
            zipfile.BadZipFile) as error:
        raise TemplateProblem(f"The template could not be filled in ({type(error).__name__}: {error})") from None
    return out.getvalue()


def render_letter(template: Path | bytes, context: Mapping[str, Any], timeout_s: float = TIMEOUT_S) -> bytes:
    """The .docx made by filling in `template` (a path or its bytes) with `context` (plain data, see
    domain.letter_fields); TemplateProblem in words when the template cannot be used or filled in."""
    data = read_template(template) if isinstance(template, Path) else template
    return bytes(run_bounded(_render_here, (data, plain_context(context)), timeout_s))
