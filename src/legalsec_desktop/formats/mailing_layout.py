"""Where the text of a #10 envelope and of address labels goes, in inches from the page's top-left corner.

Painting is left to the caller (ui/common/mailing_print.py); text is fitted through a measuring function it
passes, so that no line runs past its box: a block too big is set smaller, and what still does not fit is elided.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from legalsec_desktop.formats.labels import LINE_SPACING, POINT, SHEETS, Measure, Sheet, elide, fit_lines

SizedMeasure = Callable[[str, float, bool], float]
"""The width in inches of a text at a point size, bold or not."""

# A #10 envelope, fed landscape: 9-1/2 x 4-1/8 in.
ENVELOPE_WIDTH, ENVELOPE_HEIGHT = 9.5, 4.125
# USPS: the delivery address about 4 in from the left and 2 in from the top; keep clear the bottom 5/8 in (the
# barcode clear zone) and 1/2 in at the right.
RECIPIENT_X, RECIPIENT_Y, RECIPIENT_RIGHT, RECIPIENT_BOTTOM = 4.0, 2.0, 0.5, 0.625
RETURN_X, RETURN_Y, RETURN_WIDTH, RETURN_HEIGHT = 0.375, 0.375, 3.375, 1.25
RECIPIENT_POINTS = (12.0, 11.0, 10.0, 9.0, 8.0)
RETURN_POINTS = (10.0, 9.0, 8.0, 7.0)
VIA_POINTS = (11.0, 10.0, 9.0, 8.0)
LABEL_POINTS = (11.0, 10.0, 9.0, 8.0, 7.0, 6.0)
LABEL_FLOOR = 8.0  # USPS: no smaller than 8 pt, unless there are too many lines for the label
RECIPIENT_FLOOR, RETURN_FLOOR = 10.0, 8.0
LABEL_SIDE_INSET = 0.125  # the label's blank margin left and right; top and bottom use the sheet's inset
VIA_GAP = 0.1  # between the "Via Certified Mail" line and the recipient's block


@dataclass(frozen=True)
class PlacedLine:
    """One line of text: its box's top-left, the room it has across, its size; nothing is drawn past the box."""

    text: str
    x: float
    y: float
    width: float
    points: float
    bold: bool = False

    @property
    def height(self) -> float:
        return self.points * LINE_SPACING * POINT


def line_height(points: float) -> float:
    return points * LINE_SPACING * POINT


def _wrapped(lines: list[str], width: float, measure: Measure) -> list[str] | None:
    """The lines with each too wide one wrapped in two at spaces; None when one still does not fit."""
    result: list[str] = []
    for line in lines:
        if measure(line) <= width:
            result.append(line)
            continue
        parts = fit_lines(line, width, 2, measure)
        if " ".join(parts) != line or any(measure(part) > width for part in parts):
            return None
        result += parts
    return result


def fit_block(lines: Sequence[str], width: float, height: float, sizes: Sequence[float],
              measure: SizedMeasure, bold: bool = False, floor: float = 0.0) -> tuple[float, list[str]]:
    """`lines` set as large as they fit in `width` x `height`: the largest of `sizes` (not below `floor`) with
    every line whole, else with a long line wrapped in two, else (down to the smallest size, to fit the height)
    with long lines elided; when there are still too many lines, the last ones share the last line."""
    lines = [" ".join(line.split()) for line in lines if line.strip()]

    def at(points: float) -> Measure:
        return lambda text: measure(text, points, bold)

    def fits(points: float, block: list[str]) -> bool:
        return len(block) * line_height(points) <= height + 1e-9

    readable = [points for points in sizes if points >= floor] or [sizes[-1]]
    for points in readable:
        if fits(points, lines) and all(at(points)(line) <= width for line in lines):
            return points, lines
    for points in readable:
        wrapped = _wrapped(lines, width, at(points))
        if wrapped is not None and fits(points, wrapped):
            return points, wrapped
    points = next((points for points in sizes if fits(points, lines)), sizes[-1])
    room = max(1, int(height / line_height(points) + 1e-9))
    if len(lines) > room:
        lines = [*lines[:room - 1], ", ".join(lines[room - 1:])]
    return points, [elide(line, width, at(points)) for line in lines]


def _placed(lines: list[str], x: float, y: float, width: float, points: float, bold: bool = False) -> list[PlacedLine]:
    return [PlacedLine(line, x, y + number * line_height(points), width, points, bold)
            for number, line in enumerate(lines)]


def envelope_lines(return_lines: Sequence[str], recipient: Sequence[str], via: str,
                   measure: SizedMeasure) -> list[PlacedLine]:
    """Everything printed on a #10 envelope: the return address at the top left, the recipient's block at the
    USPS position, and `via` ("Via Certified Mail") in bold just above it."""
    placed: list[PlacedLine] = []
    points, lines = fit_block(return_lines, RETURN_WIDTH, RETURN_HEIGHT, RETURN_POINTS, measure, floor=RETURN_FLOOR)
    placed += _placed(lines, RETURN_X, RETURN_Y, RETURN_WIDTH, points)
    width = ENVELOPE_WIDTH - RECIPIENT_X - RECIPIENT_RIGHT
    height = ENVELOPE_HEIGHT - RECIPIENT_Y - RECIPIENT_BOTTOM
    points, lines = fit_block(recipient, width, height, RECIPIENT_POINTS, measure, floor=RECIPIENT_FLOOR)
    placed += _placed(lines, RECIPIENT_X, RECIPIENT_Y, width, points)
    via = " ".join(via.split())
    if via:
        via_points, via_lines = fit_block([via], width, line_height(VIA_POINTS[0]), VIA_POINTS, measure, bold=True)
        top = RECIPIENT_Y - VIA_GAP - line_height(via_points)
        placed += _placed(via_lines, RECIPIENT_X, top, width, via_points, bold=True)
    return placed


def label_sheet(key: str = "5160") -> Sheet:
    """The label sheet of that key (formats.labels.SHEETS): its paper and where its labels are."""
    return SHEETS[key]


def label_cells(count: int, sheet: Sheet, skip: int = 0) -> list[list[tuple[int, float, float]]]:
    """For `count` labels in order, (cell, x, y) of each, a page at a time; the first page starts at cell
    `skip` (those before it were used already). Cells count across, then down, from 0."""
    if not 0 <= skip < sheet.per_page:
        raise ValueError(f"skip must be 0 to {sheet.per_page - 1} on {sheet.name}")
    result: list[list[tuple[int, float, float]]] = []
    cell = skip
    for _ in range(count):
        if not result or cell == sheet.per_page:
            result.append([])
            cell %= sheet.per_page
        row, column = divmod(cell, sheet.columns)
        result[-1].append((cell, sheet.left + column * sheet.pitch_x, sheet.top + row * sheet.pitch_y))
        cell += 1
    return result


def label_lines(address: Sequence[str], sheet: Sheet, x: float, y: float, measure: SizedMeasure) -> list[PlacedLine]:
    """An address on the label whose top-left is (x, y): left-aligned, centred from top to bottom, set as large
    as fits (11 pt down to 8 pt, 6 pt for many lines), never past the label's margins."""
    width = sheet.label_width - 2 * LABEL_SIDE_INSET
    height = sheet.label_height - 2 * sheet.inset
    points, lines = fit_block(address, width, height, LABEL_POINTS, measure, floor=LABEL_FLOOR)
    top = y + sheet.inset + (height - len(lines) * line_height(points)) / 2
    return _placed(lines, x + LABEL_SIDE_INSET, top, width, points)


def label_pages(addresses: Sequence[Sequence[str]], sheet: Sheet, skip: int,
                measure: SizedMeasure) -> list[list[PlacedLine]]:
    """Every line of every label, a page at a time."""
    pages: list[list[PlacedLine]] = []
    index = 0
    for cells in label_cells(len(addresses), sheet, skip):
        page: list[PlacedLine] = []
        for _cell, x, y in cells:
            page += label_lines(addresses[index], sheet, x, y, measure)
            index += 1
        pages.append(page)
    return pages
