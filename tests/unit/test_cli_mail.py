"""`legalsec docs add` with e-mail files: one line for the mail, one indented line per attachment, each read for
the search; a .msg that is not one filed and flagged."""

from cli_run import run
from documents_setup import MAIL, make_file

from legalsec_desktop.db.search_index import search_index
from legalsec_desktop.db.store import open_store


def add(db, capsys, *files):  # noqa: ANN001, ANN201
    return run(["docs", "add", "--matter", "2026-0001", *map(str, files), "--db", str(db)], capsys)


def test_an_email_is_filed_with_a_line_per_attachment_and_all_are_read(docs_db, capsys, tmp_path):
    source = MAIL / "cpython_msg_26.eml"
    code, out, err = add(docs_db, capsys, source)
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"{source}: filed as “IMAP file test”",
                                ("    clock.bmp: filed as “clock”, flagged (text not read): "
                                "“.bmp” files are filed but their text is not read.")]
    store = open_store(docs_db)
    with store.read() as session:
        hits = search_index(session).search(session, "Simple email with attachment")
    store.close()
    assert [hit.title for hit in hits if hit.kind == "document"] == ["IMAP file test"]
    assert [hit.kind for hit in hits if hit.kind == "log"] == ["log"]  # logged in the correspondence

    code, out, _ = add(docs_db, capsys, source)
    assert (code, out) == (0, f"{source}: duplicate of “IMAP file test”, already filed\n")


def test_a_msg_that_is_not_one_is_filed_and_flagged(docs_db, capsys, tmp_path):
    fake = make_file(tmp_path, "Call notes.msg", "not an e-mail at all")
    code, out, _ = add(docs_db, capsys, fake)
    assert code == 0
    assert out.startswith(f"{fake}: filed as “Call notes”, flagged (damaged): ")
    assert "not an e-mail" in out
