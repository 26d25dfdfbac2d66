"""Which matter an e-mail belongs to: a number in it, else its thread, else its sender, and why (pure rules)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

MIN_NUMBER_CHARS = 4
"""A number with fewer letters and digits than this (a case number '12') is too short to recognise in text."""

MAX_BODY_CHARS = 20_000
"""How much of a body is looked through for a number (the quoted history below names older matters)."""

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015_"  # hyphen-minus, the Unicode hyphens and dashes, underscore
_DASH_CLASS = "".join(re.escape(char) for char in _DASHES)
_GAP = f"[ \\t\\u00a0{_DASH_CLASS}]{{0,3}}"  # what may stand between two parts of a number: spaces and dashes
_PIECES = re.compile(rf"[0-9]+|[^\W\d_]+|[^\s{_DASH_CLASS}\w]")


@dataclass(frozen=True)
class MatterRef:
    """A matter an e-mail may be filed to: its number, its court case number ('' when none), whether open."""

    matter_id: int
    number: str
    case_number: str = ""
    is_open: bool = True


@dataclass(frozen=True)
class FiledMail:
    """An e-mail filed earlier: where to, its Message-ID, its sender's folded address, its subject, when filed."""

    document_id: int
    matter_id: int
    message_id: str
    sender_address: str
    title: str
    filed_at: datetime  # the instant (orders the filings)
    filed_on: date  # the same, as a local date (shown)


@dataclass(frozen=True)
class MailClues:
    """What of an e-mail points to its matter: subject, body, the ids of its thread (In-Reply-To first, then the
    References nearest first) and its sender's folded address."""

    subject: str
    body: str
    thread_ids: tuple[str, ...] = ()
    sender_address: str = ""


@dataclass(frozen=True)
class MatterSuggestion:
    """The matter suggested, which rule found it ('number', 'thread', 'sender') and why, in words."""

    matter_id: int
    rule: str
    reason: str


def fold_address(address: str) -> str:
    """An e-mail address as it is stored and compared: no angle brackets or spaces, case folded."""
    return address.strip().strip("<>").strip().casefold()


def thread_ids(in_reply_to: str, references: Sequence[str]) -> tuple[str, ...]:
    """The Message-IDs an e-mail answers, nearest first: its In-Reply-To, then its References from the last."""
    ordered = [in_reply_to, *reversed(references)]
    seen: list[str] = []
    for message_id in (item.strip() for item in ordered):
        if message_id and message_id not in seen:
            seen.append(message_id)
    return tuple(seen)


@functools.lru_cache(maxsize=8192)
def number_pattern(number: str, lenient_zeros: bool = False) -> re.Pattern[str] | None:
    """A pattern finding `number` in lower-cased text, whatever the case, spaces and dashes between its parts
    ('2026-0009' finds '2026 0009' and '20260009'); with `lenient_zeros` (court case numbers), the leading zeros
    of its later numeric parts may be left out ('1:26-cv-9876'). None for a number too short to look for."""
    pieces = _PIECES.findall(number.strip().lower())
    if sum(len(piece) for piece in pieces if piece.isalnum()) < MIN_NUMBER_CHARS:
        return None
    parts: list[str] = []
    previous = ""
    for index, piece in enumerate(pieces):
        if not piece.isalnum():
            parts.append(rf"\s*{re.escape(piece)}\s*")
        else:
            if previous.isalnum():
                parts.append(_GAP)
            if lenient_zeros and index > 0 and piece.isdigit():
                parts.append("0*" + re.escape(piece.lstrip("0") or "0"))
            else:
                parts.append(re.escape(piece))
        previous = piece
    return re.compile("".join(parts))


def _whole_token(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands alone: no letter or digit glued on, nor a digit joined by a dash
    ('2026-00091' and '12026-0009' are other numbers; '1:26-cv-09876-JMF' carries a judge's initials)."""
    if start > 0:
        before = text[start - 1]
        if before.isalnum() or (before in _DASHES and start > 1 and text[start - 2].isdigit()):
            return False
    if end < len(text):
        after = text[end]
        if after.isalnum() or (after in _DASHES and end + 1 < len(text) and text[end + 1].isdigit()):
            return False
    return True


@dataclass(frozen=True)
class _Found:
    at: int
    matter: MatterRef
    what: str  # 'matter number' or 'case number'
    number: str


def numbers_in(text: str, matters: Sequence[MatterRef]) -> list[_Found]:
    """Each matter whose number or case number appears in `text` as a whole token, in the order they appear."""
    lowered = text.lower()
    found: list[_Found] = []
    for matter in matters:
        for what, number, lenient in (("matter number", matter.number, False),
                                      ("case number", matter.case_number, True)):
            pattern = number_pattern(number, lenient) if number else None
            if pattern is None:
                continue
            for match in pattern.finditer(lowered):
                if _whole_token(lowered, match.start(), match.end()):
                    found.append(_Found(match.start(), matter, what, number.strip()))
                    break
    # the first to appear; at one place, a matter number before a case number, then the newest matter
    found.sort(key=lambda item: (item.at, item.what != "matter number", -item.matter.matter_id))
    return found


def _by_number(clues: MailClues, matters: Sequence[MatterRef]) -> MatterSuggestion | None:
    for where, text in (("subject", clues.subject), ("body", clues.body[:MAX_BODY_CHARS])):
        found = numbers_in(text, matters)
        if found:
            first = found[0]
            return MatterSuggestion(first.matter.matter_id, "number", f"{first.what} {first.number} in the {where}")
    return None


def _by_thread(clues: MailClues, matters: Sequence[MatterRef], filed: Sequence[FiledMail]) -> MatterSuggestion | None:
    allowed = {matter.matter_id for matter in matters}
    for message_id in clues.thread_ids:
        earlier = [mail for mail in filed if mail.message_id == message_id and mail.matter_id in allowed]
        if earlier:
            latest = max(earlier, key=lambda mail: (mail.filed_at, mail.document_id))
            title = latest.title or "(no subject)"
            return MatterSuggestion(latest.matter_id, "thread",
                                    f"same thread as '{title}' filed {short_date(latest.filed_on)}")
    return None


def _by_sender(clues: MailClues, matters: Sequence[MatterRef], filed: Sequence[FiledMail]) -> MatterSuggestion | None:
    address = fold_address(clues.sender_address)
    if not address:
        return None
    allowed = {matter.matter_id for matter in matters}
    counts: dict[int, tuple[int, datetime, int]] = {}
    for mail in filed:
        if mail.sender_address != address or mail.matter_id not in allowed:
            continue
        count, latest, latest_id = counts.get(mail.matter_id, (0, mail.filed_at, mail.document_id))
        if (mail.filed_at, mail.document_id) > (latest, latest_id):
            latest, latest_id = mail.filed_at, mail.document_id
        counts[mail.matter_id] = (count + 1, latest, latest_id)
    if not counts:
        return None
    matter_id, (count, _latest, _id) = max(counts.items(), key=lambda item: item[1])
    what = "an earlier e-mail" if count == 1 else f"{count} earlier e-mails"
    return MatterSuggestion(matter_id, "sender", f"{what} from {clues.sender_address.strip()}")


def suggest_matter(clues: MailClues, matters: Sequence[MatterRef],
                   filed: Sequence[FiledMail]) -> MatterSuggestion | None:
    """The matter for an e-mail: (a) a matter or case number in its subject, then its body; (b) its thread: an
    e-mail it answers already filed; (c) its sender: the matter most of their earlier e-mails were filed to, the
    most recent breaking a tie. Closed matters are suggested only when no open (or pending) one matches at all.
    `filed` holds the earlier filings that may matter (those of the thread and of the sender)."""
    for pool in ([m for m in matters if m.is_open], [m for m in matters if not m.is_open]):
        if not pool:
            continue
        found = _by_number(clues, pool) or _by_thread(clues, pool, filed) or _by_sender(clues, pool, filed)
        if found is not None:
            return found
    return None


def short_date(value: date) -> str:
    """'11/02/2026'."""
    return f"{value.month:02d}/{value.day:02d}/{value.year:04d}"
