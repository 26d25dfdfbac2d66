"""Issue 17 text extraction speed: milliseconds per PDF page and per .docx, on the test corpus and made documents:

    python benchmarks/bench_text_extract.py [--runs N]

The issue expects about 10 ms a PDF page (pypdfium2) and about 1 ms a .docx. Qt-free, in this process.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from legalsec_desktop.formats.text_extract import extract

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "docs"


def median_ms(path: Path, runs: int) -> float:
    extract(path)  # warm: pdfium loaded, the file in the disk cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        extract(path)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def made_docx(folder: Path) -> Path:
    """A three-page letter of 60 paragraphs (about 15,000 characters), written by python-docx."""
    import docx

    document = docx.Document()
    for number in range(60):
        sentence = "The parties agreed to extend the deadline by fourteen days. "
        document.add_paragraph(f"Paragraph {number}: " + sentence * 4)
    path = folder / "letter.docx"
    document.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    pages = total = 0.0
    for path in sorted(CORPUS.glob("*.pdf")):
        result = extract(path)
        if result.flag or not result.pages:
            continue
        ms = median_ms(path, runs)
        pages, total = pages + result.pages, total + ms
        print(f"{path.name:40s} {result.pages:3d} pages {len(result.text):7,d} chars {ms / result.pages:7.2f} ms/page")
    print(f"PDF: {total / pages:.2f} ms a page over {pages:.0f} pages")
    with tempfile.TemporaryDirectory() as folder:
        word = [*sorted(CORPUS.glob("*.docx")), made_docx(Path(folder))]
        times = []
        for path in word:
            times.append(median_ms(path, runs))
            print(f"{path.name:40s} {len(extract(path).text):7,d} chars {times[-1]:7.2f} ms")
    print(f".docx: {statistics.median(times):.2f} ms a document (median of {len(times)})")


if __name__ == "__main__":
    main()
