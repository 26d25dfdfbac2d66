"""The Files tab: the index of paper and digital client files."""

from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.list_tab import TabSpec

SPEC = TabSpec(
    listing="files",
    title="Files",
    icon="files",
    empty_title="No files indexed yet",
    empty_text=(
        "The index of paper folders and digital files, with where each one is kept. "
        "Files belong to a matter: open the matter first on the Matters tab."
    ),
    noun="file",
    nouns="files",
    shows=Changed.FILES | Changed.MATTERS,
)
