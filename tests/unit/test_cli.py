"""The `legalsec` command's headless subcommands."""

import sqlite3
import subprocess
import sys

import pytest

from legalsec_desktop import paths
from legalsec_desktop.cli import main
from legalsec_desktop.instance_lock import InstanceLock
from tests.holder_process import holding


def held_by_another_process(db_path):
    """The database's instance lock held by another process (as a running window holds it) within the block."""
    return holding(
        "from pathlib import Path; from legalsec_desktop.instance_lock import InstanceLock\n"
        f"lock = InstanceLock(*map(Path, {[str(p) for p in paths.lock_paths(db_path)]!r})); assert lock.acquire()")


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for command in ("backup", "restore", "check", "demo", "screenshot", "--db"):
        assert command in out


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "legalsec_desktop", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "legalsec-desktop" in result.stdout


def test_demo_backup_check_restore_cycle(db_path, capsys):
    assert main(["demo", "--db", str(db_path), "--today", "2026-11-23"]) == 0
    assert "matter: 20" in capsys.readouterr().out
    assert main(["demo", "--db", str(db_path)]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["check", "--db", str(db_path)]) == 0
    assert main(["backup", "--db", str(db_path)]) == 0
    made = capsys.readouterr().out
    assert "(verified)" in made
    backups = list(paths.backup_dir(db_path).glob("*.db"))
    assert len(backups) == 1
    with sqlite3.connect(db_path) as conn:  # file records and their log refuse deletion: lose letters instead
        conn.execute("DELETE FROM communication")
    conn.close()
    assert main(["backups", "--db", str(db_path)]) == 0
    assert main(["restore", str(backups[0]), "--db", str(db_path)]) == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM communication").fetchone()[0] == 96  # 6 e-mails filed by the demo
        assert conn.execute("SELECT count(*) FROM file_record").fetchone()[0] == 80
    conn.close()


def test_check_exits_non_zero_on_damage(tmp_path, capsys):
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    assert main(["check", "--db", str(path)]) == 1
    assert "damaged" in capsys.readouterr().err


def test_db_from_environment(tmp_path, monkeypatch, capsys):
    path = tmp_path / "from env.db"
    monkeypatch.setenv("LEGALSEC_DB", str(path))
    assert main(["demo"]) == 0
    assert path.exists()


def test_restore_refuses_while_the_window_has_the_database(db_path, capsys):
    main(["demo", "--db", str(db_path)])
    main(["backup", "--db", str(db_path)])
    backup = next(paths.backup_dir(db_path).glob("*.db"))
    with held_by_another_process(db_path):
        assert main(["restore", str(backup), "--db", str(db_path)]) == 1
        assert "Close the window first" in capsys.readouterr().err
    lock = InstanceLock(*paths.lock_paths(db_path))
    assert lock.acquire(), "a killed holder must not leave the lock taken"
    lock.release()


def test_a_bug_is_reported_without_a_traceback(monkeypatch, tmp_path, capsys):
    import legalsec_desktop.cli as cli

    def explode(*_args):
        raise RuntimeError("boom")

    monkeypatch.setitem(cli.COMMANDS, "check", explode)
    assert main(["check", "--db", str(tmp_path / "x.db")]) == cli.EXIT_BUG
    err = capsys.readouterr().err
    assert "Traceback" not in err and "something unexpected" in err


def test_a_date_that_does_not_exist_is_explained(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["demo", "--today", "2026-02-30"])
    assert caught.value.code == 2
    assert "not a date on the calendar" in capsys.readouterr().err


def test_a_folder_given_as_the_database_is_explained(tmp_path, capsys):
    assert main(["check", "--db", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert main(["backup", "--db", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_deadline_prints_the_date_first_then_the_derivation(capsys):
    from legalsec_desktop.cli import main

    assert main(["deadline", "--rules", "US-FED:MA", "--from", "2008-04-07", "--days", "14"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2008-04-22"
    assert any("Patriots' Day" in line for line in lines[1:])


def test_deadline_in_hours_prints_the_time(capsys):
    from legalsec_desktop.cli import main

    assert main(["deadline", "--rules", "US-FED", "--from", "2007-11-02T10:23", "--hours", "72",
                 "--tz", "America/New_York"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2007-11-05T09:23"


def test_deadline_service_and_before(capsys):
    from legalsec_desktop.cli import main

    assert main(["deadline", "--rules", "US-FED", "--from", "2026-03-02", "--days", "14", "--service", "mail"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2026-03-19"
    assert main(["deadline", "--rules", "US-FED", "--from", "2027-01-04", "--days", "14", "--before",
                 "--service", "mail"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2026-12-18"
    assert main(["deadline", "--rules", "CA", "--from", "2026-09-15", "--court-days", "16", "--before"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2026-08-21"


def test_deadline_named_event_and_help_lists_them(capsys):
    from legalsec_desktop.cli import main

    assert main(["deadline", "--rules", "TX", "--from", "2026-10-01", "--event", "answer"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("2026-10-26\t")
    with pytest.raises(SystemExit):
        main(["deadline", "--help"])
    assert "--rules TX --event answer" in capsys.readouterr().out


def test_deadline_texas_short_period_and_unsettled_holiday(capsys):
    from legalsec_desktop.cli import main

    assert main(["deadline", "--rules", "TX", "--from", "2026-12-02", "--days", "5"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2026-12-09"
    assert main(["deadline", "--rules", "TX", "--from", "2026-11-24", "--days", "30"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "2026-12-24"
    assert "May extend to Mon 12/28/2026 if the court was closed on Thu 12/24/2026 (Christmas Eve)." in out


def test_deadline_warns_and_fails_for_a_year_without_a_calendar(capsys):
    from legalsec_desktop.cli import main

    assert main(["deadline", "--rules", "CA", "--from", "2031-01-05", "--days", "10"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == "2031-01-15"
    assert "No holiday calendar" in captured.err and "WARNING" in captured.out


def test_deadline_from_a_day_not_on_the_calendar_is_a_usage_error(capsys):
    from legalsec_desktop.cli import main

    with pytest.raises(SystemExit) as caught:
        main(["deadline", "--rules", "US-FED", "--from", "2026-02-30", "--days", "3"])
    assert caught.value.code == 2
    assert "not a date on the calendar" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--from", "2026-03-08T02:30", "--hours", "3"], "does not exist"),
    (["--from", "2026-11-01T01:30", "--hours", "3"], "happens twice"),
    (["--from", "2026-03-02", "--hours", "3"], "counts from a time"),
])
def test_deadline_bad_input(capsys, args, message):
    from legalsec_desktop.cli import main

    assert main(["deadline", "--rules", "US-FED", *args]) == 1
    assert message in capsys.readouterr().err


def test_db_given_before_the_command_is_used(tmp_path, capsys):
    from legalsec_desktop.cli import main

    target = tmp_path / "before.db"
    assert main(["--db", str(target), "demo"]) == 0
    assert target.is_file()


def test_an_upgrade_waits_until_no_window_has_the_database(tmp_path, capsys):
    """A newer version's command never migrates a database an older version's window still has open."""
    import shutil
    from pathlib import Path

    db_path = tmp_path / "office.db"
    shutil.copyfile(Path(__file__).parents[1] / "data" / "migrations" / "rev-0010.db", db_path)
    before = db_path.read_bytes()
    with held_by_another_process(db_path):
        assert main(["docket", "--db", str(db_path), "--date", "2026-06-15", "--out", str(tmp_path / "d.pdf")]) == 1
        err = capsys.readouterr().err
        assert "open in a running window" in err and "nothing was changed" in err and "Traceback" not in err
        assert db_path.read_bytes() == before and not list(paths.backup_dir(db_path).glob("*pre-migrate*"))
    assert main(["docket", "--db", str(db_path), "--date", "2026-06-15", "--out", str(tmp_path / "d.pdf")]) == 0
    assert list(paths.backup_dir(db_path).glob("*pre-migrate*.db")) and db_path.read_bytes() != before


def test_demo_size_names_are_the_generators(db_path, monkeypatch, capsys):
    """`demo --size huge` is accepted and builds SIZES["huge"] (made small here: the real one takes minutes)."""
    from legalsec_desktop.cli.maintenance import DEMO_SIZES
    from legalsec_desktop.services import demo

    assert set(DEMO_SIZES) == set(demo.SIZES)
    monkeypatch.setitem(demo.SIZES, "huge", demo.SIZES["small"])
    assert main(["demo", "--size", "huge", "--db", str(db_path), "--today", "2026-11-23"]) == 0
    assert "Built the huge demo practice" in capsys.readouterr().out
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM matter").fetchone()[0] == demo.SIZES["small"].matters
    finally:
        conn.close()
    with pytest.raises(SystemExit):
        main(["demo", "--size", "enormous", "--db", str(db_path)])
