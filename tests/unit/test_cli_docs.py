"""`legalsec docs add | list`: one line per file filed, duplicate, flagged or refused; a matter's documents listed;
bad input refused with one clear line."""

from pathlib import Path

import pytest
from cli_run import run
from documents_setup import DOCS, make_file, new_matter

from legalsec_desktop.services.document_root import set_documents_root


def docs(db, capsys, *argv):  # noqa: ANN001, ANN201
    return run(["docs", *argv, "--db", str(db)], capsys)


def test_add_files_reads_and_prints_one_line_per_file(docs_db, capsys, tmp_path):
    letter = make_file(tmp_path / "in", "Letter re extension.txt", "they agree to the extension")
    scanned = make_file(tmp_path / "in", "Scanned exhibit.pdf", (DOCS / "imagemagick-lzw.pdf").read_bytes())
    locked = make_file(tmp_path / "in", "Locked.pdf", (DOCS / "libreoffice-writer-password.pdf").read_bytes())
    code, out, err = docs(docs_db, capsys, "add", "--matter", "2026-0001", str(letter), str(scanned), str(locked),
                          "--kind", "correspondence")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"{letter}: filed as “Letter re extension”"
    assert lines[1].startswith(f"{scanned}: filed as “Scanned exhibit”, flagged (needs OCR): ")
    assert lines[2].startswith(f"{locked}: filed as “Locked”, flagged (protected): ") and "password" in lines[2]
    assert len(lines) == 3
    assert sorted(p.name for p in (tmp_path / "root" / "2026-0001 Rivera v. Okafor").iterdir()) == [
        "2026-11-02 Letter re extension.txt", "2026-11-02 Locked.pdf", "2026-11-02 Scanned exhibit.pdf"]

    code, out, _ = docs(docs_db, capsys, "add", "--matter", "2026-0001", str(letter))
    assert (code, out) == (0, f"{letter}: duplicate of “Letter re extension”, already filed\n")

    code, out, _ = docs(docs_db, capsys, "list", "--matter", "2026-0001")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert [tuple(row) for row in rows] == [  # newest first; on the same day, the last filed first
        ("2026-11-02", "correspondence", "Locked", "1", "protected"),
        ("2026-11-02", "correspondence", "Scanned exhibit", "1", "needs OCR"),
        ("2026-11-02", "correspondence", "Letter re extension", "1", "indexed")]


def test_a_file_that_is_not_there_is_refused_and_the_others_are_filed(docs_db, capsys, tmp_path):
    good = make_file(tmp_path, "good.txt", "good")
    code, out, _ = docs(docs_db, capsys, "add", "--matter", "2026-0001", str(tmp_path / "gone.txt"), str(good))
    assert code == 1
    assert out.splitlines() == [f"{tmp_path / 'gone.txt'}: not filed: the file is not there (moved or deleted?)",
                                f"{good}: filed as “good”"]


def test_a_folder_is_filed_file_by_file_and_an_empty_file_is_flagged(docs_db, capsys, tmp_path):
    make_file(tmp_path / "box", "a.txt", "alpha")
    make_file(tmp_path / "box", "Thumbs.db", "x")
    make_file(tmp_path / "box" / "sub", "empty.txt", b"")
    code, out, _ = docs(docs_db, capsys, "add", "--matter", "2026-0001", str(tmp_path / "box"))
    assert code == 0
    assert out.splitlines() == [f"{tmp_path / 'box' / 'a.txt'}: filed as “a”",
                                (f"{tmp_path / 'box' / 'sub' / 'empty.txt'}: filed as “empty”, flagged (empty): "
                                 "The file is empty (0 bytes).")]


@pytest.mark.parametrize(("argv", "status", "words"), [
    (["add", "--matter", "2099-0001", "FILE"], 1, "no matter numbered “2099-0001”"),
    (["list", "--matter", "2099-0001"], 1, "no matter numbered “2099-0001”"),
    (["add", "--matter", "2026-0001", "FILE", "--kind", "memo"], 2, "“memo” is not a kind of document"),
    (["add", "--matter", "2026-0001"], 2, "FILE"),
    (["add", "FILE"], 2, "--matter"),
])
def test_bad_input_is_refused_with_one_clear_line(docs_db, capsys, tmp_path, argv, status, words):
    source = make_file(tmp_path, "a.txt", "a")
    code, out, err = docs(docs_db, capsys, *[str(source) if arg == "FILE" else arg for arg in argv])
    assert code == status and out == ""
    assert words in err.strip().splitlines()[-1]
    assert not any((tmp_path / "root").rglob("*.txt"))


def test_a_documents_folder_on_a_drive_not_connected_is_a_clear_message(store, db_path, capsys, tmp_path):
    new_matter(store)
    set_documents_root(store, tmp_path / "E-drive" / "Legalsec Documents")
    store.close()
    source = make_file(tmp_path, "a.txt", "a")
    code, out, err = docs(db_path, capsys, "add", "--matter", "2026-0001", str(source))
    assert (code, out) == (1, "")
    assert "is not there" in err and "Nothing was filed" in err
    assert source.read_text() == "a" and not (tmp_path / "E-drive").exists()


def test_without_a_chosen_folder_the_default_is_in_the_users_documents(store, db_path, capsys, tmp_path,
                                                                       monkeypatch):
    documents = tmp_path / "home" / "Documents"
    documents.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    new_matter(store)
    store.close()
    code, out, _ = docs(db_path, capsys, "add", "--matter", "2026-0001", str(make_file(tmp_path, "a.txt", "a")))
    assert code == 0
    assert [p.relative_to(documents).as_posix() for p in documents.rglob("*.txt")] == [
        "Legalsec Documents/2026-0001 Rivera v. Okafor/2026-11-02 a.txt"]
    assert Path(out.split(":")[0]) == tmp_path / "a.txt"


def test_the_commands_kinds_are_the_stores():
    import argparse

    from legalsec_desktop.cli.docs import _kind
    from legalsec_desktop.db.document_models import DOCUMENT_KINDS

    assert [_kind(kind.upper()) for kind in DOCUMENT_KINDS] == list(DOCUMENT_KINDS)
    with pytest.raises(argparse.ArgumentTypeError, match="pleading, correspondence, email"):
        _kind("memo")


def test_a_mistyped_command_names_docs_among_the_commands_in_one_short_line(capsys):
    from legalsec_desktop.domain.text_limits import ECHO_LIMIT

    code, _, err = run(["dcos"], capsys)
    message = err.strip().splitlines()[-1]
    assert code == 2 and "(choose from backup, restore" in message and ", docs," in message
    assert len(message) <= ECHO_LIMIT + 200


def test_a_matter_with_no_documents_says_so(db_path, capsys):
    from legalsec_desktop.cli import main

    assert main(["demo", "--db", str(db_path), "--size", "small", "--today", "2026-11-23"]) == 0
    capsys.readouterr()
    assert main(["docs", "list", "--db", str(db_path), "--matter", "2026-0001"]) == 0
    assert capsys.readouterr().out == "No documents.\n"
