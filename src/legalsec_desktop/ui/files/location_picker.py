"""A picker of the firm's places by path ("Main office ▸ Cabinet A ▸ Drawer 2"), with a button to add one."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLineEdit, QPushButton, QWidget

from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.fields import choose_typed, fill_combo, line_edit, searchable_combo


class LocationPicker(QWidget):
    """An editable combo of every place (data: its id), found by any part of its path; 'New Location…' beside it."""

    def __init__(self, state: AppState, blank: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.blank = state, blank
        self.combo = searchable_combo(30)
        self.combo.setObjectName("locationPicker")
        line_edit(self.combo).setPlaceholderText(self.tr("Type part of the place's name"))
        self.new_button = QPushButton(self.tr("New Location…"))
        self.new_button.setObjectName("newLocation")
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.ask_new)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.new_button)
        self.setFocusProxy(self.combo)

    def fill(self, chosen: int | None = None) -> None:
        """Read the places again and choose `chosen` (None: the blank item, or the first place when none)."""
        from legalsec_desktop.services import locations

        places = [(p.id, p.path) for p in locations.all_locations(self.state.require_store())]
        items: list[tuple[object, str]] = [(None, self.blank)] if self.blank or not places else []
        fill_combo(self.combo, [*items, *places], chosen)
        if chosen is None and not self.blank and places:
            self.combo.setCurrentIndex(-1)  # a place to move to is chosen, never taken by default
            self.combo.setEditText("")

    def location_id(self, field: str = "location", required: bool = True) -> int | None:
        """The chosen place's id; ValidationError(field) when the text names none (or is blank and required)."""
        typed = self.combo.currentText().strip()
        if not typed or typed == self.blank:
            if required:
                raise ValidationError(field, "Choose the place, or add it with New Location….")
            return None
        if not choose_typed(self.combo) or self.combo.currentData() is None:
            raise ValidationError(field, f"No single place matches “{typed}”: type more of its path, pick it from the "
                                         "list, or add it with New Location….")
        place_id: int = self.combo.currentData()
        return place_id

    def ask_new(self) -> None:
        """Ask for a whole path ("Storage Co. > Box 12") and make the places missing from it; choose it."""
        from legalsec_desktop.services import locations

        typed = self.combo.currentText().strip()
        text, ok = QInputDialog.getText(
            self, self.tr("New Location"),
            self.tr("The place from the top, each level separated by '>'\n(like Main office > Cabinet A > Drawer 2):"),
            QLineEdit.EchoMode.Normal, typed if self.combo.findText(typed) < 0 else "")
        if not ok or not text.strip():
            return
        try:
            place_id = locations.add_path(self.state.require_store(), text)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Location not added"))
            return
        self.state.data_changed.emit(Changed.FILES)
        self.fill(place_id)
