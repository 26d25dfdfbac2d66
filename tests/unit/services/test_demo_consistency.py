"""The demo practice makes sense over the whole of it: the parties are those its captions name, the events
fit the matter's practice area, and nothing falls on a day the matter's court (or the office) is closed."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from legalsec_desktop.db.models import ContactRow, EventRow, MatterRow, PartyRow, TimeEntryRow
from legalsec_desktop.db.store import open_store
from legalsec_desktop.domain import rule_sets
from legalsec_desktop.domain.conflicts import SearchName
from legalsec_desktop.domain.court_calendar import CourtCalendar
from legalsec_desktop.services import conflicts
from legalsec_desktop.services.demo import OFFICE_RULES, build_demo

COURT_KINDS = {"hearing", "trial", "deposition"}


@pytest.fixture(params=["master", "seed 11", "seed 12"])
def demo(request, small_demo_master, tmp_path_factory):
    """The shared small demo, and two other seeds: what holds must hold whatever the seed."""
    if request.param == "master":
        path = small_demo_master
    else:
        path = tmp_path_factory.mktemp("demo") / "demo.db"
        build_demo(path, "small", seed=int(request.param.split()[1]), today=date(2026, 11, 23))
    store = open_store(Path(path), read_only=True)
    yield store
    store.close()


def test_every_caption_names_the_client_and_an_opposing_party_of_the_matter(demo):
    with demo.read() as session:
        matters = session.execute(select(MatterRow.id, MatterRow.number, MatterRow.caption, MatterRow.client_id)
                                  .where(MatterRow.caption != "")).all()
        parties: dict[int, dict[str, set[str]]] = {}
        for matter_id, role, name in session.execute(
                select(PartyRow.matter_id, PartyRow.role, ContactRow.name)
                .join(ContactRow, ContactRow.id == PartyRow.contact_id)):
            parties.setdefault(matter_id, {}).setdefault(role, set()).add(name)
        clients = dict(session.execute(select(ContactRow.id, ContactRow.name)).all())
    assert matters
    for matter_id, number, caption, client_id in matters:
        plaintiff, _, defendant = caption.partition(" v. ")
        assert plaintiff == clients[client_id], number
        assert defendant in parties[matter_id]["opposing party"], (number, caption, parties[matter_id])
        assert plaintiff in parties[matter_id]["client"]


def test_the_conflict_check_finds_the_other_side_a_caption_names(demo):
    with demo.read() as session:
        captions = session.execute(select(MatterRow.number, MatterRow.caption).where(MatterRow.caption != "")).all()
    for number, caption in captions[:8]:
        defendant = caption.partition(" v. ")[2]
        hits = conflicts.find_hits(demo, [SearchName(defendant, "client")])
        assert any(h.matter_number == number and h.role == "opposing party" and h.likely for h in hits), caption


def test_court_work_only_on_litigated_matters(demo):
    with demo.read() as session:
        court_events = session.execute(
            select(MatterRow.number, MatterRow.practice_area, EventRow.kind, EventRow.title)
            .join(MatterRow, MatterRow.id == EventRow.matter_id)
            .where(MatterRow.court == "", EventRow.kind.in_(COURT_KINDS))).all()
        litigation_time = session.execute(
            select(MatterRow.number, TimeEntryRow.task_code, TimeEntryRow.narrative)
            .join(MatterRow, MatterRow.id == TimeEntryRow.matter_id)
            .where(MatterRow.court == "", TimeEntryRow.task_code.like("L%"))).all()
        trial_words = session.execute(
            select(MatterRow.number, EventRow.title).join(MatterRow, MatterRow.id == EventRow.matter_id)
            .where(MatterRow.court == "")).all()
        transactional = session.scalar(select(MatterRow.id).where(MatterRow.court == ""))
    assert transactional is not None  # the demo has such matters, so the checks above mean something
    assert court_events == []
    assert litigation_time == []
    assert [row for row in trial_words if any(word in row[1].lower() for word in
                                               ("trial", "deposition", "hearing", "motion", "mediation"))] == []


def test_no_event_falls_on_a_day_its_court_or_the_office_is_closed(demo):
    calendars: dict[str, CourtCalendar] = {}
    closed = []
    with demo.read() as session:
        rows = session.execute(select(MatterRow.number, MatterRow.jurisdiction, EventRow.on_date, EventRow.title)
                               .join(MatterRow, MatterRow.id == EventRow.matter_id)).all()
    for number, jurisdiction, on, title in rows:
        rules = jurisdiction or OFFICE_RULES
        if rules not in calendars:
            main, forward, _ = rule_sets.load(rules).calendars()
            calendars[rules] = CourtCalendar(main, forward)
        reason = calendars[rules].closed_reason(on)
        if reason:
            closed.append((number, on, title, reason))
    assert rows and closed == []
