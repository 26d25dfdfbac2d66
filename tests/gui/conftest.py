"""GUI fixtures: dialogs that would block are answered by the test, settings are private."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from legalsec_desktop import APP_NAME


@pytest.fixture(autouse=True)
def qt_identity(qapp: QApplication, private_dirs):  # noqa: ANN001
    qapp.setOrganizationName(APP_NAME)
    qapp.setApplicationName(APP_NAME)
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record QMessageBox calls instead of blocking on them."""
    shown: list[tuple[str, str]] = []

    def fake(kind, answer):
        def record(_parent, title, text, *args, **kwargs):
            shown.append((kind, f"{title}: {text}"))
            return answer
        return record

    monkeypatch.setattr(QMessageBox, "warning", fake("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", fake("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", fake("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.StandardButton.Yes))
    return shown


@pytest.fixture
def make_window(qtbot, demo_path):  # noqa: ANN001
    """A main window over an open store (the demo practice unless another store is given)."""
    from legalsec_desktop import paths
    from legalsec_desktop.db.store import open_store
    from legalsec_desktop.ui.common.app_state import AppState
    from legalsec_desktop.ui.main_window import MainWindow

    made = []

    def make(path=None, read_only=None, remember_layout=True, features=None):
        path = path or demo_path
        state = AppState(path, paths.backup_dir(path))
        window = (MainWindow(state, remember_layout=remember_layout) if features is None
                  else MainWindow(state, remember_layout=remember_layout, features=features))
        qtbot.addWidget(window)
        state.set_store(open_store(path, read_only=read_only))
        made.append(state)
        return window

    yield make
    for state in made:
        state.set_store(None)


@pytest.fixture
def hale_window(make_window, tmp_path, two_attorney_firm):  # noqa: ANN001
    """A window over a new database: the firm Hale Law (Mary Hale and Ken Ito: window.mary, window.ken) and its
    matter 2026-0001 Rivera v. Okafor (window.rivera)."""
    from datetime import date

    from legalsec_desktop.domain.matters import MatterDraft
    from legalsec_desktop.services import matters

    window = make_window(tmp_path / "hale.db")
    store = window.state.store
    window.mary, window.ken = two_attorney_firm(store, "Hale Law")
    window.rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                             date(2026, 1, 5)))
    return window
