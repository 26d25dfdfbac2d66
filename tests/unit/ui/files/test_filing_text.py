"""What the filing summary and the documents' detail say, without a window."""

from datetime import date, datetime, timezone

from legalsec_desktop.services.document_rows import DocumentItem, FilingResult, IndexHealth, VersionItem
from legalsec_desktop.ui.common.document_text import facts_html, health_line, size_text, version_rows
from legalsec_desktop.ui.common.filing_text import SHOWN, filing_summary

FILED = datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)


def test_the_summary_counts_filed_duplicates_and_refused_with_titles_and_reasons():
    results = [
        FilingResult("/in/a.pdf", "filed", "filed as “A”", 1, "A"),
        FilingResult("/in/scan.pdf", "filed", "filed as “Scan”", 2, "Scan", flag="needs_ocr",
                     reason="no text layer: a scanned page"),
        FilingResult("/in/b.pdf", "duplicate", "already filed as “Bee”", 3, "Bee"),
        FilingResult("/in/c.pdf", "refused", "it could not be read: permission denied"),
        FilingResult("/in/mail.eml", "filed", "filed as “Re: terms”", 4, "Re: terms", attachments=(
            FilingResult("terms.docx", "filed", "filed as “terms”", 5, "terms"),)),
    ]
    headline, details = filing_summary(results)
    assert headline == "Filed 4 documents, 1 already filed, 1 not filed."
    assert "  b.pdf (as “Bee”)" in details
    assert "  scan.pdf: no text layer: a scanned page" in details
    assert "  c.pdf: it could not be read: permission denied" in details
    assert filing_summary([results[0]], cancelled=True)[0] == "Filed 1 document. Cancelled: the rest were not filed."
    assert filing_summary([])[0] == "Nothing was filed: no files were found there."


def test_a_long_list_is_cut_short_with_how_many_more():
    many = [FilingResult(f"/in/{n}.pdf", "duplicate", "", n, f"Doc {n}") for n in range(SHOWN + 5)]
    _headline, details = filing_summary(many)
    assert details.splitlines()[-1] == "  … and 5 more" and len(details.splitlines()) == SHOWN + 2


def test_the_health_line_and_the_detail():
    assert health_line(IndexHealth(indexed=1200, waiting=20, failed=4, needs_ocr=10, missing=0)) == (
        "1,234 documents · 1,200 indexed · 20 waiting · 4 failed · 10 need OCR · 0 missing")
    # a picture, or an empty file, is no failure: said apart
    assert health_line(IndexHealth(indexed=5, failed=1, empty=1, not_read=2)).endswith(
        "· 1 failed · 0 need OCR · 0 missing · 3 without text")
    old = VersionItem(1, 9, 1, "f/a.pdf", "a.pdf", "x", 2048, FILED, "indexed", "", None, "")
    new = VersionItem(2, 9, 2, "f/b.pdf", "b.pdf", "y", 3 * 1024 * 1024, FILED, "needs_ocr", "a scanned page",
                      FILED, "")
    rows = version_rows([old, new])
    assert [row[0] for row in rows] == ["2", "1"] and rows[0][3] == "Missing" and rows[1][2] == "2.0 KB"
    assert size_text(12) == "12 bytes"
    waiting_old = VersionItem(3, 9, 1, "f/c.pdf", "c.pdf", "z", 10, FILED, "waiting", "", None, "")
    newest = VersionItem(4, 9, 2, "f/d.pdf", "d.pdf", "w", 10, FILED, "waiting", "", None, "")
    assert [row[3] for row in version_rows([waiting_old, newest])] == ["Waiting", "Not read (an older version)"]
    item = DocumentItem(9, 1, "2026-0001", "Rivera v. Okafor", "Letter", "correspondence", date(2026, 11, 2),
                        "Dana <b>", "", "", FILED, "pat", 2, new)
    html = facts_html(item)
    assert "Dana &lt;b&gt;" in html and "Missing" in html and "2026-0001 — Rivera v. Okafor" in html
