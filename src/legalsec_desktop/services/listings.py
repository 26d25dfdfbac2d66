"""Lists behind the tabs: an ordered id list (sorted and filtered in SQL) and typed rows fetched by id."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from types import ModuleType
from typing import Any, cast

from typing_extensions import Unpack
from typing import TypeAlias

from sqlalchemy import ColumnElement, RowMapping, Select, SQLColumnExpression, and_, case, func, literal, or_, select
from sqlalchemy.orm import aliased

from legalsec_desktop.db.file_room_models import StorageLocationRow
from legalsec_desktop.db.models import (
    ContactAliasRow,
    ContactRow,
    EventRow,
    FileRecordRow,
    MatterRow,
    TimekeeperRow,
    TimeEntryRow,
)
from legalsec_desktop.db.sql import joined_distinct
from legalsec_desktop.db.store import Store
from legalsec_desktop.domain.file_room import MEDIA, SEPARATOR, STATUSES
from legalsec_desktop.domain.names import search_fold
from legalsec_desktop.services import billing_sql, communication_listing, document_listing
from legalsec_desktop.services.calendar import event_conditions
from legalsec_desktop.services.columns import COLUMNS, ListingColumns
from legalsec_desktop.services.rows import (
    ROW_TYPES,
    CommunicationFilters,
    DocumentFilters,
    EventFilters,
    EventListRow,
    FileFilters,
    FileListRow,
    ListFilters,
    ListRow,
    MatterFilters,
    TimeFilters,
    ZonedTime,
)

AnySelect: TypeAlias = "Select[Unpack[tuple[Any, ...]]]"
Conditions = list[ColumnElement[bool]]


def _no_conditions(_filters: Any, _today: date) -> Conditions:
    return []


@dataclass(frozen=True)
class Listing:
    """How to list one kind of record: its columns, its row type, and the query behind them."""

    spec: ListingColumns
    # The id, then one expression labelled by each column key (the row's fields), then anything else a row needs;
    # built for a day (today, from the store's clock), for the listings whose rows depend on it (a file overdue).
    query: Callable[[date], AnySelect]
    search: Callable[[], Sequence[SQLColumnExpression[Any]]]  # folded search keys (and lower-case initials)
    scope: Callable[[date], ColumnElement[bool] | None] = lambda today: None  # which rows exist, as of today
    filters: type[ListFilters] | None = None  # the listing's filter object, if it has one
    conditions: Callable[[Any, date], Conditions] = _no_conditions  # a filter object, today -> SQL conditions
    make_row: Callable[[RowMapping], ListRow] | None = None  # default: the row type's fields, by label
    # A sort column that needs others with it (a date, then its time): column key -> the keys sorted on, in order;
    # blank values come first (an all-day item before the timed ones of its day, as the docket has them).
    sort_with: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _matter_query() -> AnySelect:
    lawyer = aliased(TimekeeperRow)
    return (
        select(
            MatterRow.id,
            MatterRow.number.label("number"),
            MatterRow.title.label("title"),
            ContactRow.name.label("client"),
            MatterRow.status.label("status"),
            lawyer.initials.label("attorney"),
            MatterRow.practice_area.label("practice_area"),
            MatterRow.court.label("court"),
            MatterRow.case_number.label("case_number"),
            MatterRow.opened_on.label("opened_on"),
        )
        .outerjoin(ContactRow, ContactRow.id == MatterRow.client_id)
        .outerjoin(lawyer, lawyer.id == MatterRow.responsible_attorney_id)
    )


def _matter_conditions(filters: MatterFilters) -> Conditions:
    found: Conditions = []
    if filters.status is not None:
        found.append(MatterRow.status == filters.status)
    if filters.attorney_id is not None:
        found.append(MatterRow.responsible_attorney_id == filters.attorney_id)
    if filters.practice_area is not None:
        found.append(MatterRow.practice_area == filters.practice_area)
    return found


def _contact_aliases(column: SQLColumnExpression[str]) -> ColumnElement[str]:
    """A contact's aliases' `column`, joined: a subquery per row, so the list needs no GROUP BY (which kept its id
    query from the sort_name index and sorted every contact) and an id list that neither shows nor searches
    aliases never reads them."""
    return (select(joined_distinct(column)).where(ContactAliasRow.contact_id == ContactRow.id)
            .correlate(ContactRow).scalar_subquery())


def _contact_query() -> AnySelect:
    kind = case((ContactRow.is_client, "client"), (ContactRow.is_organization, "organisation"), else_="person")
    return select(ContactRow.id, ContactRow.sort_name.label("sort_name"), kind.label("kind"),
                  ContactRow.phone.label("phone"), ContactRow.email.label("email"),
                  _contact_aliases(ContactAliasRow.alias).label("aliases"))


def _event_query() -> AnySelect:
    return select(
        EventRow.id,
        EventRow.on_date.label("on_date"),
        EventRow.start_utc.label("start"),  # sorted by the instant; shown in its zone (tz, below)
        EventRow.kind.label("kind"),
        EventRow.title.label("title"),
        MatterRow.number.label("matter"),
        EventRow.location.label("location"),
        EventRow.status.label("status"),
        EventRow.tz.label("tz"),
    ).outerjoin(MatterRow, MatterRow.id == EventRow.matter_id)


def _event_row(row: RowMapping) -> EventListRow:
    start = ZonedTime(row["start"], row["tz"]) if row["start"] else None
    return EventListRow(row["on_date"], start, row["kind"], row["title"], row["matter"] or "", row["location"],
                        row["status"])


def _client_of(matter_id: SQLColumnExpression[int]) -> ColumnElement[bool]:
    """How a record's matter's client is joined: through the record's own matter_id, not matter.client_id, so that
    SQLite leaves both the matter and the client out of an id list that neither sorts nor filters by them (joined
    through the matter's column, the matter was looked up for every row: 40 % of the file room's list by label)."""
    client_matter = aliased(MatterRow)
    return ContactRow.id == select(client_matter.client_id).where(client_matter.id == matter_id).scalar_subquery()


def _time_query() -> AnySelect:
    return (
        select(
            TimeEntryRow.id,
            TimeEntryRow.entry_date.label("entry_date"),
            TimekeeperRow.initials.label("timekeeper"),
            MatterRow.number.label("matter"),
            billing_sql.billed_minutes().label("minutes"),  # shown, sorted and totalled by the one billing rule
            TimeEntryRow.rate_cents.label("rate_cents"),
            billing_sql.amount_cents().label("amount"),
            TimeEntryRow.billable.label("billable"),
            TimeEntryRow.status.label("status"),
            TimeEntryRow.task_code.label("task_code"),
            TimeEntryRow.activity_code.label("activity_code"),
            TimeEntryRow.narrative.label("narrative"),
        )
        .outerjoin(TimekeeperRow, TimekeeperRow.id == TimeEntryRow.timekeeper_id)
        .outerjoin(MatterRow, MatterRow.id == TimeEntryRow.matter_id)
        .outerjoin_from(TimeEntryRow, ContactRow, _client_of(TimeEntryRow.matter_id))
    )


def _time_conditions(filters: TimeFilters) -> Conditions:
    found: Conditions = []
    if filters.first is not None:
        found.append(TimeEntryRow.entry_date >= filters.first)
    if filters.last is not None:
        found.append(TimeEntryRow.entry_date <= filters.last)
    if filters.timekeeper_id is not None:
        found.append(TimeEntryRow.timekeeper_id == filters.timekeeper_id)
    if filters.matter_id is not None:
        found.append(TimeEntryRow.matter_id == filters.matter_id)
    if filters.billable is not None:
        found.append(TimeEntryRow.billable == filters.billable)
    return found


def _volumes() -> ModuleType:
    """services.volumes, imported when the Files tab first lists (it loads the conflict matcher and python-docx
    through services.conflicts: 90 ms that no other tab needs)."""
    from legalsec_desktop.services import volumes

    return volumes


def _file_status(today: date) -> ColumnElement[str]:
    """A volume's status key (domain.file_room.STATUSES) as of `today`, in SQL, like domain.file_room.status_of."""
    Here = _volumes().Here  # noqa: N806 - the current place, joined under the name services.volumes uses
    return case(
        (FileRecordRow.destroyed_at.is_not(None), "destroyed"),
        (and_(FileRecordRow.out_to != "", FileRecordRow.due_back_on < today), "overdue"),
        (FileRecordRow.out_to != "", "out"),
        (FileRecordRow.location_id.is_(None), "unplaced"),
        (Here.offsite.is_(True), "in_storage"),
        else_="in_place",
    )


def _file_query(today: date) -> AnySelect:
    Here = _volumes().Here  # noqa: N806
    status = _file_status(today)
    where = case((FileRecordRow.destroyed_at.is_not(None), "Destroyed"),
                 (FileRecordRow.out_to != "", literal("Out: ") + FileRecordRow.out_to),
                 else_=func.coalesce(Here.path, "No location"))
    # Sorted by the status's place in STATUSES (destroyed, overdue, out, in storage, in place, no location).
    rank = case(*((status == key, index) for index, key in enumerate(STATUSES)), else_=len(STATUSES))
    return (
        select(
            FileRecordRow.id,
            FileRecordRow.barcode.label("barcode"),
            FileRecordRow.label.label("label"),
            MatterRow.number.label("matter"),
            func.coalesce(ContactRow.name, "").label("client"),
            FileRecordRow.medium.label("medium"),
            where.label("where"),
            status.label("status"),
            rank.label("status_rank"),
            (FileRecordRow.hold_reason != "").label("on_hold"),
            FileRecordRow.due_back_on.label("due_back_on"),
            FileRecordRow.destroy_after.label("destroy_after"),
        )
        # Every file has a matter (NOT NULL, a foreign key): outer joins give the same rows, and let SQLite leave
        # the matter and its client out of an id list that neither sorts nor filters by them (see _client_of).
        .outerjoin(MatterRow, MatterRow.id == FileRecordRow.matter_id)
        .outerjoin_from(FileRecordRow, ContactRow, _client_of(FileRecordRow.matter_id))
        .outerjoin(Here, Here.id == FileRecordRow.location_id)
    )


def _file_row(row: RowMapping) -> FileListRow:
    return FileListRow(barcode=row["barcode"], label=row["label"], matter=row["matter"], client=row["client"],
                       status=STATUSES.get(row["status"], row["status"]) + (" · on hold" if row["on_hold"] else ""),
                       where=row["where"],
                       due_back_on=row["due_back_on"], destroy_after=row["destroy_after"],
                       medium=MEDIA.get(row["medium"], row["medium"]))


def _file_conditions(filters: FileFilters, today: date) -> Conditions:
    found: Conditions = []
    if filters.matter_id is not None:
        found.append(FileRecordRow.matter_id == filters.matter_id)
    volumes = _volumes()
    Here = volumes.Here  # noqa: N806
    if filters.location_id is not None:
        # The place and every place inside it: their paths start with its path and the separator. substr, not LIKE,
        # so a '%' or '_' in a place's name is only itself.
        key = select(StorageLocationRow.path_key).where(StorageLocationRow.id == filters.location_id).scalar_subquery()
        inside = func.substr(Here.path_key, 1, func.length(key) + len(SEPARATOR)) == key + SEPARATOR
        found.append(or_(FileRecordRow.location_id == filters.location_id, inside))
    if filters.status is not None:
        found.append(volumes.status_condition(filters.status, today))
    return found


def _any_day(query: Callable[[], AnySelect]) -> Callable[[date], AnySelect]:
    """A listing's query that does not depend on the day."""
    return lambda _today: query()


def _plain(conditions: Callable[[Any], Conditions]) -> Callable[[Any, date], Conditions]:
    """A listing's filter conditions that do not depend on the day."""
    return lambda filters, _today: conditions(filters)


LISTINGS: dict[str, Listing] = {
    "matters": Listing(
        COLUMNS["matters"], _any_day(_matter_query),
        lambda: (MatterRow.search_key, ContactRow.search_key),
        filters=MatterFilters, conditions=_plain(_matter_conditions),
    ),
    "contacts": Listing(
        COLUMNS["contacts"], _any_day(_contact_query),
        lambda: (ContactRow.search_key, _contact_aliases(ContactAliasRow.search_key)),
        lambda _today: ContactRow.deleted_at.is_(None),
    ),
    "events": Listing(
        COLUMNS["events"], _any_day(_event_query),
        lambda: (EventRow.search_key, MatterRow.search_key),
        lambda today: and_(EventRow.on_date >= today, EventRow.deleted_at.is_(None)),
        filters=EventFilters, conditions=_plain(event_conditions), make_row=_event_row,
        # By day, all-day items first, then by the time (the instant), then by title; the Time column too.
        sort_with={"on_date": ("on_date", "start", "title"), "start": ("on_date", "start", "title")},
    ),
    "communications": Listing(
        COLUMNS["communications"], communication_listing.communication_query,
        communication_listing.communication_search, lambda _today: communication_listing.communication_scope(),
        filters=CommunicationFilters, conditions=_plain(communication_listing.communication_conditions),
        make_row=communication_listing.communication_row,
    ),
    "time": Listing(
        COLUMNS["time"], _any_day(_time_query),
        # Initials are A-Z only (domain.firm checks), so lower() folds them completely, on any database.
        lambda: (TimeEntryRow.search_key, MatterRow.search_key, func.lower(TimekeeperRow.initials)),
        filters=TimeFilters, conditions=_plain(_time_conditions),
    ),
    "files": Listing(
        COLUMNS["files"], _file_query,
        # The filter box finds a file by its id, label and who has it, its matter, client and place.
        lambda: (FileRecordRow.search_key, MatterRow.search_key, ContactRow.search_key, _volumes().Here.search_key),
        filters=FileFilters, conditions=_file_conditions, make_row=_file_row,
        sort_with={"status": ("status_rank", "barcode")},
    ),
    "documents": Listing(
        COLUMNS["documents"], _any_day(document_listing.document_query), document_listing.document_search,
        lambda _today: document_listing.document_scope(),
        filters=DocumentFilters, conditions=_plain(document_listing.document_conditions),
        make_row=document_listing.document_row,
        sort_with={"doc_date": ("doc_date", "title")},
    ),
}


def _filtered(listing: Listing, today: date, text: str, filters: ListFilters | None = None) -> AnySelect:
    query = listing.query(today)
    scope = listing.scope(today)
    if scope is not None:
        query = query.where(scope)
    if filters is not None:
        if listing.filters is None or not isinstance(filters, listing.filters):
            raise TypeError(f"{type(filters).__name__} does not filter this listing")
        for condition in listing.conditions(filters, today):
            query = query.where(condition)
    for word in search_fold(text).split():  # the stored keys are folded the same way (db.models.SEARCHED)
        query = query.where(or_(*(column.contains(word, autoescape=True) for column in listing.search())))
    return query


def list_ids(store: Store, key: str, sort: str | None = None, descending: bool | None = None, text: str = "",
             filters: ListFilters | None = None, limit: int | None = None) -> list[int]:
    """Ids of the matching records in display order (sorted and filtered by the database); the first `limit`.

    `filters` is the listing's filter object (services.rows); None, like a field left at its default, means any.
    """
    listing = LISTINGS[key]
    sort = sort or listing.spec.default_sort
    descending = listing.spec.default_descending if descending is None else descending
    query = _filtered(listing, store.clock.today(), text, filters)
    id_column = query.selected_columns["id"]
    keys: list[ColumnElement[Any]] = []
    for name in listing.sort_with.get(sort, ()):
        column = query.selected_columns[name]
        keys += [case((column.is_(None), 0), else_=1), column]  # blank first, on every database
    keys = keys or [query.selected_columns[sort]]
    order = [key.desc() if descending else key.asc() for key in (*keys, id_column)]
    query = query.with_only_columns(id_column, maintain_column_froms=True).order_by(*order)
    if limit is not None:
        query = query.limit(limit)
    # Through the connection (the ORM's result handling tripled the time for 20,000), the ids read from the
    # driver's cursor: SQLAlchemy's row handling doubled the time of a 50,000-file list (ids need none). Iterated,
    # not fetched all at once: each row's tuple is freed as its id is taken (12 % faster for 80,000 contacts).
    with store.read() as session:
        result = session.connection().execute(query)
        try:
            return [row[0] for row in cast(Iterable[Sequence[Any]], result.cursor)]
        finally:
            result.close()


def _row_maker(listing: Listing, key: str) -> Callable[[RowMapping], ListRow]:
    if listing.make_row is not None:
        return listing.make_row
    row_type = ROW_TYPES[key]
    names = [f.name for f in fields(row_type)]
    return lambda row: row_type(**{name: row[name] for name in names})


def fetch_rows(store: Store, key: str, ids: Sequence[int]) -> dict[int, ListRow]:
    """The rows of the given records, keyed by id (each row's fields are named by the listing's column keys)."""
    listing = LISTINGS[key]
    query = listing.query(store.clock.today())
    make = _row_maker(listing, key)
    with store.read() as session:
        found = session.execute(query.where(query.selected_columns["id"].in_(list(ids)))).mappings().all()
    return {row["id"]: make(row) for row in found}


@dataclass(frozen=True)
class TimeTotals:
    count: int
    billed_minutes: int
    billable_minutes: int
    amount_cents: int


def time_totals(store: Store, text: str = "", filters: TimeFilters | None = None) -> TimeTotals:
    """Totals of exactly the entries the Time tab lists (same text and filters), by the one billing rule."""
    billed = billing_sql.billed_minutes()
    query = _filtered(LISTINGS["time"], store.clock.today(), text, filters).with_only_columns(
        func.count().label("count"), func.coalesce(func.sum(billed), 0).label("billed"),
        func.coalesce(func.sum(case((TimeEntryRow.billable == "billable", billed), else_=0)), 0).label("billable"),
        func.coalesce(func.sum(billing_sql.amount_cents()), 0).label("amount"),
        maintain_column_froms=True)
    with store.read() as session:
        totals = session.execute(query).mappings().one()
    return TimeTotals(totals["count"], totals["billed"], totals["billable"], totals["amount"])
