"""Names of stored documents and matter folders: from date and title, safe on Windows, short, never taken."""

from datetime import date

import pytest

from legalsec_desktop.domain.document_names import (
    MAX_FOLDER,
    MAX_NAME,
    extension_of,
    folder_name,
    free_name,
    safe_name,
    stored_name,
    title_from_file_name,
)
from legalsec_desktop.formats.mail_file import safe_file_name

WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(code) for code in range(32)}
DAY = date(2026, 11, 30)


def windows_accepts(name: str) -> bool:
    stem = name.split(".")[0].strip().upper()
    reserved = stem in {"CON", "PRN", "AUX", "NUL"} or (stem[:3] in ("COM", "LPT") and stem[3:] in list("0123456789"))
    return (bool(name) and not set(name) & WINDOWS_FORBIDDEN and not name.endswith((".", " ")) and not reserved)


def test_a_stored_file_is_named_by_its_date_and_title_with_the_extension_of_the_original():
    assert stored_name(DAY, "Letter from opposing counsel re extension", ".pdf") == (
        "2026-11-30 Letter from opposing counsel re extension.pdf")
    assert stored_name(DAY, "Answer", ".docx", version=2) == "2026-11-30 Answer (v2).docx"
    assert stored_name(DAY, "  Notes\tof   the call  ", "") == "2026-11-30 Notes of the call"


def test_a_title_comes_from_the_file_name_without_its_extension():
    assert title_from_file_name("scan_0001 final.PDF") == "scan_0001 final"
    assert title_from_file_name("Smith v. Jones") == "Smith v. Jones"
    assert title_from_file_name("archive.tar.gz") == "archive.tar"
    assert title_from_file_name(".profile") == ".profile"
    assert title_from_file_name("   .pdf") == ".pdf"
    assert extension_of("scan_0001 final.PDF") == ".pdf"
    assert extension_of("Smith v. Jones") == ""
    assert extension_of("noextension") == ""


@pytest.mark.parametrize("title", ['Re: "urgent" <draft> a/b\\c|d?e*f', "CON", "nul.txt", "com1", "LPT9.pdf",
                                  "ends with dots...", "trailing space ", "\x00\x1f\x7f", "..", "   ", "?" * 400,
                                  "é" * 500])
def test_names_windows_refuses_are_made_acceptable(title):
    for name in (safe_name(title), safe_name(f"{title}.pdf"), stored_name(DAY, title, ".pdf"),
                 folder_name("2026-0001", title), folder_name(title, ""), safe_file_name(title)):
        assert windows_accepts(name), name
        assert len(name) <= MAX_NAME


def test_reserved_device_names_are_avoided_with_any_extension():
    assert safe_name("CON") == "_CON"
    assert safe_name("nul.txt") == "_nul.txt"
    assert safe_name("COM1.tar.gz") == "_COM1.tar.gz"
    assert folder_name("AUX", "") == "_AUX"
    assert safe_name("CONSENT.pdf") == "CONSENT.pdf"


def test_lengths_are_capped_so_a_whole_path_stays_well_under_260():
    long_title = "Defendant's supplemental responses to plaintiff's second set of interrogatories " * 5
    name = stored_name(DAY, long_title, ".pdf", version=12)
    folder = folder_name("2026-0001", long_title)
    assert len(name) <= MAX_NAME and name.endswith(" (v12).pdf") and name.startswith("2026-11-30 Defendant's")
    assert len(folder) <= MAX_FOLDER and folder.startswith("2026-0001 Defendant's")
    root = "C:\\Users\\a.secretary.name\\Documents\\Legalsec Documents"
    assert len(f"{root}\\{folder}\\{free_name(name, lambda n: n == name)}") < 240


def test_a_matter_folder_is_its_number_and_caption_else_its_title():
    assert folder_name("2026-0001", "Rivera v. Okafor", "Rivera matter") == "2026-0001 Rivera v. Okafor"
    assert folder_name("2026-0002", "  ", "Estate of Jones") == "2026-0002 Estate of Jones"
    assert folder_name("2026/0003", "In re: A|B") == "2026_0003 In re_ A_B"
    assert folder_name("", "", "") == "Matter"


def test_a_free_name_counts_up_until_one_is_not_taken():
    taken = {"2026-11-30 Letter.pdf", "2026-11-30 Letter (2).pdf"}
    assert free_name("2026-11-30 Letter.pdf", taken.__contains__) == "2026-11-30 Letter (3).pdf"
    assert free_name("Notes", {"Notes"}.__contains__) == "Notes (2)"
    assert free_name("new.pdf", taken.__contains__) == "new.pdf"
    with pytest.raises(FileExistsError):
        free_name("a.pdf", lambda name: True)


def test_the_mail_attachment_names_follow_the_same_rule():
    assert safe_file_name("CON.txt") == safe_name("CON.txt") == "_CON.txt"
    assert safe_file_name("   ") == "attachment"
    assert windows_accepts(safe_file_name("a\udcffb.txt"))


def test_a_name_with_bytes_that_are_not_text_becomes_text_the_database_can_keep():
    for name in (safe_name("a\udcffb.txt"), safe_name("\ud800x"), title_from_file_name("scan\udce9.pdf"),
                 stored_name(DAY, "r\udcc3sum\udce9", ".pdf")):
        name.encode("utf-8")
    assert title_from_file_name("scan\udce9.pdf") == "scan\ufffd"
