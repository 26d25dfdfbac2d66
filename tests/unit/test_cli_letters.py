"""`legalsec templates list|add` and `legalsec letter`: what they print, their exit status, and bad input said in
words (never a traceback): not a .docx, damaged, the output file in the way, a template removed while in use,
a recipient with no address, a matter with no responsible attorney, a contact that is unknown or ambiguous."""

from __future__ import annotations

import os

import pytest
from cli_run import run
from letter_setup import docx_text, drop_template, make_damaged, make_docx
from sqlalchemy import func, select, update

from legalsec_desktop.db.document_models import DocumentRow
from legalsec_desktop.db.models import CommunicationRow, ContactRow, MatterRow, PartyRow, TimekeeperRow
from legalsec_desktop.db.store import open_store


@pytest.fixture
def demo(demo_path):
    """The demo database with two templates of its own; (path, matter number, client's name, other party's name,
    attorney's initials)."""
    store = open_store(demo_path)
    try:
        drop_template(store, "Plain letter.docx")
        drop_template(store, "Hearing notice.docx", '{# ask hearing_date: date "Date of the hearing" #}',
                      "{{ recipient.salutation }} The hearing is on {{ ask.hearing_date }}.", "{{ signer.name }}")
        with store.read() as session:
            row = session.execute(
                select(MatterRow.number, ContactRow.name, MatterRow.id)
                .join(ContactRow, ContactRow.id == MatterRow.client_id)
                .join(PartyRow, PartyRow.matter_id == MatterRow.id)
                .where(PartyRow.role != "client", MatterRow.status == "open").order_by(MatterRow.id).limit(1)).one()
            other = session.scalar(select(ContactRow.name).join(PartyRow, PartyRow.contact_id == ContactRow.id)
                                   .where(PartyRow.matter_id == row.id, PartyRow.role != "client"))
            initials = session.scalar(select(TimekeeperRow.initials).where(TimekeeperRow.is_attorney).limit(1))
    finally:
        store.close()
    return str(demo_path), row.number, row.name, other, initials


def counts(db: str) -> tuple[int, int]:
    store = open_store(db)
    try:
        with store.read() as session:
            return (session.scalar(select(func.count()).select_from(DocumentRow)),
                    session.scalar(select(func.count()).select_from(CommunicationRow)))
    finally:
        store.close()


def change(db: str, statement) -> None:  # noqa: ANN001
    store = open_store(db)
    try:
        with store.write() as session:
            session.execute(statement)
    finally:
        store.close()


def test_templates_list_one_per_line_tab_separated(demo, capsys):
    code, out, _err = run(["--db", demo[0], "templates", "list"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    by_name = {line.split("\t")[0]: line.split("\t") for line in lines}
    name, file_name, fields, asks, problem = by_name["Hearing notice"]
    assert (name, file_name, asks, problem) == ("Hearing notice", "Hearing notice.docx", "hearing_date:date", "")
    assert set(fields.split(", ")) == {"ask.hearing_date", "recipient.salutation", "signer.name"}
    assert by_name["Plain letter"][1] == "Plain letter.docx" and "signer.name" in by_name["Plain letter"][2]
    assert all(len(fields) == 5 for fields in by_name.values())


def test_templates_add_and_the_name_option(demo, capsys, tmp_path):
    source = make_docx(tmp_path / "thanks.docx", "{{ recipient.salutation }}", "Thank you.")
    code, out, err = run(["--db", demo[0], "templates", "add", str(source), "--name", "Thank-you letter"], capsys)
    assert code == 0, err
    assert "Added the template “Thank-you letter” (Thank-you letter.docx)" in out
    code, out, _err = run(["--db", demo[0], "templates", "list"], capsys)
    assert "Thank-you letter\tThank-you letter.docx" in out


@pytest.mark.parametrize("kind", ["not a docx", "damaged", "a mistake"])
def test_templates_add_refuses_what_is_unusable_with_the_reasons(demo, capsys, tmp_path, kind):
    if kind == "not a docx":
        source = tmp_path / "letter.pdf"
        source.write_bytes(b"%PDF-1.4")
        expected = "not a Word document"
    elif kind == "damaged":
        source, expected = make_damaged(tmp_path / "letter.docx"), "damaged"
    else:
        source = make_docx(tmp_path / "letter.docx", "Dear {{ recipient.name }")
        expected = "paragraph"
    code, out, err = run(["--db", demo[0], "templates", "add", str(source)], capsys)
    assert code == 1 and out == ""
    assert expected in err


def test_a_letter_is_made_filed_and_logged(demo, capsys, tmp_path):
    db, number, client, _other, _initials = demo
    before = counts(db)
    out_file = tmp_path / "letter to client.docx"
    code, out, err = run(["--db", db, "letter", "--matter", number, "--template", "Hearing notice", "--to", client,
                          "--set", "hearing_date=12/3/2026", "--set", "subject=Hearing date", "--out",
                          str(out_file)], capsys)
    assert code == 0, err
    assert "filed as “" in out and "logged as a letter to" in out
    assert "The hearing is on December 3, 2026." in docx_text(out_file)
    assert counts(db) == (before[0] + 1, before[1] + 1)


def test_a_missing_asked_value_names_it_and_its_kind(demo, capsys, tmp_path):
    db, number, client, _other, _initials = demo
    code, out, err = run(["--db", db, "letter", "--matter", number, "--template", "Hearing notice", "--to", client,
                          "--out", str(tmp_path / "x.docx")], capsys)
    assert code == 1 and "hearing_date (a date: Date of the hearing)" in err and "--set" in err
    code, out, err = run(["--db", db, "letter", "--matter", number, "--template", "Hearing notice", "--to", client,
                          "--set", "colour=red", "--out", str(tmp_path / "x.docx")], capsys)
    assert code == 1 and "does not ask for colour" in err and "hearing_date (date)" in err
    code, _out, err = run(["--db", db, "letter", "--matter", number, "--template", "Hearing notice", "--to", client,
                           "--set", "no equals sign", "--out", str(tmp_path / "x.docx")], capsys)
    assert code == 2 and "FIELD=VALUE" in err


def test_an_unknown_or_ambiguous_contact_lists_the_candidates(demo, capsys, tmp_path):
    db, number, client, _other, _initials = demo
    code, _out, err = run(["--db", db, "letter", "--matter", number, "--template", "Plain letter", "--to",
                           client[:-1], "--out", str(tmp_path / "x.docx")], capsys)
    assert code == 1 and "No contact is called" in err and client in err
    store = open_store(db)
    try:
        with store.write() as session:
            session.add(ContactRow(name=client.upper(), sort_name=client, address="1 Main St"))
            twin = session.scalar(select(ContactRow.id).where(ContactRow.name == client.upper()))
            matter_id = session.scalar(select(MatterRow.id).where(MatterRow.number == number))
            session.add(PartyRow(matter_id=matter_id, contact_id=twin, role="witness"))
    finally:
        store.close()
    code, _out, err = run(["--db", db, "letter", "--matter", number, "--template", "Plain letter", "--to", client,
                           "--out", str(tmp_path / "x.docx")], capsys)
    assert code == 1 and "Several contacts" in err and "(witness)" in err and "(client)" in err


def test_the_output_file_in_the_way_files_nothing(demo, capsys, tmp_path):
    db, number, client, _other, _initials = demo
    before = counts(db)
    locked = tmp_path / "open in Word.docx"
    locked.mkdir()
    code, _out, err = run(["--db", db, "letter", "--matter", number, "--template", "Plain letter", "--to", client,
                           "--out", str(locked)], capsys)
    assert code == 1 and "is a folder" in err
    assert counts(db) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and not root")
def test_an_unwritable_output_folder_files_nothing(demo, capsys, tmp_path):
    db, number, client, _other, _initials = demo
    before = counts(db)
    folder = tmp_path / "read only"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _out, err = run(["--db", db, "letter", "--matter", number, "--template", "Plain letter", "--to",
                               client, "--out", str(folder / "letter.docx")], capsys)
    finally:
        folder.chmod(0o700)
    assert code == 1 and "cannot be written" in err
    assert counts(db) == before


def test_a_template_removed_while_in_use(demo, capsys, tmp_path):
    db, number, client, _other, _initials = demo
    run(["--db", db, "templates", "list"], capsys)
    store = open_store(db)
    try:
        from legalsec_desktop.services.letter_templates import find_template

        find_template(store, "Plain letter").path.unlink()
    finally:
        store.close()
    code, _out, err = run(["--db", db, "letter", "--matter", number, "--template", "Plain letter", "--to", client,
                           "--out", str(tmp_path / "x.docx")], capsys)
    assert code == 1 and "no longer in the templates folder" in err
    assert not (tmp_path / "x.docx").exists()


def test_a_recipient_with_no_address_is_warned_of(demo, capsys, tmp_path):
    db, number, client, _other, _initials = demo
    change(db, update(ContactRow).where(ContactRow.name == client).values(address=""))
    out_file = tmp_path / "x.docx"
    code, out, err = run(["--db", db, "letter", "--matter", number, "--template", "Plain letter", "--to", client,
                          "--out", str(out_file)], capsys)
    assert code == 0 and "warning:" in err and "address" in err
    assert "None" not in docx_text(out_file) and "None" not in out + err
    code, _out, err = run(["--db", db, "letter", "--matter", number, "--template", "Plain letter", "--to", client,
                           "--set", r"address=12 Elm Street\nSpringfield", "--out", str(tmp_path / "y.docx")],
                          capsys)
    assert code == 0 and "warning" not in err
    assert "12 Elm Street\nSpringfield" in docx_text(tmp_path / "y.docx")


def test_no_responsible_attorney_asks_for_the_signer(demo, capsys, tmp_path):
    db, number, client, _other, initials = demo
    change(db, update(MatterRow).where(MatterRow.number == number).values(responsible_attorney_id=None))
    code, _out, err = run(["--db", db, "letter", "--matter", number, "--template", "Plain letter", "--to", client,
                           "--out", str(tmp_path / "x.docx")], capsys)
    assert code == 1 and "--set signer=" in err
    code, _out, err = run(["--db", db, "letter", "--matter", number, "--template", "Plain letter", "--to", client,
                           "--set", "signer=ZZZ", "--out", str(tmp_path / "x.docx")], capsys)
    assert code == 1 and "initials or name “ZZZ”" in err
    code, _out, err = run(["--db", db, "letter", "--matter", number, "--template", "Plain letter", "--to", client,
                           "--set", f"signer={initials.lower()}", "--out", str(tmp_path / "x.docx")], capsys)
    assert code == 0, err
