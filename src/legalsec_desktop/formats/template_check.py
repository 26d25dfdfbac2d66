"""A Word template checked when it is added: its syntax errors with the place in the document (“Body, paragraph 12
(“Dear {{ recipient.salutation }”): …”), the fields it uses, the fields we do not fill, and the values it asks for.

The parts are read as docxtpl renders them (the same XML, patched the same way: fields Word split across runs
joined, curly quotes inside fields made straight), so a template that passes here also renders. Nothing runs: the
template is parsed, never rendered, so this is fast enough for the parent process.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateSyntaxError
from lxml import etree

from legalsec_desktop.domain.letter_asks import Ask, parse_asks, with_undeclared
from legalsec_desktop.formats.letter_docx import read_template
from legalsec_desktop.formats.merge_runs import WORD_MERGE, W, fields_of, merge_name, plain_names
from legalsec_desktop.formats.template_fields import FieldWalker
from legalsec_desktop.formats.template_sandbox import LetterEnvironment, TemplateProblem

MAX_PART_BYTES = 16 * 1024 * 1024  # the XML of all a template's parts together (a long letter is ~100 KB)
_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml")
_MARK = "\ue000{}\ue001"  # a paragraph's number, put before it; private-use characters no template holds
_MARKED = re.compile("^\ue000(\\d+)\ue001")
_PARAGRAPH = re.compile(r"<w:p[ >]")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class TemplateCheck:
    """What a template uses and what is wrong with it; usable when nothing is wrong."""

    fields: tuple[str, ...]
    asks: tuple[Ask, ...]
    unknown: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def usable(self) -> bool:
        return not self.problems and not self.unknown


@dataclass
class _Part:
    """One part's patched template text, one paragraph a line, how to name a line's place, and the Word merge
    fields left in it (each with its paragraph's number)."""

    title: str
    source: str
    lines: list[str]
    merge_left: list[tuple[int, str]]

    def place(self, lineno: int | None, quote: bool = True) -> str:
        if lineno is None or not 1 <= lineno <= len(self.lines):
            return self.title
        while lineno > 1 and _MARKED.match(self.lines[lineno - 1]) is None:
            lineno -= 1  # a line break inside a paragraph's XML: the paragraph starts above
        line = self.lines[lineno - 1]
        found = _MARKED.match(line)
        if found is None:
            return self.title
        where = f"{self.title}, paragraph {found.group(1)}"
        text = " ".join(html.unescape(_TAG.sub("", line[found.end():])).split())
        if quote and text:
            where += f" (“{text if len(text) <= 60 else text[:57] + '…'}”)"
        return where


def check_template(path: Path) -> TemplateCheck:
    """The check of the .docx template at `path`; TemplateProblem in words when it is missing, not a .docx, damaged,
    or unpacks to far more than a letter holds."""
    parts = template_parts(read_template(path), path.name)
    environment = LetterEnvironment()
    walker = FieldWalker(environment)
    problems: list[str] = []
    asks: list[Ask] = []
    unknown: dict[str, str] = {}
    for part in parts:
        found, wrong = parse_asks(html.unescape(_TAG.sub("", part.source)))
        asks += [ask for ask in found if ask.name not in {known.name for known in asks}]
        problems += [f"{part.title}: {message}" for message in wrong]
        problems += [f"{part.title}, paragraph {number}: {message}" for number, message in part.merge_left]
        try:
            tree = environment.parse(part.source)
        except TemplateSyntaxError as error:
            at_end = error.lineno >= len(part.lines) and "end of template" in (error.message or "")
            where = f"{part.title}, at its end" if at_end else part.place(error.lineno)
            problems.append(f"{where}: {error.message}")
            continue
        wrong_here, unknown_here = walker.walk(tree)
        problems += [f"{part.place(lineno)}: {message}" for lineno, message in wrong_here]
        for name, lineno in unknown_here:
            unknown.setdefault(name, part.place(lineno, quote=False))
    fields = tuple(walker.fields)
    return TemplateCheck(fields, tuple(with_undeclared(asks, list(fields))),
                         tuple(f"{name} ({where[0].lower()}{where[1:]})" for name, where in unknown.items()),
                         tuple(problems))


def template_parts(data: bytes, name: str) -> list[_Part]:
    """The body, headers, footers and footnotes of a .docx's bytes as docxtpl renders them, each paragraph on its
    own line and numbered; TemplateProblem when the file is damaged or too big unpacked (a zip bomb)."""
    parsed: list[_Part] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = [info for info in archive.infolist() if _PARTS.fullmatch(info.filename)]
            if sum(info.file_size for info in infos) > MAX_PART_BYTES:
                raise TemplateProblem(f"“{name}” unpacks to far more than a letter holds: it is not used.")
            counts: dict[str, int] = {}
            for info in sorted(infos, key=_order):
                kind = _PARTS.fullmatch(info.filename).group(1).rstrip("0123456789")  # type: ignore[union-attr]
                counts[kind] = counts.get(kind, 0) + 1
                title = {"document": "Body", "footnotes": "Footnotes"}.get(kind, kind.capitalize())
                if kind in ("header", "footer") and counts[kind] > 1:
                    title += f" {counts[kind]}"
                parsed.append(_part(title, archive.read(info)))
            if "docProps/core.xml" in archive.namelist() and archive.getinfo("docProps/core.xml").file_size < 1 << 20:
                parsed += _properties(archive.read("docProps/core.xml"))
    except (zipfile.BadZipFile, EOFError, etree.XMLSyntaxError, ValueError):
        raise TemplateProblem(f"“{name}” is damaged: Word cannot open it either.") from None
    return parsed


def _properties(xml: bytes) -> list[_Part]:
    """The file properties docxtpl fills in too (title, subject, author …), those that hold a field."""
    found: list[_Part] = []
    for element in etree.fromstring(xml, _PARSER):
        name = etree.QName(element).localname
        text = element.text or ""
        if name in _PROPERTIES and ("{{" in text or "{%" in text or "{#" in text):
            found.append(_Part(f"File properties ({_PROPERTIES[name]})", text, text.split("\n"), []))
    return found


_PROPERTIES = {"title": "title", "subject": "subject", "creator": "author", "description": "comments",
               "identifier": "identifier", "language": "language"}


def _order(info: zipfile.ZipInfo) -> tuple[int, str]:
    rank = next(i for i, kind in enumerate(("document", "header", "footer", "footnotes"))
                if info.filename.startswith(f"word/{kind}"))
    return rank, info.filename


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


def _part(title: str, xml: bytes) -> _Part:
    from docxtpl import DocxTemplate

    root = etree.fromstring(xml, _PARSER)
    merge_left = _merge_left(root)
    text = etree.tostring(root, encoding="unicode", pretty_print=False)  # as docxtpl reads it: entities resolved
    numbered = iter(range(1, 1 << 30))
    text = _PARAGRAPH.sub(lambda m: "\n" + _MARK.format(next(numbered)) + m.group(0), text)
    source = DocxTemplate(io.BytesIO(b"")).patch_xml(text)
    return _Part(title, source, source.split("\n"), merge_left)


def _merge_left(root: etree._Element) -> list[tuple[int, str]]:
    """The Word mail-merge fields (MERGEFIELD, IF, NEXT …) and «Field» texts in a part, with their paragraphs."""
    numbers = {paragraph: number for number, paragraph in enumerate(root.iter(f"{W}p"), start=1)}

    def number(element: etree._Element) -> int:
        paragraph = next(element.iterancestors(f"{W}p"), None)
        return numbers.get(paragraph, 0) if paragraph is not None else 0

    left: list[tuple[int, str]] = []
    for field in fields_of(root):
        words = " ".join(field.instruction.split())
        name = merge_name(words)
        if name is not None and not field.nested:
            message = (f"the Word merge field “{name}” is left: map it to one of our fields when adding the "
                       "template, or replace it with {{ a field }}.")
            left.append((number(field.anchor), message))
        elif WORD_MERGE.match(words) and not field.nested:
            message = f"the Word field “{words[:60]}” cannot be filled in: write it as {{% if … %}} … {{% endif %}}."
            left.append((number(field.anchor), message))
    left += [(number(run), f"“«{name}»” is left from a mail merge: replace it with {{{{ a field }}}}.")
             for run, name in plain_names(root)]
    return left

