"""The starter library: the letters a new templates folder begins with, written as plain text in
resources/letter_templates (one file a letter, in the markup of formats.letter_markup) and made into Word
templates here, so a firm edits them in Word like any template of its own."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from legalsec_desktop.formats.files import write_atomically, zip_complete
from legalsec_desktop.formats.letter_layout import build_letter
from legalsec_desktop.formats.letter_markup import LetterSource, parse_letter

TEXTS = "letter_templates"  # the folder of the texts in legalsec_desktop.resources


@dataclass(frozen=True)
class Starter:
    """One starter letter: its name (as a template's), the file it is written to, the purpose the program offers
    it for ('' or engagement, declination, closing), what it is for, and the text file it is made from."""

    name: str
    file_name: str
    purpose: str
    description: str
    source: str = ""


def _texts() -> list[tuple[str, str]]:
    folder = files("legalsec_desktop.resources") / TEXTS
    return sorted((item.name, item.read_text(encoding="utf-8")) for item in folder.iterdir()
                  if item.name.endswith(".txt"))


@cache
def letter_source(source: str) -> LetterSource:
    """The starter text `source` (its file name in resources/letter_templates) read into a letter."""
    text = (files("legalsec_desktop.resources") / TEXTS / source).read_text(encoding="utf-8")
    return parse_letter(text, source)


def _starters() -> tuple[Starter, ...]:
    found = []
    for source, text in _texts():
        letter = parse_letter(text, source)
        found.append(Starter(letter.name, letter.file_name, letter.purpose, letter.description, source))
    return tuple(found)


STARTERS: tuple[Starter, ...] = _starters()
STARTER_PACKAGES: dict[str, tuple[str, ...]] = {
    "New matter package": ("Engagement letter", "Intake questionnaire cover letter", "Conflict waiver letter"),
}


def write_starter(starter: Starter, dest: Path) -> None:
    """The starter's Word template at `dest`, written whole or not at all (an earlier file survives a failure)."""
    document = build_letter(letter_source(starter.source))
    write_atomically(Path(dest), lambda temporary: document.save(str(temporary)), check=zip_complete)
