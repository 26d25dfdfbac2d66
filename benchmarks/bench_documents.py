"""Issue 17 document store speed: filing and indexing made documents, in documents a second:

    python benchmarks/bench_documents.py [--count N] [--chars N]

The issue expects more than 50 documents a second (filing and indexing, 10,000 documents of about 2,000
characters). Qt-free, in this process, on a new database and documents folder in a temporary folder.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date
from pathlib import Path

from legalsec_desktop.clock import SYSTEM_CLOCK
from legalsec_desktop.db.search_index import search_index
from legalsec_desktop.db.store import open_store
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import matters
from legalsec_desktop.services.document_filing import file_documents
from legalsec_desktop.services.indexing import index_waiting

WORDS = ("agreement extension deadline counsel plaintiff defendant motion discovery deposition exhibit court "
         "hearing settlement lease payment notice letter schedule witness claim damages order").split()


def make_files(folder: Path, count: int, chars: int) -> list[Path]:
    picker = random.Random(17)
    made = []
    for number in range(count):
        words: list[str] = []
        while sum(len(word) + 1 for word in words) < chars:
            words.append(picker.choice(WORDS))
        path = folder / f"note {number:05}.txt"
        path.write_text(f"document{number} " + " ".join(words), encoding="utf-8")
        made.append(path)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        (folder / "in").mkdir()
        (folder / "root").mkdir()
        sources = make_files(folder / "in", args.count, args.chars)
        store = open_store(folder / "bench.db")
        try:
            matter = matters.create_matter(store, MatterDraft("2026-0001", "Bench", "Client", date(2026, 1, 1)))
            started = time.perf_counter()
            file_documents(store, folder / "root", matter, sources, SYSTEM_CLOCK, "bench")
            filed = time.perf_counter() - started
            started = time.perf_counter()
            run = index_waiting(store, folder / "root", SYSTEM_CLOCK)
            indexed = time.perf_counter() - started
            started = time.perf_counter()
            with store.read() as session:
                hits = search_index(session).search(session, f"document{args.count // 2}")
            searched = time.perf_counter() - started
        finally:
            store.close()
    print(f"{args.count} documents of {args.chars} characters")
    print(f"filing:   {filed:7.2f} s  {args.count / filed:7.0f} documents a second")
    print(f"indexing: {indexed:7.2f} s  {run.read / indexed:7.0f} documents a second ({run.flagged} flagged)")
    print(f"search:   {searched * 1000:7.1f} ms ({len(hits)} hit)")


if __name__ == "__main__":
    main()
