"""Adding a template the firm already has: refused with the reasons when it cannot be used, its mail-merge fields
converted (the ones nothing maps to asked for), copied into the folder and never over another file."""

from __future__ import annotations

import pytest
from letter_setup import docx_text, drop_template, folder_of, make_damaged, make_docx, make_mail_merge

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.services import letter_templates as templates


@pytest.fixture
def folder(store):
    drop_template(store, "Existing.docx")  # the folder is in use: no starter library written
    return folder_of(store)


def listed(folder):
    return sorted(path.name for path in folder.iterdir())


def test_a_good_template_is_copied_in_under_its_name(store, folder, tmp_path):
    source = make_docx(tmp_path / "Thanks.docx", "Dear {{ recipient.salutation }}", "{{ signer.name }}")
    added = templates.add_template(store, source, "Thank-you note")
    assert (added.info.name, added.info.file_name, added.unmapped) == ("Thank-you note", "Thank-you note.docx", ())
    assert (folder / "Thank-you note.docx").read_bytes() == source.read_bytes()
    assert templates.find_template(store, "thank-you note").fields == ("recipient.salutation", "signer.name")
    assert source.is_file(), "the original is only read"


def test_not_a_docx_damaged_or_missing_are_refused_in_words(store, folder, tmp_path):
    (tmp_path / "letter.doc").write_bytes(b"\xd0\xcf\x11\xe0 old Word")
    with pytest.raises(ValidationError, match=r"not a Word document \(\.docx\)"):
        templates.add_template(store, tmp_path / "letter.doc")
    with pytest.raises(ValidationError, match="damaged"):
        templates.add_template(store, make_damaged(tmp_path / "cut short.docx"))
    with pytest.raises(ValidationError, match="no longer"):
        templates.add_template(store, tmp_path / "gone.docx")
    assert listed(folder) == ["Existing.docx"]


def test_an_unusable_template_is_refused_with_each_reason_and_nothing_left(store, folder, tmp_path):
    source = make_docx(tmp_path / "Broken.docx", "Dear {{ recipient.name }", "Case {{ matter.nmber }}")
    with pytest.raises(templates.TemplateUnusable) as caught:
        templates.add_template(store, source)
    assert any("paragraph" in reason.lower() for reason in caught.value.reasons)
    assert listed(folder) == ["Existing.docx"]
    unknown = make_docx(tmp_path / "Unknown.docx", "Case {{ matter.nmber }}")
    with pytest.raises(templates.TemplateUnusable) as caught:
        templates.add_template(store, unknown)
    assert any("matter.nmber" in reason for reason in caught.value.reasons)
    assert listed(folder) == ["Existing.docx"]


def test_a_name_already_taken_is_an_error_and_nothing_is_overwritten(store, folder, tmp_path):
    before = (folder / "Existing.docx").read_bytes()
    source = make_docx(tmp_path / "Existing.docx", "{{ recipient.name }}")
    with pytest.raises(ValidationError, match="already in the templates folder") as caught:
        templates.add_template(store, source)
    assert caught.value.field == "name"
    with pytest.raises(ValidationError, match="already in the templates folder"):
        templates.add_template(store, source, "EXISTING")
    assert (folder / "Existing.docx").read_bytes() == before
    assert templates.add_template(store, source, "Another").info.file_name == "Another.docx"


def test_a_name_is_made_safe_as_a_file_name(store, folder, tmp_path):
    source = make_docx(tmp_path / "x.docx", "{{ recipient.name }}")
    added = templates.add_template(store, source, "Re: fees / costs")
    assert added.info.name == "Re: fees / costs" and (folder / added.info.file_name).is_file()
    assert "/" not in added.info.file_name and ":" not in added.info.file_name


def test_merge_fields_are_converted_and_the_unmapped_asked_for(store, folder, tmp_path):
    source = make_mail_merge(tmp_path / "Merge letter.docx", "First_Name", "Last_Name", "Favourite_Colour")
    preview = templates.preview_add(source)
    assert preview.merge_fields == ("First_Name", "Last_Name", "Favourite_Colour")
    assert preview.guessed["First_Name"] == "recipient.first_name" and preview.guessed["Favourite_Colour"] is None
    assert preview.check is not None and preview.check.usable
    added = templates.add_template(store, source)
    assert added.unmapped == ("Favourite_Colour",)
    assert {"recipient.first_name", "recipient.last_name", "ask.favourite_colour"} <= set(added.info.fields)
    assert [ask.name for ask in added.info.asks] == ["favourite_colour"]
    text = docx_text(folder / "Merge letter.docx")
    assert "{{ recipient.first_name }}" in text.replace("{{recipient", "{{ recipient") or "recipient.first_name" in text
    assert "MERGEFIELD" not in (folder / "Merge letter.docx").read_bytes().decode("latin-1")


def test_the_users_mapping_wins_over_the_guess(store, folder, tmp_path):
    source = make_mail_merge(tmp_path / "Mapped.docx", "First_Name", "Favourite_Colour")
    added = templates.add_template(store, source, mapping={"First_Name": "client.first_name",
                                                           "Favourite_Colour": ""})
    assert added.unmapped == ()
    assert "client.first_name" in added.info.fields and not added.info.asks


def test_preview_of_a_damaged_file_says_why(tmp_path):
    preview = templates.preview_add(make_damaged(tmp_path / "bad.docx"))
    assert preview.check is None and "damaged" in preview.problem
