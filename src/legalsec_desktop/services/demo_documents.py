"""The demo practice's documents and e-mails: real files (Word letters, PDFs typed and scanned, e-mails with an
attachment, notes) written for its open litigation, filed through the program's own filing, and their text read.

The files are made in a hidden folder of the demo's inbox, filed from there (copied in, as a user files them),
and that folder is removed; a few are left in the inbox, unfiled, to show its suggestions.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.models import ContactRow, MatterRow, PartyRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.clock import from_local
from legalsec_desktop.formats.sample_files import write_docx, write_eml, write_pdf
from legalsec_desktop.services.document_filing import file_documents, file_new_version
from legalsec_desktop.services.document_root import set_documents_root, set_inbox_folder
from legalsec_desktop.services.documents import documents_of
from legalsec_desktop.services.indexing import index_waiting

BY = "LS"
FIRM_MAIL = "ls@hale-law.example"
MATTERS = 8  # open litigated matters that get documents


@dataclass(frozen=True)
class _Matter:
    id: int
    number: str
    title: str
    caption: str
    court: str
    case_number: str
    client: str
    counsel: str
    opened_on: date


def _matters(store: Store) -> list[_Matter]:
    with store.read() as session:
        rows = session.execute(select(MatterRow, ContactRow.name).join(ContactRow, ContactRow.id == MatterRow.client_id)
                               .where(MatterRow.status == "open", MatterRow.case_number != "")
                               .order_by(MatterRow.opened_on.desc()).limit(MATTERS)).all()
        found = []
        for matter, client in rows:
            counsel = session.scalar(select(ContactRow.name).join(PartyRow, PartyRow.contact_id == ContactRow.id)
                                     .where(PartyRow.matter_id == matter.id, PartyRow.role == "opposing counsel"))
            found.append(_Matter(matter.id, matter.number, matter.title, matter.caption or matter.title,
                                 matter.court, matter.case_number, client, counsel or "Opposing counsel",
                                 matter.opened_on))
    return found


def _dated(path: Path, day: date) -> Path:
    """The file's modification time set to `day`, 10:00: filing takes a document's date from it."""
    stamp = datetime.combine(day, time(10)).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def _mail_address(name: str) -> str:
    word = "".join(ch for ch in name.split()[-1].lower() if ch.isalnum()) or "counsel"
    return f"{word}@{word}-law.example"


def _complaint(m: _Matter) -> list[str]:
    return [m.court.upper() or "SUPERIOR COURT", "", m.caption, f"Case No. {m.case_number}", "",
            "COMPLAINT FOR DAMAGES", "",
            f"1. Plaintiff {m.client} brings this action for breach of contract and negligence.",
            "2. Venue is proper in this Court because the events giving rise to the claims occurred here.",
            "3. Defendant failed to perform its obligations under the agreement despite written notice.",
            "4. As a direct result, Plaintiff suffered damages in an amount to be proven at trial.",
            "WHEREFORE, Plaintiff prays for judgment, costs of suit and such other relief as is just."]


def _letter(m: _Matter, day: date, until: date) -> list[str]:
    return [f"Re: {m.title}, Case No. {m.case_number}", f"{day:%B} {day.day}, {day.year}", f"Dear {m.counsel},",
            ("We write on behalf of our client to request a fourteen-day extension of time to respond to your "
             f"first set of interrogatories and requests for production, to {until:%B} {until.day}, {until.year}."),
            "The requests are extensive and our client's records are held by a third-party custodian.",
            "Please let us know whether you will agree, so that we may submit a stipulation to the Court.",
            "Very truly yours,", "Mary A. Hale"]


def _files_for(m: _Matter, folder: Path, today: date, number: int) -> list[tuple[Path, str]]:
    """The files of one matter, made in `folder`, with the kind each is filed as."""
    folder.mkdir(parents=True, exist_ok=True)
    filed_on = max(m.opened_on, today - timedelta(days=120)) + timedelta(days=2)
    asked_on = today - timedelta(days=20 - number)
    until = asked_on + timedelta(days=28)
    made = [(_dated(write_pdf(folder / "Complaint.pdf", _complaint(m)), filed_on), "pleading"),
            (_dated(write_docx(folder / "Letter to opposing counsel re extension.docx", _letter(m, asked_on, until)),
                    asked_on), "correspondence")]
    stipulation = write_pdf(folder / "Stipulation.pdf", [
        m.caption, f"Case No. {m.case_number}", "", "STIPULATION TO EXTEND TIME", "",
        f"The parties stipulate that the time to respond to discovery is extended to {until:%m/%d/%Y}.",
        "IT IS SO STIPULATED."]).read_bytes()
    counsel = f"{m.counsel} <{_mail_address(m.counsel)}>"
    sent = from_local(datetime.combine(asked_on + timedelta(days=1), time(16, 42)))
    mail, _message_id = write_eml(
        folder / "mail.eml", counsel, [FIRM_MAIL], f"Re: {m.number} — extension of time",
        sent, (f"Dear Ms. Hale,\n\nThank you for your letter. We agree to the extension to {until:%B} {until.day}. "
               "A signed stipulation is attached; please file it.\n\nBest regards,\n" + m.counsel + "\n"),
        [("Stipulation to extend time.pdf", stipulation, "application/pdf")])
    made.append((mail, "email"))
    if number % 2 == 0:
        scan = write_pdf(folder / "Exhibit A (scanned).pdf", [""] * 60, scanned=True)
        made.append((_dated(scan, filed_on + timedelta(days=1)), "evidence"))
    note = folder / "Call with client.txt"
    note.write_text(f"Call with {m.client} on {asked_on:%m/%d/%Y}: discussed the discovery requests and the "
                    "extension; the client will send the invoices and the signed agreement by Friday.\n",
                    encoding="utf-8")
    made.append((_dated(note, asked_on), "note"))
    return made


def add_demo_documents(store: Store, root: Path, inbox: Path, clock: Clock) -> dict[str, int]:
    """File the demo's documents under `root` (the firm's documents folder from now on) and leave a few in
    `inbox` (its watched inbox); read their text. Returns counts for the demo's summary."""
    root.mkdir(parents=True, exist_ok=True)
    inbox.mkdir(parents=True, exist_ok=True)
    set_documents_root(store, root)
    set_inbox_folder(store, inbox)
    building = inbox / ".demo-files"
    today = clock.today()
    matters = _matters(store)
    try:
        for number, m in enumerate(matters):
            for path, kind in _files_for(m, building / str(number), today, number):
                file_documents(store, root, m.id, [path], clock, BY, kind=kind)
        if matters:  # the partner's edit of the first letter, filed as its second version
            first = matters[0]
            letter = next(d for d in documents_of(store, first.id) if d.title.startswith("Letter to opposing"))
            edited = building / "edited.docx"
            write_docx(edited, _letter(first, today - timedelta(days=20), today + timedelta(days=10))
                       + ["P.S. Our client would also agree to mediation in January."])
            file_new_version(store, root, letter.id, edited, clock, BY)
        for m in matters[:2]:  # waiting in the inbox: a scan named for its matter, and a reply with no number
            write_pdf(inbox / f"{m.number} notice of deposition.pdf", [
                m.caption, f"Case No. {m.case_number}", "", "NOTICE OF DEPOSITION",
                f"Please take notice that the deposition of {m.client} will be taken on the date set by the parties."])
    finally:
        shutil.rmtree(building, ignore_errors=True)
    run = index_waiting(store, root, clock)
    return {"documents read": run.read, "matters with documents": len(matters)}
