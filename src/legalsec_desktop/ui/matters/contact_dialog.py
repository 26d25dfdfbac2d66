"""New Contact and Edit Contact: a person or organisation, with addresses, phones and other names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.contacts import (
    COURTESY_TITLES,
    MAX_COURTESY_TITLE,
    MAX_ORGANIZATION,
    ContactDraft,
    format_aliases,
    parse_aliases,
)
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.firm import BILLING_INCREMENTS, describe_increment
from legalsec_desktop.domain.money import format_money
from legalsec_desktop.domain.names import same_name
from legalsec_desktop.domain.party_names import looks_like_organisation, party_name
from legalsec_desktop.services import contacts
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.fields import MoneyField, line_edit
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.matters.similar_contacts_dialog import SimilarContactsDialog


def _text_box(height: int, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class ContactDialog(LoadOnShowDialog):
    """A contact's details; an existing contact's are read on first showing, with the matters it is on."""

    def __init__(self, state: AppState, parent: QWidget | None = None, contact_id: int | None = None) -> None:
        super().__init__(parent)
        self.state, self.contact_id = state, contact_id
        self.setWindowTitle(self.tr("New Contact") if contact_id is None else self.tr("Edit Contact"))
        self.load_problem_title = self.tr("Contact not opened")
        self.setMinimumWidth(560)
        self.name = QLineEdit(placeholderText=self.tr("Jane Q. Smith, or Acme Widgets Inc."))
        self.organisation = QCheckBox(self.tr("This is an &organisation (company, agency, court…)"))
        self.organisation.setToolTip(self.tr("Ticked from the name's words (Inc., LLC, Co., Bank, County, "
                                             "City of …) until you tick or clear it yourself"))
        self.organisation_chosen = contact_id is not None  # an existing contact keeps what it is
        self.organisation.clicked.connect(self._organisation_picked)
        self.kept_as = QLabel()
        self.kept_as.setObjectName("contactKeptAs")
        self.kept_as.setTextFormat(Qt.TextFormat.PlainText)
        self.kept_as.setVisible(False)
        self.name.textChanged.connect(self._name_changed)
        self.courtesy_title = QComboBox()
        self.courtesy_title.setObjectName("contactCourtesyTitle")
        self.courtesy_title.setEditable(True)
        self.courtesy_title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.courtesy_title.addItems(COURTESY_TITLES)
        line_edit(self.courtesy_title).setMaxLength(MAX_COURTESY_TITLE)
        line_edit(self.courtesy_title).setPlaceholderText(self.tr("none"))
        self.courtesy_title.setToolTip(self.tr("How a letter greets a person: “Dear Ms. Lewis:” (pick one or type "
                                               "another, such as Rev. or Judge)"))
        self.organization = QLineEdit(placeholderText=self.tr("the firm or company a person works for"))
        self.organization.setObjectName("contactOrganization")
        self.organization.setMaxLength(MAX_ORGANIZATION)
        self.organisation.toggled.connect(lambda on: self.courtesy_title.setEnabled(not on))
        self.address = _text_box(64, self.tr("Street\nCity, State ZIP"))
        self.phone = QLineEdit(placeholderText=self.tr("(415) 555-0100; cell (415) 555-0199"))
        self.email = QLineEdit(placeholderText=self.tr("name@example.com (several: separate with commas)"))
        self.aliases = _text_box(64, self.tr("Other names, one per line: a maiden or former name, "
                                             "“d/b/a: Acme Tools”, “former company name: Acme Ltd”"))
        self.notes = _text_box(60, "")
        self.rate = MoneyField(placeholder=self.tr("the timekeeper's or matter's rate"))
        self.rate.setToolTip(self.tr("As a client: the hourly rate on all its matters "
                                     "(a matter's own rate still wins)"))
        self.increment = QComboBox()
        self.increment.addItem(self.tr("The firm's increment"), None)
        for minutes in BILLING_INCREMENTS:
            self.increment.addItem(describe_increment(minutes), minutes)
        self.billing_id = QLineEdit(placeholderText=self.tr("the client's ID for LEDES e-billing, if it has one"))
        self.billing_id.setMaxLength(20)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("name", self.tr("&Name:"), self.name)
        form.addRow("", self.kept_as)
        form.addRow("", self.organisation)
        self.errors.add_row("courtesy_title", self.tr("Courtesy &title:"), self.courtesy_title)
        self.errors.add_row("organization", self.tr("Or&ganization:"), self.organization)
        self.errors.add_row("address", self.tr("&Address:"), self.address)
        self.errors.add_row("phone", self.tr("&Phone:"), self.phone)
        self.errors.add_row("email", self.tr("&E-mail:"), self.email)
        self.errors.add_row("aliases", self.tr("Other na&mes:"), self.aliases)
        self.errors.add_row("notes", self.tr("No&tes:"), self.notes)
        self.errors.add_row("rate_override_cents", self.tr("Client &rate:"), self.rate)
        self.errors.add_row("billing_increment_minutes", self.tr("Billing &increment:"), self.increment)
        self.errors.add_row("billing_id", self.tr("E-&billing ID:"), self.billing_id)
        self.matters_label = QLabel()
        self.matters_label.setWordWrap(True)
        self.matters_label.setObjectName("contactMatters")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not state.read_only)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.matters_label)
        layout.addWidget(buttons)

    def read(self) -> None:
        if self.contact_id is None:
            return
        store = self.state.require_store()
        draft = contacts.load_contact(store, self.contact_id)
        self.name.setText(draft.name)
        self.organisation.setChecked(draft.is_organization)
        self.courtesy_title.setCurrentText(draft.courtesy_title)
        self.organization.setText(draft.organization)
        self.address.setPlainText(draft.address)
        self.phone.setText(draft.phone)
        self.email.setText(draft.email)
        self.aliases.setPlainText(format_aliases(draft.aliases))
        self.notes.setPlainText(draft.notes)
        self.rate.setText(format_money(draft.rate_override_cents) if draft.rate_override_cents is not None else "")
        self.increment.setCurrentIndex(max(0, self.increment.findData(draft.billing_increment_minutes)))
        self.billing_id.setText(draft.billing_id)
        roles = contacts.contact_matters(store, self.contact_id)
        listed = "; ".join(f"{m.number} {m.title} ({m.role}, {m.status})" for m in roles[:12])
        self.matters_label.setText(self.tr("On matters: %s") % listed + (" …" if len(roles) > 12 else "")
                                   if roles else self.tr("Not on any matter."))

    def _organisation_picked(self) -> None:
        self.organisation_chosen = True
        self._show_kept_as()

    def _name_changed(self, text: str) -> None:
        if not self.organisation_chosen:
            self.organisation.setChecked(looks_like_organisation(text))
        self._show_kept_as()

    def _show_kept_as(self) -> None:
        """Say how a person's name typed "Jones, Josh" is kept (Josh Jones, sorted as Jones, Josh)."""
        typed = " ".join(self.name.text().split())
        kept = party_name(typed, self.organisation.isChecked())
        differs = bool(typed) and kept.name != typed
        self.kept_as.setText(self.tr("Kept as “%s”, sorted as “%s”.") % (kept.name, kept.sort_name) if differs else "")
        self.kept_as.setVisible(differs)

    def _new_after_all(self) -> bool:
        """For a new contact whose name resembles contacts already in the files: ask before making another."""
        if self.contact_id is not None:
            return True
        typed = " ".join(self.name.text().split())
        similar = contacts.similar_contacts(self.state.require_store(), typed) if typed else []
        if not similar:
            return True
        kept = party_name(typed, self.organisation.isChecked()).name
        dialog = SimilarContactsDialog(typed, similar, self, offer_use=False)
        if any(same_name(c.name, typed) or same_name(c.name, kept) for c in similar):
            dialog.setWindowTitle(self.tr("Same Name Already in the Files"))
        return dialog.exec() == SimilarContactsDialog.DialogCode.Accepted and dialog.make_new

    def draft(self) -> ContactDraft:
        return ContactDraft(
            name=self.name.text(), is_organization=self.organisation.isChecked(), address=self.address.toPlainText(),
            phone=self.phone.text(), email=self.email.text(), notes=self.notes.toPlainText(),
            aliases=parse_aliases(self.aliases.toPlainText()),
            rate_override_cents=self.rate.cents("rate_override_cents"),
            billing_increment_minutes=self.increment.currentData(), billing_id=self.billing_id.text(),
            courtesy_title=self.courtesy_title.currentText(), organization=self.organization.text(),
        )

    def accept(self) -> None:
        if not self.ready():
            return
        try:
            if not self._new_after_all():
                return
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Contact not saved"))
            return

        def save() -> None:
            self.contact_id = contacts.save_contact(self.state.require_store(), self.draft(), self.contact_id)

        if self.errors.attempt(self, self.tr("Contact not saved"), save):
            self.state.data_changed.emit(Changed.CONTACTS)
            super().accept()
