"""The engagement letter's acceptance and the conflict waiver's consent read properly for a client that is an
organisation ("By: ____ Its: ____", "It consents") and for a person (a line to sign, "I consent")."""

import docx
import pytest
from sqlalchemy import select

from legalsec_desktop.db.models import ContactRow, MatterRow
from legalsec_desktop.domain.letter_asks import parse_asks
from legalsec_desktop.formats.letter_docx import render_letter
from legalsec_desktop.formats.starter_templates import STARTERS, letter_source, write_starter
from legalsec_desktop.services.letter_context import letter_context

TYPED = {"text": "the lawsuit", "date": "12/3/2026", "amount": "2500", "number": "4"}


def text_of(data: bytes, tmp_path) -> str:
    path = tmp_path / "letter.docx"
    path.write_bytes(data)
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def client_matter(store, organization: bool) -> int:
    with store.read() as session:
        return session.scalar(select(MatterRow.id).join(ContactRow, ContactRow.id == MatterRow.client_id)
                              .where(ContactRow.is_organization.is_(organization),
                                     MatterRow.responsible_attorney_id.is_not(None))
                              .order_by(MatterRow.id).limit(1))


@pytest.mark.parametrize("name", ["Engagement letter", "Conflict waiver letter"])
def test_the_acceptance_block_fits_an_organisation_and_a_person(demo_store, tmp_path, name):
    starter = next(s for s in STARTERS if s.name == name)
    template = tmp_path / starter.file_name
    write_starter(starter, template)
    asks, _problems = parse_asks(letter_source(starter.source).ask_comments())
    answers = {ask.name: ask.choices[0] if ask.choices else TYPED[ask.kind] for ask in asks}
    texts = {}
    for organization in (True, False):
        data = letter_context(demo_store, client_matter(demo_store, organization), None, answers=answers, asks=asks)
        assert data.context["client"]["is_organization"] == ("yes" if organization else "")
        texts[organization] = text_of(render_letter(template, data.context), tmp_path)
    assert "By: ____" in texts[True] and "Its: ____" in texts[True]
    assert "has read this letter" in texts[True] and "I have read" not in texts[True]
    assert "By: ____" not in texts[False] and "Its:" not in texts[False]
    assert "I have read this letter" in texts[False]
    assert "Dear Sir or Madam:" in texts[True]  # the greeting of an organisation stays as it was
