"""Add a party to a matter: an existing or new contact in a role, after a conflict check."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.conflicts import PARTY_ROLES, SearchName, side_of_role
from legalsec_desktop.domain.contacts import ContactDraft, validate_contact
from legalsec_desktop.domain.errors import UserFixableError, ValidationError
from legalsec_desktop.domain.names import same_name
from legalsec_desktop.domain.party_names import looks_like_organisation, party_name
from legalsec_desktop.services import conflicts, contacts
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.matters.similar_contacts_dialog import SimilarContactsDialog

PERSON, ORGANISATION = False, True


class PartyDialog(LoadOnShowDialog):
    """A name and a role; the contacts to complete the name from are read on first showing."""

    def __init__(self, state: AppState, matter_id: int, matter_number: str, parent: QWidget | None = None,
                 role: str = "opposing party") -> None:
        super().__init__(parent)
        self.state, self.matter_id, self.matter_number = state, matter_id, matter_number
        self.party_id: int | None = None
        self.setWindowTitle(self.tr("Add Party to %s") % matter_number)
        self.setMinimumWidth(480)
        self.name = QLineEdit(placeholderText=self.tr("An existing contact, or a new name"))
        self.contact_names = QStringListModel(self)  # filled by read()
        completer = QCompleter(self.contact_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        self.role = QComboBox()
        for key in PARTY_ROLES:
            self.role.addItem(key.capitalize(), key)
        self.role.setCurrentIndex(PARTY_ROLES.index(role))
        self.kind = QComboBox()  # follows the words of the name until the user chooses
        self.kind.addItem(self.tr("A person"), PERSON)
        self.kind.addItem(self.tr("An organisation (company, agency, court…)"), ORGANISATION)
        self.kind.setToolTip(self.tr("Decided from the name (Inc., LLC, Co., Bank, County, City of …); "
                                     "choose the other if it is wrong"))
        self.kind_chosen = False
        self.kind.activated.connect(self._kind_picked)
        self.kept_as = QLabel()
        self.kept_as.setObjectName("partyKeptAs")
        self.kept_as.setTextFormat(Qt.TextFormat.PlainText)
        self.kept_as.setWordWrap(True)
        self.name.textChanged.connect(self._name_changed)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("name", self.tr("&Name:"), self.name)
        form.addRow("", self.kept_as)
        self.errors.add_row("kind", self.tr("&Is:"), self.kind)
        self.errors.add_row("role", self.tr("&Role:"), self.role)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Check Conflicts && &Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def read(self) -> None:
        self.contact_names.setStringList(contacts.contact_names(self.state.require_store()))

    def is_organisation(self) -> bool:
        return bool(self.kind.currentData())

    def _kind_picked(self) -> None:
        self.kind_chosen = True
        self._show_kept_as()

    def _name_changed(self, text: str) -> None:
        if not self.kind_chosen:
            self.kind.setCurrentIndex(self.kind.findData(looks_like_organisation(text)))
        self._show_kept_as()

    def _show_kept_as(self) -> None:
        """Say how a new contact would be kept when that differs from what was typed ("Jones, Josh")."""
        typed = " ".join(self.name.text().split())
        kept = party_name(typed, self.is_organisation())
        differs = bool(typed) and not kept.is_organization and kept.sort_name != kept.name
        self.kept_as.setText(self.tr("A new contact is kept as “%s”, sorted as “%s”.") % (kept.name, kept.sort_name)
                             if differs else "")
        self.kept_as.setVisible(differs)

    def accept(self) -> None:
        if not self.ready():
            return
        self.errors.clear()
        name, role = " ".join(self.name.text().split()), self.role.currentData()
        try:
            validate_contact(ContactDraft(name))
        except ValidationError as exc:
            self.errors.show("name", exc.message)
            return
        try:
            contact_id = self._existing_contact(name)
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Party not added"))
            return
        if contact_id is False:
            return
        if not self._cleared(name, role):
            return
        organisation = self.is_organisation()

        def save() -> None:
            self.party_id = contacts.add_party(self.state.require_store(), self.matter_id, name, role,
                                               contact_id=contact_id or None, is_organization=organisation)

        if self.errors.attempt(self, self.tr("Party not added"), save):
            self.state.data_changed.emit(Changed.PARTIES)
            super().accept()

    def _existing_contact(self, name: str) -> int | bool | None:
        """The contact the typed name means: an id (the same name, or one the user picked from similar ones),
        None for a new contact, False when the user went back to change the name."""
        similar = contacts.similar_contacts(self.state.require_store(), name)
        kept = party_name(name, self.is_organisation()).name
        same = next((c.contact_id for c in similar if same_name(c.name, name) or same_name(c.name, kept)), None)
        if same is not None or not similar:
            return same
        dialog = SimilarContactsDialog(name, similar, self)
        if dialog.exec() != SimilarContactsDialog.DialogCode.Accepted:
            return False
        return dialog.chosen_id

    def _cleared(self, name: str, role: str) -> bool:
        names = [SearchName(name, side_of_role(role))]
        context = self.tr("Party added to %s") % self.matter_number
        try:
            hits = conflicts.find_hits(self.state.require_store(), names)
            if not hits:
                conflicts.record_check(self.state.require_store(), names, hits, decision="cleared", context=context,
                                       matter_id=self.matter_id, notes="No hits.")
                return True
        except UserFixableError as exc:
            show_problem(self, exc, self.tr("Conflict check not run"))
            return False
        from legalsec_desktop.ui.matters.conflict_dialog import ConflictCheckDialog

        side = {names[0].side: (name,)}  # client=, adverse= or other=
        dialog = ConflictCheckDialog(self.state, self, context=context, require_decision=True,
                                     matter_id=self.matter_id, **side)
        dialog.exec()
        if dialog.check_id is not None:
            conflicts.link_to_matter(self.state.require_store(), dialog.check_id, self.matter_id)
        return dialog.decision in ("cleared", "waived")
