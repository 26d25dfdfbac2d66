"""The file-system facts the core shares: when a disk counts as full, and flushing a folder after a rename."""

import errno
import logging
import os
from pathlib import Path

import pytest

from legalsec_desktop import fsutil


def _free(monkeypatch: pytest.MonkeyPatch, free: int, seen: list[Path] | None = None) -> None:
    def disk_usage(place):  # noqa: ANN001, ANN202
        if seen is not None:
            seen.append(Path(place))
        return type("Usage", (), {"free": free})()
    monkeypatch.setattr(fsutil.shutil, "disk_usage", disk_usage)


@pytest.mark.parametrize("free, full", [(0, True), (4 * 1024 * 1024 - 1, True), (4 * 1024 * 1024, False),
                                        (1 << 30, False)])
def test_one_threshold_of_four_mib(tmp_path, monkeypatch, free, full):
    _free(monkeypatch, free)
    assert fsutil.nearly_full(tmp_path) is full


def test_a_file_not_yet_made_is_measured_on_the_disk_of_its_folder(tmp_path, monkeypatch):
    seen: list[Path] = []
    _free(monkeypatch, 1024, seen)
    assert fsutil.nearly_full(tmp_path / "new folder" / "new.db")
    assert seen == [tmp_path]


def test_a_disk_that_cannot_be_asked_is_not_called_full(tmp_path, monkeypatch):
    def refuse(_place):  # noqa: ANN001, ANN202
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(fsutil.shutil, "disk_usage", refuse)
    assert fsutil.nearly_full(tmp_path) is False


def test_real_disk(tmp_path):
    assert isinstance(fsutil.nearly_full(tmp_path / "x.db"), bool)


@pytest.mark.skipif(os.name == "nt", reason="Windows has no folder flush")
def test_a_folder_is_flushed(tmp_path, monkeypatch):
    flushed: list[int] = []
    real = os.fsync
    monkeypatch.setattr(fsutil.os, "fsync", lambda fd: (flushed.append(fd), real(fd)))
    fsutil.fsync_folder(tmp_path)
    assert len(flushed) == 1


@pytest.mark.skipif(os.name == "nt", reason="Windows has no folder flush")
def test_a_folder_that_cannot_be_flushed_is_logged_without_its_name(tmp_path, monkeypatch, caplog):
    folder = tmp_path / "Zyxwvut Canary-Client"
    folder.mkdir()

    def refuse(_fd):  # noqa: ANN001, ANN202
        raise OSError(errno.EINVAL, "Invalid argument", str(folder))
    monkeypatch.setattr(fsutil.os, "fsync", refuse)
    with caplog.at_level(logging.WARNING, logger="legalsec"):
        fsutil.fsync_folder(folder)  # the file is in place: not an error of the write
        fsutil.fsync_folder(tmp_path / "gone")
    assert [r.getMessage() for r in caplog.records] == ["could not flush a folder (EINVAL)",
                                                        "could not open a folder to flush it (ENOENT)"]
    assert "Canary" not in caplog.text
