"""What the document store's tests share: a matter, a documents root, the pinned clock, and a file maker."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import func, select

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.document_models import DocumentRow, DocumentVersionRow
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import matters

DOCS = Path(__file__).resolve().parent / "data" / "docs"
MAIL = Path(__file__).resolve().parent / "data" / "mail"
CLOCK = Clock(fixed=datetime(2026, 11, 30, 10, 0))
MODIFIED = datetime(2026, 11, 2, 12, 0, tzinfo=timezone.utc)  # the day the test files were "saved": Nov 2 anywhere


def new_matter(store, number="2026-0001", caption="Rivera v. Okafor") -> int:
    return matters.create_matter(store, MatterDraft(number, "Rivera matter", "Ana Rivera", date(2026, 2, 2),
                                                    caption=caption))


def make_file(folder: Path, name: str, data: bytes | str, when: datetime = MODIFIED) -> Path:
    """A file with `data`, modified at `when`."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    stamp = when.timestamp()
    os.utime(path, (stamp, stamp))
    return path


def counts(store) -> tuple[int, int]:
    """(documents, versions) in the database."""
    with store.read() as session:
        return (session.scalar(select(func.count()).select_from(DocumentRow)) or 0,
                session.scalar(select(func.count()).select_from(DocumentVersionRow)) or 0)


def stored_files(root: Path) -> list[str]:
    """Every file under the root, relative, '/' between folders."""
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())
