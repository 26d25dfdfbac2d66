"""First-run setup and Tools ▸ Settings: the firm, its timekeepers and billing defaults."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from legalsec_desktop.domain.errors import ValidationError
from legalsec_desktop.domain.billing import format_hours
from legalsec_desktop.domain.durations import parse_duration
from legalsec_desktop.domain.firm import (
    BILLING_INCREMENTS,
    CLASSIFICATION_NAMES,
    CLASSIFICATIONS,
    SHORT_CLASSIFICATIONS,
    JURISDICTIONS,
    FirmProfile,
    Timekeeper,
    MAX_EMAIL,
    MAX_PHONE,
    describe_increment,
    validate_profile,
)
from legalsec_desktop.domain.money import format_money, parse_money
from legalsec_desktop.services import firm
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.fields import table_item
from legalsec_desktop.ui.common.form_errors import FormErrors
from legalsec_desktop.ui.common.load_on_show import LoadOnShowDialog
from legalsec_desktop.ui.common.worker import Progress, run_and_wait
from legalsec_desktop.ui.settings import sample_practice
from legalsec_desktop.ui.settings.folder_field import FolderField
from legalsec_desktop.services.changes import Changed

NAME, INITIALS, RATE, ATTORNEY, TARGET, CLASS, TITLE, BAR = range(8)


class SettingsDialog(LoadOnShowDialog):
    """Edits the firm profile; on a new database it is the first-run setup. The profile is read on first showing."""

    def __init__(self, state: AppState, first_run: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Welcome — set up your firm") if first_run else self.tr("Settings"))
        self.load_problem_title = self.tr("Settings not opened")
        self.setMinimumWidth(1180)  # the timekeepers table: a name, and seven columns beside it
        self._ids: list[int | None] = []

        intro = QLabel(
            self.tr(
                "A few facts about the firm. They head the docket sheet and timesheets, and you can change them "
                "later under Tools ▸ Settings. To look around first, try the sample practice: a made-up firm, in a "
                "window of its own."
            )
            if first_run
            else self.tr("These settings are saved in the database, so they travel with its backups.")
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(placeholderText=self.tr("e.g. Holloway & Chen LLP"))
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText(self.tr("Street\nCity, State ZIP"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(64)
        self.increment = QComboBox()
        for minutes in BILLING_INCREMENTS:
            self.increment.addItem(describe_increment(minutes), minutes)
        self.jurisdiction = QComboBox()
        for code, label in JURISDICTIONS.items():
            self.jurisdiction.addItem(f"{label} ({code})", code)

        self.tax_id = QLineEdit(placeholderText=self.tr("for LEDES e-billing, e.g. 24-6437381"))
        self.tax_id.setMaxLength(20)
        self.phone = QLineEdit(placeholderText=self.tr("(555) 010-2000"))
        self.fax = QLineEdit(placeholderText=self.tr("(555) 010-2001"))
        self.email = QLineEdit(placeholderText=self.tr("office@example.com"))
        for edit, limit in ((self.phone, MAX_PHONE), (self.fax, MAX_PHONE), (self.email, MAX_EMAIL)):
            edit.setMaxLength(limit)
        self.keepers = QTableWidget(0, 8)
        self.keepers.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Initials"), self.tr("Hourly rate"), self.tr("Attorney"),
             self.tr("Hours a day"), self.tr("LEDES class"), self.tr("Title"), self.tr("Bar no.")]
        )
        for column, tip in ((TITLE, self.tr("Under the signature of a letter: Partner, Associate Attorney")),
                            (BAR, self.tr("The attorney's bar number, for letters and filings"))):
            header_item = self.keepers.horizontalHeaderItem(column)
            assert header_item is not None  # the labels above made it
            header_item.setToolTip(tip)
        target_header = self.keepers.horizontalHeaderItem(TARGET)
        assert target_header is not None  # the labels above made it
        target_header.setToolTip(
            self.tr("Daily target: the Time tab lists weekdays with less time than this (0: no target)"))
        self.keepers.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((INITIALS, 64), (RATE, 96), (ATTORNEY, 70), (TARGET, 90), (CLASS, 110), (TITLE, 120),
                              (BAR, 90)):
            self.keepers.setColumnWidth(column, width)
        self.keepers.verticalHeader().setVisible(False)
        self.keepers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.keepers.setMinimumHeight(140)
        add = QPushButton(self.tr("Add Timekeeper"))
        add.clicked.connect(lambda: self._add_keeper(None))
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_keeper)
        keeper_box = QWidget()
        keeper_layout = QVBoxLayout(keeper_box)
        keeper_layout.setContentsMargins(0, 0, 0, 0)
        keeper_layout.addWidget(self.keepers)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)
        keeper_layout.addLayout(buttons_row)

        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row("name", self.tr("Firm &name:"), self.name)
        self.errors.add_row("address", self.tr("&Address:"), self.address)
        contact_row = QWidget()
        contact_layout = QHBoxLayout(contact_row)
        contact_layout.setContentsMargins(0, 0, 0, 0)
        for caption, edit in ((self.tr("&Phone:"), self.phone), (self.tr("Fa&x:"), self.fax),
                              (self.tr("E-&mail:"), self.email)):
            buddy = QLabel(caption)
            buddy.setBuddy(edit)
            contact_layout.addWidget(buddy)
            contact_layout.addWidget(edit, 2 if edit is self.email else 1)
        self.errors.add_row("phone", self.tr("Telephone:"), contact_row)
        for key, edit in (("phone", self.phone), ("fax", self.fax), ("email", self.email)):  # said under the row
            self.errors.labels[key], self.errors.widgets[key] = self.errors.labels["phone"], edit
        self.errors.add_row("timekeepers", self.tr("&Timekeepers:"), keeper_box)
        self.errors.add_row("billing_increment_minutes", self.tr("&Billing increment:"), self.increment)
        self.errors.add_row("default_jurisdiction", self.tr("Default &jurisdiction:"), self.jurisdiction)
        self.errors.add_row("tax_id", self.tr("Ta&xpayer ID:"), self.tax_id)
        from legalsec_desktop import paths

        self.default_root = paths.default_documents_root()
        self.documents_root = FolderField(self.tr("Blank: %s") % self.default_root, self.tr("Documents Folder"),
                                          "documentsRoot")
        self.documents_root.setToolTip(self.tr("Where filed documents are kept, a folder per matter. Files already "
                                               "filed stay where they are: move the folder yourself, then choose "
                                               "it here."))
        self.inbox = FolderField(self.tr("Blank: no inbox"), self.tr("Inbox Folder"), "inboxFolder")
        self.inbox.setToolTip(self.tr("The Files tab offers the files in this folder for filing (they are copied; "
                                      "the originals stay)."))
        self.default_templates = paths.default_templates_root()
        self.templates_folder = FolderField(self.tr("Blank: %s") % self.default_templates,
                                            self.tr("Letter Templates Folder"), "templatesFolder")
        self.templates_folder.setToolTip(self.tr("The firm's letter templates (Word files); New Letter… lists "
                                                 "them. Files already there stay: move them yourself."))
        self.errors.add_row("documents_root", self.tr("&Documents folder:"), self.documents_root)
        self.errors.add_row("templates_folder", self.tr("&Letter templates folder:"), self.templates_folder)
        self.errors.add_row("inbox_folder", self.tr("&Inbox folder (where the scanner saves):"), self.inbox)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.sample_button: QPushButton | None = None
        if first_run:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
            self.sample_button = self.buttons.addButton(self.tr("Try It with a Sample Practice"),
                                                        QDialogButtonBox.ButtonRole.ActionRole)
            self.sample_button.setToolTip(sample_practice.sample_tip())
            self.sample_button.clicked.connect(self._try_sample)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if state.read_only:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _try_sample(self) -> None:
        """Open the sample practice in a window of its own; this welcome stays open as it is, with what was typed
        (the firm can be set up after a look at the sample)."""
        sample_practice.open_sample_practice(self, self.state.clock)

    def read(self) -> None:
        """The firm's profile and its active timekeepers, into the fields."""
        profile = firm.load_profile(self.state.require_store())
        self.name.setText(profile.name)
        self.address.setPlainText(profile.address)
        self.increment.setCurrentIndex(max(0, self.increment.findData(profile.billing_increment_minutes)))
        self.jurisdiction.setCurrentIndex(max(0, self.jurisdiction.findData(profile.default_jurisdiction)))
        self.tax_id.setText(profile.tax_id)
        self.phone.setText(profile.phone)
        self.fax.setText(profile.fax)
        self.email.setText(profile.email)
        self.templates_folder.set_folder(firm.chosen_templates_folder(self.state.require_store()))
        from legalsec_desktop.services import document_root

        store = self.state.require_store()
        chosen = document_root.documents_root(store, self.default_root)
        self.was_root = chosen if chosen != self.default_root else None
        self.documents_root.set_folder(self.was_root)
        self.inbox.set_folder(document_root.inbox_folder(store))
        for keeper in profile.timekeepers:
            if keeper.active:
                self._add_keeper(keeper)

    def _add_keeper(self, keeper: Timekeeper | None) -> None:
        row = self.keepers.rowCount()
        self.keepers.insertRow(row)
        self._ids.append(keeper.id if keeper else None)
        self.keepers.setItem(row, NAME, QTableWidgetItem(keeper.name if keeper else ""))
        self.keepers.setItem(row, INITIALS, QTableWidgetItem(keeper.initials if keeper else ""))
        rate = format_money(keeper.default_rate_cents) if keeper else ""
        rate_item = QTableWidgetItem(rate)
        rate_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.keepers.setItem(row, RATE, rate_item)
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        check.setCheckState(Qt.CheckState.Checked if (keeper is None or keeper.is_attorney)
                            else Qt.CheckState.Unchecked)
        self.keepers.setItem(row, ATTORNEY, check)
        target = QTableWidgetItem(format_hours(keeper.daily_target_minutes) if keeper else "6.0")
        target.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.keepers.setItem(row, TARGET, target)
        classes = QComboBox()
        chosen = keeper.classification if keeper else "OTHER"
        for code in CLASSIFICATIONS + ((chosen,) if chosen in SHORT_CLASSIFICATIONS else ()):
            classes.addItem(f"{code} ({CLASSIFICATION_NAMES.get(code, code)})", code)
        classes.setToolTip(self.tr("The LEDES timekeeper classification written on this timekeeper's invoice lines"))
        classes.setCurrentIndex(max(0, classes.findData(chosen)))
        self.keepers.setCellWidget(row, CLASS, classes)
        # The class shows whole ("PARTNR (Partner)"), the name column giving up the width.
        self.keepers.setColumnWidth(CLASS, max(self.keepers.columnWidth(CLASS), classes.sizeHint().width()))
        self.keepers.setItem(row, TITLE, QTableWidgetItem(keeper.title if keeper else ""))
        self.keepers.setItem(row, BAR, QTableWidgetItem(keeper.bar_number if keeper else ""))
        if keeper is None:
            self.keepers.setCurrentCell(row, NAME)
            self.keepers.editItem(table_item(self.keepers, row, NAME))

    def _remove_keeper(self) -> None:
        row = self.keepers.currentRow()
        if row >= 0:
            self.keepers.removeRow(row)
            del self._ids[row]

    def _classification(self, row: int) -> str:
        classes = self.keepers.cellWidget(row, CLASS)
        assert isinstance(classes, QComboBox)  # every row gets its combo when it is added
        return classes.currentData()

    def _text(self, row: int, column: int) -> str:
        item = self.keepers.item(row, column)
        return item.text().strip() if item else ""

    def profile(self) -> FirmProfile:
        """What the form says, as a profile; raises ValidationError for a rate that is not money."""
        keepers = []
        for row in range(self.keepers.rowCount()):
            name, initials, rate = self._text(row, NAME), self._text(row, INITIALS), self._text(row, RATE)
            if not (name or initials or rate):
                continue  # a blank row left by Add
            try:
                cents = parse_money(rate or "0", "timekeepers")
            except ValidationError as exc:
                raise ValidationError("timekeepers", f"Rate for {name or 'row %d' % (row + 1)}: {exc.message}") from exc
            attorney = table_item(self.keepers, row, ATTORNEY).checkState() == Qt.CheckState.Checked
            typed = self._text(row, TARGET)
            try:
                target = 0 if typed.strip("0.:") == "" else parse_duration(typed, "timekeepers")
            except ValidationError as exc:
                raise ValidationError("timekeepers", f"Hours a day for {name or 'row %d' % (row + 1)}: "
                                                     f"{exc.message}") from exc
            keepers.append(Timekeeper(name=name, initials=initials.upper(), default_rate_cents=cents,
                                      id=self._ids[row], is_attorney=attorney, daily_target_minutes=target,
                                      classification=self._classification(row), title=self._text(row, TITLE),
                                      bar_number=self._text(row, BAR)))
        return FirmProfile(
            name=self.name.text(),
            address=self.address.toPlainText(),
            billing_increment_minutes=self.increment.currentData(),
            default_jurisdiction=self.jurisdiction.currentData(),
            timekeepers=tuple(keepers),
            tax_id=self.tax_id.text(),
            phone=self.phone.text(),
            fax=self.fax.text(),
            email=self.email.text(),
        )

    def accept(self) -> None:
        """Save; on a problem, say so beside the field and keep everything that was typed."""
        if not self.ready():
            return
        saved: list[bool] = []
        if self.errors.attempt(self, self.tr("Settings not saved"), lambda: saved.append(self._save())) \
                and all(saved):
            self.state.data_changed.emit(Changed.FIRM)
            super().accept()

    def _save(self) -> bool:
        """The folders checked first, off the UI thread (a documents folder on a missing or read-only drive is said
        beside it, and nothing is saved); a new documents folder that does not hold the documents filed is asked
        about; then the profile and both folders, in one transaction. False: the user kept the old folder."""
        from legalsec_desktop.services import document_root

        profile, root, inbox = self.profile(), self.documents_root.folder(), self.inbox.folder()
        templates = self.templates_folder.folder()
        store, was_root = self.state.require_store(), self.was_root
        old_root, new_root = was_root or self.default_root, root or self.default_root

        def check(_progress: Progress) -> int:
            if root is not None and root != was_root:
                try:
                    document_root.check_root(root)
                except document_root.DocumentRootError as exc:
                    raise ValidationError("documents_root", exc.message.replace(document_root.NOTHING_DONE, "")
                                          .strip()) from exc
            if inbox is not None and not inbox.is_dir():
                raise ValidationError("inbox_folder", "That folder is not there. Connect its drive, or choose "
                                                      "another.")
            if templates is not None and templates.exists() and not templates.is_dir():
                raise ValidationError("templates_folder", "That is a file, not a folder. Choose a folder.")
            return document_root.documents_kept_elsewhere(store, new_root) if new_root != old_root else 0

        kept = run_and_wait(self, self.tr("Checking the folders"), check)
        validate_profile(profile)  # a mistake in the profile is said before any question about the folder
        if kept and not self._change_anyway(kept, old_root, new_root):
            return False
        firm.save_settings(store, profile, root, inbox, templates)
        return True

    def _change_anyway(self, kept: int, old_root: Path, new_root: Path) -> bool:
        what = self.tr("1 filed document is") if kept == 1 else self.tr("%s filed documents are") % f"{kept:,}"
        answer = QMessageBox.question(
            self, self.tr("Change the Documents Folder"),
            self.tr("%s kept in the old folder %s; they will show as missing until you move the folder's "
                    "contents to %s.\n\nChange the folder?") % (what, old_root, new_root),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
