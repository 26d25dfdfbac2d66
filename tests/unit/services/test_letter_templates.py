"""The templates folder as the list of templates: files dropped in appear, changed files are rechecked, removed
ones go to "Removed" and come back; names, purposes, packages; the starter library on first use."""

from __future__ import annotations

import os

import pytest
from letter_setup import LETTER, drop_template, folder_of, make_docx

from legalsec_desktop import paths
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.services import letter_templates as templates
from legalsec_desktop.services.template_folder import REMOVED, templates_folder


def test_the_default_folder_is_legalsec_templates_in_the_users_documents(store, private_dirs):
    assert paths.default_templates_root() == private_dirs / "Documents" / "Legalsec Templates"
    assert templates_folder(store) == paths.default_templates_root()


def test_a_file_dropped_into_the_folder_is_a_template_named_by_its_file(store):
    drop_template(store, "Thank-you letter.docx")
    (found,) = templates.list_templates(store)
    assert (found.name, found.file_name, found.problem) == ("Thank-you letter", "Thank-you letter.docx", "")
    assert "recipient.salutation" in found.fields and "signer.name" in found.fields
    assert found.use_count == 0 and found.last_used_at is None


def test_a_changed_file_is_checked_again(store):
    path = drop_template(store, "Note.docx", "Dear {{ recipient.name }}")
    assert templates.find_template(store, "note").fields == ("recipient.name",)
    make_docx(path, "{# ask fee: amount \"Flat fee\" #}Dear {{ recipient.salutation }} {{ ask.fee }}")
    os.utime(path, ns=(1, 1))  # another size and another time: rechecked
    found = templates.find_template(store, "Note")
    assert "recipient.salutation" in found.fields
    assert [(ask.name, ask.kind, ask.label) for ask in found.asks] == [("fee", "amount", "Flat fee")]


def test_a_template_with_a_mistake_is_listed_with_the_reason(store):
    drop_template(store, "Broken.docx", "Dear {{ recipient.name }", "{{ matter.nmber }}")
    (found,) = templates.list_templates(store)
    assert found.problem and "paragraph" in found.problem.lower()


def test_words_lock_files_and_hidden_files_are_not_templates(store):
    drop_template(store, "Letter.docx")
    folder = folder_of(store)
    (folder / "~$Letter.docx").write_bytes(b"lock")
    (folder / ".hidden.docx").write_bytes(b"x")
    (folder / "notes.txt").write_text("not a template")
    assert [info.name for info in templates.list_templates(store)] == ["Letter"]


def test_unknown_template_and_template_removed_by_hand_are_said_in_words(store):
    path = drop_template(store, "Letter.docx")
    with pytest.raises(ValidationError, match="no template called “Nope”"):
        templates.find_template(store, "Nope")
    templates.find_template(store, "Letter")
    path.unlink()  # removed in Explorer while the user had it chosen
    with pytest.raises(ValidationError, match="no longer in the templates folder") as caught:
        templates.find_template(store, "Letter")
    assert caught.value.field == "template"


def test_rename_and_names_taken(store):
    drop_template(store, "One.docx")
    drop_template(store, "Two.docx")
    one = templates.find_template(store, "One")
    with pytest.raises(ValidationError, match="already called"):
        templates.rename_template(store, one.id, "TWO")
    with pytest.raises(ValidationError, match="Enter a name"):
        templates.rename_template(store, one.id, "   ")
    templates.rename_template(store, one.id, "First letter")
    assert templates.find_template(store, "first letter").file_name == "One.docx"


def test_a_purpose_is_held_by_one_template(store):
    drop_template(store, "A.docx")
    drop_template(store, "B.docx")
    a, b = templates.find_template(store, "A"), templates.find_template(store, "B")
    templates.set_purpose(store, a.id, "declination")
    assert templates.offered_template(store, "declination").name == "A"
    templates.set_purpose(store, b.id, "declination")
    assert templates.offered_template(store, "declination").name == "B"
    assert templates.find_template(store, "A").purpose == ""
    assert templates.offered_template(store, "closing") is None
    with pytest.raises(ValidationError, match="not a purpose"):
        templates.set_purpose(store, a.id, "party")


def test_deleting_moves_the_file_to_removed_and_restoring_brings_it_back(store):
    drop_template(store, "Old letter.docx")
    info = templates.find_template(store, "Old letter")
    templates.set_purpose(store, info.id, "closing")
    removed = templates.delete_template(store, info.id)
    folder = folder_of(store)
    assert not (folder / "Old letter.docx").exists()
    assert removed.removed_path == folder / REMOVED / "Old letter.docx" and removed.removed_path.is_file()
    assert templates.list_templates(store) == []
    back = templates.restore_template(store, removed)
    assert (back.name, back.purpose, back.file_name) == ("Old letter", "closing", "Old letter.docx")
    assert [t.name for t in templates.list_templates(store)] == ["Old letter"]


def test_recently_used_first_then_by_name(store):
    for name in ("b.docx", "A.docx", "c.docx"):
        drop_template(store, name)
    assert [t.name for t in templates.list_templates(store)] == ["A", "b", "c"]


def test_packages_keep_their_templates_by_name(store):
    drop_template(store, "One.docx")
    drop_template(store, "Two.docx")
    package_id = templates.save_package(store, "New matter", ["One", "Two", "One"])
    (package,) = [p for p in templates.list_packages(store) if p.name == "New matter"]
    assert (package.id, package.templates) == (package_id, ("One", "Two"))
    with pytest.raises(ValidationError, match="no template called “Three”"):
        templates.save_package(store, "Other", ["Three"])
    with pytest.raises(ValidationError, match="already called"):
        templates.save_package(store, "new MATTER", ["One"])
    templates.delete_package(store, package_id)
    assert all(p.name != "New matter" for p in templates.list_packages(store))


def test_renaming_a_template_renames_it_in_its_packages(store):
    drop_template(store, "One.docx")
    templates.save_package(store, "Pack", ["One"])
    templates.rename_template(store, templates.find_template(store, "One").id, "Uno")
    assert [p.templates for p in templates.list_packages(store) if p.name == "Pack"] == [("Uno",)]


def test_first_use_writes_the_starter_library_with_purposes_and_packages(store):
    found = templates.list_templates(store)
    assert len(found) >= 11 and all(not info.problem for info in found), [i.problem for i in found]
    purposes = {info.purpose: info.name for info in found if info.purpose}
    assert set(purposes) == {"engagement", "declination", "closing"}
    assert templates.offered_template(store, "declination") is not None
    assert templates.list_packages(store), "the starter packages are saved"
    assert all(info.path.is_file() and info.path.parent == templates_folder(store) for info in found)


def test_a_firm_that_removed_every_template_does_not_get_them_back_unasked(store):
    for info in templates.list_templates(store):
        templates.delete_template(store, info.id)
    assert templates.list_templates(store) == []
    assert templates.restore_starters(store) >= 11
    assert len(templates.list_templates(store)) >= 11


def test_restoring_the_starters_writes_only_the_missing_ones_never_over_the_firms(store):
    found = templates.list_templates(store)
    engagement = next(info for info in found if info.purpose == "engagement")
    mine = make_docx(engagement.path, *LETTER)  # the firm edited the starter in Word
    before = mine.read_bytes()
    removed = templates.delete_template(store, next(i for i in found if i.purpose == "closing").id)
    assert templates.restore_starters(store) == 1
    assert mine.read_bytes() == before
    assert (templates_folder(store) / removed.file_name).is_file()
    assert templates.offered_template(store, "closing") is not None
