"""The lazy table model passes Qt's model checks and fetches only what is shown."""

from PySide6.QtCore import Qt

from legalsec_desktop.services import listings
from legalsec_desktop.ui.common.record_model import ID_ROLE, SORT_ROLE, RecordTableModel


def make_model(store, key, calls=None):
    listing = listings.LISTINGS[key].spec

    def fetch(ids):
        if calls is not None:
            calls.append(len(ids))
        return listings.fetch_rows(store, key, ids)

    model = RecordTableModel(listing.columns, lambda s, d, t: listings.list_ids(store, key, s, d, t), fetch,
                             listing.default_sort, listing.default_descending)
    model.reload()
    return model


def test_model_passes_qtmodeltester(qtmodeltester, demo_store):
    for key in listings.LISTINGS:
        qtmodeltester.check(make_model(demo_store, key), force_py=True)


def test_rows_are_fetched_a_page_at_a_time(demo_store):
    calls = []
    model = make_model(demo_store, "time", calls)
    assert model.rowCount() == 900 and calls == []
    model.data(model.index(5, 0))
    model.data(model.index(150, 3))
    assert calls == [200]
    model.data(model.index(450, 0))
    assert calls == [200, 200]


def test_display_sort_and_id_roles(demo_store):
    model = make_model(demo_store, "time")
    index = model.index(0, 3)  # hours
    assert isinstance(model.data(index, SORT_ROLE), int)
    assert "." in model.data(index)
    assert model.data(index, Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    assert model.data(model.index(0, 0), ID_ROLE) == model.id_at(0)


def test_sort_and_filter_reload_from_sql(demo_store):
    model = make_model(demo_store, "matters")
    model.sort(0, Qt.SortOrder.AscendingOrder)
    numbers = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert numbers == sorted(numbers)
    model.set_filter(numbers[0])
    assert model.rowCount() >= 1
    assert model.data(model.index(0, 0)) == numbers[0]


def test_cells_are_read_by_column_key_not_position(demo_store):
    """A view may show a listing's columns in any order, or only some: each cell is its row's field by name."""
    spec = listings.LISTINGS["time"].spec
    chosen = [c for c in spec.columns if c.key in ("narrative", "amount", "entry_date")][::-1]
    model = RecordTableModel(chosen, lambda s, d, t: listings.list_ids(demo_store, "time", s, d, t),
                             lambda ids: listings.fetch_rows(demo_store, "time", ids), "entry_date", True)
    model.reload()
    row = listings.fetch_rows(demo_store, "time", [model.id_at(0)])[model.id_at(0)]
    assert [model.data(model.index(0, i), SORT_ROLE) for i in range(len(chosen))] == \
        [getattr(row, c.key) for c in chosen]


def test_event_times_show_in_their_own_zone_and_all_day_says_so(demo_store):
    model = make_model(demo_store, "events")
    column = [c.key for c in model.columns].index("start")
    texts = {model.data(model.index(r, column)) for r in range(min(model.rowCount(), 200))}
    assert "all day" in texts and any(t.endswith(("AM", "PM")) for t in texts)


def test_a_row_deleted_since_the_list_was_read_shows_nothing(demo_store):
    model = RecordTableModel(listings.LISTINGS["files"].spec.columns, lambda s, d, t: [1, 2], lambda ids: {},
                             "label", False)
    model.reload()
    assert model.rowCount() == 2 and model.data(model.index(1, 0)) is None
