"""A saved file has the permissions a file made directly would have (the user's umask), not the private 0600 of
the temporary file it was written as; a file saved over an earlier one keeps the earlier one's permissions."""

import os
import stat
from pathlib import Path

import pytest

from legalsec_desktop.formats import files

pytestmark = pytest.mark.skipif(os.name == "nt", reason="permissions are POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_umask_is_read_right():
    current = os.umask(0o077)
    os.umask(current)
    assert files._UMASK == files._read_umask() == current


def test_a_new_file_gets_the_mode_of_a_file_made_directly(tmp_path):
    direct = tmp_path / "direct.txt"
    direct.write_bytes(b"x")
    saved = files.write_bytes_atomically(tmp_path / "saved.txt", b"text")
    assert mode(saved) == mode(direct) == 0o666 & ~files._UMASK


@pytest.mark.parametrize("umask, expected", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600), (0o027, 0o640)],
                         ids=oct)
def test_a_new_file_follows_the_umask(tmp_path, monkeypatch, umask, expected):
    monkeypatch.setattr(files, "_UMASK", umask)
    saved = files.write_bytes_atomically(tmp_path / "saved.txt", b"text")
    assert mode(saved) == expected


@pytest.mark.parametrize("earlier", [0o664, 0o604, 0o640, 0o444], ids=oct)
def test_a_file_saved_over_an_earlier_one_keeps_its_mode(tmp_path, earlier):
    folder = tmp_path / "shared folder"
    folder.mkdir()
    target = folder / "shared.txt"
    target.write_bytes(b"last week's")
    os.chmod(target, earlier)
    files.write_bytes_atomically(target, b"this week's")
    assert target.read_bytes() == b"this week's" and mode(target) == earlier
    assert [p.name for p in folder.iterdir()] == ["shared.txt"]


def test_a_folder_that_refuses_permissions_still_gets_the_file(tmp_path, monkeypatch):
    def refuse(_fd, _mode):  # noqa: ANN001, ANN202 - as some network shares do
        raise PermissionError(1, "Operation not permitted")
    monkeypatch.setattr(files.os, "fchmod", refuse)
    saved = files.write_bytes_atomically(tmp_path / "saved.txt", b"text")
    assert saved.read_bytes() == b"text"
