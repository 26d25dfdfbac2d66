"""A document's newest version in SQL: one subquery (per document, its newest version's number and how many
versions it has) and the condition joining it to document_version, for every query that shows the newest."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Subquery, func, select

from legalsec_desktop.db.document_models import DocumentVersionRow


def newest_versions() -> Subquery:
    """Per document (`document_id`): its newest version's `number` and how many versions it has (`count`)."""
    return (select(DocumentVersionRow.document_id.label("document_id"),
                   func.max(DocumentVersionRow.number).label("number"),
                   func.count(DocumentVersionRow.id).label("count"))
            .group_by(DocumentVersionRow.document_id).subquery("newest"))


def is_newest(newest: Subquery) -> ColumnElement[bool]:
    """The condition joining document_version to `newest` (from newest_versions): the newest version only."""
    return (DocumentVersionRow.document_id == newest.c.document_id) & (DocumentVersionRow.number == newest.c.number)
