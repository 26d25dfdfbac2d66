"""Tools ▸ Letter Templates: the firm's templates (what each uses and asks, when last used, what is wrong with it),
adding one (with its mail-merge fields mapped), editing it in Word, renaming, a purpose, removing (restorable), the
starter templates, the folder, and packages."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.services import letter_templates
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.common.save_paths import ask_open_path

COLUMNS = ("Name", "Purpose", "Fields", "Asks", "Last used", "Problem")
LIST_WIDTHS = {2: 200, 3: 240}  # the Fields and Asks columns: their start; the whole is below the list
PURPOSES = {"": "None", "engagement": "Engagement letter", "declination": "Declination (offered when a conflict "
            "check is declined)", "closing": "Closing letter (offered when a matter is closed)"}


def template_cells(info) -> list[str]:  # noqa: ANN001 - a TemplateInfo
    """What the list shows of one template."""
    used = to_local(info.last_used_at).strftime("%m/%d/%Y") if info.last_used_at else "never"
    if info.use_count:
        used += f" ({info.use_count}×)"
    return [info.name, info.purpose, ", ".join(info.fields), ", ".join(ask.question for ask in info.asks), used,
            info.problem]


class TemplatesDialog(LoadOnShowDialog):
    """The templates list; every action re-reads it. `removed` is the last template removed (to put back)."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.templates: list = []
        self.removed: letter_templates.RemovedTemplate | None = None  # what Put Back restores
        self.setWindowTitle(self.tr("Letter Templates"))
        self.load_problem_title = self.tr("Letter templates not opened")
        self.resize(1100, 560)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("templatesTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):  # names, purposes and dates whole; the lists a width the user can drag
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in LIST_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)  # the problem: what is left
        # the chosen template's fields and questions in full (the columns show their start)
        self.detail = QTextBrowser()
        self.detail.setObjectName("templateDetail")
        self.detail.setMaximumHeight(150)
        self.table.itemSelectionChanged.connect(self.show_detail)
        self.table.doubleClicked.connect(lambda _index: self.edit_in_word())
        self.put_back = QPushButton()
        self.put_back.setObjectName("putBackButton")
        self.put_back.hide()
        self.put_back.clicked.connect(self.restore_removed)
        side = QVBoxLayout()
        for text, slot in ((self.tr("&Add…"), self.add), (self.tr("&Edit in Word"), self.edit_in_word),
                           (self.tr("&Rename…"), self.rename), (self.tr("Set &Purpose…"), self.set_purpose),
                           (self.tr("&Delete…"), self.delete), (self.tr("Pac&kages…"), self.packages),
                           (self.tr("Restore &Starter Templates"), self.restore_starters),
                           (self.tr("Open Templates &Folder"), self.open_folder)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            side.addWidget(button)
        side.addWidget(self.put_back)
        side.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        side.addWidget(close)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addLayout(row, 1)
        layout.addWidget(self.detail)

    def read(self) -> None:
        store = self.state.require_store()
        self.folder_label.setText(self.tr("Templates are Word files in %s. Edit them in Word; a template’s "
                                          "problems are listed here when it is next read.")
                                  % letter_templates.templates_folder(store))
        self.refresh()

    def refresh(self, select_name: str | None = None) -> None:
        chosen = select_name or (self.current().name if self.current() is not None else None)
        self.templates = letter_templates.list_templates(self.state.require_store())
        self.table.setRowCount(len(self.templates))
        for row, info in enumerate(self.templates):
            for column, text in enumerate(template_cells(info)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if info.problem:
                    item.setForeground(QBrush(QColor("#b00020")))
                self.table.setItem(row, column, item)
            if info.name == chosen:
                self.table.selectRow(row)
        if self.table.currentRow() < 0 and self.templates:
            self.table.selectRow(0)

    def show_detail(self) -> None:
        info = self.current()
        if info is None:
            self.detail.clear()
            return
        asks = "".join(f"<li>{html.escape(ask.question)} <i>({html.escape(ask.kind)})</i></li>" for ask in info.asks)
        parts = [f"<b>{html.escape(info.name)}</b>"
                 + (f" — {html.escape(info.description)}" if info.description else ""),
                 f"<b>{html.escape(self.tr('Fields:'))}</b> " + (html.escape(", ".join(info.fields))
                                                                 or html.escape(self.tr('none'))),
                 f"<b>{html.escape(self.tr('Asks when drafting:'))}</b> "
                 + (f"<ul style='margin:0'>{asks}</ul>" if asks else html.escape(self.tr("nothing")))]
        if info.problem:
            parts.append(f"<span style='color:#b00020'><b>{html.escape(self.tr('Problem:'))}</b> "
                         f"{html.escape(info.problem)}</span>")
        self.detail.setHtml("<br>".join(parts))

    def current(self):  # noqa: ANN201 - the selected TemplateInfo, or None
        row = self.table.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def _attempt(self, title: str, action) -> bool:  # noqa: ANN001
        try:
            action()
        except UserFixableError as error:
            show_problem(self, error, title)
            return False
        return True

    # --- actions ---------------------------------------------------------------------------
    def add(self) -> None:
        path = ask_open_path(self, self.tr("Add a Letter Template"), self.tr("Word documents (*.docx)"))
        if path is None:
            return
        from legalsec_desktop.ui.correspondence.template_add_dialog import TemplateAddDialog

        dialog = TemplateAddDialog(self.state, path, self)
        if dialog.exec() == TemplateAddDialog.DialogCode.Accepted and dialog.added is not None:
            self.refresh(dialog.added.info.name)

    def edit_in_word(self) -> None:
        info = self.current()
        if info is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(info.path)))

    def rename(self) -> None:
        info = self.current()
        if info is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename Template"), self.tr("New name:"), text=info.name)
        if ok and name.strip() and name.strip() != info.name and self._attempt(
                self.tr("Not renamed"), lambda: letter_templates.rename_template(self.state.require_store(), info.id,
                                                                                 name)):
            self.refresh(" ".join(name.split()))

    def set_purpose(self) -> None:
        info = self.current()
        if info is None:
            return
        labels = list(PURPOSES.values())
        label, ok = QInputDialog.getItem(self, self.tr("Set Purpose"), self.tr("“%s” is the template for:") % info.name,
                                         labels, list(PURPOSES).index(info.purpose) if info.purpose in PURPOSES else 0,
                                         False)
        if ok:
            purpose = list(PURPOSES)[labels.index(label)]
            if self._attempt(self.tr("Purpose not set"),
                             lambda: letter_templates.set_purpose(self.state.require_store(), info.id, purpose)):
                self.refresh(info.name)

    def delete(self) -> None:
        info = self.current()
        if info is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete the template?"), self.tr(
            "“%s” will be moved to the “Removed” folder inside the templates folder (nothing is erased) and "
            "taken off the list. Letters already made from it stay filed.") % info.name)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def remove() -> None:
            self.removed = letter_templates.delete_template(self.state.require_store(), info.id)

        if self._attempt(self.tr("Not deleted"), remove):
            self.put_back.setText(self.tr("Put &Back “%s”") % info.name)
            self.put_back.show()
            self.refresh()

    def restore_removed(self) -> None:
        removed, store = self.removed, self.state.require_store()
        if removed is not None and self._attempt(self.tr("Not put back"),
                                                 lambda: letter_templates.restore_template(store, removed)):
            self.removed = None
            self.put_back.hide()
            self.refresh(removed.name)

    def restore_starters(self) -> None:
        written: list[int] = []
        if self._attempt(self.tr("Starter templates not restored"),
                         lambda: written.append(letter_templates.restore_starters(self.state.require_store()))):
            self.refresh()
            QMessageBox.information(self, self.tr("Starter Templates"), self.tr(
                "%d starter template(s) written; the firm's own templates were left as they are.") % written[0]
                if written[0] else self.tr("Every starter template is already in the folder."))

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(letter_templates.templates_folder(self.state.require_store()))))

    def packages(self) -> None:
        from legalsec_desktop.ui.correspondence.packages_dialog import PackagesDialog

        PackagesDialog(self.state, [info.name for info in self.templates if not info.problem], self).exec()
