"""Given names that can be the same person's: Bill and William, Peggy and Margaret, Liz and Elizabeth.

The list is a maintained one (resources/nicknames, with its source and licence), read once and kept as a
map from each name to the names it can stand for, both ways and one step only (Bill -> William, not on to
every nickname of William).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from functools import cache
from importlib.resources import files


@cache
def equivalents() -> dict[str, frozenset[str]]:
    """Every given name of the list -> the names it can stand for (lower case)."""
    text = (files("legalsec_desktop.resources") / "nicknames" / "names.csv").read_text("utf-8")
    found: dict[str, set[str]] = {}
    for row in csv.reader(io.StringIO(text)):
        if len(row) != 3 or row[1] != "has_nickname":
            continue  # the header
        first, second = row[0].strip().casefold(), row[2].strip().casefold()
        if first and second and first != second:
            found.setdefault(first, set()).add(second)
            found.setdefault(second, set()).add(first)
    return {name: frozenset(others) for name, others in found.items()}


def same_given_name(first: str, second: str) -> bool:
    """'Bill' and 'William' (either way round, any case)."""
    first, second = first.casefold(), second.casefold()
    return first == second or second in equivalents().get(first, frozenset())


def name_variants(key: str) -> Iterator[tuple[str, str]]:
    """A folded name ("bill smith") with one given name swapped for each name it can stand for, and the name
    swapped in: ("william smith", "william"), ("billy smith", "billy") ... The last word is the surname and is
    kept; a single word has none."""
    words = key.split()
    if len(words) < 2:
        return
    table = equivalents()
    for i, word in enumerate(words[:-1]):
        for other in sorted(table.get(word, ())):
            yield " ".join(words[:i] + [other] + words[i + 1:]), other
