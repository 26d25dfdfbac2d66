"""The preview pane of the New Letter dialog: the filled-in letter as readable text, its warnings, and any field
left unfilled in red (a letter with one cannot be created)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from legalsec_desktop.formats.docx_preview import PreviewProblem, docx_preview_html

HINT = ("Choose a template and a recipient, answer its questions, then press Preview (or pause typing) to read the "
        "letter as it will be written.")


class LetterPreview(QWidget):
    """`show_letter(docx, warnings, leftovers)`, `show_problem(text)` or `show_hint()`; `leftovers` says what the
    letter shown still holds unfilled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes = QLabel()
        self.notes.setObjectName("previewNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.browser = QTextBrowser()
        self.browser.setObjectName("previewText")
        self.browser.setOpenLinks(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.notes)
        column.addWidget(self.browser, 1)
        self.leftovers: tuple[str, ...] = ()
        self.current = False  # the preview shows what the fields hold now
        self.show_hint()

    def show_hint(self, text: str = "") -> None:
        self.leftovers, self.current = (), False
        self.notes.setText(html.escape(text or self.tr(HINT)))
        self.notes.setStyleSheet("color: #555;")
        self.browser.setHtml("")

    def stale(self) -> None:
        """The fields changed since the preview was made."""
        if self.current:
            self.current = False
            self.notes.setText(self.notes.text() + self.tr(" <i>(The fields changed: preview again.)</i>"))

    def show_problem(self, text: str) -> None:
        self.leftovers, self.current = (), False
        self.notes.setText(f"<b>{html.escape(self.tr('The letter cannot be made:'))}</b> {html.escape(text)}")
        self.notes.setStyleSheet("color: #b00020;")
        self.browser.setHtml("")

    def show_letter(self, docx: bytes, warnings: Sequence[str], leftovers: Sequence[str], count: int = 1) -> None:
        self.leftovers = tuple(leftovers)
        lines = []
        if count > 1:
            lines.append(html.escape(self.tr("The first of %d letters:") % count))
        if leftovers:
            lines.append("<span style='color:#b00020'><b>%s</b> %s</span>" % (
                html.escape(self.tr("Still unfilled (the letter cannot be created until they are gone):")),
                html.escape(", ".join(leftovers))))
        lines += [f"<span style='color:#8a5a00'>⚠ {html.escape(warning)}</span>" for warning in warnings]
        if not lines:
            lines.append("<span style='color:#1b5e20'>%s</span>" % html.escape(self.tr("Ready: nothing is missing.")))
        self.notes.setText("<br>".join(lines))
        self.notes.setStyleSheet("")
        try:
            self.browser.setHtml(docx_preview_html(docx))
        except PreviewProblem as problem:
            self.browser.setPlainText(str(problem))
        self.current = True
