"""Drafting letters: a template filled in with a matter's data (previewed), then the letter filed as a document of
the matter and logged as an outgoing letter, with its follow-up to-do and time entry, all in one transaction.

Several letters (the same one to every opposing counsel, a package) are rendered first, then filed and logged in
ONE transaction: a letter that fails (a template with a mistake, a full disk) leaves none of them filed — the user
fixes the one and makes them all again, rather than hunting for which were made."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from legalsec_desktop import paths
from legalsec_desktop.db.models import ContactRow, PartyRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.communications import CommunicationDraft
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.letter_asks import Ask, options
from legalsec_desktop.domain.letters import COURT_CLERK
from legalsec_desktop.domain.text_limits import shown
from legalsec_desktop.formats.files import write_bytes_atomically
from legalsec_desktop.formats.letter_docx import get_ready, render_letter
from legalsec_desktop.formats.placeholders import UnreadableLetter, leftover_placeholders
from legalsec_desktop.formats.template_sandbox import TemplateProblem
from legalsec_desktop.services.communications import TimeForEntry, checked_entry
from legalsec_desktop.services.document_root import check_root, documents_root
from legalsec_desktop.services.letter_context import letter_context
from legalsec_desktop.services.letter_filing import CreatedLetter, Drafted, file_letters
from legalsec_desktop.services.letter_packages import find_package
from legalsec_desktop.services.letter_templates import TemplateInfo, find_template

__all__ = ["COURT_CLERK", "CreatedLetter", "LeftoverFields", "LetterPreview", "LetterRequest", "MissingAnswers",
           "create_letter", "create_letters", "create_package", "get_ready", "parties_with_role", "preview_letter"]
Progress = Callable[[int, int], "bool | None"]  # letters made, letters in all; False stops (nothing is filed)
TITLE_LIMIT = 300


@dataclass(frozen=True)
class LetterRequest:
    """One letter to make: the matter, the template (by name), the recipient (a contact; None for the matter's
    client; COURT_CLERK: the clerk of the matter's court), who signs (None: the responsible attorney), the answers
    to the template's questions (by name, as typed), an address typed for a recipient with none, the subject of
    the log entry (default: the template's name), a follow-up date (a to-do) and time to record."""

    matter_id: int
    template_name: str
    recipient_id: int | None
    signer_id: int | None = None
    answers: Mapping[str, str] = field(default_factory=dict)
    address: str | None = None
    subject: str = ""
    follow_up_on: date | None = None
    time: TimeForEntry | None = None


@dataclass(frozen=True)
class LetterPreview:
    """The letter as it would be filed; `warnings` (a recipient with no address …) and `leftovers` (fields left
    unfilled: such a letter is refused) to show; the template and the recipient's name."""

    docx: bytes
    warnings: tuple[str, ...]
    leftovers: tuple[str, ...]
    template: TemplateInfo
    recipient: str = ""
    signer: str = ""
    with_whom: str = ""  # as the log names the recipient: the clerk with the court ("Clerk of the Court, …")
    typed_leftovers: tuple[str, ...] = ()  # those of the leftovers that come from the data (an address, an answer)


class MissingAnswers(ValidationError):
    """The template asks for values that were not given; `asks` are they (its field: the first one's name)."""

    def __init__(self, asks: Sequence[Ask]) -> None:
        listed = "; ".join(f"{ask.name} ({'a ' if ask.kind != 'amount' else 'an '}{ask.kind}: {ask.question}"
                           + (f" — one of {options(ask)})" if ask.choices else ")") for ask in asks)
        super().__init__(asks[0].name, f"The template asks for what was not given: {listed}.")
        self.asks = tuple(asks)


class LeftoverFields(ValidationError):
    """The filled-in letter still holds fields (`{{ … }}`, «…», a MERGEFIELD): it is not saved."""

    def __init__(self, template: str, leftovers: Sequence[str], typed: Sequence[str] = ()) -> None:
        listed = ", ".join(shown(item, 60) for item in leftovers)
        if leftovers and set(leftovers) <= set(typed):  # the template is fine: the matter's data holds them
            message = (f"The letter from “{shown(template)}” would print {listed}, which looks like a field that was "
                       "never filled in. It comes from the matter's data or an answer (a contact's name or address, "
                       "a typed value), not from the template: correct it there. Nothing was saved.")
        else:
            message = (f"The letter from “{shown(template)}” still holds fields that were not filled in: {listed}. "
                       "Nothing was saved; correct the template in Word.")
        super().__init__("template", message)
        self.leftovers = tuple(leftovers)


def preview_letter(store: Store, request: LetterRequest) -> LetterPreview:
    """The letter filled in (in a bounded child process), checked for fields left unfilled; nothing is saved.
    ValidationError ('template', an answer's name, 'signer', 'recipient' …) says what to give or fix."""
    info = find_template(store, request.template_name)
    if info.problem:
        raise ValidationError("template", f"The template “{shown(info.name)}” cannot be used: {info.problem}")
    missing = [ask for ask in info.asks if not str(request.answers.get(ask.name, "")).strip()]
    if missing:
        raise MissingAnswers(missing)
    data = letter_context(store, request.matter_id, request.recipient_id, request.signer_id,
                          answers=request.answers, asks=info.asks, address=request.address)
    try:
        docx = render_letter(info.path, data.context)
    except TemplateProblem as problem:
        raise ValidationError("template", f"“{shown(info.name)}”: {problem.message}") from None
    context = data.context
    recipient = _text(context.get("recipient"), "name")
    court = _text(context.get("recipient"), "organization") if request.recipient_id == COURT_CLERK else ""
    leftovers = tuple(_leftovers(docx))
    return LetterPreview(docx, tuple(data.warnings), leftovers, info, recipient,
                         _text(context.get("signer"), "name"), f"{recipient}, {court}" if court else recipient,
                         tuple(found for found in leftovers if _typed_in(found, context)))


def create_letter(store: Store, request: LetterRequest, copy_to: Path | None = None,
                  root: Path | None = None) -> CreatedLetter:
    """Makes the letter and files it in the matter's documents (`root`: the documents folder, default the firm's),
    logged as an outgoing letter with its follow-up to-do and time entry, in one transaction. `copy_to`: a copy
    saved there first (whole or not at all); when it cannot be written (open in Word, no such folder) nothing is
    filed. ValidationError / UserFixableError in words; LeftoverFields when a field was left unfilled."""
    return create_letters(store, [request], copy_to=copy_to, root=root)[0]


def create_letters(store: Store, requests: Sequence[LetterRequest], progress: Progress | None = None,
                   copy_to: Path | None = None, root: Path | None = None) -> list[CreatedLetter]:
    """Makes each letter, then files and logs them all in one transaction (all or none: see the module's note).
    `progress(done, total)` after each letter is rendered; when it returns False nothing is filed and [] is
    returned. `copy_to` only for one letter."""
    if copy_to is not None and len(requests) != 1:
        raise ValueError("a copy can be saved for one letter only")
    for request in requests:  # what the log entry would refuse (a follow-up in the past …), before any render
        checked_entry(_entry(store, request, "recipient", "subject"), request.time)
    drafted: list[Drafted] = []
    for done, request in enumerate(requests, start=1):
        preview = preview_letter(store, request)
        if preview.leftovers:
            raise LeftoverFields(preview.template.name, preview.leftovers, preview.typed_leftovers)
        if not preview.recipient.strip():
            raise ValidationError("recipient", "Choose whom the letter is to.")
        subject = " ".join(request.subject.split()) or preview.template.name
        title = _clip(f"Letter to {preview.recipient} – {subject}")
        entry = _entry(store, request, preview.with_whom or preview.recipient, subject,
                       f"Letter made from the template “{preview.template.name}”, filed as “{title}”.")
        drafted.append(Drafted(request.matter_id, preview.docx, title, preview.template.id, preview.template.name,
                               preview.with_whom or preview.recipient, preview.signer, entry, request.time,
                               preview.warnings))
        if progress is not None and progress(done, len(requests)) is False:
            return []
    copied = copy_to is not None and not Path(copy_to).exists()
    if copy_to is not None:
        write_bytes_atomically(Path(copy_to), drafted[0].docx)  # before filing: a copy that fails files nothing
    try:
        root = Path(root) if root is not None else documents_root(store, paths.default_documents_root())
        return file_letters(store, check_root(root), drafted)
    except BaseException:
        if copied and copy_to is not None:  # nothing was filed: no copy of a letter that does not exist
            Path(copy_to).unlink(missing_ok=True)
        raise


def create_package(store: Store, matter_id: int, package_name: str, recipient_id: int | None,
                   signer_id: int | None = None, answers: Mapping[str, str] | None = None,
                   address: str | None = None, follow_up_on: date | None = None,
                   progress: Progress | None = None, root: Path | None = None) -> list[CreatedLetter]:
    """Every letter of the package to one recipient, as create_letters makes them (all or none); the answers are
    shared by the templates that ask the same question; the follow-up date goes with the first letter."""
    package = find_package(store, package_name)
    requests = [LetterRequest(matter_id, name, recipient_id, signer_id, dict(answers or {}), address,
                              follow_up_on=follow_up_on if at == 0 else None)
                for at, name in enumerate(package.templates)]
    if not requests:
        raise ValidationError("package", f"The package “{shown(package.name)}” has no templates.")
    return create_letters(store, requests, progress, root=root)


def parties_with_role(store: Store, matter_id: int, role: str) -> list[int]:
    """The contacts that are parties of the matter with this role (every opposing counsel …), by name."""
    with store.read() as session:
        found = session.execute(
            select(ContactRow.id, ContactRow.sort_name)
            .join(PartyRow, PartyRow.contact_id == ContactRow.id)
            .where(PartyRow.matter_id == matter_id, PartyRow.role == role, PartyRow.deleted_at.is_(None),
                   ContactRow.deleted_at.is_(None))).all()
    return list(dict.fromkeys(contact for contact, _sort in sorted(found, key=lambda r: (r[1] or "").casefold())))


def _entry(store: Store, request: LetterRequest, recipient: str, subject: str, summary: str = "") -> CommunicationDraft:
    return CommunicationDraft(request.matter_id, "letter", "out", store.clock.now(), _clip(recipient),
                              _clip(subject), summary, request.follow_up_on)


def _typed_in(found: str, context: object) -> bool:
    """Whether `found` («Montréal», {{ x }} …) is text of the letter's data — a contact's name, a typed answer —
    rather than a field the template left: the data's text is the user's, and is printed as typed."""
    if isinstance(context, str):
        return found in context
    if isinstance(context, dict):
        return any(_typed_in(found, value) for value in context.values())
    if isinstance(context, (list, tuple)):
        return any(_typed_in(found, value) for value in context)
    return False


def _leftovers(docx: bytes) -> list[str]:
    """The fields a filled-in letter still holds (read back from a private temporary file)."""
    handle, name = tempfile.mkstemp(prefix="letter-", suffix=".docx")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(docx)
        return leftover_placeholders(Path(name))
    except UnreadableLetter as error:
        raise ValidationError("template", f"The letter made from the template could not be read back ({error}); "
                                          "nothing was saved.") from None
    finally:
        Path(name).unlink(missing_ok=True)


def _text(record: object, key: str) -> str:
    value = record.get(key, "") if isinstance(record, Mapping) else ""
    return value if isinstance(value, str) else ""


def _clip(text: str, limit: int = TITLE_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

