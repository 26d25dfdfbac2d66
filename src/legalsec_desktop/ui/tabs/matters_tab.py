"""The Matters tab: every case and file the firm has opened."""

from legalsec_desktop.ui.tabs.list_tab import TabSpec

SPEC = TabSpec(
    listing="matters",
    title="Matters",
    icon="matters",
    empty_title="No matters yet",
    empty_text="Every hearing, letter, time entry and file belongs to a matter. Open the first one to begin.",
    action_text="New Matter…",
    noun="matter",
    nouns="matters",
)
