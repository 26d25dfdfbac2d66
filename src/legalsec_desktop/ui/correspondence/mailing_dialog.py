"""Print or save #10 envelopes or Avery 5160 address labels for a matter's parties, with a preview."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.conflicts import PARTY_ROLES
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.services import mailing
from legalsec_desktop.services.mailing import MailingAddress
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.fields import fill_matter_combo, searchable_combo
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.common.save_paths import ask_save_path
from legalsec_desktop.ui.common.worker import Progress, run_and_wait

VIA_LINES = ("", "Via Certified Mail", "Via Certified Mail, Return Receipt Requested", "Via Hand Delivery",
             "Via Overnight Delivery", "Personal and Confidential")
LABELS_PER_SHEET = 30
MATTER_LENGTH = 48  # characters of the matter shown in its box


class MailingDialog(LoadOnShowDialog):
    """Envelopes (one a recipient) or labels (one a recipient) for the checked parties of a matter."""

    def __init__(self, state: AppState, parent: QWidget | None = None, matter_id: int | None = None,
                 contact_ids: Sequence[int] | None = None, mode: str = "envelope") -> None:
        super().__init__(parent)
        if mode not in ("envelope", "labels"):
            raise ValueError(f"mode must be 'envelope' or 'labels', not {mode!r}")
        self.state, self.matter_id, self.mode = state, matter_id, mode
        self.contact_ids = list(contact_ids or ())
        self.addresses: list[MailingAddress] = []
        self.checked: set[int] = set()
        self.return_lines: tuple[str, ...] = ()
        self.saved: list[Path] = []
        envelope = mode == "envelope"
        self.setWindowTitle(self.tr("Print Envelope") if envelope else self.tr("Print Mailing Labels"))
        self.load_problem_title = self.tr("Could not open")
        self.matter = searchable_combo(MATTER_LENGTH)  # the number and the whole of a usual title
        self.role = QComboBox()
        self.role.addItem(self.tr("All parties"), None)
        for role in PARTY_ROLES:
            self.role.addItem(role.capitalize(), role)
        self.recipients = QListWidget()
        self.recipients.setMinimumHeight(120)
        self.recipients.setWordWrap(True)  # a very long name wraps rather than being cut
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText(self.tr("Street\nCity, State ZIP"))
        self.address.setFixedHeight(70)
        self.address.setTabChangesFocus(True)
        self.address_label = QLabel(self.tr("&Address:"))
        self.address_label.setBuddy(self.address)
        self.via = QComboBox()
        self.via.setEditable(True)
        self.via.addItems(VIA_LINES)
        self.skip = QSpinBox()
        self.skip.setRange(0, LABELS_PER_SHEET - 1)
        self.skip.setToolTip(self.tr("On a partly used sheet: how many labels at its start are used already"))
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(self.tr("Preview of the first page"))
        form = QFormLayout()
        form.addRow(self.tr("&Matter:"), self.matter)
        form.addRow(self.tr("&Show:"), self.role)
        form.addRow(self.tr("&Recipients:"), self.recipients)
        form.addRow(self.address_label, self.address)
        if envelope:
            form.addRow(self.tr("&Line above the address:"), self.via)
        else:
            form.addRow(self.tr("Used labels to s&kip:"), self.skip)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = buttons.addButton(self.tr("Save as P&DF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_pages)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notes)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.matter.currentIndexChanged.connect(self._matter_changed)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.recipients.itemChanged.connect(self._checks_changed)
        self.address.textChanged.connect(self.refresh)
        self.via.currentTextChanged.connect(self.refresh)
        self.skip.valueChanged.connect(self.refresh)
        self.resize(max(self.sizeHint().width(), 800), max(self.sizeHint().height(), 640))

    # --- reading ---------------------------------------------------------------------------
    def read(self) -> None:
        store = self.state.require_store()
        fill_matter_combo(self.matter, store, self.matter_id, self.tr("(choose a matter)"), include_closed=True)
        self.return_lines = mailing.return_address(store)
        self.checked = set(self.contact_ids)
        self._load_addresses(first=True)

    def _matter_changed(self) -> None:
        self.checked = set()
        self._load_addresses(first=True)

    def _load_addresses(self, first: bool = False) -> None:
        matter_id = self.matter.currentData()
        store = self.state.require_store()
        self.addresses = mailing.matter_addresses(store, matter_id) if matter_id is not None else []
        known = {address.contact_id for address in self.addresses}
        for contact_id in self.contact_ids:  # a letter's recipient who is not a party of the matter
            if contact_id not in known:
                self.addresses.append(mailing.contact_address(store, contact_id))
        if first and not self.checked:
            chosen = [a.contact_id for a in self.addresses if a.printable]
            self.checked = set(chosen if self.mode == "labels" else chosen[:1])
        self._fill_recipients()

    def _fill_recipients(self) -> None:
        role = self.role.currentData()
        self.recipients.blockSignals(True)
        self.recipients.clear()
        for address in self.addresses:
            if role is not None and role not in address.roles:
                continue
            roles = ", ".join(address.roles) or self.tr("contact")
            missing = "" if address.printable else self.tr(" — no address")
            item = QListWidgetItem(f"{address.name} ({roles}){missing}")
            item.setData(Qt.ItemDataRole.UserRole, address.contact_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = address.contact_id in self.checked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setToolTip(f"{item.text()}\n" + ("\n".join(address.lines) if address.printable else address.warning))
            self.recipients.addItem(item)
        self.recipients.blockSignals(False)
        self.refresh()

    def _role_changed(self) -> None:
        if self.mode == "labels" and not self.contact_ids:  # "labels to every opposing counsel": all of them
            role = self.role.currentData()
            self.checked |= {a.contact_id for a in self.addresses if a.printable and (role is None or role in a.roles)}
        self._fill_recipients()

    def _checks_changed(self, item: QListWidgetItem) -> None:
        contact_id = int(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self.checked.add(contact_id)
        else:
            self.checked.discard(contact_id)
        self.refresh()

    # --- what is printed -------------------------------------------------------------------
    def chosen(self) -> list[MailingAddress]:
        """The checked recipients shown (of the role chosen), in the list's order."""
        role = self.role.currentData()
        return [address for address in self.addresses
                if address.contact_id in self.checked and (role is None or role in address.roles)]

    def _typing_for(self) -> MailingAddress | None:
        """The one checked recipient of an envelope who has no address: the user may type one for it."""
        chosen = self.chosen()
        if self.mode == "envelope" and len(chosen) == 1 and not chosen[0].printable:
            return chosen[0]
        return None

    def blocks(self) -> tuple[list[tuple[str, ...]], list[str]]:
        """The address blocks to print, and a sentence for each checked recipient left out."""
        typing = self._typing_for()
        typed = self.address.toPlainText().strip()
        blocks: list[tuple[str, ...]] = []
        notes: list[str] = []
        for address in self.chosen():
            if address.printable:
                blocks.append(address.lines)
            elif address is typing and typed:
                blocks.append(mailing.contact_address(self.state.require_store(), address.contact_id, typed).lines)
            elif address is typing:
                notes.append(self.tr("%s has no address: type it above for this envelope.") % address.name)
            else:
                notes.append(self.tr("%s has no address and is left out: add one to the contact to print it.")
                             % address.name)
        return blocks, notes

    def refresh(self) -> None:
        """The notes and the preview of the first page, after any change."""
        from legalsec_desktop.ui.common import mailing_print

        typing = self._typing_for() is not None
        self.address.setVisible(typing)
        self.address_label.setVisible(typing)
        blocks, notes = self.blocks()
        if self.mode == "envelope" and not self.return_lines:
            notes.append(self.tr("The firm's name and address are not set (Settings): the envelope has no return "
                                 "address."))
        if not self.chosen():
            notes.append(self.tr("Check the recipients to print for."))
        elif blocks:
            count = len(blocks)
            what = self.tr("%n envelope(s)", "", count) if self.mode == "envelope" else self.tr("%n label(s)", "",
                                                                                                 count)
            notes.insert(0, self.tr("%s to print.") % what)
        self.notes.setText("\n".join(notes))
        self.print_button.setEnabled(bool(blocks))
        self.pdf_button.setEnabled(bool(blocks))
        if not blocks:
            self.preview.clear()
            return
        if self.mode == "envelope":
            image = mailing_print.envelope_image(self.return_lines, blocks[0], self.via.currentText(), dpi=60)
        else:
            image = mailing_print.labels_image(blocks, self.skip.value(), dpi=40)
        self.preview.setPixmap(QPixmap.fromImage(image))

    # --- output ----------------------------------------------------------------------------
    def save_pdf(self, path: Path | None = None) -> Path | None:
        blocks, _notes = self.blocks()
        if not blocks:
            return None
        name = self.tr("envelope.pdf") if self.mode == "envelope" else self.tr("labels.pdf")
        path = path or ask_save_path(self, self.tr("Save as PDF"), name, self.tr("PDF files (*.pdf)"), ".pdf")
        if path is None:
            return None
        mode, sender, via, skip = self.mode, self.return_lines, self.via.currentText(), self.skip.value()

        def write(_progress: Progress) -> Path:  # data only: no widgets on the worker thread
            from legalsec_desktop.ui.common import mailing_print

            if mode == "envelope":
                mailing_print.write_envelopes_pdf(sender, blocks, via, path)
            else:
                mailing_print.write_mailing_labels_pdf(blocks, path, skip)
            return path

        try:
            saved = run_and_wait(self, self.tr("Saving the PDF…"), write)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("PDF not saved"))
            return None
        if saved is not None:
            self.saved.append(saved)
            self._say(self.tr("Saved to %s.") % saved)
        return saved

    def print_pages(self) -> None:
        from legalsec_desktop.ui.common import mailing_print

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.mode == "envelope":
            printer.setPageLayout(mailing_print.envelope_page_layout())  # the print dialog shows #10, landscape
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Print the envelopes or labels on `printer`; False (and the problem shown) when that failed."""
        from legalsec_desktop.ui.common import mailing_print

        blocks, _notes = self.blocks()
        try:
            if self.mode == "envelope":
                mailing_print.print_envelopes(self.return_lines, blocks, self.via.currentText(), printer)
            else:
                mailing_print.print_mailing_labels(blocks, printer, self.skip.value())
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Not printed"))
            return False
        if self.mode == "envelope":
            self._say(self.tr("Sent to the printer. Feed each #10 envelope the way the picture on your printer's "
                              "tray shows (the page is set to #10 envelope, landscape)."))
        else:
            self._say(self.tr("Sent to the printer."))
        return True

    def _say(self, text: str) -> None:
        self.notes.setText(text)
