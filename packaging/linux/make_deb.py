"""Make the Debian package from the one-folder build: python3 packaging/linux/make_deb.py [--dist DIR] [--out DIR].

Standard library and dpkg-deb only. Installs the folder under /opt/legalsec-desktop, links /usr/bin/legalsec and
/usr/bin/legalsec-desktop to it, and adds the menu entry and the hicolor icons. The package never touches the
user's data: the database, backups and documents live in the user's home and stay when the package is removed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NAME = "legalsec-desktop"
PREFIX = Path("opt") / NAME
EXECUTABLES = ("legalsec-desktop", "legalsec")
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# The system libraries Qt's xcb window plugin and its fonts need, by file name, with the Debian package that has
# each. A library PyInstaller bundled into the folder is left out of Depends; the rest must come from the system.
SYSTEM_LIBRARIES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    # Qt's Wayland plugin (the window on a Wayland desktop; Qt falls back to X11 without it)
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

REFRESH = """    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q /usr/share/applications || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
    fi
"""

POSTINST = f"""#!/bin/sh
# Refresh the menu and the icon cache. Nothing here reads or writes the user's data.
set -e
if [ "$1" = "configure" ]; then
{REFRESH}fi
exit 0
"""

POSTRM = f"""#!/bin/sh
# Refresh the menu and the icon cache after removal. The user's database, backups and documents live in their
# home folder and are never removed, not even on purge.
set -e
if [ "$1" = "remove" ] || [ "$1" = "purge" ]; then
{REFRESH}fi
exit 0
"""


def project_version() -> str:
    """The version in src/legalsec_desktop/__init__.py."""
    text = (ROOT / "src" / "legalsec_desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("no __version__ in src/legalsec_desktop/__init__.py")
    return found.group(1)


def host_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()


def glibc_version() -> str:
    """The C library of the build machine: the frozen program needs at least this one."""
    found = os.confstr("CS_GNU_LIBC_VERSION") if hasattr(os, "confstr") else None
    return found.split()[-1] if found else "2.31"


def depends(folder: Path, glibc: str) -> list[str]:
    """libc6 at least as new as the build machine's, and every system library the folder does not bundle."""
    bundled = {path.name for path in folder.rglob("*.so*")}
    missing = sorted({package for soname, package in SYSTEM_LIBRARIES.items()
                      if not any(name == soname or name.startswith(soname + ".") for name in bundled)})
    return [f"libc6 (>= {glibc})", *missing]


def control(version: str, arch: str, installed_kib: int, needs: list[str]) -> str:
    return (f"Package: {NAME}\n"
            f"Version: {version}\n"
            "Section: misc\n"
            "Priority: optional\n"
            f"Architecture: {arch}\n"
            "Maintainer: legalsec-desktop developers <legalsec-desktop@users.noreply.github.com>\n"
            f"Installed-Size: {installed_kib}\n"
            f"Depends: {', '.join(needs)}\n"
            "Description: offline desk program for a legal secretary\n"
            " Calendar and court deadlines, matters, correspondence, time and the file index,\n"
            " in one window, with everything kept in a database on this computer.\n")


def folder_size_kib(folder: Path) -> int:
    total = sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() or path.is_symlink())
    return max(1, (total + 1023) // 1024)


def stage(dist: Path, root: Path) -> None:
    """Lay out the package's files under root."""
    shutil.copytree(dist, root / PREFIX, symlinks=True)
    bindir = root / "usr" / "bin"
    bindir.mkdir(parents=True)
    for name in EXECUTABLES:
        (bindir / name).symlink_to(Path("/") / PREFIX / name)
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copyfile(ROOT / "packaging" / f"{NAME}.desktop", apps / f"{NAME}.desktop")
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True)
        shutil.copyfile(HERE / "icons" / f"{size}.png", target)
    scalable = hicolor / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "icons" / "app.svg", scalable)
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)


def build(dist: Path, out: Path, version: str, arch: str) -> Path:
    """Make out/legalsec-desktop_<version>_<arch>.deb from the one-folder build in dist; return its path."""
    missing = [name for name in EXECUTABLES if not (dist / name).is_file()]
    if missing:
        raise SystemExit(f"{dist} is not a one-folder build: {', '.join(missing)} missing (run packaging/build.py)")
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("dpkg-deb is not installed (apt-get install dpkg)")
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{NAME}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="legalsec-deb-") as work:
        root = Path(work) / "root"
        root.mkdir()
        stage(dist, root)
        debian = root / "DEBIAN"
        debian.mkdir()
        size = folder_size_kib(root)
        (debian / "control").write_text(control(version, arch, size, depends(dist, glibc_version())), encoding="utf-8")
        for name, text in (("postinst", POSTINST), ("postrm", POSTRM)):
            (debian / name).write_text(text, encoding="utf-8")
            (debian / name).chmod(0o755)
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
                       check=True, stdout=subprocess.DEVNULL)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / NAME, help="the one-folder build")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the .deb goes")
    parser.add_argument("--version", default=None, help="package version (default: the program's)")
    parser.add_argument("--arch", default=None, help="Debian architecture (default: this machine's)")
    args = parser.parse_args(argv)
    target = build(args.dist.resolve(), args.out.resolve(), args.version or project_version(), args.arch or host_arch())
    print(f"built {target} ({target.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
