"""Every writer saves whole files or nothing: a full disk or a silently short write leaves the earlier file as it
was, no temporary file behind, and a message that says what to do."""

import errno
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx.document import Document as WordDocument
from xlsxwriter import Workbook

from legalsec_desktop import fsutil
from legalsec_desktop.domain.errors import StorageFullError, UserFixableError
from legalsec_desktop.domain.report import Report, Section, Table
from legalsec_desktop.formats import files
from legalsec_desktop.formats.docx_report import write_docx
from legalsec_desktop.formats.timesheet_xlsx import SheetRow, SheetTitle, write_timesheet
from legalsec_desktop.services import ical
from legalsec_desktop.services.timesheet import write_ledes

EARLIER = b"the good file saved last week"
LEDES_TEXT = "LEDES1998B[]\n" + "x|y|z[]\n" * 400


def report() -> Report:
    rows = [(f"11/{day % 28 + 1:02d}/2026", f"2026-{day:04d}", "Motion to compel " * 3) for day in range(300)]
    return Report("Docket", ("Okafor Law",), (Section("Events", table=Table(("Date", "Matter", "What"), rows)),),
                  footer="Printed by the tests")


def sheet_rows(count: int = 300) -> list[SheetRow]:
    return [SheetRow(date(2026, 11, 2), "MAH", "Mary Hale", "Ana Rivera", "2026-0001", "Rivera v. Okafor", 30,
                     30000, 15000, "Billable", "Open", "", "", f"Draft complaint, part {n}") for n in range(count)]


def save_docx(store, path: Path) -> None:  # noqa: ANN001
    write_docx(report(), path)


def save_xlsx(store, path: Path) -> None:  # noqa: ANN001
    write_timesheet(sheet_rows(), SheetTitle("Okafor Law", date(2026, 11, 1), date(2026, 11, 30)), path)


def save_ledes(store, path: Path) -> None:  # noqa: ANN001
    write_ledes(LEDES_TEXT, path)


def save_ics(store, path: Path) -> None:  # noqa: ANN001
    ical.export_ics(store, path)


def _truncate(path: Path) -> None:
    data = Path(path).read_bytes()
    Path(path).write_bytes(data[: len(data) * 2 // 3])


def _short_write_bytes(original):  # noqa: ANN001, ANN202
    def write_bytes(self, data):  # noqa: ANN001, ANN202 - a write that stops part-way and says nothing
        return original(self, data[: len(data) // 2])
    return write_bytes


def _silently_short(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """The library returns as if all went well, but the file on disk is short (as Qt's PDF writer does)."""
    if kind in ("ledes", "ics"):
        monkeypatch.setattr(Path, "write_bytes", _short_write_bytes(Path.write_bytes))
    elif kind == "docx":
        save = WordDocument.save
        monkeypatch.setattr(WordDocument, "save", lambda self, target: (save(self, target), _truncate(target)))
    elif kind == "xlsx":
        close = Workbook.close
        monkeypatch.setattr(Workbook, "close", lambda self: (close(self), _truncate(Path(self.filename))))


def _disk_fills(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """The disk fills up part-way through the write: some bytes are on disk, then ENOSPC."""
    full = OSError(errno.ENOSPC, "No space left on device")
    if kind in ("ledes", "ics"):
        original = Path.write_bytes

        def write_bytes(self, data):  # noqa: ANN001, ANN202
            original(self, data[: len(data) // 2])
            raise full
        monkeypatch.setattr(Path, "write_bytes", write_bytes)
    else:  # .docx and .xlsx are zip files: the second part written fails
        calls = []
        for name in ("writestr", "write"):
            original_part = getattr(zipfile.ZipFile, name)

            def part(self, *args, _original=original_part, **kwargs):  # noqa: ANN001, ANN202
                calls.append(1)
                if len(calls) > 1:
                    raise full
                return _original(self, *args, **kwargs)
            monkeypatch.setattr(zipfile.ZipFile, name, part)


WRITERS = {"docx": save_docx, "xlsx": save_xlsx, "ledes": save_ledes, "ics": save_ics}
SUFFIX = {"docx": ".docx", "xlsx": ".xlsx", "ledes": ".txt", "ics": ".ics", "pdf": ".pdf"}


def _earlier(tmp_path: Path, kind: str) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"export{SUFFIX[kind]}"
    target.write_bytes(EARLIER)
    return target


@pytest.mark.parametrize("kind", WRITERS)
def test_a_silently_short_write_is_caught_and_the_earlier_file_kept(kind, store, tmp_path, monkeypatch):
    target = _earlier(tmp_path, kind)
    _silently_short(monkeypatch, kind)
    with pytest.raises(UserFixableError) as caught:
        WRITERS[kind](store, target)
    assert "came out incomplete" in caught.value.message and "Any earlier file is unchanged" in caught.value.message
    assert target.read_bytes() == EARLIER
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temporary file left


@pytest.mark.parametrize("kind", WRITERS)
def test_a_disk_that_fills_part_way_keeps_the_earlier_file(kind, store, tmp_path, monkeypatch):
    target = _earlier(tmp_path, kind)
    _disk_fills(monkeypatch, kind)
    with pytest.raises(StorageFullError) as caught:
        WRITERS[kind](store, target)
    assert "disk is full" in caught.value.message and "Free some space" in caught.value.message
    assert target.read_bytes() == EARLIER
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


@pytest.mark.parametrize("kind", WRITERS)
def test_a_whole_file_replaces_the_earlier_one(kind, store, tmp_path):
    target = _earlier(tmp_path, kind)
    WRITERS[kind](store, target)
    assert target.read_bytes() != EARLIER
    if kind in ("docx", "xlsx"):
        with zipfile.ZipFile(target) as archive:
            assert archive.testzip() is None
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_a_failed_check_says_the_disk_is_full_when_it_is(tmp_path, monkeypatch):
    target = _earlier(tmp_path, "pdf")
    monkeypatch.setattr(fsutil.shutil, "disk_usage", lambda _folder: type("Usage", (), {"free": 4096})())
    with pytest.raises(StorageFullError):
        files.write_atomically(target, lambda temporary: temporary.write_bytes(b"%PDF-1.4\n1 0 obj"))
    assert target.read_bytes() == EARLIER and [p.name for p in target.parent.iterdir()] == [target.name]


def test_the_export_and_the_database_agree_when_a_disk_is_nearly_full(tmp_path, monkeypatch):
    """One threshold (fsutil's): 2 MiB left after a failed write is a full disk here as it is for the database."""
    target = _earlier(tmp_path, "pdf")
    monkeypatch.setattr(fsutil.shutil, "disk_usage", lambda _folder: type("Usage", (), {"free": 2 << 20})())
    with pytest.raises(StorageFullError):
        files.write_atomically(target, lambda temporary: temporary.write_bytes(b"%PDF-1.4\n1 0 obj"))
    assert target.read_bytes() == EARLIER


@pytest.mark.parametrize("content, whole", [
    (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 1\ntrailer\n<<>>\nstartxref\n29\n%%EOF\n", True),
    (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 1\ntrailer\n<<>>\nstartxref\n29\n%%EOF  \r\n\n", True),
    (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 1\ntrailer\n<<>>\nstartxref\n29\n%%EO", False),
    (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 1\ntrailer\n<<>>\nstartxref\n12\n%%EOF\n", False),  # a block lost
    (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 1\ntrailer\n<<>>\n%%EOF\n", False),
    (b"not a pdf %%EOF", False),
])
def test_the_pdf_check(tmp_path, content, whole):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(content)
    if whole:
        files.pdf_complete(pdf)
    else:
        with pytest.raises(files.IncompleteFile):
            files.pdf_complete(pdf)


def test_the_helper_removes_its_temporary_file_when_the_writer_fails_in_any_way(tmp_path):
    target = _earlier(tmp_path, "ledes")

    def broken(temporary: Path) -> None:
        temporary.write_bytes(b"half")
        raise RuntimeError("a bug in a writer")

    with pytest.raises(RuntimeError):
        files.write_atomically(target, broken)
    assert target.read_bytes() == EARLIER and [p.name for p in target.parent.iterdir()] == [target.name]


def test_the_folder_is_flushed_after_the_rename(tmp_path, monkeypatch):
    if files.os.name == "nt":
        pytest.skip("Windows has no folder flush")
    flushed: list[int] = []
    real_fsync = files.os.fsync
    monkeypatch.setattr(files.os, "fsync", lambda fd: (flushed.append(fd), real_fsync(fd)))
    order: list[str] = []
    real_replace = files.os.replace
    monkeypatch.setattr(files.os, "replace", lambda a, b: (order.append(f"replace after {len(flushed)}"),
                                                           real_replace(a, b)))
    files.write_bytes_atomically(tmp_path / "t.txt", b"text")
    assert order == ["replace after 1"] and len(flushed) == 2  # the file before the rename, the folder after


PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"


@pytest.mark.parametrize("content, whole", [
    (b"\x89PNG\r\n\x1a\n" + b"chunks" + PNG_END, True),
    (b"\x89PNG\r\n\x1a\n" + b"chunks" + PNG_END[:-3], False),
    (b"GIF89a" + PNG_END, False),
])
def test_the_png_check(tmp_path, content, whole):
    png = tmp_path / "a.png"
    png.write_bytes(content)
    if whole:
        files.png_complete(png)
    else:
        with pytest.raises(files.IncompleteFile):
            files.png_complete(png)


def test_a_temporary_file_that_cannot_be_removed_is_logged_without_its_name(tmp_path, monkeypatch, caplog):
    target = tmp_path / "Zyxwvut Canary-Client.txt"

    def refuse(self, missing_ok=False):  # noqa: ANN001, ANN202
        raise PermissionError(errno.EACCES, "Permission denied", str(self))
    monkeypatch.setattr(Path, "unlink", refuse)
    with caplog.at_level("WARNING", logger="legalsec"):
        files.write_bytes_atomically(target, b"text")
    assert target.read_bytes() == b"text"
    assert "could not be removed (EACCES)" in caplog.text and "Canary" not in caplog.text
