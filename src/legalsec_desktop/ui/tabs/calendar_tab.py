"""The Calendar tab: hearings, deadlines and appointments from today on, soonest first."""

from legalsec_desktop.ui.tabs.list_tab import TabSpec

SPEC = TabSpec(
    listing="events",
    title="Calendar",
    icon="calendar",
    empty_title="Nothing on the calendar from today on",
    empty_text=(
        "Hearings, deadlines and appointments appear here, soonest first. Calendar entries belong to a matter: "
        "open the matter first on the Matters tab."
    ),
    noun="event",
    nouns="events",
)
