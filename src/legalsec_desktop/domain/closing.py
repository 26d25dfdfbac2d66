"""Closing a matter: the checklist's answers, when a closing may go ahead, and the closed-file number."""

from __future__ import annotations

import re
from dataclasses import dataclass

from legalsec_desktop.domain.errors import ValidationError

# What the program can verify itself; a checklist item names one of these in its `check`, or '' for none.
CHECKS = {"deadlines": "No deadlines left open", "unbilled": "No unbilled time", "todos": "No open to-dos",
          "files_in": "Every file checked back in"}
CLOSED_NUMBER_PREFIX = "C"
CLOSED_NUMBER_DIGITS = 4
ITEM_TEXT_LIMIT = 300
REASON_LIMIT = 2000
RULE_NAME_LIMIT = 100
_CLOSED_NUMBER = re.compile(r"^C-(\d{4})-(\d+)$")


def closed_number(year: int, sequence: int) -> str:
    """The closed-file number of the `sequence`-th matter closed in `year`: 'C-2026-0001'."""
    return f"{CLOSED_NUMBER_PREFIX}-{year:04d}-{sequence:0{CLOSED_NUMBER_DIGITS}d}"


def closed_sequence(number: str, year: int) -> int | None:
    """The sequence of a closed-file number of `year` ('C-2026-0012' → 12), None for another year or form."""
    found = _CLOSED_NUMBER.match(number)
    if found is None or int(found.group(1)) != year:
        return None
    return int(found.group(2))


def rule_term(years: int | None) -> str:
    """How long a rule keeps files, in words: '7 years', '1 year', 'permanent'."""
    if years is None:
        return "permanent"
    return "1 year" if years == 1 else f"{years} years"


@dataclass(frozen=True)
class ItemReview:
    """One checklist item as evaluated for a matter: `satisfied` is None for an item the person ticks."""

    id: int
    text: str
    check: str  # a key of CHECKS, or ''
    satisfied: bool | None
    detail: str = ""  # what the program found ("2 deadlines open: …"); '' for a manual item

    @property
    def automatic(self) -> bool:
        return self.satisfied is not None


@dataclass(frozen=True)
class ItemAnswer:
    """An item as the closing records it: done (verified or ticked), or overridden (closed without it)."""

    id: int
    text: str
    check: str
    done: bool
    overridden: bool
    detail: str = ""

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "text": self.text, "check": self.check, "done": self.done,
                "overridden": self.overridden, "detail": self.detail}


def answer_items(reviews: list[ItemReview], ticked: dict[int, bool]) -> list[ItemAnswer]:
    """Each item done or overridden: an automatic item is done when the program found it satisfied (ticking one
    that is not satisfied does not make it so: it stays overridden), a manual item when the person ticked it."""
    answers = []
    for review in reviews:
        done = bool(review.satisfied) if review.automatic else bool(ticked.get(review.id, False))
        answers.append(ItemAnswer(review.id, review.text, review.check, done, not done, review.detail))
    return answers


def check_override(answers: list[ItemAnswer], reason: str) -> str:
    """The override reason cleaned; refuses a closing with items not done and no reason, naming them."""
    reason = reason.strip()
    missing = [a.text for a in answers if not a.done]
    if missing and not reason:
        listed = "; ".join(missing[:4]) + ("; …" if len(missing) > 4 else "")
        raise ValidationError("override_reason", f"Not done: {listed}. Finish them, or say why the matter closes "
                                                 "anyway (the reason is kept with the closing).")
    if len(reason) > REASON_LIMIT:
        raise ValidationError("override_reason", f"The reason is longer than {REASON_LIMIT} characters.")
    return reason if missing else ""


def check_item_text(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise ValidationError("text", "Say what has to be done before a matter closes.")
    if len(text) > ITEM_TEXT_LIMIT:
        raise ValidationError("text", f"An item is at most {ITEM_TEXT_LIMIT} characters.")
    return text


def check_rule(name: str, years: int | None) -> str:
    """A retention rule's name cleaned; refuses an empty name or years outside 0–200."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError("name", "Name the retention rule, like \"Standard\" or \"Estate planning\".")
    if len(name) > RULE_NAME_LIMIT:
        raise ValidationError("name", f"A rule's name is at most {RULE_NAME_LIMIT} characters.")
    if years is not None and not 0 <= years <= 200:
        raise ValidationError("years", "Keep files from 0 to 200 years, or permanently.")
    return name
