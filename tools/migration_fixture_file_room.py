"""The rows tools/make_migration_fixture.py adds for the paper file room (revision 0009 on)."""

from __future__ import annotations

import json
from typing import Any


def fill_file_room(f: Any, live: int, closed: int, estate: int | None, partner: object) -> None:
    """Revision 0009's file room: places (a hierarchy, off-site storage, a retired one), volumes that use every
    column (out to a timekeeper, on hold, destroyed in a batch), every kind of movement, retention and closing."""
    from legalsec_desktop.domain.names import search_fold  # exists from 0005, long before these tables

    def place(parent: tuple[int | None, str], name: str, kind: str, offsite: int = 0,
              retired_at: str | None = None) -> tuple[int | None, str]:
        path = f"{parent[1]} ▸ {name}" if parent[0] is not None else name
        return f.add("storage_location", parent_id=parent[0], name=name, kind=kind, path=path,
                     path_key=search_fold(path), search_key=search_fold(path), offsite=offsite,
                     retired_at=retired_at), path

    office = place((None, ""), "Kanzlei Düsseldorf", "office")
    cabinet = place(office, "Aktenschrank „B“", "cabinet")
    drawer = place(cabinet, "Schublade 2", "drawer")
    storage = place((None, ""), "Off-site storage — Iron Mountain (Köln)", "storage", offsite=1)
    box = place(storage, "Box 17", "box", offsite=1)
    cellar = place((None, ""), "Alter Keller (geräumt)", "room", retired_at="2026-11-06 09:00:00.000000")
    standard = f.scalar("SELECT id FROM retention_rule WHERE years = 7 ORDER BY id LIMIT 1")
    f.add("retention_rule", name="Originalurkunden — dauerhaft", practice_area="Estate planning", years=None,
          notes="Originale werden nie vernichtet: «return to the client».", position=10, retired_at=None)
    old_rule = f.add("retention_rule", name="Alte Regel — 5 Jahre", practice_area="", years=5,
                     notes="Replaced by the seven-year rule.", position=11, retired_at="2026-01-02 10:00:00.000000")
    f.add("closing_item", text="Akte digitalisiert ✓ (S:\\Archiv)", check="", position=10,
          retired_at="2026-03-02 10:15:00.000000")
    batch = f.add("destruction", certificate_number="D-2026-0001", approved_by="MAH", approved_by_name="Mary A. Hale",
                  approved_on="2026-11-02",
                  destroyed_on="2026-11-05", method="Cross-cut shredding (DIN 66399 P-4)",
                  destroyed_by="Reißwolf GmbH — Aktenvernichtung", witness="Siobhán O'Brien-Núñez",
                  notes="Bins sealed; certificate № 7781 from the shredder attached.",
                  recorded_at="2026-11-05 15:00:00.000000", recorded_by="LS", file_count=1)
    checklist = [{"text": "No deadlines left open", "check": "deadlines", "done": True, "detail": ""},
                 {"text": "Closing letter sent", "check": "", "done": False, "detail": "„by the partner“"}]
    f.add("matter_closing", matter_id=closed, closed_number="C-2021-017", closed_on="2021-06-30",
          closed_at="2021-06-30 17:00:00.000000", closed_by="LS", checklist=json.dumps(checklist, ensure_ascii=False),
          override_reason="Der Partner hat den Abschlussbrief selbst übergeben.")
    f.update("matter", closed, closed_number="C-2021-017")
    f.update("file_record", estate, location_id=box[0], home_location_id=box[0], retention_rule_id=standard,
             retention_note="Closed 06/30/2021 + 7 years (Standard) = may be destroyed from 06/30/2028.",
             hold_reason="Litigation hold: Müller v. Öztürk Erben (LG Düsseldorf)",
             hold_since="2026-09-01 08:00:00.000000")
    out_to = f.scalar("SELECT name FROM timekeeper WHERE id = ?", partner)
    pleadings = f.add("file_record", matter_id=live, barcode="OZ0042", label="Schriftsätze — Pleadings, vol. 2",
                      medium="binder", location="", box="", opened_on="2026-10-05", closed_on=None,
                      destroy_after=None, notes="Pre-printed label „OZ0042“.", home_location_id=drawer[0],
                      out_to=out_to, out_timekeeper_id=partner, out_reason="Hearing 12/08 — Courtroom 14C",
                      out_at="2026-11-20 08:45:00.000000", due_back_on="2026-12-09")
    shredded = f.add("file_record", matter_id=closed, barcode="F900003", label="Discovery — box 3 (Nachlass)",
                     medium="box", location="", box="", opened_on="2019-04-01", closed_on="2021-06-30",
                     destroy_after="2026-06-30", notes="", home_location_id=cellar[0], retention_rule_id=old_rule,
                     retention_note="Closed 06/30/2021 + 5 years (Alte Regel — 5 Jahre) = may be destroyed from "
                                    "06/30/2026.", destroyed_at="2026-11-05 14:00:00.000000", destruction_id=batch)
    lines = [  # (file, at, kind, from place, to place, to text, timekeeper, due on, reason)
        (estate, "2019-04-01 12:00:00", "created", None, box, "", None, None, "Indexed before the file room"),
        (estate, "2021-06-30 17:00:00", "closed", None, None, "C-2021-017", None, None, ""),
        (estate, "2026-09-01 08:00:00", "hold", None, None, "", None, None, "Litigation hold: Müller v. Öztürk"),
        (pleadings, "2026-10-05 09:00:00", "created", None, cabinet, "", None, None, ""),
        (pleadings, "2026-10-06 10:00:00", "moved", cabinet, drawer, "", None, None, "Schrank voll"),
        (pleadings, "2026-11-02 08:30:00", "out", drawer, None, out_to, partner, "2026-11-04", "Deposition prep"),
        (pleadings, "2026-11-04 17:10:00", "in", None, drawer, "", partner, None, ""),
        (pleadings, "2026-11-20 08:45:00", "out", drawer, None, out_to, partner, "2026-12-09", "Hearing 12/08"),
        (shredded, "2019-04-01 12:00:00", "created", None, cellar, "", None, None, ""),
        (shredded, "2019-10-01 09:00:00", "to_storage", cellar, box, "", None, None, "Platz im Keller"),
        (shredded, "2020-02-03 09:00:00", "returned", box, cellar, "", None, None, "Needed for the hearing"),
        (shredded, "2020-03-01 09:00:00", "hold", None, None, "", None, None, "Subpoena duces tecum (Zoë Ægir)"),
        (shredded, "2021-01-15 09:00:00", "released", None, None, "", None, None, "Subpoena withdrawn"),
        (shredded, "2021-06-30 17:00:00", "closed", None, None, "C-2021-017", None, None, ""),
        (shredded, "2021-08-02 11:00:00", "reopened", None, None, "", None, None, "Nachlassgericht asked for a copy"),
        (shredded, "2026-11-05 14:00:00", "destroyed", cellar, None, "Reißwolf GmbH", None, None, "CD-2026-0001"),
    ]
    for file_id, at, kind, source, target, to_text, keeper, due_on, reason in lines:
        f.add("file_movement", file_id=file_id, at=at + ".000000", by_name="LS" if keeper is None else "Jürgen W.",
              kind=kind, from_text=source[1] if source else "", to_text=target[1] if target else to_text,
              from_location_id=source[0] if source else None, to_location_id=target[0] if target else None,
              timekeeper_id=keeper, due_on=due_on, reason=reason)
