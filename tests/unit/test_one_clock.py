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
