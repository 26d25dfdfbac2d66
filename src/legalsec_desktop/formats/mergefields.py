"""Word mail-merge documents brought in as letter templates: their MERGEFIELDs (simple fields, or field codes Word
splits across runs: begin, instruction, separate, result, end) and plain «Field» text, each turned into our field
(`{{ recipient.name }}`) in its place with its run's formatting. A field that cannot be turned (an IF, a NEXT, one
not mapped) is left as it was and reported: the check then refuses the template until it is rewritten."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from lxml import etree

from legalsec_desktop.formats.docx_text import MAX_XML_BYTES
from legalsec_desktop.formats.files import write_atomically, zip_complete
from legalsec_desktop.formats.merge_runs import (
    WORD_MERGE,
    Field,
    drop_blank_paragraphs,
    fields_of,
    merge_name,
    plain_names,
    replace_plain,
    text_around,
)
from legalsec_desktop.formats.template_sandbox import TemplateProblem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")
_DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")
_CASES = {"upper": "upper", "lower": "lower", "caps": "title", "firstcap": "capitalize"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def merge_fields(path: Path) -> list[str]:
    """The merge names of the .docx at `path` (MERGEFIELDs, ADDRESSBLOCK and GREETINGLINE as AddressBlock and
    GreetingLine, and «Field» text), in the order they appear, each once; TemplateProblem when it is unreadable."""
    names: list[str] = []
    for _name, root in _parts(_read(path), path.name):
        found: list[tuple[int, str]] = []
        order = {element: i for i, element in enumerate(root.iter())}
        for field in fields_of(root):
            name = merge_name(field.instruction)
            if name and not field.nested:
                found.append((order[field.anchor], name))
        found += [(order[run], name) for run, name in plain_names(root)]
        names += [name for _, name in sorted(found, key=lambda item: item[0])]
    return list(dict.fromkeys(names))


def convert_merge_fields(src: Path, dest: Path, mapping: Mapping[str, str]) -> list[str]:
    """Write at `dest` (whole or not at all) the document at `src` with each merge field whose name `mapping` maps
    turned into `{{ field }}` (or removed when it maps to ""). What was left as it was (an IF field, a name the
    mapping does not hold, a field Word spread over paragraphs) is returned, in words."""
    for name, field in mapping.items():
        if field and not _DOTTED.fullmatch(field):
            raise TemplateProblem(f"“{field}” (for the merge field {name}) is not the name of a field.")
    data = _read(src)
    left: list[str] = []
    changed: dict[str, bytes] = {}
    for part_name, root in _parts(data, src.name):
        left += _convert(root, mapping)
        changed[part_name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def write(temporary: Path) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(temporary, "w") as target:
            for info in source.infolist():
                target.writestr(info, changed.get(info.filename) or source.read(info), info.compress_type)

    write_atomically(dest, write, check=zip_complete)
    return list(dict.fromkeys(left))


def _read(path: Path) -> bytes:
    from legalsec_desktop.formats.letter_docx import read_template

    data = read_template(path)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_XML_BYTES:
            raise TemplateProblem(f"“{path.name}” unpacks to far more than a letter holds: it is not used.")
    return data


def _parts(data: bytes, name: str) -> Iterator[tuple[str, etree._Element]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if _PARTS.fullmatch(info.filename):
                    yield info.filename, etree.fromstring(archive.read(info), _PARSER)
    except (zipfile.BadZipFile, EOFError, etree.XMLSyntaxError, ValueError):
        raise TemplateProblem(f"“{name}” is damaged: Word cannot open it either.") from None


def _convert(root: etree._Element, mapping: Mapping[str, str]) -> list[str]:
    left: list[str] = []
    emptied: list[etree._Element] = []
    for field in fields_of(root):
        if field.nested:
            continue
        name = merge_name(field.instruction)
        words = " ".join(field.instruction.split())
        if name is None:
            if WORD_MERGE.match(words):
                left.append(f"the Word field “{words[:80]}” (write it as {{% if … %}} … {{% endif %}})")
            continue
        if name not in mapping:
            left.append(f"the merge field “{name}”, which is not mapped")
        elif not field.replaceable:
            left.append(f"the merge field “{name}”, which Word spread over more than one paragraph")
        else:
            if not mapping[name]:
                emptied += [p for p in field.anchor.iterancestors(f"{W}p")][:1]
            target = greeted(mapping[name], *text_around(field), words)
            field.replace(_run(field, jinja(target, words)))
    left += replace_plain(root, mapping, lambda target, before, after: jinja(greeted(target, before, after), ""),
                          emptied)
    drop_blank_paragraphs(emptied)
    return left


def greeted(field: str, before: str, after: str, instruction: str = "") -> str:
    """A person's salutation ("Dear Ms. Lewis:") where the document types the greeting around the field itself —
    "Dear " before it (or a \\b "Dear " switch), a colon or comma after it (or a \\f ":" switch) — is whom it
    greets (salutation_name), so the letter does not read "Dear Dear Ms. Lewis::"; any other field as it is."""
    head, dot, rest = field.rpartition(".")
    if not dot or rest != "salutation":
        return field
    switch = re.search(r"\\b\s+[\"“”]\s*dear\b|\\f\s+[\"“”]\s*[:,]", instruction, re.I)
    if switch or re.search(r"\bdear\s*$", before, re.I) or re.match(r"\s*[:,]", after):
        return f"{head}.salutation_name"
    return field


def jinja(field: str, instruction: str) -> str:
    """`{{ field }}` for a merge field's instruction, with its case switch (\\* Upper) and its text before and
    after (\\b "Dear " \\f ","), printed only when the value is not blank, as Word does; "" for a dropped field."""
    if not field:
        return ""
    case = re.search(r"\\\*\s*(Upper|Lower|Caps|FirstCap)\b", instruction, re.I)
    value = f"{{{{ {field}|{_CASES[case.group(1).lower()]} }}}}" if case else f"{{{{ {field} }}}}"
    before = re.search(r"\\b\s+[\"“”]([^\"“”]*)[\"“”]", instruction)
    after = re.search(r"\\f\s+[\"“”]([^\"“”]*)[\"“”]", instruction)
    if not before and not after:
        return value
    text = (before.group(1) if before else "") + value + (after.group(1) if after else "")
    return f"{{% if {field} %}}{text}{{% endif %}}"


def _run(field: Field, text: str) -> etree._Element | None:
    if not text:
        return None
    run = copy.deepcopy(field.format_run)
    for child in list(run):
        if child.tag != f"{W}rPr":
            run.remove(child)
    node = etree.SubElement(run, f"{W}t")
    node.text = text
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run

