"""Filing e-mails: the real mails of the corpus found by a phrase of their body, the mail's own sender and date,
attachments filed and linked, logged in the same transaction (all or nothing), broken encodings, a .msg that is
not one, same subject and date, duplicates by Message-ID and by content."""

import base64
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from documents_setup import CLOCK, MAIL, counts, make_file, new_matter, stored_files
from sqlalchemy import event, func, select

from legalsec_desktop.db.document_models import DocumentRow
from legalsec_desktop.db.models import CommunicationRow
from legalsec_desktop.db.search_index import search_index
from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.formats.mail_file import read_mail
from legalsec_desktop.services import document_store, documents, mail_filing
from legalsec_desktop.services.document_filing import file_documents
from legalsec_desktop.services.document_store import file_path
from legalsec_desktop.services.indexing import index_waiting
from legalsec_desktop.services.mail_filing import file_mail

PHRASES = {  # each real mail of tests/data/mail, and a phrase of its body
    "cpython_msg_01.eml": "Do you like this message",
    "cpython_msg_07.eml": "This is the dingus fish",
    "cpython_msg_22.eml": "Text text text",
    "cpython_msg_26.eml": "Simple email with attachment",
    "cpython_msg_31.eml": "message 2",
    "cpython_msg_41.eml": "Blah blah blah",
    "cpython_msg_47.eml": "bar",
    "quick.msg": "quick brown fox jumps",
    "simple_test_msg.msg": "This is a test message",
    "attachment_test_msg.msg": "contenu",
    "chinese-traditional.msg": "Search word testing by Lydia",
}


def eml(folder: Path, name: str, subject: str = "Re: extension", body: str = "We agree to the extension.",
        message_id: str = "<one@example.com>", date: str = "Mon, 02 Nov 2026 15:04:05 -0500",
        extra: str = "", when: datetime | None = None) -> Path:
    """A small e-mail file, as a mail program saves it."""
    text = (f"From: Jane Roe <Jane.Roe@Example.com>\r\nTo: Al Smith <al@firm.com>\r\nCc: b@firm.com\r\n"
            f"Subject: {subject}\r\nDate: {date}\r\n"
            + (f"Message-ID: {message_id}\r\n" if message_id else "") + extra
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n")
    return make_file(folder, name, text.encode("utf-8"), **({"when": when} if when else {}))


def found(store, words):
    with store.read() as session:
        return [hit.ref_id for hit in search_index(session).search(session, words) if hit.kind == "document"]


def row(store, document_id) -> DocumentRow:
    with store.read() as session:
        found_row = session.get(DocumentRow, document_id)
        assert found_row is not None
        session.expunge(found_row)
        return found_row


def log_entries(store) -> list[CommunicationRow]:
    with store.read() as session:
        entries = list(session.scalars(select(CommunicationRow).order_by(CommunicationRow.id)))
        session.expunge_all()
        return entries


def test_every_real_mail_is_filed_logged_and_found_by_a_phrase_of_its_body(store, root, matter_id):
    results = {name: file_mail(store, root, matter_id, MAIL / name, CLOCK, "AB") for name in PHRASES}
    assert {name: result.outcome for name, result in results.items()} == dict.fromkeys(PHRASES, "filed")
    assert all(not result.flag for result in results.values())
    index_waiting(store, root, CLOCK)
    for name, phrase in PHRASES.items():
        assert results[name].document_id in found(store, phrase), name
        assert row(store, results[name].document_id).kind == "email"
    assert len(log_entries(store)) == len(PHRASES)
    assert documents.index_health(store).waiting == 0


def test_sender_recipients_and_date_come_from_the_mail_itself(store, root, matter_id):
    source = MAIL / "cpython_msg_01.eml"
    result = file_mail(store, root, matter_id, source, CLOCK, "AB")
    sent = read_mail(source).sent_at
    assert sent == datetime(2001, 5, 4, 18, 5, 44, tzinfo=timezone.utc)
    item = documents.document(store, result.document_id)
    assert (item.title, item.kind, item.author, item.doc_date) == (
        "This is a test message", "email", "John X. Doe <bbb@ddd.com>", to_local(sent).date())
    assert item.recipients == "bbb@zzz.org"
    stored = row(store, result.document_id)
    assert (stored.sender_address, stored.message_id) == ("bbb@ddd.com", "<15090.61304.110929.45684@aaa.zzz.org>")
    [entry] = log_entries(store)
    assert (entry.kind, entry.direction, entry.with_whom, entry.subject, entry.matter_id) == (
        "email", "in", "John X. Doe", "This is a test message", matter_id)
    assert entry.occurred_at == sent  # the mail's own instant, not the filing's nor the file's
    assert entry.summary == "Hi,\nDo you like this message?\n-Me"
    assert stored.communication_id == entry.id
    assert result.message == "filed as “This is a test message” and logged"


def test_a_mail_without_a_date_header_is_dated_by_its_file(store, root, matter_id, tmp_path):
    source = eml(tmp_path, "undated.eml", date="", when=datetime(2026, 10, 5, 12, 0, tzinfo=timezone.utc))
    result = file_mail(store, root, matter_id, source, CLOCK, "AB")
    assert documents.document(store, result.document_id).doc_date == to_local(
        datetime(2026, 10, 5, 12, 0, tzinfo=timezone.utc)).date()
    assert log_entries(store)[0].occurred_at == datetime(2026, 10, 5, 12, 0, tzinfo=timezone.utc)


def test_attachments_are_filed_as_documents_of_their_own_linked_to_the_mail(store, root, matter_id):
    result = file_mail(store, root, matter_id, MAIL / "attachment_test_msg.msg", CLOCK, "AB")
    mail = read_mail(MAIL / "attachment_test_msg.msg")
    assert [(a.source, a.outcome, a.title) for a in result.attachments] == [
        ("test-unicode.doc", "filed", "test-unicode"), ("pj1.txt", "filed", "pj1")]
    for attached, original in zip(result.attachments, mail.attachments, strict=True):
        item = documents.document(store, attached.document_id)
        assert (item.parent_id, item.kind, item.doc_date) == (result.document_id, "correspondence",
                                                              to_local(mail.sent_at).date())
        assert file_path(root, item.current).read_bytes() == original.read()
        assert item.description == "Attached to the e-mail “test pièce jointe 1”"
    index_waiting(store, root, CLOCK)
    text_of_pj1 = mail.attachments[1].read().decode("utf-8", "replace").split()[0]
    assert result.attachments[1].document_id in found(store, text_of_pj1)

    pictures = file_mail(store, root, matter_id, MAIL / "cpython_msg_22.eml", CLOCK, "AB")
    assert [(a.title, a.outcome) for a in pictures.attachments] == [("wibble", "filed"), ("wibble2", "filed")]
    assert {documents.document(store, a.document_id).kind for a in pictures.attachments} == {"other"}
    assert documents.document(store, pictures.document_id).title == "(no subject)"


def test_the_mail_its_attachments_and_its_log_entry_are_one_transaction(store, root, matter_id, monkeypatch):
    def broken(_body: str) -> str:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(mail_filing, "summary_of", broken)  # fails after the mail's document was inserted
    with pytest.raises(RuntimeError):
        file_mail(store, root, matter_id, MAIL / "cpython_msg_22.eml", CLOCK, "AB")
    assert counts(store) == (0, 0) and log_entries(store) == [] and stored_files(root) == []
    monkeypatch.undo()

    calls = []
    real_store_file = document_store.store_file

    def failing_on_the_second_attachment(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_store_file(*args, **kwargs)

    monkeypatch.setattr(mail_filing, "store_file", failing_on_the_second_attachment)
    result = file_mail(store, root, matter_id, MAIL / "cpython_msg_22.eml", CLOCK, "AB")
    assert (result.outcome, result.reason) == ("refused", "the disk of the documents folder is full")
    assert counts(store) == (0, 0) and log_entries(store) == [] and stored_files(root) == []
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(CommunicationRow)) == 0
    monkeypatch.undo()

    def then_the_commit_fails(session, *args, **kwargs):
        def refuse(_session):
            raise OSError(5, "Input/output error")  # the disk fails as the transaction commits

        event.listen(session, "before_commit", refuse)
        return real_store_file(session, *args, **kwargs)

    monkeypatch.setattr(mail_filing, "store_file", then_the_commit_fails)
    result = file_mail(store, root, matter_id, MAIL / "cpython_msg_22.eml", CLOCK, "AB")
    assert result.outcome == "refused"
    assert counts(store) == (0, 0) and log_entries(store) == [] and stored_files(root) == []


def test_broken_encodings_are_read_and_filed(store, root, matter_id, tmp_path):
    chinese = "律师函 关于延期"
    gb_subject = "=?gb2312?b?" + base64.b64encode(chinese.encode("gb2312")).decode() + "?="
    gb_body = ("From: =?gb2312?b?" + base64.b64encode("张伟".encode("gb2312")).decode() + "?= <zw@example.cn>\r\n"
               f"Subject: {gb_subject}\r\nDate: Mon, 02 Nov 2026 09:00:00 +0800\r\n"
               "Content-Type: text/plain; charset=gb2312\r\n\r\n").encode() + "我们同意延期至十二月。".encode("gb2312")
    unknown = (b"From: a@example.com\r\nSubject: =?x-no-such-charset?q?Caf=C3=A9_terms?=\r\n"
               b"Date: Mon, 02 Nov 2026 09:00:00 +0000\r\n"
               b"Content-Type: text/plain; charset=x-no-such-charset\r\n\r\n") + "Café terms agreed".encode()
    malformed = (b"From: b@example.com\r\nSubject: Broken parts\r\nMIME-Version: 1.0\r\n"
                 b"Content-Type: multipart/mixed; boundary=\"NOPE\"\r\n\r\n--OTHER\r\nContent-Type: text/plain\r\n"
                 b"\r\nMalformed parts still filed\r\n--OTHER--\r\n")
    results = file_documents(store, root, matter_id, [make_file(tmp_path, "gb.eml", gb_body),
                                                      make_file(tmp_path, "unknown.eml", unknown),
                                                      make_file(tmp_path, "malformed.eml", malformed),
                                                      MAIL / "cpython_msg_41.eml"], CLOCK, "AB")
    assert [r.outcome for r in results] == ["filed"] * 4
    assert [r.title for r in results] == [chinese, "Café terms", "Broken parts", "64423"]
    assert documents.document(store, results[0].document_id).author == "张伟 <zw@example.cn>"
    index_waiting(store, root, CLOCK)
    assert results[0].document_id in found(store, "律师函")
    assert results[0].document_id in found(store, "我们同意")  # a run of Chinese is one word: found by its start
    assert results[1].document_id in found(store, "terms agreed")
    assert results[2].document_id in found(store, "Malformed parts")
    assert len(log_entries(store)) == 4


def test_a_msg_that_is_not_one_is_filed_flagged_and_not_logged(store, root, matter_id, tmp_path):
    fake = make_file(tmp_path, "Letter to client.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00junk" * 200)
    text = make_file(tmp_path, "notes.msg", "just some notes, not an e-mail")
    results = file_documents(store, root, matter_id, [fake, text], CLOCK, "AB")
    assert [(r.outcome, r.flag, r.title) for r in results] == [("filed", "damaged", "Letter to client"),
                                                               ("filed", "damaged", "notes")]
    assert all(r.reason and "not logged" in r.message for r in results)
    assert log_entries(store) == []
    assert row(store, results[0].document_id).communication_id is None
    index_waiting(store, root, CLOCK)
    assert documents.document(store, results[0].document_id).current.text_state == "damaged"


def test_two_mails_with_the_same_subject_and_date_are_both_kept(store, root, matter_id, tmp_path):
    one = eml(tmp_path / "a", "mail.eml", body="First: we agree.", message_id="<1@x>")
    two = eml(tmp_path / "b", "mail.eml", body="Second: we changed our mind.", message_id="<2@x>")
    results = file_documents(store, root, matter_id, [one, two], CLOCK, "AB")
    assert [r.outcome for r in results] == ["filed", "filed"]
    day = to_local(datetime(2026, 11, 2, 20, 4, 5, tzinfo=timezone.utc)).date().isoformat()
    assert stored_files(root) == [f"2026-0001 Rivera v. Okafor/{day} Re - extension (2).eml",
                                  f"2026-0001 Rivera v. Okafor/{day} Re - extension.eml"]
    assert {file_path(root, documents.document(store, r.document_id).current).read_bytes()
            for r in results} == {one.read_bytes(), two.read_bytes()}


def test_attachment_names_windows_forbids_are_made_safe(store, root, matter_id, tmp_path):
    body = ("--B\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
            "--B\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"re: draft?.pdf\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n" + base64.b64encode(b"%PDF-1.4 draft").decode() + "\r\n"
            "--B\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"CON.txt\"\r\n\r\nx\r\n"
            "--B--")
    source = eml(tmp_path, "draft.eml", subject="Draft", body=body,
                 extra="MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"B\"\r\n")
    result = file_mail(store, root, matter_id, source, CLOCK, "AB")
    names = [documents.document(store, a.document_id).current.path.rsplit("/", 1)[1][11:] for a in result.attachments]
    assert names == ["re - draft_.pdf", "_CON.txt"]


def test_duplicates_by_message_id_and_by_content_write_nothing(store, root, matter_id, tmp_path):
    first = eml(tmp_path / "a", "mail.eml", message_id="<same@x>")
    resaved = eml(tmp_path / "b", "mail.eml", message_id="<same@x>", extra="X-Mailer: another program\r\n")
    [filed] = file_documents(store, root, matter_id, [first], CLOCK, "AB")
    before = (counts(store), stored_files(root), len(log_entries(store)))
    again = file_mail(store, root, matter_id, resaved, CLOCK, "AB")
    assert (again.outcome, again.document_id, again.message) == ("duplicate", filed.document_id,
                                                                 "already filed as “Re: extension”")
    assert (counts(store), stored_files(root), len(log_entries(store))) == before

    no_id = MAIL / "cpython_msg_07.eml"  # no Message-ID: recognised by its content
    filed_07 = file_mail(store, root, matter_id, no_id, CLOCK, "AB")
    before = (counts(store), stored_files(root), len(log_entries(store)))
    again = file_mail(store, root, matter_id, no_id, CLOCK, "AB")
    assert (again.outcome, again.document_id) == ("duplicate", filed_07.document_id)
    assert (counts(store), stored_files(root), len(log_entries(store))) == before

    other = new_matter(store, "2026-0002", "Estate of Jones")
    assert file_mail(store, root, other, resaved, CLOCK, "AB").outcome == "filed"  # per matter
    documents.delete_document(store, filed.document_id)
    assert file_mail(store, root, matter_id, resaved, CLOCK, "AB").outcome == "filed"


def test_an_attachment_already_filed_is_a_duplicate_not_a_copy(store, root, matter_id):
    file_mail(store, root, matter_id, MAIL / "cpython_msg_07.eml", CLOCK, "AB")
    gif = read_mail(MAIL / "cpython_msg_07.eml").attachments[0].read()
    documents_before = counts(store)[0]
    assert documents_before == 2
    # the same mail in another file (a header added): a new mail, but its picture is already in the matter
    data = (MAIL / "cpython_msg_07.eml").read_bytes()
    copy = make_file(root.parent / "in", "fish.eml", b"X-Note: forwarded\n" + data)
    result = file_mail(store, root, matter_id, copy, CLOCK, "AB")
    assert result.outcome == "filed"
    [attached] = result.attachments
    assert attached.outcome == "duplicate" and counts(store)[0] == 3
    assert file_path(root, documents.document(store, attached.document_id).current).read_bytes() == gif


def test_a_sent_mail_is_logged_as_out_with_its_recipients(store, root, matter_id, tmp_path):
    file_mail(store, root, matter_id, eml(tmp_path, "sent.eml"), CLOCK, "AB", direction="out")
    [entry] = log_entries(store)
    assert (entry.direction, entry.with_whom) == ("out", "Al Smith, b@firm.com")
    with pytest.raises(ValidationError):
        file_mail(store, root, matter_id, eml(tmp_path, "x.eml"), CLOCK, "AB", direction="sideways")


def test_a_mail_file_that_cannot_be_read_is_refused_with_the_reason(store, root, matter_id, tmp_path):
    result = file_mail(store, root, matter_id, tmp_path / "gone.eml", CLOCK, "AB")
    assert (result.outcome, result.reason) == ("refused", "the file is not there (moved or deleted?)")
    assert counts(store) == (0, 0)


def test_an_attachment_that_cannot_be_read_is_refused_and_the_mail_still_filed(store, root, matter_id, monkeypatch):
    real = read_mail(MAIL / "cpython_msg_22.eml")

    def broken() -> bytes:
        raise ValueError("bad base64")

    unreadable = replace(real.attachments[0], read=broken)
    monkeypatch.setattr(mail_filing, "read_mail", lambda _path: replace(real, attachments=(unreadable,
                                                                                            real.attachments[1])))
    result = file_mail(store, root, matter_id, MAIL / "cpython_msg_22.eml", CLOCK, "AB")
    assert result.outcome == "filed"
    assert [(a.source, a.outcome, a.reason) for a in result.attachments] == [
        ("wibble.JPG", "refused", "the attachment could not be read (ValueError)"), ("wibble2.JPG", "filed", "")]
    assert counts(store) == (2, 2) and len(log_entries(store)) == 1
    assert not [name for name in stored_files(root) if "/." in name]  # no temporary copy left behind
