"""The small markup the starter letters are written in (resources/letter_templates/README.md): a few `key: value`
lines, `---`, then paragraphs, headings, bullets, line blocks, table rows and page breaks, read into blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KEYS = ("name", "file", "purpose", "description", "layout", "ask", "closing", "via", "re", "salutation")
LAYOUTS = ("letter", "sheet")
DEFAULT_RE = ("{{ matter.title }}", "[if matter.case_number] Case No. {{ matter.case_number }}",
              "Our File No. {{ matter.number }}")
_CONDITION = re.compile(r"\[if (?P<test>[^\]]+)\]\s*(?P<text>.*)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


class MarkupError(ValueError):
    """A starter text that does not follow the markup (a mistake in the program's own resources)."""


@dataclass(frozen=True)
class Block:
    """One piece of the body: kind is para, heading, subheading, lines (a paragraph keeping its line breaks), bullet,
    row (a two-column table row: `text` the label, `value` the value), notice (a boxed paragraph), note (a line of the
    notations after the signature: Enclosure, cc; no space after), tag (a `{%p … %}`
    line), page or signature."""

    kind: str
    text: str = ""
    value: str = ""


@dataclass(frozen=True)
class LetterSource:
    """A starter letter as written: what the front matter says, and the body's blocks in order."""

    name: str
    file_name: str
    purpose: str = ""
    description: str = ""
    layout: str = "letter"
    asks: tuple[str, ...] = ()
    closing: str = "Very truly yours,"
    via: str = ""
    re_lines: tuple[str, ...] = DEFAULT_RE
    salutation: str = "{{ recipient.salutation }}"
    body: tuple[Block, ...] = field(default_factory=tuple)

    def ask_comments(self) -> str:
        """The asked-for values as the Jinja comments a template declares them in (the letter never shows them)."""
        return "".join(f"{{# ask {ask} #}}" for ask in self.asks)


def re_line(line: str) -> tuple[str, str]:
    """A line of the Re: block as (condition, text): `[if matter.case_number] Case No. …` is printed only when the
    condition holds; a line without one, always (condition "")."""
    found = _CONDITION.fullmatch(line.strip())
    return (found.group("test").strip(), found.group("text").strip()) if found else ("", line.strip())


def bold_parts(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, bold) at its **bold** marks, empty pieces dropped."""
    pieces = _BOLD.split(text)
    return [(piece, index % 2 == 1) for index, piece in enumerate(pieces) if piece]


def parse_letter(text: str, source: str = "letter") -> LetterSource:
    """The letter written in `text`; MarkupError naming `source` and the line when it does not follow the markup."""
    head, separator, body = text.partition("\n---\n")
    if not separator:
        raise MarkupError(f"{source}: no '---' line between the front matter and the body.")
    values: dict[str, list[str]] = {}
    for number, line in enumerate(head.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or key not in KEYS:
            raise MarkupError(f"{source}, line {number}: “{line.strip()}” is not one of {', '.join(KEYS)}.")
        values.setdefault(key, []).append(value.strip())
    one = {key: items[-1] for key, items in values.items()}
    if not one.get("name") or not one.get("file", "").endswith(".docx"):
        raise MarkupError(f"{source}: the front matter needs a name and a file ending in .docx.")
    layout = one.get("layout", "letter")
    if layout not in LAYOUTS:
        raise MarkupError(f"{source}: layout is {' or '.join(LAYOUTS)}, not “{layout}”.")
    return LetterSource(
        name=one["name"], file_name=one["file"], purpose=one.get("purpose", ""),
        description=one.get("description", ""), layout=layout, asks=tuple(values.get("ask", ())),
        closing=one.get("closing", "Very truly yours,"), via=one.get("via", ""),
        re_lines=tuple(values["re"]) if "re" in values else DEFAULT_RE,
        salutation=one.get("salutation", "{{ recipient.salutation }}"),
        body=tuple(parse_body(body, source, head.count("\n") + 2)))


def parse_body(text: str, source: str = "letter", first_line: int = 1) -> list[Block]:
    """The blocks of a body: paragraphs are separated by blank lines and their lines joined with spaces."""
    blocks: list[Block] = []
    pending: list[str] = []
    lines: list[str] = []

    def close() -> None:
        if pending and pending[0].startswith("> "):
            blocks.append(Block("notice", " ".join(part.removeprefix("> ").strip() for part in pending)))
            pending.clear()
        if pending:
            blocks.append(Block("para", " ".join(part.strip() for part in pending)))
            pending.clear()
        if lines:
            blocks.append(Block("lines", "\n".join(lines)))
            lines.clear()

    for number, raw in enumerate(text.splitlines(), start=first_line):
        line = raw.rstrip()
        stripped = line.strip()
        if line.startswith("|"):
            if pending:
                close()
            lines.append(line[1:].strip())
            continue
        marked = _marked(stripped, source, number)
        if stripped and marked is None:
            if lines:
                close()
            pending.append(stripped)  # a paragraph goes on over its lines until a blank or a marked line
            continue
        close()
        if marked is not None:
            blocks.append(marked)
    close()
    return blocks


def _marked(line: str, source: str, number: int) -> Block | None:
    """The block a marked line is (a heading, bullet, table row, `{%p` tag, page break, signature), else None."""
    if line.startswith("# "):
        return Block("heading", line[2:].strip())
    if line.startswith("## "):
        return Block("subheading", line[3:].strip())
    if line.startswith("- "):
        return Block("bullet", line[2:].strip())
    if line.startswith("~ ") or line == "~":
        return Block("note", line[1:].strip())
    if " :: " in line:
        label, _, value = line.partition(" :: ")
        return Block("row", label.strip(), value.strip())
    if line.startswith("{%p") and line.endswith("%}"):
        return Block("tag", line)
    if line == "[page break]":
        return Block("page")
    if line == "[signature]":
        return Block("signature")
    if line.startswith("[") and line.endswith("]") and not line.startswith("[if "):
        raise MarkupError(f"{source}, line {number}: “{line}” is not a marker ([page break], [signature]).")
    return None
