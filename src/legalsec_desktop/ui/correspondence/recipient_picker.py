"""Who a letter goes to: a party of the matter (with its role), the clerk of the matter's court, every party of a
role at once, or any other contact found by name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from legalsec_desktop.domain.letters import CLERK_NAME, COURT_CLERK
from legalsec_desktop.ui.common.fields import fill_combo, line_edit, searchable_combo

OTHER = ("other", 0)


class RecipientPicker(QWidget):
    """`chosen()`: ("contact", contact id), ("role", role) for every party of that role, or None."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        # "Every opposing counsel on the matter (2)" or a long name must not widen the dialog's column
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(24)
        self.combo.setObjectName("recipientCombo")
        self.other = searchable_combo(24)
        self.other.setObjectName("otherContact")
        line_edit(self.other).setPlaceholderText(self.tr("Type a contact's name"))
        self.other.hide()
        self.all_contacts: list[tuple[int, str]] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.combo)
        column.addWidget(self.other)
        self.combo.currentIndexChanged.connect(self._combo_changed)
        self.other.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.setFocusProxy(self.combo)

    def fill(self, parties: Sequence, contacts: Sequence[tuple[int, str]], chosen: int | None = None,  # noqa: ANN001
             court: str = "") -> None:
        """`parties`: MatterParty rows (clients first); `contacts`: every contact as (id, name); `court`: the
        matter's court, whose clerk is offered too (a filing's cover letter)."""
        self.all_contacts = list(contacts)
        items: list[tuple[object, str]] = [(("contact", p.contact_id), f"{p.name} — {p.role}") for p in parties]
        if court.strip():
            items.append((("contact", COURT_CLERK), f"{CLERK_NAME} — {' '.join(court.split())}"))
        counts = Counter(p.role for p in parties)
        items += [(("role", role), self.tr("Every %s on the matter (%d)") % (role, count))
                  for role, count in counts.items() if count > 1]
        items.append((OTHER, self.tr("Another contact…")))
        party_ids = {p.contact_id for p in parties} | ({COURT_CLERK} if court.strip() else set())
        if chosen is not None and chosen not in party_ids:
            wanted: object = OTHER
        elif chosen is not None:
            wanted = ("contact", chosen)
        else:  # the client, when there is one
            wanted = items[0][0]
        self.combo.blockSignals(True)
        fill_combo(self.combo, items)
        # findData cannot compare tuples: choose by position
        self.combo.setCurrentIndex(next((i for i, (data, _label) in enumerate(items) if data == wanted), 0))
        self.combo.blockSignals(False)
        fill_combo(self.other, [(None, ""), *self.all_contacts], chosen if wanted == OTHER else None)
        self._combo_changed()

    def _combo_changed(self) -> None:
        self.other.setVisible(self.combo.currentData() == OTHER)
        if self.other.isVisible():
            self.other.setFocus()
        self.changed.emit()

    def chosen(self) -> tuple[str, object] | None:
        data = self.combo.currentData()
        if data is None:
            return None
        if data == OTHER:
            index = self.other.findText(self.other.currentText().strip())
            contact = self.other.itemData(index) if index > 0 else None
            return ("contact", contact) if contact is not None else None
        return (str(data[0]), data[1])  # a (kind, value) pair stored as item data

    def label(self) -> str:
        """The recipient as shown (for the subject and the status line)."""
        if self.combo.currentData() == OTHER:
            return self.other.currentText().strip()
        return self.combo.currentText().split(" — ")[0]
