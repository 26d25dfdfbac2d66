"""`legalsec letter` says what is wrong in words a new user can act on: an --out that is not a .docx, an answer
that is not one of a choice's options (naming the question, the options quoted), a template name mistyped (the
close names), a recipient with no address (how to give one), a name ending in a full stop (no double stop)."""

from __future__ import annotations

import pytest
from cli_run import run
from letter_setup import drop_template
from sqlalchemy import select, update

from legalsec_desktop.db.models import ContactRow, MatterRow, PartyRow
from legalsec_desktop.db.store import open_store

CHOICE = ('{# ask delivery: choice "How it is sent" = Certified Mail, Return Receipt Requested | First-Class Mail'
          ' #}')


@pytest.fixture
def demo(demo_path):
    """(database, matter number, the client's name) with a template "Sending notice" asking a choice."""
    store = open_store(demo_path)
    try:
        drop_template(store, "Sending notice.docx", CHOICE, "{{ recipient.salutation }} Sent by {{ ask.delivery }}.",
                      "{{ signer.name }}")
        with store.read() as session:
            number, client = session.execute(
                select(MatterRow.number, ContactRow.name).join(ContactRow, ContactRow.id == MatterRow.client_id)
                .join(PartyRow, PartyRow.matter_id == MatterRow.id)
                .where(MatterRow.status == "open", MatterRow.responsible_attorney_id.is_not(None))
                .order_by(MatterRow.id).limit(1)).one()
    finally:
        store.close()
    return str(demo_path), number, client


def letter(demo, tmp_path, capsys, *extra: str, out: str = "x.docx", template: str = "Sending notice",
           to: str | None = None):
    db, number, client = demo
    return run(["--db", db, "letter", "--matter", number, "--template", template, "--to", to or client,
                *extra, "--out", str(tmp_path / out)], capsys)


def test_an_out_that_is_not_a_word_file_is_refused(demo, tmp_path, capsys):
    code, out, err = letter(demo, tmp_path, capsys, "--set", "delivery=First-Class Mail", out="x.pdf")
    assert code == 1 and out == "" and "must end in .docx" in err
    assert not (tmp_path / "x.pdf").exists()


def test_a_wrong_choice_names_the_question_and_quotes_the_options(demo, tmp_path, capsys):
    code, _out, err = letter(demo, tmp_path, capsys, "--set", "delivery=pigeon")
    assert code == 1
    assert ("delivery (How it is sent): choose one of “Certified Mail, Return Receipt Requested”, "
            "“First-Class Mail”") in err
    code, _out, err = letter(demo, tmp_path, capsys)
    assert code == 1 and "one of “Certified Mail, Return Receipt Requested”, “First-Class Mail”" in err
    code, out, err = letter(demo, tmp_path, capsys, "--set", "delivery=Certified Mail, Return Receipt Requested")
    assert code == 0, err


def test_letter_help_points_to_templates_list(capsys):
    code, out, _err = run(["letter", "--help"], capsys)
    assert code == 0 and "run `legalsec templates list` to see each template's questions" in " ".join(out.split())


def test_a_mistyped_template_name_suggests_the_close_ones(demo, tmp_path, capsys):
    code, _out, err = letter(demo, tmp_path, capsys, template="sending")
    assert code == 1 and "Did you mean “Sending notice”?" in err
    code, _out, err = letter(demo, tmp_path, capsys, template="Sendng notise")
    assert code == 1 and "Did you mean “Sending notice”?" in err


def test_no_address_says_how_to_give_one_and_a_name_ending_in_a_stop_is_not_stopped_twice(demo, tmp_path,
                                                                                           capsys):
    db, _number, client = demo
    store = open_store(db)
    try:
        with store.write() as session:
            session.execute(update(ContactRow).where(ContactRow.name == client)
                            .values(name="Horizon Construction Inc.", address=""))
    finally:
        store.close()
    code, out, err = letter(demo, tmp_path, capsys, "--set", "delivery=First-Class Mail",
                            to="Horizon Construction Inc.")
    assert code == 0, err
    assert "--set address=" in err
    assert out.rstrip().endswith("Horizon Construction Inc.") and ".." not in out
