"""Filing documents in one motion: the dialog (matter, kind; one file's title and date), the filing in the background
with progress and Cancel, and the summary. Used wherever files are dropped, pasted or picked."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.clock import to_local
from legalsec_desktop.domain.document_names import title_from_file_name
from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.domain.document_labels import KIND_LABELS
from legalsec_desktop.services.document_rows import FilingResult
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.fields import DateField, chosen_data, fill_matter_combo, line_edit, searchable_combo
from legalsec_desktop.ui.common.filing_text import filing_summary
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.common.worker import Progress, run_and_wait


class FilingDialog(LoadOnShowDialog):
    """Before filing: which matter (pre-set), which kind; for a single file its title and date. Accepting files
    them in the background; a documents folder that cannot take files is said, and the dialog keeps the choices."""

    def __init__(self, state: AppState, paths: list[Path], parent: QWidget | None = None,
                 matter_id: int | None = None) -> None:
        super().__init__(parent)
        self.state, self.paths, self.matter_id = state, list(paths), matter_id
        self.results: list[FilingResult] = []
        self.cancelled = False
        self.setWindowTitle(self.tr("File Documents"))
        self.setMinimumWidth(600)
        self.about = QLabel(self._about())
        self.about.setObjectName("filingAbout")
        self.about.setWordWrap(True)
        self.matter = searchable_combo()
        self.matter.setObjectName("filingMatter")
        line_edit(self.matter).setPlaceholderText(self.tr("Type its number, title or client"))
        self.kind = QComboBox()
        self.kind.setObjectName("filingKind")
        self.kind.addItem(self.tr("By the file (e-mails as e-mail, the rest as other)"), None)
        for key, label in KIND_LABELS.items():
            self.kind.addItem(label, key)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("matter", self.tr("&Matter:"), self.matter)
        self.errors.add_row("kind", self.tr("&Kind:"), self.kind)
        # One file (not an e-mail: its subject and date are its own) gets its title and date here.
        from legalsec_desktop.services.mail_filing import is_mail_file  # the database stack: not at start-up

        self.single = (len(self.paths) == 1 and self.paths[0].is_file()
                       and not is_mail_file(self.paths[0]))
        self.title = QLineEdit(title_from_file_name(self.paths[0].name) if self.single else "")
        self.title.setObjectName("filingTitle")
        self.doc_date = DateField(self._file_date() if self.single else None)
        if self.single:
            self.errors.add_row("title", self.tr("&Title:"), self.title)
            self.errors.add_row("doc_date", self.tr("&Date:"), self.doc_date)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("File"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(form)
        note = QLabel(self.tr("The files are copied into the matter's folder; the originals stay as they are."))
        note.setObjectName("filingNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def _about(self) -> str:
        if len(self.paths) == 1:
            what = self.tr("the folder %s and what is in it") if self.paths[0].is_dir() else "%s"
            return self.tr("File %s:") % (what % self.paths[0].name)
        folders = sum(1 for path in self.paths if path.is_dir())
        text = self.tr("File %d items") % len(self.paths)
        return text + (self.tr(" (%d of them folders, with what is in them)") % folders if folders else "") + ":"

    def _file_date(self) -> date:
        try:
            modified = self.paths[0].stat().st_mtime
        except OSError:
            return self.state.clock.today()
        return to_local(datetime.fromtimestamp(modified, timezone.utc)).date()

    def read(self) -> None:
        fill_matter_combo(self.matter, self.state.require_store(), self.matter_id, include_closed=True)
        (self.title if self.single and self.matter.currentData() is not None else self.matter).setFocus()

    def accept(self) -> None:
        if self.ready() and self.errors.attempt(self, self.tr("Not filed"), self._file):
            self.state.data_changed.emit(Changed.DOCUMENTS)
            super().accept()

    def _file(self) -> None:
        matter_id = chosen_data(self.matter, "matter")
        if matter_id is None:
            raise ValidationError("matter", "Choose the matter to file them in.")
        from legalsec_desktop.services import document_filing, documents
        from legalsec_desktop.services.users import current_user

        title: str | None = None
        doc_date: date | None = None
        if self.single:  # checked before anything is filed: a refused title leaves nothing filed
            title = documents.checked_title(self.title.text())
            doc_date = self.doc_date.date("doc_date", required=True)
        store, root, kind, clock = self.state.require_store(), self.state.documents_root(), self.kind.currentData(), \
            self.state.clock
        by = current_user()
        stopped: list[bool] = []

        def work(progress: Progress) -> list[FilingResult]:
            # A few files to a transaction (the store's batches); Cancel stops between two batches. A documents
            # folder on a missing or read-only drive is said (DocumentRootError) before anything is filed.
            files = document_filing.files_in(self.paths)

            def step(done: int, total: int) -> bool:
                if progress(f"Filed {done:,} of {total:,} files…", done, total):
                    return True
                stopped.append(True)
                return False

            if not step(0, len(files)):
                return []
            return document_filing.file_documents(store, root, matter_id, files, clock, by, kind, progress=step,
                                                  title=title, doc_date=doc_date)

        self.results = run_and_wait(self, self.tr("Filing documents"), work, cancellable=True)
        self.cancelled = bool(stopped)


def show_summary(parent: QWidget, results: list[FilingResult], cancelled: bool) -> None:
    """The summary of a filing: how many filed, which were already filed, which could not be read or filed."""
    headline, details = filing_summary(results, cancelled)
    text = headline + ("\n\n" + details if details else "")
    QMessageBox.information(parent, parent.tr("Documents filed"), text)


def file_paths(state: AppState, parent: QWidget, paths: list[Path], matter_id: int | None = None) -> bool:
    """The whole motion: the filing dialog for `paths` (the matter pre-set), the filing, the summary; True when
    something was filed."""
    if not paths or state.store is None:
        return False
    if state.read_only:
        state.tell(parent.tr("This database is open read-only: nothing can be filed."), 8000)
        return False
    dialog = FilingDialog(state, paths, parent, matter_id)
    if dialog.exec() != FilingDialog.DialogCode.Accepted:
        return False
    show_summary(parent, dialog.results, dialog.cancelled)
    return any(result.outcome == "filed" for result in dialog.results)
