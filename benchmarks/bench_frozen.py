"""Cold start of the frozen window (dist/legalsec-desktop/) against the same window run from the virtual environment.

Each run starts the window offscreen on a copy of a demo database with --quit-after-open (window shown, database
opened, window closed) and the wall time of the whole process is taken; runs alternate, and the median is shown.
Usage: python benchmarks/bench_frozen.py [RUNS]. Skips with a message when there is no frozen build.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "legalsec-desktop"


def timed(command: list[str], home: Path) -> float:
    """Seconds `command` took, run with a private HOME and the offscreen display."""
    env = {"HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen", "PATH": os.defpath}
    if "PYTHONPATH" in os.environ:
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return time.perf_counter() - started


def main() -> int:
    if not (FROZEN / "legalsec-desktop").exists():
        print("no frozen build in dist/legalsec-desktop: run python3 packaging/build.py first (skipped)")
        return 0
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        db = home / "demo.db"
        subprocess.run([str(FROZEN / "legalsec"), "--db", str(db), "demo"], env={"HOME": str(home)}, check=True,
                       stdout=subprocess.DEVNULL)
        frozen = [str(FROZEN / "legalsec-desktop"), "--db", str(db), "--quit-after-open"]
        venv = [sys.executable, "-c", "import sys; from legalsec_desktop.app import main; sys.exit(main())",
                "--db", str(db), "--quit-after-open"]
        timed(frozen, home)  # the first open of the demo (its first backup, reminders) is not measured
        results: dict[str, list[float]] = {"frozen": [], "venv": []}
        for _ in range(runs):
            results["frozen"].append(timed(frozen, home))
            results["venv"].append(timed(venv, home))
    for name, seconds in results.items():
        print(f"{name:7} median {statistics.median(seconds):.2f} s  (min {min(seconds):.2f}, runs {runs})")
    size = sum(path.stat().st_size for path in FROZEN.rglob("*") if path.is_file() and not path.is_symlink())
    print(f"folder  {size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
