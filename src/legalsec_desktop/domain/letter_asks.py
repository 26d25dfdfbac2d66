"""Asked-for values: what a template asks the user when a letter is drafted (a date, an amount, a choice …).

A template declares each in a Jinja comment, which the letter never shows:

    {# ask hearing_date: date "Date of the hearing" #}
    {# ask fee: amount "Flat fee" #}
    {# ask method: choice "Sent by" = Certified Mail | First-Class Mail | E-mail #}

and uses it as `{{ ask.hearing_date }}`. A value used but not declared is asked for as text, labelled by its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil import parser as date_parser

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.letters import long_date
from legalsec_desktop.domain.money import format_money, parse_money

ASK_KINDS = ("text", "date", "amount", "number", "choice")
_DECLARATION = re.compile(r"\{#\s*ask\s+(?P<body>.*?)#\}", re.DOTALL | re.IGNORECASE)
_BODY = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<kind>[A-Za-z]+)\s*"
                   r"(?:[\"“”](?P<label>[^\"“”]*)[\"“”])?\s*(?:=\s*(?P<choices>.*))?\s*$", re.DOTALL)


@dataclass(frozen=True)
class Ask:
    """One asked-for value: its name (`ask.<name>`), kind, the question's label, and for a choice its options."""

    name: str
    kind: str = "text"
    label: str = ""
    choices: tuple[str, ...] = ()

    @property
    def question(self) -> str:
        return self.label or self.name.replace("_", " ").capitalize()


def parse_asks(text: str) -> tuple[list[Ask], list[str]]:
    """The declarations in a template's text, in order (each name once), and what is wrong with any that are not."""
    asks: dict[str, Ask] = {}
    problems: list[str] = []
    for match in _DECLARATION.finditer(text):
        body = " ".join(match.group("body").split())
        found = _BODY.match(body)
        if found is None:
            problems.append(f"“{{# ask {body} #}}” is not a question: write {{# ask name: date \"Label\" #}}.")
            continue
        kind = found.group("kind").lower()
        if kind not in ASK_KINDS:
            problems.append(f"“{found.group('name')}” asks for a “{kind}”: the kinds are {', '.join(ASK_KINDS)}.")
            continue
        choices = tuple(c.strip() for c in (found.group("choices") or "").split("|") if c.strip())
        if kind == "choice" and not choices:
            problems.append(f"“{found.group('name')}” is a choice with no options: add = First | Second.")
            continue
        asks.setdefault(found.group("name"), Ask(found.group("name"), kind, (found.group("label") or "").strip(),
                                                 choices))
    return list(asks.values()), problems


def with_undeclared(asks: list[Ask], used: list[str]) -> list[Ask]:
    """`asks` and, after them, a text question for each `ask.<name>` in `used` that no declaration names."""
    named = {ask.name for ask in asks}
    extra = [Ask(name) for name in dict.fromkeys(f.partition(".")[2] for f in used if f.startswith("ask."))
             if name and name not in named]
    return asks + extra


def letter_value(ask: Ask, typed: str) -> str:
    """The typed answer as the letter prints it: a date in long form, an amount as $1,500.00; ValidationError
    (its field the ask's name) when it is blank or not a value of its kind."""
    typed = " ".join(typed.split())
    if not typed:
        raise ValidationError(ask.name, f"Answer “{ask.question}”.")
    if ask.kind == "date":
        return long_date(parse_date(ask, typed))
    if ask.kind == "amount":
        try:
            return format_money(parse_money(typed))
        except (ValueError, ValidationError):
            raise ValidationError(ask.name, f"“{typed}” is not an amount (for example 1,500.00).") from None
    if ask.kind == "number":
        if not re.fullmatch(r"-?[\d,]+(\.\d+)?", typed):
            raise ValidationError(ask.name, f"“{typed}” is not a number.")
        return typed
    if ask.kind == "choice" and typed not in ask.choices:
        raise ValidationError(ask.name, f"Choose one of {options(ask)}.")
    return typed


def options(ask: Ask) -> str:
    """A choice's options as a sentence names them: “Certified Mail, Return Receipt Requested”, “E-mail” (each
    quoted: an option may hold commas)."""
    return ", ".join(f"“{choice}”" for choice in ask.choices)


def parse_date(ask: Ask, typed: str) -> date:
    """A typed date (12/3/2026, 2026-12-03, Dec 3 2026), month first as in the US."""
    try:
        parsed: date = date_parser.parse(typed, dayfirst=False, yearfirst=False, fuzzy=False).date()
    except (ValueError, OverflowError):
        raise ValidationError(ask.name, f"“{typed}” is not a date (for example 12/3/2026).") from None
    return parsed
