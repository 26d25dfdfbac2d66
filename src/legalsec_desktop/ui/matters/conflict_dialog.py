"""Tools ▸ Conflict Check: search every name in the files, decide, and print or save the report.

Every run is recorded at once (undecided); the decision and its reasons are saved on top of it.
Opening a matter and adding a party use the same dialog, where a decision is required.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.conflicts import DECISIONS, UNDECIDED, Hit, SearchName, clean_names
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.reports.conflict_report import HIT_COLUMNS, format_when, hit_cells
from legalsec_desktop.services import conflicts
from legalsec_desktop.ui.common import report_print
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.save_paths import ask_save_path
from legalsec_desktop.ui.common.worker import Progress, run_and_wait
from legalsec_desktop.ui.common.table_columns import fit_columns
from legalsec_desktop.services.changes import Changed

MARK = QColor("#b00020")


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class ConflictCheckDialog(QDialog):
    """Names in, hits out, a decision recorded; `decision` and `check_id` tell the caller what happened."""

    def __init__(self, state: AppState, parent: QWidget | None = None, client: tuple[str, ...] = (),
                 adverse: tuple[str, ...] = (), other: tuple[str, ...] = (), context: str = "On demand",
                 require_decision: bool = False, matter_id: int | None = None) -> None:
        super().__init__(parent)
        self.state, self.context, self.require_decision = state, context, require_decision
        self.matter_id = matter_id  # the matter the check is for, when it exists: a declination letter is filed there
        self.check_id: int | None = None
        self.decision = UNDECIDED
        self.hits: list[Hit] = []
        self.setWindowTitle(self.tr("Conflict Check") + (f" — {context}" if context != "On demand" else ""))
        self.resize(1100, 720)

        self.client_edit = QPlainTextEdit("\n".join(client))
        self.adverse_edit = QPlainTextEdit("\n".join(adverse))
        self.other_edit = QPlainTextEdit("\n".join(other))
        for edit, hint in ((self.client_edit, self.tr("The prospective client, its owners, officers, relatives…")),
                           (self.adverse_edit, self.tr("Opposing parties and their counsel")),
                           (self.other_edit, self.tr("Witnesses, insurers, anyone else involved"))):
            edit.setPlaceholderText(hint + self.tr(" — one name per line"))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
        names_box = QGroupBox(self.tr("Names to search"))
        names_form = QFormLayout(names_box)
        names_form.addRow(self.tr("C&lient side:"), self.client_edit)
        names_form.addRow(self.tr("&Adverse:"), self.adverse_edit)
        names_form.addRow(self.tr("&Others:"), self.other_edit)
        self.names_error = QLabel()
        self.names_error.setObjectName("namesError")
        self.names_error.setStyleSheet("color: #b00020;")
        self.names_error.hide()
        names_form.addRow("", self.names_error)
        self.run_button = QPushButton(icon("conflict"), self.tr("&Run Check (Ctrl+Enter)"))
        self.run_button.clicked.connect(self.run_check)
        names_form.addRow("", self.run_button)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.run_check)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.run_check)

        self.summary = QLabel(self.tr("Enter names and run the check. Spelling, order and form do not matter: "
                                      "“Smith, Jon” finds John Smith, “Acme Inc.” finds ACME Incorporated."))
        self.summary.setWordWrap(True)
        self.summary.setObjectName("conflictSummary")
        self.table = QTableWidget(0, len(HIT_COLUMNS))
        self.table.setObjectName("hitsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Likely?")] + list(HIT_COLUMNS[1:]))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((110, 150, 220, 80, 260, 120, 90, 50)):
            self.table.setColumnWidth(column, width)
        self.table_columns = fit_columns(self.table)  # to the hits found, each time

        decision_box = QGroupBox(self.tr("Decision"))
        decision_row = QHBoxLayout(decision_box)
        self.decision_group = QButtonGroup(self)
        labels = {"cleared": self.tr("&Cleared (no conflict)"), "waived": self.tr("&Waived (consent on file)"),
                  "declined": self.tr("&Declined")}
        for index, key in enumerate(DECISIONS):
            radio = QRadioButton(labels[key])
            radio.setObjectName(f"{key}Radio")
            self.decision_group.addButton(radio, index)
            decision_row.addWidget(radio)
        self.notes = QLineEdit(placeholderText=self.tr("Reasons, who decided, consent details…"))
        decision_row.addWidget(self.notes, 1)
        self.decision_error = QLabel()
        self.decision_error.setObjectName("decisionError")
        self.decision_error.setStyleSheet("color: #b00020;")
        self.decision_error.hide()

        self.print_button = QPushButton(icon("print"), self.tr("&Print…"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.word_button = QPushButton(icon("word"), self.tr("Save as Wo&rd…"))
        self.save_button = QPushButton(self.tr("&Save Decision"))
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Cancel") if require_decision else self.tr("Close"))
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(lambda: self.save_report("pdf"))
        self.word_button.clicked.connect(lambda: self.save_report("docx"))
        self.save_button.clicked.connect(self.save_decision)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.pdf_button, self.word_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        check_page = QWidget()
        page_column = QVBoxLayout(check_page)
        page_column.addWidget(names_box)
        page_column.addWidget(self.summary)
        page_column.addWidget(self.table, 1)
        page_column.addWidget(decision_box)
        page_column.addWidget(self.decision_error)
        self.tabs = QTabWidget()
        self.tabs.addTab(check_page, icon("conflict"), self.tr("Check"))
        self.tabs.addTab(self._history_page(), self.tr("Earlier Checks"))
        self.tabs.currentChanged.connect(lambda index: self._load_history() if index == 1 else None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._enable_outputs()
        if self.state.read_only:
            self.run_button.setEnabled(False)
            self.summary.setText(self.tr("The database is read-only, so checks cannot be recorded. Earlier checks "
                                         "can still be opened and printed."))
        if client or adverse or other:
            self.run_check()

    # --- running ---------------------------------------------------------------------------
    def names(self) -> list[SearchName]:
        return ([SearchName(n, "client") for n in _lines(self.client_edit)]
                + [SearchName(n, "adverse") for n in _lines(self.adverse_edit)]
                + [SearchName(n, "other") for n in _lines(self.other_edit)])

    def run_check(self) -> None:
        if self.state.store is None or self.state.read_only:
            return
        self.names_error.hide()
        try:
            names = clean_names(self.names())
            hits = conflicts.find_hits(self.state.store, names)
            self.check_id = conflicts.record_check(self.state.store, names, hits, context=self.context)
        except ValidationError as exc:
            self.names_error.setText(exc.message)
            self.names_error.show()
            self.client_edit.setFocus()
            return
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Check not run"))
            return
        self.decision = UNDECIDED
        self.decision_group.setExclusive(False)
        for button in self.decision_group.buttons():
            button.setChecked(False)
        self.decision_group.setExclusive(True)
        self._show_hits(hits)
        self.state.data_changed.emit(Changed.CONFLICTS)

    def _show_hits(self, hits: list[Hit]) -> None:
        self.hits = hits
        likely = sum(h.likely for h in hits)
        if not hits:
            self.summary.setText(self.tr("<b>No hits.</b> No client, contact, party or alias in the files resembles "
                                         "these names."))
        else:
            text = self.tr("<b>%d hit(s)</b>") % len(hits)
            if likely:
                text += self.tr(", <b style='color:#b00020'>%d likely conflict(s)</b> (listed first, in red)") % likely
            self.summary.setText(text + ".")
        bold = QFont()
        bold.setBold(True)
        self.table.setRowCount(0)
        self.table.setRowCount(len(hits))
        for row, hit in enumerate(hits):
            for column, value in enumerate(hit_cells(hit)):
                item = QTableWidgetItem(value)
                if hit.likely:
                    item.setForeground(QBrush(MARK))
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self._enable_outputs()

    def _enable_outputs(self) -> None:
        recorded = self.check_id is not None
        for button in (self.print_button, self.pdf_button, self.word_button):
            button.setEnabled(recorded)
        self.save_button.setEnabled(recorded and not self.state.read_only)

    # --- deciding --------------------------------------------------------------------------
    def chosen_decision(self) -> str:
        index = self.decision_group.checkedId()
        return DECISIONS[index] if index >= 0 else UNDECIDED

    def save_decision(self) -> bool:
        self.decision_error.hide()
        decision = self.chosen_decision()
        if self.check_id is None:
            return False
        if decision == UNDECIDED:
            self.decision_error.setText(self.tr("Choose Cleared, Waived or Declined."))
            self.decision_error.show()
            return False
        try:
            conflicts.decide(self.state.require_store(), self.check_id, decision, self.notes.text())
        except ValidationError as exc:
            self.decision_error.setText(exc.message)
            self.decision_error.show()
            self.notes.setFocus()
            return False
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Decision not saved"))
            return False
        self.decision = decision
        self.state.data_changed.emit(Changed.CONFLICTS)
        if decision == "declined" and self.matter_id is not None:
            # a letter is filed in a matter: offered only when the check has one (see correspondence offer_letter)
            self.state.letter_offered.emit(self.matter_id, "declination")
        if self.require_decision:
            self.accept()
        else:
            self.summary.setText(self.summary.text() + self.tr(" Decision saved: %s.") % decision)
        return True

    # --- the report ------------------------------------------------------------------------
    def print_report(self) -> None:
        """The recorded check's report in a print preview; it is read off the UI thread."""
        if self.check_id is None:
            return
        store, check_id = self.state.require_store(), self.check_id
        try:
            report = run_and_wait(self, self.tr("Reading the conflict report…"),
                                  lambda _progress: conflicts.report_for(store, check_id))
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("No report"))
            return
        report_print.print_preview(self, report)

    def save_report(self, kind: str) -> Path | None:
        """Ask where, then read and write the report as PDF ("pdf") or Word ("docx") off the UI thread, with progress.

        Returns where it was saved; None if the user cancelled or a problem was explained.
        """
        if self.check_id is None:
            return None
        store, check_id = self.state.require_store(), self.check_id
        pattern = self.tr("PDF files (*.pdf)") if kind == "pdf" else self.tr("Word documents (*.docx)")
        path = ask_save_path(self, self.tr("Save Report"), f"Conflict check {check_id}.{kind}", pattern, f".{kind}")
        if path is None:
            return None
        stage = self.tr("Writing the conflict report…")

        def work(progress: Progress) -> Path:  # on the worker thread: no widgets here
            progress(stage, 0, 0)
            if kind == "pdf":  # Qt paints a PDF on any thread (a QPrinter, not a widget)
                return report_print.write_pdf(conflicts.report_for(store, check_id), path)
            conflicts.save_report_as_word(store, check_id, path)
            return path

        try:
            saved: Path = run_and_wait(self, stage, work)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Report not saved"))
            return None
        self.summary.setText(self.summary.text() + self.tr(" Report saved to %s.") % saved)
        return saved

    # --- earlier checks --------------------------------------------------------------------
    def _history_page(self) -> QWidget:
        page = QWidget()
        self.history = QTableWidget(0, 6)
        self.history.setObjectName("historyTable")
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("For"), self.tr("Names"), self.tr("Hits"), self.tr("Likely"),
             self.tr("Decision")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((170, 200, 380, 50, 60)):
            self.history.setColumnWidth(column, width)
        self.history_columns = fit_columns(self.history)
        self.history.doubleClicked.connect(lambda _index: self.open_selected_check())
        open_button = QPushButton(self.tr("&Open Check"))
        open_button.clicked.connect(self.open_selected_check)
        page_column = QVBoxLayout(page)
        page_column.addWidget(self.history, 1)
        page_column.addWidget(open_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _load_history(self) -> None:
        if self.state.store is None:
            return
        rows = conflicts.list_checks(self.state.store)
        self.history.setRowCount(len(rows))
        for row, check in enumerate(rows):
            for column, value in enumerate((format_when(check.checked_at), check.context, check.names, str(check.hits),
                                            str(check.likely), check.decision)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, check.id)
                self.history.setItem(row, column, item)

    def open_selected_check(self) -> None:
        item = self.history.item(self.history.currentRow(), 0)
        if item is None:
            return
        record = conflicts.load_check(self.state.require_store(), item.data(Qt.ItemDataRole.UserRole))
        self.check_id = record.id
        for edit, side in ((self.client_edit, "client"), (self.adverse_edit, "adverse"), (self.other_edit, "other")):
            edit.setPlainText("\n".join(n.name for n in record.names if n.side == side))
        self._show_hits(record.hits)
        self.notes.setText(record.notes)
        if record.decision in DECISIONS:
            self.decision_group.button(DECISIONS.index(record.decision)).setChecked(True)
        self.decision = record.decision
        self.summary.setText(self.summary.text() + self.tr(" (Recorded %s, %s.)") % (format_when(record.checked_at),
                                                                                     record.context))
        self.tabs.setCurrentIndex(0)
