"""What the New Letter dialog does with its fields: preview the letter, create it (several through the worker, with
progress and Cancel), then open it in Word and save its PDF when asked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.services import letters
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.document_open import open_file
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.common.worker import Progress, run_and_wait

MAX_OPENED = 5  # several letters made at once: open the first few in Word, not fifty windows


@contextmanager
def wait_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _template_problem(error: BaseException) -> str | None:
    """The words of a TemplateProblem (a template that cannot be used), else None."""
    from legalsec_desktop.formats.template_sandbox import TemplateProblem

    return error.message if isinstance(error, TemplateProblem) else None


class LetterDrafting(LoadOnShowDialog):
    """The base of LetterDialog, which builds the fields and supplies `requests()` and `show_error()`."""

    state: Any
    preview: Any
    asks: Any
    errors: Any
    created: list
    made_for: tuple[int, list[int]]
    open_after: Any
    save_pdf: Any
    pdf_available: bool
    pdfs_saved = 0  # how many PDF copies were filed after creating
    requests: Callable[[], list]
    show_error: Callable[[ValidationError], None]

    def unanswered_note(self, count: int) -> str:
        if count == 1:
            return self.tr("Answer 1 question the template asks (on the left) to see the letter.")
        return self.tr("Answer %d questions the template asks (on the left) to see the letter.") % count

    def update_notes(self) -> None:
        """As soon as the template or an answer changes: how many questions are left, or that the letter shown is
        out of date (the preview itself follows after a pause in typing)."""
        unanswered = len(self.asks.missing())
        if unanswered:
            self.preview.show_hint(self.unanswered_note(unanswered))
        elif self.preview.current:
            self.preview.stale()
        elif not self.asks.asks:
            self.preview.show_hint()
        else:
            self.preview.show_hint(self.tr("Every question is answered: the letter shows here after a pause in "
                                           "typing, or press Preview."))

    def show_preview(self, quiet: bool = True) -> bool:
        """Render the first letter and show it; False (said in the preview, and beside the field unless `quiet`)
        when it cannot be made yet. A pause in typing previews quietly."""
        if not self.loaded or self.state.store is None:
            return False
        if not quiet:
            self.errors.clear()
            self.asks.errors.clear()
        unanswered = len(self.asks.missing())
        if unanswered:
            self.preview.show_hint(self.unanswered_note(unanswered))
            if not quiet:
                self.asks.mark_missing()
            return False
        try:
            wanted = self.requests()
            with wait_cursor():
                shown = letters.preview_letter(self.state.store, wanted[0])
        except ValidationError as error:
            if quiet:
                self.preview.show_hint() if error.field in ("template", "recipient") else \
                    self.preview.show_problem(error.message)
            else:
                self.preview.show_problem(error.message)
                self.show_error(error)
            return False
        except UserFixableError as error:
            self.preview.show_problem(error.message)
            return False
        except Exception as error:  # noqa: BLE001 - a template that cannot be filled in is said; a bug is reported
            problem = _template_problem(error)
            if problem is None:
                raise
            self.preview.show_problem(problem)
            return False
        self.preview.show_letter(shown.docx, shown.warnings, shown.leftovers, len(wanted))
        return True

    def accept(self) -> None:
        if not self.ready():
            return
        self.errors.clear()
        try:
            wanted = self.requests()
        except ValidationError as error:
            self.show_error(error)
            return
        if len(wanted) == 1 and not self.show_preview(quiet=False):
            return
        if len({request.recipient_id for request in wanted}) > 1:  # one recipient: the dialog's address box
            completed = self.with_addresses(wanted)
            if completed is None:
                return
            wanted = completed
        if self.preview.leftovers:
            QMessageBox.warning(self, self.tr("Letter not created"), self.tr(
                "The letter still holds fields that were not filled in (in red in the preview): %s. Answer what "
                "the template asks, or correct the template in Word, then try again.") % ", ".join(
                    self.preview.leftovers))
            return
        try:
            self.created = self._create(wanted)
            self.made_for = (wanted[0].matter_id,
                             list(dict.fromkeys(r.recipient_id for r in wanted if r.recipient_id is not None)))
        except ValidationError as error:
            self.show_error(error)
            self.preview.show_problem(error.message)
            return
        except UserFixableError as error:
            show_problem(self, error, self.tr("Letter not created"))
            return
        except Exception as error:  # noqa: BLE001 - a template that cannot be filled in is said; a bug is reported
            problem = _template_problem(error)
            if problem is None:
                raise
            self.preview.show_problem(problem)
            return
        if not self.created:  # cancelled while the letters were being made: nothing was filed
            self.preview.show_problem(self.tr("Cancelled: no letter was filed."))
            return
        self.state.data_changed.emit(Changed.COMMUNICATIONS | Changed.DOCUMENTS | Changed.TODOS | Changed.TIME)
        self._after()
        super().accept()

    def with_addresses(self, wanted: list) -> list | None:
        """Letters to several recipients: ask for the address of each one who has none (or to leave them out);
        the letters to make, or None when the user goes back."""
        from dataclasses import replace

        from legalsec_desktop.services import contacts
        from legalsec_desktop.ui.correspondence.missing_addresses import MissingAddressesDialog

        store = self.state.require_store()
        people: dict[int, str] = {}
        for request in wanted:
            if request.recipient_id is not None and request.recipient_id not in people and not request.address:
                contact = contacts.load_contact(store, request.recipient_id)
                if not contact.address.strip():
                    people[request.recipient_id] = contact.name
        if not people:
            return wanted
        dialog = MissingAddressesDialog(list(people.items()), self)
        if dialog.exec() != MissingAddressesDialog.DialogCode.Accepted:
            return None
        typed, left_out = dialog.addresses(), dialog.left_out()
        kept = [replace(request, address=typed.get(request.recipient_id) or request.address)
                for request in wanted if request.recipient_id not in left_out]
        if not kept:
            self.preview.show_problem(self.tr("Every recipient was left out: no letter to make."))
            return None
        # the follow-up and the time go with the first letter made, even when the first one was left out
        kept[0] = replace(kept[0], follow_up_on=wanted[0].follow_up_on, time=wanted[0].time)
        return kept

    def _create(self, wanted: list) -> list:
        store, root = self.state.require_store(), self.state.documents_root()
        if len(wanted) == 1:
            with wait_cursor():
                return [letters.create_letter(store, wanted[0], root=root)]
        stage = self.tr("Drafting %d letters…") % len(wanted)

        def work(progress: Progress) -> list:  # on the worker thread: no widgets here
            progress(stage, 0, len(wanted))
            # all or none (services.letters): Cancel before the filing files nothing
            return letters.create_letters(store, wanted, lambda done, total: progress(stage, done, total), root=root)

        made: list = run_and_wait(self, stage, work, cancellable=True)
        return made

    def _after(self) -> None:
        """Open the letters in Word and make their PDFs, as the user asked; a failure here loses nothing."""
        if self.open_after.isChecked():
            for made in self.created[:MAX_OPENED]:
                if not open_file(self, Path(made.path)):
                    break  # said once, not once a letter
        if self.pdf_available and self.save_pdf.isChecked() and self.created:
            self._make_pdfs()

    def _make_pdfs(self) -> None:
        from legalsec_desktop.services import documents
        from legalsec_desktop.services.pdf_convert import file_letter_pdf
        from legalsec_desktop.services.users import current_user

        store, clock = self.state.require_store(), self.state.clock
        root, by, made = self.state.documents_root(), current_user(), list(self.created)
        stage = self.tr("Saving the letters as PDF…")

        def work(progress: Progress) -> int:
            done = 0
            for index, letter in enumerate(made):
                if not progress(stage, index, len(made)):
                    break
                item = documents.document(store, letter.document_id)
                file_letter_pdf(store, root, item.matter_id, Path(letter.path), item.title, item.doc_date, clock, by)
                done += 1
            return done

        try:
            self.pdfs_saved = run_and_wait(self, stage, work, cancellable=True) or 0
        except UserFixableError as error:
            show_problem(self, error, self.tr("PDF not saved"))
        self.state.data_changed.emit(Changed.DOCUMENTS)

