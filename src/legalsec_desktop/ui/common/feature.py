"""The contract between the frame and a feature: its tab, the actions it puts in the menus, the frame it asks."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget

from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.common.icons import icon
from legalsec_desktop.ui.common.navigation import Destination, TabKey


class Menu(enum.Enum):
    """The menus the frame builds, in order; features place their actions in them."""

    FILE = "&File"
    EDIT = "&Edit"
    VIEW = "&View"
    TOOLS = "&Tools"
    HELP = "&Help"


class Needs(enum.Enum):
    """When an action can be used: always, with a database open, or with one open for writing."""

    NOTHING = 0
    DATABASE = 1
    WRITABLE = 2


@dataclass(frozen=True)
class MenuEntry:
    """One action of a feature: its menu, its place there, and its place on the toolbar (None: not there)."""

    action: QAction
    menu: Menu
    place: int  # sorts the menu; a line separates entries whose places differ in the hundreds
    needs: Needs = Needs.DATABASE
    toolbar: int | None = None


class Shell(Protocol):
    """What a feature may ask of the frame around it."""

    def dialog_parent(self) -> QWidget:
        """The window dialogs are centred on."""
        ...

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        """A line in the status bar."""
        ...

    def current_tab(self) -> TabKey | None:
        """The key of the tab the user is looking at."""
        ...


class FeatureTab(Protocol):
    """What the frame needs of a tab: to be sent somewhere, to find, and to keep its layout."""

    def show_destination(self, destination: Destination) -> None: ...

    def focus_filter(self) -> None: ...

    def save_layout(self, settings: QSettings) -> None: ...

    def restore_layout(self, settings: QSettings) -> None: ...


class Feature(QObject):
    """A feature as the frame sees it: an optional tab, its menu entries, status-bar widgets, a say at closing.

    Features never import each other; where they meet (the matter selected on the Matters tab, a log entry
    asked for from a matter's overview) is wired in `ui/features.py`."""

    key: TabKey | None = None

    def __init__(self, state: AppState, undo_stack: QUndoStack, shell: Shell) -> None:
        super().__init__(shell.dialog_parent())
        self.state, self.undo_stack, self.shell = state, undo_stack, shell
        self.tab: QWidget | None = None  # a FeatureTab
        self.title, self.icon_name = "", ""
        self.entries: list[MenuEntry] = []
        self.status_widgets: list[QWidget] = []
        # The matter selected on the Matters tab, for actions that default to it; wired by ui/features.py.
        self.selected_matter: Callable[[], int | None] = lambda: None

    def add_action(self, name: str, text: str, slot: Callable[[], object], menu: Menu, place: int, *,
                   shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None, icon_name: str = "",
                   tip: str = "", needs: Needs = Needs.DATABASE, toolbar: int | None = None) -> QAction:
        """Make an action named `name` (the frame finds it by that name) and place it."""
        parent = self.shell.dialog_parent()
        action = QAction(icon(icon_name), text, parent) if icon_name else QAction(text, parent)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.entries.append(MenuEntry(action, menu, place, needs, toolbar))
        return action

    def usable(self, writing: bool = False) -> bool:
        """A database is open (and writable, when `writing`)."""
        return self.state.store is not None and not (writing and self.state.read_only)

    def closing(self) -> None:
        """The window is closing; its layout is already saved."""
