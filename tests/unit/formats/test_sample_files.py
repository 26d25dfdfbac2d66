"""The demo's sample files are real files: the program's readers (and pdfium, python-docx, email) read them back."""

from datetime import datetime, timezone

from legalsec_desktop.formats.mail_file import read_mail
from legalsec_desktop.formats.sample_files import write_docx, write_eml, write_pdf
from legalsec_desktop.formats.text_extract import extract


def test_a_typed_pdf_of_two_pages_is_read_back_word_for_word(tmp_path):
    lines = [f"Line {number}: the parties agreed to extend the deadline (Müller's request) \\ 100%"
             for number in range(60)]
    result = extract(write_pdf(tmp_path / "order.pdf", lines))
    assert result.flag == "" and result.pages == 2
    assert "Line 59: the parties agreed to extend the deadline (Müller's request) \\ 100%" in result.text


def test_a_scanned_pdf_has_no_text_and_is_flagged_for_ocr(tmp_path):
    result = extract(write_pdf(tmp_path / "scan.pdf", ["ignored"] * 50, scanned=True))
    assert result.flag == "needs_ocr" and result.pages == 2


def test_a_word_letter_is_read_back(tmp_path):
    result = extract(write_docx(tmp_path / "letter.docx", ["Re: Extension", "Dear Ms. Ødegård,", "We agree."]))
    assert result.flag == "" and "Dear Ms. Ødegård" in result.text and "Re: Extension" in result.text


def test_an_email_with_an_attachment_is_read_back(tmp_path):
    sent = datetime(2026, 11, 2, 15, 30, tzinfo=timezone.utc)
    path, message_id = write_eml(tmp_path / "mail.eml", "Jane Roe <jane@roe-law.example>", ["ls@firm.example"],
                                 "Re: 2026-0009 extension", sent, "We agree to a 14-day extension.\n",
                                 [("stipulation.pdf", b"%PDF-1.4 test", "application/pdf")], in_reply_to="<a@b>")
    mail = read_mail(path)
    assert mail.flag == "" and mail.message_id == message_id and mail.sent_at == sent
    assert mail.sender.address == "jane@roe-law.example" and "14-day extension" in mail.body_text
    assert [a.name for a in mail.attachments] == ["stipulation.pdf"] and mail.in_reply_to == "<a@b>"
