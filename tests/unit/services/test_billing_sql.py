"""The billing rule in SQL gives exactly the Python rule's numbers; the Time tab sorts by what it shows."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update

from legalsec_desktop.db.models import ContactRow, FirmRow, MatterRow, TimeEntryRow
from legalsec_desktop.domain.time_entries import effective_increment, entry_amount, entry_billed_minutes
from legalsec_desktop.services import billing_sql, listings

ENTRY = st.tuples(st.integers(0, 24 * 60), st.integers(0, 200_000),
                  st.sampled_from(["billable", "no charge", "non-billable"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(ENTRY, min_size=1, max_size=12), firm=st.sampled_from([1, 5, 6, 10, 15]),
       client=st.sampled_from([None, 0, 1, 6, 15, 30]))
def test_the_sql_rule_is_the_python_rule(demo_store, entries, firm, client):
    with demo_store.write() as session:
        matter = session.scalars(select(MatterRow).limit(1)).one()
        session.execute(update(FirmRow).values(billing_increment_minutes=firm))
        session.execute(update(ContactRow).where(ContactRow.id == matter.client_id)
                        .values(billing_increment_minutes=client))
        session.execute(delete(TimeEntryRow).where(TimeEntryRow.matter_id == matter.id))
        keeper = session.scalar(select(TimeEntryRow.timekeeper_id).limit(1))
        for minutes, rate, billable in entries:
            session.add(TimeEntryRow(entry_date=date(2026, 11, 23), timekeeper_id=keeper, matter_id=matter.id,
                                     minutes=max(minutes, 1), rate_cents=rate, billable=billable, status="draft",
                                     narrative="work"))
        session.flush()
        got = session.execute(
            select(TimeEntryRow.minutes, TimeEntryRow.rate_cents, TimeEntryRow.billable,
                   billing_sql.billed_minutes(), billing_sql.amount_cents())
            .join(MatterRow, MatterRow.id == TimeEntryRow.matter_id)
            .outerjoin(ContactRow, ContactRow.id == MatterRow.client_id)
            .where(TimeEntryRow.matter_id == matter.id)).all()
    step = effective_increment(firm, client)
    for minutes, rate, billable, billed, amount in got:
        assert billed == entry_billed_minutes(minutes, step)
        assert amount == entry_amount(minutes, rate, billable, step)


def test_sorting_by_amount_or_hours_follows_what_the_cells_show(demo_store):
    with demo_store.write() as session:  # a client that bills in quarter hours: raw minutes × rate would mis-sort
        client = session.scalar(select(MatterRow.client_id).limit(1))
        session.execute(update(ContactRow).where(ContactRow.id == client).values(billing_increment_minutes=15))
    for column in ("amount", "minutes"):
        ids = listings.list_ids(demo_store, "time", sort=column, descending=False)
        rows = listings.fetch_rows(demo_store, "time", ids)
        shown = [getattr(rows[i], column) for i in ids]
        assert shown == sorted(shown), column


def test_totals_are_the_sum_of_the_cells(demo_store):
    ids = listings.list_ids(demo_store, "time")
    rows = listings.fetch_rows(demo_store, "time", ids)
    totals = listings.time_totals(demo_store)
    assert totals.count == len(ids)
    assert totals.billed_minutes == sum(row.minutes for row in rows.values())
    assert totals.amount_cents == sum(row.amount for row in rows.values())
    assert totals.billable_minutes == sum(row.minutes for row in rows.values() if row.billable == "billable")
