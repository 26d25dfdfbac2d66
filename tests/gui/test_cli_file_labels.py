"""`legalsec files labels`: a matter's labels, or chosen ids, saved as a PDF whose every code reads back as the id."""

from collections import Counter
from datetime import date

import pypdfium2
import pytest
import zxingcpp

from cli_run import run
from legalsec_desktop.domain.file_room import VolumeDraft
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import matters, volumes


@pytest.fixture
def labelled_db(store, db_path):
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Siobhán O'Brien-Núñez",
                                                      date(2026, 1, 5), caption="Rivera v. Okafor Holdings LLC"))
    acme = matters.create_matter(store, MatterDraft("2026-0002", "Acme lease", "Öztürk GmbH", date(2026, 1, 5)))
    for number in range(32):
        volumes.add_volume(store, VolumeDraft(rivera, f"Pleadings vol. {number + 1}"))
    volumes.add_volume(store, VolumeDraft(acme, "Lease", barcode="PRE0042"))  # a pre-printed label's id
    store.close()
    return db_path


def codes_on_pages(path) -> list[Counter]:  # noqa: ANN001
    document = pypdfium2.PdfDocument(str(path))
    try:
        found = []
        for number in range(len(document)):
            bitmap = document[number].render(scale=300 / 72, grayscale=True)
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            data = bytes(bitmap.buffer)
            pixels = b"".join(data[row * stride:row * stride + width] for row in range(height))
            image = memoryview(pixels).cast("B", (height, width))
            found.append(Counter((code.format.name, code.text) for code in zxingcpp.read_barcodes(image)))
        return found
    finally:
        document.close()


def test_a_matters_labels_span_pages_and_every_code_reads_back(labelled_db, tmp_path, capsys):
    out = tmp_path / "labels.pdf"
    code, said, _ = run(["files", "labels", "--matter", "2026-0001", "--out", str(out), "--db", str(labelled_db)],
                        capsys)
    assert (code, said) == (0, f"Saved 32 labels to {out}.\n")
    pages = codes_on_pages(out)
    assert len(pages) == 2  # 30 on a 5160 sheet, the rest on a second: no label cut
    read = sum(pages, Counter())
    expected = [f"F{number:06d}" for number in range(1, 33)]
    assert sorted(text for (kind, text) in read if kind == "Code128") == expected
    assert sorted(text for (kind, text) in read if kind == "QRCode") == expected


def test_chosen_ids_on_a_single_label_sheet(labelled_db, tmp_path, capsys):
    out = tmp_path / "two.pdf"
    code, said, _ = run(["files", "labels", "pre0042", "F000003", "--sheet", "single", "--out", str(out),
                         "--db", str(labelled_db)], capsys)
    assert code == 0 and said.startswith("Saved 2 labels")
    pages = codes_on_pages(out)
    assert [sorted(page) for page in pages] == [[("Code128", "PRE0042"), ("QRCode", "PRE0042")],
                                                [("Code128", "F000003"), ("QRCode", "F000003")]]


@pytest.mark.parametrize(("argv", "message"), [
    (["F000001", "--matter", "2026-0001"], "not both"),
    ([], "Name the files to label"),
    (["F00003"], "Nearest: F000003"),
    (["F000001", "--skip", "30"], "less than 30"),
])
def test_bad_requests_write_nothing(labelled_db, tmp_path, capsys, argv, message):
    out = tmp_path / "labels.pdf"
    code, _, err = run(["files", "labels", *argv, "--out", str(out), "--db", str(labelled_db)], capsys)
    assert code == 1 and message in err
    assert not out.exists()


def test_the_file_must_be_a_pdf(labelled_db, tmp_path, capsys):
    code, _, err = run(["files", "labels", "F000001", "--out", str(tmp_path / "x.docx"), "--db", str(labelled_db)],
                       capsys)
    assert code == 1 and "must end in .pdf" in err


def test_a_closed_matters_label_carries_its_closed_file_number_and_a_destroyed_file_gets_none(store):
    from destruction_setup import build
    from legalsec_desktop.domain.errors import ValidationError
    from legalsec_desktop.services import destruction, file_labels

    practice = build(store)
    file_id = practice.files["Correspondence"]
    item = volumes.volume(store, file_id)
    label = file_labels.labels_for(store, [file_id])[0]
    assert item.closed_number and label.matter_number == f"{item.matter_number} · {item.closed_number}"
    today = store.clock.today()
    destruction.destroy(store, [file_id], "MAH", today, today, "Shredded on site", "Shred-It")
    with pytest.raises(ValidationError, match=f"{item.barcode} was destroyed: a destroyed file gets no label"):
        file_labels.labels_for(store, [file_id, practice.files["Pleadings"]])
