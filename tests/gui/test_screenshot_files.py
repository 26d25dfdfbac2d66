"""`legalsec screenshot` saves its PNGs (pictures of a practice's clients) whole or not at all."""

from pathlib import Path

import pytest
from PySide6.QtGui import QPixmap

from legalsec_desktop.domain.errors import UserFixableError
from legalsec_desktop.ui.screenshot import render_screenshots


def test_a_short_png_is_not_saved_over_the_earlier_one(demo_path, tmp_path, monkeypatch):
    shots = tmp_path / "shots"
    shots.mkdir()
    earlier = shots / "01-calendar.png"
    earlier.write_bytes(b"last release's screenshot")
    save = QPixmap.save

    def save_short(self, name, *args):  # noqa: ANN001, ANN202 - as if the disk filled up under Qt
        done = save(self, name, *args)
        Path(name).write_bytes(Path(name).read_bytes()[:100])
        return done

    monkeypatch.setattr(QPixmap, "save", save_short)
    with pytest.raises(UserFixableError) as caught:
        render_screenshots(demo_path, shots)
    assert "came out incomplete" in caught.value.message
    assert earlier.read_bytes() == b"last release's screenshot"
    assert [p.name for p in shots.iterdir()] == ["01-calendar.png"]
