"""Tools ▸ Court Days and Reminders: reminder lead times per event type, and court closure days."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain import rule_sets
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.events import KIND_LABELS, KINDS, format_leads, parse_leads
from legalsec_desktop.domain.formatting import format_date
from legalsec_desktop.services import deadlines, reminders
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.fields import DateField, table_item
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.table_columns import fit_columns
from legalsec_desktop.services.changes import Changed


class CalendarSettingsDialog(LoadOnShowDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.loaded = False  # the lead times and closure days are read by load(), on first showing
        self.setWindowTitle(self.tr("Court Days and Reminders"))
        self.setMinimumWidth(560)
        tabs = QTabWidget()
        tabs.addTab(self._leads_page(), self.tr("Reminders"))
        tabs.addTab(self._closures_page(), self.tr("Court Closure Days"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until load(): blank lead times are never saved over the real ones
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.tabs = tabs

    def read(self) -> None:
        """Read the reminder lead times and the closure days (on first showing, not in __init__)."""
        current = reminders.load_leads(self.state.require_store())
        for kind, edit in self.leads.items():
            edit.setText(format_leads(current.get(kind, ())))
        self._load_closures()
        self.loaded = True
        self.save_button.setEnabled(not self.state.read_only)

    def _leads_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(QLabel(self.tr("Days before each event when a reminder falls due (0 is the day itself):")))
        self.errors = FormErrors(form)
        self.leads: dict[str, QLineEdit] = {}
        for kind in KINDS:
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("none"))
            self.leads[kind] = edit
            self.errors.add_row(kind, KIND_LABELS[kind] + ":", edit)
        return page

    def _closures_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(QLabel(self.tr("Days a court is closed beyond its holiday calendar (weather, a local "
                                        "holiday, an order). Every deadline computation skips them and says so.")))
        self.closures = QTableWidget(0, 3)
        self.closures.setObjectName("closureTable")
        self.closures.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Courts"), self.tr("Reason")])
        self.closures.horizontalHeader().setStretchLastSection(True)
        self.closures.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.closures.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        fit_columns(self.closures)
        column.addWidget(self.closures, 1)
        row = QHBoxLayout()
        self.closure_day = DateField()
        self.closure_rules = QComboBox()
        self.closure_rules.addItem(self.tr("Every court"), "")
        for code, _label in rule_sets.choices():
            self.closure_rules.addItem(code, code)
        self.closure_reason = QLineEdit(placeholderText=self.tr("Reason, e.g. Closed for snow"))
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add_closure)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_closure)
        for widget in (self.closure_day, self.closure_rules, self.closure_reason, add, remove):
            row.addWidget(widget)
        column.addLayout(row)
        return page

    def _load_closures(self) -> None:
        found = deadlines.list_closures(self.state.require_store())
        self.closures.setRowCount(len(found))
        for index, closure in enumerate(found):
            for col, text in enumerate((format_date(closure.day), closure.rules or self.tr("every court"),
                                        closure.reason)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, closure.id)
                self.closures.setItem(index, col, item)

    def add_closure(self) -> None:
        try:
            day = self.closure_day.date("day", required=True)
            deadlines.add_closure(self.state.require_store(), day, self.closure_rules.currentData(),
                                  self.closure_reason.text())
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Closure day not added"))
            return
        self.closure_reason.clear()
        self._load_closures()
        self.state.data_changed.emit(Changed.EVENTS)

    def remove_closure(self) -> None:
        row = self.closures.currentRow()
        if row < 0:
            return
        text = f"{table_item(self.closures, row, 0).text()} ({table_item(self.closures, row, 2).text()})"
        if QMessageBox.question(self, self.tr("Remove closure day"),
                                self.tr("Remove the closure day %s? Deadlines already on the calendar do not "
                                        "change.") % text) != QMessageBox.StandardButton.Yes:
            return
        closure_id = table_item(self.closures, row, 0).data(Qt.ItemDataRole.UserRole)
        deadlines.remove_closure(self.state.require_store(), closure_id)
        self._load_closures()
        self.state.data_changed.emit(Changed.EVENTS)

    def save(self) -> None:
        if not self.loaded:  # the fields are blank, not the settings: saving them would drop every reminder
            return
        def store_leads() -> None:
            leads = {}
            for kind, edit in self.leads.items():
                try:
                    leads[kind] = parse_leads(edit.text())
                except ValidationError as exc:
                    raise ValidationError(kind, exc.message) from None
            reminders.save_leads(self.state.require_store(), leads)

        if self.errors.attempt(self, self.tr("Not saved"), store_leads):
            self.state.data_changed.emit(Changed.EVENTS)
            self.accept()
        else:
            self.tabs.setCurrentIndex(0)
