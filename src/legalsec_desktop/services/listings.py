"""Lists behind the tabs: an ordered id list (sorted and filtered in SQL) and rows fetched by id."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from legalsec_desktop.db.models import (
    CommunicationRow,
    ContactAliasRow,
    ContactRow,
    EventRow,
    FileRecordRow,
    MatterRow,
    TimekeeperRow,
    TimeEntryRow,
)
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.names import search_fold
from legalsec_desktop.services import billing_sql
from legalsec_desktop.services.calendar import attorney_condition
from legalsec_desktop.services.columns import COLUMNS, ListingColumns


@dataclass(frozen=True)
class Listing:
    """How to list one kind of record: its columns, and the query behind them."""

    spec: ListingColumns
    query: Callable[[], Select[Any]]  # id first, then one expression per column
    search: Callable[[], Sequence[ColumnElement[Any]]]  # folded search keys (and lower-case initials)
    scope: Callable[[date], ColumnElement[bool] | None] = lambda today: None  # which rows exist, as of today
    filters: Callable[[], dict[str, Callable[[Any], ColumnElement[bool]]]] = dict  # name -> condition for a value


def _matter_query() -> Select[Any]:
    lawyer = aliased(TimekeeperRow)
    return (
        select(
            MatterRow.id,
            MatterRow.number,
            MatterRow.title,
            ContactRow.name,
            MatterRow.status,
            lawyer.initials,
            MatterRow.practice_area,
            MatterRow.court,
            MatterRow.case_number,
            MatterRow.opened_on,
        )
        .outerjoin(ContactRow, ContactRow.id == MatterRow.client_id)
        .outerjoin(lawyer, lawyer.id == MatterRow.responsible_attorney_id)
    )


def _contact_query() -> Select[Any]:
    kind = case((ContactRow.is_client, "client"), (ContactRow.is_organization, "organisation"), else_="person")
    return (
        select(ContactRow.id, ContactRow.sort_name, kind, ContactRow.phone, ContactRow.email,
               func.group_concat(ContactAliasRow.alias.distinct()))
        .outerjoin(ContactAliasRow, ContactAliasRow.contact_id == ContactRow.id)
        .group_by(ContactRow.id)
    )


def _event_query() -> Select[Any]:
    return select(
        EventRow.id,
        EventRow.on_date,
        EventRow.start_utc,
        EventRow.kind,
        EventRow.title,
        MatterRow.number,
        EventRow.location,
        EventRow.status,
        EventRow.tz,
    ).outerjoin(MatterRow, MatterRow.id == EventRow.matter_id)


def _communication_query() -> Select[Any]:
    return select(
        CommunicationRow.id,
        CommunicationRow.occurred_at,
        CommunicationRow.kind,
        CommunicationRow.direction,
        MatterRow.number,
        CommunicationRow.with_whom,
        CommunicationRow.subject,
        CommunicationRow.follow_up_on,
    ).outerjoin(MatterRow, MatterRow.id == CommunicationRow.matter_id)


def _time_query() -> Select[Any]:
    return (
        select(
            TimeEntryRow.id,
            TimeEntryRow.entry_date,
            TimekeeperRow.initials,
            MatterRow.number,
            billing_sql.billed_minutes(),  # shown, sorted and totalled by the one billing rule
            TimeEntryRow.rate_cents,
            billing_sql.amount_cents(),
            TimeEntryRow.billable,
            TimeEntryRow.status,
            TimeEntryRow.task_code,
            TimeEntryRow.activity_code,
            TimeEntryRow.narrative,
        )
        .outerjoin(TimekeeperRow, TimekeeperRow.id == TimeEntryRow.timekeeper_id)
        .outerjoin(MatterRow, MatterRow.id == TimeEntryRow.matter_id)
        .outerjoin(ContactRow, ContactRow.id == MatterRow.client_id)
    )


def _file_query() -> Select[Any]:
    return select(
        FileRecordRow.id,
        FileRecordRow.label,
        MatterRow.number,
        FileRecordRow.medium,
        FileRecordRow.location,
        FileRecordRow.box,
        FileRecordRow.opened_on,
        FileRecordRow.destroy_after,
    ).outerjoin(MatterRow, MatterRow.id == FileRecordRow.matter_id)


LISTINGS: dict[str, Listing] = {
    "matters": Listing(
        COLUMNS["matters"], _matter_query,
        lambda: (MatterRow.search_key, ContactRow.search_key),
        filters=lambda: {
            "status": lambda value: MatterRow.status == value,
            "attorney": lambda value: MatterRow.responsible_attorney_id == value,
            "practice_area": lambda value: MatterRow.practice_area == value,
        },
    ),
    "contacts": Listing(
        COLUMNS["contacts"], _contact_query,
        lambda: (ContactRow.search_key, ContactAliasRow.search_key),
        lambda _today: ContactRow.deleted_at.is_(None),
    ),
    "events": Listing(
        COLUMNS["events"], _event_query,
        lambda: (EventRow.search_key, MatterRow.search_key),
        lambda today: and_(EventRow.on_date >= today, EventRow.deleted_at.is_(None)),
        lambda: {
            "matter": lambda value: EventRow.matter_id == value,
            "kinds": lambda value: EventRow.kind.in_(value),
            "attorney": attorney_condition,
        },
    ),
    "communications": Listing(
        COLUMNS["communications"], _communication_query,
        lambda: (CommunicationRow.search_key, MatterRow.search_key),
        lambda _today: CommunicationRow.deleted_at.is_(None),
    ),
    "time": Listing(
        COLUMNS["time"], _time_query,
        # Initials are A-Z only (domain.firm checks), so lower() folds them completely, on any database.
        lambda: (TimeEntryRow.search_key, MatterRow.search_key, func.lower(TimekeeperRow.initials)),
        filters=lambda: {
            "first": lambda value: TimeEntryRow.entry_date >= value,
            "last": lambda value: TimeEntryRow.entry_date <= value,
            "timekeeper": lambda value: TimeEntryRow.timekeeper_id == value,
            "matter": lambda value: TimeEntryRow.matter_id == value,
            "billable": lambda value: TimeEntryRow.billable == value,
        },
    ),
    "files": Listing(
        COLUMNS["files"], _file_query,
        lambda: (FileRecordRow.search_key, MatterRow.search_key),
    ),
}


def _filtered(listing: Listing, today: date, text: str, filters: dict[str, Any] | None = None) -> Select[Any]:
    query = listing.query()
    scope = listing.scope(today)
    if scope is not None:
        query = query.where(scope)
    conditions = listing.filters()
    for name, value in (filters or {}).items():
        if value is not None:
            query = query.where(conditions[name](value))
    for word in search_fold(text).split():  # the stored keys are folded the same way (db.models.SEARCHED)
        query = query.where(or_(*(column.contains(word, autoescape=True) for column in listing.search())))
    return query


def list_ids(store: Store, key: str, sort: str | None = None, descending: bool | None = None, text: str = "",
             filters: dict[str, Any] | None = None) -> list[int]:
    """Ids of the matching records in display order (sorted and filtered by the database).

    `filters` narrows by the listing's named conditions (a None value means any).
    """
    listing = LISTINGS[key]
    sort = sort or listing.spec.default_sort
    descending = listing.spec.default_descending if descending is None else descending
    query = _filtered(listing, store.clock.today(), text, filters)
    index = [c.key for c in listing.spec.columns].index(sort) + 1
    sort_column = list(query.selected_columns)[index]
    id_column = list(query.selected_columns)[0]
    order = (sort_column.desc(), id_column.desc()) if descending else (sort_column.asc(), id_column.asc())
    query = query.with_only_columns(id_column, maintain_column_froms=True).order_by(*order)
    with store.read() as session:
        return list(session.execute(query).scalars())


def fetch_rows(store: Store, key: str, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """The display values of the given records, keyed by id (one value per column)."""
    listing = LISTINGS[key]
    query = listing.query()
    id_column = list(query.selected_columns)[0]
    with store.read() as session:
        rows = session.execute(query.where(id_column.in_(list(ids)))).all()
    if key == "events":
        return {row[0]: _event_values(tuple(row[1:])) for row in rows}
    return {row[0]: tuple(row[1:]) for row in rows}


def _event_values(values: tuple[Any, ...]) -> tuple[Any, ...]:
    on_date, start_utc, kind, title, matter, location, status, tz = values
    return (on_date, (start_utc, tz) if start_utc else None, kind, title, matter or "", location, status)


@dataclass(frozen=True)
class TimeTotals:
    count: int
    billed_minutes: int
    billable_minutes: int
    amount_cents: int


def time_totals(store: Store, text: str = "", filters: dict[str, Any] | None = None) -> TimeTotals:
    """Totals of exactly the entries the Time tab lists (same text and filters), by the one billing rule."""
    billed = billing_sql.billed_minutes()
    query = _filtered(LISTINGS["time"], store.clock.today(), text, filters).with_only_columns(
        func.count(), func.coalesce(func.sum(billed), 0),
        func.coalesce(func.sum(case((TimeEntryRow.billable == "billable", billed), else_=0)), 0),
        func.coalesce(func.sum(billing_sql.amount_cents()), 0),
        maintain_column_froms=True)
    with store.read() as session:
        count, billed_total, billable_total, amount = session.execute(query).one()
    return TimeTotals(count, billed_total, billable_total, amount)
