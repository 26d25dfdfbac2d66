"""A realistic, deterministic demo practice: small for a first look, large and huge (4x large) for benchmarks."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from legalsec_desktop.db import file_room_models as f
from legalsec_desktop.db import models as m
from legalsec_desktop.db import sqlite_file
from legalsec_desktop.db.leftovers import temporary_name
from legalsec_desktop.db.store import Store, open_store
from legalsec_desktop.domain import rule_sets
from legalsec_desktop.domain.clock import from_local
from legalsec_desktop.domain.court_calendar import CourtCalendar
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.names import fold_name
from legalsec_desktop.services import demo_files
from legalsec_desktop.services import demo_words as w
from legalsec_desktop.services import matter_sol, todos


@dataclass(frozen=True)
class DemoSize:
    clients: int
    matters: int
    contacts: int
    events: int
    time_entries: int
    file_records: int
    communications: int


SIZES = {
    "small": DemoSize(clients=12, matters=20, contacts=70, events=240, time_entries=900, file_records=80,
                      communications=90),
    "large": DemoSize(
        clients=2_000, matters=5_000, contacts=20_000, events=60_000, time_entries=250_000,
        file_records=50_000, communications=20_000,
    ),
}
# Four times the large practice (the same generator): to measure how the program grows with a firm's years.
SIZES["huge"] = DemoSize(**{name: 4 * count for name, count in asdict(SIZES["large"]).items()})
SECRETARY = "LS"
TIMEKEEPERS = (  # name, initials, rate, attorney, LEDES classification, title under a signature, bar number
    ("Margaret A. Holloway", "MAH", 42_500, True, "PARTNR", "Partner", "184412"),
    ("David R. Chen", "DRC", 35_000, True, "PARTNR", "Partner", "201937"),
    ("Priya N. Raman", "PNR", 27_500, True, "ASSOC", "Associate", "298160"),
    ("Lucía Ortega", "LO", 15_000, False, "PARLGL", "Paralegal", ""),
)
TIMED_KINDS = {"hearing", "trial", "deposition", "meeting", "travel"}
OFFICE_RULES = "US-FED"  # the firm's default: the days a matter with no court is worked are the federal ones
Progress = Callable[[str, int, int], bool]  # (stage, done, total) -> keep going?


class DemoExistsError(UserFixableError):
    """The target database exists and --force was not given."""


class DemoCancelled(UserFixableError):
    """The person building the demo cancelled it; nothing was written."""


def build_demo(path: Path, size: str = "small", seed: int = 1, *, today: date, force: bool = False,
               progress: Progress | None = None, finish: Callable[[Store], dict[str, int]] | None = None,
               ) -> dict[str, int]:
    """Write a demo practice to `path` (built beside it, then moved into place); return row counts.

    `finish` adds to the practice while it is still being built (its documents), so it is moved in place whole."""
    path = Path(path)
    if path.exists() and not force:
        raise DemoExistsError(f"{path} already exists; the demo never overwrites a database unless told to (--force).")
    spec = SIZES[size]
    building = temporary_name(path, "building")
    store = open_store(building)
    try:
        counts = _Generator(random.Random(seed), today, spec, progress).write(store)
        if finish is not None:
            counts.update(finish(store))
    except BaseException:
        store.close()
        for leftover in (building, *sqlite_file.companions(building)):
            leftover.unlink(missing_ok=True)
        raise
    store.close()  # the last connection checkpoints: the demo is one self-contained file now
    # The old database's -wal and -shm go with it: applied to the new file they would mix two practices.
    for side in sqlite_file.companions(path):
        side.unlink(missing_ok=True)
    os.replace(building, path)
    return counts


class _Generator:
    def __init__(self, rng: random.Random, today: date, spec: DemoSize, progress: Progress | None) -> None:
        self.rng, self.today, self.spec = rng, today, spec
        self.progress = progress or (lambda *_: True)
        self.start = today.replace(year=today.year - 10)
        self.tables: dict[str, list[dict[str, object]]] = {}
        self.calendars: dict[str, CourtCalendar] = {}
        self.adverse: dict[object, int] = {}  # matter id -> the contact its caption names as the other side

    def write(self, store: Store) -> dict[str, int]:
        self._firm()
        self._contacts()
        self._matters()
        self._parties()
        self._events()
        self._time_entries()
        self._communications()
        with store.read() as session:
            rules, checklist = demo_files.read_setup(session)
        self.tables.update(demo_files.FileRoom(self.rng, self.today, self.tables["matter"], self.tables["timekeeper"],
                                               self.spec.file_records, rules, checklist).build())
        order = (("firm", m.FirmRow), ("timekeeper", m.TimekeeperRow), ("contact", m.ContactRow),
                 ("contact_alias", m.ContactAliasRow), ("matter", m.MatterRow), ("matter_closing", f.MatterClosingRow),
                 ("party", m.PartyRow), ("event", m.EventRow), ("event_attendee", m.EventAttendeeRow),
                 ("time_entry", m.TimeEntryRow), ("communication", m.CommunicationRow),
                 ("storage_location", f.StorageLocationRow), ("destruction", f.DestructionRow),
                 ("file_record", m.FileRecordRow), ("file_movement", f.FileMovementRow))
        total = sum(len(self.tables[name]) for name, _ in order)
        done = 0
        with store.write() as session:
            connection = session.connection()
            for name, model in order:
                rows = self.tables[name]
                if name in m.SEARCHED:  # a Core insert skips the ORM hook that keeps the key
                    for row in rows:
                        row["search_key"] = m.search_key_of(name, row)
                for start in range(0, len(rows), 20_000):
                    chunk = rows[start:start + 20_000]
                    connection.execute(insert(model), chunk)
                    done += len(chunk)
                    if not self.progress(f"Writing {name.replace('_', ' ')}s", done, total):
                        raise DemoCancelled("The demo practice was not built.")
            # Follow-up dates are to-dos, as the program keeps them (the old ones come in done).
            todo_count = todos.bring_in_follow_ups(session, from_local(datetime.combine(self.today, time(8))),
                                                   self.today)
            # Limitation dates are calendar items, as saving a matter makes them.
            morning = datetime.combine(self.today, time(8))
            matter_sol.backfill_in(session, self.today, morning, from_local(morning))
        return {name: len(self.tables[name]) for name, _ in order} | {"todo": todo_count}

    # --- helpers -----------------------------------------------------------------------------
    def _day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    @staticmethod
    def _weekday(day: date) -> date:
        """The same day, or the Monday after a weekend."""
        return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day

    def _open_day(self, day: date, rules: str) -> date:
        """The same day, or the next on which the court of `rules` (the office, for "") is open."""
        calendar = self.calendars.get(rules or OFFICE_RULES)
        if calendar is None:
            main, forward, _ = rule_sets.load(rules or OFFICE_RULES).calendars()
            calendar = self.calendars[rules or OFFICE_RULES] = CourtCalendar(main, forward)
        while calendar.closed_reason(day) is not None:
            day += timedelta(days=1)
        return day

    def _person(self) -> tuple[str, str]:
        first, last = self.rng.choice(w.FIRST_NAMES), self.rng.choice(w.LAST_NAMES)
        return f"{first} {last}", f"{last}, {first}"

    def _company(self) -> str:
        rng = self.rng
        return f"{rng.choice(w.COMPANY_WORDS)} {rng.choice(w.COMPANY_KINDS)} {rng.choice(w.COMPANY_FORMS)}"

    def _address(self) -> str:
        city, state, zip_code = self.rng.choice(w.CITIES)
        return f"{self.rng.randint(10, 9999)} {self.rng.choice(w.STREETS)}\n{city}, {state} {zip_code}"

    # --- tables ------------------------------------------------------------------------------
    def _firm(self) -> None:
        self.tables["firm"] = [dict(
            id=1, name="Holloway & Chen LLP", address="455 Market St, Suite 1200\nSan Francisco, CA 94105",
            billing_increment_minutes=6, default_jurisdiction="US-FED", matter_number_pattern="{year}-{seq:04d}",
            tax_id="94-3217765",  # an invented federal taxpayer ID (LEDES LAW_FIRM_ID)
            phone="(415) 555-0142", fax="(415) 555-0143", email="office@hollowaychen.example",
            set_up_at=datetime(self.start.year, self.start.month, self.start.day, tzinfo=timezone.utc),
        )]
        self.tables["timekeeper"] = [
            dict(id=i, name=name, initials=ini, default_rate_cents=rate, is_attorney=lawyer,
                 daily_target_minutes=360 if lawyer else 420, active=True, classification=classification,
                 title=title, bar_number=bar_number)
            for i, (name, ini, rate, lawyer, classification, title, bar_number) in enumerate(TIMEKEEPERS, start=1)
        ]

    def _contacts(self) -> None:
        rows, aliases = [], []
        for i in range(1, self.spec.contacts + 1):
            is_org = self.rng.random() < (0.3 if i <= self.spec.clients else 0.2)
            name, sort_name = (self._company(),) * 2 if is_org else self._person()
            slug = name.split()[0].lower().strip(",.'")
            rows.append(dict(
                id=i, is_organization=is_org, name=name, sort_name=sort_name, address=self._address(),
                phone=f"({self.rng.randint(201, 989)}) 555-{self.rng.randint(100, 9999):04d}",
                email=f"{slug}{i}@example.com", notes="", is_client=i <= self.spec.clients, deleted_at=None,
                match_key=fold_name(name), organization="",  # opposing counsel's firms: _counsel_firms
            ))
            if self.rng.random() < 0.05:
                alias = (f"{name.split()[0]} {self.rng.choice(w.LAST_NAMES)}" if not is_org
                         else f"{name} d/b/a {self.rng.choice(w.COMPANY_WORDS)}")
                aliases.append(dict(contact_id=i, alias=alias, kind="d/b/a" if is_org else "former name",
                                    match_key=fold_name(alias)))
        self.tables["contact"], self.tables["contact_alias"] = rows, aliases
        self.others = list(range(self.spec.clients + 1, self.spec.contacts + 1))
        people = [i for i in self.others if not rows[i - 1]["is_organization"]]
        self.judges = people[: max(5, len(people) // 100)]
        self.people = people[len(self.judges):] or people  # opposing counsel and the other side

    def _matters(self) -> None:
        rng, rows = self.rng, []
        per_year: dict[int, int] = {}
        opened = sorted(self._weekday(self._day_between(self.start, self.today - timedelta(days=3)))
                        for _ in range(self.spec.matters))
        if self.spec.matters > 8:  # a few recent matters, so the near calendar is busy
            opened[-8:] = sorted(self._weekday(self.today - timedelta(days=rng.randint(5, 90))) for _ in range(8))
            opened.sort()
        self.matter_info = []
        for i, opened_on in enumerate(opened, start=1):
            per_year[opened_on.year] = per_year.get(opened_on.year, 0) + 1
            client = rng.randint(1, self.spec.clients)
            area, litigated = rng.choice(w.PRACTICE_AREAS)
            court, juris, tz, case_pattern, room = (rng.choice(w.COURTS) if litigated
                                                    else ("", "", "America/Los_Angeles", "", ""))
            other_id = rng.choice(self.others)  # the other side is a contact, on the party list as in the caption
            while other_id in self.judges and len(self.others) > len(self.judges):
                other_id = rng.choice(self.others)
            other = self.tables["contact"][other_id - 1]["name"]
            client_name = self.tables["contact"][client - 1]["name"]
            title = f"{client_name} v. {other}" if litigated else f"{client_name}: {area.lower()}"
            if litigated:
                self.adverse[i] = other_id
            age = (self.today - opened_on).days
            status = "closed" if age > 700 and rng.random() < 0.9 else ("pending" if rng.random() < 0.05 else "open")
            closed_on = (min(self.today, opened_on + timedelta(days=rng.randint(90, 700)))
                         if status == "closed" else None)
            sol = (opened_on + timedelta(days=rng.randint(200, 700))
                   if area == "Personal injury" and status != "closed" else None)
            rows.append(dict(
                id=i, number=f"{opened_on.year}-{per_year[opened_on.year]:04d}", title=title,
                caption=title if litigated else "",
                client_id=client, practice_area=area, court=court,
                case_number=case_pattern.format(yy=opened_on.year % 100, n=rng.randint(1, 99999)) if litigated else "",
                judge=f"Hon. {self.tables['contact'][rng.choice(self.judges) - 1]['name']}" if litigated else "",
                jurisdiction=juris, responsible_attorney_id=rng.randint(1, 3), opened_on=opened_on, closed_on=closed_on,
                status=status, sol_date=sol, sol_note="Two years from date of injury (CCP 335.1)" if sol else "",
                rate_override_cents=None if rng.random() < 0.95 else rng.choice((30_000, 25_000)), notes="",
            ))
            last = closed_on or self.today + timedelta(days=180)
            self.matter_info.append((i, opened_on, last, litigated, tz,
                                     room.format(r=rng.randint(1, 30)) if room else "", juris))
        self.tables["matter"] = rows

    def _parties(self) -> None:
        rows, rng = [], self.rng
        for matter in self.tables["matter"]:
            rows.append(dict(matter_id=matter["id"], contact_id=matter["client_id"], role="client", deleted_at=None))
            if matter["court"]:
                adverse = self.adverse[matter["id"]]
                rows.append(dict(matter_id=matter["id"], contact_id=adverse, role="opposing party", deleted_at=None))
                roles = ["opposing counsel"] + rng.sample(["witness", "expert", "insurer", "co-counsel"],
                                                          rng.randint(0, 1))
                for role in roles:
                    pool = self.others if role == "insurer" else self.people
                    contact = rng.choice(pool)
                    while contact == adverse and len(pool) > 1:
                        contact = rng.choice(pool)
                    rows.append(dict(matter_id=matter["id"], contact_id=contact, role=role, deleted_at=None))
        self.tables["party"] = rows
        self._counsel_firms()

    def _counsel_firms(self) -> None:
        """Opposing counsel who are people work for a firm (named from the demo's surnames, without the random
        generator, so the rest of the demo stays as it was)."""
        counsel = {party["contact_id"] for party in self.tables["party"] if party["role"] == "opposing counsel"}
        for contact in self.tables["contact"]:
            if contact["id"] in counsel and not contact["is_organization"]:
                number = int(str(contact["id"]))
                first, second = (w.LAST_NAMES[(number * k) % len(w.LAST_NAMES)] for k in (7, 13))
                contact["organization"] = f"{first} & {second} LLP" if first != second else f"{first} Law Group"

    def _events(self) -> None:
        rng, rows, attendees = self.rng, [], []
        kinds = list(w.EVENT_TITLES)
        weights = (14, 2, 10, 10, 18, 18, 0, 22, 4)  # limitation dates come from the matters themselves
        live = [info for info in self.matter_info if info[2] >= self.today]
        for i in range(1, self.spec.events + 1):
            # The first few land today and this week, so a docket printed today has something on it.
            info = rng.choice(live) if i <= 12 and live else rng.choice(self.matter_info)
            matter_id, first, last, litigated, tz, room, rules = info
            if litigated:
                kind = rng.choices(kinds, weights)[0]
                titles = w.EVENT_TITLES[kind]
            else:  # no hearings, trials or depositions on a will or a company's formation
                kind = rng.choices(list(w.TRANSACTION_EVENT_TITLES), w.TRANSACTION_EVENT_WEIGHTS)[0]
                titles = w.TRANSACTION_EVENT_TITLES[kind]
            on = self.today + timedelta(days=(i - 1) % 6) if i <= 12 and live else self._day_between(first, last)
            on = self._open_day(on, rules)  # never on a weekend or a day the matter's court (or the office) is closed
            timed = kind in TIMED_KINDS
            start = end = None
            if timed:
                local = datetime.combine(on, time(rng.choice((8, 9, 9, 10, 11, 13, 14, 15)), rng.choice((0, 0, 30))),
                                         ZoneInfo(tz))
                start = local.astimezone(timezone.utc)
                end = start + timedelta(minutes=rng.choice((30, 60, 90, 180)) if kind != "trial" else 480)
            past = on < self.today
            status = ("done" if rng.random() < 0.9 else rng.choice(("continued", "vacated"))) if past else "scheduled"
            deadline = kind in ("filing deadline", "response deadline", "statute of limitations")
            rows.append(dict(
                id=i, matter_id=matter_id, kind=kind, title=rng.choice(titles), all_day=not timed,
                on_date=on, start_utc=start, end_utc=end, tz=tz if timed else "",
                location=room if kind in ("hearing", "trial") else "",
                status=status, docketed_by=SECRETARY,
                verified_by="" if deadline and not past and rng.random() < 0.15 else ("MAH" if deadline else ""),
                derivation="", notes="",
            ))
            if timed:
                attendees.append(dict(event_id=i,
                                      timekeeper_id=self.tables["matter"][matter_id - 1]["responsible_attorney_id"]))
        self.tables["event"], self.tables["event_attendee"] = rows, attendees

    def _time_entries(self) -> None:
        rng, rows = self.rng, []
        rates = {k["id"]: k["default_rate_cents"] for k in self.tables["timekeeper"]}
        matters = self.tables["matter"]
        minutes_choices = (6, 12, 18, 24, 30, 36, 42, 48, 60, 72, 90, 120, 150, 180, 240, 7, 20, 45)
        for i in range(1, self.spec.time_entries + 1):
            matter_id, first, last, litigated, *_ = rng.choice(self.matter_info)
            day = self._day_between(first, min(last, self.today))
            if day.weekday() >= 5:
                day -= timedelta(days=day.weekday() - 4)
                day = max(day, first)
            keeper = rng.choices((1, 2, 3, 4), (3, 3, 2, 2))[0]
            task, activity, narrative = rng.choice(w.NARRATIVES if litigated else w.TRANSACTION_NARRATIVES)
            age = (self.today - day).days
            rows.append(dict(
                id=i, entry_date=day, timekeeper_id=keeper, matter_id=matter_id, minutes=rng.choice(minutes_choices),
                rate_cents=matters[matter_id - 1]["rate_override_cents"] or rates[keeper],
                billable=rng.choices(("billable", "non-billable", "no charge"), (85, 10, 5))[0],
                task_code=task, activity_code=activity, narrative=narrative,
                status="billed" if age > 60 else ("final" if age > 14 else "draft"),
            ))
        self.tables["time_entry"] = rows

    def _communications(self) -> None:
        rng, rows = self.rng, []
        subjects = ("Status of discovery", "Settlement proposal", "Scheduling of deposition", "Documents requested",
                    "Engagement letter", "Meet and confer", "Invoice question", "Hearing reminder")
        for i in range(1, self.spec.communications + 1):
            matter_id, first, last, *_ = rng.choice(self.matter_info)
            day = self._day_between(first, min(last, self.today))
            # Office hours on this computer's clock, kept as the UTC instant (as a logged call is).
            when = from_local(datetime.combine(day, time(rng.randint(8, 17), rng.choice((0, 15, 30, 45)))))
            kind = rng.choice(("call", "email", "email", "letter", "meeting"))
            rows.append(dict(
                id=i, matter_id=matter_id, kind=kind, direction=rng.choice(("in", "out")), occurred_at=when,
                with_whom=self.tables["contact"][rng.choice(self.others) - 1]["name"], subject=rng.choice(subjects),
                summary="", follow_up_on=day + timedelta(days=7) if rng.random() < 0.2 else None, deleted_at=None,
            ))
        self.tables["communication"] = rows
