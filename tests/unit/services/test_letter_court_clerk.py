"""A letter to the clerk of the matter's court, who is no contact (COURT_CLERK): the recipient's fields, the typed
address or a warning, a matter with no court refused in words, and the log entry naming the court."""

from __future__ import annotations

import pytest
from cli_run import run
from letter_setup import drop_template
from sqlalchemy import select

from legalsec_desktop.db.models import CommunicationRow, MatterRow
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.letters import COURT_CLERK
from legalsec_desktop.services.letter_context import letter_context
from legalsec_desktop.services.letter_people import recipient_by_name
from legalsec_desktop.services.letters import LetterRequest, create_letter


@pytest.fixture
def court_matter(demo_store):
    """(a demo matter with a court, its court, a demo matter without one) and a plain template."""
    with demo_store.read() as session:
        with_court = session.execute(select(MatterRow.id, MatterRow.court).where(MatterRow.court != "")
                                     .order_by(MatterRow.id).limit(1)).one()
        without = session.scalar(select(MatterRow.id).where(MatterRow.court == "").limit(1))
    drop_template(demo_store, "Filing cover.docx", "{{ recipient.address_block }}",
                  "Dear {{ recipient.salutation_name }}:", "{{ signer.name }}")
    return with_court.id, with_court.court, without


def test_the_clerk_is_a_recipient_with_the_court_and_the_typed_address(demo_store, court_matter):
    matter_id, court, _without = court_matter
    data = letter_context(demo_store, matter_id, COURT_CLERK)
    clerk = data.context["recipient"]
    assert (clerk["name"], clerk["organization"], clerk["address"]) == ("Clerk of the Court", court, "")
    assert clerk["salutation"] == f"Dear {clerk['salutation_name']}:"
    assert data.warnings == ("Clerk of the Court has no address: type one before printing.",)
    typed = letter_context(demo_store, matter_id, COURT_CLERK, address="111 N. Hill St.\nLos Angeles, CA 90012")
    assert typed.warnings == ()
    assert typed.context["recipient"]["address_block"] == (f"Clerk of the Court\n{court}\n111 N. Hill St.\n"
                                                           "Los Angeles, CA 90012")


def test_a_matter_with_no_court_has_no_clerk(demo_store, court_matter):
    with pytest.raises(ValidationError, match="has no court") as raised:
        letter_context(demo_store, court_matter[2], COURT_CLERK)
    assert raised.value.field == "recipient"


def test_the_letter_is_logged_as_to_the_clerk_of_that_court(demo_store, court_matter, tmp_path):
    matter_id, court, _without = court_matter
    assert recipient_by_name(demo_store, matter_id, "clerk of the court") == COURT_CLERK
    root = tmp_path / "root"
    root.mkdir()
    created = create_letter(demo_store, LetterRequest(matter_id, "Filing cover", COURT_CLERK, address="1 Court Sq"),
                            root=root)
    with demo_store.read() as session:
        entry = session.get(CommunicationRow, created.communication_id)
    assert entry.with_whom == f"Clerk of the Court, {court}"


def test_the_letter_command_takes_the_clerk(demo_path, capsys, tmp_path):
    from legalsec_desktop.db.store import open_store

    store = open_store(demo_path)
    try:
        drop_template(store, "Filing cover.docx", "{{ recipient.address_block }}", "{{ signer.name }}")
        with store.read() as session:
            number = session.scalar(select(MatterRow.number).where(MatterRow.court != "",
                                                                   MatterRow.responsible_attorney_id.is_not(None))
                                    .order_by(MatterRow.id).limit(1))
    finally:
        store.close()
    code, out, err = run(["--db", str(demo_path), "letter", "--matter", number, "--template", "Filing cover", "--to",
                          "Clerk of the Court", "--set", "address=1 Court Sq", "--out", str(tmp_path / "x.docx")],
                         capsys)
    assert code == 0, err
    assert "logged as a letter to Clerk of the Court, " in out  # and the court, as the log names the recipient
