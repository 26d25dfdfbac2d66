"""Bad input on the command line found by fuzzing: a short printable message and exit 1 or 2, never a bug (3)."""

import errno
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from legalsec_desktop import cli
from legalsec_desktop.domain.text_limits import ECHO_LIMIT

LONG_RULES = "US-FED" + "X" * 300


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """cli.main in-process: (exit status, stdout, stderr); argparse's SystemExit counts as its status."""
    try:
        code = cli.main(argv)
    except SystemExit as stop:
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code: int, err: str, expected: int, words: str = "") -> str:
    """The run stopped with `expected`, one short printable message line naming `words`, and no traceback."""
    assert code == expected, err
    assert "Traceback" not in err and "something unexpected" not in err
    message = err.strip().splitlines()[-1]
    assert message.startswith("legalsec")
    assert message.isprintable() and len(message) <= ECHO_LIMIT + 200, message
    message.encode("utf-8")  # printable on a strict UTF-8 stream
    assert words in message
    return message


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def made(folder: Path) -> list[str]:
    """The files in a test's folder, leaving out the private data folders of conftest's `private_dirs`."""
    return sorted(p.name for p in folder.iterdir() if p.name != "home")


def test_a_deadline_counted_past_the_last_date_is_refused(capsys):
    code, out, err = run(["deadline", "--rules", "US-FED", "--from", "9999-12-31", "--days", "3"], capsys)
    assert_refused(code, err, 2, "1900 to 2199")
    assert out == ""


@pytest.mark.parametrize("start", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_a_docket_for_an_extreme_date_is_refused_and_nothing_is_written(demo_path, tmp_path, capsys, start):
    out = tmp_path / "d.docx"
    code, _, err = run(["docket", "--db", str(demo_path), "--date", start, "--out", str(out)], capsys)
    assert_refused(code, err, 2, "1900 to 2199")
    assert not out.exists()


@pytest.mark.parametrize("today", ["0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01"])
def test_a_demo_built_around_an_extreme_date_is_refused(tmp_path, capsys, today):
    target = tmp_path / "demo.db"
    code, _, err = run(["demo", "--db", str(target), "--today", today], capsys)
    assert_refused(code, err, 2, "1900 to 2199")
    assert list(tmp_path.glob("demo.db*")) == []


@pytest.mark.parametrize("dates", [["--from", "0001-01-01", "--to", "0001-12-31"],
                                   ["--from", "9999-12-01", "--to", "9999-12-31"]])
def test_time_exports_of_extreme_dates_are_refused(demo_path, tmp_path, capsys, dates):
    for command, out in (("timesheet", "t.xlsx"), ("ledes", "t.txt")):
        extra = ["--matter", "2026-0001"] if command == "ledes" else []
        code, _, err = run([command, "--db", str(demo_path), *dates, *extra, "--out", str(tmp_path / out)], capsys)
        assert_refused(code, err, 2, "1900 to 2199")
        assert not (tmp_path / out).exists()


def test_rules_longer_than_a_file_name_are_refused(capsys):
    code, _, err = run(["deadline", "--rules", LONG_RULES, "--from", "2026-01-05", "--days", "3"], capsys)
    message = assert_refused(code, err, 2, "--rules")
    assert "US-FED" in message and LONG_RULES not in message


@pytest.mark.parametrize("event", ["", " ", "nope"])
def test_a_blank_or_unknown_rule_event_lists_the_known_ones(capsys, event):
    code, _, err = run(["deadline", "--rules", "US-FED", "--from", "2026-01-05", "--event", event], capsys)
    assert_refused(code, err, 1, "answer")


def test_rules_that_are_not_shipped_are_refused_before_anything_is_counted(capsys):
    for rules in ("", "../rules/US-FED", "US-FED:M\x00", "NOPE"):
        code, _, err = run(["deadline", "--rules", rules, "--from", "2026-01-05", "--days", "3"], capsys)
        assert_refused(code, err, 2, "--rules")


@pytest.mark.skipif(os.name != "posix", reason="POSIX passes arguments as bytes; Windows as UTF-16")
@pytest.mark.parametrize("option", ["--matter", "--report", "--db"])
def test_bytes_that_are_not_utf8_are_refused_in_a_subprocess(demo_path, tmp_path, option):
    before = digest(demo_path)
    bad = os.fsencode(str(tmp_path)) + b"/r\xe9port" if option != "--matter" else b"2026-\xe9"
    if option == "--matter":
        argv = [b"ledes", b"--db", os.fsencode(str(demo_path)), b"--matter", bad, b"--from", b"2026-01-01",
                b"--to", b"2026-01-31", b"--out", os.fsencode(str(tmp_path / "l.txt"))]
    elif option == "--report":
        argv = [b"conflicts", b"--db", os.fsencode(str(demo_path)), b"Smith", b"--report", bad + b".docx"]
    else:
        argv = [b"demo", b"--db", bad + b".db"]
    result = subprocess.run([os.fsencode(sys.executable), b"-m", b"legalsec_desktop", *argv], capture_output=True,
                            timeout=120)
    err = result.stderr.decode("utf-8")  # strict: the message itself is valid UTF-8
    assert_refused(result.returncode, err, 2, option)
    assert "UTF-8" in err
    assert digest(demo_path) == before
    assert made(tmp_path) == [demo_path.name]


@pytest.mark.parametrize("argv", [
    ["ledes", "--matter", "2026-\udce9", "--from", "2026-01-01", "--to", "2026-01-31", "--out", "{tmp}/l.txt"],
    ["timesheet", "--matter", "2026-\udce9", "--from", "2026-01-01", "--to", "2026-01-31", "--out", "{tmp}/t.xlsx"],
    ["conflicts", "Sm\udce9th"],
    ["conflicts", "Smith", "--report", "{tmp}/r\udce9.docx"],
    ["check", "--db", "{tmp}/d\udce9mo.db"],
    ["backups", "--db", "{tmp}/d\udce9mo.db"],
    ["docket", "--date", "2026-11-23", "--attorney", "M\udce9", "--out", "{tmp}/d.docx"],
])
def test_lone_surrogates_in_process_are_refused(demo_path, tmp_path, capsys, argv):
    before = digest(demo_path)
    argv = [part.format(tmp=tmp_path) for part in argv]
    if "--db" not in argv:
        argv += ["--db", str(demo_path)]
    code, _, err = run(argv, capsys)
    assert_refused(code, err, 2, "UTF-8")
    assert digest(demo_path) == before
    assert made(tmp_path) == [demo_path.name]


def test_the_database_named_by_the_environment_must_be_utf8_too(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LEGALSEC_DB", str(tmp_path / "d\udce9mo.db"))
    code, _, err = run(["demo"], capsys)
    assert_refused(code, err, 1, "LEGALSEC_DB")
    assert made(tmp_path) == []


@pytest.mark.parametrize("argv", [
    ["docket", "--date", "2026-11-23", "--out", "{tmp}/d\x00.docx"],
    ["timesheet", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "{tmp}/t\x00.xlsx"],
    ["ledes", "--matter", "2026-0001", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "{tmp}/\x00l.txt"],
    ["conflicts", "Smith", "--report", "{tmp}/r\x00.docx"],
    ["check", "--db", "{tmp}/d\x00.db"],
    ["demo", "--db", "{tmp}/d\x00.db"],
    ["restore", "{tmp}/b\x00.db"],
    ["screenshot", "--out", "{tmp}/shots\x00"],
])
def test_a_nul_byte_in_a_path_is_refused(demo_path, tmp_path, capsys, argv):
    before = digest(demo_path)
    argv = [part.format(tmp=tmp_path) for part in argv]
    if "--db" not in argv:
        argv += ["--db", str(demo_path)]
    code, _, err = run(argv, capsys)
    assert_refused(code, err, 2, "NUL")
    assert digest(demo_path) == before
    assert made(tmp_path) == [demo_path.name]


@pytest.mark.parametrize("length", [244, 256, 300])
@pytest.mark.parametrize("command", ["docket", "timesheet", "ledes", "conflicts", "demo"])
def test_long_file_names_are_refused(demo_path, tmp_path, capsys, command, length):
    before = digest(demo_path)
    name = "n" * length
    argv = {
        "docket": ["docket", "--date", "2026-11-23", "--out", f"{tmp_path}/{name}.docx"],
        "timesheet": ["timesheet", "--from", "2026-11-01", "--to", "2026-11-30", "--out", f"{tmp_path}/{name}.xlsx"],
        "ledes": ["ledes", "--matter", "2026-0001", "--from", "2026-11-01", "--to", "2026-11-30",
                  "--out", f"{tmp_path}/{name}.txt"],
        "conflicts": ["conflicts", "Smith", "--report", f"{tmp_path}/{name}.docx"],
        "demo": ["demo", "--db", f"{tmp_path}/{name}.db"],
    }[command]
    if "--db" not in argv:
        argv += ["--db", str(demo_path)]
    code, _, err = run(argv, capsys)
    message = assert_refused(code, err, 2, "too long")
    assert name not in message
    assert digest(demo_path) == before
    assert made(tmp_path) == [demo_path.name]


def test_a_path_too_long_for_the_system_is_an_environment_problem(demo_path, tmp_path, capsys):
    deep = tmp_path.joinpath(*["f" * 200] * 25) / "d.docx"  # every name fits; the whole path does not
    assert len(os.fsencode(str(deep))) > 4096
    code, _, err = run(["docket", "--db", str(demo_path), "--date", "2026-11-23", "--out", str(deep)], capsys)
    message = assert_refused(code, err, 1)
    assert os.strerror(errno.ENAMETOOLONG) in message or "does not exist" in message


def test_an_os_error_deep_inside_a_command_is_explained_not_a_bug(demo_path, tmp_path, capsys, monkeypatch):
    from legalsec_desktop.services import timesheet

    def fail(*_args, **_kwargs):
        raise OSError(errno.EIO, os.strerror(errno.EIO), str(tmp_path / ("x" * 300)))

    monkeypatch.setattr(timesheet, "export_timesheet", fail)
    code, _, err = run(["timesheet", "--db", str(demo_path), "--from", "2026-11-01", "--to", "2026-11-30",
                        "--out", str(tmp_path / "t.xlsx")], capsys)
    message = assert_refused(code, err, 1, os.strerror(errno.EIO))
    assert "x" * (ECHO_LIMIT + 1) not in message


def test_a_genuine_bug_still_exits_3_with_the_traceback_in_the_log(demo_path, tmp_path, capsys, monkeypatch,
                                                                    caplog):
    from legalsec_desktop.services import timesheet

    def broken(*_args, **_kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr(timesheet, "export_timesheet", broken)
    code, _, err = run(["timesheet", "--db", str(demo_path), "--from", "2026-11-01", "--to", "2026-11-30",
                        "--out", str(tmp_path / "t.xlsx")], capsys)
    assert code == cli.EXIT_BUG and "something unexpected" in err
    logged = [r for r in caplog.records if r.levelname == "ERROR"]
    assert logged and logged[-1].exc_info and logged[-1].exc_info[0] is KeyError


@pytest.mark.parametrize("option, value", [
    ("--days", str(10**30)), ("--days", "-5"), ("--court-days", "9" * 5000), ("--hours", "1e3"),
    ("--days", ""), ("--days", "٣"), ("--days", "1_000"),
])
def test_absurd_counts_are_refused(capsys, option, value):
    code, _, err = run(["deadline", "--rules", "US-FED", "--from", "2026-01-05T09:00", option, value], capsys)
    assert code in (1, 2)
    message = assert_refused(code, err, code)
    assert value[:ECHO_LIMIT + 1] not in message or len(value) <= ECHO_LIMIT


@pytest.mark.parametrize("argv", [
    ["docket", "--date", "2026-11-23", "--days", "9" * 5000, "--out", "{tmp}/d.docx"],
    ["docket", "--date", "2026-11-23", "--ahead", "-1", "--out", "{tmp}/d.docx"],
    ["conflicts", "Smith", "--min-score", "9" * 5000],
    ["demo", "--seed", "9" * 5000, "--db", "{tmp}/new.db"],
    ["demo", "--size", "x" * 5000, "--db", "{tmp}/new.db"],
    ["deadline", "--rules", "US-FED", "--from", "2026-01-05", "--days", "3", "--service", "x" * 5000],
    ["deadline", "--rules", "US-FED", "--from", "2026-01-05", "--event", "x" * 5000],
    ["deadline", "--rules", "US-FED", "--from", "2026-01-05T09:00", "--hours", "3", "--tz", "x" * 5000],
    ["deadline", "--rules", "US-FED", "--from", "2026-01-05T09:00", "--hours", "3", "--tz", "../../etc/passwd"],
    ["conflicts", "x" * 5000],
    ["conflicts", ""],
    ["x" * 5000],
    ["docket", "--date", "2026-11-23", "--out", "{tmp}/d.docx", "x\udce9" * 3000],
])
def test_huge_or_empty_values_get_a_short_message(demo_path, tmp_path, capsys, argv):
    before = digest(demo_path)
    argv = [part.replace("{tmp}", str(tmp_path)) for part in argv] + ["--db", str(demo_path)]
    code, _, err = run(argv, capsys)
    assert code in (1, 2), err
    assert_refused(code, err, code)
    assert "x" * (ECHO_LIMIT + 1) not in err
    assert digest(demo_path) == before
    assert made(tmp_path) == [demo_path.name]


@pytest.mark.parametrize("argv", [
    ["check", "--db", ""],
    ["backup", "--db", ""],
    ["restore", ""],
    ["docket", "--date", "2026-11-23", "--out", ""],
    ["timesheet", "--from", "2026-11-01", "--to", "2026-11-30", "--out", ""],
    ["screenshot", "--out", ""],
])
def test_an_empty_path_is_refused_not_taken_for_the_default(tmp_path, capsys, argv):
    code, _, err = run(argv, capsys)
    assert_refused(code, err, 2, "empty")
    assert not Path(os.environ["XDG_DATA_HOME"], "legalsec-desktop", "legalsec.db").exists()


@pytest.mark.parametrize("argv", [
    ["docket", "--date", "2026-11-23", "--out", "{tmp}"],
    ["docket", "--date", "2026-11-23", "--out", "{tmp}/missing/d.docx"],
    ["timesheet", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "{tmp}/missing/t.xlsx"],
    ["ledes", "--matter", "2026-0001", "--from", "2026-11-01", "--to", "2026-11-30", "--invoice-date",
     "2026-12-01", "--out", "{tmp}"],
    ["conflicts", "Smith", "--report", "{tmp}/missing/r.docx"],
    ["restore", "{tmp}"],
    ["restore", "{tmp}/missing.db"],
])
def test_folders_and_missing_folders_are_explained(demo_path, tmp_path, capsys, argv):
    before = digest(demo_path)
    argv = [part.format(tmp=tmp_path) for part in argv] + ["--db", str(demo_path)]
    code, _, err = run(argv, capsys)
    assert_refused(code, err, 1)
    assert digest(demo_path) == before or argv[0] == "conflicts"  # a conflict check is recorded before its report


@pytest.mark.parametrize("command", ["check", "backup", "backups", "demo", "docket", "timesheet", "ledes",
                                     "conflicts"])
def test_a_database_in_a_missing_or_file_folder_is_explained(tmp_path, capsys, command):
    (tmp_path / "file").write_text("not a folder")
    extra = {
        "demo": ["--today", "2026-11-23"], "check": [], "backup": [], "backups": [],
        "docket": ["--date", "2026-11-23", "--out", str(tmp_path / "d.docx")],
        "timesheet": ["--from", "2026-11-01", "--to", "2026-11-30", "--out", str(tmp_path / "t.xlsx")],
        "ledes": ["--matter", "1", "--from", "2026-11-01", "--to", "2026-11-30", "--invoice-date", "2026-12-01",
                  "--out", str(tmp_path / "l.txt")],
        "conflicts": ["Smith"],
    }[command]
    for db in (tmp_path / "missing" / "x.db", tmp_path / "file" / "x.db"):
        code, _, err = run([command, *extra, "--db", str(db)], capsys)
        if command == "backups" or (command == "demo" and db.parent.name == "missing"):
            assert code == 0  # nothing to list is no problem; a demo makes the folder it is asked for
        elif command == "check":  # check reports a problem under its heading, one indented line each
            assert code == 1 and "does not exist" in err and "Traceback" not in err
        else:
            assert_refused(code, err, 1)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions and not root")
def test_an_unwritable_folder_is_explained(demo_path, tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        for argv in (["docket", "--date", "2026-11-23", "--out", str(locked / "d.docx")],
                     ["timesheet", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(locked / "t.xlsx")],
                     ["demo", "--today", "2026-11-23", "--db", str(locked / "new.db")]):
            if "--db" not in argv:
                argv += ["--db", str(demo_path)]
            code, _, err = run(argv, capsys)
            assert_refused(code, err, 1)
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_stdout_that_cannot_encode_a_path_does_not_turn_success_into_a_bug(demo_path, tmp_path, monkeypatch):
    import io

    out = tmp_path / "Müller — docket.docx"
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="strict")
    monkeypatch.setattr(sys, "stdout", stream)
    assert cli.main(["docket", "--db", str(demo_path), "--date", "2026-11-23", "--out", str(out)]) == 0
    assert out.is_file()
    stream.flush()
    assert b"docket.docx" in stream.buffer.getvalue()


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")
def test_a_database_path_that_is_a_symbolic_link_loop_is_explained(tmp_path, capsys):
    loop = tmp_path / "loop.db"
    loop.symlink_to(loop)
    code, _, err = run(["check", "--db", str(loop)], capsys)
    assert_refused(code, err, 1, "cannot be used as the database")
