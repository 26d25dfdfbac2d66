"""Folder and box labels: what a label says, the label sheets, where each label goes and what is drawn on it.

Lengths are in inches, measured from the page's top-left corner (sheets) or the label's (what is drawn on it).
Painting is left to the caller (ui/common/label_print.py); text is fitted through a measuring function it passes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from legalsec_desktop.formats.barcodes import (
    CODE128_QUIET,
    QR_QUIET,
    check_barcode_id,
    code128_modules,
    dark_runs,
    qr_rows,
)

POINT = 1 / 72
LINE_SPACING = 1.2
ELLIPSIS = "…"
PRINTER_DOT = 1 / 600  # bar widths are whole dots of a 600 dpi printer (and pairs of a 1200 dpi one)
SMALLEST_BAR = 5 * PRINTER_DOT  # 8.3 mil: hand scanners read it; below this a label would not scan reliably

Measure = Callable[[str], float]
"""The width in inches of a text in the font it will be drawn in."""


@dataclass(frozen=True)
class LabelData:
    """What one label shows: a volume's barcode id, its matter and the label's own text ("Pleadings vol. 2")."""

    barcode_id: str
    matter_number: str
    client: str
    caption: str
    text: str

    def __post_init__(self) -> None:
        check_barcode_id(self.barcode_id)


@dataclass(frozen=True)
class Sheet:
    """A sheet of labels: the page, the grid of labels on it, and how big the codes and text are drawn."""

    key: str
    name: str
    page_width: float
    page_height: float
    columns: int
    rows: int
    label_width: float
    label_height: float
    left: float  # to the first column's left edge
    top: float  # to the first row's top edge
    pitch_x: float  # from one label's left edge to the next one's
    pitch_y: float
    inset: float  # nothing is drawn nearer a label's edge than this (printers feed paper a little askew)
    qr_module: float
    bar_module: float  # the Code 128 module width when the symbol fits; narrower (whole printer dots) when not
    text_points: float
    id_points: float  # the human-readable id under the bars

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


# Avery's US templates, as gLabels defines them (jimevins/glabels-qt, templates/avery-us-templates.xml) and
# Word's built-in Avery labels agree: 5160 (2-5/8" x 1", 3 x 10, first row 1/2" down, rows 1" apart) and 5163
# (4" x 2", 2 x 5, 1/2" down, 2" apart, columns 4-3/16" apart, 0.1625" in). For 5160's columns gLabels has
# 5/32" in and 2-25/32" apart; Word and Avery's own template have 3/16" in and 2-3/4" apart (a 1/8" gap, centred
# on the page), which is used here; the two differ by 1/32", well inside the 1/16" left blank inside each label.
SHEETS: dict[str, Sheet] = {
    "5160": Sheet("5160", "Avery 5160 (30 labels, 2-5/8 x 1 in)", 8.5, 11.0, 3, 10, 2.625, 1.0,
                  0.1875, 0.5, 2.75, 1.0, inset=0.0625, qr_module=0.02, bar_module=0.01,
                  text_points=7.0, id_points=6.0),
    "5163": Sheet("5163", "Avery 5163 (10 labels, 4 x 2 in)", 8.5, 11.0, 2, 5, 4.0, 2.0,
                  0.1625, 0.5, 4.1875, 2.0, inset=0.125, qr_module=0.04, bar_module=0.015,
                  text_points=10.0, id_points=9.0),
    # One 4" x 2" label per page: the common size on a label printer's roll (thermal or DYMO/Brother).
    "single": Sheet("single", "Single label (4 x 2 in, label printer)", 4.0, 2.0, 1, 1, 4.0, 2.0,
                    0.0, 0.0, 4.0, 2.0, inset=0.125, qr_module=0.04, bar_module=0.015,
                    text_points=10.0, id_points=9.0),
}


@dataclass(frozen=True)
class Placement:
    """One label in its cell: `cell` counts across then down from 0; x, y is the label's top-left on the page."""

    label: LabelData
    cell: int
    x: float
    y: float


def pages(labels: Iterable[LabelData], sheet: Sheet, skip: int = 0) -> list[list[Placement]]:
    """The labels in order, a sheet's cells at a time; the first sheet starts at cell `skip` (the ones before it
    were used already). Every label gets a whole cell; more labels than cells take more pages."""
    if not 0 <= skip < sheet.per_page:
        raise ValueError(f"skip must be 0 to {sheet.per_page - 1} on {sheet.name}")
    result: list[list[Placement]] = []
    cell = skip
    for label in labels:
        if not result or cell == sheet.per_page:
            result.append([])
            cell = cell % sheet.per_page
        row, column = divmod(cell, sheet.columns)
        result[-1].append(Placement(label, cell, sheet.left + column * sheet.pitch_x, sheet.top + row * sheet.pitch_y))
        cell += 1
    return result


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class TextBlock:
    """Text set in `box`, `lines` lines at most of `points` size; what does not fit is elided."""

    text: str
    box: Box
    points: float
    bold: bool = False
    lines: int = 1
    centred: bool = False

    @property
    def line_height(self) -> float:
        return self.points * LINE_SPACING * POINT


@dataclass(frozen=True)
class LabelArt:
    """Everything drawn on one label, relative to its top-left: dark rectangles and text blocks."""

    rectangles: tuple[Box, ...]
    texts: tuple[TextBlock, ...]
    bar_module: float
    qr_module: float


def _bar_module(sheet: Sheet, modules: int) -> float:
    """The widest module up to the sheet's that lets the symbol and its quiet zones fit across the label."""
    room = sheet.label_width - 2 * sheet.inset
    module = min(sheet.bar_module, room / (modules + 2 * CODE128_QUIET))
    module = int(module / PRINTER_DOT + 1e-9) * PRINTER_DOT
    if module < SMALLEST_BAR - 1e-12:
        raise ValueError("the barcode id is too long for this label")
    return module


def label_art(label: LabelData, sheet: Sheet) -> LabelArt:
    """The QR code at the top left, the label's text beside it, the Code 128 across the foot with the id under it.

    Every quiet zone lies inside the label, so a scanner sees white there whatever is beside the label.
    """
    rectangles: list[Box] = []
    # QR code: its quiet zone may share the label's blank inset.
    rows = qr_rows(label.barcode_id)
    qr_module = sheet.qr_module
    qr_at = max(sheet.inset, QR_QUIET * qr_module)
    for index, row in enumerate(rows):
        for run in dark_runs(row):
            rectangles.append(Box(qr_at + run.start * qr_module, qr_at + index * qr_module,
                                  run.count * qr_module, qr_module))
    qr_end = qr_at + len(rows) * qr_module + QR_QUIET * qr_module  # the quiet zone's far edge
    # Code 128 across the foot, centred, above the human-readable id.
    modules = code128_modules(label.barcode_id)
    bar_module = _bar_module(sheet, len(modules))
    id_height = sheet.id_points * LINE_SPACING * POINT
    bars_bottom = sheet.label_height - sheet.inset - id_height
    bars_width = len(modules) * bar_module
    bars_x = (sheet.label_width - bars_width) / 2
    for run in dark_runs(modules):
        rectangles.append(Box(bars_x + run.start * bar_module, qr_end, run.count * bar_module, bars_bottom - qr_end))
    id_box = Box(sheet.inset, bars_bottom, sheet.label_width - 2 * sheet.inset, id_height)
    texts = [TextBlock(label.barcode_id, id_box, sheet.id_points, centred=True)]
    # The text beside the QR code: matter number, client, caption (one or two lines), the label's own text.
    left = qr_end
    width = sheet.label_width - sheet.inset - left
    line = sheet.text_points * LINE_SPACING * POINT
    room_lines = int((qr_end - sheet.inset) / line + 1e-9)
    caption_lines = max(1, min(2, room_lines - 3))
    top = sheet.inset
    for text, bold, count in ((label.matter_number, True, 1), (label.client, False, 1),
                              (label.caption, False, caption_lines), (label.text, True, 1)):
        texts.append(TextBlock(text, Box(left, top, width, count * line), sheet.text_points, bold, count))
        top += count * line
    return LabelArt(tuple(rectangles), tuple(texts), bar_module, qr_module)


def elide(text: str, width: float, measure: Measure) -> str:
    """`text` if it fits in `width`, else its longest beginning that fits with an ellipsis after it."""
    if measure(text) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits lies in [low, high)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return ELLIPSIS if measure(ELLIPSIS) <= width else ""
    return text[:low].rstrip() + ELLIPSIS


def _longest_fitting(word: str, width: float, measure: Measure) -> int:
    """How many of `word`'s first characters fit in `width` (at least one, so that breaking a word moves on)."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def fit_lines(text: str, width: float, lines: int, measure: Measure) -> list[str]:
    """`text` wrapped at spaces into at most `lines` lines no wider than `width`, the last one elided when the
    text goes on. A word wider than a line is broken; line breaks and tabs in the text count as spaces."""
    words = text.split()
    result: list[str] = []
    current = ""
    index = 0
    while index < len(words):
        word = words[index]
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= width:
            current = candidate
            index += 1
        elif len(result) >= lines - 1:  # the last line: the rest goes on it, elided
            break
        elif current:
            result.append(current)
            current = ""
        else:  # a word wider than a line
            cut = _longest_fitting(word, width, measure)
            result.append(word[:cut])
            words[index] = word[cut:]
    rest = " ".join([current, *words[index:]]).strip()
    if rest:
        result.append(elide(rest, width, measure))
    return result


def fitted(block: TextBlock, measure: Measure) -> list[str]:
    """The lines of `block` as drawn, given the width of text in its font."""
    return fit_lines(block.text, block.box.width, block.lines, measure)
