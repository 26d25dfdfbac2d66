"""File labels without Qt: the codes decode, the sheets match Avery's, labels fill cells in order and text fits."""

from __future__ import annotations

import pytest
import zxingcpp

from legalsec_desktop.formats.barcodes import (
    CODE128_QUIET,
    QR_QUIET,
    Run,
    check_barcode_id,
    code128_modules,
    dark_runs,
    qr_rows,
)
from legalsec_desktop.formats.labels import (
    ELLIPSIS,
    SHEETS,
    SMALLEST_BAR,
    Box,
    LabelData,
    elide,
    fit_lines,
    label_art,
    pages,
)

IDS = ["F000123", "F0001234", "F999999", "B1", "0", "A1B2C3D4E5F6G7H8I9J0", "12345678901234567890",
       "ZZZZZZZZZZZZZZZZZZZZ"]


def label(number: int = 1, **changes: str) -> LabelData:
    fields = dict(barcode_id=f"F{number:06d}", matter_number="2026-0009", client="Öztürk GmbH",
                  caption="Smith v. Jones", text=f"Pleadings vol. {number}")
    fields.update(changes)
    return LabelData(**fields)


def image(rows: list[str], scale: int, quiet: int) -> memoryview:
    """A grey image of module rows (each module `scale` pixels, `quiet` white modules round them)."""
    width = (len(rows[0]) + 2 * quiet) * scale
    pixels = bytearray(b"\xff" * width * quiet * scale)
    for row in rows:
        line = bytes(0 if module == "1" else 255 for module in "0" * quiet + row + "0" * quiet)
        line = bytes(value for value in line for _ in range(scale))
        pixels += line * scale
    pixels += b"\xff" * width * quiet * scale
    return memoryview(bytes(pixels)).cast("B", (len(pixels) // width, width))


@pytest.mark.parametrize("barcode_id", IDS)
def test_code128_modules_decode_to_the_id(barcode_id):
    modules = code128_modules(barcode_id)
    assert modules.startswith("11010") and modules.endswith("1100011101011")  # a start character, the stop pattern
    assert (len(modules) - 13) % 11 == 0
    found = zxingcpp.read_barcodes(image([modules] * 40, 3, CODE128_QUIET), formats=zxingcpp.BarcodeFormat.Code128)
    assert [result.text for result in found] == [barcode_id]


@pytest.mark.parametrize("barcode_id", IDS)
def test_qr_rows_decode_to_the_id(barcode_id):
    rows = qr_rows(barcode_id)
    assert len(rows) == 21 and all(len(row) == 21 for row in rows)  # version 1 holds any id (20 characters at M)
    found = zxingcpp.read_barcodes(image(list(rows), 4, QR_QUIET), formats=zxingcpp.BarcodeFormat.QRCode)
    assert [result.text for result in found] == [barcode_id]
    assert found[0].ec_level in ("M", "Q", "H")


@pytest.mark.parametrize("bad", ["", "f000123", "F 000123", "F000123\n", "Ö1", "A" * 21, "F-1"])
def test_an_id_the_labels_cannot_encode_is_refused(bad):
    with pytest.raises(ValueError):
        check_barcode_id(bad)
    with pytest.raises(ValueError):
        label(barcode_id=bad)


def test_dark_runs_merge_neighbouring_modules():
    assert dark_runs("0110111001") == [Run(1, 2), Run(4, 3), Run(9, 1)]
    assert dark_runs("000") == []


def test_the_sheets_are_avery_5160_5163_and_a_single_label():
    s5160, s5163, single = SHEETS["5160"], SHEETS["5163"], SHEETS["single"]
    assert (s5160.columns, s5160.rows, s5160.label_width, s5160.label_height) == (3, 10, 2.625, 1.0)
    assert (s5160.left, s5160.top, s5160.pitch_x, s5160.pitch_y) == (0.1875, 0.5, 2.75, 1.0)
    assert (s5163.columns, s5163.rows, s5163.label_width, s5163.label_height) == (2, 5, 4.0, 2.0)
    assert (s5163.left, s5163.top, s5163.pitch_x, s5163.pitch_y) == (0.1625, 0.5, 4.1875, 2.0)
    assert (single.per_page, single.page_width, single.page_height) == (1, 4.0, 2.0)
    for sheet in SHEETS.values():
        right = sheet.left + (sheet.columns - 1) * sheet.pitch_x + sheet.label_width
        bottom = sheet.top + (sheet.rows - 1) * sheet.pitch_y + sheet.label_height
        assert right <= sheet.page_width and bottom <= sheet.page_height
        assert sheet.pitch_x >= sheet.label_width and sheet.pitch_y >= sheet.label_height  # no overlapping cells
        assert abs((sheet.page_height - bottom) - sheet.top) < 1e-9  # centred down the page as the sheets are


def test_31_labels_on_5160_take_two_pages_in_order():
    labels = [label(n) for n in range(31)]
    placed = pages(labels, SHEETS["5160"])
    assert [len(page) for page in placed] == [30, 1]
    assert [place.label for page in placed for place in page] == labels
    first, second, fourth = placed[0][0], placed[0][1], placed[0][3]
    assert (first.cell, first.x, first.y) == (0, 0.1875, 0.5)
    assert (second.x, second.y) == (2.9375, 0.5)  # across first
    assert (fourth.x, fourth.y) == (0.1875, 1.5)  # then down
    assert (placed[1][0].cell, placed[1][0].x, placed[1][0].y) == (0, 0.1875, 0.5)


def test_skip_starts_on_a_partly_used_sheet():
    placed = pages([label(n) for n in range(3)], SHEETS["5160"], skip=29)
    assert [[place.cell for place in page] for page in placed] == [[29], [0, 1]]
    last = placed[0][0]
    assert (last.x, last.y) == (0.1875 + 2 * 2.75, 0.5 + 9 * 1.0)
    assert [len(page) for page in pages([label(n) for n in range(40)], SHEETS["5163"], skip=5)] == [5, 10, 10, 10, 5]


@pytest.mark.parametrize("skip", [-1, 30, 31])
def test_skip_beyond_the_sheet_is_refused(skip):
    with pytest.raises(ValueError):
        pages([label()], SHEETS["5160"], skip=skip)


def test_one_label_a_page_on_the_single_sheet_and_none_for_no_labels():
    assert [[(p.cell, p.x, p.y) for p in page] for page in pages([label(1), label(2)], SHEETS["single"])] == [
        [(0, 0.0, 0.0)], [(0, 0.0, 0.0)]]
    assert pages([], SHEETS["5160"]) == []


def overlaps(a: Box, b: Box) -> bool:
    return a.x < b.x + b.width - 1e-9 and b.x < a.x + a.width - 1e-9 and a.y < b.y + b.height - 1e-9 \
        and b.y < a.y + a.height - 1e-9


@pytest.mark.parametrize("key", list(SHEETS))
@pytest.mark.parametrize("barcode_id", ["F000123", "A1B2C3D4E5F6G7H8I9J0"])
def test_everything_on_a_label_stays_inside_it_and_clear_of_the_quiet_zones(key, barcode_id):
    sheet = SHEETS[key]
    art = label_art(label(barcode_id=barcode_id), sheet)
    inside = Box(sheet.inset, sheet.inset, sheet.label_width - 2 * sheet.inset, sheet.label_height - 2 * sheet.inset)
    for box in [*art.rectangles, *(text.box for text in art.texts)]:
        assert inside.x - 1e-9 <= box.x and box.x + box.width <= inside.x + inside.width + 1e-9
        assert inside.y - 1e-9 <= box.y and box.y + box.height <= inside.y + inside.height + 1e-9
    qr_side = 21 * art.qr_module
    qr = [box for box in art.rectangles if abs(box.height - art.qr_module) < 1e-9]
    bars = [box for box in art.rectangles if box not in qr]
    qr_left, qr_top = min(box.x for box in qr), min(box.y for box in qr)
    qr_zone = Box(qr_left - QR_QUIET * art.qr_module, qr_top - QR_QUIET * art.qr_module,
                  qr_side + 2 * QR_QUIET * art.qr_module, qr_side + 2 * QR_QUIET * art.qr_module)
    assert qr_zone.x >= 0 and qr_zone.y >= 0  # the quiet zone is on the label, not past its edge
    bars_left, bars_right = min(box.x for box in bars), max(box.x + box.width for box in bars)
    bars_zone = Box(bars_left - CODE128_QUIET * art.bar_module, bars[0].y,
                    bars_right - bars_left + 2 * CODE128_QUIET * art.bar_module, bars[0].height)
    assert bars_zone.x >= 0 and bars_zone.x + bars_zone.width <= sheet.label_width
    assert bars[0].height >= 0.25 - 1e-9  # tall enough to scan at a slant
    for box in bars:
        assert not overlaps(box, qr_zone)
    for text in art.texts:
        assert not overlaps(text.box, qr_zone) and not overlaps(text.box, bars_zone)
    for first, text in enumerate(art.texts):
        assert all(not overlaps(text.box, other.box) for other in art.texts[first + 1:])


def test_code128_modules_are_wide_enough_to_scan():
    assert label_art(label(), SHEETS["5160"]).bar_module == pytest.approx(0.01)
    assert label_art(label(), SHEETS["5163"]).bar_module == pytest.approx(0.015)
    longest = label_art(label(barcode_id="A1B2C3D4E5F6G7H8I9J0"), SHEETS["5160"])
    assert SMALLEST_BAR <= longest.bar_module < 0.01  # narrowed to fit, in whole printer dots
    assert round(longest.bar_module * 600, 6) == int(longest.bar_module * 600 + 1e-6)
    assert label_art(label(), SHEETS["5160"]).qr_module >= 0.015


def test_every_label_shows_its_id_matter_client_caption_and_text():
    art = label_art(label(7, caption="Smith v. Jones"), SHEETS["5160"])
    assert [text.text for text in art.texts] == ["F000007", "2026-0009", "Öztürk GmbH", "Smith v. Jones",
                                                 "Pleadings vol. 7"]
    assert art.texts[0].centred and art.texts[1].bold and art.texts[4].bold
    assert [text.lines for text in label_art(label(), SHEETS["5163"]).texts] == [1, 1, 1, 2, 1]


def width(text: str) -> float:
    """A stand-in font: every character a tenth of an inch, wide ones wider."""
    return sum(0.15 if character in "MWÖ" else 0.1 for character in text)


@pytest.mark.parametrize("text", ["Siobhán O'Brien-Núñez v. Öztürk GmbH and others", "Supercalifragilistic" * 3,
                                  "a\nb\tc   d", "", "Short", "W" * 40])
@pytest.mark.parametrize("lines", [1, 2, 3])
def test_fitted_text_never_runs_past_its_box(text, lines):
    fitted = fit_lines(text, 1.2, lines, width)
    assert len(fitted) <= lines and all(width(line) <= 1.2 + 1e-9 for line in fitted)
    shown = "".join(fitted).replace(ELLIPSIS, "").replace(" ", "")
    assert text.replace(" ", "").replace("\n", "").replace("\t", "").startswith(shown)
    assert fitted[-1].endswith(ELLIPSIS) if len(shown) < len("".join(text.split())) else True


def test_long_text_is_elided_at_the_end_and_short_text_kept():
    assert fit_lines("Short", 1.2, 1, width) == ["Short"]
    assert fit_lines("Smith v. Jones Manufacturing Co.", 1.5, 2, width) == ["Smith v. Jones", "Manufacturing…"]
    assert fit_lines("a\nb\tc", 1.2, 1, width) == ["a b c"]
    assert fit_lines("   ", 1.2, 2, width) == []
    assert elide("Öztürk GmbH", 0.5, width) == "Özt…"
    assert elide("Öztürk", 0.05, width) == ""  # not even the ellipsis fits
