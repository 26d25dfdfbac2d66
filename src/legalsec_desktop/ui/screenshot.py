"""`legalsec screenshot`: render every tab (and the settings dialog) to PNG, offscreen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from legalsec_desktop.clock import SYSTEM_CLOCK, Clock

from legalsec_desktop import paths
from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.formats.files import png_complete, write_atomically
from legalsec_desktop.ui import headless

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog


def render_screenshots(db_path: Path, out_dir: Path, size: tuple[int, int] = (1280, 800),
                       clock: Clock = SYSTEM_CLOCK) -> list[Path]:
    """Save one PNG per tab of the database's window; return their paths. Nothing is written to the database."""
    from legalsec_desktop.services.database import open_database, prepare_file
    from legalsec_desktop.ui.common.app_state import AppState
    from legalsec_desktop.ui.common.navigation import TabKey
    from legalsec_desktop.ui.main_window import MainWindow
    from legalsec_desktop.ui.matters.matters_tab import MattersTab
    from legalsec_desktop.ui.settings.settings_dialog import SettingsDialog

    if not db_path.exists():
        raise UserFixableError(f"{db_path} does not exist. Build one with: legalsec demo --db \"{db_path}\"")
    prepare_file(db_path)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserFixableError(f"Cannot create {out_dir}: {exc.strerror}") from exc
    app = headless.application()
    state = AppState(db_path, paths.backup_dir(db_path), clock=clock)
    window = MainWindow(state, remember_layout=False)
    window.resize(*size)
    state.set_store(open_database(db_path, state.backup_dir, clock=state.clock))
    window.show()
    saved = []
    try:
        matters = window.tab(TabKey.MATTERS)
        assert isinstance(matters, MattersTab)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            _settle(app, window)
            if window.tabs.currentWidget() is matters:
                matters.table.selectRow(0)  # show the detail pane of the newest matter
                app.processEvents()
            elif window.tabs.currentWidget() is window.tab(TabKey.FILES):
                _show_a_file_out(window, state)
                app.processEvents()
            title = window.tabs.tabText(index).lower()
            saved.append(_save_png(window.grab(), out_dir / f"{index + 1:02d}-{title}.png"))
        dialogs: list[tuple[str, Callable[[], QDialog]]] = [
            ("06-settings.png", lambda: SettingsDialog(state, parent=window))]
        matter_id = matters.current_matter_id()
        if matter_id is not None:
            from legalsec_desktop.ui.matters.matter_dialog import MatterDialog

            dialogs.append(("07-matter.png", lambda: MatterDialog(state, window, matter_id)))
        for name, make in dialogs:
            dialog = make()
            dialog.show()
            app.processEvents()
            saved.append(_save_png(dialog.grab(), out_dir / name))
            dialog.close()
    finally:
        window.hide()
        state.set_store(None)
        window.deleteLater()
        app.processEvents()
    return saved


def _show_a_file_out(window, state) -> None:  # noqa: ANN001 - the MainWindow and its AppState
    """The Files tab with its detail pane open on a file that is checked out (overdue, when one is)."""
    from legalsec_desktop.services import volumes
    from legalsec_desktop.ui.common.navigation import Destination, TabKey

    out = volumes.overdue(state.require_store()) or volumes.listed(state.require_store(), status="out")
    if out:
        window.tab(TabKey.FILES).show_destination(Destination(TabKey.FILES, "", None, out[0].id))


def _settle(app, window, seconds: float = 15.0) -> None:  # noqa: ANN001 - the QApplication and the MainWindow
    """Let the tab shown finish what it reads off the UI thread (the Calendar's Needs attention panel)."""
    import time

    end = time.monotonic() + seconds
    app.processEvents()
    while getattr(window.tabs.currentWidget(), "attention_pending", False) and time.monotonic() < end:
        time.sleep(0.02)
        app.processEvents()


def _save_png(image, target: Path) -> Path:  # noqa: ANN001 - a QPixmap
    """Save `image` whole or not at all (screenshots show the database's clients, like any export)."""

    def write(temporary: Path) -> None:
        if not image.save(str(temporary), "PNG"):
            raise UserFixableError(f"Could not write {target}.")

    return write_atomically(target, write, check=png_complete)
