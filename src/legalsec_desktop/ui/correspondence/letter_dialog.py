"""New Letter (Ctrl+Shift+L): a matter, a template (or a package), the recipient, the signer and the template's
questions; a preview of the filled-in letter; then the letter written, filed in the matter and logged."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.services import contacts, letter_templates, letters, matters
from legalsec_desktop.domain.letters import CLERK_NAME, COURT_CLERK
from legalsec_desktop.services.pdf_convert import find_soffice
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.fields import (
    DateField,
    chosen_data,
    fill_combo,
    fill_matter_combo,
    line_edit,
    searchable_combo,
)
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.correspondence.asks_form import AsksForm, narrow
from legalsec_desktop.ui.correspondence.letter_drafting import LetterDrafting
from legalsec_desktop.ui.correspondence.letter_preview import LetterPreview
from legalsec_desktop.ui.correspondence.recipient_picker import RecipientPicker
from legalsec_desktop.ui.correspondence.template_picker import TemplatePicker

SETTINGS = "letter_dialog/"
PREVIEW_PAUSE_MS = 1200  # a preview renders in a child process: after a pause in typing, not on every key
SIGNER_MISSING = "border: 2px solid #b00020;"
LEFT_WIDTH = 440  # the fields' column: narrow enough to leave the preview room in a 1024-pixel window


class LetterDialog(LetterDrafting):
    """Drafts one letter, the same letter to every party of a role, or a package; `created` lists what was made."""

    def __init__(self, state: AppState, parent: QWidget | None = None, matter_id: int | None = None,
                 template_name: str | None = None, recipient_id: int | None = None, package: str | None = None) -> None:
        super().__init__(parent)
        self.state, self.matter_id, self.recipient_id = state, matter_id, recipient_id
        self.wanted = ("package", package) if package else ("template", template_name) if template_name else None
        self.created: list = []  # services.letters.CreatedLetter, once created
        self.templates: dict[str, object] = {}  # name -> TemplateInfo
        self.packages: dict[str, tuple[str, ...]] = {}
        self.needs_signer = self.address_wanted = False
        self.made_for: tuple[int, list[int]] = (0, [])  # the matter and the recipients, once created
        self.contact_list: list[tuple[int, str]] = []
        self.setWindowTitle(self.tr("New Letter"))
        self.load_problem_title = self.tr("New Letter not opened")

        self.matter = searchable_combo(30)
        self.picker = TemplatePicker()
        self.recipients = RecipientPicker()
        self.signer = QComboBox()
        narrow(self.signer, 20)
        self.signer.setObjectName("signerCombo")
        self.signer_note = QLabel(self.tr("This matter has no responsible attorney: choose who signs."))
        self.signer_note.setStyleSheet("color: #b00020;")
        self.signer_note.setWordWrap(True)
        self.signer_note.hide()
        signer_box = QWidget()
        signer_column = QVBoxLayout(signer_box)
        signer_column.setContentsMargins(0, 0, 0, 0)
        signer_column.addWidget(self.signer)
        signer_column.addWidget(self.signer_note)
        self.address_note = QLabel()
        self.address_note.setWordWrap(True)
        self.address_note.setStyleSheet("color: #8a5a00;")
        self.address = QPlainTextEdit()
        self.address.setObjectName("addressEdit")
        self.address.setPlaceholderText(self.tr("Street\nCity, State ZIP"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(64)
        self.address_box = QWidget()
        address_column = QVBoxLayout(self.address_box)
        address_column.setContentsMargins(0, 0, 0, 0)
        address_column.addWidget(self.address_note)
        address_column.addWidget(self.address)
        self.asks = AsksForm()
        asks_box = QGroupBox(self.tr("The template asks"))
        QVBoxLayout(asks_box).addWidget(self.asks)
        self.subject = QLineEdit()
        self.subject.setObjectName("subjectEdit")
        self.follow_up = DateField(placeholder=self.tr("MM/DD/YYYY (optional)"))
        self.time_box = QGroupBox(self.tr("Also record &time for it"))
        self.time_box.setCheckable(True)
        self.time_box.setChecked(False)
        self.duration = QLineEdit(placeholderText=self.tr("0.3, 18m, 1:15 or 1h 20m"))
        self.timekeeper = QComboBox()
        narrow(self.timekeeper, 20)
        self.narrative = QLineEdit()
        self.open_after = QCheckBox(self.tr("&Open in Word when done"))
        self.save_pdf = QCheckBox(self.tr("Also save as &PDF (LibreOffice)"))
        self.pdf_available = find_soffice() is not None
        self.save_pdf.setVisible(self.pdf_available)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FormErrors(form)
        self.errors.add_row("matter_id", self.tr("&Matter:"), self.matter)
        self.errors.add_row("template", self.tr("&Template:"), self.picker)
        self.errors.add_row("recipient", self.tr("&To:"), self.recipients)
        self.address_row = form.rowCount()  # hidden while the recipient has an address
        self.errors.add_row("address", self.tr("Address:"), self.address_box)
        self.errors.add_row("signer", self.tr("Si&gned by:"), signer_box)
        self.errors.add_row("subject", self.tr("&Subject:"), self.subject)
        self.errors.add_row("follow_up_on", self.tr("&Follow up on:"), self.follow_up)
        time_form = QFormLayout(self.time_box)
        self.errors.add_row("minutes", self.tr("&Duration:"), self.duration, time_form)
        self.errors.add_row("timekeeper", self.tr("Time&keeper:"), self.timekeeper, time_form)
        self.errors.add_row("narrative", self.tr("&Narrative:"), self.narrative, time_form)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.addLayout(form)
        left_column.addWidget(asks_box)
        left_column.addWidget(self.time_box)
        left_column.addWidget(self.open_after)
        left_column.addWidget(self.save_pdf)
        left_column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        # every label wraps and every combo keeps to a few characters, so the column never needs to be wider than
        # this; should something still be, it scrolls rather than being cut off at the right
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setMinimumWidth(LEFT_WIDTH)
        self.preview = LetterPreview()
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)

        self.preview_button = QPushButton(self.tr("Pre&view"))
        self.preview_button.setObjectName("previewButton")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(self.tr("&Create Letter"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(lambda: self.show_preview(quiet=False))
        bottom = QHBoxLayout()
        bottom.addWidget(self.preview_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.pause = QTimer(self, singleShot=True, interval=PREVIEW_PAUSE_MS)
        self.pause.timeout.connect(lambda: self.show_preview(quiet=True))
        self.matter.currentIndexChanged.connect(self._matter_changed)
        self.picker.choice_changed.connect(self._template_changed)
        self.recipients.changed.connect(self._recipient_changed)
        for signal in (self.asks.changed, self.address.textChanged, self.signer.currentIndexChanged,
                       self.subject.textChanged):
            signal.connect(self._typed)
        self._restore()

    # --- reading -----------------------------------------------------------------------------
    def read(self) -> None:
        letters.get_ready()  # the render process starts now, while the user chooses: the first preview is quick
        store = self.state.require_store()
        fill_matter_combo(self.matter, store, self.matter_id, include_closed=True)
        line_edit(self.matter).setCursorPosition(0)  # the number first, not the end of a long title
        infos = letter_templates.list_templates(store)
        self.templates = {info.name: info for info in infos}
        packages = letter_templates.list_packages(store)
        self.packages = {package.name: tuple(package.templates) for package in packages}
        fill_combo(self.signer, [(None, ""), *matters.attorneys(store)])
        fill_combo(self.timekeeper, matters.attorneys(store))
        self.time_box.setVisible(self.timekeeper.count() > 0)
        self.contact_list = contacts.contact_choices(store)
        remembered = QSettings().value(SETTINGS + "template", "")
        wanted = self.wanted or (("template", str(remembered)) if remembered else None)
        self.picker.fill(infos, packages, wanted)
        self._matter_changed()
        if self.wanted is not None and self.picker.chosen() != self.wanted:
            self.preview.show_problem(self.tr("The template “%s” is not in the templates folder, or cannot be used.")
                                      % self.wanted[1])
        (self.picker.search if self.matter.currentData() is not None else self.matter).setFocus()

    def _matter_changed(self) -> None:
        matter_id = self.matter.currentData()
        store = self.state.require_store()
        parties = contacts.list_parties(store, matter_id) if matter_id is not None else []
        matter = matters.load_matter(store, matter_id) if matter_id is not None else None
        self.recipients.fill(parties, self.contact_list, self.recipient_id, matter.court if matter else "")
        lawyer = matter.responsible_attorney_id if matter is not None else None
        self.needs_signer = matter_id is not None and lawyer is None
        self.signer.setCurrentIndex(max(0, self.signer.findData(lawyer)))
        if self.timekeeper.findData(lawyer) >= 0:
            self.timekeeper.setCurrentIndex(self.timekeeper.findData(lawyer))
        self._mark_signer()
        self._typed()

    def _mark_signer(self) -> None:
        missing = self.needs_signer and self.signer.currentData() is None
        self.signer_note.setVisible(missing)
        self.signer.setStyleSheet(SIGNER_MISSING if missing else "")

    def _template_changed(self) -> None:
        self.asks.set_asks(self.asks_of(self.chosen_templates()))
        self.subject.setPlaceholderText(self._suggested_subject())
        self._typed()

    def _recipient_changed(self) -> None:
        chosen = self.recipients.chosen()
        missing = ""
        if chosen == ("contact", COURT_CLERK):  # no address on file for a court: typed for the letter
            missing = CLERK_NAME
        elif chosen is not None and chosen[0] == "contact" and self.state.store is not None:
            contact = contacts.load_contact(self.state.store, int(chosen[1]))  # type: ignore[call-overload]
            if not contact.address.strip():
                missing = contact.name
        self.address_note.setText(self.tr("%s has no address on file: type the one for this letter, or leave it "
                                          "blank to write the letter without one.") % missing)
        self.address_wanted = bool(missing)
        self.errors.form.setRowVisible(self.address_row, self.address_wanted)
        self.subject.setPlaceholderText(self._suggested_subject())
        self._typed()

    def _typed(self) -> None:
        self._mark_signer()
        self.update_notes()
        self.pause.start()

    def _suggested_subject(self) -> str:
        chosen = self.picker.chosen()
        return chosen[1] if chosen is not None else ""

    # --- requests ----------------------------------------------------------------------------
    def chosen_templates(self) -> list[str]:
        chosen = self.picker.chosen()
        if chosen is None:
            return []
        kind, name = chosen
        return [name] if kind == "template" else [t for t in self.packages.get(name, ()) if t in self.templates]

    def asks_of(self, names: list[str]) -> list:
        seen: dict[str, object] = {}
        for name in names:
            for ask in getattr(self.templates.get(name), "asks", ()):
                seen.setdefault(ask.name, ask)
        return list(seen.values())

    def requests(self) -> list[letters.LetterRequest]:
        """What to draft, read from the fields; ValidationError(field) for what is missing or wrong."""
        store = self.state.require_store()
        matter_id = chosen_data(self.matter, "matter_id")
        if matter_id is None:
            raise ValidationError("matter_id", "Choose the matter the letter is on.")
        chosen = self.picker.chosen()
        gone = [t for t in self.packages.get(chosen[1], ()) if t not in self.templates] if chosen else []
        if chosen is not None and chosen[0] == "package" and gone:  # never a package made short without a word
            raise ValidationError("template", f"The package “{chosen[1]}” holds templates no longer in the "
                                              f"templates folder: {', '.join(gone)}. Put them back or change the "
                                              "package (Letter Templates).")
        names = self.chosen_templates()
        if not names:
            raise ValidationError("template", "Choose a template (or a package) from the list.")
        recipient = self.recipients.chosen()
        if recipient is None:
            raise ValidationError("recipient", "Choose who the letter is to (a party, or another contact by name).")
        if recipient[0] == "role":
            to = letters.parties_with_role(store, matter_id, str(recipient[1]))
            if not to:  # removed from the matter meanwhile
                raise ValidationError("recipient", f"No party of the matter has the role “{recipient[1]}” now; "
                                                   "choose whom the letter is to.")
        else:
            to = [int(recipient[1])]  # type: ignore[call-overload]
        signer = self.signer.currentData()
        if signer is None and self.needs_signer:
            raise ValidationError("signer", "This matter has no responsible attorney: choose who signs the letter.")
        address = self.address.toPlainText().strip() if self.address_wanted else ""
        follow_up = self.follow_up.date("follow_up_on")
        time = self.time()
        answers = self.asks.answers()
        made: list[letters.LetterRequest] = []
        for name in names:
            asked = {ask.name for ask in self.asks_of([name])}
            for contact_id in to:
                first = not made  # the follow-up and the time go with the first letter only, not once per letter
                made.append(letters.LetterRequest(
                    matter_id=matter_id, template_name=name, recipient_id=contact_id, signer_id=signer,
                    answers={key: value for key, value in answers.items() if key in asked},
                    address=(address or None) if len(to) == 1 else None, subject=self.subject.text().strip(),
                    follow_up_on=follow_up if first else None, time=time if first else None))
        return made

    def time(self):  # noqa: ANN201 - a communications.TimeForEntry or None
        from legalsec_desktop.domain.durations import parse_duration
        from legalsec_desktop.services.communications import TimeForEntry

        if not self.timekeeper.count() or not self.time_box.isChecked():
            return None
        if self.timekeeper.currentData() is None:
            raise ValidationError("timekeeper", "Choose who the time is for.")
        about = self.subject.text().strip() or self._suggested_subject()
        narrative = self.narrative.text().strip() or f"Draft letter: {about}"
        return TimeForEntry(self.timekeeper.currentData(), parse_duration(self.duration.text(), "minutes"), narrative)

    def show_error(self, error: ValidationError) -> None:
        """Beside the question or field it is about (never losing what was typed)."""
        field = {"recipient_id": "recipient", "template_name": "template", "signer_id": "signer"}.get(error.field,
                                                                                                       error.field)
        if not self.asks.show_error(field, error.message):
            self.errors.show(field if field in self.errors.labels else "template", error.message)

    # --- settings ----------------------------------------------------------------------------
    def _restore(self) -> None:
        settings = QSettings()
        self.resize(1180, 780)
        geometry = settings.value(SETTINGS + "geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.open_after.setChecked(settings.value(SETTINGS + "open_after", "false") == "true")
        self.save_pdf.setChecked(self.pdf_available and settings.value(SETTINGS + "pdf", "false") == "true")

    def remember(self) -> None:
        settings = QSettings()
        settings.setValue(SETTINGS + "geometry", self.saveGeometry())
        settings.setValue(SETTINGS + "open_after", "true" if self.open_after.isChecked() else "false")
        settings.setValue(SETTINGS + "pdf", "true" if self.save_pdf.isChecked() else "false")
        chosen = self.picker.chosen()
        if chosen is not None and chosen[0] == "template":
            settings.setValue(SETTINGS + "template", chosen[1])

    def typed_anything(self) -> bool:
        """Something the user typed would be lost by closing: an answer, the subject, an address, the time."""
        texts = [*self.asks.answers().values(), self.subject.text(), self.address.toPlainText(),
                 self.follow_up.text(), self.duration.text(), self.narrative.text()]
        return any(text.strip() for text in texts)

    def reject(self) -> None:
        """Escape, Cancel or closing the window: ask first when something typed would be lost."""
        if self.isVisible() and self.typed_anything() and QMessageBox.question(
                self, self.tr("Discard this letter?"),
                self.tr("Discard this letter? What you typed (the answers, the subject …) will be lost."),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Discard:
            return
        super().reject()

    def done(self, result: int) -> None:
        self.pause.stop()
        self.remember()
        super().done(result)
