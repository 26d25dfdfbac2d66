"""Issue 17 search and rescan speed over 10,000 documents (about 20 million characters, generated):

    python benchmarks/bench_search.py [--documents N] [--runs N]

The issue expects a search over all of them in under 50 ms and a rescan that finds nothing changed in under 2 s.
Qt-free, in this process; the database and the documents folder are made in a temporary folder and removed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from legalsec_desktop.clock import SYSTEM_CLOCK
from legalsec_desktop.db.document_models import DocumentFolderRow, DocumentRow, DocumentVersionRow
from legalsec_desktop.db.search_index import search_index
from legalsec_desktop.db.store import Store, open_store
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import matters
from legalsec_desktop.services.rescan import rescan
from legalsec_desktop.services.search import flat, search_everything

MATTERS = 100
WORDS_A_DOCUMENT = 330  # about 2,000 characters
SYLLABLES = ("ka", "lo", "mer", "tin", "sa", "ro", "vel", "dun", "pre", "sto", "ga", "nis", "ex", "ten", "sion")


def vocabulary(size: int, rnd: random.Random) -> list[str]:
    return sorted({"".join(rnd.choices(SYLLABLES, k=rnd.randint(2, 4))) for _ in range(size)})


def build(store: Store, root: Path, documents: int, rnd: random.Random) -> list[str]:
    words = vocabulary(20_000, rnd)
    now = SYSTEM_CLOCK.utc_now()
    ids = [matters.create_matter(store, MatterDraft(f"2026-{m:04d}", f"Matter {m}", f"Client {m}",
                                                    date(2026, 1, 1))) for m in range(MATTERS)]
    with store.write() as session:
        index = search_index(session)
        for m, matter_id in enumerate(ids):
            session.add(DocumentFolderRow(matter_id=matter_id, folder=f"2026-{m:04d} Matter {m}"))
            (root / f"2026-{m:04d} Matter {m}").mkdir(parents=True)
        for number in range(documents):
            m = number % MATTERS
            title = f"Document {number} " + " ".join(rnd.choices(words, k=4))
            body = " ".join(rnd.choices(words, k=WORDS_A_DOCUMENT))
            relative = f"2026-{m:04d} Matter {m}/document {number}.txt"
            file = root / relative
            file.write_text(body, encoding="utf-8")
            stat = file.stat()
            row = DocumentRow(matter_id=ids[m], title=title, kind="other", filed_at=now,
                              doc_date=date(2020, 1, 1) + timedelta(days=number % 2000))
            session.add(row)
            session.flush()
            session.add(DocumentVersionRow(document_id=row.id, number=1, path=relative, original_name=file.name,
                                           sha256="0" * 64, size_bytes=stat.st_size, modified_ns=stat.st_mtime_ns,
                                           filed_at=now, text_state="indexed"))
            index.put_document(session, row.id, ids[m], row.doc_date, title, body)
    return words


def median_ms(work, runs: int) -> float:  # noqa: ANN001
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    rnd = random.Random(17)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        root = Path(folder) / "root"
        started = time.perf_counter()
        words = build(store, root, args.documents, rnd)
        print(f"{args.documents:,} documents filed and indexed in {time.perf_counter() - started:.1f} s")
        queries = [words[100], words[5000][:3], f"{words[200]} {words[300]}", "document", "ext"]
        for query in queries:
            found = len(flat(search_everything(store, query)))
            print(f"search {query!r:>24}: {median_ms(lambda q=query: search_everything(store, q), args.runs):6.1f} ms"
                  f" ({found} hits shown)")
        report = rescan(store, root, SYSTEM_CLOCK)
        took = median_ms(lambda: rescan(store, root, SYSTEM_CLOCK), 3)
        print(f"rescan, nothing changed: {took:6.0f} ms ({report.unchanged:,} files unchanged)")
        store.close()


if __name__ == "__main__":
    main()
