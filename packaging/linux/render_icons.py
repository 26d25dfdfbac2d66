"""Render the hicolor PNG icons the Linux packages install from resources/icons/app.svg (a maintainer's step)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE.parents[1] / "resources" / "icons" / "app.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        out = HERE / "icons" / f"{size}.png"
        image.save(str(out), "PNG")
        print(f"wrote {out.relative_to(HERE.parents[1])}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
