"""Tools ▸ Retention and Closing: the firm's retention rules and its closing checklist, each saved as it is changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.closing import CHECKS
from legalsec_desktop.domain.matters import PRACTICE_AREAS
from legalsec_desktop.services import closing, retention
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.common.worker import run_and_wait

ANY_AREA = "Any practice area"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


class RuleDialog(QDialog):
    """One retention rule: its name, practice area, years or permanent, notes. Saving a change of years says how
    many closed files get another destroy-after date, and asks first."""

    def __init__(self, state: AppState, rule: retention.RuleItem | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.rule = state, rule
        self.changed_files = 0
        self.setWindowTitle(self.tr("Edit Retention Rule") if rule else self.tr("New Retention Rule"))
        self.name = QLineEdit(rule.name if rule else "")
        self.name.setMaxLength(100)
        self.area = QComboBox()
        self.area.setEditable(True)
        self.area.addItems((ANY_AREA,) + PRACTICE_AREAS)
        self.area.setCurrentText(rule.practice_area if rule and rule.practice_area else ANY_AREA)
        self.years = QSpinBox()
        self.years.setRange(0, 200)
        self.years.setSuffix(self.tr(" years after closing"))
        self.years.setValue(rule.years if rule and rule.years is not None else 7)
        self.permanent = QCheckBox(self.tr("Keep permanently (never offered for destruction)"))
        self.permanent.toggled.connect(lambda on: self.years.setEnabled(not on))
        self.permanent.setChecked(rule is not None and rule.years is None)
        self.notes = QPlainTextEdit(rule.notes if rule else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("name", self.tr("&Name:"), self.name)
        self.errors.add_row("practice_area", self.tr("Default for:"), self.area)
        self.errors.add_row("years", self.tr("&Keep:"), self.years)
        form.addRow("", self.permanent)
        self.errors.add_row("notes", self.tr("N&otes:"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def chosen_years(self) -> int | None:
        return None if self.permanent.isChecked() else self.years.value()

    def accept(self) -> None:
        store, years = self.state.require_store(), self.chosen_years()
        area = "" if self.area.currentText().strip() == ANY_AREA else self.area.currentText()
        rule = self.rule

        def save() -> None:
            if rule is None:
                retention.add_rule(store, self.name.text(), area, years, self.notes.toPlainText())
                return
            # Both read every closed file under the rule (23,000 on a large firm: seconds to rewrite), so they run
            # behind a progress window; a problem comes back here and is shown as before.
            count, rule_id = 0, rule.id
            if years != rule.years:
                count = run_and_wait(self, self.tr("Counting the files under the rule…"),
                                     lambda _progress: retention.volumes_affected(store, rule_id, years))
            if count and QMessageBox.question(
                    self, self.tr("Change the destroy-after dates?"),
                    self.tr("%d closed file(s) under \"%s\" will get another destroy-after date (files already "
                            "destroyed keep theirs). Save the rule?") % (count, rule.name),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
                raise _Cancelled
            name, notes = self.name.text(), self.notes.toPlainText()
            self.changed_files = run_and_wait(
                self, self.tr("Saving the rule and the destroy-after dates…"),
                lambda _progress: retention.edit_rule(store, rule_id, name, area, years, notes))

        try:
            saved = self.errors.attempt(self, self.tr("Rule not saved"), save)
        except _Cancelled:
            return
        if saved:
            super().accept()


class _Cancelled(Exception):
    """The person chose not to save after all (nothing typed is lost)."""


class FileRoomSettingsDialog(LoadOnShowDialog):
    """Two pages: Retention rules and Closing checklist. Each button saves at once; Close leaves."""

    def __init__(self, state: AppState, parent: QWidget | None = None, page: int = 0) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Retention and Closing"))
        self.load_problem_title = self.tr("Settings not opened")
        self.setMinimumSize(760, 420)
        self.rules_table = _table([self.tr("Rule"), self.tr("Default for"), self.tr("Keep"), self.tr("Files"),
                                   self.tr("Notes")])
        self.rules_table.doubleClicked.connect(lambda _i: self.edit_rule())
        self.items_table = _table([self.tr("Item"), self.tr("Checked by the program")])
        self.items_table.setColumnWidth(0, 380)
        self.item_text = QLineEdit(placeholderText=self.tr("A new item, e.g. \"Conflict database updated\""))
        self.item_text.setMaxLength(300)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.rule_ids: list[int] = []
        self.item_ids: list[int] = []
        self.pages = QTabWidget()
        self.pages.addTab(self._page(self.rules_table, self.tr(
            "How long closed files are kept. A rule for a practice area is the default for its matters; the first "
            "rule for any area is the default for the rest. The closing checklist lets each file take another."),
            [(self.tr("&New Rule…"), self.new_rule), (self.tr("&Edit…"), self.edit_rule),
             (self.tr("Move &Up"), lambda: self._move_rule(-1)), (self.tr("Move &Down"), lambda: self._move_rule(1)),
             (self.tr("&Retire"), self.retire_rule)]), self.tr("Retention rules"))
        self.pages.addTab(self._page(self.items_table, self.tr(
            "What must be done before a matter closes. Items the program checks itself are ticked for you when "
            "they are true; the rest are ticked by hand. Closing without one needs a reason, which is kept."),
            [(self.tr("&Add"), self.add_item), (self.tr("Re&name"), self.rename_item),
             (self.tr("Move U&p"), lambda: self._move_item(-1)), (self.tr("Move Do&wn"), lambda: self._move_item(1)),
             (self.tr("Re&tire"), self.retire_item)], self.item_text), self.tr("Closing checklist"))
        self.pages.setCurrentIndex(page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _page(self, table: QTableWidget, intro: str, actions: list[tuple[str, Callable[[], None]]],
              field: QWidget | None = None) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        words = QLabel(intro)
        words.setWordWrap(True)
        column.addWidget(words)
        column.addWidget(table, 1)
        if field is not None:
            column.addWidget(field)
        row = QHBoxLayout()
        for text, slot in actions:
            button = QPushButton(text)
            button.setEnabled(not self.state.read_only)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        return page

    def read(self) -> None:
        store = self.state.require_store()
        rules = retention.rules(store)
        self.rule_ids = [r.id for r in rules]
        self.rules_table.setRowCount(len(rules))
        for row, rule in enumerate(rules):
            for column, text in enumerate((rule.name, rule.practice_area or ANY_AREA, rule.term, str(rule.files),
                                           rule.notes)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.rules_table.setItem(row, column, cell)
        self.rules_table.resizeColumnsToContents()
        items = closing.checklist(store)
        self.item_ids = [i.id for i in items]
        self.items_table.setRowCount(len(items))
        for row, item in enumerate(items):
            self.items_table.setItem(row, 0, QTableWidgetItem(item.text))
            self.items_table.setItem(row, 1, QTableWidgetItem(CHECKS.get(item.check, "") and self.tr("Yes")))

    def _reload(self, table: QTableWidget, ids: Callable[[], list[int]], keep: int | None) -> None:
        self.loaded = False
        self.load()
        if keep is not None and keep in ids():
            table.selectRow(ids().index(keep))
        self.state.data_changed.emit(Changed.FIRM | Changed.FILES)

    def _do(self, table: QTableWidget, ids: Callable[[], list[int]], keep: int | None, action: Callable[[], object],
            said: str = "") -> bool:
        if self.state.read_only:
            return False
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - shown plainly (a user's mistake) or as a bug, never lost
            from legalsec_desktop.ui.common.errors import show_problem

            show_problem(self, exc, self.tr("Not saved"))
            return False
        self._reload(table, ids, keep)
        self.message.setText(said)
        return True

    def _selected(self, table: QTableWidget, ids: list[int]) -> int | None:
        row = table.currentRow()
        return ids[row] if 0 <= row < len(ids) else None

    # --- retention rules --------------------------------------------------------------------------------------
    def _rule(self) -> retention.RuleItem | None:
        chosen = self._selected(self.rules_table, self.rule_ids)
        return next((r for r in retention.rules(self.state.require_store()) if r.id == chosen), None)

    def new_rule(self) -> None:
        dialog = RuleDialog(self.state, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload(self.rules_table, lambda: self.rule_ids, None)

    def edit_rule(self) -> None:
        rule = self._rule()
        if rule is None:
            return
        dialog = RuleDialog(self.state, rule, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload(self.rules_table, lambda: self.rule_ids, rule.id)
            self.message.setText(self.tr("Saved; %d file(s) got another destroy-after date.") % dialog.changed_files)

    def _move_rule(self, step: int) -> None:
        chosen = self._selected(self.rules_table, self.rule_ids)
        if chosen is not None:
            self._do(self.rules_table, lambda: self.rule_ids, chosen,
                     lambda: retention.move_rule(self.state.require_store(), chosen, step))

    def retire_rule(self) -> None:
        chosen = self._selected(self.rules_table, self.rule_ids)
        if chosen is not None:
            self._do(self.rules_table, lambda: self.rule_ids, None,
                     lambda: retention.retire_rule(self.state.require_store(), chosen),
                     self.tr("Retired: no longer offered at closing; the files under it keep it."))

    # --- the closing checklist ----------------------------------------------------------------------------------
    def add_item(self) -> None:
        text = self.item_text.text()
        if self._do(self.items_table, lambda: self.item_ids, None,
                    lambda: closing.add_item(self.state.require_store(), text)):
            self.item_text.clear()

    def rename_item(self) -> None:
        chosen = self._selected(self.items_table, self.item_ids)
        text = self.item_text.text()
        if chosen is not None and self._do(self.items_table, lambda: self.item_ids, chosen,
                                           lambda: closing.rename_item(self.state.require_store(), chosen, text)):
            self.item_text.clear()

    def _move_item(self, step: int) -> None:
        chosen = self._selected(self.items_table, self.item_ids)
        if chosen is not None:
            self._do(self.items_table, lambda: self.item_ids, chosen,
                     lambda: closing.move_item(self.state.require_store(), chosen, step))

    def retire_item(self) -> None:
        chosen = self._selected(self.items_table, self.item_ids)
        if chosen is not None:
            self._do(self.items_table, lambda: self.item_ids, None,
                     lambda: closing.retire_item(self.state.require_store(), chosen),
                     self.tr("Retired: later closings no longer ask it; past closings keep their answers."))
