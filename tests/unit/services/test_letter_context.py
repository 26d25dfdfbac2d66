"""A letter's context: plain data read for a matter, recipient and signer, the typed answers printed as a letter
prints them, today and the upcoming dates by the store's clock, and never a None."""

from datetime import date, datetime, time

import pytest

from legalsec_desktop.clock import Clock
from legalsec_desktop.db.models import ContactRow, FirmRow, MatterRow, PartyRow, TimekeeperRow
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.events import EventDraft
from legalsec_desktop.domain.letter_asks import Ask
from legalsec_desktop.domain.letter_fields import EVENT, FIELDS, MATTER, PERSON, ROLE_KEYS, SIGNER, known_field
from legalsec_desktop.services.calendar import delete_event, save_event
from legalsec_desktop.services.letter_context import SignerNeeded, letter_context

TODAY = date(2026, 11, 23)  # the pinned clock's day (tests/conftest.py)


@pytest.fixture
def practice(store):
    """A firm, two attorneys, and matter 2026-0001 with its client, opposing counsel (no address) and a judge."""
    with store.write() as session:
        session.add(FirmRow(id=1, name="Holloway & Chen LLP", address="455 Market St, Suite 1200\n\n"
                            "San Francisco, CA 94105", phone="(415) 555-0142", fax="", email=" office@hc.example "))
        mary = TimekeeperRow(name="Mary A. Hale", initials="MAH", title="Partner", bar_number="214365")
        ken = TimekeeperRow(name="Ken Ito", initials="KI")
        client = ContactRow(name="Ana Rivera", sort_name="Rivera, Ana", courtesy_title="Ms.", is_client=True,
                            address="12 Oak Lane\nSpringfield, IL 62701", email="ana@example.com")
        counsel = ContactRow(name="Paul Okafor, Jr.", sort_name="Okafor, Paul", courtesy_title="Mr.",
                             organization="Okafor & Lee LLP", address="")
        court = ContactRow(name="Superior Court of California", sort_name="Superior Court", is_organization=True,
                           address="400 McAllister St\nSan Francisco, CA 94102")
        session.add_all([mary, ken, client, counsel, court])
        session.flush()
        matter = MatterRow(number="2026-0001", title="Rivera v. Okafor", caption="ANA RIVERA, Plaintiff,\nv.\n"
                           "PAUL OKAFOR, Defendant.", client_id=client.id, court="Superior Court",
                           case_number="CGC-26-601234", judge="Hon. Ruth Diaz", jurisdiction="CA",
                           responsible_attorney_id=mary.id, opened_on=date(2026, 2, 2))
        bare = MatterRow(number="2026-0002", title="Rivera: estate plan", client_id=client.id,
                         opened_on=date(2026, 3, 1))
        session.add_all([matter, bare])
        session.flush()
        session.add_all([PartyRow(matter_id=matter.id, contact_id=client.id, role="client"),
                         PartyRow(matter_id=matter.id, contact_id=counsel.id, role="opposing counsel"),
                         PartyRow(matter_id=matter.id, contact_id=court.id, role="court")])
        ids = dict(matter=matter.id, bare=bare.id, client=client.id, counsel=counsel.id, court=court.id,
                   mary=mary.id, ken=ken.id)
    return ids


def nones(value, where="context"):
    """The places in `value` that hold something other than text, lists and dicts of text."""
    if isinstance(value, dict):
        return [spot for key, item in value.items() for spot in nones(item, f"{where}.{key}")]
    if isinstance(value, list):
        return [spot for index, item in enumerate(value) for spot in nones(item, f"{where}[{index}]")]
    return [] if isinstance(value, str) else [where]


def test_the_context_holds_exactly_the_catalogued_fields_as_plain_text(store, practice):
    data = letter_context(store, practice["matter"], practice["client"])
    context = data.context
    assert set(context) == set(FIELDS) | {"roles", "ask"}
    assert set(context["matter"]) == set(MATTER) and set(context["signer"]) == set(SIGNER)
    for person in (context["client"], context["recipient"], *context["parties"]):
        assert set(person) == set(PERSON)
    assert set(context["roles"]) == set(ROLE_KEYS.values())
    assert nones(context) == []
    assert context["firm"] == {"name": "Holloway & Chen LLP", "address": "455 Market St, Suite 1200\n"
                               "San Francisco, CA 94105", "phone": "(415) 555-0142", "fax": "",
                               "email": "office@hc.example"}
    assert context["matter"]["number"] == "2026-0001" and context["matter"]["opened"] == "February 2, 2026"
    assert context["matter"]["responsible_attorney"] == "Mary A. Hale" and context["matter"]["rules"] == "CA"
    assert context["today"] == "November 23, 2026"
    assert context["recipient"]["salutation"] == "Dear Ms. Rivera:" and context["recipient"]["role"] == "client"
    assert context["recipient"]["salutation_name"] == "Ms. Rivera"
    assert context["recipient"]["address_block"] == "Ana Rivera\n12 Oak Lane\nSpringfield, IL 62701"
    assert context["signer"] == {"name": "Mary A. Hale", "title": "Partner", "bar_number": "214365",
                                 "initials": "MAH"}
    assert data.warnings == ()


def test_parties_and_roles_in_order(store, practice):
    context = letter_context(store, practice["matter"], practice["court"]).context
    assert [(p["name"], p["role"]) for p in context["parties"]] == [
        ("Ana Rivera", "client"), ("Paul Okafor, Jr.", "opposing counsel"), ("Superior Court of California", "court")]
    counsel = context["roles"]["opposing_counsel"][0]
    assert counsel["organization"] == "Okafor & Lee LLP" and counsel["salutation"] == "Dear Mr. Okafor:"
    assert context["roles"]["witness"] == []
    assert context["recipient"]["role"] == "court" and context["recipient"]["salutation"] == "Dear Sir or Madam:"
    assert context["recipient"]["salutation_name"] == "Sir or Madam"
    assert (context["recipient"]["first_name"], context["recipient"]["last_name"]) == ("", "")


def test_any_contact_can_receive_a_letter_and_none_means_the_client(store, practice):
    other = letter_context(store, practice["bare"], practice["counsel"], signer_id=practice["ken"]).context
    assert other["recipient"]["name"] == "Paul Okafor, Jr." and other["recipient"]["role"] == ""
    assert other["parties"] == [] and other["matter"]["case_number"] == ""
    assert letter_context(store, practice["matter"], None).context["recipient"]["name"] == "Ana Rivera"


def test_a_recipient_without_an_address_is_warned_of_and_takes_a_typed_one(store, practice):
    data = letter_context(store, practice["matter"], practice["counsel"])
    assert data.warnings == ("Paul Okafor, Jr. has no address: type one before printing.",)
    assert data.context["recipient"]["address_block"] == "Paul Okafor, Jr.\nOkafor & Lee LLP"
    assert data.context["recipient"]["address"] == ""
    typed = letter_context(store, practice["matter"], practice["counsel"], address="1 Main St\n  \nBoston, MA 02108")
    assert typed.warnings == ()
    assert typed.context["recipient"]["address_block"] == ("Paul Okafor, Jr.\nOkafor & Lee LLP\n1 Main St\n"
                                                           "Boston, MA 02108")


def test_the_signer_is_the_responsible_attorney_unless_chosen_and_is_asked_for_when_there_is_none(store, practice):
    assert letter_context(store, practice["matter"], None, signer_id=practice["ken"]).context["signer"] == {
        "name": "Ken Ito", "title": "", "bar_number": "", "initials": "KI"}
    with pytest.raises(SignerNeeded) as raised:
        letter_context(store, practice["bare"], None)
    assert raised.value.field == "signer" and "responsible attorney" in raised.value.message
    assert isinstance(raised.value, ValidationError)
    with pytest.raises(ValidationError, match="no longer exists") as gone:
        letter_context(store, practice["bare"], None, signer_id=9999)
    assert gone.value.field == "signer"


def test_missing_matter_or_recipient_is_said_in_words(store, practice):
    with pytest.raises(ValidationError, match="matter no longer exists"):
        letter_context(store, 9999, None)
    with pytest.raises(ValidationError, match="choose another recipient") as raised:
        letter_context(store, practice["matter"], 9999)
    assert raised.value.field == "recipient"


def test_answers_are_printed_as_a_letter_prints_them_and_errors_name_the_ask(store, practice):
    asks = [Ask("hearing", "date", "Hearing date"), Ask("fee", "amount"), Ask("how", "choice", "", ("Mail", "Fax")),
            Ask("note")]
    answers = {"hearing": "12/3/2026", "fee": "1500", "how": "Fax", "note": "  bring   the file ", "extra": "x"}
    context = letter_context(store, practice["matter"], None, answers=answers, asks=asks).context
    assert context["ask"] == {"hearing": "December 3, 2026", "fee": "$1,500.00", "how": "Fax", "note": "bring the file"}
    with pytest.raises(ValidationError) as raised:
        letter_context(store, practice["matter"], None, answers={**answers, "fee": "lots"}, asks=asks)
    assert raised.value.field == "fee"
    with pytest.raises(ValidationError) as blank:
        letter_context(store, practice["matter"], None, answers={}, asks=asks[:1])
    assert blank.value.field == "hearing" and "Hearing date" in blank.value.message


def event(matter_id, kind, day, title, **more):
    return EventDraft(matter_id, kind, title, day, **more)


def test_upcoming_events_and_deadlines_from_today_soonest_first_at_most_ten(store, practice):
    matter = practice["matter"]
    save_event(store, event(matter, "hearing", date(2026, 11, 20), "Past hearing"))
    save_event(store, event(matter, "hearing", date(2026, 12, 3), "Hearing on motion", all_day=False,
                            start=time(9, 30), end=time(10, 30), tz="America/Los_Angeles", location="Dept. 302"))
    for day in range(1, 13):
        save_event(store, event(matter, "meeting", date(2027, 1, day), f"Meeting {day}"))
    save_event(store, event(matter, "reminder", date(2026, 11, 25), "Call the court reporter"))
    save_event(store, event(matter, "response deadline", date(2026, 12, 14), "Answer due"))
    save_event(store, event(matter, "filing deadline", date(2026, 11, 23), "File the brief"))
    save_event(store, event(matter, "hearing", date(2026, 11, 24), "Vacated hearing", status="vacated"))
    gone = save_event(store, event(matter, "trial", date(2026, 11, 30), "Deleted trial"))
    delete_event(store, gone)
    save_event(store, event(practice["bare"], "hearing", date(2026, 12, 1), "Another matter's hearing"))
    context = letter_context(store, matter, None).context
    events, deadlines = context["events"], context["deadlines"]
    assert events[0] == {"date": "December 3, 2026", "time": "9:30 AM", "title": "Hearing on motion",
                         "kind": "hearing", "location": "Dept. 302"}
    assert [e["title"] for e in events[1:]] == [f"Meeting {day}" for day in range(1, 10)]
    assert [(d["date"], d["title"], d["time"]) for d in deadlines] == [("November 23, 2026", "File the brief", ""),
                                                                       ("December 14, 2026", "Answer due", "")]
    assert all(set(item) == set(EVENT) for item in events + deadlines)


def test_today_comes_from_the_stores_clock(store, practice):
    save_event(store, event(practice["matter"], "hearing", date(2026, 12, 3), "Hearing on motion"))
    store.clock = Clock(fixed=datetime(2027, 1, 5, 8, 0))
    context = letter_context(store, practice["matter"], None).context
    assert context["today"] == "January 5, 2027" and context["events"] == []


def test_every_field_of_the_catalogue_is_in_the_context(store, practice):
    context = letter_context(store, practice["matter"], practice["client"]).context
    for head, shape in FIELDS.items():
        assert head in context and known_field(head)
        if isinstance(shape, dict):
            assert set(context[head]) == set(shape)
