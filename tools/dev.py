"""Set up a virtual environment for legalsec-desktop, then start the app or run the whole test suite.

    python3 tools/dev.py start [legalsec arguments…]   set up, then open the window
    python3 tools/dev.py test  [pytest arguments…]     set up, check imports, ruff and mypy, run every test
    python3 tools/dev.py installers                    build the frozen program and check it (CI runs this too):
                                                       smoke test; on Linux the .deb, installed and removed as root

Standard library only, so it runs on a fresh machine (Windows, macOS or Linux).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed"
TAIL_LINES = 30  # of a failed step's output, shown to say why
# Shared libraries the Qt wheels need on a bare Debian or Ubuntu machine.
QT_SYSTEM_LIBS = ["libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libglib2.0-0",
                  "fonts-dejavu-core"]
# ...and the ones its X11 window plugin needs on top (a desktop usually has them already).
QT_X11_LIBS = ["libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
               "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1", "libxkbcommon-x11-0"]
# ...and what the .deb depends on beyond those (packaging/linux/make_deb.py): Qt's Wayland plugin's libraries.
PACKAGE_DEPENDS = ["libx11-xcb1", "libxcb-util1", "libwayland-client0", "libwayland-cursor0", "libwayland-egl1"]


def quietly(*command: object) -> None:
    """Run a command with its output kept back; show the end of it, and stop, only when it fails."""
    result = subprocess.run([str(c) for c in command], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            errors="replace")
    if result.returncode != 0:
        tail = result.stdout.splitlines()[-TAIL_LINES:]
        print("\n".join(["", f"This failed (exit code {result.returncode}): {' '.join(str(c) for c in command)}",
                         f"Its last {len(tail)} lines of output:", *tail]), file=sys.stderr, flush=True)
        sys.exit(result.returncode)


def say(text: str) -> None:
    print(text, flush=True)


def ensure_venv() -> None:
    """Create .venv and install the project with its test tools, again only when pyproject.toml changes."""
    if sys.version_info < (3, 10):
        sys.exit("legalsec-desktop needs Python 3.10 or newer.")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not PYTHON.exists():
        say("Setting up a private Python environment in .venv (first time only, about a minute)…")
        shutil.rmtree(VENV, ignore_errors=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    else:
        say("Updating the private Python environment in .venv (the project's requirements changed)…")
    pip = [PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "--no-input"]
    say("  Updating pip…")
    quietly(*pip, "--upgrade", "pip")
    say("  Installing legalsec-desktop and the libraries it uses (Qt, SQLAlchemy, …)…")
    quietly(*pip, "-e", f"{ROOT}[test]")
    STAMP.write_text(wanted)
    say("  Done.")


def ensure_qt_libraries() -> None:
    """Install the system libraries Qt needs when they are missing (Linux with apt-get, as root)."""
    probe = [str(PYTHON), "-c", "import PySide6.QtWidgets"]
    if subprocess.run(probe, capture_output=True).returncode == 0:
        return
    if sys.platform.startswith("linux") and shutil.which("apt-get") and os.geteuid() == 0:
        say("Installing the system libraries Qt needs (apt-get, first time only)…")
        os.environ["DEBIAN_FRONTEND"] = "noninteractive"
        quietly("apt-get", "update", "-qq")
        quietly("apt-get", "install", "-y", "-qq", "--no-install-recommends", *QT_SYSTEM_LIBS)
    subprocess.run(probe, check=True)


def ensure_display_libraries() -> None:
    """Qt's X11 plugin needs a few xcb libraries some Linux machines lack: install them or say how."""
    if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM"):
        return
    probe = [str(PYTHON), "-c", "from PySide6.QtWidgets import QApplication; QApplication(['-platform', 'xcb'])"]
    if subprocess.run(probe, capture_output=True).returncode == 0:
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        say("Installing the X11 libraries Qt needs to open a window (apt-get, first time only)…")
        os.environ["DEBIAN_FRONTEND"] = "noninteractive"
        quietly("apt-get", "install", "-y", "-qq", "--no-install-recommends", *QT_X11_LIBS)
    else:
        print("Qt needs some X11 libraries to open a window. Install them once with:\n"
              f"    sudo apt-get install {' '.join(QT_X11_LIBS)}\n"
              "(Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-image xcb-util-keysyms "
              "xcb-util-renderutil libxkbcommon-x11)", file=sys.stderr)


def ensure_office() -> None:
    """LibreOffice, which the letter tests use to open each starter letter as a client would (the tests that need it
    skip, saying so, where it cannot be installed): installed on Linux with apt-get, as root, when missing."""
    if shutil.which("soffice") or not sys.platform.startswith("linux") or not shutil.which("apt-get") \
            or os.geteuid() != 0:
        return
    say("Installing LibreOffice Writer for the letter tests (apt-get, first time only, a few minutes)…")
    os.environ["DEBIAN_FRONTEND"] = "noninteractive"
    for command in (["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "libreoffice-writer-nogui"]):
        if subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
            say("LibreOffice could not be installed: the tests that need it will say they were skipped.")
            return


def ensure_package_tools() -> None:
    """On Linux, as root with apt-get: desktop-file-validate (the packaging tests check the menu entry with it), the
    xcb libraries (the frozen build bundles them when they are on the build machine) and the libraries the .deb
    depends on without bundling them (so check_deb.sh can install it with dpkg)."""
    if not sys.platform.startswith("linux") or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    wanted = ["desktop-file-utils", *QT_SYSTEM_LIBS, *QT_X11_LIBS, *PACKAGE_DEPENDS]
    missing = [name for name in wanted if subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True).stdout != "install ok installed"]
    if not missing:
        return
    say("Installing what the Linux package build uses (apt-get, first time only)…")
    os.environ["DEBIAN_FRONTEND"] = "noninteractive"
    for command in (["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing]):
        if subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
            say("They could not be installed: the packaging tests that need them will say they were skipped.")
            return


def start(args: list[str]) -> int:
    ensure_venv()
    ensure_display_libraries()
    say("Starting legalsec-desktop…")
    return subprocess.call([str(BIN / ("legalsec.exe" if os.name == "nt" else "legalsec")), *args])


def test(args: list[str]) -> int:
    ensure_venv()
    ensure_qt_libraries()
    ensure_office()
    ensure_package_tools()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    env.pop("LEGALSEC_DB", None)
    # lint-imports finds pyproject.toml in the folder it runs in (its --config option is deprecated).
    lint = subprocess.call([str(BIN / "lint-imports")], cwd=ROOT, env=env)
    if lint != 0:
        print("The import rules (layering) are broken; see above.", file=sys.stderr)
        return lint
    ruff = subprocess.call([str(BIN / "ruff"), "check", "--quiet", "src", "tests", "tools", "benchmarks",
                            "packaging"], cwd=ROOT, env=env)
    if ruff != 0:
        print("ruff found problems (see above); `.venv/bin/ruff check --fix` mends some.", file=sys.stderr)
        return ruff
    types = subprocess.call([str(BIN / "mypy")], cwd=ROOT, env=env)  # the files and rules are in pyproject.toml
    if types != 0:
        print("mypy found type errors (see above).", file=sys.stderr)
        return types
    return subprocess.call([str(PYTHON), "-m", "pytest", *workers(args), *args], cwd=ROOT, env=env)


def installers() -> int:
    """Build dist/legalsec-desktop/ (packaging/build.py, its own environment), smoke-test it in a bare environment,
    and on Linux make the .deb and check it (installed, upgraded and removed with dpkg when run as root)."""
    linux = sys.platform.startswith("linux")
    ensure_package_tools()
    steps = [[sys.executable, "packaging/build.py"]]
    if shutil.which("sh"):
        steps.append(["sh", "packaging/smoke.sh"])
    else:
        say("No POSIX shell here: the smoke test (packaging/smoke.sh) is skipped; CI runs it.")
    if linux and shutil.which("dpkg-deb"):
        steps.append(["sh", "packaging/linux/check_deb.sh"])
    for step in steps:
        say("Running: " + " ".join(step))
        code = subprocess.call(step, cwd=ROOT)
        if code != 0:
            print(f"Failed: {' '.join(step)} (exit {code}).", file=sys.stderr)
            return code
    return 0


def workers(args: list[str]) -> list[str]:
    """Run the tests on every core, up to four (pytest-xdist), unless the arguments choose otherwise."""
    if any(a.startswith(("-n", "--numprocesses")) or a == "no:xdist" for a in args):
        return []
    return ["-n", str(max(1, min(4, os.cpu_count() or 1)))]


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("start", "test", "installers"):
        print(__doc__)
        return 2
    if sys.argv[1] == "installers":
        return installers()
    return start(sys.argv[2:]) if sys.argv[1] == "start" else test(sys.argv[2:])


if __name__ == "__main__":
    raise SystemExit(main())
