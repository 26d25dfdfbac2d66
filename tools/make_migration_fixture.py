"""Build the migration fixture of this checkout's schema revision: the demo practice with rows in every table.

    python tools/make_migration_fixture.py [--out FOLDER]

Writes tests/data/migrations/rev-<REVISION>.db (REVISION: the head migration of this checkout), which
tests/unit/db/test_migration_fixtures.py upgrades to the newest schema, checking that no row is lost.
Run it in the change that adds a migration (it builds the new head's fixture), so that the next
migration finds the revision it upgrades from. Standard library and this checkout's own code only.

What it does:
  1. builds the small demo practice (seed 1, built around 2026-11-23) with this checkout's code;
  2. shrinks tables above MAX_ROWS, deleting only rows no other row refers to, children first (with the
     triggers that refuse deletions set aside meanwhile, and re-created from their own SQL);
  3. adds the rows the demo leaves out: a row in every table, non-ASCII names and quotes, optional
     columns left NULL and filled, and a row through every foreign key (fill() below);
  4. switches to a rollback journal (one self-contained file) and VACUUMs;
  5. checks: integrity_check, foreign_key_check, every table has rows, every foreign key is used,
     every optional column is NULL somewhere and filled somewhere, the triggers are the migrations' own.
     Nothing is written unless all pass.

The same file builds the fixtures of older revisions from old checkouts: a table or column that a
later migration added (LATER_TABLES, LATER_COLUMNS) is left out when the schema being filled does not
have it yet; any other column a row names must exist, so a typo fails instead of vanishing.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # this checkout's code, whichever checkout the environment installed

from migration_fixture_search import prune_search, search_problems  # noqa: E402 - beside this file (on sys.path)

DEMO_SIZE, DEMO_SEED, DEMO_TODAY = "small", 1, date(2026, 11, 23)
MAX_ROWS = 300  # per table: enough for every kind of row, small enough to keep the file well under 1 MB
DEFAULT_OUT = ROOT / "tests" / "data" / "migrations"
SKIP_TABLES = {"alembic_version"}
ONE_ROW_TABLES = {"firm"}  # the firm's settings: one row, so an optional column cannot be both NULL and set

# What migrations after 0001 added: rows below name them, and they are left out at a revision without them.
LATER_TABLES = {"conflict_check": "0002", "court_closure": "0003", "reminder_ack": "0003", "timer": "0004",
                "todo": "0008", **{name: "0009" for name in ("storage_location", "file_movement", "retention_rule",
                                                            "closing_item", "matter_closing", "destruction")},
                **{name: "0010" for name in ("document_folder", "document", "document_version")},
                "letter_template": "0011", "letter_package": "0011"}
LATER_COLUMNS = {
    "contact": {"match_key": "0002", "rate_override_cents": "0004", "billing_increment_minutes": "0004",
                "billing_id": "0004", "courtesy_title": "0011", "organization": "0011"},
    "contact_alias": {"match_key": "0002"},
    "event": {name: "0003" for name in ("rrule", "exdates", "series_id", "occurrence_date", "trigger_id",
                                         "rule_key", "history", "deleted_at")},
    "file_record": {name: "0009" for name in ("barcode", "location_id", "home_location_id", "out_to",
                                              "out_timekeeper_id", "out_reason", "out_at", "due_back_on",
                                              "retention_rule_id", "retention_note", "hold_reason", "hold_since",
                                              "destroyed_at", "destruction_id")},
    "firm": {"reminder_leads": "0003", "tax_id": "0004", "documents_root": "0010", "inbox_folder": "0010",
             **{name: "0011" for name in ("templates_folder", "phone", "fax", "email")}},
    "matter": {"uses_utbms": "0004", "client_matter_id": "0004", "closed_number": "0009"},
    "timekeeper": {"classification": "0004", "title": "0011", "bar_number": "0011"},
}


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Filler:
    """Inserts and updates rows by column name, leaving out what this revision's schema does not have yet."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def columns(self, table: str) -> list[str]:
        return [row[1] for row in self.conn.execute(f"PRAGMA table_info({quoted(table)})")]

    def _present(self, table: str, values: dict[str, object]) -> dict[str, object]:
        columns = set(self.columns(table))
        unknown = [name for name in values if name not in columns and name not in LATER_COLUMNS.get(table, {})]
        if unknown:
            raise KeyError(f"{table} has no column {', '.join(unknown)} (nor did a later migration add it)")
        if "match_key" in columns and "match_key" not in values:
            from legalsec_desktop.domain.names import fold_name  # exists from 0002, with the column

            values = {**values, "match_key": fold_name(str(values["alias" if table == "contact_alias" else "name"]))}
        return {name: value for name, value in values.items() if name in columns}

    def add(self, table: str, **values: object) -> int | None:
        """Insert one row; return its rowid (None when this revision has no such table yet)."""
        if table not in self.tables:
            if table not in LATER_TABLES:
                raise KeyError(f"there is no table {table} (nor did a later migration add it)")
            return None
        values = self._present(table, values)
        names = ", ".join(quoted(n) for n in values)
        marks = ", ".join("?" for _ in values)
        return self.conn.execute(f"INSERT INTO {quoted(table)} ({names}) VALUES ({marks})",
                                 list(values.values())).lastrowid

    def update(self, table: str, row_id: int, **values: object) -> None:
        values = self._present(table, values)
        if values:
            assignments = ", ".join(f"{quoted(n)} = ?" for n in values)
            self.conn.execute(f"UPDATE {quoted(table)} SET {assignments} WHERE id = ?", [*values.values(), row_id])

    def scalar(self, sql: str, *params: object) -> object:
        return self.conn.execute(sql, params).fetchone()[0]

    def next_number(self, year: int) -> str:
        """The next free matter number of a year, in the demo's pattern {year}-{seq:04d}."""
        numbers = [row[0] for row in self.conn.execute("SELECT number FROM matter WHERE number LIKE ?", (f"{year}-%",))]
        return f"{year}-{max((int(n.split('-')[1]) for n in numbers), default=0) + 1:04d}"


def fill(f: Filler) -> None:
    """The rows the demo practice does not write: every table, the awkward values, every foreign key."""
    partner = f.scalar("SELECT id FROM timekeeper WHERE is_attorney = 1 ORDER BY id LIMIT 1")
    associate = f.scalar("SELECT id FROM timekeeper WHERE is_attorney = 1 ORDER BY id DESC LIMIT 1")
    f.update("timekeeper", partner, classification="PARTNR")
    f.update("timekeeper", associate, classification="ASSOC", title="Associate", bar_number="NY 5512034")
    f.update("firm", f.scalar("SELECT min(id) FROM firm"), tax_id="94-1234567",
             reminder_leads=json.dumps({"hearing": [7, 1], "filing deadline": [14, 3, 1], "trial": [30, 7]}),
             templates_folder="Vorlagen & Briefe", phone="(212) 555-0100", fax="(212) 555-0101",
             email="office@example.com")
    clerk = f.add("timekeeper", name="Jürgen Weiß-Łukasiewicz", initials="JWL", default_rate_cents=0,
                  is_attorney=0, daily_target_minutes=420, active=0, classification="PARLGL")

    # Contacts: an organization client with its own billing terms, a person with every optional column
    # empty, and a deleted contact; quotes, apostrophes and a character outside the BMP in the text.
    oztuerk = f.add("contact", is_organization=1, name="Öztürk GmbH", sort_name="Öztürk GmbH",
                    address="Königsallee 12\n40212 Düsseldorf\nDeutschland", phone="+49 211 555 0142",
                    email="recht@oeztuerk.example",
                    notes='Mandant seit 2019; says "call before 10"; 100% Ümlaut_ok 📎',
                    is_client=1, deleted_at=None, rate_override_cents=38_000, billing_increment_minutes=10,
                    billing_id="OZT-7781")
    mueller = f.add("contact", is_organization=0, name="José Müller", sort_name="Müller, José", address="",
                    phone="", email="", notes="", is_client=0, deleted_at=None, rate_override_cents=None,
                    billing_increment_minutes=None, billing_id="", courtesy_title="Mr.",
                    organization="Kanzlei Weiß & Söhne")
    gone = f.add("contact", is_organization=0, name="Siobhán O'Brien-Núñez", sort_name="O'Brien-Núñez, Siobhán",
                 address="12 Rue de l'Église\n75004 Paris", phone="", email="siobhan@example.com",
                 notes="Duplicate of a contact entered twice.", is_client=0, deleted_at="2026-03-02 10:15:00.000000")
    f.add("contact_alias", contact_id=oztuerk, alias="Oeztuerk GmbH", kind="aka")
    f.add("contact_alias", contact_id=oztuerk, alias="Öztürk Handels GmbH", kind="former company name")
    f.add("contact_alias", contact_id=mueller, alias="Jose Muller", kind="aka")

    # Matters: an open one with every optional column empty, a closed one with every one filled.
    live = f.add("matter", number=f.next_number(2026), title="Öztürk GmbH v. José Müller",
                 caption="ÖZTÜRK GMBH, Plaintiff, v. JOSÉ MÜLLER, Defendant.", client_id=oztuerk,
                 practice_area="Commercial litigation", court="U.S. District Court, S.D.N.Y.",
                 case_number="1:26-cv-09876", judge="Hon. Zoë Ødegård", jurisdiction="US-FED",
                 responsible_attorney_id=None, opened_on="2026-10-05", closed_on=None, status="open", sol_date=None,
                 sol_note="", rate_override_cents=None, notes="", uses_utbms=1, client_matter_id="ÖZ-2026/17")
    closed = f.add("matter", number=f.next_number(2019), title="Müller Estate: probate",
                   caption="", client_id=oztuerk, practice_area="Estate planning", court="", case_number="",
                   judge="", jurisdiction="", responsible_attorney_id=partner, opened_on="2019-04-01",
                   closed_on="2021-06-30", status="closed", sol_date="2021-04-01",
                   sol_note="Claims against the estate: one year (CCP 366.2)", rate_override_cents=25_000,
                   notes="Closed; original will returned to the family.", uses_utbms=0, client_matter_id="")
    f.add("party", matter_id=live, contact_id=oztuerk, role="client", deleted_at=None)
    f.add("party", matter_id=live, contact_id=mueller, role="opposing party", deleted_at=None)
    f.add("party", matter_id=closed, contact_id=gone, role="witness", deleted_at="2026-03-02 10:15:00.000000")

    # Events: a firm-wide day with no matter, a timed hearing with two attendees, a weekly series with a
    # moved occurrence, a trigger with the deadline computed from it, and a deleted event.
    f.add("event", matter_id=None, kind="reminder", title="Büro geschlossen — Thanksgiving", all_day=1,
          on_date="2026-11-26", start_utc=None, end_utc=None, tz="", location="", status="scheduled",
          docketed_by="LS", verified_by="", derivation="", notes="")
    hearing = f.add("event", matter_id=live, kind="hearing", title="Hearing on motion to dismiss (Öztürk)",
                    all_day=0, on_date="2026-12-08", start_utc="2026-12-08 15:00:00.000000",
                    end_utc="2026-12-08 16:30:00.000000", tz="America/New_York", location="Courtroom 14C",
                    status="scheduled", docketed_by="LS", verified_by="", derivation="",
                    notes="Bring the Übersetzung.")
    series = f.add("event", matter_id=live, kind="meeting", title="Weekly status call — José Müller", all_day=0,
                   on_date="2026-11-30", start_utc="2026-11-30 17:00:00.000000", end_utc="2026-11-30 17:30:00.000000",
                   tz="America/Los_Angeles", location="", status="scheduled", docketed_by="LS", verified_by="",
                   derivation="", notes="", rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=8", exdates="2026-12-14,2026-12-28")
    f.add("event", matter_id=live, kind="meeting", title="Weekly status call — José Müller (moved)", all_day=0,
          on_date="2026-12-15", start_utc="2026-12-15 17:00:00.000000", end_utc="2026-12-15 17:30:00.000000",
          tz="America/Los_Angeles", location="", status="scheduled", docketed_by="LS", verified_by="",
          derivation="", notes="", series_id=series, occurrence_date="2026-12-14")
    served = f.add("event", matter_id=live, kind="reminder", title="Complaint and summons served", all_day=1,
                   on_date="2026-11-02", start_utc=None, end_utc=None, tz="", location="", status="done",
                   docketed_by="LS", verified_by="MAH", derivation="", notes="")
    request = {"rules": "US-FED", "trigger": "2026-11-02", "count": 21, "unit": "days", "before": False,
               "service": "personal", "tz": "", "trigger_label": "Complaint and summons served 2026-11-02",
               "cite": "FRCP 12(a)(1)(A)(i)"}
    derivation = {"due": "2026-11-23", "tz": "", "rules": "US-FED", "skipped": [], "warnings": [],
                  "steps": ["Trigger: Complaint and summons served, Monday, November 2, 2026",
                            "21 calendar days (FRCP 12(a)(1)(A)(i)) → Monday, November 23, 2026"],
                  "request": request}
    answer = f.add("event", matter_id=live, kind="response deadline", title="Answer due", all_day=1,
                   on_date="2026-11-23", start_utc=None, end_utc=None, tz="", location="", status="scheduled",
                   docketed_by="LS", verified_by="", derivation=json.dumps(derivation), notes="",
                   trigger_id=served, rule_key="US-FED/answer/0",
                   history="11/02/2026 09:12 AM: Computed: FRCP 12(a)(1)(A)(i), due 11/23/2026.")
    f.add("event", matter_id=closed, kind="deposition", title="Deposition of Siobhán O'Brien-Núñez", all_day=0,
          on_date="2020-05-12", start_utc="2020-05-12 16:00:00.000000", end_utc="2020-05-12 19:00:00.000000",
          tz="America/Los_Angeles", location="", status="vacated", docketed_by="LS", verified_by="",
          derivation="", notes="", deleted_at="2020-05-01 08:00:00.000000")
    f.add("event_attendee", event_id=hearing, timekeeper_id=partner)
    f.add("event_attendee", event_id=hearing, timekeeper_id=clerk)
    f.add("event_attendee", event_id=series, timekeeper_id=associate)
    f.add("reminder_ack", event_id=answer, occurrence_date="2026-11-23", lead_days=7)
    f.add("reminder_ack", event_id=answer, occurrence_date="2026-11-23", lead_days=1)
    f.add("reminder_ack", event_id=series, occurrence_date="2026-11-30", lead_days=1)

    f.add("time_entry", entry_date="2026-11-20", timekeeper_id=clerk, matter_id=live, minutes=18, rate_cents=0,
          billable="no charge", task_code="", activity_code="",
          narrative="Telefonat mit José Müller; Übersetzung der Kündigung geprüft", status="draft")
    f.add("time_entry", entry_date="2026-11-16", timekeeper_id=partner, matter_id=live, minutes=84,
          rate_cents=38_000, billable="billable", task_code="L120", activity_code="A104",
          narrative='Review "Öztürk" supply contract; note re: § 4.2', status="final")
    mail_entry = f.add("communication", matter_id=live, kind="email", direction="in",
          occurred_at="2026-11-04 09:30:00.000000",
          with_whom="José Müller", subject="Re: Kündigung – Ihr Schreiben vom 3. November",
          summary="Asks for a two-week extension; «not before Christmas».", follow_up_on=None, deleted_at=None)
    closing_letter = f.add("communication", matter_id=closed, kind="letter", direction="out",
          occurred_at="2021-06-30 16:00:00.000000", with_whom="Öztürk GmbH", subject="Closing letter",
          summary="", follow_up_on="2021-07-14", deleted_at="2021-07-01 09:00:00.000000")
    f.add("file_record", matter_id=live, label="Korrespondenz, vol. 1", medium="digital",
          location="Scanned to S:\\Clients\\Öztürk", box="", opened_on="2026-10-05", closed_on=None,
          destroy_after=None, notes="", barcode="F900001")
    estate = f.add("file_record", matter_id=closed, label="Estate papers, vol. 1",
                   medium="folder" if "storage_location" in f.tables else "paper", location="Cabinet B",
                   box="Box 17", opened_on="2019-04-01", closed_on="2021-06-30", destroy_after="2028-06-30",
                   notes="Original will returned; copies only.", barcode="F900002")
    if "storage_location" in f.tables:  # revision 0009 on: its own module (older checkouts never need it)
        from migration_fixture_file_room import fill_file_room  # beside this file, on the path of a script

        fill_file_room(f, live, closed, estate, partner)
    if "document" in f.tables:  # revision 0010 on
        from migration_fixture_documents import fill_documents

        fill_documents(f, live, closed, mail_entry)
    if "letter_template" in f.tables:  # revision 0011 on
        from migration_fixture_letters import fill_letters

        fill_letters(f)

    hits = [{"searched": "José Müller", "name": "Jose Muller", "contact_id": mueller, "contact_name": "José Müller",
             "matter_id": live, "matter_number": "", "matter_title": "Öztürk GmbH v. José Müller",
             "role": "opposing party", "matter_status": "open", "score": 100, "likely": False}]
    f.add("conflict_check", checked_at="2026-10-05 11:20:00.000000", checked_by="LS",
          context="New matter: Öztürk GmbH v. José Müller", matter_id=live,
          names=json.dumps([{"name": "Öztürk GmbH", "side": "client"}, {"name": "José Müller", "side": "adverse"}]),
          hits=json.dumps(hits), hit_count=1, likely_count=0, decision="cleared",
          decided_at="2026-10-05 11:45:00.000000", notes="Müller is the adverse party here; no conflict.")
    f.add("conflict_check", checked_at="2026-11-20 15:05:00.000000", checked_by="LS",
          context="Prospective client: Zoë Ægir", matter_id=None,
          names=json.dumps([{"name": "Zoë Ægir", "side": "client"}]), hits="[]", hit_count=0, likely_count=0,
          decision="undecided", decided_at=None, notes="")
    f.add("court_closure", day="2026-12-24", rules="US-FED", reason="Christmas Eve: closed by order of the chief judge")
    f.add("court_closure", day="2026-01-27", rules="CA", reason="Storm — courthouse closed (Los Ángeles)")
    f.add("timer", timekeeper_id=partner, matter_id=live, narrative="Entwurf Klageerwiderung — Öztürk",
          elapsed_seconds=1_260, started_at="2026-11-23 14:05:00.000000", created_at="2026-11-23 13:40:00.000000")
    f.add("timer", timekeeper_id=clerk, matter_id=None, narrative="", elapsed_seconds=300, started_at=None,
          created_at="2026-11-23 09:00:00.000000")
    # To-dos: a firm-wide one assigned to the clerk, one on a matter ticked done, and the deleted closing letter's
    # follow-up (deleted with it); the demo's follow-ups are to-dos already.
    f.add("todo", matter_id=None, title="Order toner — „Büro“ 📎", due_on="2026-11-30", assigned_to=clerk,
          done_at=None, communication_id=None, notes="Two black, one cyan.", created_at="2026-11-20 14:00:00.000000",
          updated_at="2026-11-20 14:00:00.000000", deleted_at=None)
    f.add("todo", matter_id=live, title="Send José Müller the Übersetzung", due_on="2026-11-18", assigned_to=partner,
          done_at="2026-11-18 16:30:00.000000", communication_id=None, notes="",
          created_at="2026-11-16 09:00:00.000000", updated_at="2026-11-18 16:30:00.000000", deleted_at=None)
    if closing_letter is not None:
        f.add("todo", matter_id=closed, title="Follow up: letter with Öztürk GmbH — Closing letter",
              due_on="2021-07-14", assigned_to=None, done_at="2021-07-01 09:00:00.000000",
              communication_id=closing_letter, notes="", created_at="2021-06-30 16:00:00.000000",
              updated_at="2021-07-01 09:00:00.000000", deleted_at="2021-07-01 09:00:00.000000")


def foreign_keys(conn: sqlite3.Connection, table: str) -> list[tuple[str, list[str], list[str]]]:
    """(parent table, child columns, parent columns) of each foreign key of `table`."""
    grouped: dict[int, tuple[str, list[str], list[str]]] = {}
    for fk_id, _seq, parent, child_col, parent_col, *_ in conn.execute(f"PRAGMA foreign_key_list({quoted(table)})"):
        grouped.setdefault(fk_id, (parent, [], []))
        grouped[fk_id][1].append(child_col)
        grouped[fk_id][2].append(parent_col or "rowid")
    return list(grouped.values())


def is_search_table(name: str) -> bool:
    """The search index of revision 0010 on (search_entry, the FTS5 table search_text and SQLite's tables behind
    it): derived from the other tables, so not shrunk or checked as they are (search_problems checks it)."""
    return name == "search_entry" or name.startswith("search_text")


def user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master "
                        "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    return [row[0] for row in rows if row[0] not in SKIP_TABLES and not is_search_table(row[0])]


def children_first(conn: sqlite3.Connection, tables: list[str]) -> list[str]:
    """Tables ordered so that each comes before every table it refers to."""
    parents = {t: {p for p, _, _ in foreign_keys(conn, t) if p != t} for t in tables}
    order, remaining = [], set(tables)
    while remaining:
        ready = sorted(t for t in remaining if not any(t in parents[o] for o in remaining))
        ready = ready or sorted(remaining)  # a cycle: take the rest as it comes
        order += ready
        remaining -= set(ready)
    return order


def shrink(conn: sqlite3.Connection, max_rows: int) -> None:
    """Cut tables to `max_rows`, deleting an even spread of the rows no other row refers to."""
    tables = user_tables(conn)
    for table in children_first(conn, tables):
        count = conn.execute(f"SELECT count(*) FROM {quoted(table)}").fetchone()[0]
        if count <= max_rows:
            continue
        kept = []
        for child in tables:
            for parent, child_cols, parent_cols in foreign_keys(conn, child):
                if parent == table:
                    match = " AND ".join(f"c.{quoted(c)} = {quoted(table)}.{quoted(p)}"
                                         for c, p in zip(child_cols, parent_cols))
                    kept.append(f"NOT EXISTS (SELECT 1 FROM {quoted(child)} AS c WHERE {match})")
        where = " AND ".join(kept) or "1"
        candidates = [row[0] for row in conn.execute(f"SELECT rowid FROM {quoted(table)} WHERE {where} ORDER BY rowid")]
        drop = min(count - max_rows, len(candidates))
        doomed = [candidates[i * len(candidates) // drop] for i in range(drop)]
        conn.executemany(f"DELETE FROM {quoted(table)} WHERE rowid = ?", [(rowid,) for rowid in doomed])


def triggers_of(conn: sqlite3.Connection) -> dict[str, str]:
    """Every trigger's name and its SQL as stored."""
    return dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"))


def shrink_past_triggers(conn: sqlite3.Connection, max_rows: int) -> dict[str, str]:
    """Shrink with the schema's triggers set aside; return them (name -> SQL).

    Revision 0009's triggers refuse DELETE on the movement log, the destruction register and file_record. The
    shrink, inside the same transaction, drops them, deletes, and re-creates each from its own stored SQL, so
    the fixture has them exactly as the migrations made them (problems_of checks the written file again).
    """
    kept = triggers_of(conn)
    for name in kept:
        conn.execute(f"DROP TRIGGER {quoted(name)}")
    shrink(conn, max_rows)
    prune_search(conn)
    for sql in kept.values():
        conn.execute(sql)
    return kept


def problems_of(conn: sqlite3.Connection, triggers: dict[str, str]) -> list[str]:
    """Everything that keeps the file from being a fixture 'full of data in every table'."""
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
    if triggers_of(conn) != triggers:
        problems.append(f"the triggers are not the ones the migrations made: {sorted(triggers_of(conn))} "
                        f"instead of {sorted(triggers)}")
    problems += search_problems(conn)
    problems += [f"{t} row {rowid}: no {parent} row for foreign key {fk}"
                 for t, rowid, parent, fk in conn.execute("PRAGMA foreign_key_check")]
    for table in user_tables(conn):
        t = quoted(table)
        if conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] == 0:
            problems.append(f"{table} is empty: add rows for it in fill()")
            continue
        for parent, child_cols, _ in foreign_keys(conn, table):
            used = " AND ".join(f"{quoted(c)} IS NOT NULL" for c in child_cols)
            if not conn.execute(f"SELECT EXISTS (SELECT 1 FROM {t} WHERE {used})").fetchone()[0]:
                problems.append(f"no {table} row refers to {parent} through {', '.join(child_cols)}")
        for _cid, column, _type, notnull, _default, pk in conn.execute(f"PRAGMA table_info({t})"):
            if notnull or pk or table in ONE_ROW_TABLES:
                continue
            nulls, values = conn.execute(f"SELECT sum({quoted(column)} IS NULL), sum({quoted(column)} IS NOT NULL) "
                                         f"FROM {t}").fetchone()
            if not nulls or not values:
                problems.append(f"{table}.{column} is {'never' if not nulls else 'always'} NULL")
    return problems


def finish(path: Path) -> tuple[str, list[str], dict[str, int]]:
    """Shrink, fill, vacuum and check the demo at `path`; return its revision, problems and row counts."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, nothing beside it
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN")
        triggers = shrink_past_triggers(conn, MAX_ROWS)
        fill(Filler(conn))
        conn.execute("COMMIT")
        conn.execute("VACUUM")
        counts = {t: conn.execute(f"SELECT count(*) FROM {quoted(t)}").fetchone()[0] for t in user_tables(conn)}
        return revision, problems_of(conn, triggers), counts
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for rev-<REVISION>.db "
                        "(default: tests/data/migrations of this checkout)")
    args = parser.parse_args(argv)

    import legalsec_desktop
    import legalsec_desktop.resources
    from legalsec_desktop.services.demo import build_demo

    for package, expected in ((legalsec_desktop, ROOT / "src" / "legalsec_desktop"),
                              (legalsec_desktop.resources, ROOT / "resources")):
        found = Path(package.__file__).resolve().parent
        if found != expected.resolve():
            print(f"error: {package.__name__} comes from {found}, not from this checkout "
                  "(see tests/data/migrations/README.md)", file=sys.stderr)
            return 1
    args.out.mkdir(parents=True, exist_ok=True)
    if hasattr(time, "tzset"):  # the demo keeps local office hours as UTC instants: the same rows on any computer
        os.environ["TZ"] = "UTC"
        time.tzset()
    building = args.out / ".rev-building.db"
    try:
        build_demo(building, size=DEMO_SIZE, seed=DEMO_SEED, today=DEMO_TODAY, force=True)
        revision, problems, counts = finish(building)
    except BaseException:
        building.unlink(missing_ok=True)
        raise
    if problems:
        building.unlink()
        print(f"error: the revision {revision} fixture is not complete:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    target = args.out / f"rev-{revision}.db"
    os.replace(building, target)
    print(f"{target.name}: revision {revision}, {target.stat().st_size:,} bytes")
    for table, count in counts.items():
        print(f"  {table}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
