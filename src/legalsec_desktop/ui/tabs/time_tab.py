"""The Time tab: time recorded for billing, newest first."""

from legalsec_desktop.ui.tabs.list_tab import TabSpec

SPEC = TabSpec(
    listing="time",
    title="Time",
    icon="time",
    empty_title="No time recorded yet",
    empty_text=(
        "Time entries for billing appear here, newest first, with hours and amounts in the firm's billing "
        "increment. Time is recorded against a matter: open the matter first on the Matters tab."
    ),
    noun="entry",
    nouns="entries",
)
