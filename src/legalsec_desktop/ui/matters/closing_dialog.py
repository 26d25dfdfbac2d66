"""Close Matter: the firm's closing checklist, an override reason when something is not done, the closing date,
each file's retention category with the destroy-after date it gives, and the closed-file number it will get."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.closing import ItemReview, rule_term
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import destroy_after, retention_note
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import closing
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.fields import DateField
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog

GOOD, BAD, QUIET = "#1b6e3a", "#b00020", "#555"
BARCODE, LABEL, RULE, AFTER, HOW = range(5)


class ClosingDialog(LoadOnShowDialog):
    """Closes one matter; `edits` are the matter dialog's other changes, saved with the closing."""

    def __init__(self, state: AppState, matter_id: int, parent: QWidget | None = None,
                 edits: MatterDraft | None = None, closed_on: date | None = None) -> None:
        super().__init__(parent)
        self.state, self.matter_id, self.edits = state, matter_id, edits
        self.review: closing.ClosingReview | None = None
        self.closing_done: closing.ClosingDone | None = None
        self.setWindowTitle(self.tr("Close Matter"))
        self.load_problem_title = self.tr("Matter not closed")
        self.setMinimumWidth(900)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.items_box = QWidget()
        self.items_layout = QVBoxLayout(self.items_box)
        self.items_layout.setContentsMargins(0, 0, 0, 0)
        self.items_layout.setSpacing(2)
        self.ticks: dict[int, QCheckBox] = {}
        self.reviews: dict[int, ItemReview] = {}
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why the matter closes with these items not done (kept with the "
                                               "closing)"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(56)
        self.reason.textChanged.connect(lambda: self._update_missing())
        self.closed = DateField(closed_on or state.clock.today())
        self.closed.changed.connect(self._date_changed)
        self.closed.setMaximumWidth(200)
        self.files = QTableWidget(0, 5)
        self.files.setHorizontalHeaderLabels([self.tr("Barcode"), self.tr("File"), self.tr("Retention"),
                                              self.tr("Destroy after"), self.tr("Closed + kept")])
        self.files.verticalHeader().setVisible(False)
        self.files.setWordWrap(False)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.horizontalHeader().setSectionResizeMode(HOW, QHeaderView.ResizeMode.Stretch)
        for column, width in ((BARCODE, 76), (LABEL, 160), (RULE, 205), (AFTER, 118)):
            self.files.setColumnWidth(column, width)
        self.no_files = QLabel(self.tr("This matter has no paper files to keep."))
        self.no_files.hide()

        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("checklist", self.tr("Checklist:"), self.items_box)
        self.errors.add_row("override_reason", self.tr("Override &reason:"), self.reason)
        self.errors.add_row("closed_on", self.tr("Closed &on:"), self.closed)
        self.errors.add_row("retention", self.tr("Files:"), self.files)
        form.addRow("", self.no_files)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.close_button.setText(self.tr("&Close Matter"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.missing)
        layout.addWidget(self.buttons)

    # --- reading -----------------------------------------------------------------------------------------------
    def read(self) -> None:
        closed_on = self._closed_on() or self.state.clock.today()
        review = self.review = closing.closing_review(self.state.require_store(), self.matter_id, closed_on)
        if review.status == "closed":
            raise ValidationError("status", f"Matter {review.number} is closed already.")
        self.setWindowTitle(self.tr("Close Matter %s") % review.number)
        for item in review.items:
            self._add_item(item)
        for volume in review.volumes:
            self._add_file(volume)
        self.files.setFixedHeight(self.files.horizontalHeader().height() + 6
                                  + 32 * max(1, min(len(review.volumes), 8)))
        self.files.setVisible(bool(review.volumes))
        self.no_files.setVisible(not review.volumes)
        self._date_changed()

    def _add_item(self, item: ItemReview) -> None:
        tick = QCheckBox(item.text)
        self.ticks[item.id], self.reviews[item.id] = tick, item
        self.items_layout.addWidget(tick)
        if item.automatic:
            detail = QLabel(item.detail)
            detail.setToolTip(item.detail)
            # One line, cut at the dialog's edge (the tooltip has it all): a wrapped label in a form gets clipped.
            detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            detail.setStyleSheet(f"color: {GOOD if item.satisfied else BAD}; margin-left: 22px;")
            self.items_layout.addWidget(detail)
            if item.satisfied:
                tick.setChecked(True)
                tick.setEnabled(False)  # the program verified it
                tick.setToolTip(self.tr("Checked by the program"))
            else:
                tick.setText(self.tr("%s — tick to close without it (an override)") % item.text)
                tick.setToolTip(self.tr("Not done. Ticking it closes the matter anyway: give the reason below"))
        tick.toggled.connect(lambda _on: self._update_missing())

    def _add_file(self, volume: closing.ClosingVolume) -> None:
        assert self.review is not None
        row = self.files.rowCount()
        self.files.insertRow(row)
        self.files.setItem(row, BARCODE, QTableWidgetItem(volume.barcode))
        self.files.setItem(row, LABEL, QTableWidgetItem(volume.label))
        combo = QComboBox()
        combo.setObjectName(f"retention{volume.id}")
        for rule in self.review.rules:
            combo.addItem(f"{rule.name} ({rule_term(rule.years)})", rule.id)
        combo.addItem(self.tr("(no rule: not dated)"), None)
        combo.setCurrentIndex(max(0, combo.findData(volume.default_rule_id)))
        combo.setProperty("file_id", volume.id)
        combo.currentIndexChanged.connect(lambda _i, r=row: self._show_retention(r))
        self.files.setCellWidget(row, RULE, combo)
        self._show_retention(row)

    # --- what follows from the choices -------------------------------------------------------------------------
    def _closed_on(self) -> date | None:
        try:
            return self.closed.date("closed_on", required=True)
        except ValidationError:
            return None

    def _combo(self, row: int) -> QComboBox:
        combo = self.files.cellWidget(row, RULE)
        assert isinstance(combo, QComboBox)  # each row gets one when it is added
        return combo

    def _show_retention(self, row: int) -> None:
        assert self.review is not None
        rule_id = self._combo(row).currentData()
        rule = next((r.retention for r in self.review.rules if r.id == rule_id), None)
        closed_on = self._closed_on()
        if closed_on is None:
            after, how = "", self.tr("Enter the closing date")
        elif rule is None:
            after, how = "", self.tr("No date: the file is not offered for destruction")
        else:
            found = destroy_after(closed_on, rule)
            after = format_date(found) if found is not None else self.tr("Never")
            how = (self.tr("%s + %s") % (format_date(closed_on), rule_term(rule.years)) if found is not None
                   else self.tr("Kept permanently"))
        tip = retention_note(closed_on, rule) if closed_on is not None and rule is not None else how
        for column, text in ((AFTER, after), (HOW, how)):
            cell = QTableWidgetItem(text)
            cell.setToolTip(tip)
            self.files.setItem(row, column, cell)

    def _date_changed(self) -> None:
        if self.review is None:
            return
        closed_on = self._closed_on()
        number = self.review.closed_number
        if closed_on is not None:
            number = closing.number_to_give(self.state.require_store(), self.matter_id, closed_on)
        area = f" · {escape(self.review.practice_area)}" if self.review.practice_area else ""
        self.heading.setText(self.tr("<span style='font-size:13pt'><b>%s</b>&nbsp; %s</span>%s<br>It will be given "
                                     "the closed-file number <b>%s</b>.") % (
            escape(self.review.number), escape(self.review.title), area, escape(number)))
        for row in range(self.files.rowCount()):
            self._show_retention(row)
        self._update_missing()

    def not_done(self) -> list[str]:
        """The items the matter would close without: automatic ones not satisfied, manual ones not ticked."""
        return [review.text for item_id, review in self.reviews.items()
                if (review.automatic and not review.satisfied) or not self.ticks[item_id].isChecked()]

    def _update_missing(self) -> None:
        self.errors.clear()  # a tick changed: an earlier "not done" message is out of date
        missing = self.not_done()
        blocking = [i for i, tick in self.ticks.items()
                    if self.reviews[i].automatic and not self.reviews[i].satisfied and not tick.isChecked()]
        if missing and not blocking and self.reason.toPlainText().strip():
            # every gap consciously overridden, with the reason: said plainly, no longer as a fault
            self.missing.setText(self.tr("Closing without: %s. The reason you gave is kept with the closing.")
                                 % "; ".join(missing))
            self.missing.setStyleSheet("color: #8a5a00;")
        elif missing:
            self.missing.setText(self.tr("Not done: %s. Closing anyway is an override: say why in the reason box.")
                                 % "; ".join(missing))
            self.missing.setStyleSheet(f"color: {BAD};")
        else:
            self.missing.setText(self.tr("Every item is done."))
            self.missing.setStyleSheet(f"color: {GOOD};")

    # --- closing -----------------------------------------------------------------------------------------------
    def accept(self) -> None:
        if not self.ready():
            return
        self.errors.clear()
        unticked = [r.text for i, r in self.reviews.items()
                    if r.automatic and not r.satisfied and not self.ticks[i].isChecked()]
        if unticked:
            self.errors.show("checklist", self.tr("Not done: %s. Finish it first, or tick it to close the matter "
                                                  "without it.") % "; ".join(unticked))
            return
        try:
            closed_on = self.closed.date("closed_on", required=True)
        except ValidationError as exc:
            self.errors.show(exc.field, exc.message)
            return
        answers = {item_id: tick.isChecked() for item_id, tick in self.ticks.items()}
        choices = {self._combo(row).property("file_id"): self._combo(row).currentData()
                   for row in range(self.files.rowCount())}

        def close() -> None:
            self.closing_done = closing.close_matter(self.state.require_store(), self.matter_id, answers,
                                             self.reason.toPlainText(), closed_on, choices, edits=self.edits)

        if self.errors.attempt(self, self.tr("Matter not closed"), close):
            self.state.data_changed.emit(Changed.MATTERS | Changed.FILES)
            super().accept()
