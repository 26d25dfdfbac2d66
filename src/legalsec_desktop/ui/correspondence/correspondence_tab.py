"""The Correspondence tab: letters, e-mails, calls and meetings, newest first."""

from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.list_tab import TabSpec

SPEC = TabSpec(
    listing="communications",
    title="Correspondence",
    icon="correspondence",
    empty_title="No correspondence yet",
    empty_text=(
        "Letters, e-mails, calls and meetings on each matter are logged here, newest first. "
        "Correspondence is kept per matter: open the matter first on the Matters tab."
    ),
    noun="item",
    nouns="items",
    shows=Changed.COMMUNICATIONS | Changed.MATTERS,
)
