"""The rows tools/make_migration_fixture.py adds for the letter templates and packages (revision 0011 on)."""

from __future__ import annotations

from typing import Any


def fill_letters(f: Any) -> None:
    """Revision 0011's letter templates: one used, checked and offered when a conflict check is declined; one never
    checked or used, whose file Word could not open; a package of both."""
    f.add("letter_template", file_name="Non-engagement letter.docx", name="Non-engagement letter",
          purpose="declination", description="Declining a matter «after» a conflict check",
          fields='["client", "matter"]',
          asks='[{"name": "reason", "kind": "choice", "label": "Why", "choices": ["conflict", "capacity"]}]',
          problem="", checked_size=18_211, checked_mtime_ns=1_795_000_000_123_456_789, added_at="2026-11-02 09:00:00",
          last_used_at="2026-11-20 15:30:00.000000", use_count=3)
    f.add("letter_template", file_name="Brief an Gegenanwalt – Müller.docx", name="Brief an Gegenanwalt (Müller)",
          purpose="", description="", fields="", asks="", problem="The file is not a Word document (.docx).",
          checked_size=None, checked_mtime_ns=None, added_at="2026-11-21 08:00:00", last_used_at=None, use_count=0)
    f.add("letter_package", name="New matter package 📎", created_at="2026-11-02 09:05:00",
          templates='["Non-engagement letter", "Brief an Gegenanwalt (Müller)"]')
