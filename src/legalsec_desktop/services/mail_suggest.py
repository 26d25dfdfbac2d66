"""The matter to suggest for an e-mail, from the firm's matters and the e-mails filed before (domain.mail_matter)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from legalsec_desktop.db.document_models import DocumentRow
from legalsec_desktop.db.models import MatterRow
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.mail_matter import (
    FiledMail,
    MailClues,
    MatterRef,
    MatterSuggestion,
    fold_address,
    thread_ids,
)
from legalsec_desktop.domain.mail_matter import suggest_matter as suggest_from
from legalsec_desktop.formats.mail_file import Mail

MAX_THREAD_IDS = 200  # a References header can be very long; the nearest ones are what matters


def clues_of(mail: Mail) -> MailClues:
    """What of `mail` can point to its matter."""
    return MailClues(subject=mail.subject, body=mail.body_text,
                     thread_ids=thread_ids(mail.in_reply_to, mail.references)[:MAX_THREAD_IDS],
                     sender_address=mail.sender.address)


def suggest_matter(store: Store, mail: Mail) -> MatterSuggestion | None:
    """The matter `mail` most likely belongs to and why, or None when nothing points to one."""
    with store.read() as session:
        return suggestion_in(session, clues_of(mail))


def suggestion_in(session: Session, clues: MailClues,
                  matters: list[MatterRef] | None = None) -> MatterSuggestion | None:
    """The suggestion for `clues`, read in an open session; `matters`: matter_refs read already, for many."""
    if matters is None:
        matters = matter_refs(session)
    return suggest_from(clues, matters, earlier_mails(session, clues))


def matter_refs(session: Session) -> list[MatterRef]:
    """Every matter, as the suggestion needs it."""
    return [MatterRef(row.id, row.number, row.case_number or "", row.status != "closed")
            for row in session.execute(select(MatterRow.id, MatterRow.number, MatterRow.case_number,
                                              MatterRow.status))]


def earlier_mails(session: Session, clues: MailClues) -> list[FiledMail]:
    """The filed e-mails (not deleted, not attachments) of the thread of `clues` and from its sender."""
    address = fold_address(clues.sender_address)
    conditions: list[ColumnElement[bool]] = []
    if clues.thread_ids:
        conditions.append(DocumentRow.message_id.in_(clues.thread_ids))
    if address:
        conditions.append(DocumentRow.sender_address == address)
    if not conditions:
        return []
    rows = session.execute(
        select(DocumentRow.id, DocumentRow.matter_id, DocumentRow.message_id, DocumentRow.sender_address,
               DocumentRow.title, DocumentRow.filed_at)
        .where(DocumentRow.kind == "email", DocumentRow.deleted_at.is_(None), DocumentRow.parent_id.is_(None),
               or_(*conditions)))
    return [FiledMail(row.id, row.matter_id, row.message_id, row.sender_address, row.title, row.filed_at,
                      to_local(row.filed_at).date()) for row in rows]
