"""The Files tab's detail pane: the selected volume's facts and its movement log."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.services.file_rows import VolumeItem
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.table_columns import fit_columns
from legalsec_desktop.ui.files.file_detail_text import LOG_COLUMNS, detail_html, heading_html, movement_rows


class FileDetail(QWidget):
    """Shows one volume (or a hint when none is selected); reads it again on every `show_volume`."""

    shown = Signal()  # another volume (or none) is shown: `volume` says which, as read just now

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.file_id: int | None = None
        self.volume: VolumeItem | None = None  # the file shown, as read when shown
        self.heading = QLabel()
        self.heading.setObjectName("fileHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setObjectName("fileFacts")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.log_title = QLabel(self.tr("<b>Movement log</b> (newest first; never edited)"))
        self.log = QTableWidget(0, len(LOG_COLUMNS))
        self.log.setObjectName("movementLog")
        self.log.setHorizontalHeaderLabels([self.tr(title) for title in LOG_COLUMNS])
        self.log.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log.verticalHeader().setVisible(False)
        self.log.setAlternatingRowColors(True)
        self.fitter = fit_columns(self.log)  # the Reason column takes the rest
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.log_title)
        layout.addWidget(self.log, 1)
        self.show_volume(None)

    def show_volume(self, file_id: int | None) -> None:
        """Show `file_id` as it is now; None (or a file gone since) shows the hint."""
        self.file_id, self.volume = file_id, None
        store = self.state.store
        if file_id is None or store is None:
            self._show_hint(self.tr("Select a file to see where it is, who has it and its movement log."))
            return
        from legalsec_desktop.services import volumes

        try:
            volume, movements = volumes.volume(store, file_id), volumes.history(store, file_id)
        except UserFixableError as exc:
            self._show_hint(exc.message)
            return
        self.volume = volume
        self.heading.setText(heading_html(volume))
        self.facts.setText(detail_html(volume, self.state.clock.today()))
        rows = movement_rows(movements)
        self.log.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            # The whole line on every cell's tooltip: the pane is narrow, and From, To, By and Reason run off it.
            whole = "\n".join(f"{self.tr(title)}: {text}" for title, text in zip(LOG_COLUMNS, cells) if text)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(whole)
                self.log.setItem(row, column, item)
        self.log_title.show()
        self.log.show()
        self.shown.emit()

    def _show_hint(self, text: str) -> None:
        self.heading.setText("")
        self.facts.setText(f"<span style='color:#555'>{text}</span>")
        self.log.setRowCount(0)
        self.log_title.hide()
        self.log.hide()
        self.shown.emit()
