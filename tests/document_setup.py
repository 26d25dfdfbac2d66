"""Documents put straight into a database (the ORM, as the store would file them), for the documents list tests.

Each document gets one file per version under `root`/<matter folder>/, so opening a version finds a real file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from legalsec_desktop.db.document_models import DocumentFolderRow, DocumentRow, DocumentVersionRow
from legalsec_desktop.db.models import MatterRow


@dataclass(frozen=True)
class Sample:
    title: str
    kind: str = "correspondence"
    author: str = ""
    versions: int = 1
    state: str = "indexed"
    missing: bool = False


SAMPLES = (
    Sample("Letter from opposing counsel re extension", "correspondence", "Dana Whitfield"),
    Sample("Complaint (court-stamped)", "pleading", "Court clerk", versions=2),
    Sample("Scanned medical records", "evidence", "", state="needs_ocr"),
    Sample("Settlement draft", "other", "Mary Hale", state="waiting"),
    Sample("Photo of the site", "evidence", "", missing=True),
)


def add_documents(store, root: Path, matter_id: int | None = None,  # noqa: ANN001
                  samples: tuple[Sample, ...] = SAMPLES, on: date = date(2026, 11, 2)) -> list[int]:
    """File `samples` into one matter (the first matter when None); returns the documents' ids, in order."""
    now = store.clock.utc_now()
    ids: list[int] = []
    with store.write() as session:
        matter = (session.get(MatterRow, matter_id) if matter_id
                  else session.query(MatterRow).order_by(MatterRow.id).first())
        folder = session.get(DocumentFolderRow, matter.id)
        if folder is None:
            folder = DocumentFolderRow(matter_id=matter.id, folder=f"{matter.number} {matter.title}"[:60].strip())
            session.add(folder)
        for index, sample in enumerate(samples):
            doc = DocumentRow(matter_id=matter.id, title=sample.title, kind=sample.kind, author=sample.author,
                              doc_date=on - timedelta(days=index), filed_at=now, filed_by="Test")
            session.add(doc)
            session.flush()
            for number in range(1, sample.versions + 1):
                name = f"{doc.doc_date.isoformat()} {sample.title} v{number}.txt"
                body = f"{sample.title}, version {number}".encode()
                path = root / folder.folder / name
                if not sample.missing:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(body)
                session.add(DocumentVersionRow(
                    document_id=doc.id, number=number, path=f"{folder.folder}/{name}",
                    original_name=f"{sample.title}.txt",
                    sha256=hashlib.sha256(body + str(doc.id).encode()).hexdigest(), size_bytes=len(body), modified_ns=0,
                    filed_at=now, text_state=sample.state, missing_since=now if sample.missing else None))
            ids.append(doc.id)
    return ids
