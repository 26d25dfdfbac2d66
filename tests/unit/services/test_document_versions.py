"""A document's newest version in SQL: one subquery and one join condition, used by every query that needs it."""

import re
from pathlib import Path

from documents_setup import CLOCK, make_file, new_matter
from sqlalchemy import select

from legalsec_desktop.db.document_models import DocumentVersionRow
from legalsec_desktop.services import document_versions
from legalsec_desktop.services.document_filing import file_documents, file_new_version
from legalsec_desktop.services.document_versions import is_newest, newest_versions

SERVICES = Path(document_versions.__file__).parent


def test_the_newest_version_of_each_document_and_its_count(store, tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    matter = new_matter(store)
    sources = [make_file(tmp_path, "a.txt", "a"), make_file(tmp_path, "b.txt", "b")]
    one, two = file_documents(store, root, matter, sources, CLOCK, "AB")
    for n in (2, 3):
        file_new_version(store, root, one.document_id, make_file(tmp_path / str(n), "a.txt", f"a{n}"), CLOCK, "AB")
    newest = newest_versions()
    with store.read() as session:
        rows = session.execute(select(DocumentVersionRow.document_id, DocumentVersionRow.number, newest.c.count)
                               .join(newest, is_newest(newest)).order_by(DocumentVersionRow.document_id)).all()
    assert [tuple(row) for row in rows] == [(one.document_id, 3, 3), (two.document_id, 1, 1)]


def test_no_other_service_writes_the_newest_version_subquery_again():
    written = re.compile(r"func\.max\(\s*DocumentVersionRow\.number\s*\)")
    again = [path.name for path in SERVICES.glob("*.py")
             if path.name != "document_versions.py" and written.search(path.read_text(encoding="utf-8"))]
    assert again == []
