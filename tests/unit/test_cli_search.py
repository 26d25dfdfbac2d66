"""`legalsec search`: one hit per line (matter, kind, title, date, snippet), "No matches.", and bad input refused."""

import pytest

from cli_run import run
from legalsec_desktop.db.store import open_store
from search_setup import build


@pytest.fixture
def practice_db(db_path):
    store = open_store(db_path)
    try:
        build(store)
    finally:
        store.close()
    return db_path


def test_one_hit_per_line_grouped_by_matter_newest_first(practice_db, capsys):
    code, out, _ = run(["search", "--db", str(practice_db), "extension"], capsys)
    assert code == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert [line[:4] for line in lines] == [
        ["2026-0001", "E-mail", "RE: [extension]", "2026-11-12"],
        ["2026-0001", "Document", "Letter from opposing counsel re [extension]", "2026-11-10"],
        ["2026-0001", "Log entry", "Call about the [extension]", "2026-11-02"],
        ["2026-0002", "Document", "Notice of lease [extension]", "2026-11-11"],
        ["-", "Contact", "Greta [Extensionist]", ""],
    ]
    assert lines[1][4] == "We agree to the [extension] of time to answer."
    assert lines[4][4] == "asks about the [extension]"
    assert all(len(line) == 5 for line in lines)


def test_words_in_any_order_narrowed_to_a_matter_and_limited(practice_db, capsys):
    code, out, _ = run(["search", "--db", str(practice_db), "answer", "exten", "--matter", "2026-0001"], capsys)
    assert code == 0 and [line.split("\t")[2] for line in out.splitlines()] == [
        "Letter from opposing counsel re [extension]"]
    _, out, _ = run(["search", "--db", str(practice_db), "extension", "--matter", "2026-0002"], capsys)
    assert [line.split("\t")[0] for line in out.splitlines()] == ["2026-0002"]
    _, out, _ = run(["search", "--db", str(practice_db), "extension", "--limit", "2"], capsys)
    assert len(out.splitlines()) == 2


def test_no_matches_is_said_plainly(practice_db, capsys):
    assert run(["search", "--db", str(practice_db), "zebra"], capsys)[:2] == (0, "No matches.\n")
    assert run(["search", "--db", str(practice_db), "O'Neil", "c++", "foo-bar"], capsys)[:2] == (0, "No matches.\n")


@pytest.mark.parametrize(("extra", "status", "words"), [
    (["extension", "--matter", "1999-9999"], 1, "1999-9999"),
    (["extension", "--limit", "0"], 2, "from 1 to"),
    (["extension", "--limit", "-3"], 2, "from 1 to"),
    (["extension", "--limit", "lots"], 2, "not a whole number"),
    (["?!", "--", "..."], 1, "no word to search for"),
])
def test_bad_input_is_refused_with_one_clear_line(practice_db, capsys, extra, status, words):
    code, out, err = run(["search", "--db", str(practice_db), *extra], capsys)
    assert code == status and out == ""
    message = err.strip().splitlines()[-1]
    assert message.startswith("legalsec") and words in message


def test_no_database_is_a_clear_message(tmp_path, capsys):
    code, _, err = run(["search", "--db", str(tmp_path / "none.db"), "extension"], capsys)
    assert code == 1 and "does not exist" in err and not (tmp_path / "none.db").exists()
