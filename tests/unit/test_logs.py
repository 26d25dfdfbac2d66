"""The log file is private to the user, and what goes into it names error kinds, never their messages."""

from __future__ import annotations

import errno
import logging
import os
import stat
import sys

import pytest

from legalsec_desktop import logs

CANARY = "Zyxwvut Canary-Client 7431"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


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


def _chained_error() -> BaseException:
    """A RuntimeError caused by an OSError naming a file, raised while a KeyError was being handled."""

    def open_client_file() -> None:
        raise FileNotFoundError(errno.ENOENT, "No such file", f"/clients/{CANARY}.docx")

    def handle_client() -> None:
        try:
            {}[CANARY]
        except KeyError:
            try:
                open_client_file()
            except OSError as exc:
                error = RuntimeError(f"boom {CANARY}")
                error.add_note(f"while saving {CANARY}")
                raise error from exc

    try:
        handle_client()
    except RuntimeError as exc:
        return exc
    raise AssertionError("handle_client did not raise")


def test_tracebacks_keep_their_frames_but_not_their_messages():
    exc = _chained_error()
    text = logs.scrubbed_traceback(type(exc), exc, exc.__traceback__)
    assert CANARY not in text
    assert "in open_client_file" in text and "in handle_client" in text
    assert "FileNotFoundError [errno ENOENT]" in text
    assert "The above exception was the direct cause of the following exception:" in text
    assert text.rstrip().endswith("RuntimeError")


def test_every_log_record_with_an_exception_is_scrubbed(tmp_path, legalsec_logger):
    made = logs.setup_logging(tmp_path / "log")
    exc = _chained_error()
    legalsec_logger.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    try:
        raise exc
    except RuntimeError:
        legalsec_logger.exception("unexpected error in 'legalsec conflicts'")
    for handler in legalsec_logger.handlers:
        handler.flush()
    text = made.read_text(encoding="utf-8")
    assert CANARY not in text
    assert text.count("in open_client_file") == 2 and text.count("RuntimeError") == 2


def test_a_record_formatted_elsewhere_first_is_still_scrubbed():
    """Another handler's plain formatter caches the raw traceback on the record; ours must not reuse it."""
    exc = _chained_error()
    record = logging.LogRecord("legalsec", logging.ERROR, __file__, 1, "unexpected error", None,
                               (type(exc), exc, exc.__traceback__))
    assert CANARY in logging.Formatter().format(record)
    assert CANARY not in logs.ScrubbingFormatter().format(record)


def test_error_kind_names_the_class_and_the_code_never_the_text():
    assert logs.error_kind(RuntimeError(CANARY)) == "RuntimeError"
    assert logs.error_kind(PermissionError(errno.EACCES, "Permission denied", CANARY)) == \
        "PermissionError [errno EACCES]"
    import sqlite3

    with sqlite3.connect(":memory:") as conn:
        conn.execute("CREATE TABLE t (name TEXT NOT NULL)")
        with pytest.raises(sqlite3.IntegrityError) as caught:
            conn.execute("INSERT INTO t VALUES (NULL)")
    conn.close()
    assert logs.error_kind(caught.value) == "sqlite3.IntegrityError [SQLITE_CONSTRAINT_NOTNULL]"
