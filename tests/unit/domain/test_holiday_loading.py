"""The federal court calendar loads only the United States from the `holidays` package, not its 250 countries."""

import subprocess
import sys

import holidays

from legalsec_desktop.domain.court_calendar import federal

CHILD = """
import sys
from legalsec_desktop.domain.court_calendar import federal
federal().holidays_in(2026)
print(sorted(name for name in sys.modules if name.startswith("holidays.countries")))
"""


def test_only_the_united_states_is_loaded():
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"  # loaded by itself, not through holidays.countries (every country)


def test_the_same_days_as_the_package_gives():
    for year in (1999, 2026, 2027, 2031):
        ours = federal().holidays_in(year)
        package = holidays.country_holidays("US", years=year, categories=("public", "government"))
        assert ours == {day: name.split(";")[0] for day, name in package.items() if day.year == year}
