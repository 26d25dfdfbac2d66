"""The change notice: views refresh on the kinds they show, and ALL reaches every view."""

from legalsec_desktop.services.changes import Changed


def test_a_notice_touches_the_kinds_it_names_and_no_others():
    notice = Changed.EVENTS | Changed.TIME
    assert notice.touches(Changed.TIME)
    assert notice.touches(Changed.MATTERS | Changed.EVENTS)
    assert not notice.touches(Changed.CONTACTS | Changed.TIMERS)
    assert not Changed.NOTHING.touches(Changed.ALL)


def test_all_touches_every_kind():
    for kind in Changed:
        if kind is not Changed.NOTHING:
            assert Changed.ALL.touches(kind), kind
