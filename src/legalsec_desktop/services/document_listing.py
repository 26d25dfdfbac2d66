"""The documents list in SQL: each live document with its newest version's state, for services.listings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, RowMapping, Select, case, func, select

from legalsec_desktop.db.document_models import DocumentRow, DocumentVersionRow
from legalsec_desktop.db.models import MatterRow
from legalsec_desktop.domain.document_labels import KIND_LABELS, STATE_LABELS
from legalsec_desktop.services.document_versions import is_newest, newest_versions
from legalsec_desktop.services.rows import DocumentFilters, DocumentListRow


def document_query() -> Select[Any]:
    newest: Any = newest_versions()  # untyped columns: the query's rows stay Select[Any], as services.listings takes
    # A missing file says so first: that it is missing matters more than how its text was read.
    state = case((DocumentVersionRow.missing_since.is_not(None), "missing"), else_=DocumentVersionRow.text_state)
    return (
        select(
            DocumentRow.id,
            DocumentRow.doc_date.label("doc_date"),
            MatterRow.number.label("matter"),
            DocumentRow.kind.label("kind"),
            DocumentRow.title.label("title"),
            DocumentRow.author.label("author"),
            func.coalesce(newest.c.count, 0).label("versions"),
            func.coalesce(state, "waiting").label("state"),
        )
        .outerjoin(MatterRow, MatterRow.id == DocumentRow.matter_id)
        .outerjoin(newest, newest.c.document_id == DocumentRow.id)
        .outerjoin(DocumentVersionRow, is_newest(newest))
    )


def document_row(row: RowMapping) -> DocumentListRow:
    return DocumentListRow(row["doc_date"], row["matter"] or "", KIND_LABELS.get(row["kind"], row["kind"]),
                           row["title"], shown_name(row["author"] or ""), row["versions"],
                           STATE_LABELS.get(row["state"], row["state"]))


def shown_name(author: str) -> str:
    """An e-mail's sender as the list shows it: the name without its address ("Carol Ward", not "Carol Ward
    <ward@ward-law.example>"); the address alone when there is no name. The detail shows both."""
    name, bracket, _address = author.partition(" <")
    return name.strip().strip('"') if bracket and name.strip() else author


def document_scope() -> ColumnElement[bool]:
    return DocumentRow.deleted_at.is_(None)


def document_conditions(filters: DocumentFilters) -> list[ColumnElement[bool]]:
    return [DocumentRow.matter_id == filters.matter_id] if filters.matter_id is not None else []


def document_search() -> tuple[Any, ...]:
    return (DocumentRow.search_key, MatterRow.search_key)
