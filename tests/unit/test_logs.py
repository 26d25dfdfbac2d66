"""The log file is private to the user."""

from __future__ import annotations

import logging
import os
import stat
import sys

import pytest

from legalsec_desktop import logs

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture
def legalsec_logger(monkeypatch: pytest.MonkeyPatch):
    """The program's logger with no handlers from other tests; handlers added here are closed afterwards."""
    logger = logging.getLogger("legalsec")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "filters", [])
    yield logger
    for handler in logger.handlers:
        handler.close()


def mode(path) -> int:  # noqa: ANN001
    return stat.S_IMODE(os.stat(path).st_mode)


@posix_only
def test_a_new_log_file_and_its_folder_are_private(tmp_path, legalsec_logger):
    folder = tmp_path / "log"
    made = logs.setup_logging(folder)
    assert made == folder / "legalsec.log"
    assert mode(made) == 0o600
    assert mode(folder) == 0o700


@posix_only
def test_rotated_log_files_are_private(tmp_path, legalsec_logger):
    made = logs.setup_logging(tmp_path / "log")
    handler = legalsec_logger.handlers[0]
    for _ in range(3):
        legalsec_logger.info("record id 17")
        handler.doRollover()
    rotated = sorted(made.parent.iterdir())
    assert [p.name for p in rotated] == ["legalsec.log", "legalsec.log.1", "legalsec.log.2", "legalsec.log.3"]
    assert {p.name: mode(p) for p in rotated} == {p.name: 0o600 for p in rotated}


@posix_only
def test_an_existing_log_made_readable_by_others_is_made_private_at_start(tmp_path, legalsec_logger):
    folder = tmp_path / "log"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    for name in ("legalsec.log", "legalsec.log.1", "legalsec.log.3"):
        (folder / name).write_text("old\n", encoding="utf-8")
        os.chmod(folder / name, 0o644)
    logs.setup_logging(folder)
    assert mode(folder) == 0o700
    assert {p.name: mode(p) for p in folder.iterdir()} == {
        "legalsec.log": 0o600, "legalsec.log.1": 0o600, "legalsec.log.3": 0o600}
