"""Issue 18 speed target: mailing labels for 300 recipients in under 3 s.

    python benchmarks/bench_labels.py [--runs N]

Each run is a fresh process over a new database with one matter of 300 parties (addresses of 2 to 5 lines, some
long enough to be wrapped or set smaller). Timed: reading the parties' address blocks (services.mailing), laying
out and painting 10 sheets of Avery 5160, and writing the PDF whole (labels_ms); the envelope for one of them
(envelope_ms) for comparison.
"""

from __future__ import annotations

import argparse

from common import run_child, summary

CHILD = r"""
import os, sys, tempfile, time
from datetime import date
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
app = QApplication([])
from legalsec_desktop.db.models import ContactRow, PartyRow
from legalsec_desktop.db.store import open_store
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import mailing, matters
from legalsec_desktop.ui.common import mailing_print

folder = Path(tempfile.mkdtemp())
store = open_store(folder / "bench.db")
matter_id = matters.create_matter(store, MatterDraft("2026-0001", "Class action", "Lead Plaintiff", date(2026, 1, 5)))
with store.write() as session:
    for n in range(300):  # and the client, who has no address: left out
        street = [f"{n} Market St", f"Suite {n}" if n % 2 else "", "Building B, Mail Stop 12" if n % 5 == 0 else "",
                  "San Francisco, CA 94105"]
        name = f"Class Member {n}" + (" Konstantinopoulou-Vanderbilt Featherstonehaugh" if n % 7 == 0 else "")
        contact = ContactRow(name=name, sort_name=name, address="\n".join(line for line in street if line),
                             organization="Organisation of the Member" if n % 3 == 0 else "")
        session.add(contact)
        session.flush()
        session.add(PartyRow(matter_id=matter_id, contact_id=contact.id, role="other"))
t = time.perf_counter()
found = mailing.matter_addresses(store, matter_id)
blocks = [a.lines for a in found if a.printable]
pages = mailing_print.write_mailing_labels_pdf(blocks, folder / "labels.pdf")
print(f"labels_ms={(time.perf_counter() - t) * 1000}")
print(f"labels={len(blocks)}")
print(f"pages={pages}")
t = time.perf_counter()
mailing_print.write_envelopes_pdf(mailing.return_address(store), [blocks[0]], "Via Certified Mail",
                                  folder / "envelope.pdf")
print(f"envelope_ms={(time.perf_counter() - t) * 1000}")
store.close()
"""


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = [run_child(CHILD) for _ in range(parser.parse_args().runs)]
    print(f"{'figure':<22} {'first':>9} {'median':>9} {'worst':>9}")
    for key, (first, median, worst) in summary(runs).items():
        print(f"{key:<22} {first:9.1f} {median:9.1f} {worst:9.1f}")
