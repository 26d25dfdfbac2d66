"""`legalsec-desktop --quit-after-open`: the window opens the database, then closes as if the user closed it."""

from legalsec_desktop import app as app_module


def test_the_window_closes_itself_once_the_database_is_open(qtbot, demo_path):
    gui = app_module.Gui(demo_path)
    gui.quit_after_open = True
    try:
        assert gui.start() is None
        assert gui.window is not None and gui.window.isVisible()
        qtbot.waitUntil(lambda: gui.opened and not gui.window.isVisible(), timeout=15000)
        assert gui.state.store is not None  # opened for real before closing
    finally:
        if gui.window is not None:
            gui.window.remember_layout = False
            gui.state.set_store(None)
            gui.window.deleteLater()
        gui.stop()


def test_without_the_option_the_window_stays(qtbot, demo_path):
    gui = app_module.Gui(demo_path)
    try:
        gui.start()
        qtbot.waitUntil(lambda: gui.opened)
        qtbot.wait(200)
        assert gui.window is not None and gui.window.isVisible()
    finally:
        if gui.window is not None:
            gui.window.remember_layout = False
            gui.state.set_store(None)
            gui.window.deleteLater()
        gui.stop()


def test_the_launcher_passes_the_option_on(monkeypatch, tmp_path):
    started = []
    monkeypatch.setattr(app_module, "run", lambda location, read_only, quit_after_open: started.append(
        (read_only, quit_after_open)) or 0)
    assert app_module.main(["--db", str(tmp_path / "x.db"), "--quit-after-open"]) == 0
    assert app_module.main(["--db", str(tmp_path / "x.db")]) == 0
    assert started == [(False, True), (False, False)]
