"""The third-party .ics corpus: what the importer makes of each file, and what recurring-ical-events expands from it.

Each occurrence is a key (title, "YYYY-MM-DD" for an all-day day, or the UTC instant "YYYY-MM-DDTHH:MM"), over a
window fixed per file: the earliest start in the file and the two years after it. Cancelled occurrences are left
out on both sides (the importer keeps a cancelled event as "vacated", recurring-ical-events as STATUS:CANCELLED).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta, timezone
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.events import EventDraft, occurrences
from legalsec_desktop.formats.ics import IcsReading, read_ics

CORPUS = Path(__file__).parents[2] / "data" / "ics"
EXPECTED = CORPUS / "expected.json"
DEFAULT_TZ = "America/New_York"  # floating times are read in this zone on both sides
WINDOW_DAYS = 730


def window(path: Path) -> tuple[date, date]:
    """The earliest DTSTART date of an event in the file, and two years after it."""
    days, in_event = [], False
    text = re.sub(r"\r?\n[ \t]", "", path.read_text(encoding="utf-8-sig", errors="replace"))  # unfolded
    for line in text.splitlines():
        in_event = (in_event or line.strip().upper() == "BEGIN:VEVENT") and line.strip().upper() != "END:VEVENT"
        if in_event and line.upper().startswith("DTSTART"):
            value = line.rpartition(":")[2].strip()
            try:
                days.append(date(int(value[:4]), int(value[4:6]), int(value[6:8])))
            except ValueError:
                continue
    first = min(days) if days else date(2000, 1, 1)
    return first, first + timedelta(days=WINDOW_DAYS)


def _instant(when: datetime, tz: str) -> str:
    aware = when if when.tzinfo else when.replace(tzinfo=ZoneInfo(tz))
    return aware.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M")


def imported_keys(reading: IcsReading, first: date, last: date) -> list[str]:
    """The occurrences the imported drafts show in [first, last)."""
    keys = []
    for item in reading.events:
        draft: EventDraft = item.draft
        if draft.status == "vacated":
            continue
        at = time() if draft.all_day or draft.start is None else draft.start
        begin = datetime.combine(draft.on_date, at)
        if draft.rrule:
            days = occurrences(draft.rrule, begin, datetime.combine(first, time()), datetime.combine(last, time()),
                               draft.exdates)
        else:
            days = [begin] if first <= draft.on_date < last else []
        for when in days:
            keys.append(json.dumps([draft.title, when.date().isoformat() if draft.all_day
                                    else _instant(when, draft.tz or DEFAULT_TZ)], ensure_ascii=False))
    return sorted(keys)


def library_keys(path: Path, first: date, last: date) -> list[str]:
    """The occurrences recurring-ical-events expands from the file in [first, last) (needs that package)."""
    import recurring_ical_events
    from icalendar import Calendar

    keys = []
    for calendar in Calendar.from_ical(path.read_bytes(), multiple=True):
        for event in recurring_ical_events.of(calendar).between(first, last):
            if str(event.get("status") or "").upper() == "CANCELLED":
                continue
            title = str(event.get("summary") or "").strip()[:300] or "(untitled)"
            start = event["dtstart"].dt
            if isinstance(start, datetime):
                if first <= start.date() < last:
                    keys.append(json.dumps([title, _instant(start, DEFAULT_TZ)], ensure_ascii=False))
                continue
            end = event["dtend"].dt if event.get("dtend") is not None else start + timedelta(days=1)
            day = start
            while day < max(end, start + timedelta(days=1)):
                if first <= day < last:
                    keys.append(json.dumps([title, day.isoformat()], ensure_ascii=False))
                day += timedelta(days=1)
    return sorted(keys)


@cache
def verdict(path: Path, expected: tuple[str, ...] | None) -> tuple[str, str]:
    """(correct | refused | wrong | crash, detail) for one file (worked out once per run)."""
    first, last = window(path)
    try:
        reading = read_ics(path, DEFAULT_TZ)
    except UserFixableError as exc:
        return "refused", exc.message
    except Exception as exc:  # noqa: BLE001 - the point of the test: count crashes, do not stop at the first
        return "crash", f"{type(exc).__name__}: {exc}"
    got = imported_keys(reading, first, last)
    reasons = "; ".join(s.text() for s in reading.skipped)
    skipped_titles = {s.title for s in reading.skipped}
    if expected is not None and got != list(expected):
        missing, extra = sorted(set(expected) - set(got)), sorted(set(got) - set(expected))
        if not extra and all(json.loads(key)[0][:60] in skipped_titles for key in missing):
            return "refused", reasons  # what is missing is what was skipped, with its reason
        return "wrong", f"missing {missing[:3]} extra {extra[:3]} {reasons}".strip()
    if reading.skipped and (expected is None or not got):  # skipped and nothing shown in its place
        return "refused", reasons
    return "correct", f"{len(got)} occurrences"
