"""Adding a template the firm already has: a .docx checked (refused with the reasons when it cannot be used), its
Word MERGEFIELDs converted to our fields (each the user did not map becomes a question, `{{ ask.<name> }}`), and
copied into the templates folder under its own name, never over another file."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.document_names import safe_name
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.merge_names import guess_mapping
from legalsec_desktop.domain.text_limits import shown
from legalsec_desktop.formats.letter_docx import read_template
from legalsec_desktop.formats.mergefields import convert_merge_fields, merge_fields
from legalsec_desktop.formats.template_check import TemplateCheck
from legalsec_desktop.formats.template_sandbox import TemplateProblem
from legalsec_desktop.services.stored_files import link_new, remove_files
from legalsec_desktop.services.template_folder import NAME_LIMIT, TemplateInfo, check_file, info_of, keep_found, \
    name_taken, synced


class TemplateUnusable(UserFixableError):
    """The file cannot be a template; `reasons` says each thing wrong (a mistake and its place, an unknown field)."""

    def __init__(self, name: str, reasons: tuple[str, ...]) -> None:
        super().__init__(f"“{shown(name)}” cannot be used as a template: " + " ".join(reasons))
        self.reasons = reasons


@dataclass(frozen=True)
class AddedTemplate:
    """The template added, and the merge fields that nothing maps to: each is asked when a letter is drafted."""

    info: TemplateInfo
    unmapped: tuple[str, ...] = ()


@dataclass(frozen=True)
class AddPreview:
    """What adding a file would do: its merge fields, the field each is guessed to be (None: not guessed), and the
    check of the file as it would be added (or why it cannot be read)."""

    merge_fields: tuple[str, ...]
    guessed: dict[str, str | None] = field(default_factory=dict)
    check: TemplateCheck | None = None
    problem: str = ""


def ask_name(merge_name: str) -> str:
    """The question a merge field nothing maps to becomes: `Client Phone#` → `client_phone`."""
    name = re.sub(r"[^0-9a-z]+", "_", merge_name.casefold()).strip("_")
    return name if name and not name[0].isdigit() else f"field_{name}".rstrip("_")


def mapping_for(names: list[str], given: Mapping[str, str] | None) -> tuple[dict[str, str], tuple[str, ...]]:
    """The field each merge field becomes (the user's choice, else the guess, else a question) and the names that
    became questions."""
    guessed = guess_mapping(names)
    chosen: dict[str, str] = {}
    unmapped: list[str] = []
    for name in names:
        wanted = (given or {}).get(name, guessed.get(name))
        if wanted is None:
            unmapped.append(name)
            wanted = f"ask.{ask_name(name)}"
        chosen[name] = wanted
    return chosen, tuple(unmapped)


def preview_add(source: Path) -> AddPreview:
    """What `add_template` would find in `source` with the guessed mapping, for the user to map what is left."""
    try:
        read_template(source)
        names = merge_fields(source)
    except TemplateProblem as problem:
        return AddPreview((), {}, None, problem.message)
    guessed = guess_mapping(names)
    with tempfile.TemporaryDirectory(prefix="template-") as work:
        converted = Path(work) / "converted.docx"
        try:
            _converted(source, converted, mapping_for(names, None)[0] if names else None)
        except UserFixableError as error:
            return AddPreview(tuple(names), guessed, None, error.message)
        found, checked = check_file(converted)
    return AddPreview(tuple(names), guessed, checked, found.problem if checked is None else "")


def add_template(store: Store, source: Path, name: str | None = None,
                 mapping: Mapping[str, str] | None = None) -> AddedTemplate:
    """Copies `source` (a .docx) into the templates folder as the template `name` (default: the file's name),
    its MERGEFIELDs converted (`mapping`: merge field -> our field, '' to drop one; the others guessed, else
    asked). ValidationError for a file that is not a .docx, is damaged or missing, or a name already taken;
    TemplateUnusable with the reasons when the template has mistakes or unknown fields. Nothing is left behind
    when it fails."""
    source = Path(source)
    try:
        read_template(source)
        names = merge_fields(source)
    except TemplateProblem as problem:
        raise ValidationError("file", problem.message) from None
    name = " ".join((name if name is not None else source.stem).split())
    if not name:
        raise ValidationError("name", "Enter a name for the template.")
    if len(name) > NAME_LIMIT:
        raise ValidationError("name", f"A template's name can be at most {NAME_LIMIT} characters.")
    folder = synced(store)
    with store.read() as session:
        if name_taken(session, name):
            raise ValidationError("name", f"A template called “{shown(name)}” is already in the templates folder; "
                                          "choose another name (--name).")
    file_name = safe_name(f"{name}.docx", "template.docx")
    if os.path.lexists(folder / file_name):
        raise ValidationError("name", f"A file called “{shown(file_name)}” is already in the templates folder "
                                      f"{folder}; choose another name (--name).")
    chosen, unmapped = mapping_for(names, mapping) if names else ({}, ())
    handle, partial_name = tempfile.mkstemp(dir=folder, prefix=".adding-", suffix=".docx")
    os.close(handle)
    partial, target = Path(partial_name), folder / file_name
    placed = False
    try:
        _converted(source, partial, chosen if names else None)
        found, checked = check_file(partial)
        if found.problem:
            raise TemplateUnusable(name, _reasons(found.problem, checked))
        try:
            link_new(partial, target)
        except FileExistsError:
            raise ValidationError("name", f"A file called “{shown(file_name)}” is already in the templates "
                                          "folder; choose another name (--name).") from None
        placed = True
        with store.write() as session:
            row = keep_found(session, store.clock.utc_now(), file_name, target.stat(), found, name=name)
            info = info_of(row, folder)
    except OSError as error:
        if placed:
            remove_files([target], "a template that could not be added")
        raise UserFixableError(f"The template could not be copied into {folder} ({error.strerror or error}).") \
            from None
    except BaseException:
        if placed:
            remove_files([target], "a template that could not be added")
        raise
    finally:
        if partial.exists():  # moved onto the target where the disk has no hard links
            remove_files([partial], "a template being added")
    return AddedTemplate(info, unmapped)


def _converted(source: Path, dest: Path, mapping: Mapping[str, str] | None) -> None:
    """`source` copied to `dest`, its merge fields converted when it has any."""
    try:
        if mapping is None:
            shutil.copyfile(source, dest)
        else:
            convert_merge_fields(source, dest, mapping)
    except TemplateProblem as problem:
        raise ValidationError("file", problem.message) from None
    except OSError as error:
        raise UserFixableError(f"“{shown(source.name)}” could not be read ({error.strerror or error}).") from None


def _reasons(problem: str, checked: TemplateCheck | None) -> tuple[str, ...]:
    """Each thing wrong with the template, one a reason (the check's mistakes, then each unknown field)."""
    if checked is None:
        return (problem,)
    unknown = tuple(f"Unknown field: {item}." for item in checked.unknown)
    return tuple(checked.problems) + unknown
