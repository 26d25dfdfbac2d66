"""The dialogs of one volume: a new file, moving it, checking it out, putting it on legal hold."""

from __future__ import annotations

from datetime import timedelta
from html import escape
from types import ModuleType

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.file_room import MEDIA, NEW_MEDIA, CheckOut, VolumeDraft
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.fields import DateField, chosen_data, fill_matter_combo, line_edit, searchable_combo
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.files.location_picker import LocationPicker

DUE_DAYS = 14  # a file lent out is due back in two weeks unless the user says otherwise


def volumes() -> ModuleType:
    """services.volumes, imported when a dialog first needs it (not at start-up)."""
    from legalsec_desktop.services import volumes as module

    return module


def keeper_picker(name: str) -> QComboBox:
    """Who a file is lent to: an active timekeeper (attorneys first, then staff) picked, or any name typed."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    line_edit(combo).setPlaceholderText(combo.tr("Pick a timekeeper or type a name"))
    return combo


def fill_keepers(combo: QComboBox, state: AppState) -> None:
    """Every active timekeeper, attorneys and staff, with nothing chosen yet."""
    from legalsec_desktop.services import matters

    for keeper_id, label in matters.attorneys(state.require_store()):  # every active timekeeper, attorneys first
        combo.addItem(label, keeper_id)
    combo.setCurrentIndex(-1)
    combo.setEditText("")


def check_out_request(to: QComboBox, reason: QLineEdit, due: DateField) -> CheckOut:
    """What a check-out form says: a picked timekeeper's id (a typed name has none), why, and when it is due."""
    typed = to.currentText().strip()
    index = to.findText(typed)
    return CheckOut(typed, to.itemData(index) if index >= 0 else None, reason.text(), due.date("due"))


class FileDialog(LoadOnShowDialog):
    """A form with Save and Cancel over one volume (or a new one): `save()` does the work, then FILES changed."""

    save_text = "Save"

    def __init__(self, state: AppState, parent: QWidget | None, file_id: int | None, title: str) -> None:
        super().__init__(parent)
        self.state, self.file_id = state, file_id
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.about = QLabel()  # which file, and where it is now
        self.about.setObjectName("fileAbout")
        self.about.setWordWrap(True)
        self.form = QFormLayout()
        self.errors = FormErrors(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr(self.save_text))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def read(self) -> None:
        if self.file_id is not None:
            v = volumes().volume(self.state.require_store(), self.file_id)
            self.volume = v
            self.about.setText(f"<b>{escape(v.barcode)}</b> {escape(v.label)} — {escape(v.matter_number)}<br>"
                               + self.tr("Now: %s") % escape(v.where))
        else:
            self.about.hide()

    def save(self) -> None:
        """Do it (raises ValidationError / UserFixableError, shown by accept)."""

    def accept(self) -> None:
        if self.ready() and self.errors.attempt(self, self.tr("Not saved"), self.save):
            self.state.data_changed.emit(Changed.FILES)
            super().accept()


class NewFileDialog(FileDialog):
    """A new volume of a matter: its label, medium, place, opened date, and a pre-printed label's id if it has one."""

    save_text = "Add File"

    def __init__(self, state: AppState, parent: QWidget | None = None, matter_id: int | None = None) -> None:
        super().__init__(state, parent, None, "New File")
        self.matter_id = matter_id
        self.barcode = ""  # the new file's id, once saved
        self.matter = searchable_combo()
        self.matter.setObjectName("fileMatter")
        self.label = QLineEdit(placeholderText=self.tr("What it holds, like Pleadings vol. 2"))
        self.medium = QComboBox()
        for key in NEW_MEDIA:
            self.medium.addItem(MEDIA[key], key)
        self.location = LocationPicker(state, blank=self.tr("(not placed yet)"))
        self.opened = DateField(state.clock.today())
        self.code = QLineEdit(placeholderText=self.tr("Blank: the next id (F000…); or scan a pre-printed label"))
        for key, label, widget in (("matter", self.tr("&Matter:"), self.matter), ("label", self.tr("&Label:"),
                                   self.label), ("medium", self.tr("M&edium:"), self.medium),
                                   ("location", self.tr("&Kept in:"), self.location),
                                   ("opened_on", self.tr("&Opened:"), self.opened),
                                   ("barcode", self.tr("&Barcode id:"), self.code)):
            self.errors.add_row(key, label, widget)

    def read(self) -> None:
        super().read()
        store = self.state.require_store()
        fill_matter_combo(self.matter, store, self.matter_id)
        self.location.fill()
        (self.label if self.matter.currentData() is not None else self.matter).setFocus()

    def draft(self) -> VolumeDraft:
        return VolumeDraft(chosen_data(self.matter, "matter"), self.label.text(), self.medium.currentData(),
                           self.location.location_id(required=False), self.opened.date("opened_on", True),
                           self.code.text())

    def save(self) -> None:
        self.file_id, self.barcode = volumes().add_volume(self.state.require_store(), self.draft())


class MoveDialog(FileDialog):
    """Put a file in another place (which becomes its home)."""

    save_text = "Move"

    def __init__(self, state: AppState, file_id: int, parent: QWidget | None = None) -> None:
        super().__init__(state, parent, file_id, "Move File")
        self.was_location_id: int | None = None  # where it was, for Undo
        self.location = LocationPicker(state)
        self.reason = QLineEdit(placeholderText=self.tr("optional"))
        self.errors.add_row("location", self.tr("&Move to:"), self.location)
        self.errors.add_row("reason", self.tr("&Reason:"), self.reason)

    def read(self) -> None:
        super().read()
        self.was_location_id = self.volume.location_id
        self.location.fill()
        self.location.setFocus()

    def save(self) -> None:
        assert self.file_id is not None
        volumes().move(self.state.require_store(), self.file_id, self.location.location_id(), self.reason.text())


class CheckOutDialog(FileDialog):
    """Lend a file: to a timekeeper (picked) or anyone (typed), why, and when it is due back."""

    save_text = "Check Out"

    def __init__(self, state: AppState, file_id: int, parent: QWidget | None = None) -> None:
        super().__init__(state, parent, file_id, "Check Out File")
        self.to = keeper_picker("checkOutTo")
        self.reason = QLineEdit(placeholderText=self.tr("like Deposition of Dr. Shah"))
        self.due = DateField(state.clock.today() + timedelta(days=DUE_DAYS), placeholder=self.tr("no date"))
        self.errors.add_row("to", self.tr("&To:"), self.to)
        self.errors.add_row("reason", self.tr("&Reason:"), self.reason)
        self.errors.add_row("due", self.tr("&Due back:"), self.due)

    def read(self) -> None:
        super().read()
        fill_keepers(self.to, self.state)
        self.to.setFocus()

    def save(self) -> None:
        assert self.file_id is not None
        volumes().check_out(self.state.require_store(), self.file_id,
                            check_out_request(self.to, self.reason, self.due))


class HoldDialog(FileDialog):
    """Put files on legal hold (nothing on hold can be destroyed), saying why."""

    save_text = "Place on Hold"

    def __init__(self, state: AppState, file_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(state, parent, file_ids[0] if len(file_ids) == 1 else None, "Legal Hold")
        self.file_ids, self.placed = file_ids, 0
        self.newly_held: list[int] = []  # the files this hold put on hold (the others already were): Undo's own
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("holdReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.reason.setPlaceholderText(self.tr("The case, the order or the request, like Litigation hold: "
                                               "Rivera v. Okafor"))
        self.errors.add_row("reason", self.tr("&Why:"), self.reason)

    def read(self) -> None:
        super().read()
        about = [self.tr("%d files") % len(self.file_ids)] if len(self.file_ids) > 1 else []
        held = [v for v in volumes().by_ids(self.state.require_store(), self.file_ids) if v.hold_reason]
        if held:  # said before anything is typed: a hold already placed stays as it is, with its own reason
            about.append(self.tr("Already on hold (their holds stay as they are): %s")
                         % "; ".join(f"{v.barcode} — {v.hold_reason}" for v in held[:5])
                         + ("…" if len(held) > 5 else ""))
        if about:
            self.about.setText("\n".join(about))
            self.about.setWordWrap(True)
            self.about.show()
        self.reason.setFocus()

    def save(self) -> None:
        store = self.state.require_store()
        free = [v.id for v in volumes().by_ids(store, self.file_ids) if not v.hold_reason]
        if not free:
            raise ValidationError("reason", self.tr("Every file chosen is on legal hold already, each with its own "
                                                    "reason. To hold one for another reason as well, note it in its "
                                                    "reason: release the hold and place it again with both."))
        self.placed = volumes().set_hold(store, free, self.reason.toPlainText())
        self.newly_held = free
