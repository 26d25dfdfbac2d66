"""One clock: only legalsec_desktop/clock.py reads the system's date and time; everything else is handed a Clock."""

import re
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "src" / "legalsec_desktop"
READS_THE_CLOCK = re.compile(
    r"\b(?:date|datetime)\.(?:today|now|utcnow)\(|\btime\.time\(\)|QDate\.currentDate\(|QDateTime\.current\w*\(|"
    r"QTime\.currentTime\(")


def test_only_the_clock_module_reads_the_system_clock():
    readers = [f"{path.relative_to(SOURCE)}:{number}: {line.strip()}"
               for path in sorted(SOURCE.rglob("*.py")) if path.name != "clock.py" or path.parent != SOURCE
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if READS_THE_CLOCK.search(line)]
    assert readers == [], "read the time through the Clock the composition root hands down:\n" + "\n".join(readers)


def test_a_pinned_clock_pins_every_reading():
    from datetime import datetime, timezone

    from legalsec_desktop.clock import Clock

    clock = Clock(datetime(2027, 2, 28, 23, 59, 30, 123456))
    assert clock.now() == datetime(2027, 2, 28, 23, 59, 30) and clock.today().isoformat() == "2027-02-28"
    assert clock.utc_now() == clock.now().astimezone(timezone.utc) and clock.utc_now().tzinfo is timezone.utc


def test_the_computers_zone_is_named_when_it_says_and_plain_utc_is_no_office(monkeypatch):
    from legalsec_desktop import clock

    monkeypatch.setattr(clock.os.path, "realpath", lambda path: "/usr/share/zoneinfo/Etc/UTC")
    monkeypatch.setattr(clock.time, "tzname", ("UTC", "UTC"))
    monkeypatch.setenv("TZ", "America/Chicago")
    assert clock.system_zone_name() == "America/Chicago"
    monkeypatch.setenv("TZ", ":Mars/Olympus")
    assert clock.system_zone_name() == ""
    monkeypatch.delenv("TZ")
    assert clock.system_zone_name() == ""  # a server's UTC is not an office's zone
    monkeypatch.setattr(clock.os.path, "realpath", lambda path: "/usr/share/zoneinfo/America/Denver")
    assert clock.system_zone_name() == "America/Denver"
    monkeypatch.setattr(clock.os.path, "realpath", lambda path: "C:\\\\Windows")
    monkeypatch.setattr(clock.time, "tzname", ("Pacific Standard Time", "Pacific Daylight Time"))
    assert clock.system_zone_name() == "America/Los_Angeles"
