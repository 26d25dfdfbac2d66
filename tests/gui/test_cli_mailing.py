"""`legalsec envelope` and `legalsec labels`: the PDFs made from a matter's parties, and every refusal in words."""

import unicodedata

import pytest
from mailing_setup import mailing_matter
from pypdf import PdfReader

from cli_run import run


def words(path, page: int = 0) -> str:
    return " ".join(unicodedata.normalize("NFKC", PdfReader(path).pages[page].extract_text()).split())


@pytest.fixture
def mailing_db(store, db_path):
    mailing_matter(store)
    store.close()
    return str(db_path)


def test_envelope_to_a_party(mailing_db, tmp_path, capsys):
    out = tmp_path / "envelope.pdf"
    code, said, err = run(["envelope", "--matter", "2026-0001", "--to", "scott collins", "--via",
                           "Via Certified Mail", "--out", str(out), "--db", mailing_db], capsys)
    assert (code, said, err) == (0, f"Saved the envelope to Scott Collins to {out}.\n", "")
    page = PdfReader(out).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (684, 297)
    text = words(out)
    for part in ("Holloway & Chen LLP", "Scott Collins", "Collins & Björk LLP", "4107 Market St, Floor 9",
                 "Los Angeles, CA 90012", "Via Certified Mail"):
        assert part in text
    assert "None" not in text


def test_envelope_refusals(mailing_db, tmp_path, capsys):
    out = tmp_path / "envelope.pdf"
    code, _, err = run(["envelope", "--matter", "2026-0001", "--to", "Nora Blank", "--out", str(out),
                        "--db", mailing_db], capsys)
    assert code == 1 and "Nora Blank has no address" in err and not out.exists()
    code, _, err = run(["envelope", "--matter", "2026-0001", "--to", "Zed", "--out", str(out), "--db", mailing_db],
                       capsys)
    assert code == 1 and "No contact is named “Zed”" in err
    code, _, err = run(["envelope", "--matter", "2099-0001", "--to", "Scott Collins", "--out", str(out),
                        "--db", mailing_db], capsys)
    assert code == 1 and "no matter numbered “2099-0001”" in err
    code, _, err = run(["envelope", "--matter", "2026-0001", "--to", "Scott Collins", "--out", str(tmp_path / "e.txt"),
                        "--db", mailing_db], capsys)
    assert code == 1 and "must end in .pdf" in err


def test_envelope_without_a_firm_address_warns(store, db_path, tmp_path, capsys):
    mailing_matter(store, firm=False)
    store.close()
    out = tmp_path / "envelope.pdf"
    code, _, err = run(["envelope", "--matter", "2026-0001", "--to", "Ana Rivera", "--out", str(out),
                        "--db", str(db_path)], capsys)
    assert code == 0 and "no return address" in err
    assert words(out) == "Ana Rivera 12 Elm St Apt 4B Oakland, CA 94612"


def test_labels_of_every_party_leave_out_one_without_an_address(mailing_db, tmp_path, capsys):
    out = tmp_path / "labels.pdf"
    code, said, err = run(["labels", "--matter", "2026-0001", "--out", str(out), "--db", mailing_db], capsys)
    assert code == 0 and said == f"Saved 4 labels to {out}.\n"
    assert err == ("legalsec: warning: Nora Blank has no address and is left out: add one to the contact to "
                   "print it.\n")
    text = words(out)
    for name in ("Ana Rivera", "Brian Okafor", "Scott Collins", "Dana Whitfield"):
        assert name in text
    assert "Nora Blank" not in text and "None" not in text


def test_labels_of_one_role_after_skipped_ones(mailing_db, tmp_path, capsys):
    out = tmp_path / "labels.pdf"
    code, said, _ = run(["labels", "--matter", "2026-0001", "--role", "Opposing-Counsel", "--skip", "29",
                         "--out", str(out), "--db", mailing_db], capsys)
    assert (code, said) == (0, f"Saved 2 labels to {out}.\n")
    reader = PdfReader(out)
    assert len(reader.pages) == 2  # the last label of the first sheet, then the next sheet
    assert "Scott Collins" in words(out, 0) and "Dana Whitfield" in words(out, 1)
    assert "Ana Rivera" not in words(out, 0) + words(out, 1)


def test_labels_refusals(mailing_db, tmp_path, capsys):
    out = tmp_path / "labels.pdf"
    base = ["labels", "--matter", "2026-0001", "--out", str(out), "--db", mailing_db]
    code, _, err = run([*base, "--role", "judge"], capsys)
    assert code == 1 and "has no parties in the role “judge”" in err
    code, _, err = run([*base, "--role", "witness"], capsys)
    assert code == 1 and "None of them has an address" in err
    code, _, err = run([*base, "--role", "counsel"], capsys)
    assert code == 2 and "“counsel” is not a role" in err
    code, _, err = run([*base, "--skip", "30"], capsys)
    assert code == 1 and "--skip must be less than 30" in err
    assert not out.exists()


def test_folder_labels_are_still_files_labels(mailing_db, tmp_path, capsys):
    code, _, err = run(["files", "labels", "--matter", "2026-0001", "--out", str(tmp_path / "f.pdf"),
                        "--db", mailing_db], capsys)
    assert code == 1 and "no files to label" in err
