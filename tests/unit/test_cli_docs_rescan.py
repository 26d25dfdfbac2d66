"""`legalsec docs rescan`: the counts of what a rescan found, one matter or all, and a clear line when the
documents folder is not there."""

import pytest

from cli_run import run
from legalsec_desktop.db.store import open_store
from legalsec_desktop.services.document_root import set_documents_root
from search_setup import build


@pytest.fixture
def root(tmp_path):
    return tmp_path / "Legalsec Documents"


@pytest.fixture
def practice_db(db_path, root):
    store = open_store(db_path)
    try:
        build(store, root)
        set_documents_root(store, root)
    finally:
        store.close()
    return db_path


def test_the_counts_of_a_rescan(practice_db, root, capsys):
    (root / "2026-0001 Rivera v. Okafor" / "2026-11-25 Settlement offer.pdf").write_bytes(b"%PDF offer")
    (root / "2026-0002 Lease of Elm Street" / "2026-11-11 Notice of lease extension.txt").unlink()
    code, out, _ = run(["docs", "rescan", "--db", str(practice_db)], capsys)
    assert (code, out) == (0, "added 1, changed 0, missing 1, back 0, unchanged 3; read 1 (1 flagged)\n")
    code, out, _ = run(["docs", "rescan", "--db", str(practice_db), "--matter", "2026-0001"], capsys)
    assert (code, out) == (0, "added 0, changed 0, missing 0, back 0, unchanged 3; read 0\n")


def test_what_a_rescan_finds_changed_or_added_is_found_by_a_search_at_once(practice_db, root, capsys):
    folder = root / "2026-0001 Rivera v. Okafor"
    (folder / "2026-11-26 Wallaby note.txt").write_text("A wallaby was seen in the courtroom.", encoding="utf-8")
    letter = folder / "2026-11-10 Letter from opposing counsel re extension.txt"
    letter.chmod(0o644)
    letter.write_text(letter.read_text(encoding="utf-8") + " Kookaburra.", encoding="utf-8")
    code, out, _ = run(["docs", "rescan", "--db", str(practice_db)], capsys)
    assert code == 0 and out.startswith("added 1, changed 1,") and "; read 2" in out
    for word, text in (("wallaby", "A [wallaby] was seen"), ("kookaburra", "[Kookaburra]")):
        code, out, _ = run(["search", word, "--db", str(practice_db)], capsys)
        assert code == 0 and text in out, word


def test_an_unknown_matter_or_a_missing_folder_is_a_clear_line(practice_db, root, capsys):
    code, out, err = run(["docs", "rescan", "--db", str(practice_db), "--matter", "1999-0001"], capsys)
    assert code == 1 and out == "" and "1999-0001" in err
    root.rename(root.with_name("unplugged"))
    code, out, err = run(["docs", "rescan", "--db", str(practice_db)], capsys)
    assert code == 1 and out == "" and "is not there" in err and not root.exists()


def test_a_crashed_filings_leftovers_removed_are_counted(practice_db, root, capsys):
    import os

    from legalsec_desktop.clock import Clock

    leftover = root / "2026-0001 Rivera v. Okafor" / ".legalsec-filing-k2j4.part"
    leftover.write_bytes(b"half a file")
    stale = Clock().utc_now().timestamp() - 3 * 86400
    os.utime(leftover, (stale, stale))
    code, out, _ = run(["docs", "rescan", "--db", str(practice_db)], capsys)
    assert (code, out) == (0, ("added 0, changed 0, missing 0, back 0, unchanged 4; read 0\n"
                               "removed 1 unfinished copy left by an interrupted filing\n"))
    assert not leftover.exists()
