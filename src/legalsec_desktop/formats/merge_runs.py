"""The fields of a Word part's XML as Word writes them — a w:fldSimple, or a field code spread over runs (fldChar
begin, instrText, separate, the result's runs, end), fields inside fields — and «Field» text typed in a paragraph,
found and replaced across the runs Word splits text into."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_MERGE = re.compile(r"\s*MERGEFIELD\s+(?:\"([^\"]*)\"|“([^”]*)”|([^\s\\\"“”]+))", re.I)
WORD_MERGE = re.compile(r"(IF|NEXT|NEXTIF|SKIPIF|ASK|FILLIN|MERGEREC|MERGESEQ|DATABASE)\b", re.I)
"""The start of a field's instruction Word uses only in a mail merge, which we cannot fill in."""
_SEPARATORS = re.compile(r"[\s,.;:/\-–—]*")
_PLAIN = re.compile(r"«([^«»\n]{1,100})»")


@dataclass(eq=False)
class Field:
    """One field: its instruction (MERGEFIELD Name \\* MERGEFORMAT), its runs, and whether it is inside another."""

    anchor: etree._Element  # the w:fldSimple, or the run holding fldChar begin
    simple: bool
    nested: bool = False
    instruction: str = ""
    runs: list[etree._Element] = field(default_factory=list)
    result: list[etree._Element] = field(default_factory=list)
    separated: bool = False
    ended: bool = False

    @property
    def format_run(self) -> etree._Element:
        """The run whose look the field's replacement takes: the first of its result, else its first."""
        runs = self.result or self.runs
        return runs[0] if runs else etree.Element(f"{W}r")

    @property
    def replaceable(self) -> bool:
        """Whether the field can be replaced whole: its runs side by side in one paragraph."""
        return self.simple or all(run.getparent() is self.anchor.getparent() for run in self.runs)

    def replace(self, run: etree._Element | None) -> None:
        """Put `run` (or nothing) where the field was."""
        parent = self.anchor.getparent()
        if run is not None:
            self.anchor.addprevious(run)
        if self.simple:
            parent.remove(self.anchor)
            return
        for old in self.runs:
            parent.remove(old)


def text_around(item: Field) -> tuple[str, str]:
    """The text of the field's paragraph before it and after it (the field's own result left out)."""
    paragraph = next(item.anchor.iterancestors(f"{W}p"), None)
    if paragraph is None:
        return "", ""
    order = {element: at for at, element in enumerate(paragraph.iter())}
    own = set(item.anchor.iter()) if item.simple else {node for run in item.runs for node in run.iter()}
    first = order[item.anchor]
    last = max((order[node] for node in own if node in order), default=first)
    before = "".join(node.text or "" for node in paragraph.iter(f"{W}t") if order[node] < first)
    after = "".join(node.text or "" for node in paragraph.iter(f"{W}t") if order[node] > last)
    return before, after


def merge_name(instruction: str) -> str | None:
    """The merge name of a field's instruction ('MERGEFIELD "First Name" \\* MERGEFORMAT' → 'First Name';
    ADDRESSBLOCK → 'AddressBlock', GREETINGLINE → 'GreetingLine'), None for any other field."""
    found = _MERGE.match(instruction)
    if found:
        name = next(group for group in found.groups() if group is not None).strip()
        return name or None
    word = instruction.split()[0].upper() if instruction.split() else ""
    return {"ADDRESSBLOCK": "AddressBlock", "GREETINGLINE": "GreetingLine"}.get(word)


def fields_of(root: etree._Element) -> list[Field]:
    """Every whole field of a part, in the order they begin (a field with no end is not a field)."""
    found: list[Field] = []
    open_fields: list[Field] = []
    for element in root.iter(f"{W}r", f"{W}fldSimple"):
        if element.tag == f"{W}fldSimple":
            simple = Field(element, True, nested=bool(open_fields), instruction=element.get(f"{W}instr", ""),
                           ended=True)
            simple.runs = list(element.iter(f"{W}r"))
            simple.result = simple.runs
            found.append(simple)
            continue
        for child in element:
            if child.tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                if kind == "begin":
                    opened = Field(element, False, nested=bool(open_fields))
                    found.append(opened)
                    open_fields.append(opened)
                elif kind == "separate" and open_fields:
                    open_fields[-1].separated = True
                elif kind == "end" and open_fields:
                    for each in open_fields:
                        _add(each.runs, element)
                    open_fields.pop().ended = True
            elif child.tag == f"{W}instrText" and open_fields and not open_fields[-1].separated:
                open_fields[-1].instruction += child.text or ""
        for each in open_fields:
            _add(each.runs, element)
        coded = any(child.tag in (f"{W}fldChar", f"{W}instrText") for child in element)
        if open_fields and open_fields[-1].separated and not coded:
            _add(open_fields[-1].result, element)
    return [each for each in found if each.ended]


def _add(runs: list[etree._Element], run: etree._Element) -> None:
    if not runs or runs[-1] is not run:
        runs.append(run)


def _field_runs(root: etree._Element) -> set[etree._Element]:
    return {run for each in fields_of(root) for run in each.runs}  # the elements: lxml's ids are not stable


def _paragraph_texts(root: etree._Element) -> list[list[etree._Element]]:
    """The w:t of each paragraph's own runs outside any field, paragraph by paragraph."""
    in_fields = _field_runs(root)
    paragraphs: list[list[etree._Element]] = []
    for paragraph in root.iter(f"{W}p"):
        texts = [text for run in paragraph.iter(f"{W}r")
                 if run not in in_fields and next(run.iterancestors(f"{W}p"), None) is paragraph
                 for text in run.iter(f"{W}t")]
        paragraphs.append(texts)
    return paragraphs


def plain_names(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """Each «Name» typed as text (not a field's result), with the run it starts in."""
    found: list[tuple[etree._Element, str]] = []
    for texts in _paragraph_texts(root):
        joined, owners = "", []
        for text in texts:
            joined += text.text or ""
            owners += [text] * len(text.text or "")
        found += [(owners[match.start()].getparent(), match.group(1).strip()) for match in _PLAIN.finditer(joined)]
    return found


def replace_plain(root: etree._Element, mapping: Mapping[str, str], render: Callable[[str, str, str], str],
                  emptied: list[etree._Element] | None = None) -> list[str]:
    """Each «Name» typed as text replaced by `render(mapping[name], text before, text after)` (the paragraph's text
    either side of it), across the runs it is split over; the names
    the mapping does not hold are left and returned, in words. A paragraph where a name was dropped (rendered as
    "") is added to `emptied`."""
    left: list[str] = []
    for texts in _paragraph_texts(root):
        joined = "".join(text.text or "" for text in texts)
        here: list[str] = []
        for match in reversed(list(_PLAIN.finditer(joined))):
            name = match.group(1).strip()
            if name not in mapping:
                here.append(f"the «{name}» text, which is not mapped")
                continue
            replacement = render(mapping[name], joined[: match.start()], joined[match.end():])
            _splice(texts, match.start(), match.end(), replacement)
            if not replacement and emptied is not None:
                emptied += list(texts[0].iterancestors(f"{W}p"))[:1]
        left += here[::-1]
    return left


def _splice(texts: list[etree._Element], start: int, end: int, replacement: str) -> None:
    """Replace characters start..end of the paragraph's joined text, keeping each run's look: the replacement goes
    into the run where the match starts."""
    offset = 0
    for text in texts:
        value = text.text or ""
        low, high = max(start - offset, 0), min(end - offset, len(value))
        if low < high:
            starts_here = offset <= start < offset + len(value)
            text.text = value[:low] + (replacement if starts_here else "") + value[high:]
            text.set(_SPACE, "preserve")
        offset += len(value)


def drop_blank_paragraphs(paragraphs: list[etree._Element]) -> None:
    """Remove each of `paragraphs` that dropping fields left blank or with only the commas and spaces between them
    (an address's “City, State ZIP” line), unless it holds something else (a picture, a tab, a break) or is the last
    of its table cell."""
    for paragraph in paragraphs:
        parent = paragraph.getparent()
        if parent is None or not _SEPARATORS.fullmatch("".join(paragraph.itertext())):
            continue
        if any(element.tag in _CONTENT for element in paragraph.iter()):
            continue
        if parent.tag == f"{W}tc" and len(parent.findall(f"{W}p")) == 1:
            continue
        parent.remove(paragraph)


_CONTENT = {f"{W}{tag}" for tag in ("drawing", "pict", "object", "tab", "br", "fldChar", "fldSimple", "sym",
                                    "footnoteReference", "endnoteReference", "sectPr")}
