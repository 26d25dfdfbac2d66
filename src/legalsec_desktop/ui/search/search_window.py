"""The search window (Ctrl+K): one box, results as you type, grouped by matter; Enter opens the hit chosen.

The query runs off the UI thread (typing never waits for it); the newest query's answer is the one shown.
Keyboard only: type, Up/Down choose a hit (from the box too), Enter opens it, Esc closes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QListView, \
    QPushButton, QVBoxLayout, QWidget

from legalsec_desktop.domain.search_words import search_words
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.worker import run_quietly
from legalsec_desktop.ui.search.hit_delegate import HitDelegate
from legalsec_desktop.ui.search.search_model import HIT_ROLE, SearchResultsModel
from legalsec_desktop.ui.search.search_rows import SEARCHING, TYPE_A_WORD, cut_to, rows_of, summary

if TYPE_CHECKING:  # the window is built before the database stack loads (tests/gui/test_window_imports.py)
    from legalsec_desktop.services.search import Found, FoundGroup

log = logging.getLogger("legalsec")
LIMIT = 50  # hits shown at first: the newest; Show More shows as many again
DEBOUNCE_MS = 150
MOVES = {Qt.Key.Key_Down.value: 1, Qt.Key.Key_Up.value: -1, Qt.Key.Key_PageDown.value: 8, Qt.Key.Key_PageUp.value: -8}
ENTER = (Qt.Key.Key_Return.value, Qt.Key.Key_Enter.value)


class SearchWindow(QDialog):
    """Search across every matter, or the one selected on the Matters tab ("This matter only")."""

    hit_opened = Signal(object)  # the services.search.Found chosen (Enter, double-click)

    def __init__(self, state: AppState, selected_matter: Callable[[], int | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.selected_matter = state, selected_matter
        self.setObjectName("searchWindow")
        self.setWindowTitle(self.tr("Search Everything"))
        self.resize(760, 560)
        self.box = QLineEdit(placeholderText=self.tr("Search documents, e-mails, matters, contacts, the log…"))
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName(self.tr("Search words"))
        self.this_matter = QCheckBox(self.tr("&This matter only"))
        self.this_matter.setToolTip(self.tr("Only the matter selected on the Matters tab"))
        self.more = QPushButton(self.tr("Show &More"))
        self.more.setToolTip(self.tr("Show older matches too"))
        self.more.setAutoDefault(False)
        self.more.hide()
        self.more.clicked.connect(self.show_more)
        self.limit = LIMIT
        self.status = QLabel(self.tr(TYPE_A_WORD))
        self.status.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setUniformItemSizes(False)
        self.results.setWordWrap(True)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.doubleClicked.connect(lambda index: self.open_hit(index.data(HIT_ROLE)))  # Enter: eventFilter
        top = QHBoxLayout()
        top.addWidget(self.box, 1)
        top.addWidget(self.this_matter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignRight)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.box.textChanged.connect(self._typed)
        self.this_matter.toggled.connect(self._narrowed)
        self.box.installEventFilter(self)
        self.results.installEventFilter(self)
        self._searches = 0
        self.pending = False  # a query is running (tests wait on it)
        self._open_when_shown = False  # Enter was pressed before the answer came
        self.groups: tuple[FoundGroup, ...] = ()

    # --- showing ------------------------------------------------------------------------------------
    def open_again(self) -> None:
        """Show the window (again), the box ready for typing, the matter check box following the Matters tab."""
        matter = self.selected_matter()
        self.this_matter.setEnabled(matter is not None)
        self.this_matter.setToolTip(self.tr("Only the matter selected on the Matters tab") if matter is not None
                                    else self.tr("Select a matter on the Matters tab to search it alone"))
        if matter is None:
            self.this_matter.setChecked(False)
        self.show()
        self.raise_()
        self.activateWindow()
        self.box.setFocus()
        self.box.selectAll()
        if self.box.text().strip():
            self.search_now()

    # --- searching ----------------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self.limit = LIMIT  # new words: the newest matches first again
        self._timer.start()

    def _narrowed(self, _on: bool) -> None:
        self.limit = LIMIT
        self.search_now()
        self.box.setFocus()  # typing and Enter go on from the box, not the check box

    def show_more(self) -> None:
        """Show as many older matches again (Show More)."""
        self.limit += LIMIT
        self.search_now()

    def search_now(self) -> None:
        """Run the query for the box's words now (the timer calls this ~150 ms after the last key)."""
        self._timer.stop()
        words = self.box.text()
        store = self.state.store
        self._searches += 1
        number = self._searches
        if store is None or not bool(search_words(words)):
            self.pending = False
            self._show(words, ())
            return
        matter = self.selected_matter() if self.this_matter.isChecked() else None
        self.pending = True
        self.status.setText(self.tr(SEARCHING))
        from legalsec_desktop.services.search import search_everything

        def done(groups: tuple[FoundGroup, ...]) -> None:
            if number != self._searches:
                return  # a newer search is under way
            self.pending = False
            if self.state.store is store:  # not of a database closed (or replaced) meanwhile
                self._show(words, groups)

        def failed(exc: BaseException) -> None:
            if number != self._searches:
                return
            self.pending = False
            log.warning("a search failed: %s", type(exc).__name__)
            self.model.set_rows([])
            self.status.setText(self.tr("The search could not be run (%s). Try again.") % type(exc).__name__)

        limit = self.limit
        run_quietly(self, lambda: search_everything(store, words, matter, limit + 1), done, failed)  # +1: more?

    def _show(self, words: str, groups: tuple[FoundGroup, ...]) -> None:
        chosen = self.current_hit()
        groups, more = cut_to(groups, self.limit)
        self.groups = groups
        self.model.set_rows(rows_of(groups))
        self.more.setVisible(more)
        self.status.setText(self.tr(summary(words, groups, bool(search_words(words)), self.limit if more else 0)))
        hits = self.model.hit_rows()
        if hits:  # after Show More, the hit chosen before stays chosen
            rows = [row for row in hits if chosen is not None and self.model.index(row, 0).data(HIT_ROLE) == chosen]
            self._select(rows[0] if rows else hits[0])
        if self._open_when_shown:
            self._open_when_shown = False
            self.open_hit(self.current_hit())

    # --- choosing and opening -----------------------------------------------------------------------
    def current_hit(self) -> Found | None:
        index = self.results.currentIndex()
        return index.data(HIT_ROLE) if index.isValid() else None

    def _select(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.results.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.results.scrollTo(index)

    def step(self, steps: int) -> None:
        """Choose the hit `steps` hits below (above, when negative) the one chosen, past the headings."""
        hits = self.model.hit_rows()
        if not hits:
            return
        current = self.results.currentIndex().row()
        place = hits.index(current) if current in hits else -1
        self._select(hits[max(0, min(len(hits) - 1, place + steps))])

    def open_hit(self, hit: Found | None) -> None:
        if hit is not None:
            self.hit_opened.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = int(event.key())
            if watched is self.box and key in MOVES:
                self.step(MOVES[key])
                return True
            if key in ENTER:
                if self._timer.isActive():
                    self.search_now()
                if self.pending:  # the hits shown are not yet those of the words typed: open when they are
                    self._open_when_shown = True
                    return True
                self.open_hit(self.current_hit())
                return True
        return super().eventFilter(watched, event)
