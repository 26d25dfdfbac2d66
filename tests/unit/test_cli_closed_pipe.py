"""A reader that closes the pipe early (`legalsec conflicts … | head -1`) is not an error: no message, exit 0."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from legalsec_desktop.cli.closed_pipe import QuietWhenClosed


def run_into_closed_pipe(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command with a standard output whose reader has already gone: every write fails with EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([sys.executable, "-m", "legalsec_desktop", *argv], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, timeout=180, cwd=cwd,
                              env={**os.environ, "HOME": str(cwd)})
    finally:
        os.close(write_end)


def commands(db: Path, folder: Path) -> dict[str, list[str]]:
    """Every command that prints on standard output, with arguments that make it print."""
    ics = folder / "one.ics"
    ics.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
                   "DTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261204\r\nSUMMARY:Pipe test\r\n"
                   "END:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    with sqlite3.connect(db) as conn:
        number = conn.execute("SELECT m.number FROM time_entry t JOIN matter m ON m.id = t.matter_id "
                              "WHERE t.entry_date >= '2022-01-01' AND t.billable = 'billable' "
                              "GROUP BY m.id ORDER BY count(*) DESC").fetchone()[0]
    db_arg = ["--db", str(db)]
    return {
        "conflicts": ["conflicts", *db_arg, "Anna", "Amanda", "Debra", "Smith", "--min-score", "50"],
        "deadline": ["deadline", "--rules", "TX", "--from", "2026-12-02", "--days", "5"],
        "deadline-db": ["deadline", *db_arg, "--rules", "US-FED", "--from", "2026-11-24", "--days", "30"],
        "backup": ["backup", *db_arg],
        "backups": ["backups", *db_arg],
        "check": ["check", *db_arg],
        "docket": ["docket", *db_arg, "--date", "2026-11-23", "--days", "7", "--out", str(folder / "d.docx")],
        "timesheet": ["timesheet", *db_arg, "--from", "2026-01-01", "--to", "2026-12-31",
                      "--out", str(folder / "t.xlsx")],
        "ledes": ["ledes", *db_arg, "--matter", number, "--from", "2022-01-01", "--to", "2026-12-31",
                  "--out", str(folder / "l.txt")],
        "ics export": ["ics", "export", *db_arg, "--out", str(folder / "e.ics")],
        "ics import": ["ics", "import", *db_arg, "--dry-run", str(ics)],
        "demo": ["demo", "--db", str(folder / "new demo.db")],
    }


@pytest.mark.parametrize("command", [
    "conflicts", "deadline", "deadline-db", "backup", "backups", "check", "docket", "timesheet", "ledes",
    "ics export", "ics import", "demo",
])
def test_a_closed_pipe_ends_the_output_quietly(demo_path, tmp_path, command):
    argv = commands(demo_path, tmp_path)[command]
    result = run_into_closed_pipe(argv, tmp_path)
    assert "went wrong" not in result.stderr
    assert "Broken pipe" not in result.stderr and "BrokenPipeError" not in result.stderr
    assert "Exception ignored" not in result.stderr
    assert result.returncode == 0, result.stderr


def test_the_work_is_done_even_when_nobody_reads_the_output(demo_path, tmp_path):
    with sqlite3.connect(demo_path) as conn:
        before = conn.execute("SELECT count(*) FROM conflict_check").fetchone()[0]
    result = run_into_closed_pipe(["conflicts", "--db", str(demo_path), "Anna", "--min-score", "50"], tmp_path)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(demo_path) as conn:
        assert conn.execute("SELECT count(*) FROM conflict_check").fetchone()[0] == before + 1


def test_the_quiet_stream_passes_writes_through_until_the_reader_goes():
    class Closing:
        def __init__(self) -> None:
            self.written: list[str] = []
            self.encoding = "utf-8"

        def write(self, text: str) -> int:
            if len(self.written) == 2:
                raise BrokenPipeError(32, "Broken pipe")
            self.written.append(text)
            return len(text)

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    target = Closing()
    quiet = QuietWhenClosed(target)  # type: ignore[arg-type]
    assert [quiet.write(t) for t in ("a", "bb", "ccc", "dddd")] == [1, 2, 3, 4]
    quiet.flush()
    assert target.written == ["a", "bb"] and quiet.closed_by_reader
    assert quiet.encoding == "utf-8"

