"""Scan to check in or out: a run of scans, each acting at once, listed line by line with what happened."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.file_room import CheckOut
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.fields import DateField
from legalsec_desktop.ui.files.file_dialogs import DUE_DAYS, check_out_request, fill_keepers, keeper_picker

WARNING = "#b00020"


class ScanDialog(QDialog):
    """Choose In or Out (Out: to whom, once for the run), then scan: each id acts when the scanner sends Enter."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.out_count = self.in_count = self.failed_count = 0  # the run so far, each mode counted apart
        self.setWindowTitle(self.tr("Scan to Check In/Out"))
        self.resize(640, 520)
        self.check_in, self.check_out = QRadioButton(self.tr("Check &in")), QRadioButton(self.tr("Check &out"))
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.check_in)
        self.mode.addButton(self.check_out)
        self.check_in.setChecked(True)
        modes = QHBoxLayout()
        modes.addWidget(self.check_in)
        modes.addWidget(self.check_out)
        modes.addStretch(1)
        self.out_box = QWidget()
        self.to = keeper_picker("scanTo")
        self.reason = QLineEdit(placeholderText=self.tr("optional, like Trial in Dept. 12"))
        self.due = DateField(state.clock.today() + timedelta(days=DUE_DAYS), placeholder=self.tr("no date"))
        out_form = QFormLayout(self.out_box)
        out_form.setContentsMargins(0, 0, 0, 0)
        out_form.addRow(self.tr("&To:"), self.to)
        out_form.addRow(self.tr("&Reason:"), self.reason)
        out_form.addRow(self.tr("&Due back:"), self.due)
        self.out_box.setVisible(False)
        self.scan_box = QLineEdit(placeholderText=self.tr("Scan a label (or type its id and press Enter)"))
        self.scan_box.setObjectName("scanBox")
        font = self.scan_box.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.scan_box.setFont(font)
        self.results = QListWidget()
        self.results.setObjectName("scanResults")
        self.count = QLabel()
        self.count.setObjectName("scanCount")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # a scanner ends each id with Enter: it must scan, never close the run
        close.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(modes)
        layout.addWidget(self.out_box)
        layout.addWidget(self.scan_box)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.check_out.toggled.connect(self._mode_chosen)
        self.scan_box.returnPressed.connect(self.scanned)
        self._keepers_read = False
        self._show_count()
        self.scan_box.setFocus()

    def _mode_chosen(self, out: bool) -> None:
        self.out_box.setVisible(out)
        if out and not self._keepers_read:
            self._keepers_read = True
            fill_keepers(self.to, self.state)
        (self.to if out and not self.to.currentText().strip() else self.scan_box).setFocus()

    def request(self) -> CheckOut:
        return check_out_request(self.to, self.reason, self.due)

    def scanned(self) -> None:
        """Act on the id in the scan box now; the box is emptied for the next scan."""
        text = self.scan_box.text().strip()
        self.scan_box.clear()
        if not text:
            return
        from legalsec_desktop.services import volumes

        store = self.state.require_store()
        try:
            file_id = volumes.find_barcode(store, text)
            volume = volumes.volume(store, file_id)
            if self.check_out.isChecked():
                request = self.request()
                volumes.check_out(store, file_id, request)
                said = self.tr("checked out to %s") % " ".join(request.to_name.split())
            else:
                home = volumes.check_in(store, file_id)
                said = self.tr("checked in: put it back in %s") % home if home else self.tr("checked in (no home "
                                                                                          "place)")
        except UserFixableError as exc:
            code = "".join(text.split()).upper()
            self._add(f"✗  {exc.message}" if code in exc.message else f"✗  {code}: {exc.message}", ok=False)
            return
        if self.check_out.isChecked():
            self.out_count += 1
        else:
            self.in_count += 1
        self._add(f"✓  {volume.barcode}  {volume.label} ({volume.matter_number}) — {said}", ok=True)
        self.state.data_changed.emit(Changed.FILES)

    @property
    def done_count(self) -> int:
        return self.out_count + self.in_count

    def _add(self, line: str, ok: bool) -> None:
        item = QListWidgetItem(line)
        if not ok:
            item.setForeground(QColor(WARNING))
            self.failed_count += 1
        self.results.insertItem(0, item)  # the newest on top, where the eye is
        self._show_count()

    def _show_count(self) -> None:
        """Each mode's count with its own verb (a run may switch between them), and what was not done."""
        parts = [self.tr("%d checked out") % self.out_count] if self.out_count else []
        if self.in_count:
            parts.append(self.tr("%d checked in") % self.in_count)
        if self.failed_count:
            parts.append(f"<b style='color:{WARNING}'>" + self.tr("%d not done") % self.failed_count + "</b>")
        self.count.setText(", ".join(parts) or self.tr("Nothing scanned yet."))
