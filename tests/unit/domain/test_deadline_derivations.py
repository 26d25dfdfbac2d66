"""The derivation is written out only when read, and reads exactly as it did when every line was written at once.

tests/data/deadlines/derivations.json holds 200 computations (every rule set, unit and service method, forward
and backward, years no calendar covers, court closures, Texas holidays of unsettled status) as the calculator
derived them before the derivation became lazy: due date, steps, days skipped, warnings and notes.
"""

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from legalsec_desktop.domain import deadlines
from legalsec_desktop.domain.deadlines import Request, compute

SAMPLE = json.loads((Path(__file__).parents[2] / "data" / "deadlines" / "derivations.json").read_text("utf-8"))


def _request(case: dict) -> Request:
    fields = dict(case["request"])
    trigger = datetime.fromisoformat(fields.pop("trigger"))
    return Request(trigger=trigger if fields["unit"] == "hours" else trigger.date(), **fields)


@pytest.mark.parametrize("case", SAMPLE, ids=lambda case: f"{case['request']['rules']}-{case['request']['unit']}")
def test_each_computation_derives_as_before(case):
    result = compute(_request(case), {date.fromisoformat(k): v for k, v in case["closures"].items()})
    assert result.due.isoformat() == case["due"]
    assert (result.due_at.isoformat() if result.due_at else None) == case["due_at"]
    assert (result.later.isoformat() if result.later else None) == case["later"]
    assert result.as_dict() == case["result"]
    assert result.text() == "\n".join(case["result"]["steps"] + [f"WARNING: {w}" for w in case["result"]["warnings"]])


def test_the_sample_covers_what_a_derivation_can_say():
    assert {case["request"]["rules"] for case in SAMPLE} == {"US-FED", "US-FED:MA", "CA", "NY", "TX"}
    assert {case["request"]["unit"] for case in SAMPLE} == {"days", "court_days", "monday_after_days", "hours"}
    assert any(case["later"] for case in SAMPLE) and any(case["closures"] for case in SAMPLE)
    assert any(case["result"]["warnings"] for case in SAMPLE)


def test_no_line_is_written_until_the_derivation_is_read(monkeypatch):
    written = []
    monkeypatch.setattr(deadlines, "format_date", lambda day: written.append(day) or day.isoformat())
    result = compute(Request("US-FED", date(2007, 8, 22), 10))
    assert written == [] and result.due == date(2007, 9, 4)
    assert result.steps[-1] == "Due: 2007-09-04." and written
    assert result.steps is result.steps  # written once, kept


def test_one_reading_when_no_holiday_of_unsettled_status_is_near(monkeypatch):
    readings = []
    once = deadlines._compute_once
    monkeypatch.setattr(deadlines, "_compute_once", lambda *args, **kw: readings.append(kw) or once(*args, **kw))
    compute(Request("CA", date(2026, 3, 2), 30))
    assert len(readings) == 1
    readings.clear()
    texas = compute(Request("TX", date(2026, 1, 30), 20))  # Texas Independence Day (March 2) may close a court
    assert len(readings) == 2 and texas.due == compute(Request("TX", date(2026, 1, 30), 20)).due
