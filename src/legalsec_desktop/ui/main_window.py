"""The main window: the frame around the features — tabs, menus, toolbar, status bar, remembered layout.

What each menu entry does belongs to the feature that offers it (ui/<feature>/*_feature.py); the registry in
ui/features.py says which features there are. The frame only places their tabs and actions, enables the actions
that need a (writable) database, and shows the tab a feature or the user navigates to."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QRect, QSettings, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QToolBar, QToolButton, QVBoxLayout, QWidget

from legalsec_desktop import APP_TITLE, __version__, paths
from legalsec_desktop.services.changes import Changed
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.feature import Feature, FeatureTab, Menu, MenuEntry, Needs, Shell
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.navigation import Destination, TabKey
from legalsec_desktop.ui.common.style import STYLE_SHEET
from legalsec_desktop.ui.features import build_features

F = TypeVar("F", bound=Feature)
FIRST_SHARE = 0.85  # of the screen's free area, on a first start
FIRST_MOST = QSize(1600, 1000)  # larger than this on a big screen is too much
FIRST_LEAST = QSize(1000, 680)  # smaller than this only when the screen is smaller still
SAMPLE_OFFSET = 48  # the sample practice's first window: this far right and down, not hiding the user's own
TAB_TOOLBAR_PLACE = 60  # the tab buttons sit between the features' toolbar buttons below and above this place
BANNER_STYLE = "background: #fff3cd; color: #5c4400; padding: 8px; border-bottom: 1px solid #e0c36b;"


def first_geometry(available: QRect, offset: int = 0) -> QRect:
    """Where the window opens the first time: most of the screen's free area, up to a limit, centred on it; with
    an `offset`, that much right and down of there, made smaller where it would leave the screen."""
    def fit(free: int, least: int, most: int) -> int:
        return min(free, max(least, min(most, round(free * FIRST_SHARE))))

    frame = QRect(0, 0, fit(available.width(), FIRST_LEAST.width(), FIRST_MOST.width()),
                  fit(available.height(), FIRST_LEAST.height(), FIRST_MOST.height()))
    frame.moveCenter(available.center())
    if offset:
        frame.translate(min(offset, max(0, available.width() // 4)), min(offset, max(0, available.height() // 4)))
        frame.setRight(min(frame.right(), available.right()))
        frame.setBottom(min(frame.bottom(), available.bottom()))
    return frame


class MainWindow(QMainWindow):
    """Owns the frame, the menus it is given and the tabs; the work itself is in the features."""

    def __init__(self, state: AppState, remember_layout: bool = True,
                 features: Callable[[AppState, QUndoStack, Shell], list[Feature]] = build_features) -> None:
        super().__init__()
        self.state, self.remember_layout = state, remember_layout
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.setStyleSheet(STYLE_SHEET)
        self.undo_stack = QUndoStack(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.features = features(state, self.undo_stack, self)
        self._tabs: dict[TabKey, QWidget] = {}
        for feature in self.features:
            if feature.key is not None and feature.tab is not None:
                self._tabs[feature.key] = feature.tab
                self.tabs.addTab(feature.tab, icon(feature.icon_name), feature.title)

        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel()
        for feature in self.features:
            for widget in feature.status_widgets:
                self.statusBar().addPermanentWidget(widget)
        self.statusBar().addPermanentWidget(self.db_label)
        self.entries = self._frame_entries() + [entry for feature in self.features for entry in feature.entries]
        self._build_menus()
        state.store_changed.connect(self._on_store_changed)
        state.navigation_requested.connect(self.navigate)
        state.status_told.connect(self.show_status)
        self._on_store_changed()
        if remember_layout:
            self.restore_layout()
        else:
            self.resize(1200, 760)

    # --- what features ask of the frame (the Shell protocol) ---------------------------------------
    def dialog_parent(self) -> QWidget:
        return self

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def current_tab(self) -> TabKey | None:
        current = self.tabs.currentWidget()
        return next((key for key, tab in self._tabs.items() if tab is current), None)

    def navigate(self, destination: Destination) -> None:
        """Show a tab by its key; filtered to a matter when the destination names one."""
        tab = self._tabs.get(destination.tab)
        if tab is None:
            return
        self.tabs.setCurrentWidget(tab)
        if any(value is not None for value in (destination.matter_number, destination.matter_id, destination.file_id)):
            self._feature_tab(tab).show_destination(destination)

    # --- lookups ---------------------------------------------------------------------------------
    def tab(self, key: TabKey) -> QWidget:
        """The tab of a feature, by key."""
        return self._tabs[key]

    def feature(self, kind: type[F]) -> F:
        """The window's feature of a kind."""
        return next(feature for feature in self.features if isinstance(feature, kind))

    def action(self, name: str) -> QAction:
        """An action of the menus by its name ("new_matter", "restore", "undo" …)."""
        return next(entry.action for entry in self.entries if entry.action.objectName() == name)

    def feature_tabs(self) -> Iterator[FeatureTab]:
        """The tabs in order."""
        return (self._feature_tab(tab) for tab in self._tabs.values())

    @staticmethod
    def _feature_tab(tab: QWidget) -> FeatureTab:
        return tab  # type: ignore[return-value]  # every feature's tab implements FeatureTab

    # --- the frame's own actions, and the menus ----------------------------------------------------
    def _frame_action(self, name: str, text: str, slot: Callable[[], object],
                      shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                      icon_name: str = "") -> QAction:
        action = QAction(icon(icon_name), text, self) if icon_name else QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _frame_entries(self) -> list[MenuEntry]:
        key = QKeySequence.StandardKey
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setObjectName("undo")
        self.undo_action.setShortcut(key.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setObjectName("redo")
        self.redo_action.setShortcut(key.Redo)
        always = Needs.NOTHING
        entries = [
            MenuEntry(self._frame_action("data_folder", self.tr("Show &Data Folder"), self.show_data_folder),
                      Menu.FILE, 500, always),
            MenuEntry(self._frame_action("quit", self.tr("&Quit"), self.close, "Ctrl+Q"), Menu.FILE, 900, always),
            MenuEntry(self.undo_action, Menu.EDIT, 100, always),
            MenuEntry(self.redo_action, Menu.EDIT, 110, always),
            MenuEntry(self._frame_action("find", self.tr("&Find…"), self.focus_filter, key.Find), Menu.EDIT, 300,
                      always),
            MenuEntry(self._frame_action("refresh", self.tr("&Refresh"),
                                         lambda: self.state.data_changed.emit(Changed.ALL), "F5", "refresh"),
                      Menu.VIEW, 200, always),
            MenuEntry(self._frame_action("about", self.tr("&About %s") % APP_TITLE, self.show_about), Menu.HELP, 100,
                      always),
        ]
        tabbed = [(f, f.key) for f in self.features if f.key is not None and f.tab is not None]
        for index, (feature, tab_key) in enumerate(tabbed):
            action = self._frame_action(f"show_{tab_key.value}", feature.title,
                                        partial(self.state.navigate_to, tab_key), f"Ctrl+{index + 1}",
                                        feature.icon_name)
            entries.append(MenuEntry(action, Menu.VIEW, 100 + index, always, TAB_TOOLBAR_PLACE + index))
        return entries

    def _build_menus(self) -> None:
        bar = self.menuBar()
        menus = {}
        for menu in Menu:
            menus[menu] = bar.addMenu(self.tr(menu.value))
            section = None
            for entry in sorted((e for e in self.entries if e.menu is menu), key=lambda e: e.place):
                if section is not None and entry.place // 100 != section:
                    menus[menu].addSeparator()
                section = entry.place // 100
                menus[menu].addAction(entry.action)
        self.toolbar = QToolBar(self.tr("Main"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        placed = sorted((e for e in self.entries if e.toolbar is not None), key=lambda e: e.toolbar or 0)
        group = None
        for entry in placed:
            place = entry.toolbar or 0
            here = (place >= TAB_TOOLBAR_PLACE) + (place >= TAB_TOOLBAR_PLACE + 20)
            if group is not None and here != group:
                self.toolbar.addSeparator()
            group = here
            self.toolbar.addAction(entry.action)
            if here == 1:  # the tabs' buttons repeat the tab bar: icons only, named in their tooltips
                self._icon_only(entry.action)
        menus[Menu.VIEW].addSeparator()
        menus[Menu.VIEW].addAction(self.toolbar.toggleViewAction())

    def _icon_only(self, action: QAction) -> None:
        button = self.toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        name = action.text().replace("&", "")
        action.setToolTip(self.tr("Show the %s tab") % name + (f" ({shortcut})" if shortcut else ""))

    # --- state -------------------------------------------------------------------------------
    def _on_store_changed(self) -> None:
        store = self.state.store
        opened = store is not None
        read_only = opened and self.state.read_only
        for entry in self.entries:
            if entry.needs is not Needs.NOTHING:
                entry.action.setEnabled(opened and not (read_only and entry.needs is Needs.WRITABLE))
        if read_only:
            self.banner.setText(self.tr(
                "<b>Read-only.</b> %s cannot be written (the file or its folder is read-only), so you can look but "
                "not change anything. To make changes, make the file writable and open it again."
            ) % self.state.location)
        self.banner.setVisible(read_only)
        self.db_label.setText(self.state.location.name + (self.tr(" (read-only)") if self.state.read_only else ""))
        self.db_label.setToolTip(str(self.state.location))
        shown = self.tr("Sample Practice") if paths.is_sample(self.state.location) else self.state.location.title
        self.setWindowTitle(f"{shown} — {APP_TITLE}")

    def focus_filter(self) -> None:
        current = self.tabs.currentWidget()
        if current is not None and current in self._tabs.values():
            self._feature_tab(current).focus_filter()

    def show_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.state.location.folder or self.state.backup_dir)))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About %s") % APP_TITLE, self.tr(
            "<h3>%s %s</h3><p>Calendar and court deadlines, matters, correspondence, time and the file index, "
            "for the legal secretary. Everything stays on this computer.</p>"
            "<p>Database: <code>%s</code><br>Backups: <code>%s</code></p>"
        ) % (APP_TITLE, __version__, self.state.location, self.state.backup_dir))

    def bring_to_front(self) -> None:
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    # --- remembered layout -------------------------------------------------------------------
    def restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.place_first_time()
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        key = next((k for k in TabKey if k.value == settings.value("window/tab_key")), None)
        position = str(settings.value("window/tab", 0))
        if key in self._tabs:
            self.tabs.setCurrentWidget(self._tabs[key])
        elif position.isdigit() and int(position) < self.tabs.count():  # remembered before tabs had keys
            self.tabs.setCurrentIndex(int(position))
        for tab in self.feature_tabs():
            tab.restore_layout(settings)

    def place_first_time(self) -> None:
        """Size the window to the screen it opens on and centre it (a first start, nothing remembered); the sample
        practice's window a little right and down of there, so the user's own window (centred) still shows."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1200, 760)
            return
        offset = SAMPLE_OFFSET if paths.is_sample(self.state.location) else 0  # the user's own window stays seen
        self.setGeometry(first_geometry(screen.availableGeometry(), offset))

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        current = self.current_tab()
        settings.setValue("window/tab_key", current.value if current else TabKey.CALENDAR.value)
        settings.setValue("window/tab", self.tabs.currentIndex())  # by position too, for an older version
        for tab in self.feature_tabs():
            tab.save_layout(settings)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_layout:
            self.save_layout()
        for feature in self.features:
            feature.closing()
        event.accept()
