"""The demo practice's documents: real files filed through the program's own filing, read, logged and searchable."""

import hashlib
from datetime import datetime

from sqlalchemy import func, select

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.document_models import DocumentRow, DocumentVersionRow
from legalsec_desktop.db.models import CommunicationRow
from legalsec_desktop.services.demo_documents import add_demo_documents
from legalsec_desktop.services.document_root import documents_root, inbox_folder
from legalsec_desktop.services.search import search_everything

from tests.conftest import DEMO_TODAY

NOON = Clock(datetime.combine(DEMO_TODAY, datetime.min.time()).replace(hour=12))


def test_the_demo_files_documents_and_emails_of_its_own(demo_store, tmp_path):
    root, inbox = tmp_path / "Demo documents", tmp_path / "Demo inbox"
    counts = add_demo_documents(demo_store, root, inbox, NOON)

    assert documents_root(demo_store, tmp_path / "elsewhere") == root and inbox_folder(demo_store) == inbox
    with demo_store.read() as session:
        kinds = dict(session.execute(select(DocumentRow.kind, func.count()).group_by(DocumentRow.kind)).all())
        states = dict(session.execute(select(DocumentVersionRow.text_state, func.count())
                                      .group_by(DocumentVersionRow.text_state)).all())
        versions = session.scalars(select(DocumentVersionRow)).all()
        mails = session.scalars(select(DocumentRow).where(DocumentRow.kind == "email")).all()
        assert mails and all(mail.communication_id for mail in mails)
        logged = session.get(CommunicationRow, mails[0].communication_id)
        assert logged.kind == "email" and "extension" in logged.subject
        attachments = session.scalar(select(func.count()).where(DocumentRow.parent_id.is_not(None)))
        assert attachments == len(mails)
        assert max(version.number for version in versions) == 2
        second = session.scalars(select(DocumentRow).join(DocumentVersionRow).where(DocumentVersionRow.number == 2))
        assert [row.title for row in second] == ["Letter to opposing counsel re extension"]
    assert counts["matters with documents"] >= 4 and counts["documents read"] == len(versions) - 1  # v1 not read
    assert {"pleading", "correspondence", "email", "note", "evidence"} <= set(kinds)
    assert states.get("needs_ocr", 0) >= 1
    assert states.get("waiting", 0) == 1  # the first version of the letter filed again: only newest ones are read
    for version in versions:  # every file is where its row says, as it was filed
        assert hashlib.sha256((root / version.path).read_bytes()).hexdigest() == version.sha256
    assert not list(inbox.glob(".demo*")) and len(list(inbox.glob("*.pdf"))) == 2  # two left to file
    groups = search_everything(demo_store, "agree extension stipulation")
    assert groups and any(hit.kind == "email" for group in groups for hit in group.hits)
