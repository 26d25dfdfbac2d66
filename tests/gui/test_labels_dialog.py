"""The Print Labels dialog: the sheet is remembered, a click on the sheet picture sets the first label, the PDF
it saves starts there."""

import pypdfium2
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton

from legalsec_desktop.formats.labels import SHEETS, LabelData, pages
from legalsec_desktop.ui.files.labels_dialog import LabelsDialog


def labels(count: int) -> list[LabelData]:
    return [LabelData(f"F{n:06d}", "2026-0001", "Ana Rivera", "Rivera v. Okafor", f"Vol. {n}")
            for n in range(1, count + 1)]


def cell_buttons(dialog: LabelsDialog) -> list[QPushButton]:
    return [dialog.cells.itemAt(i).widget() for i in range(dialog.cells.count())]


def test_a_click_on_a_cell_starts_the_labels_there(qtbot, tmp_path):
    dialog = LabelsDialog(None, None, labels(3))
    qtbot.addWidget(dialog)
    assert dialog.sheet_key() == "5160" and len(cell_buttons(dialog)) == 30
    cell_buttons(dialog)[28].click()  # the sheet's first 28 labels are used already
    assert dialog.skip == 28
    texts = [button.text() for button in cell_buttons(dialog)]
    assert texts[27:] == ["✕", "F000001", "F000002"]
    assert "3 label(s) on 2 sheet(s), starting at label 29" in dialog.summary.text()
    out = dialog.save_pdf(tmp_path / "labels.pdf")
    assert out == tmp_path / "labels.pdf"
    document = pypdfium2.PdfDocument(str(out))
    try:
        assert len(document) == 2
    finally:
        document.close()
    assert [p.cell for p in pages(labels(3), SHEETS["5160"], 28)[0]] == [28, 29]


def test_the_sheet_is_remembered(qtbot):
    dialog = LabelsDialog(None, None, labels(1))
    qtbot.addWidget(dialog)
    dialog.sheet.setCurrentIndex(dialog.sheet.findData("5163"))
    assert len(cell_buttons(dialog)) == 10 and dialog.skip == 0
    dialog.reject()
    assert QSettings().value("labels/sheet") == "5163"
    again = LabelsDialog(None, None, labels(1))
    qtbot.addWidget(again)
    assert again.sheet_key() == "5163"
