"""No client data in the system temp folder: temporary files go to the program's own folder (0700, one per running
copy), what a crashed copy left is removed at the next start, and exports remove theirs however they end."""

import errno
import os
import signal
import stat
import subprocess
import sys
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from legalsec_desktop import cli, paths, temp_folder
from legalsec_desktop.domain.errors import StorageFullError
from legalsec_desktop.domain.matters import MatterDraft
from legalsec_desktop.domain.time_entries import TimeDraft
from legalsec_desktop.formats.timesheet_xlsx import ExportCancelled, SheetRow, SheetTitle, write_timesheet
from legalsec_desktop.services import matters, time_entries

TITLE = SheetTitle("Okafor Law", date(2026, 11, 1), date(2026, 11, 30))
POSIX = os.name != "nt"


def rows(count: int, fail_at: int | None = None):  # noqa: ANN201 - a generator of SheetRow
    for n in range(count):
        if n == fail_at:
            raise RuntimeError("the database went away in the middle of the export")
        yield SheetRow(date(2026, 11, 2), "MAH", "Mary Hale", "Ana Rivera", "2026-0001", "Rivera v. Okafor", 30,
                       30000, 15000, "Billable", "Open", "", "", f"Privileged narrative {n}")


@pytest.fixture
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temp folder as every library would find it (TMPDIR), watched by the test."""
    watched = tmp_path / "system temp"
    watched.mkdir()
    monkeypatch.setenv("TMPDIR", str(watched))
    for name in ("TEMP", "TMP"):
        monkeypatch.setenv(name, str(watched))
    monkeypatch.setattr(tempfile, "tempdir", None)  # forget any folder chosen before, so TMPDIR is read again
    assert tempfile.gettempdir() == str(watched)
    return watched


@pytest.fixture
def private(system_temp: Path) -> Path:
    """The program started: its own temporary folder in use."""
    return paths.use_private_temp()


def holds(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name != temp_folder.LOCK_NAME)


def test_start_up_sends_temporary_files_to_a_private_folder(system_temp, private):
    assert private.parent == paths.temp_dir() and paths.temp_dir().is_relative_to(paths._dirs.user_cache_dir)
    assert tempfile.gettempdir() == str(private) and os.environ["TMPDIR"] == str(private)
    with tempfile.NamedTemporaryFile() as scratch:
        assert Path(scratch.name).parent == private
    if POSIX:
        assert stat.S_IMODE(paths.temp_dir().stat().st_mode) == 0o700
        assert stat.S_IMODE(private.stat().st_mode) == 0o700
    assert paths.use_private_temp() == private  # the window started from the command line: the same folder
    assert list(system_temp.iterdir()) == []


@pytest.mark.skipif(not POSIX, reason="permissions are POSIX modes")
def test_a_loose_private_root_is_made_private_again(system_temp):
    paths.temp_dir().mkdir(parents=True, mode=0o755)
    os.chmod(paths.temp_dir(), 0o755)
    paths.use_private_temp()
    assert stat.S_IMODE(paths.temp_dir().stat().st_mode) == 0o700


def test_what_a_crashed_copy_left_is_removed_and_a_running_copys_folder_is_not(system_temp, tmp_path):
    root = paths.temp_dir()
    root.mkdir(parents=True)
    crashed = root / "4242-abcd"  # its lock file is there, but no process holds it
    (crashed / "openpyxl.x").parent.mkdir()
    (crashed / temp_folder.LOCK_NAME).touch()
    (crashed / "openpyxl.x").write_text("client narrative")
    half_made = root / "4243-efgh"  # made, then the process died before locking it
    half_made.mkdir()
    os.utime(half_made, (0, 0))
    starting = root / "4244-ijkl"  # just made by a copy starting this moment: not yet locked, left alone
    starting.mkdir()
    stray = root / "stray.tmp"
    stray.write_text("x")
    os.utime(stray, (0, 0))

    env = {**os.environ, "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    script = ("import sys, tempfile\nfrom legalsec_desktop import paths\n"
              "folder = paths.use_private_temp()\n"
              "tempfile.NamedTemporaryFile(delete=False).write(b'client data')\n"
              "print(folder, flush=True)\nsys.stdin.read()")
    running = subprocess.Popen([sys.executable, "-c", script],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
    try:
        other = Path(running.stdout.readline().strip())
        assert other.parent == root and holds(other)

        mine = paths.use_private_temp()
        assert sorted(p.name for p in root.iterdir()) == sorted([mine.name, other.name, starting.name])
        assert holds(other)  # the running copy's files are untouched

        running.send_signal(signal.SIGKILL if POSIX else signal.SIGTERM)  # killed: no clean-up of its own
        running.wait(30)
        temp_folder.release()
        again = paths.use_private_temp()
        assert sorted(p.name for p in root.iterdir()) == sorted([again.name, starting.name])
    finally:
        if running.poll() is None:
            running.kill()
            running.wait(30)


def test_a_folder_is_held_by_the_same_os_lock_as_the_database(system_temp):
    """temp_folder and the one-copy-per-database lock share one pair of lock functions (instance_lock's)."""
    from legalsec_desktop import instance_lock

    root = paths.temp_dir()
    other = root / "4245-mnop"
    other.mkdir(parents=True)
    fd = os.open(other / temp_folder.LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        assert instance_lock.try_lock(fd)  # as another running copy holds it
        mine = paths.use_private_temp()
        assert other.is_dir()
        instance_lock.unlock(fd)  # that copy ended
        assert instance_lock.try_lock(fd) is True  # free again, and taken again: nothing else holds it
        instance_lock.unlock(fd)
    finally:
        os.close(fd)
    assert temp_folder.sweep(root, keep=mine) == 1 and not other.exists()
    assert not hasattr(temp_folder, "_try_lock") and not hasattr(temp_folder, "_unlock")  # no copies of its own


def test_a_copy_that_exits_removes_its_folder(system_temp):
    env = {**os.environ, "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    script = ("import tempfile\nfrom legalsec_desktop import paths\n"
              "folder = paths.use_private_temp()\n"
              "tempfile.NamedTemporaryFile(delete=False).write(b'client data')\nprint(folder)")
    done = subprocess.run([sys.executable, "-c", script],
                          capture_output=True, text=True, env=env, check=True, timeout=60)
    assert not Path(done.stdout.strip()).exists()
    assert list(system_temp.iterdir()) == []


# ---- the timesheet export's own temporary files --------------------------------------------------------------------


def _export(kind: str, target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if kind == "saved":
        write_timesheet(rows(1200), TITLE, target)
    elif kind == "cancelled":  # the progress dialog's Cancel: the callback says stop
        with pytest.raises(ExportCancelled):
            write_timesheet(rows(1200), TITLE, target, progress=lambda done: done < 1000)
    elif kind == "failed in the middle":
        with pytest.raises(RuntimeError):
            write_timesheet(rows(1200, fail_at=700), TITLE, target)
    elif kind == "disk full while saving":
        def full(*_args, **_kwargs):  # noqa: ANN202
            raise OSError(errno.ENOSPC, "No space left on device")
        monkeypatch.setattr(zipfile.ZipFile, "write", full)
        with pytest.raises(StorageFullError):
            write_timesheet(rows(1200), TITLE, target)


KINDS = ("saved", "cancelled", "failed in the middle", "disk full while saving")


@pytest.mark.parametrize("kind", KINDS)
def test_an_export_leaves_no_temporary_file_in_the_temp_folder(kind, system_temp, tmp_path, monkeypatch):
    """Whatever the temp folder is (here the system's, as before start-up), an export removes its files."""
    out = tmp_path / "out"
    out.mkdir()
    _export(kind, out / "sheet.xlsx", monkeypatch)
    assert list(system_temp.iterdir()) == []
    assert [p.name for p in out.iterdir()] == (["sheet.xlsx"] if kind == "saved" else [])


@pytest.mark.parametrize("kind", KINDS)
def test_after_start_up_an_export_writes_nothing_to_the_system_temp_folder(kind, system_temp, private, tmp_path,
                                                                           monkeypatch):
    seen: list[str] = []
    real_folder, real_file = tempfile.mkdtemp, tempfile.mkstemp

    def folder(*args, **kwargs):  # noqa: ANN202 - where XlsxWriter's sheet files really went
        made = real_folder(*args, **kwargs)
        seen.append(made)
        return made

    def file(*args, **kwargs):  # noqa: ANN202
        made = real_file(*args, **kwargs)
        seen.append(made[1])
        return made

    monkeypatch.setattr(tempfile, "mkdtemp", folder)
    monkeypatch.setattr(tempfile, "mkstemp", file)
    _export(kind, tmp_path / "sheet.xlsx", monkeypatch)
    exported = [name for name in seen if Path(name).parent != tmp_path]  # not the target's own temporary file
    assert exported and all(Path(name).parent == private or Path(name).parent.parent == private
                            for name in exported)
    assert holds(private) == [] and list(system_temp.iterdir()) == []


def test_the_timesheet_command_uses_the_private_folder(system_temp, store, db_path, two_attorney_firm, tmp_path):
    mary, _ken = two_attorney_firm(store)
    rivera = matters.create_matter(store, MatterDraft("2026-0001", "Rivera v. Okafor", "Ana Rivera",
                                                      date(2026, 1, 5)))
    time_entries.save_entry(store, TimeDraft(date(2026, 11, 2), mary, rivera, 30, 30000, "billable", "", "",
                                             "Draft complaint"))
    store.close()
    out = tmp_path / "sheet.xlsx"
    assert cli.main(["timesheet", "--db", str(db_path), "--from", "2026-11-01", "--to", "2026-11-30",
                     "--out", str(out)]) == 0
    assert load_workbook(out)["Detail"]["L2"].value == "Draft complaint"
    assert temp_folder.current() is not None and temp_folder.current().parent == paths.temp_dir()
    assert holds(temp_folder.current()) == [] and list(system_temp.iterdir()) == []


def test_a_full_temporary_disk_is_a_full_disk_to_the_user(small_disk, tmp_path, monkeypatch):
    """The sheets' temporary files fill the temporary folder's disk."""
    disk = small_disk(size="100k")
    monkeypatch.setattr(tempfile, "tempdir", str(disk))
    out = tmp_path / "out"
    out.mkdir()
    (out / "sheet.xlsx").write_bytes(b"last month's timesheet")
    with pytest.raises(StorageFullError) as caught:
        write_timesheet(rows(5000), TITLE, out / "sheet.xlsx")
    assert "disk is full" in caught.value.message
    assert list(disk.iterdir()) == [] and [p.name for p in out.iterdir()] == ["sheet.xlsx"]
    assert (out / "sheet.xlsx").read_bytes() == b"last month's timesheet"
