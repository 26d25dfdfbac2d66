"""The sample practice's window: its own remembered settings, and first placed where the user's window still shows."""

import re
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings, QSize

from legalsec_desktop import APP_NAME, APP_TITLE, app as app_module, paths
from legalsec_desktop.clock import Clock
from legalsec_desktop.services import demo_practice
from legalsec_desktop.ui.main_window import SAMPLE_OFFSET, first_geometry

SOURCE = Path(app_module.__file__).parent


def test_the_sample_window_remembers_its_layout_apart_from_the_users(make_window, tmp_path, qapp):
    mine = make_window(tmp_path / "mine.db")
    mine.close()  # the user's window: its place and size remembered
    users_file, users_geometry = QSettings().fileName(), QSettings().value("window/geometry")
    assert users_geometry is not None
    demo_practice.build_sample(Clock())
    try:
        app_module.Gui(paths.sample_db_path())
        assert qapp.applicationName() == f"{APP_NAME}-sample" and qapp.applicationDisplayName() == APP_TITLE
        assert QSettings().fileName() != users_file and QSettings().value("window/geometry") is None
        sample = make_window(paths.sample_db_path())
        sample.move(sample.x() + 7, sample.y() + 5)
        sample.close()
        assert QSettings().value("window/geometry") is not None  # the sample's own, for its next start
        assert app_module.Gui(tmp_path / "mine.db").app.applicationName() == APP_NAME  # any other database
        assert QSettings().fileName() == users_file and QSettings().value("window/geometry") == users_geometry
    finally:
        QSettings().clear()
        qapp.setApplicationName(f"{APP_NAME}-sample")
        QSettings().clear()  # the sample's settings file of this test, too
        qapp.setApplicationName(APP_NAME)


def test_every_setting_follows_the_application_name():
    """QSettings() with no arguments: the organisation and application names choose the file, so the sample's
    window (another application name) never reads or writes the user's."""
    made = [(path.name, call) for path in SOURCE.rglob("*.py")
            for call in re.findall(r"QSettings\([^)]*\)", path.read_text(encoding="utf-8"))]
    assert made and all(call == "QSettings()" for _name, call in made), made


def test_the_sample_window_first_opens_offset_from_the_users(make_window, tmp_path):
    mine = make_window(tmp_path / "mine.db")
    demo_practice.build_sample(Clock())
    sample = make_window(paths.sample_db_path())  # nothing remembered for either
    available = sample.screen().availableGeometry()
    assert mine.geometry() == first_geometry(available)
    assert sample.geometry() == first_geometry(available, SAMPLE_OFFSET)
    assert sample.geometry().topLeft() - mine.geometry().topLeft() == QPoint(SAMPLE_OFFSET, SAMPLE_OFFSET)
    assert available.contains(sample.geometry())


def test_the_offset_place_stays_on_the_screen():
    big = QRect(0, 0, 1920, 1040)
    centred, offset = first_geometry(big), first_geometry(big, 48)
    assert offset.topLeft() == centred.topLeft() + QPoint(48, 48)
    assert offset.size() == centred.size() and big.contains(offset)  # room enough: the same size, moved
    small = QRect(0, 30, 900, 600)  # the window fills it: moved as far, made that much smaller
    moved = first_geometry(small, 48)
    assert moved.topLeft() == QPoint(48, 78) and small.contains(moved) and moved.size() == QSize(852, 552)
