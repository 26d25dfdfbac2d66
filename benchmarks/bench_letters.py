"""Issue 18 speed targets, on the large demo practice:

    python benchmarks/bench_letters.py [--runs N]

- a letter rendered, filed and logged in under 300 ms (services.letters.create_letter: the template rechecked if it
  changed, the matter's data gathered, docxtpl in a bounded child process, the placeholders looked for, the file
  copied into the matter's folder, the document, log entry and to-do in one transaction);
- a template checked when added in under 200 ms (services.letter_templates.add_template: read, checked, copied in).

The first letter, which starts the render process (formats.render_worker), is reported apart. Floors measured in
the same run: a job in the render process that does nothing (what bounding the render costs), docxtpl
rendering the same template in this process, and formats.template_check.check_template alone.
Qt-free, in this process, on a private copy of benchmarks/data/large.db.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from common import large_demo

TEMPLATE = "Status letter to client"


def _nothing() -> int:
    return 0


def answers(asks: tuple, run: int) -> dict[str, str]:  # type: ignore[type-arg]
    """An answer of the right kind to each question (a different text each run: no letter is filed twice)."""
    typed = {"date": "12/3/2026", "amount": "1500", "number": "3"}
    return {ask.name: ask.choices[0] if ask.kind == "choice" else typed.get(ask.kind, f"Run {run}: as agreed.")
            for ask in asks}


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    from docxtpl import DocxTemplate

    from legalsec_desktop.formats.template_check import check_template
    from legalsec_desktop.formats.template_sandbox import LetterEnvironment, run_bounded
    from legalsec_desktop.services.database import open_database
    from legalsec_desktop.services.letter_context import letter_context
    from legalsec_desktop.services.letter_templates import add_template, find_template, list_templates
    from legalsec_desktop.services.letters import LetterRequest, create_letter

    large = large_demo()
    with tempfile.TemporaryDirectory(prefix="bench-letters-") as work:
        work_path = Path(work)
        db = work_path / "large copy.db"
        source, copy = sqlite3.connect(large), sqlite3.connect(db)
        source.backup(copy)
        source.close()
        templates, root = work_path / "Legalsec Templates", work_path / "Legalsec Documents"
        templates.mkdir()
        root.mkdir()
        copy.execute("UPDATE firm SET templates_folder = ?", (str(templates),))
        matter_id, client_id = copy.execute(
            "SELECT id, client_id FROM matter WHERE status = 'open' AND responsible_attorney_id IS NOT NULL "
            "ORDER BY id DESC LIMIT 1").fetchone()
        copy.commit()
        copy.close()
        store = open_database(db, work_path / "backups")

        started = time.perf_counter()
        found = list_templates(store)  # first use: the starter library written and checked
        print(f"first use: {len(found)} starter templates written and checked in {time.perf_counter() - started:.2f} s")
        info = find_template(store, TEMPLATE)

        # the first letter starts the render process and loads Word's libraries in it (the New Letter dialog starts
        # it when it opens, so a user's first letter does not wait for it): measured apart from the others
        request = LetterRequest(matter_id, TEMPLATE, client_id, answers=answers(info.asks, 99))
        started = time.perf_counter()
        create_letter(store, request, root=root)
        cold = time.perf_counter() - started

        letters, spawns, in_process = [], [], []
        for run in range(args.runs):
            day = store.clock.today() + timedelta(days=run + 1)
            request = LetterRequest(matter_id, TEMPLATE, client_id, answers=answers(info.asks, run), follow_up_on=day)
            started = time.perf_counter()
            create_letter(store, request, root=root)
            letters.append(time.perf_counter() - started)

            started = time.perf_counter()
            run_bounded(_nothing, ())
            spawns.append(time.perf_counter() - started)

            context = letter_context(store, matter_id, client_id, answers=request.answers, asks=info.asks).context
            started = time.perf_counter()
            document = DocxTemplate(io.BytesIO(info.path.read_bytes()))
            document.render(dict(context), jinja_env=LetterEnvironment(), autoescape=True)
            document.save(io.BytesIO())
            in_process.append(time.perf_counter() - started)

        adds, checks = [], []
        for run in range(args.runs):
            source_file = work_path / f"firm letter {run}.docx"
            shutil.copyfile(info.path, source_file)
            started = time.perf_counter()
            add_template(store, source_file, f"Firm letter {run}")
            adds.append(time.perf_counter() - started)
            started = time.perf_counter()
            check_template(source_file)
            checks.append(time.perf_counter() - started)
        store.close()

    print(f"{'figure':<44} {'median':>8} {'worst':>8} {'target':>8}")
    print(f"{'letter rendered, filed and logged, ms':<44} {median_ms(letters):8.0f} {max(letters) * 1000:8.0f} "
          f"{'< 300':>8}")
    print(f"{'  first letter, render process started cold, ms':<44} {cold * 1000:8.0f}")
    print(f"{'  floor: a job in the render process, ms':<44} {median_ms(spawns):8.0f} {max(spawns) * 1000:8.0f}")
    print(f"{'  floor: docxtpl render in this process, ms':<44} {median_ms(in_process):8.0f} "
          f"{max(in_process) * 1000:8.0f}")
    print(f"{'template checked when added, ms':<44} {median_ms(adds):8.0f} {max(adds) * 1000:8.0f} {'< 200':>8}")
    print(f"{'  floor: check_template alone, ms':<44} {median_ms(checks):8.0f} {max(checks) * 1000:8.0f}")


if __name__ == "__main__":
    main()
