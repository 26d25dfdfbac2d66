"""Issue 17 speed targets, with 10,000 generated documents (about 20 million characters) in the large demo:

    python benchmarks/bench_documents.py [--documents N] [--runs N]

- filing and indexing them at more than 50 documents a second (2 cores): copy, hash, rows, then the text read
  and put in the search index (services.document_filing.file_documents, services.indexing.index_waiting);
- a search over all of them (and the practice's matters, contacts and log) in under 50 ms;
- a rescan that finds nothing changed in under 2 s.

Each figure has a floor measured in the same run: copying and hashing the same files with the standard library;
the bare FTS5 MATCH through sqlite3; walking the folders with os.scandir and a stat of each file.
Qt-free, in this process, on a private copy of benchmarks/data/large.db.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from common import large_demo

from legalsec_desktop.formats.sample_files import pdf_bytes, write_docx

WORDS = ("agreement party parties court motion extension deadline counsel plaintiff defendant discovery deposition "
         "exhibit witness settlement damages contract breach notice hearing judge order stipulation request "
         "production interrogatories response objection privilege client matter estate probate lease tenant "
         "landlord insurance claim policy coverage invoice payment schedule meeting letter draft review signed "
         "filed served answer complaint appeal brief record transcript evidence expert report medical employer "
         "employee wages termination severance release indemnity warranty property title deed mortgage closing "
         "trust beneficiary guardian custody support visitation mediation arbitration").split()
NAMES = ("Müller Öztürk Nguyen O'Brien Garcia Kowalski Ødegård Schmidt Rossi Haddad Dubois Novak Tanaka Silva Cohen "
         "Murphy Jensen Ivanova Fischer Moreau").split()
QUERIES = ("extension", "agreed extension", "Müller", "muller stipulation", "depos", "ödegård", "o'brien",
           "settlement release indemnity", "zzzznotthere", "court", "ex", "interrogatories objection",
           "2026", "expert report medical", "tenant", "c++", "lease", "hearing judge order", "Novak", "warranty")
TARGET_CHARS = 2_000


def text_of(rng: random.Random, number: int) -> list[str]:
    """About TARGET_CHARS characters in a few paragraphs, with a phrase that names this document alone."""
    paragraphs, size = [f"Document {number}: reference LS-{number:05d}-{rng.choice(NAMES)}"], 0
    while size < TARGET_CHARS:
        words = [rng.choice(WORDS) for _ in range(rng.randint(12, 40))]
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
        paragraph = " ".join(words).capitalize() + "."
        paragraphs.append(paragraph)
        size += len(paragraph)
    return paragraphs


def docx_maker(folder: Path) -> Callable[[Path, list[str]], Path]:
    """Writes .docx files fast: python-docx makes one, and each other is its parts with a new document.xml."""
    base = write_docx(folder / "base.docx", ["Base"])
    with zipfile.ZipFile(base) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    body = parts["word/document.xml"].decode("utf-8")
    head, tail = body[:body.index("<w:body>") + len("<w:body>")], body[body.index("<w:sectPr"):]

    def make(path: Path, paragraphs: list[str]) -> Path:
        runs = "".join(f"<w:p><w:r><w:t>{escape(paragraph)}</w:t></w:r></w:p>" for paragraph in paragraphs)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for name, data in parts.items():
                target.writestr(name, (head + runs + tail).encode("utf-8") if name == "word/document.xml" else data)
        return path

    return make


def make_documents(folder: Path, count: int, matters: int) -> dict[int, list[Path]]:
    """`count` files in `matters` folders: 60 % .txt, 25 % .docx, 15 % one-page PDFs."""
    rng = random.Random(17)
    made: dict[int, list[Path]] = {}
    folder.mkdir(parents=True)
    make_docx = docx_maker(folder)
    for number in range(count):
        slot = number % matters
        target = folder / f"m{slot:03d}"
        target.mkdir(parents=True, exist_ok=True)
        paragraphs = text_of(rng, number)
        kind = rng.random()
        if kind < 0.60:
            path = target / f"note {number:05d}.txt"
            path.write_text("\n\n".join(paragraphs), encoding="utf-8")
        elif kind < 0.85:
            path = make_docx(target / f"letter {number:05d}.docx", paragraphs)
        else:
            path = target / f"order {number:05d}.pdf"
            lines = [line for paragraph in paragraphs for line in _wrapped(paragraph, 90)]
            path.write_bytes(pdf_bytes(lines))
        made.setdefault(slot, []).append(path)
    return made


def _wrapped(paragraph: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in paragraph.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    return [*lines, line, ""]


def floor_copy(made: dict[int, list[Path]], into: Path) -> float:
    started = time.perf_counter()
    for slot, paths in made.items():
        target = into / f"floor{slot}"
        target.mkdir(parents=True)
        for path in paths:
            digest = hashlib.sha256()
            with path.open("rb") as source, (target / path.name).open("wb") as copy:
                while chunk := source.read(1 << 20):
                    digest.update(chunk)
                    copy.write(chunk)
                copy.flush()
                os.fsync(copy.fileno())
    return time.perf_counter() - started


def floor_walk(root: Path) -> float:
    started = time.perf_counter()
    stack = [root]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    stack.append(Path(entry.path))
                else:
                    entry.stat()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="searches and rescans are repeated this many times")
    args = parser.parse_args()
    from legalsec_desktop.services import document_filing, indexing, rescan, search
    from legalsec_desktop.services.database import open_database

    large = large_demo()
    with tempfile.TemporaryDirectory(prefix="bench-docs-") as work:
        work_path = Path(work)
        db = work_path / "large copy.db"
        source = sqlite3.connect(large)
        copy = sqlite3.connect(db)
        source.backup(copy)
        source.close()
        copy.close()
        store = open_database(db, work_path / "backups")
        raw = sqlite3.connect(db)
        matter_ids = [row[0] for row in raw.execute("SELECT id FROM matter ORDER BY id DESC LIMIT 100")]
        started = time.perf_counter()
        made = make_documents(work_path / "made", args.documents, len(matter_ids))
        chars = sum(path.stat().st_size for paths in made.values() for path in paths)
        print(f"made {args.documents:,} documents ({chars / 1e6:.1f} MB on disk) in "
              f"{time.perf_counter() - started:.1f} s")
        root = work_path / "Legalsec Documents"
        root.mkdir()
        floor_file_s = floor_copy(made, work_path / "floor")

        started = time.perf_counter()
        for slot, paths in made.items():
            document_filing.file_documents(store, root, matter_ids[slot], paths, store.clock, "bench")
        file_s = time.perf_counter() - started
        started = time.perf_counter()
        indexing.index_waiting(store, root, store.clock)
        index_s = time.perf_counter() - started
        states = dict(raw.execute("SELECT text_state, count(*) FROM document_version GROUP BY text_state"))
        indexed_chars = raw.execute("SELECT sum(length(body)) FROM search_text").fetchone()[0]
        print(f"states: {states}; {indexed_chars / 1e6:.1f} million characters in the search index")
        rate = args.documents / (file_s + index_s)

        searches, floors = [], []
        for words in QUERIES * args.runs:
            started = time.perf_counter()
            search.search_everything(store, words)
            searches.append((time.perf_counter() - started) * 1000)
            from legalsec_desktop.domain.search_words import fts_query

            query = fts_query(words)
            if query:
                started = time.perf_counter()
                raw.execute("SELECT rowid FROM search_text WHERE search_text MATCH ? LIMIT 50", (query,)).fetchall()
                floors.append((time.perf_counter() - started) * 1000)

        rescans, walks = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            report = rescan.rescan(store, root, store.clock)
            rescans.append(time.perf_counter() - started)
            walks.append(floor_walk(root))
        print(f"rescan report: {report}")
        store.close()
        raw.close()

    print(f"{'figure':<34} {'value':>10} {'floor':>10} {'target':>10}")
    print(f"{'filing only, documents/s':<34} {args.documents / file_s:10.1f} {args.documents / floor_file_s:10.1f}")
    print(f"{'indexing only, documents/s':<34} {args.documents / index_s:10.1f}")
    print(f"{'filing + indexing, documents/s':<34} {rate:10.1f} {'':>10} {'> 50':>10}")
    print(f"{'search median, ms':<34} {statistics.median(searches):10.1f} {statistics.median(floors):10.2f} "
          f"{'< 50':>10}")
    print(f"{'search worst, ms':<34} {max(searches):10.1f} {max(floors):10.2f}")
    print(f"{'rescan, nothing changed, s':<34} {statistics.median(rescans):10.2f} {statistics.median(walks):10.2f} "
          f"{'< 2':>10}")
    shutil.rmtree(work_path, ignore_errors=True)


if __name__ == "__main__":
    main()
