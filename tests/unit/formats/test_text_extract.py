"""Text extraction for search: real PDFs and Word files from other programs, and every bad file, flagged not raised."""

import ctypes
import threading
import zipfile
from pathlib import Path

import pypdfium2
import pytest
from pypdfium2 import raw

from legalsec_desktop.formats import docx_text
from legalsec_desktop.formats.text_extract import FLAGS, Extracted, extract

DOCS = Path(__file__).parents[2] / "data" / "docs"

PDFS = [  # file, pages, a phrase of its text
    ("minimal-document.pdf", 1, "consetetur sadipscing elitr"),  # pdfTeX
    ("002-trivial-libre-office-writer.pdf", 1, "Stet clita kasd gubergren"),  # LibreOffice
    ("google-doc-document.pdf", 1, "Explicit is better than implicit."),  # Google Docs
    ("multicolumn.pdf", 3, "Copenhagen Danish"),  # pdfTeX, on its last page
    ("pdfkit.pdf", 1, "Foo: bar"),  # Qt
    ("issue-449-horizontal.pdf", 1, "Horizontal"),  # Microsoft Word for Microsoft 365
    ("issue_566_test_2.pdf", 1, "中国饮料有限公司"),  # Word, one short line of Chinese: text, not a scan
]
DOCX = [  # file, phrases: the body first, then what headers and footers hold
    ("hdr-header-footer.docx", ["section without header of its own.", "Header for section-1", "Footer for section 1"]),
    ("par-hyperlinks.docx", ["Three hyperlinks: the first one here, the second one, and the third."]),
    ("doc-odd-even-hdrs.docx", ["First Page.", "Second Page.", "Even page header.", "Odd page header."]),
]


@pytest.mark.parametrize(("name", "pages", "phrase"), PDFS)
def test_a_pdf_from_each_producer_gives_its_text_and_page_count(name, pages, phrase):
    result = extract(DOCS / name)
    assert (result.flag, result.reason, result.pages) == ("", "", pages)
    assert phrase in result.text
    assert result.text.count("\f") == pages - 1  # one form feed between pages, as pdftotext
    assert "\r" not in result.text and "\ufffe" not in result.text


def test_pdfiums_soft_hyphen_mark_is_removed_so_the_hyphenated_word_is_found():
    assert "takimata sanctus" in extract(DOCS / "minimal-document.pdf").text  # "taki\ufffemata" as pdfium gives it


@pytest.mark.parametrize(("name", "phrases"), DOCX)
def test_a_word_file_gives_its_paragraphs_headers_and_footers(name, phrases):
    result = extract(DOCS / name)
    assert (result.flag, result.reason, result.pages) == ("", "", None)
    for phrase in phrases:
        assert phrase in result.text.splitlines()


def test_a_password_protected_pdf_is_flagged_protected():
    result = extract(DOCS / "libreoffice-writer-password.pdf")
    assert (result.flag, result.text) == ("protected", "")
    assert "password" in result.reason


def test_a_pdf_with_only_an_image_is_flagged_as_needing_ocr_and_keeps_its_page_count():
    result = extract(DOCS / "imagemagick-lzw.pdf")
    assert (result.flag, result.pages) == ("needs_ocr", 1)
    assert "1 of 1 pages have no text layer" in result.reason and "OCR" in result.reason


@pytest.mark.parametrize("name", ["minimal-document.pdf", "hdr-header-footer.docx"])
def test_a_file_cut_short_is_flagged_damaged_with_a_reason(tmp_path, name):
    data = (DOCS / name).read_bytes()
    cut = tmp_path / name
    cut.write_bytes(data[: len(data) // 3])
    result = extract(cut)
    assert result.flag == "damaged"
    assert "damaged" in result.reason


def test_a_pdf_without_pages_is_empty(tmp_path):
    pypdfium2.PdfDocument.new().save(tmp_path / "no-pages.pdf")
    assert extract(tmp_path / "no-pages.pdf") == Extracted("", 0, "empty", "The PDF has no pages.")


def _one_page_pdf(path: Path, text: str = "", image: bool = False, shape: bool = False) -> Path:
    """A one-page PDF holding a white image over the page, a line of text and a square, as asked."""
    document = pypdfium2.PdfDocument.new()
    page = document.new_page(200, 200)
    if image:
        bitmap = pypdfium2.PdfBitmap.new_native(20, 20, raw.FPDFBitmap_BGR)
        bitmap.fill_rect((255, 255, 255, 255), 0, 0, 20, 20)
        picture = pypdfium2.PdfImage.new(document)
        picture.set_bitmap(bitmap)
        picture.set_matrix(pypdfium2.PdfMatrix().scale(200, 200))
        page.insert_obj(picture)
    if text:
        line = raw.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", ctypes.c_float(10))
        wide = ctypes.c_char_p((text + "\x00").encode("utf-16-le"))
        raw.FPDFText_SetText(line, ctypes.cast(wide, ctypes.POINTER(raw.FPDF_WCHAR)))
        raw.FPDFPage_InsertObject(page.raw, line)
    if shape:
        square = raw.FPDFPageObj_CreateNewRect(10, 10, 50, 50)
        raw.FPDFPath_SetDrawMode(square, raw.FPDF_FILLMODE_ALTERNATE, False)
        raw.FPDFPage_InsertObject(page.raw, square)
    page.gen_content()
    document.save(path)
    return path


def test_a_scanned_page_with_only_a_bates_number_as_text_needs_ocr(tmp_path):
    result = extract(_one_page_pdf(tmp_path / "bates.pdf", text="ABC000123", image=True))
    assert (result.text, result.pages, result.flag) == ("ABC000123", 1, "needs_ocr")


def test_a_pdf_with_some_scanned_pages_says_how_many_and_is_flagged_when_half_or_more_are(tmp_path):
    text = _one_page_pdf(tmp_path / "text.pdf", text="The parties agreed to the extension.")
    scan = _one_page_pdf(tmp_path / "scan.pdf", image=True)
    for sources, flag in (([text, text, scan], ""), ([text, text, scan, scan], "needs_ocr")):
        document = pypdfium2.PdfDocument.new()
        for source in sources:
            document.import_pages(pypdfium2.PdfDocument(source))
        mixed = tmp_path / f"mixed{len(sources)}.pdf"
        document.save(mixed)
        result = extract(mixed)
        assert (result.pages, result.flag) == (len(sources), flag)
        assert result.reason.startswith(f"{sources.count(scan)} of {len(sources)} pages have no text layer")
        assert "The parties agreed to the extension." in result.text


def test_a_page_whose_text_was_turned_into_outlines_needs_ocr(tmp_path):
    assert extract(_one_page_pdf(tmp_path / "outlines.pdf", shape=True)).flag == "needs_ocr"


def test_a_short_text_without_an_image_is_text_and_a_blank_pdf_is_empty(tmp_path):
    assert extract(_one_page_pdf(tmp_path / "short.pdf", text="Exhibit A")) == Extracted("Exhibit A", 1)
    assert extract(_one_page_pdf(tmp_path / "blank.pdf")) == Extracted(
        "", 1, "empty", "The PDF holds no text (its pages are blank).")


def test_a_pdf_that_is_not_one_is_damaged(tmp_path):
    fake = tmp_path / "letter.pdf"
    fake.write_text("Dear Sir, this is not a PDF.", encoding="utf-8")
    assert extract(fake).flag == "damaged"


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".txt", ".rtf", ".xyz"])
def test_a_zero_byte_file_is_empty(tmp_path, suffix):
    empty = tmp_path / f"nothing{suffix}"
    empty.touch()
    assert extract(empty) == Extracted("", None, "empty", "The file is empty (0 bytes).")


@pytest.mark.parametrize("name", ["photo.jpg", "archive.zip", "README"])
def test_an_unknown_kind_is_unsupported_and_not_read(tmp_path, name, monkeypatch):
    unknown = tmp_path / name
    unknown.write_bytes(b"\xff\xd8\xff" * 100)
    monkeypatch.setattr(Path, "open", _no_open)
    result = extract(unknown)
    assert (result.flag, result.text) == ("unsupported", "")
    assert "not read" in result.reason


def _no_open(*_args, **_kwargs):
    raise AssertionError("an unknown kind must not be read")


def test_a_missing_file_or_a_folder_is_flagged_not_raised(tmp_path):
    assert extract(tmp_path / "gone.pdf").flag == "damaged"
    assert "could not be read" in extract(tmp_path / "gone.pdf").reason
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    assert extract(folder).flag == "unsupported"


def test_huge_sparse_files_are_flagged_without_reading_them_whole(tmp_path):
    for suffix in (".pdf", ".docx", ".txt", ".rtf", ".bin"):
        huge = tmp_path / f"huge{suffix}"
        with huge.open("wb") as stream:
            stream.truncate(2 * 1024**3)  # 2 GB of zeros; sparse, so it costs no disk
        result = extract(huge)
        assert result.flag in {"damaged", "empty", "unsupported"}, suffix
        assert result.text == ""


def test_text_files_in_each_encoding_are_read(tmp_path):
    phrase = "Café – “the extension” agreed, 5 €"
    cases = {
        "utf8.txt": phrase.encode("utf-8"),
        "utf8-bom.txt": b"\xef\xbb\xbf" + phrase.encode("utf-8"),
        "utf16.txt": phrase.encode("utf-16"),  # with its byte-order mark
        "utf16-be.txt": b"\xfe\xff" + phrase.encode("utf-16-be"),
        "utf16-le-no-bom.txt": phrase.encode("utf-16-le"),
        "cp1252.txt": phrase.encode("cp1252"),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert extract(tmp_path / name) == Extracted(phrase), name


def test_text_with_windows_line_ends_and_stray_bytes_never_fails(tmp_path):
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(b"first line\r\nsecond \x81\x00line\rthird")  # 0x81 is neither UTF-8 nor cp1252
    assert extract(mixed).text == "first line\nsecond \ufffdline\nthird"


def test_text_longer_than_the_cap_is_cut_and_the_reason_says_so(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("word " * 1000, encoding="utf-8")
    result = extract(long, max_chars=100)
    assert len(result.text) == 100 and result.flag == ""
    assert result.reason == "Only the first 100 characters of its text are kept for search."


def test_a_pdf_longer_than_the_cap_is_cut_but_keeps_its_page_count():
    result = extract(DOCS / "multicolumn.pdf", max_chars=50)
    assert len(result.text) <= 50 and result.pages == 3
    assert result.text.startswith("Two-Column Document")
    assert "Only the first 50 characters" in result.reason


def _docx(path: Path, document_xml: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
    return path


W = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body>'
     b'</w:document>')


def test_a_word_file_longer_than_the_cap_is_cut(tmp_path):
    body = b"<w:p><w:r><w:t>Paragraph of text.</w:t><w:tab/><w:t>After a tab</w:t></w:r></w:p>" * 1000
    result = extract(_docx(tmp_path / "long.docx", W % body), max_chars=60)
    assert result.text.startswith("Paragraph of text.\tAfter a tab\nParagraph")
    assert len(result.text) == 60 and "Only the first 60" in result.reason


def test_tab_stops_of_a_paragraph_are_not_tabs_but_a_tab_and_a_break_in_a_run_are(tmp_path):
    body = (b'<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
            b"<w:r><w:t>Name:</w:t><w:tab/><w:t>Smith</w:t><w:br/><w:t>Next line</w:t></w:r></w:p>")
    assert extract(_docx(tmp_path / "tabs.docx", W % body)).text == "Name:\tSmith\nNext line"


def test_deleted_tracked_changes_and_field_codes_are_not_text(tmp_path):
    body = (b"<w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText>Deleted</w:delText></w:r></w:del>"
            b"<w:r><w:instrText>PAGE</w:instrText></w:r></w:p>")
    assert extract(_docx(tmp_path / "changes.docx", W % body)).text == "Kept"


def test_a_word_file_that_declares_entities_is_refused_unexpanded(tmp_path):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              + W % b"<w:p><w:r><w:t>&b;</w:t></w:r></w:p>")
    result = extract(_docx(tmp_path / "laughs.docx", laughs))
    assert (result.flag, result.text) == ("damaged", "")
    assert "entities" in result.reason


def test_a_word_file_that_unpacks_to_too_much_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_text, "MAX_XML_BYTES", 10_000)
    bomb = _docx(tmp_path / "bomb.docx", W % (b"<w:p><w:r><w:t>" + b"A" * 2_000_000 + b"</w:t></w:r></w:p>"))
    assert bomb.stat().st_size < 20_000
    result = extract(bomb)
    assert result.flag == "damaged" and "more than" in result.reason


def test_a_word_file_without_a_document_part_or_not_a_zip_is_damaged(tmp_path):
    with zipfile.ZipFile(tmp_path / "hollow.docx", "w") as archive:
        archive.writestr("other.xml", "<x/>")
    assert extract(tmp_path / "hollow.docx").flag == "damaged"
    (tmp_path / "text.docx").write_text("just words", encoding="utf-8")
    assert extract(tmp_path / "text.docx").flag == "damaged"


def test_an_encrypted_word_file_is_protected_and_an_old_doc_is_unsupported(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000
    (tmp_path / "locked.docx").write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100)
    (tmp_path / "old.docx").write_bytes(ole + "WordDocument".encode("utf-16-le") + b"\x00" * 100)
    assert extract(tmp_path / "locked.docx").flag == "protected"
    assert extract(tmp_path / "old.docx").flag == "unsupported"


def test_an_rtf_file_gives_its_text_without_font_tables_or_pictures(tmp_path):
    rtf = tmp_path / "letter.rtf"
    rtf.write_bytes(
        rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Helvetica;}}{\colortbl;\red0\green0\blue0;}"
        rb"{\*\generator Writer;}{\info{\title Secret title}}\f0\pard Caf\'e9 agreed the extension\par"
        rb"{\pict\pngblip 89504e470d0a}Euro \u8364? sign\tab end\line \{braces\}\par}")
    result = extract(rtf)
    assert result == Extracted("Café agreed the extension\nEuro € sign\tend\n{braces}\n")


def test_an_rtf_emoji_written_as_two_halves_is_one_character_and_a_lone_half_is_replaced(tmp_path):
    rtf = tmp_path / "emoji.rtf"
    rtf.write_bytes(rb"{\rtf1\ansi\uc1 Smile \u-10179?\u-8704? and half \u-10179? only}")
    assert extract(rtf).text == "Smile \U0001f600 and half \ufffd only"
    assert extract(rtf).text.encode("utf-8")


def test_a_file_named_rtf_that_is_not_is_damaged(tmp_path):
    (tmp_path / "fake.rtf").write_text("plain words", encoding="utf-8")
    assert extract(tmp_path / "fake.rtf").flag == "damaged"


def test_pdfs_read_from_several_threads_at_once_give_the_same_text():
    names = [name for name, _, _ in PDFS] * 4
    expected = {name: extract(DOCS / name) for name, _, _ in PDFS}
    results: dict[int, Extracted] = {}

    def read(index: int, name: str) -> None:
        results[index] = extract(DOCS / name)

    threads = [threading.Thread(target=read, args=(i, name)) for i, name in enumerate(names)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[i] for i in range(len(names))] == [expected[name] for name in names]


def test_every_flag_is_one_of_the_known_ones():
    for path in DOCS.iterdir():
        assert extract(path).flag in FLAGS
