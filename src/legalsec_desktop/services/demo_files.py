"""The demo practice's paper file room: places, volumes and their movement logs, check-outs, closing, destruction."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.db.file_room_models import ClosingItemRow, RetentionRuleRow
from legalsec_desktop.domain.clock import from_local
from legalsec_desktop.domain.closing import closed_number
from legalsec_desktop.domain.file_room import SEPARATOR, Retention, barcode_for, destroy_after, retention_note, rule_for
from legalsec_desktop.domain.names import search_fold

BY = "LS"  # the secretary keeps the file room
LITIGATION = ("Correspondence", "Pleadings vol. 1", "Discovery — box 1", "Billing", "Original documents",
              "Pleadings vol. 2", "Research", "Exhibits", "Discovery — box 2", "Settlement", "Deposition transcripts",
              "Pleadings vol. 3", "Discovery — box 3", "Notes", "Trial binder")
TRANSACTION = ("Correspondence", "Client documents", "Billing", "Original documents", "Drafts", "Notes", "Research",
               "Closing documents", "Correspondence vol. 2")
FIRST = {"Personal injury": ("Correspondence", "Medical records", "Pleadings vol. 1"),
         "Estate planning": ("Correspondence", "Original will", "Trust documents"),
         "Real estate": ("Correspondence", "Title and escrow", "Original documents")}
PERMANENT_LABELS = ("Original will", "Original documents")
BORROWERS = ("Court reporter", "Co-counsel (Baxter & Lin LLP)", "Expert witness (Dr. Amin)", "Client (to review)",
             "Copy service (Ace Legal Copies)", "Mediator's office")
REASONS = ("Hearing", "Deposition preparation", "Copying", "Review", "Mediation", "Trial preparation")
BOX_SIZE = 24  # volumes in an off-site storage box
STORAGE = "Iron Mountain (off-site)"
Row = dict[str, Any]  # one row for a Core insert


@dataclass(eq=False)
class _Volume:
    matter: Row
    label: str
    medium: str
    opened_on: date
    row: Row = field(default_factory=dict)
    moves: list[Row] = field(default_factory=list)


def read_setup(session: Session) -> tuple[list[Retention], list[tuple[str, str]]]:
    """The retention rules and closing checklist migration 0009 seeded (read, never assumed by id)."""
    rules = [Retention(r.id, r.name, r.practice_area, r.years, r.notes) for r in session.scalars(
        select(RetentionRuleRow).where(RetentionRuleRow.retired_at.is_(None)).order_by(RetentionRuleRow.position))]
    items = [(i.text, i.check) for i in session.scalars(select(ClosingItemRow).order_by(ClosingItemRow.position))]
    return rules, items


class FileRoom:
    """Builds the file room's rows for the demo's matters; `tables` is filled with one list of rows per table."""

    def __init__(self, rng: random.Random, today: date, matters: list[Row],
                 timekeepers: list[Row], count: int, rules: list[Retention],
                 checklist: list[tuple[str, str]]) -> None:
        self.rng, self.today, self.matters, self.count = rng, today, matters, count
        self.timekeepers, self.rules, self.checklist = timekeepers, rules, checklist
        self.places: dict[str, Row] = {}  # path -> row
        self.noon: dict[date, datetime] = {}
        self.tables: dict[str, list[Row]] = {}

    def build(self) -> dict[str, list[Row]]:
        self._office()
        volumes = self._volumes()
        self._close_matters()
        for volume in volumes:
            self._history(volume)
        self._store_closed(volumes)
        self._check_outs(volumes)
        self._retention(volumes)
        self._hold_and_destroy(volumes)
        self.tables["storage_location"] = list(self.places.values())
        self.tables["file_record"] = [v.row for v in volumes]
        moves = [dict(move, file_id=v.row["id"]) for v in volumes for move in v.moves]
        self.tables["file_movement"] = [dict(move, id=i) for i, move in enumerate(moves, start=1)]
        return self.tables

    # --- places ---------------------------------------------------------------------------------
    def _place(self, path: str, kind: str, offsite: bool = False) -> Row:
        if path not in self.places:
            parent, _, name = path.rpartition(SEPARATOR)
            self.places[path] = dict(id=len(self.places) + 1, parent_id=self.places[parent]["id"] if parent else None,
                                     name=name, kind=kind, path=path, path_key=search_fold(path), offsite=offsite,
                                     retired_at=None)
        return self.places[path]

    def _office(self) -> None:
        self._place("Main office", "office")
        self._place("Main office ▸ File room", "room")
        self.drawers = []
        for cabinet in "ABC":
            self._place(f"Main office ▸ File room ▸ Cabinet {cabinet}", "cabinet")
            self.drawers += [self._place(f"Main office ▸ File room ▸ Cabinet {cabinet} ▸ Drawer {n}", "drawer")
                             for n in range(1, 5)]
        self.shelves = [self._place(f"Main office ▸ File room ▸ Shelf {n}", "shelf") for n in range(1, 4)]
        self.closed_shelf = self._place("Main office ▸ File room ▸ Closed files", "shelf")
        self._place("Main office ▸ Attorney offices", "room")
        self.offices = {k["id"]: self._place(f"Main office ▸ Attorney offices ▸ {k['name']}", "office")
                        for k in self.timekeepers if k["is_attorney"]}
        self._place(STORAGE, "storage", offsite=True)
        self.box_number, self.box_left = 1000, 0

    def _next_box(self, volumes: int) -> Row:
        if self.box_left < volumes:
            self.box_number, self.box_left = self.box_number + 1, BOX_SIZE
        self.box_left -= volumes
        return self._place(f"{STORAGE} ▸ Box {self.box_number}", "box", offsite=True)

    # --- time -----------------------------------------------------------------------------------
    def _at(self, day: date, hour: int, minute: int = 0) -> datetime:
        """Office hours on `day` as a UTC instant (the zone's offset is read once a day: no change at noon)."""
        if day not in self.noon:
            self.noon[day] = from_local(datetime.combine(day, time(12)))
        return self.noon[day] + timedelta(hours=hour - 12, minutes=minute)

    def _day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def _log(self, volume: _Volume, day: date, kind: str, **values: object) -> None:
        hour = 9 + len(volume.moves) % 8  # later lines of the same day come later in it
        volume.moves.append(dict(dict(by_name=BY, from_text="", to_text="", from_location_id=None, to_location_id=None,
                                      timekeeper_id=None, due_on=None, reason=""),
                                 at=self._at(day, hour, self.rng.choice((0, 10, 25, 40))), kind=kind, **values))

    # --- volumes --------------------------------------------------------------------------------
    def _labels(self, matter: Row, n: int) -> list[str]:
        area = str(matter["practice_area"])
        usual = LITIGATION if matter["court"] else TRANSACTION
        labels = list(FIRST.get(area, ())) + [label for label in usual if label not in FIRST.get(area, ())]
        return [labels[k] if k < len(labels) else f"Correspondence vol. {k - len(labels) + 2}" for k in range(n)]

    @staticmethod
    def _medium(label: str) -> str:
        if "— box" in label:
            return "box"
        if label.startswith(("Pleadings", "Exhibits", "Trial", "Deposition")):
            return "binder"
        return "other" if label.startswith("Original") else "folder"

    def _volumes(self) -> list[_Volume]:
        per_matter = dict.fromkeys(range(len(self.matters)), 1)
        for _ in range(self.count - len(self.matters)):
            k = self.rng.randrange(len(self.matters))
            per_matter[k] += 1
        volumes = []
        for k, n in per_matter.items():
            matter = self.matters[k]
            first = matter["opened_on"]
            assert isinstance(first, date)
            last = matter["closed_on"] or self.today
            assert isinstance(last, date)
            for j, label in enumerate(self._labels(matter, n)):
                opened = first if j == 0 else self._day(first, first + (last - first) * j // n)
                digital = self.rng.random() < 0.03
                volumes.append(_Volume(matter, f"{label} (scanned)" if digital else label,
                                       "digital" if digital else self._medium(label), opened))
        volumes.sort(key=lambda v: (v.opened_on, v.matter["id"]))  # ids are given as files are opened
        for i, volume in enumerate(volumes, start=1):
            volume.row = dict(
                id=i, barcode=barcode_for(i), matter_id=volume.matter["id"], label=volume.label, medium=volume.medium,
                location="", box="", opened_on=volume.opened_on, closed_on=None, destroy_after=None, notes="",
                location_id=None, home_location_id=None, out_to="", out_timekeeper_id=None, out_reason="",
                out_at=None, due_back_on=None, retention_rule_id=None, retention_note="", hold_reason="",
                hold_since=None, destroyed_at=None, destruction_id=None)
        return volumes[: self.count]

    def _put(self, volume: _Volume, place: Row) -> None:
        volume.row["location_id"] = volume.row["home_location_id"] = place["id"]

    def _history(self, volume: _Volume) -> None:
        """Created where the matter's files are kept; then perhaps moved, lent and returned, before closing."""
        rng, row = self.rng, volume.row
        if volume.medium == "digital":
            row["location"] = "Scanned to S:\\Clients"
            self._log(volume, volume.opened_on, "created", to_text=row["location"])
            return
        matter = volume.matter
        drawer = self.drawers[int(matter["id"]) % len(self.drawers)]
        start = drawer if volume.medium == "folder" else self.shelves[int(matter["id"]) % len(self.shelves)]
        if rng.random() < 0.1:
            start = self.offices[matter["responsible_attorney_id"]]
        self._put(volume, start)
        self._log(volume, volume.opened_on, "created", to_text=start["path"], to_location_id=start["id"])
        end = matter["closed_on"] or self.today - timedelta(days=45)
        assert isinstance(end, date)
        if (end - volume.opened_on).days < 30:
            return
        if rng.random() < 0.2:  # lent once and brought back
            day = self._day(volume.opened_on + timedelta(days=5), end - timedelta(days=20))
            self._lend(volume, day, day + timedelta(days=14))
            self._log(volume, day + timedelta(days=rng.randint(1, 14)), "in", from_text=row["out_to"],
                      to_text=start["path"], to_location_id=start["id"], timekeeper_id=row["out_timekeeper_id"])
            self._back_in(volume, start)
        since = volume.moves[-1]["at"].date() + timedelta(days=1)
        if start["kind"] == "office" and rng.random() < 0.6 and since < end:  # back to the file room
            self._move(volume, self._day(max(since, volume.opened_on + timedelta(days=25)), end), drawer, "moved")

    def _move(self, volume: _Volume, day: date, place: Row, kind: str, reason: str = "") -> None:
        was = self.places_by_id[volume.row["location_id"]]
        self._log(volume, day, kind, from_text=was["path"], to_text=place["path"], from_location_id=was["id"],
                  to_location_id=place["id"], reason=reason)
        self._put(volume, place)

    @property
    def places_by_id(self) -> dict[Any, Row]:
        if len(getattr(self, "_by_id", {})) != len(self.places):
            self._by_id = {place["id"]: place for place in self.places.values()}
        return self._by_id

    def _lend(self, volume: _Volume, day: date, due: date) -> None:
        row, rng = volume.row, self.rng
        keeper = rng.choice(self.timekeepers) if rng.random() < 0.5 else None
        name = str(keeper["name"]) if keeper else rng.choice(BORROWERS)
        reason = rng.choice(REASONS)
        was = self.places_by_id[row["location_id"]]
        self._log(volume, day, "out", from_text=was["path"], to_text=name, from_location_id=was["id"],
                  timekeeper_id=keeper["id"] if keeper else None, due_on=due, reason=reason)
        row.update(out_to=name, out_timekeeper_id=keeper["id"] if keeper else None, out_reason=reason,
                   out_at=volume.moves[-1]["at"], due_back_on=due, location_id=None)

    @staticmethod
    def _back_in(volume: _Volume, home: Row) -> None:
        volume.row.update(out_to="", out_timekeeper_id=None, out_reason="", out_at=None, due_back_on=None,
                          location_id=home["id"])

    # --- closing --------------------------------------------------------------------------------
    def _close_matters(self) -> None:
        closed = sorted((m for m in self.matters if m["closed_on"] is not None),
                        key=lambda m: (m["closed_on"], m["id"]))
        seq: dict[int, int] = {}
        rows: list[Row] = []
        for matter in closed:
            day = matter["closed_on"]
            assert isinstance(day, date)
            seq[day.year] = seq.get(day.year, 0) + 1
            matter["closed_number"] = closed_number(day.year, seq[day.year])
            checklist = [dict(text=text, check=check, done=True, detail="") for text, check in self.checklist]
            rows.append(dict(id=len(rows) + 1, matter_id=matter["id"], closed_number=matter["closed_number"],
                             closed_on=day, closed_at=self._at(day, 17), closed_by=BY,
                             checklist=json.dumps(checklist), override_reason=""))
        for matter in self.matters:
            matter.setdefault("closed_number", None)
        self.tables["matter_closing"] = rows

    def _store_closed(self, volumes: list[_Volume]) -> None:
        """A closed matter's files are closed, and most go to off-site storage together, one box after another."""
        by_matter: dict[object, list[_Volume]] = {}
        for volume in volumes:
            if volume.matter["closed_on"] is not None:
                by_matter.setdefault(volume.matter["id"], []).append(volume)
        plans = []
        for group in by_matter.values():
            closed_on = group[0].matter["closed_on"]
            assert isinstance(closed_on, date)
            for volume in group:
                self._log(volume, closed_on, "closed", reason=f"Matter closed: {volume.matter['closed_number']}")
            if self.rng.random() < 0.85:
                plans.append((min(self.today, closed_on + timedelta(days=self.rng.randint(14, 90))), group))
            else:
                for volume in group:
                    if volume.medium != "digital":
                        self._move(volume, closed_on, self.closed_shelf, "moved", "Closed files shelf")
        for day, group in sorted(plans, key=lambda plan: (plan[0], plan[1][0].row["id"])):
            paper = [v for v in group if v.medium != "digital"]
            box = self._next_box(len(paper))
            for volume in paper:
                self._move(volume, day, box, "to_storage", "Closed file sent to storage")
                if self.rng.random() < 0.03 and day + timedelta(days=30) < self.today:  # fetched back for a question
                    back = self._day(day + timedelta(days=30), min(self.today, day + timedelta(days=400)))
                    self._move(volume, back, self.closed_shelf, "returned",
                               "Former client asked for a copy")

    # --- check-outs now -------------------------------------------------------------------------
    def _check_outs(self, volumes: list[_Volume]) -> None:
        """A few of the open matters' files are out now; about a quarter of those are overdue."""
        lendable = [v for v in volumes if v.matter["closed_on"] is None and v.medium != "digital"
                    and v.row["location_id"] is not None and v.opened_on < self.today - timedelta(days=30)]
        count = min(len(lendable), max(5, len(lendable) // 60))
        for n, volume in enumerate(self.rng.sample(lendable, count)):
            if n < max(2, count // 4):  # overdue: due back before today
                day = self.today - timedelta(days=self.rng.randint(15, 40))
                due = self.today - timedelta(days=self.rng.randint(1, 10))
            else:
                day = self.today - timedelta(days=self.rng.randint(0, 10))
                due = self.today + timedelta(days=self.rng.randint(1, 21))
            self._lend(volume, day, due)

    # --- retention and destruction --------------------------------------------------------------
    def _retention(self, volumes: list[_Volume]) -> None:
        permanent = next((r for r in self.rules if r.years is None), None)
        minor = next((r for r in self.rules if r.name == "Minor client"), None)
        minors = {m["id"] for m in self.matters if m["practice_area"] in ("Personal injury", "Family law")
                  and self.rng.random() < 0.15}
        worked: dict[tuple[date, int], tuple[date | None, str]] = {}
        for volume in volumes:
            closed_on = volume.matter["closed_on"]
            if not isinstance(closed_on, date):
                continue
            rule = rule_for(str(volume.matter["practice_area"]), self.rules)
            if volume.matter["id"] in minors and minor is not None:
                rule = minor
            if volume.label.startswith(PERMANENT_LABELS) and permanent is not None:
                rule = permanent
            volume.row["closed_on"] = closed_on
            if rule is not None:
                if (closed_on, rule.id) not in worked:  # a matter's files share the dates: work them out once
                    worked[closed_on, rule.id] = (destroy_after(closed_on, rule), retention_note(closed_on, rule))
                after, note = worked[closed_on, rule.id]
                volume.row.update(retention_rule_id=rule.id, destroy_after=after, retention_note=note)

    def _due(self, volume: _Volume) -> bool:
        after = volume.row["destroy_after"]
        return isinstance(after, date) and after <= self.today and not volume.row["out_to"]

    def _hold_and_destroy(self, volumes: list[_Volume]) -> None:
        """One due matter is on legal hold; the files due long ago went in yearly shredding batches; the rest wait."""
        due = [v for v in volumes if self._due(v)]
        self.tables["destruction"] = []
        if not due:
            return
        # A matter-wide hold when there is plenty else to review; in a small practice, one file's.
        middle = due[len(due) // 2]
        held = [v for v in due if v.matter["id"] == middle.matter["id"]]
        if len(due) - len(held) < 10:
            held = [middle]
        since = self.today - timedelta(days=120)
        reason = (f"Litigation hold: subpoena served {since.strftime('%d %b %Y').lstrip('0')} in a former "
                  "client's dispute; keep every file until counsel releases it")
        for volume in held:
            self._log(volume, since, "hold", reason=reason)
            volume.row.update(hold_reason=reason, hold_since=volume.moves[-1]["at"])
        held_ids = {v.row["id"] for v in held}
        free = sorted((v for v in due if v.row["id"] not in held_ids),
                      key=lambda v: (v.row["destroy_after"], v.row["id"]))
        keep = max(2, len(free) // 10)  # some are always left for the review list
        old = [v for v in free[: max(0, len(free) - keep)]
               if v.row["destroy_after"] <= self.today - timedelta(days=180)]
        if not old and len(free) >= 3:
            old = free[: len(free) // 3]
        batches: dict[int, list[_Volume]] = {}
        for volume in old:
            after = volume.row["destroy_after"]
            assert isinstance(after, date)
            batches.setdefault(after.year, []).append(volume)
        rows: list[Row] = []
        numbered: dict[int, int] = {}
        for _year, batch in sorted(batches.items()):
            latest = max(v.row["destroy_after"] for v in batch)
            assert isinstance(latest, date)
            day = min(self.today - timedelta(days=7), latest + timedelta(days=self.rng.randint(20, 60)))
            numbered[day.year] = numbered.get(day.year, 0) + 1
            number = f"D-{day.year}-{numbered[day.year]:04d}"  # as services.destruction numbers certificates
            method = "Cross-cut shredding, witnessed (Iron Mountain Secure Shredding)"
            approver = next((k for k in self.timekeepers if k["is_attorney"]), self.timekeepers[0])
            rows.append(dict(id=len(rows) + 1, certificate_number=number, approved_by=approver["initials"],
                             approved_by_name=approver["name"],
                             approved_on=day - timedelta(days=7), destroyed_on=day, method=method,
                             destroyed_by="Iron Mountain Secure Shredding", witness="Lucía Ortega",
                             notes="Yearly review of closed files past retention.", recorded_at=self._at(day, 16),
                             recorded_by=BY, file_count=len(batch)))
            for volume in batch:
                was = self.places_by_id.get(volume.row["location_id"])
                self._log(volume, day, "destroyed", from_text=was["path"] if was else "",
                          from_location_id=was["id"] if was else None, to_text=method,
                          reason=f"Certificate of destruction {number}, approved by MAH")
                volume.row.update(destroyed_at=volume.moves[-1]["at"], destruction_id=rows[-1]["id"],
                                  location_id=None)
        self.tables["destruction"] = rows
