"""Start of the frozen window (dist/legalsec-desktop/) against the same window run from the virtual environment.

Each run starts the window offscreen on a copy of the demo database with --quit-after-open (window shown, database
opened, window closed as the user would) and takes the wall time of the whole process. The two alternate, run after
run, so both see the same machine; the median of each and their ratio are shown. Warm: the files are in the
operating system's cache, as on the second start of the day. Cold: that cache is emptied before every run, as on the
first start after switching the computer on (Linux, as root only: /proc/sys/vm/drop_caches).
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
DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def drop_caches() -> bool:
    """Empty the operating system's file cache; False where that is not allowed."""
    try:
        os.sync()
        DROP_CACHES.write_text("3\n")
        return True
    except OSError:
        return False


def timed(command: list[str], home: Path, cold: bool) -> float:
    """Seconds `command` took, run with a private HOME and the offscreen display."""
    env = {"HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen", "PATH": os.defpath}
    if "PYTHONPATH" in os.environ:
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    if cold:
        drop_caches()
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return time.perf_counter() - started


def side_by_side(commands: dict[str, list[str]], home: Path, runs: int, cold: bool) -> dict[str, list[float]]:
    """Each command `runs` times, alternating."""
    results: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(timed(command, home, cold))
    return results


def main() -> int:
    if not (FROZEN / "legalsec-desktop").exists():
        print("no frozen build in dist/legalsec-desktop: run python3 packaging/build.py first (skipped)")
        return 0
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    can_drop = sys.platform.startswith("linux") and drop_caches()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        db = home / "demo.db"
        subprocess.run([str(FROZEN / "legalsec"), "--db", str(db), "demo"], env={"HOME": str(home)}, check=True,
                       stdout=subprocess.DEVNULL)
        commands = {
            "frozen": [str(FROZEN / "legalsec-desktop"), "--db", str(db), "--quit-after-open"],
            "venv": [sys.executable, "-c", "import sys; from legalsec_desktop.app import main; sys.exit(main())",
                     "--db", str(db), "--quit-after-open"],
        }
        for command in commands.values():  # the first open of the demo (its first backup) is not measured
            timed(command, home, cold=False)
        kinds = {"warm": side_by_side(commands, home, runs, cold=False)}
        if can_drop:
            kinds["cold"] = side_by_side(commands, home, runs, cold=True)
    for kind, results in kinds.items():
        medians = {name: statistics.median(seconds) for name, seconds in results.items()}
        for name, seconds in results.items():
            print(f"{kind} {name:7} median {medians[name]:.2f} s  (min {min(seconds):.2f}, max {max(seconds):.2f}, "
                  f"runs {runs})")
        print(f"{kind} frozen/venv {medians['frozen'] / medians['venv']:.2f}")
    if not can_drop:
        print("cold starts not measured: emptying the file cache needs Linux and root")
    size = sum(path.stat().st_size for path in FROZEN.rglob("*") if path.is_file() and not path.is_symlink())
    print(f"folder  {size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
