"""Letters made from templates: filed as the matter's document and logged as an outgoing letter in one
transaction (follow-up to-do, time entry, the template's use), or nothing at all when anything fails."""

from __future__ import annotations

from datetime import date

import pytest
from letter_setup import drop_template, docx_text
from sqlalchemy import func, select, update

from legalsec_desktop.db.document_models import DocumentRow
from legalsec_desktop.db.letter_models import LetterTemplateRow
from legalsec_desktop.db.models import CommunicationRow, ContactRow, MatterRow, PartyRow, TimeEntryRow, TodoRow
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.services import letter_filing
from legalsec_desktop.services.communications import TimeForEntry
from legalsec_desktop.services.letters import LeftoverFields, LetterRequest, MissingAnswers, create_letter, \
    create_letters, create_package, parties_with_role, preview_letter
from legalsec_desktop.services.letter_templates import find_template, save_package


@pytest.fixture
def matter(demo_store):
    """(matter id, its client's contact id, another party's contact id, its attorney's id) of a demo matter."""
    with demo_store.read() as session:
        row = session.execute(
            select(MatterRow.id, MatterRow.client_id, PartyRow.contact_id, MatterRow.responsible_attorney_id)
            .join(PartyRow, PartyRow.matter_id == MatterRow.id)
            .where(PartyRow.role != "client", PartyRow.deleted_at.is_(None), MatterRow.status == "open")
            .order_by(MatterRow.id).limit(1)).one()
    drop_template(demo_store, "Plain letter.docx")
    drop_template(demo_store, "Asking letter.docx", '{# ask fee: amount "Flat fee" #}',
                  "{{ recipient.salutation }} The fee is {{ ask.fee }}.", "{{ signer.name }}")
    return tuple(row)


def counts(store) -> tuple[int, int, int]:
    with store.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(table))
                     for table in (DocumentRow, CommunicationRow, TodoRow))


def test_a_letter_is_filed_and_logged_in_one_go(demo_store, matter, root, tmp_path):
    matter_id, client_id, _other, attorney_id = matter
    created = create_letter(demo_store, LetterRequest(
        matter_id, "Plain letter", client_id, subject="Status of your case", follow_up_on=date(2026, 12, 7),
        time=TimeForEntry(attorney_id, 12, "Letter to client on status")), copy_to=tmp_path / "copy.docx", root=root)
    with demo_store.read() as session:
        document = session.get(DocumentRow, created.document_id)
        entry = session.get(CommunicationRow, created.communication_id)
        client = session.get(ContactRow, client_id)
        todo = session.get(TodoRow, created.todo_id)
        time = session.get(TimeEntryRow, created.time_entry_id)
        template = session.scalar(select(LetterTemplateRow).where(LetterTemplateRow.name == "Plain letter"))
        assert (document.kind, document.title, document.doc_date) == (
            "correspondence", f"Letter to {client.name} – Status of your case", date(2026, 11, 23))
        assert document.communication_id == entry.id and document.matter_id == matter_id
        assert (entry.kind, entry.direction, entry.with_whom, entry.subject) == (
            "letter", "out", client.name, "Status of your case")
        assert "Plain letter" in entry.summary and document.title in entry.summary
        assert (todo.due_on, todo.matter_id) == (date(2026, 12, 7), matter_id)
        assert (time.minutes, time.matter_id) == (12, matter_id)
        assert template.use_count == 1 and template.last_used_at is not None
        name_line = client.name
    assert created.path.is_file() and created.path.is_relative_to(root)
    text = docx_text(created.path)
    assert name_line in text and "None" not in text and "{{" not in text
    assert (tmp_path / "copy.docx").read_bytes() == created.path.read_bytes()
    assert find_template(demo_store, "Plain letter").use_count == 1


def test_the_subject_defaults_to_the_templates_name(demo_store, matter, root):
    matter_id, client_id, _other, _attorney = matter
    created = create_letter(demo_store, LetterRequest(matter_id, "Plain letter", client_id), root=root)
    with demo_store.read() as session:
        assert session.get(DocumentRow, created.document_id).title.endswith("– Plain letter")
        assert session.get(CommunicationRow, created.communication_id).subject == "Plain letter"
    assert created.todo_id is None and created.time_entry_id is None


def test_asked_for_values_are_required_and_typed(demo_store, matter, root):
    matter_id, client_id, _other, _attorney = matter
    with pytest.raises(MissingAnswers, match=r"fee \(an amount: Flat fee\)"):
        preview_letter(demo_store, LetterRequest(matter_id, "Asking letter", client_id))
    with pytest.raises(ValidationError, match="not an amount"):
        preview_letter(demo_store, LetterRequest(matter_id, "Asking letter", client_id, answers={"fee": "lots"}))
    preview = preview_letter(demo_store, LetterRequest(matter_id, "Asking letter", client_id,
                                                       answers={"fee": "1500"}))
    assert preview.leftovers == () and preview.docx[:2] == b"PK"
    assert counts(demo_store) == counts(demo_store)  # a preview files nothing
    created = create_letter(demo_store, LetterRequest(matter_id, "Asking letter", client_id,
                                                      answers={"fee": "1500"}), root=root)
    assert "The fee is $1,500.00." in docx_text(created.path)


def test_an_answer_named_like_a_dicts_method_is_the_answer(demo_store, matter, root):
    matter_id, client_id, _other, _attorney = matter
    drop_template(demo_store, "Update letter.docx", "Update: {{ ask.update }}; {{ ask.items }}; {{ ask.keys }}")
    created = create_letter(demo_store, LetterRequest(matter_id, "Update letter", client_id, answers={
        "update": "The hearing is set.", "items": "Two boxes", "keys": "Returned"}), root=root)
    assert "Update: The hearing is set.; Two boxes; Returned" in docx_text(created.path)


def test_a_letter_with_a_field_left_unfilled_is_refused(demo_store, matter, root):
    matter_id, client_id, _other, _attorney = matter
    with demo_store.write() as session:  # an address brought in from an old mail merge, its field never filled
        session.execute(update(ContactRow).where(ContactRow.id == client_id)
                        .values(address="«Street_Address»\nSpringfield, IL 62701"))
    before = counts(demo_store)
    with pytest.raises(LeftoverFields, match="«Street_Address»") as caught:
        create_letter(demo_store, LetterRequest(matter_id, "Plain letter", client_id), root=root)
    assert caught.value.leftovers == ("«Street_Address»",)
    assert counts(demo_store) == before
    assert not any(path.is_file() for path in root.rglob("*"))


def test_a_copy_that_cannot_be_written_files_nothing(demo_store, matter, root, tmp_path):
    matter_id, client_id, _other, _attorney = matter
    before = counts(demo_store)
    in_the_way = tmp_path / "open in Word.docx"
    in_the_way.mkdir()  # what Windows says of a file open in Word: it cannot be replaced
    with pytest.raises(UserFixableError, match="is a folder"):
        create_letter(demo_store, LetterRequest(matter_id, "Plain letter", client_id), copy_to=in_the_way, root=root)
    with pytest.raises(UserFixableError, match="does not exist"):
        create_letter(demo_store, LetterRequest(matter_id, "Plain letter", client_id),
                      copy_to=tmp_path / "no folder" / "letter.docx", root=root)
    assert counts(demo_store) == before
    assert not any(path.is_file() for path in root.rglob("*"))


def test_the_template_removed_while_in_use_is_said_and_nothing_filed(demo_store, matter, root):
    matter_id, client_id, _other, _attorney = matter
    chosen = find_template(demo_store, "Plain letter")  # the dialog has it chosen
    chosen.path.unlink()
    before = counts(demo_store)
    with pytest.raises(ValidationError, match="no longer in the templates folder"):
        create_letter(demo_store, LetterRequest(matter_id, chosen.name, client_id), root=root)
    assert counts(demo_store) == before


def test_a_matter_without_a_responsible_attorney_needs_a_signer(demo_store, matter, root):
    matter_id, client_id, _other, attorney_id = matter
    with demo_store.write() as session:
        session.execute(update(MatterRow).where(MatterRow.id == matter_id).values(responsible_attorney_id=None))
    with pytest.raises(ValidationError) as caught:
        create_letter(demo_store, LetterRequest(matter_id, "Plain letter", client_id), root=root)
    assert caught.value.field == "signer"
    created = create_letter(demo_store, LetterRequest(matter_id, "Plain letter", client_id, signer_id=attorney_id),
                            root=root)
    assert created.document_id


def test_a_recipient_with_no_address_is_warned_of_and_none_never_printed(demo_store, matter, root):
    matter_id, client_id, _other, _attorney = matter
    with demo_store.write() as session:
        session.execute(update(ContactRow).where(ContactRow.id == client_id).values(address=""))
    created = create_letter(demo_store, LetterRequest(matter_id, "Plain letter", client_id), root=root)
    assert created.warnings and "address" in created.warnings[0]
    assert "None" not in docx_text(created.path)
    typed = create_letter(demo_store, LetterRequest(matter_id, "Plain letter", client_id,
                                                    address="12 Elm Street\nSpringfield, IL 62701",
                                                    subject="With the address"), root=root)
    assert typed.warnings == ()
    assert "12 Elm Street" in docx_text(typed.path)


def test_several_letters_are_all_filed_or_none(demo_store, matter, root, monkeypatch):
    matter_id, client_id, other_id, _attorney = matter
    requests = [LetterRequest(matter_id, "Asking letter", client_id if n % 2 else other_id,
                              answers={"fee": str(n)})
                for n in range(1, 11)]
    real_log = letter_filing.log_in
    calls = []

    def failing_fifth(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        if len(calls) == 5:
            raise UserFixableError("The disk is full.")
        return real_log(*args, **kwargs)

    monkeypatch.setattr(letter_filing, "log_in", failing_fifth)
    before = counts(demo_store)
    with pytest.raises(UserFixableError, match="disk is full"):
        create_letters(demo_store, requests, root=root)
    assert len(calls) == 5
    assert counts(demo_store) == before
    assert not any(path.is_file() for path in root.rglob("*")), "no half: no file of the four before it either"
    monkeypatch.setattr(letter_filing, "log_in", real_log)
    made = create_letters(demo_store, requests, root=root)
    assert len(made) == 10 and len({letter.document_id for letter in made}) == 10
    assert counts(demo_store)[:2] == (before[0] + 10, before[1] + 10)


def test_a_bad_letter_among_several_stops_them_all_before_anything_is_filed(demo_store, matter, root):
    matter_id, client_id, other_id, _attorney = matter
    requests = [LetterRequest(matter_id, "Plain letter", client_id, subject="One"),
                LetterRequest(matter_id, "Asking letter", other_id)]  # its fee is not given
    before = counts(demo_store)
    with pytest.raises(MissingAnswers):
        create_letters(demo_store, requests, root=root)
    assert counts(demo_store) == before


def test_stopping_while_letters_are_made_files_none(demo_store, matter, root):
    matter_id, client_id, _other, _attorney = matter
    seen = []
    before = counts(demo_store)
    made = create_letters(demo_store, [LetterRequest(matter_id, "Asking letter", client_id, answers={"fee": str(n)})
                                       for n in range(1, 4)], progress=lambda done, total: seen.append(done) or False,
                          root=root)
    assert made == [] and seen == [1] and counts(demo_store) == before


def test_the_same_letter_to_every_party_of_a_role(demo_store, matter, root):
    matter_id, _client, other_id, _attorney = matter
    with demo_store.read() as session:
        role = session.scalar(select(PartyRow.role).where(PartyRow.matter_id == matter_id,
                                                          PartyRow.contact_id == other_id))
    everyone = parties_with_role(demo_store, matter_id, role)
    assert other_id in everyone
    made = create_letters(demo_store, [LetterRequest(matter_id, "Plain letter", contact) for contact in everyone],
                          root=root)
    assert len(made) == len(everyone)


def test_a_package_makes_each_of_its_letters(demo_store, matter, root):
    matter_id, client_id, _other, _attorney = matter
    save_package(demo_store, "Test package", ["Plain letter", "Asking letter"])
    made = create_package(demo_store, matter_id, "Test package", client_id, answers={"fee": "250"},
                          follow_up_on=date(2026, 12, 1), root=root)
    assert len(made) == 2 and made[0].todo_id is not None and made[1].todo_id is None
    with pytest.raises(ValidationError, match="no package"):
        create_package(demo_store, matter_id, "Nope", client_id, root=root)


def test_a_field_like_text_typed_by_the_user_is_blamed_on_the_data_not_the_template(demo_store, matter, root):
    """«…», <<…>> and {{ … }} in an answer or a contact's name would print as if a field were left: the letter is
    refused (the issue's rule), and the message sends the user to the data, not to the template in Word."""
    matter_id, client_id, _other, _attorney = matter
    drop_template(demo_store, "Answer letter.docx", "{# ask note: text #}Note: {{ ask.note }}")
    with pytest.raises(LeftoverFields, match="comes from the matter's data or an answer") as refused:
        create_letter(demo_store, LetterRequest(matter_id, "Answer letter", client_id,
                                                answers={"note": "see «Exhibit_No»"}), root=root)
    assert refused.value.leftovers == ("«Exhibit_No»",) and "Word" not in refused.value.message
    with demo_store.write() as session:
        session.get(ContactRow, client_id).name = "Librairie <<Le Mot Juste>>"
    with pytest.raises(LeftoverFields, match="correct it there"):
        create_letter(demo_store, LetterRequest(matter_id, "Plain letter", client_id), root=root)


def test_a_copy_saved_before_filing_is_removed_when_filing_fails(demo_store, matter, root, tmp_path, monkeypatch):
    from legalsec_desktop.services import letters

    matter_id, client_id, _other, _attorney = matter

    def fail(*_args, **_kwargs):
        raise UserFixableError("The documents folder is full.")

    monkeypatch.setattr(letters, "file_letters", fail)
    before = counts(demo_store)
    with pytest.raises(UserFixableError, match="full"):
        create_letter(demo_store, LetterRequest(matter_id, "Plain letter", client_id), copy_to=tmp_path / "new.docx",
                      root=root)
    assert not (tmp_path / "new.docx").exists() and counts(demo_store) == before
