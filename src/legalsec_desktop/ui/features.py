"""The registry: which features the window has, in tab order, and the few places where two of them meet.

A new feature is a package under ui/ with a Feature subclass; it is added here and nowhere else."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from legalsec_desktop.ui.calendar.calendar_feature import CalendarFeature
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.feature import Feature, Shell
from legalsec_desktop.ui.correspondence.correspondence_feature import CorrespondenceFeature
from legalsec_desktop.ui.files.files_feature import FilesFeature
from legalsec_desktop.ui.maintenance.maintenance_feature import MaintenanceFeature
from legalsec_desktop.ui.matters.matters_feature import MattersFeature
from legalsec_desktop.ui.search.search_feature import SearchFeature
from legalsec_desktop.ui.settings.settings_feature import SettingsFeature
from legalsec_desktop.ui.time.time_feature import TimeFeature


def build_features(state: AppState, undo_stack: QUndoStack, shell: Shell) -> list[Feature]:
    """Every feature of the window; those with a tab come in the order of the tabs."""
    calendar = CalendarFeature(state, undo_stack, shell)
    matters = MattersFeature(state, undo_stack, shell)
    correspondence = CorrespondenceFeature(state, undo_stack, shell)
    time = TimeFeature(state, undo_stack, shell)
    files = FilesFeature(state, undo_stack, shell)
    search = SearchFeature(state, undo_stack, shell)
    features: list[Feature] = [calendar, matters, correspondence, time, files,
                               MaintenanceFeature(state, undo_stack, shell), SettingsFeature(state, undo_stack, shell),
                               search]
    # Where features meet: actions that default to the matter selected on the Matters tab ...
    for feature in features:
        if feature is not matters:
            feature.selected_matter = matters.selected_matter
    # ... and a matter's overview logging a call or opening a log entry of the Correspondence feature.
    matters.log_requested.connect(correspondence.log)
    matters.log_edit_requested.connect(correspondence.edit_entry)
    # ... or a letter drafted on a matter (its overview), or offered (a declined check, a closed matter).
    matters.letter_requested.connect(lambda matter_id, contact_id: correspondence.new_letter(matter_id, None,
                                                                                            contact_id))
    correspondence.selected_party = matters.party_shown  # Ctrl+Shift+L on a matter's Parties page
    state.letter_offered.connect(correspondence.offer_letter)
    # ... and a hit of the search opening a log entry, or a contact.
    search.log_entry_requested.connect(correspondence.edit_entry)
    search.contact_requested.connect(matters.open_contact)
    return features
