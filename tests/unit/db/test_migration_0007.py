"""Migration 0007: every timekeeper gets a LEDES classification (never blank, never ATTY); chosen codes stay."""

import shutil
import sqlite3
from pathlib import Path

from legalsec_desktop.services.database import open_database

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "migrations"


def test_blank_and_unknown_classifications_become_ledes_codes(tmp_path):
    path = tmp_path / "rev-0006 copy.db"
    shutil.copyfile(FIXTURES / "rev-0006.db", path)
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE timekeeper SET classification = 'ATTY' WHERE initials = 'DRC'")  # typed by hand
        conn.execute("UPDATE timekeeper SET classification = 'AS' WHERE initials = 'PNR'")  # a short form stays
        conn.commit()
        before = dict(conn.execute("SELECT initials, classification FROM timekeeper"))
    finally:
        conn.close()
    assert before == {"MAH": "PARTNR", "DRC": "ATTY", "PNR": "AS", "LO": "", "JWL": "PARLGL"}

    open_database(path, tmp_path / "backups").close()

    conn = sqlite3.connect(path)
    try:
        after = dict(conn.execute("SELECT initials, classification FROM timekeeper"))
        conn.execute("INSERT INTO timekeeper (name, initials, default_rate_cents, is_attorney, daily_target_minutes, "
                     "active) VALUES ('New Person', 'NP', 0, 1, 360, 1)")
        added = conn.execute("SELECT classification FROM timekeeper WHERE initials = 'NP'").fetchone()[0]
    finally:
        conn.close()
    assert after == {"MAH": "PARTNR", "DRC": "OTHER", "PNR": "AS", "LO": "PARLGL", "JWL": "PARLGL"}
    assert added == "OTHER"  # the column's default from this revision
