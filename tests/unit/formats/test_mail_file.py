"""Reading real .eml and .msg files (tests/data/mail) and broken ones into Mail fields."""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime, timedelta, timezone

from pathlib import Path

import olefile
import pytest

from legalsec_desktop.formats.mail_file import DAMAGED, Address, read_mail, safe_file_name

UTC = timezone.utc
CORPUS = Path(__file__).resolve().parents[2] / "data" / "mail"


def zone(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))


@pytest.mark.parametrize(
    ("name", "subject", "sender", "sent_at", "phrase", "attachments"),
    [
        ("cpython_msg_01.eml", "This is a test message", Address("John X. Doe", "bbb@ddd.com"),
         datetime(2001, 5, 4, 14, 5, 44, tzinfo=zone(-4)), "Do you like this message?", []),
        ("cpython_msg_07.eml", "Here is your dingus fish", Address("Barry", "barry@digicool.com"),
         datetime(2001, 4, 20, 19, 35, 2, tzinfo=zone(-4)), "This is the dingus fish.", ["dingusfish.gif"]),
        ("cpython_msg_22.eml", "", Address("", "b@example.com"),
         datetime(2001, 10, 16, 13, 59, 25, tzinfo=zone(3)), "Text text text.", ["wibble.JPG", "wibble2.JPG"]),
        ("cpython_msg_26.eml", "IMAP file test", Address("Father Time", "father.time@xcar.wooster.local"),
         datetime(2002, 5, 12, 8, 56, 15, tzinfo=zone(1)), "Simple email with attachment.", ["clock.bmp"]),
        ("cpython_msg_41.eml", "64423", Address("Allison Dunlap", "xxx@example.com"),
         datetime(2004, 7, 11, 16, 9, 27, tzinfo=zone(-3)), "Blah blah blah", []),
        ("cpython_msg_31.eml", "", Address("", "aperson@dom.ain"), None, "message 1", []),
        ("cpython_msg_47.eml", "", Address("", "arthur@example.example"),
         datetime(2001, 1, 1, 0, 1, tzinfo=UTC), "bar", []),
        ("quick.msg", "Test the content transformer", Address("Kevin Roast", "kevin.roast@alfresco.org"),
         datetime(2007, 6, 14, 9, 42, 53, 500000, tzinfo=UTC), "The quick brown fox jumps over the lazy dog", []),
        ("simple_test_msg.msg", "test message", Address("Travis Ferguson", "travis@overwrittenstack.com"),
         datetime(2007, 7, 6, 5, 27, 17, tzinfo=UTC), "This is a test message.", []),
        ("attachment_test_msg.msg", "test pièce jointe 1", Address("Nicolas1 23456", "nicolas1.23456@free.fr"),
         datetime(2009, 4, 22, 14, 36, 33, 734375, tzinfo=UTC), "contenu", ["test-unicode.doc", "pj1.txt"]),
        ("chinese-traditional.msg", "Alfresco MSG format testing ( MSG 格式測試 )",
         Address("Tests Chang@FT (張毓倫)", "tests.chang@fengttt.com"),
         datetime(2011, 3, 29, 8, 52, 48, 725260, tzinfo=UTC), "中文測試", []),
    ],
)
def test_real_mail_files_give_their_fields(name, subject, sender, sent_at, phrase, attachments) -> None:
    mail = read_mail(CORPUS / name)
    assert (mail.flag, mail.reason) == ("", "")
    assert mail.subject == subject
    assert mail.sender == sender
    assert mail.sent_at == sent_at
    assert phrase in mail.body_text
    assert [attachment.name for attachment in mail.attachments] == attachments
    for attachment in mail.attachments:
        assert len(attachment.read()) == attachment.size > 0


def test_recipients_message_ids_and_attachment_bytes() -> None:
    eml = read_mail(CORPUS / "cpython_msg_07.eml")
    assert eml.to == (Address("Dingus Lovers", "cravindogs@cravindogs.com"),)
    assert eml.attachments[0].content_type == "image/gif"
    assert eml.attachments[0].read().startswith(b"GIF8")
    assert read_mail(CORPUS / "cpython_msg_01.eml").message_id == "<15090.61304.110929.45684@aaa.zzz.org>"
    msg = read_mail(CORPUS / "quick.msg")
    assert msg.message_id == "<B17B1CFF4282214AB8BAADDDC20711220E0C025E@THHS2EXBE1X.hostedservice2.net>"
    assert msg.to == (Address("Kevin Roast", "kevin.roast@alfresco.org"),)
    text = read_mail(CORPUS / "attachment_test_msg.msg").attachments[1]
    assert hashlib.sha256(text.read()).hexdigest() == hashlib.sha256(text.read()).hexdigest()
    assert text.size == 89


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


HEAD = (
    b"From: =?gb2312?B?1cXI/Q==?= <zhang@example.cn>\r\nTo: a@example.com\r\n"
    b"Date: Mon, 30 Nov 2026 09:00:00 +0800\r\n"
)


def test_gb2312_body_and_header(tmp_path: Path) -> None:
    body = "关于延期的信函".encode("gb2312")
    data = HEAD + b"Subject: =?gb2312?B?" + base64.b64encode("延期".encode("gb2312")) + b"?=\r\n"
    data += b"Content-Type: text/plain; charset=gb2312\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body
    mail = read_mail(write(tmp_path, "gb.eml", data))
    assert mail.subject == "延期"
    assert mail.sender == Address("张三", "zhang@example.cn")
    assert "延期的信函" in mail.body_text
    assert mail.sent_at == datetime(2026, 11, 30, 9, tzinfo=zone(8))


def test_gbk_characters_labelled_gb2312_are_read(tmp_path: Path) -> None:
    body = "镕".encode("gbk")  # in GBK, not in GB2312: mail programs send it labelled gb2312 anyway
    data = HEAD + b"Subject: x\r\nContent-Type: text/plain; charset=gb2312\r\n\r\n" + body
    assert read_mail(write(tmp_path, "gbk.eml", data)).body_text == "镕"


def test_unknown_and_missing_charsets_never_empty_the_text(tmp_path: Path) -> None:
    unknown = HEAD + b"Subject: =?x-unknown-42?Q?caf=C3=A9?=\r\nContent-Type: text/plain; charset=x-unknown-42\r\n"
    mail = read_mail(write(tmp_path, "unknown.eml", unknown + b"\r\nthe caf\xc3\xa9 letter\r\n"))
    assert mail.subject == "café"
    assert mail.body_text == "the café letter"
    missing = HEAD + b"Subject: s\r\nContent-Type: text/plain\r\n\r\nna\xefve r\xe9sum\xe9 of the matter\r\n"
    assert read_mail(write(tmp_path, "missing.eml", missing)).body_text == "naïve résumé of the matter"
    wrong = HEAD + b"Subject: s\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nbad \xff\xfe bytes here\r\n"
    text = read_mail(write(tmp_path, "wrong.eml", wrong)).body_text
    assert text.startswith("bad ") and text.endswith(" bytes here")
    text.encode("utf-8")  # no stray surrogates that would break storing it


def test_html_only_mail_is_read_as_text(tmp_path: Path) -> None:
    html = (
        b"<html><head><style>p{}</style></head><body><p>They agree to the <b>extension</b>.</p>"
        b"<p>Fees &amp; costs</p></body></html>"
    )
    data = HEAD + b"Subject: s\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    assert read_mail(write(tmp_path, "html.eml", data)).body_text == "They agree to the extension.\n\nFees & costs"


def test_windows_forbidden_attachment_names_are_returned_as_given(tmp_path: Path) -> None:
    data = HEAD + (
        b'Subject: s\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n'
        b'see attached\r\n--b\r\nContent-Type: application/pdf\r\n'
        b'Content-Disposition: attachment; filename="a<b>:c?.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        b"JVBERi0=\r\n--b--\r\n"
    )
    mail = read_mail(write(tmp_path, "names.eml", data))
    assert [(a.name, a.size, a.read()) for a in mail.attachments] == [("a<b>:c?.pdf", 5, b"%PDF-")]
    assert safe_file_name(mail.attachments[0].name) == "a_b__c_.pdf"


def test_same_subject_and_date_keep_their_own_message_ids(tmp_path: Path) -> None:
    texts = [f"Subject: Extension\r\nMessage-ID: <{n}@x>\r\n\r\nbody {n}".encode() for n in (1, 2)]
    mails = [read_mail(write(tmp_path, f"{n}.eml", HEAD + text)) for n, text in enumerate(texts)]
    assert mails[0].subject == mails[1].subject and mails[0].sent_at == mails[1].sent_at
    assert [mail.message_id for mail in mails] == ["<1@x>", "<2@x>"]


def test_threading_headers_and_a_bad_date(tmp_path: Path) -> None:
    data = b"From: a@x\r\nSubject: Re: s\r\nDate: not a date\r\nIn-Reply-To: <p@x>\r\n"
    data += b"References: <o@x>\r\n <p@x>\r\n\r\n"
    mail = read_mail(write(tmp_path, "reply.eml", data))
    assert (mail.in_reply_to, mail.references, mail.sent_at) == ("<p@x>", ("<o@x>", "<p@x>"), None)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.eml", b"", "empty"),
        ("letter.eml", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "not an e-mail"),
        ("photo.msg", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not an e-mail"),
        ("truncated.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Outlook message is damaged"),
    ],
)
def test_files_that_are_not_mail_are_flagged_damaged(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    mail = read_mail(write(tmp_path, name, data))
    assert mail.flag == DAMAGED
    assert reason in mail.reason


def test_ole_file_that_is_not_a_message_and_a_missing_file(tmp_path: Path) -> None:
    # An OLE compound file with no message properties: the old Word document attached to a corpus message.
    doc = read_mail(CORPUS / "attachment_test_msg.msg").attachments[0].read()
    assert olefile.isOleFile(doc)
    mail = read_mail(write(tmp_path, "word.msg", doc))
    assert (mail.flag, mail.reason) == (DAMAGED, "this is not an Outlook message: it has no message properties")
    half = (CORPUS / "quick.msg").read_bytes()[:9000]
    truncated = read_mail(write(tmp_path, "half.msg", half))
    assert truncated.flag == DAMAGED and "what could be read was kept" in truncated.reason
    assert "quick brown fox" in truncated.body_text
    missing = read_mail(tmp_path / "nowhere.eml")
    assert missing.flag == DAMAGED and "cannot be read" in missing.reason


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ('re: "extension" <draft>?.docx', "re - _extension_ _draft__.docx"),
        ("CON.txt", "_CON.txt"),
        ("lpt1", "_lpt1"),
        ("notes. . ", "notes"),
        ("tab\there\x00.pdf", "tab_here_.pdf"),
        ("..", "attachment"),
        ("a/b\\c|d*e.eml", "a_b_c_d_e.eml"),
        ("x" * 300 + ".pdf", "x" * 116 + ".pdf"),
    ],
)
def test_safe_file_name(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe
