"""Random text in every option of every headless command: exit 0, 1 or 2 with a short printable message, never 3.

Runs cli.main in-process against a copy of the small demo practice. Every path it is given lies inside the
test's own folder (".." is taken out), so whatever a command writes stays there. Left out: the window (no
command), `docket --print` (a real printer), `demo --force` and `--size large` (time), and `screenshot`
(seconds per run; its arguments go through the same checks, tested in test_cli_bad_input).
"""

import os
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legalsec_desktop import cli
from legalsec_desktop.clock import Clock

# Kept small for the suite; LEGALSEC_FUZZ_EXAMPLES=2000 LEGALSEC_FUZZ_RANDOM=1 hunts harder.
EXAMPLES = int(os.environ.get("LEGALSEC_FUZZ_EXAMPLES", "40"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize="LEGALSEC_FUZZ_RANDOM" not in os.environ,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

ODD = ["", " ", "-1", "0", "3", "31", "101", "9" * 30, "9" * 5000, "1e3", "1_000", "٣", "NaN", "x" * 300,
       "\udce9", "a\x00b", "tab\there", "line\nbreak", "\u202eevil", "~", ".", "/", "Müller & Co."]
DATES = ["0001-01-01", "1899-12-31", "1900-01-01", "2026-02-29", "2026-11-23", "2199-12-31", "2200-01-01",
         "9999-12-31", "2026-11-23T09:30", "9999-12-31T23:59", "2026-03-08T02:30", "20261123", "11/23/2026"]
KNOWN = ["US-FED", "US-FED:MA", "US-FED:XX", "CA", "NY", "TX", "answer", "2026-0001", "MAH", "KI",
         "America/New_York", "America", "Smith", "Acme Inc.", "mail", "personal"]
ENDINGS = ["d.docx", "d.pdf", "t.xlsx", "l.txt", "r.docx", "new.db", "shots"]
ANY_CHAR = st.characters(codec=None, exclude_categories=())
VALUE = st.one_of(st.sampled_from(ODD + DATES), st.sampled_from(ODD + DATES + KNOWN), st.text(ANY_CHAR, max_size=24),
                  st.integers(-10**40, 10**40).map(str), st.dates().map(str))

DAY = ["2026-11-23", "2026-11-01", "2026-11-30", "1900-01-01", "2199-12-31"]
NUMBER = ["1", "3", "7", "14", "31", "60", "0", "-3", "3660"]
# Each command's options: (option, kind, good values, required). kind: "text", "path", "flag", "pos" (a
# positional), "pos-path", "amount" (one of a group that takes exactly one).
COMMANDS = {
    "backup": [],
    "backups": [],
    "check": [],
    "restore": [("FILE", "pos-path", ["backup.db"], True)],
    "demo": [("--size", "text", ["small"], False), ("--seed", "text", NUMBER, False),
             ("--today", "text", DAY, True)],
    "conflicts": [("NAME", "pos", ["Smith", "Acme Inc.", "Rivera", "Jon Smith"], True),
                  ("--adverse", "text", ["Okafor", "Acme"], False), ("--other", "text", ["Lee"], False),
                  ("--min-score", "text", ["85", "0", "100", "101"], False),
                  ("--report", "path", ["r.docx"], False), ("--no-record", "flag", [], False)],
    "deadline": [("--rules", "text", ["US-FED", "US-FED:MA", "CA", "NY", "TX"], True),
                 ("--from", "text", [*DAY, "2026-11-23T09:30", "2199-12-31T23:00"], True),
                 ("--days", "amount", NUMBER, False), ("--court-days", "amount", NUMBER, False),
                 ("--hours", "amount", NUMBER, False), ("--event", "amount", ["answer", "motion"], False),
                 ("--before", "flag", [], False), ("--service", "text", ["mail", "personal", "electronic"], False),
                 ("--tz", "text", ["America/New_York", "America/Los_Angeles"], False)],
    "docket": [("--date", "text", DAY, True), ("--days", "text", NUMBER, False),
               ("--ahead", "text", NUMBER, False), ("--attorney", "text", ["MAH", "KI", ""], False),
               ("--by-attorney", "flag", [], False), ("--portrait", "flag", [], False),
               ("--out", "path", ["d.docx", "d.pdf"], True)],
    "timesheet": [("--from", "text", DAY, True), ("--to", "text", DAY, True),
                  ("--timekeeper", "text", ["MAH", "KI", ""], False),
                  ("--matter", "text", ["2026-0001", "2025-0003", ""], False), ("--out", "path", ["t.xlsx"], True)],
    "ledes": [("--matter", "text", ["2026-0001", "2025-0003"], True), ("--from", "text", DAY, True),
              ("--to", "text", DAY, True), ("--invoice", "text", ["INV-7", ""], False),
              ("--invoice-date", "text", DAY, True), ("--out", "path", ["l.txt"], True)],
}
DATED = {"--today", "--date", "--invoice-date"}  # left out, the command would read the system clock


@pytest.fixture
def work(demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """The demo copy, a folder to write in, a file where a folder is expected; cwd and HOME inside the test."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "a-file").write_text("not a folder")
    monkeypatch.chdir(folder)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setattr(cli, "CLOCK", Clock(datetime(2026, 11, 23, 8, 0)), raising=False)  # never today
    return {"db": demo_path, "folder": folder}


def inside(folder: Path, value: str, where: str) -> str:
    """`value` as a path under the test's folder, in a missing folder, or under a file; never above it."""
    safe = value.replace("..", "_").lstrip("/\\~")
    base = {"here": folder, "missing": folder / "missing", "file": folder / "a-file"}[where]
    return str(base / safe) if safe else str(base)


@st.composite
def command_lines(draw: st.DrawFn, command: str, folder: Path, db: Path) -> list[str]:
    """A good command line with one or two options given random values (or left out, or given twice)."""
    options = COMMANDS[command]
    amounts = [option for option, kind, _, _ in options if kind == "amount"]
    amount = draw(st.sampled_from(amounts)) if amounts else None
    spoilt = set(draw(st.lists(st.sampled_from([o for o, *_ in options] + ["--db"]), max_size=2))) \
        if options else {"--db"}
    argv = [command]
    for option, kind, good, required in options:
        given = required or option == amount or draw(st.booleans())
        if option in spoilt and option not in DATED:
            given = draw(st.sampled_from([True, True, True, False]))
        if not given:
            continue
        if kind == "flag":
            argv.append(option)
            continue
        value = draw(VALUE) if option in spoilt or not good else draw(st.sampled_from(good))
        if kind.endswith("path"):
            value = inside(folder, value, draw(st.sampled_from(["here", "missing", "file"])) if option in spoilt
                           else "here")
        argv += [value] if kind.startswith("pos") else [option, value]
    argv += ["--db", inside(folder, draw(VALUE), "here") if "--db" in spoilt else str(db)]
    return argv


def run_and_check(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = cli.main(argv)
    except SystemExit as stop:  # argparse: --help (0) or a usage error (2)
        code = stop.code
    _out, err = capsys.readouterr()
    shown = repr(argv)[:300]
    assert code in (0, 1, 2), f"exit {code} for {shown}: {err[-800:]}"
    assert "Traceback" not in err and "something unexpected" not in err, shown
    for line in err.splitlines():
        line.encode("utf-8")  # printable on a strict UTF-8 stream
        assert len(line) <= 600, f"a long message for {shown}: {line[:200]}"


@pytest.mark.parametrize("command", sorted(COMMANDS))
@SETTINGS
@given(data=st.data())
def test_random_options_never_crash_a_command(command, work, capsys, data):
    argv = data.draw(command_lines(command, work["folder"], work["db"]))
    run_and_check(argv, capsys)


@SETTINGS
@given(argv=st.lists(VALUE, max_size=6))
def test_random_words_after_the_program_name_never_crash(argv, work, capsys):
    argv = [word for word in argv if word not in ("--help", "-h")]
    if not argv or argv[0] not in COMMANDS:  # no command would open the window: keep to the headless ones
        argv = ["deadline", *argv]
    if argv[0] in ("demo", "docket", "ledes"):  # these read the clock when not told the date
        argv = ["deadline", *argv[1:]]
    run_and_check(argv, capsys)
