"""Build the frozen one-folder program (dist/legalsec-desktop/) in a build environment of its own.

Usage: python3 packaging/build.py [--fresh] [--latest] [--skip-install]

It makes build/venv (a virtual environment beside nothing else), installs the program and PyInstaller there,
and runs packaging/legalsec.spec. Standard library only, so it runs on a machine that has nothing but Python.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
ENV = BUILD / "venv"
SPEC = ROOT / "packaging" / "legalsec.spec"
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"  # the library versions a build freezes
# PyInstaller is GPL-2.0-or-later with the bootloader exception: the programs it builds may carry any licence.
PYINSTALLER = "pyinstaller>=6.10,<7"
FOLDER = DIST / "legalsec-desktop"


def env_python() -> Path:
    """The build environment's interpreter."""
    return ENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def run(*command: str | Path) -> None:
    """Run a step, stopping the build with its exit code if it fails."""
    print("+", " ".join(str(part) for part in command), flush=True)
    done = subprocess.run([str(part) for part in command], cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build failed at: {' '.join(str(part) for part in command)}")


def make_environment(fresh: bool, latest: bool) -> None:
    """Create build/venv (again if asked) and install the program and PyInstaller in it."""
    if fresh and ENV.exists():
        shutil.rmtree(ENV)
    if not env_python().exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(ENV)
        run(env_python(), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    # What an earlier pip install left in build/ (setuptools builds the wheel there): a module since removed from
    # src/ would otherwise go into the wheel, and into the frozen program.
    for leftover in [BUILD / "lib", *BUILD.glob("bdist.*")]:
        shutil.rmtree(leftover, ignore_errors=True)
    pinned = [] if latest else ["-c", CONSTRAINTS]
    # Not editable: the frozen program must not point back at this checkout.
    run(env_python(), "-m", "pip", "install", "--quiet", *pinned, ".", PYINSTALLER)


def freeze() -> None:
    """Run the spec into dist/, replacing an earlier build."""
    run(env_python(), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller", SPEC)


def folder_size(folder: Path) -> int:
    """Bytes of every file under `folder`."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/legalsec-desktop/ with PyInstaller.")
    parser.add_argument("--fresh", action="store_true", help="remake the build environment from nothing")
    parser.add_argument("--latest", action="store_true",
                        help="install the newest libraries, not the versions in packaging/constraints.txt")
    parser.add_argument("--skip-install", action="store_true",
                        help="reuse build/venv as it is (after a change to the spec only)")
    args = parser.parse_args(argv)
    if sys.version_info < (3, 10):  # noqa: UP036 - the build may be started by any python3
        raise SystemExit("Python 3.10 or newer is needed to build.")
    started = time.monotonic()
    if not args.skip_install or not env_python().exists():
        make_environment(args.fresh or args.latest, args.latest)
    installed = time.monotonic()
    freeze()
    finished = time.monotonic()
    size = folder_size(FOLDER)
    print(f"built {FOLDER.relative_to(ROOT)}: {size / 1e6:.0f} MB; environment {installed - started:.0f} s, "
          f"PyInstaller {finished - installed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
