"""The inbox's reading: each file hashed and each e-mail parsed once while it is unchanged, one session a look."""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import datetime, timezone

import pytest
from documents_setup import CLOCK, make_file, new_matter

from legalsec_desktop.services import document_filing, inbox

LATER = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
MAIL_TEXT = ("From: Dana Lee <dana@example.com>\r\nTo: office@example.com\r\nSubject: Re 2026-0001 the lease\r\n"
             "Date: Mon, 2 Nov 2026 09:00:00 +0000\r\nMessage-ID: <a1@example.com>\r\n\r\nSee the lease.\r\n")


@pytest.fixture
def scans(tmp_path):
    folder = tmp_path / "Scans"
    make_file(folder, "Scan 0001.pdf", b"%PDF-1.4 scan one")
    make_file(folder, "2026-0001 letter.pdf", b"%PDF-1.4 scan two")
    make_file(folder, "lease.eml", MAIL_TEXT)
    return folder


@pytest.fixture
def counted(monkeypatch, store):
    """How often files are hashed, e-mails parsed and sessions opened."""
    calls = {"hash": 0, "mail": 0, "session": 0}
    hashing, reading = inbox.content_hash, store.read
    from legalsec_desktop.formats import mail_file

    parsing = mail_file.read_mail

    def content_hash(path):
        calls["hash"] += 1
        return hashing(path)

    def read_mail(path):
        calls["mail"] += 1
        return parsing(path)

    @contextmanager
    def read():
        calls["session"] += 1
        with reading() as session:
            yield session

    monkeypatch.setattr(inbox, "content_hash", content_hash)
    monkeypatch.setattr(mail_file, "read_mail", read_mail)
    monkeypatch.setattr(store, "read", read)
    return calls


def look(store, folder, cache):
    return inbox.inbox_files(store, inbox.inbox_entries(folder, LATER)[0], cache)


def test_each_file_is_read_once_while_unchanged_in_one_session_a_look(store, scans, counted):
    matter_id = new_matter(store)
    cache = inbox.InboxCache()
    first = look(store, scans, cache)
    assert counted == {"hash": 3, "mail": 1, "session": 1}
    by_name = {item.entry.path.name: item for item in first}
    assert by_name["lease.eml"].matter_id == matter_id and "subject" in by_name["lease.eml"].reason
    named = by_name["2026-0001 letter.pdf"]
    assert named.matter_id == matter_id and "file name" in named.reason
    assert by_name["Scan 0001.pdf"].matter_id is None

    # Filed meanwhile: seen at the next look, without reading any file again.
    document_filing.file_documents(store, scans.parent / "Documents", matter_id, [scans / "Scan 0001.pdf"], CLOCK,
                                   "AB")
    counted["session"] = 0
    again = {item.entry.path.name: item for item in look(store, scans, cache)}
    assert counted == {"hash": 3, "mail": 1, "session": 1}
    assert again["Scan 0001.pdf"].filed_title == "Scan 0001"


def test_a_changed_file_is_read_again_and_a_gone_one_is_forgotten(store, scans, counted):
    cache = inbox.InboxCache()
    look(store, scans, cache)
    assert len(cache) == 3
    changed = scans / "Scan 0001.pdf"
    changed.write_bytes(b"%PDF-1.4 scan one, rescanned")
    stamp = datetime(2026, 11, 3, 12, 0, tzinfo=timezone.utc).timestamp()
    os.utime(changed, (stamp, stamp))
    (scans / "lease.eml").unlink()
    look(store, scans, cache)
    assert (counted["hash"], counted["mail"], len(cache)) == (4, 1, 2)  # only the changed file read again
