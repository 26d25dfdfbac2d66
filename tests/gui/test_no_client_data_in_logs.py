"""The real error paths, driven with a client's name in the data: it reaches no file but the database and its
backups, and not the bug dialog's details either; the log file is private."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from legalsec_desktop import cli, logs, paths
from legalsec_desktop.domain.communications import CommunicationDraft
from legalsec_desktop.domain.contacts import ContactDraft
from legalsec_desktop.domain.errors import BackupError, UserFixableError
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.services import communications, conflicts, contacts, maintenance, matters
from legalsec_desktop.services.database import open_database
from legalsec_desktop.ui.common import errors
from legalsec_desktop.ui.maintenance import backup_actions
from legalsec_desktop.ui.common.worker import run_in_background

CANARY = "Zyxwvut Canary-Client 7431"
DAY = date(2026, 11, 23)


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temporary folder, for this test: anything written there is searched too."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def bug_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text of every bug dialog shown (it is built by hand and exec'd, not a static QMessageBox call)."""
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append("\n".join((box.windowTitle(), box.text(), box.informativeText(), box.detailedText())))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def fill_with_client_data(db_path: Path) -> tuple[int, int]:
    """A matter, its client, a contact, a logged call with a time narrative, all naming the canary client."""
    from legalsec_desktop.domain.firm import FirmProfile, Timekeeper
    from legalsec_desktop.services.firm import save_profile

    store = open_database(db_path, paths.backup_dir(db_path))
    try:
        profile = save_profile(store, FirmProfile("Okafor Law", "", 6, "US-FED", "{year}-{seq:04d}",
                                                  timekeepers=(Timekeeper("Mary Hale", "MAH", 30000),)))
        matter_id = matters.create_matter(store, MatterDraft(
            "2026-0001", f"{CANARY} v. Okafor", CANARY, DAY, notes=f"{CANARY} called about the lease"))
        contacts.save_contact(store, ContactDraft(f"{CANARY} Holdings", notes=f"Parent of {CANARY}"))
        communications.save_communication(
            store, CommunicationDraft(matter_id, "call", "in", datetime(2026, 11, 23, 9, 30), CANARY,
                                      f"Settlement with {CANARY}", f"{CANARY} offered $10k."),
            time=communications.TimeForEntry(profile.timekeepers[0].id, 18, f"Call with {CANARY} re settlement"))
        client_id = next(row.contact_id for row in contacts.list_parties(store, matter_id) if row.role == "client")
    finally:
        store.close()
    return matter_id, client_id


def files_holding(root: Path, needles: list[bytes], skip: list[Path]) -> list[str]:
    found = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if any(path == s or s in path.parents for s in skip):
                continue
            data = path.read_bytes()
            if any(needle in data for needle in needles):
                found.append(str(path.relative_to(root)))
    return found


def test_the_client_name_reaches_no_log_and_no_bug_dialog(
        tmp_path, private_tmp, legalsec_logger, bug_dialogs, message_boxes, make_window, qtbot, monkeypatch, capsys):
    db_path = paths.default_db_path()
    matter_id, client_id = fill_with_client_data(db_path)
    log_file = logs.setup_logging()
    assert log_file is not None
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    errors.install_excepthook(log_file)
    window = make_window(db_path)
    store = window.state.store

    # 1. A user-fixable error whose message names the client: shown to the user, never logged.
    with pytest.raises(UserFixableError) as caught:
        contacts.delete_contact(store, client_id)
    assert CANARY in caught.value.message
    errors.show_problem(window, caught.value)
    assert CANARY in message_boxes[-1][1]

    # 2. An integrity error from a real write, the client's name among the statement's parameters.
    monkeypatch.setattr(communications, "validate_communication", lambda draft: None)
    with pytest.raises(Exception) as caught:
        communications.save_communication(store, CommunicationDraft(
            matter_id, "fax", "in", datetime(2026, 11, 23, 10, 0), CANARY, f"Fax from {CANARY}"))
    chain = [caught.value, caught.value.__cause__, caught.value.__context__]
    assert "IntegrityError" in type(caught.value).__name__
    assert any(CANARY in str(getattr(exc, "params", "")) for exc in chain)  # the statement's parameters
    errors.show_problem(window, caught.value)

    # 3. A bug in a service while it handles the client's data, in background work and in a plain thread.
    def broken_matter_log(_store, _matter_id):  # noqa: ANN001, ANN202
        try:
            {}[CANARY]
        except KeyError as exc:
            raise RuntimeError(f"boom {CANARY}") from exc

    monkeypatch.setattr(communications, "matter_log", broken_matter_log)
    failed = []
    run_in_background(window, "Loading", lambda _p: communications.matter_log(store, matter_id), lambda _r: None,
                      lambda exc: (failed.append(exc), errors.show_problem(window, exc)))
    qtbot.waitUntil(lambda: bool(failed), timeout=10000)
    thread = threading.Thread(target=communications.matter_log, args=(store, matter_id))
    thread.start()
    thread.join()

    # 4. The daily backup failing with a message that names the client's file.
    def disk_full(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise BackupError(f"Could not write {tmp_path / CANARY}.db: No space left on device")

    monkeypatch.setattr(maintenance, "back_up_if_due", disk_full)
    backup_actions.back_up_if_due(window, window.state)
    qtbot.waitUntil(lambda: "daily backup failed" in window.statusBar().currentMessage(), timeout=10000)

    # 5. The command line's bug path, the client's name on the command line and in the service's error.
    def broken_find_hits(_store, names, min_score=85):  # noqa: ANN001, ANN202
        raise RuntimeError(f"boom {names[0].name}")

    monkeypatch.setattr(conflicts, "find_hits", broken_find_hits)
    assert cli.main(["conflicts", CANARY, "--db", str(db_path)]) == cli.EXIT_BUG
    assert str(log_file) in capsys.readouterr().err

    window.state.set_store(None)
    for handler in legalsec_logger.handlers:
        handler.flush()

    needles = [CANARY.encode("utf-8"), CANARY.encode("utf-16-le")]
    skip = [db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm"), Path(f"{db_path}-journal"),
            paths.backup_dir(db_path)]
    assert files_holding(tmp_path, needles, skip) == []
    assert len(bug_dialogs) == 2
    assert [text for text in bug_dialogs if CANARY in text] == []
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(log_file).st_mode) == 0o600

    # What the log says instead: the kinds of the errors and where they happened, enough to find the bug.
    logged = log_file.read_text(encoding="utf-8")
    assert "ValidationError" in logged and "IntegrityError" in logged and "SQLITE_CONSTRAINT_CHECK" in logged
    assert logged.count("in broken_matter_log") == 4  # background work and the plain thread: error and its cause
    assert "daily backup failed: legalsec_desktop.domain.errors.BackupError" in logged
    assert "in broken_find_hits" in logged and "'legalsec conflicts'" in logged
    assert "in broken_matter_log" in bug_dialogs[1] and "RuntimeError" in bug_dialogs[1]
