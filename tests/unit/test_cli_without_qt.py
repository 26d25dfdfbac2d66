"""A command that needs no window, printer or screenshot runs without loading Qt (import-linter's contract on
the command line lets it reach Qt only through the shell, lazily; this checks the lazy part)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from legalsec_desktop.cli import main
code = main(["deadline", "--rules", "US-FED", "--from", "2026-03-02", "--days", "14"])
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
print("Qt loaded:", loaded)
sys.exit(code)
"""


def test_the_deadline_calculator_runs_without_loading_qt() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "2026-03-16" in result.stdout or "03/16/2026" in result.stdout  # 14 days after March 2
    assert result.stdout.strip().splitlines()[-1] == "Qt loaded: []"
