"""Every third-party .ics file of tests/data/ics imported: correct, refused with a reason, wrong, or a crash (none).

"Correct" means the occurrences the imported events show in the file's window are exactly those
recurring-ical-events expands from the original (stored in expected.json; rechecked against the library when it is
installed). The table below is what the importer does today, so a change either way shows.
"""

import json
from collections import Counter

import pytest

from ics_corpus import CORPUS, DEFAULT_TZ, EXPECTED, library_keys, verdict, window

from legalsec_desktop.formats.ics import read_ics

FILES = sorted(p.name for p in CORPUS.glob("*.ics"))
EXPECTED_KEYS: dict[str, tuple[str, ...] | None] = {
    name: None if keys is None else tuple(keys) for name, keys in json.loads(EXPECTED.read_text("utf-8")).items()}
DIFFERENT = {
    # RRULE's UNTIL is before DTSTART: the issue asks to import the one occurrence and warn (RFC 5545 counts
    # DTSTART as the first instance); recurring-ical-events shows none.
    "rie-issue_117_until_before_dtstart.ics": "wrong",
    # Exchange wrote BYDAY with spaces after the commas; recurring-ical-events cannot read it either
    "icalendar-issue_165_missing_event.ics": "refused",
    # two RRULE lines in one event (RFC 5545: SHOULD NOT): the issue asks for a clear message for that event
    "icaljs-multiple_rrules.ics": "refused",
}


def test_the_corpus_and_its_expected_occurrences_match():
    assert len(FILES) >= 15 and sorted(EXPECTED_KEYS) == FILES


@pytest.mark.parametrize("name", FILES)
def test_each_file_is_imported_as_the_library_expands_it(name):
    outcome, detail = verdict(CORPUS / name, EXPECTED_KEYS[name])
    assert outcome != "crash", detail
    assert outcome == DIFFERENT.get(name, "correct"), detail
    if outcome == "refused":
        assert "line" in detail  # a reason with the line it concerns


def test_the_counts(capsys):
    counts = Counter(verdict(CORPUS / name, EXPECTED_KEYS[name])[0] for name in FILES)
    with capsys.disabled():
        print(f"\n.ics corpus ({len(FILES)} files): " + ", ".join(f"{counts[k]} {k}" for k in
                                                            ("correct", "refused", "wrong", "crash")))
    assert counts["crash"] == 0


@pytest.mark.parametrize("name", FILES)
def test_the_stored_expansion_is_what_the_library_says(name):
    pytest.importorskip("recurring_ical_events")
    first, last = window(CORPUS / name)
    try:
        found = library_keys(CORPUS / name, first, last)
    except Exception:  # noqa: BLE001 - the library cannot read this file: stored as null
        found = None
    assert (None if found is None else tuple(found)) == EXPECTED_KEYS[name]


def test_google_birthdays_appear_once_each():
    """Google wrote each birthday as an RDATE of a series and again as a changed occurrence under another UID
    (recurring-ical-events cannot read the file): each is imported once, and the duplicates are named."""
    reading = read_ics(CORPUS / "icaljs-google_birthday.ics", DEFAULT_TZ)
    assert sorted(item.draft.on_date.year for item in reading.events) == [2012, 2013, 2014]
    assert reading.skipped == [] and "has it again" in " ".join(w for i in reading.events for w in i.warnings)
