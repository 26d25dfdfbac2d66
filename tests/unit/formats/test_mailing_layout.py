"""formats.mailing_layout: the #10 envelope's places (USPS), Avery 5160 cells, and address text fitted so that no
line runs past its box, set smaller, wrapped or elided, never dropped without a mark."""

import pytest

from legalsec_desktop.formats import mailing_layout as layout
from legalsec_desktop.formats.labels import ELLIPSIS, SHEETS


def measure(text: str, points: float, bold: bool = False) -> float:
    """A fixed-pitch stand-in: each character half an em wide (bold a little wider)."""
    return len(text) * points / 72 * (0.55 if bold else 0.5)


RETURN = ("Holloway & Chen LLP", "455 Market St, Suite 1200", "San Francisco, CA 94105")
TO = ("Scott Collins", "Collins & Björk LLP", "4107 Market St", "Los Angeles, CA 90012")


def inside(line: layout.PlacedLine, width: float, height: float) -> bool:
    return (line.x >= 0 and line.y >= 0 and line.x + line.width <= width + 1e-9
            and line.y + line.height <= height + 1e-9 and measure(line.text, line.points, line.bold) <= line.width)


def test_envelope_places_the_return_address_the_recipient_and_the_via_line():
    lines = layout.envelope_lines(RETURN, TO, "Via Certified Mail", measure)
    texts = [line.text for line in lines]
    assert texts == [*RETURN, *TO, "Via Certified Mail"]
    back, to, via = lines[:3], lines[3:7], lines[7]
    assert back[0].x == layout.RETURN_X and back[0].y == layout.RETURN_Y and back[0].x < 0.5
    assert to[0].x == 4.0 and to[0].y == 2.0  # USPS: about 4 in from the left, 2 in from the top
    assert to[0].points == 12.0 and all(b.points <= 10 for b in back)
    assert via.bold and via.x == 4.0 and via.y + via.height < to[0].y
    assert all(inside(line, 9.5, 4.125) for line in lines)
    assert to[-1].y + to[-1].height <= 4.125 - 0.625  # the barcode clear zone at the foot stays blank


def test_envelope_without_via_or_return_address():
    lines = layout.envelope_lines((), TO, "  ", measure)
    assert [line.text for line in lines] == list(TO)


def test_a_long_block_is_set_smaller_and_never_runs_off_the_envelope():
    long_to = ("Alexandria Konstantinopoulou-Vanderbilt",
               "Konstantinopoulou, Vanderbilt, Featherstonehaugh & Cholmondeley-Marjoribanks LLP",
               "Attn: Records Department", "One Embarcadero Center, Suite 4100",
               "Building B, Mail Stop 12", "San Francisco, CA 94111-3600", "USA", "Extra line")
    lines = layout.envelope_lines(RETURN, long_to, "", measure)
    recipient = [line for line in lines if line.x == 4.0]
    assert all(inside(line, 9.5, 4.125 - 0.625) for line in recipient)
    assert recipient[0].points < 12
    shown = " ".join(line.text for line in recipient)
    assert "Extra line" in shown or ELLIPSIS in shown  # every line shown, or the cut is marked


@pytest.mark.parametrize("count", [1, 4, 7])
def test_fit_block_never_exceeds_its_box(count):
    lines = [f"Line {n} " + "word " * (n * 5) for n in range(count)]
    points, fitted = layout.fit_block(lines, 2.375, 0.875, layout.LABEL_POINTS, measure, floor=8)
    assert points in layout.LABEL_POINTS
    assert len(fitted) * layout.line_height(points) <= 0.875 + 1e-9
    assert all(measure(line, points) <= 2.375 for line in fitted)


def test_fit_block_prefers_the_largest_readable_size_then_wraps_then_elides():
    assert layout.fit_block(["Ana Rivera", "12 Elm St"], 2.375, 0.875, layout.LABEL_POINTS, measure) == (
        11.0, ["Ana Rivera", "12 Elm St"])
    name = "Person Number Fourteen With A Rather Long Name"  # too wide even at 8 pt: wrapped, not shrunk to 6
    points, fitted = layout.fit_block([name, "123 Main St"], 2.375, 0.875, layout.LABEL_POINTS, measure, floor=8)
    assert points >= 8 and " ".join(fitted[:2]) == name and fitted[2] == "123 Main St"
    word = "X" * 200  # cannot wrap at a space: elided, with the mark
    points, fitted = layout.fit_block([word], 2.375, 0.875, layout.LABEL_POINTS, measure, floor=8)
    assert fitted[0].endswith(ELLIPSIS) and measure(fitted[0], points) <= 2.375


def test_too_many_lines_share_the_last_one():
    points, fitted = layout.fit_block([f"L{n}" for n in range(20)], 2.375, 0.875, layout.LABEL_POINTS, measure)
    assert points == layout.LABEL_POINTS[-1]
    assert len(fitted) * layout.line_height(points) <= 0.875 + 1e-9
    assert fitted[-1].startswith(f"L{len(fitted) - 1}, L{len(fitted)}, ")
    assert "L19" in fitted[-1] or fitted[-1].endswith(ELLIPSIS)


def test_5160_cells_thirty_a_page_at_avery_places():
    sheet = layout.label_sheet("5160")
    assert sheet is SHEETS["5160"] and sheet.per_page == 30
    pages = layout.label_cells(31, sheet)
    assert [len(page) for page in pages] == [30, 1]
    assert pages[0][0] == (0, 0.1875, 0.5)
    assert pages[0][2] == (2, 0.1875 + 2 * 2.75, 0.5)
    assert pages[0][29] == (29, 0.1875 + 2 * 2.75, 0.5 + 9 * 1.0)
    assert pages[1][0] == (0, 0.1875, 0.5)


def test_skipped_labels_of_a_used_sheet_stay_blank():
    sheet = layout.label_sheet()
    pages = layout.label_cells(3, sheet, skip=28)
    assert [[cell for cell, _x, _y in page] for page in pages] == [[28, 29], [0]]
    with pytest.raises(ValueError):
        layout.label_cells(1, sheet, skip=30)


def test_label_text_stays_inside_its_label():
    sheet = layout.label_sheet()
    blocks = [TO, ("A" * 90, "B " * 60, "C", "D", "E", "F", "G", "H"), ("Only a name",)]
    pages = layout.label_pages(blocks, sheet, 0, measure)
    assert len(pages) == 1
    for line in pages[0]:
        column, row = int((line.x - sheet.left) // sheet.pitch_x), int((line.y - sheet.top) // sheet.pitch_y)
        left, top = sheet.left + column * sheet.pitch_x, sheet.top + row * sheet.pitch_y
        assert left + 0.1 <= line.x and line.x + line.width <= left + sheet.label_width - 0.1
        assert top + sheet.inset - 1e-9 <= line.y
        assert line.y + line.height <= top + sheet.label_height - sheet.inset + 1e-9
        assert measure(line.text, line.points) <= line.width
    first = [line for line in pages[0] if line.y < 1.5 and line.x < 2]
    assert [line.text for line in first] == list(TO)
