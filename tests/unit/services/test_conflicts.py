"""Conflict checks over a small practice built here, the record of checks, the report and the CLI."""

from datetime import date

import pytest
from docx import Document

from legalsec_desktop import cli
from legalsec_desktop.domain.conflicts import SearchName
from legalsec_desktop.domain.contacts import ContactDraft
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import conflicts, contacts, matters


@pytest.fixture
def practice(store):
    """Smith v. Jones (open; John Smith is the client, Acme Incorporated is the opposing party), and a closed
    matter where Mary Brown sued John Smith's company."""
    first = matters.create_matter(store, MatterDraft(
        "2026-0001", "Smith v. Jones", "John Smith", date(2026, 1, 5), adverse_names=("Robert Jones",)))
    contacts.add_party(store, first, "ACME Incorporated", "opposing party")
    second = matters.create_matter(store, MatterDraft(
        "2020-0001", "Brown v. Smith Holdings", "Mary Brown", date(2020, 2, 3), status="closed",
        closed_on=date(2021, 6, 1)))
    contacts.add_party(store, second, "Smith Holdings LLC", "opposing party")
    lee = contacts.save_contact(store, ContactDraft("Linda Lee", aliases=(("Linda Park", "former name"),)))
    return {"first": first, "second": second, "lee": lee}


def names_found(hits):
    return {(h.contact_name, h.matter_number, h.role) for h in hits}


@pytest.mark.parametrize("typed", ["John Smith", "Jon Smith", "Smith, John", "SMITH JOHN", "Smith, Jon"])
def test_spelling_order_and_form_do_not_hide_a_client(store, practice, typed):
    hits = conflicts.find_hits(store, [SearchName(typed, "adverse")])
    assert ("John Smith", "2026-0001", "client") in names_found(hits)
    hit = next(h for h in hits if h.contact_name == "John Smith")
    assert hit.likely and hit.matter_status == "open" and hit.score >= 85


@pytest.mark.parametrize("typed", ["Acme Inc.", "ACME Incorporated", "acme, inc", "The Acme Company"])
def test_company_forms_match_and_a_new_client_on_the_other_side_is_likely(store, practice, typed):
    hits = conflicts.find_hits(store, [SearchName(typed, "client")])
    acme = [h for h in hits if h.contact_name == "ACME Incorporated"]
    assert acme and acme[0].role == "opposing party" and acme[0].likely


def test_aliases_closed_matters_and_bare_contacts_are_searched(store, practice):
    hits = conflicts.find_hits(store, [SearchName("Linda Park")])
    assert [(h.name, h.contact_name, h.role, h.matter_number) for h in hits] == [
        ("Linda Park", "Linda Lee", "contact", "")]
    closed = conflicts.find_hits(store, [SearchName("Mary Brown", "adverse")])
    assert any(h.matter_status == "closed" and h.likely for h in closed)


def test_unrelated_names_find_nothing_and_likely_conflicts_come_first(store, practice):
    assert conflicts.find_hits(store, [SearchName("Zebulon Quartermaine")]) == []
    hits = conflicts.find_hits(store, [SearchName("John Smith", "client"), SearchName("Smith Holdings", "other")])
    assert hits[0].likely is False or all(h.likely for h in hits[: sum(h.likely for h in hits)])
    assert [h.likely for h in hits] == sorted((h.likely for h in hits), reverse=True)


def test_deleted_contacts_are_not_hits_until_restored(store, practice):
    contacts.delete_contact(store, practice["lee"])
    assert conflicts.find_hits(store, [SearchName("Linda Lee")]) == []
    contacts.restore_contact(store, practice["lee"])
    assert conflicts.find_hits(store, [SearchName("Linda Lee")])


def test_every_check_is_recorded_with_its_decision_and_reports_to_word(store, practice, tmp_path):
    names = [SearchName("Acme Inc.", "client")]
    hits = conflicts.find_hits(store, names)
    check_id = conflicts.record_check(store, names, hits, context="On demand", checked_by="sec")
    with pytest.raises(ValidationError) as caught:
        conflicts.decide(store, check_id, "waived", "  ")
    assert caught.value.field == "notes"
    conflicts.decide(store, check_id, "waived", "Written consent of both clients on file.")
    record = conflicts.load_check(store, check_id)
    assert record.decision == "waived" and record.names == names and record.hits == hits
    assert conflicts.list_checks(store)[0].id == check_id

    path = tmp_path / "Müller report.docx"
    path.write_bytes(b"earlier file")
    conflicts.save_report_as_word(store, check_id, path)
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Conflict-of-interest check" in text
    hits_table = document.tables[-1]
    rows = [[c.text for c in row.cells] for row in hits_table.rows]
    assert rows[0][1:4] == ["Searched", "Name found", "Matter"]
    assert ["LIKELY CONFLICT", "Acme Inc.", "ACME Incorporated", "2026-0001"] == rows[1][:4]
    assert len(rows) == len(hits) + 1
    header_flag = hits_table.rows[0]._tr.trPr.xml
    assert "tblHeader" in header_flag  # the header row repeats on every page
    facts = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert ["Decision", facts[2][1]] == facts[2] and facts[2][1].startswith("Waived")


def test_a_report_that_cannot_be_written_leaves_the_earlier_file(store, practice, tmp_path):
    check_id = conflicts.record_check(store, [SearchName("x")], [])
    with pytest.raises(UserFixableError, match="does not exist"):
        conflicts.save_report_as_word(store, check_id, tmp_path / "missing folder" / "r.docx")
    target = tmp_path / "r.docx"
    target.write_bytes(b"earlier")
    import legalsec_desktop.formats.docx_report as docx_report

    def broken(temporary):
        raise PermissionError(13, "Permission denied")

    with pytest.raises(UserFixableError, match="open in another program"):
        docx_report.write_atomically(target, broken)
    assert target.read_bytes() == b"earlier"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".r-")) == []


def test_cli_prints_one_hit_per_line_and_records_the_check(store, practice, db_path, capsys, tmp_path):
    store.close()
    report = tmp_path / "report.docx"
    code = cli.main(["conflicts", "--db", str(db_path), "Acme Inc.", "--adverse", "Smith, Jon", "--other", "Mary Brown",
                     "--report", str(report)])
    out, err = capsys.readouterr()
    assert code == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert lines[:2] == [
        ["ACME Incorporated", "2026-0001", "opposing party", "open", "100", "LIKELY CONFLICT"],
        ["John Smith", "2026-0001", "client", "open", "94", "LIKELY CONFLICT"],
    ]
    assert ["Mary Brown", "2020-0001", "client", "closed", "100"] in lines  # a witness-side name: listed, not marked
    assert "hit(s)" in err and report.is_file()
    assert cli.main(["conflicts", "--db", str(db_path), "Nobody Atall"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "No similar names" in err
    assert cli.main(["conflicts", "--db", str(tmp_path / "none.db"), "X"]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_a_report_with_text_pasted_from_word_saves_as_word(store, practice, tmp_path):
    names = [SearchName("Acme\x0bInc.\x01", "client")]
    check_id = conflicts.record_check(store, names, conflicts.find_hits(store, names), context="On\x1f demand",
                                      checked_by="sec")
    conflicts.decide(store, check_id, "waived", "Written consent\x0bon file.\x02")
    path = tmp_path / "report.docx"
    conflicts.save_report_as_word(store, check_id, path)
    document = Document(str(path))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    texts = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "Acme\nInc." in texts and "Written consent\non file." in texts
    assert not any(chr(code) in texts for code in (*range(9), 0x0b, 0x0c, *range(0x0e, 0x20)))


def test_a_client_of_the_firm_on_no_matter_is_a_likely_conflict_as_the_other_side(store, practice):
    """A client whose matters are gone (or who was entered as a client before any matter) is still a client."""
    from sqlalchemy import update

    from legalsec_desktop.db.models import ContactRow

    pioneer = contacts.save_contact(store, ContactDraft("Pioneer Trucking Co.", is_organization=True))
    with store.write() as session:
        session.execute(update(ContactRow).where(ContactRow.id == pioneer).values(is_client=True))
    [hit] = [h for h in conflicts.find_hits(store, [SearchName("Pioneer Trucking Company", "adverse")])
             if h.contact_id == pioneer]
    assert (hit.role, hit.matter_number, hit.likely) == ("client", "", True)
    [plain] = [h for h in conflicts.find_hits(store, [SearchName("Linda Lee", "adverse")])]
    assert (plain.role, plain.likely) == ("contact", False)  # a contact who is no client stays a mere contact
