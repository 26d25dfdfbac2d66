"""The matter suggested for an e-mail from the database: a number in it, then the thread of e-mails already filed,
then its sender's earlier e-mails; closed matters only when no open one matches."""

from datetime import date

import pytest
from documents_setup import CLOCK, make_file

from legalsec_desktop.db.models import MatterRow
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.formats.mail_file import read_mail
from legalsec_desktop.services import documents, matters
from legalsec_desktop.services.mail_filing import file_mail
from legalsec_desktop.services.mail_suggest import suggest_matter


@pytest.fixture
def firm(store):
    """Three matters: two open with case numbers, one closed."""
    def matter(number, case_number, title):
        return matters.create_matter(store, MatterDraft(number, title, "Ana Rivera", date(2026, 2, 2),
                                                        case_number=case_number))

    ids = (matter("2026-0009", "1:26-cv-09876", "Rivera v. Okafor"), matter("2026-0003", "CV-2024-001234", "Jones"),
           matter("2024-0001", "", "Old estate"))
    with store.write() as session:
        old = session.get(MatterRow, ids[2])
        assert old is not None
        old.status, old.closed_on = "closed", date(2026, 3, 31)
    return ids


def mail(folder, name, subject="Hello", body="No number here.", sender="jane@x.com", message_id="", reply_to="",
         references=""):
    headers = f"From: Jane Roe <{sender}>\nTo: al@firm.com\nSubject: {subject}\nDate: Mon, 02 Nov 2026 09:00:00 +0000\n"
    if message_id:
        headers += f"Message-ID: {message_id}\n"
    if reply_to:
        headers += f"In-Reply-To: {reply_to}\n"
    if references:
        headers += f"References: {references}\n"
    return make_file(folder, name, headers + "\n" + body + "\n")


def suggested(store, path):
    found = suggest_matter(store, read_mail(path))
    return None if found is None else (found.matter_id, found.rule, found.reason)


def test_a_case_number_in_the_subject_then_the_body(store, firm, tmp_path):
    smith, jones, _old = firm
    assert suggested(store, mail(tmp_path, "a.eml", subject="Order in 1:26-CV-9876")) == (
        smith, "number", "case number 1:26-cv-09876 in the subject")
    assert suggested(store, mail(tmp_path, "b.eml", body="About CV 2024 001234, agreed.")) == (
        jones, "number", "case number CV-2024-001234 in the body")
    assert suggested(store, mail(tmp_path, "c.eml", subject="Ref 2026-00091")) is None  # another number


def test_the_thread_then_the_sender_from_earlier_filings(store, firm, root, tmp_path):
    smith, jones, old = firm
    first = mail(tmp_path, "first.eml", subject="extension", message_id="<first@x>", sender="opp@counsel.com")
    assert file_mail(store, root, jones, first, CLOCK, "AB").outcome == "filed"
    reply = mail(tmp_path, "reply.eml", subject="Re: extension", message_id="<reply@x>", reply_to="<first@x>",
                 references="<first@x>", sender="someone@else.com")
    assert suggested(store, reply) == (jones, "thread", "same thread as 'extension' filed 11/30/2026")

    for number in range(2):
        earlier = mail(tmp_path, f"s{number}.eml", body=f"Note {number}", sender="Jane@X.com")
        assert file_mail(store, root, smith, earlier, CLOCK, "AB").outcome == "filed"
    assert suggested(store, mail(tmp_path, "new.eml", sender="jane@x.COM")) == (
        smith, "sender", "2 earlier e-mails from jane@x.COM")
    # a number wins over the thread, and the thread over the sender
    numbered = mail(tmp_path, "n.eml", subject="Re: 2026-0009", reply_to="<first@x>", sender="jane@x.com")
    assert suggested(store, numbered)[:2] == (smith, "number")
    threaded = mail(tmp_path, "t.eml", reply_to="<first@x>", sender="jane@x.com")
    assert suggested(store, threaded)[:2] == (jones, "thread")

    # a deleted filing no longer counts; the closed matter is named only when nothing open matches
    filed = documents.documents_of(store, jones)
    for item in filed:
        documents.delete_document(store, item.id)
    assert suggested(store, threaded)[:2] == (smith, "sender")
    assert suggested(store, mail(tmp_path, "o.eml", subject="2024-0001", sender="x@y.com")) == (
        old, "number", "matter number 2024-0001 in the subject")
    assert suggested(store, mail(tmp_path, "o2.eml", subject="2024-0001", sender="jane@x.com"))[:2] == (
        smith, "sender")


def test_a_mail_with_nothing_to_go_by_gets_no_suggestion(store, firm, tmp_path):
    assert suggested(store, mail(tmp_path, "x.eml", sender="")) is None
