"""The register's filter row: kind, in/out, a matter, a period or two dates, open follow-ups; remembered."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QSettings, QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from legalsec_desktop.domain.communications import KIND_LABELS, KINDS, REGISTER_PERIODS, register_period
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.domain.dates import format_date_entry, parse_date
from legalsec_desktop.services.rows import CommunicationFilters
from legalsec_desktop.ui.common.fields import DateField, fill_combo, searchable_combo

SETTINGS = "correspondence/filters/"  # QSettings keys of the remembered choices


class RegisterFilters(QWidget):
    """Keeps `filters` (a CommunicationFilters) and says `changed` when the user changes one; `problem` says a
    typed date that is not one (the list keeps its last good filter)."""

    changed = Signal()
    problem = Signal(str)

    def __init__(self, today: date, matter_key: str, parent: QWidget | None = None) -> None:
        """`matter_key`: where the chosen matter (its id) is remembered, a key of this database's own."""
        super().__init__(parent)
        self.today, self.matter_key = today, matter_key
        self.filters = CommunicationFilters()
        self.kind = QComboBox()
        self.kind.setObjectName("registerKind")
        self.kind.addItem(self.tr("Every kind"), None)
        for key in KINDS:
            self.kind.addItem(KIND_LABELS[key], key)
        self.direction = QComboBox()
        self.direction.setObjectName("registerDirection")
        for data, label in ((None, self.tr("In and out")), ("in", self.tr("Incoming")), ("out", self.tr("Outgoing"))):
            self.direction.addItem(label, data)
        self.matter = searchable_combo(14)
        self.matter.setObjectName("registerMatter")
        self.matter.addItem(self.tr("Every matter"), None)
        self.period = QComboBox()
        self.period.setObjectName("registerPeriod")
        self.period.addItems(REGISTER_PERIODS)
        self.first = DateField(placeholder=self.tr("from"))
        self.last = DateField(placeholder=self.tr("to"))
        self.open_only = QCheckBox(self.tr("Open &follow-ups only"))
        self.open_only.setObjectName("registerOpenOnly")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        labelled: tuple[tuple[str | None, QWidget], ...] = (
            (self.tr("&Show:"), self.kind), (None, self.direction), (None, self.matter),
            (self.tr("&Period:"), self.period), (None, self.first), ("–", self.last), (None, self.open_only))
        for text, widget in labelled:
            if text:
                caption = QLabel(text)
                caption.setBuddy(widget)
                row.addWidget(caption)
            row.addWidget(widget)
        row.addStretch(1)
        self._restore()
        self._dates_timer = QTimer(self, singleShot=True, interval=400)
        self._dates_timer.timeout.connect(self._dates_typed)
        self.first.changed.connect(self._dates_timer.start)
        self.last.changed.connect(self._dates_timer.start)
        self.period.currentTextChanged.connect(lambda _t: self._period_chosen())
        self.kind.currentIndexChanged.connect(lambda _i: self._set(kind=self.kind.currentData()))
        self.direction.currentIndexChanged.connect(lambda _i: self._set(direction=self.direction.currentData()))
        self.matter.currentIndexChanged.connect(lambda _i: self._set(matter_id=self.matter.currentData()))
        self.open_only.toggled.connect(lambda on: self._set(open_follow_ups=on))

    # --- the choices ---------------------------------------------------------------------------
    def set_matters(self, choices: list[tuple[int, str]]) -> None:
        """The matters to choose from (number and title); the chosen one stays chosen if it is still there."""
        chosen = self.matter.currentData() if self.matter.count() > 1 else self.filters.matter_id
        fill_combo(self.matter, [(None, self.tr("Every matter")), *choices], chosen)
        if self.matter.currentData() != self.filters.matter_id:  # the remembered matter is gone
            self._set(matter_id=self.matter.currentData())

    def show_matter(self, matter_id: int | None) -> None:
        """Every entry of one matter (any kind, either way, any date), or of every matter for None."""
        with QSignalBlocker(self.kind), QSignalBlocker(self.direction), QSignalBlocker(self.period), \
                QSignalBlocker(self.open_only), QSignalBlocker(self.matter):
            self.kind.setCurrentIndex(0)
            self.direction.setCurrentIndex(0)
            self.period.setCurrentText("All dates")
            self.open_only.setChecked(False)
            self.matter.setCurrentIndex(max(0, self.matter.findData(matter_id)))
        self._show_dates(None, None)
        self.filters = CommunicationFilters(matter_id=self.matter.currentData())
        self._remember()
        self.changed.emit()

    def _period_chosen(self) -> None:
        name = self.period.currentText()
        if name == "Custom":
            self._remember()
            return
        first, last = register_period(name, self.today)
        self._show_dates(first, last)
        self._set(first=first, last=last)

    def _show_dates(self, first: date | None, last: date | None) -> None:
        for field, value in ((self.first, first), (self.last, last)):
            with QSignalBlocker(field):
                field.set_date(value)

    def _dates_typed(self) -> None:
        try:
            first, last = self.first.date("first"), self.last.date("last")
        except UserFixableError as exc:
            self.problem.emit(exc.message)
            return
        if first is not None and last is not None and last < first:
            self.problem.emit(self.tr("The period ends before it starts: the second date is before the first."))
            return
        if (first, last) == (self.filters.first, self.filters.last):
            return
        with QSignalBlocker(self.period):
            self.period.setCurrentText("Custom")
        self._set(first=first, last=last)

    def _set(self, **changes: object) -> None:
        self.filters = replace(self.filters, **changes)  # type: ignore[arg-type]
        self._remember()
        self.changed.emit()

    # --- remembered ----------------------------------------------------------------------------
    def _remember(self) -> None:
        settings, f = QSettings(), self.filters
        settings.setValue(SETTINGS + "kind", f.kind or "")
        settings.setValue(SETTINGS + "direction", f.direction or "")
        settings.setValue(self.matter_key, f.matter_id if f.matter_id is not None else "")
        settings.setValue(SETTINGS + "period", self.period.currentText())
        settings.setValue(SETTINGS + "first", format_date_entry(f.first))
        settings.setValue(SETTINGS + "last", format_date_entry(f.last))
        settings.setValue(SETTINGS + "open_only", f.open_follow_ups)

    def _restore(self) -> None:
        """The choices of last time; the period's dates are worked out again for today (a custom period is kept)."""
        settings = QSettings()
        kind, direction = str(settings.value(SETTINGS + "kind", "") or ""), str(
            settings.value(SETTINGS + "direction", "") or "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind or None)))
        self.direction.setCurrentIndex(max(0, self.direction.findData(direction or None)))
        matter = str(settings.value(self.matter_key, "") or "")
        period = str(settings.value(SETTINGS + "period", "All dates") or "All dates")
        self.period.setCurrentText(period if period in REGISTER_PERIODS else "All dates")
        if self.period.currentText() == "Custom":
            first, last = (_remembered_date(settings.value(SETTINGS + key)) for key in ("first", "last"))
        else:
            first, last = register_period(self.period.currentText(), self.today)
        self._show_dates(first, last)
        self.open_only.setChecked(str(settings.value(SETTINGS + "open_only", "false")).lower() == "true")
        self.filters = CommunicationFilters(kind=self.kind.currentData(), direction=self.direction.currentData(),
                                            matter_id=int(matter) if matter.isdigit() else None,
                                            first=first, last=last, open_follow_ups=self.open_only.isChecked())


def _remembered_date(value: object) -> date | None:
    try:
        return parse_date(str(value or ""), "date")
    except UserFixableError:
        return None
