"""Every starter letter rendered for several matters of the demo practice and reopened with python-docx: the
recipient's name and address and the matter's title are there, no field is left, "None" is never printed, a name
with & < and quotes comes through; and LibreOffice (where installed) turns each into a PDF."""

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import docx
import pytest
from sqlalchemy import select

from legalsec_desktop.db.models import ContactRow, FirmRow, MatterRow, PartyRow, TimekeeperRow
from legalsec_desktop.domain.letter_asks import parse_asks
from legalsec_desktop.formats.letter_docx import render_letter
from legalsec_desktop.formats.placeholders import leftover_placeholders
from legalsec_desktop.formats.starter_templates import STARTERS, letter_source, write_starter
from legalsec_desktop.services.letter_context import letter_context

TYPED = {"text": "as we discussed on the telephone", "date": "12/3/2026", "amount": "2500", "number": "4"}
pytestmark = pytest.mark.slow  # 33 letters, each rendered in a child process of its own
AWKWARD = 'O\'Neil & Sons "Holdings" <West>'


def rendered_text(path):
    document = docx.Document(str(path))
    section = document.sections[0]
    paragraphs = [*section.first_page_header.paragraphs, *section.header.paragraphs, *document.paragraphs]
    paragraphs += [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join(p.text for p in paragraphs)


def pick_letters(store):
    """Three matters of the demo: a lawsuit to its opposing counsel, one with no case number to its client, and a
    lawsuit whose client's name has & < and quotes in it, to that client."""
    with store.write() as session:
        firm = session.get(FirmRow, 1)
        firm.phone, firm.email = "(415) 555-0142", "office@hollowaychen.example"
        firm.fax = ""  # a firm with no fax: its letterhead has no Facsimile line (the demo firm has one)
        for keeper in session.scalars(select(TimekeeperRow)):
            keeper.title, keeper.bar_number = "Partner", f"21{keeper.id:04d}"
        suits = session.scalars(select(MatterRow).where(MatterRow.case_number != "", MatterRow.status == "open")
                                .order_by(MatterRow.id)).all()
        plain = session.scalars(select(MatterRow).where(MatterRow.case_number == "", MatterRow.status == "open")
                                .order_by(MatterRow.id)).first()
        counsel = session.execute(select(PartyRow.matter_id, PartyRow.contact_id)
                                  .where(PartyRow.role == "opposing counsel", PartyRow.deleted_at.is_(None),
                                         PartyRow.matter_id.in_([m.id for m in suits]))
                                  .order_by(PartyRow.matter_id)).first()
        assert counsel is not None and plain is not None
        other = next(m for m in suits if m.id != counsel.matter_id and m.client_id != plain.client_id)
        session.get(ContactRow, other.client_id).name = AWKWARD
        return [(counsel.matter_id, counsel.contact_id), (plain.id, plain.client_id), (other.id, other.client_id)]


def answers_for(asks, turn):
    return {ask.name: ask.choices[turn % len(ask.choices)] if ask.choices else TYPED[ask.kind] for ask in asks}


@pytest.fixture(scope="module")
def rendered(small_demo_master, tmp_path_factory):
    """Every starter rendered for the three matters of pick_letters: (turn, starter, context, .docx path) each."""
    from legalsec_desktop.db.store import open_store

    folder = tmp_path_factory.mktemp("starter letters")
    shutil.copyfile(small_demo_master, folder / "demo.db")
    store = open_store(folder / "demo.db")
    try:
        for starter in STARTERS:
            write_starter(starter, folder / starter.file_name)
        jobs = []
        for turn, (matter_id, recipient_id) in enumerate(pick_letters(store)):
            for starter in STARTERS:
                asks, problems = parse_asks(letter_source(starter.source).ask_comments())
                assert problems == []
                data = letter_context(store, matter_id, recipient_id, answers=answers_for(asks, turn), asks=asks)
                jobs.append((turn, starter, data.context, folder / f"{turn}" / starter.file_name))
    finally:
        store.close()
    with ThreadPoolExecutor(max_workers=3) as pool:  # each render is a child process of its own
        made = list(pool.map(lambda job: render_letter(folder / job[1].file_name, job[2]), jobs))
    for (_, _, _, path), data in zip(jobs, made):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    return jobs


def test_every_starter_renders_for_every_matter_with_nothing_left(rendered):
    assert len(rendered) == 3 * len(STARTERS)
    for turn, starter, context, path in rendered:
        text = rendered_text(path)
        where = f"{starter.name} for matter {context['matter']['number']}"
        assert leftover_placeholders(path) == [], where
        assert "None" not in text, where
        assert context["recipient"]["name"] in text and context["matter"]["title"] in text, where
        assert context["firm"]["name"] in text and "Telephone (415) 555-0142" in text and "Facsimile" not in text
        if letter_source(starter.source).layout == "letter":
            for line in context["recipient"]["address_block"].splitlines():
                assert line in text, where
            assert context["signer"]["name"] in text and f"Bar No. {context['signer']['bar_number']}" in text
        if context["matter"]["case_number"] and "Case No." in text:
            assert context["matter"]["case_number"] in text, where
        if turn == 2:
            assert AWKWARD in text, where  # escaped into the XML, read back as typed


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_turns_each_starter_letter_into_a_pdf(rendered, tmp_path):
    letters = sorted(str(path) for turn, _, _, path in rendered if turn == 0)
    profile = (tmp_path / "office profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path / "pdf"), *letters], check=True, capture_output=True, timeout=180)
    for starter in STARTERS:
        pdf = tmp_path / "pdf" / starter.file_name.replace(".docx", ".pdf")
        assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5000, starter.name
