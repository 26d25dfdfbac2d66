"""The Linux packages built from a stand-in one-folder build: the .deb's contents and the per-user install."""

from __future__ import annotations

import importlib.util
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
NAME = "legalsec-desktop"
needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed")
needs_validator = pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                                     reason="needs desktop-file-validate (apt-get install desktop-file-utils)")


def load_make_deb() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_deb", LINUX / "make_deb.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_dist(where: Path, bundled: tuple[str, ...] = ()) -> Path:
    """A folder shaped like PyInstaller's one-folder build, with shell scripts standing in for the executables."""
    folder = where / NAME
    (folder / "_internal").mkdir(parents=True)
    for command in ("legalsec", NAME):
        script = folder / command
        script.write_text(f'#!/bin/sh\necho "{command} stand-in $*"\n')
        script.chmod(0o755)
    for soname in bundled:
        (folder / "_internal" / soname).write_bytes(b"")
    return folder


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture
def deb(tmp_path: Path) -> Path:
    dist = fake_dist(tmp_path / "dist", bundled=("libxcb-cursor.so.0",))
    subprocess.run([sys.executable, str(LINUX / "make_deb.py"), "--dist", str(dist), "--out", str(tmp_path / "out"),
                    "--version", "9.8.7", "--arch", "amd64"], check=True, capture_output=True)
    return tmp_path / "out" / f"{NAME}_9.8.7_amd64.deb"


def test_the_hicolor_icons_have_the_sizes_their_names_say():
    for size in load_make_deb().ICON_SIZES:
        assert png_size(LINUX / "icons" / f"{size}.png") == (size, size)


def test_depends_names_the_system_libraries_the_folder_does_not_bundle(tmp_path: Path):
    make_deb = load_make_deb()
    folder = fake_dist(tmp_path, bundled=("libxcb-cursor.so.0", "libxkbcommon-x11.so.0.0.0"))
    needs = make_deb.depends(folder, "2.31")
    assert needs[0] == "libc6 (>= 2.31)"
    assert "libxcb-cursor0" not in needs and "libxkbcommon-x11-0" not in needs
    assert {"libgl1", "libegl1", "libxcb1", "libfontconfig1", "libxkbcommon0"} <= set(needs)


@needs_dpkg
def test_the_deb_installs_the_folder_the_links_the_menu_entry_and_the_icons(deb: Path):
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], check=True, capture_output=True, text=True).stdout
    lines = listing.splitlines()

    def entry(path: str) -> str:
        found = [line for line in lines if line.split()[5] == path]
        assert found, f"{path} is not in the package:\n{listing}"
        return found[0]

    assert entry("./opt/legalsec-desktop/legalsec").startswith("-rwxr-xr-x root/root")
    assert entry("./opt/legalsec-desktop/legalsec-desktop").startswith("-rwxr-xr-x root/root")
    assert entry("./usr/bin/legalsec").endswith("-> /opt/legalsec-desktop/legalsec")
    assert entry("./usr/bin/legalsec-desktop").endswith("-> /opt/legalsec-desktop/legalsec-desktop")
    assert entry("./usr/share/applications/legalsec-desktop.desktop").startswith("-rw-r--r-- root/root")
    entry("./usr/share/icons/hicolor/scalable/apps/legalsec-desktop.svg")
    for size in (16, 32, 48, 128, 256):
        entry(f"./usr/share/icons/hicolor/{size}x{size}/apps/legalsec-desktop.png")
    assert not [line for line in lines if "/home" in line or "/root/" in line.split()[5]]

    field = subprocess.run(["dpkg-deb", "--field", str(deb), "Package", "Version", "Architecture", "Depends"],
                           check=True, capture_output=True, text=True).stdout
    assert f"Package: {NAME}" in field and "Version: 9.8.7" in field and "Architecture: amd64" in field
    assert "libgl1" in field and "libxcb-cursor0" not in field  # the stand-in bundles libxcb-cursor


@needs_dpkg
def test_the_maintainer_scripts_refresh_the_menus_and_leave_the_users_data(deb: Path, tmp_path: Path):
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "--control", str(deb), str(control)], check=True)
    for name in ("postinst", "postrm"):
        script = control / name
        assert os.access(script, os.X_OK)
        text = script.read_text()
        subprocess.run(["sh", "-n", str(script)], check=True)
        assert "update-desktop-database" in text and "gtk-update-icon-cache" in text
        commands = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
        assert not [line for line in commands if "rm " in line or "HOME" in line or "/home" in line or ".local" in line]


@needs_dpkg
@needs_validator
def test_the_packaged_menu_entry_passes_desktop_file_validate(deb: Path, tmp_path: Path):
    unpacked = tmp_path / "unpacked"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    entry = unpacked / "usr" / "share" / "applications" / f"{NAME}.desktop"
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr
    assert png_size(unpacked / "usr/share/icons/hicolor/256x256/apps/legalsec-desktop.png") == (256, 256)


def run_user_install(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "XDG_DATA_HOME": str(home / "share")}
    return subprocess.run(["sh", str(LINUX / "install_user.sh"), *args], env=env, check=True,
                          capture_output=True, text=True)


def test_the_per_user_install_puts_the_program_on_the_menu_and_its_removal_keeps_the_data(tmp_path: Path):
    home = tmp_path / "home"
    database = home / "share" / NAME / "legalsec.db"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"the firm's data")
    run_user_install(home, str(fake_dist(tmp_path / "dist")))

    opt = home / ".local" / "opt" / NAME
    link = home / ".local" / "bin" / "legalsec"
    assert link.resolve() == (opt / "legalsec").resolve()
    assert subprocess.run([str(link), "--help"], capture_output=True, text=True, check=True).stdout.startswith(
        "legalsec stand-in")
    entry = home / "share" / "applications" / f"{NAME}.desktop"
    assert f'Exec="{opt}/legalsec-desktop"' in entry.read_text()
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(entry)], capture_output=True).returncode == 0
    assert png_size(home / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{NAME}.png") == (48, 48)

    run_user_install(home, str(fake_dist(tmp_path / "newer")))  # installing over an older copy
    assert (opt / "legalsec").exists() and not (opt.parent / f"{NAME}.new").exists()

    removed = run_user_install(home, "--uninstall")
    assert not opt.exists() and not link.is_symlink() and not entry.exists()
    assert not (home / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{NAME}.png").exists()
    assert database.read_bytes() == b"the firm's data"
    assert "data is kept" in removed.stdout


def test_the_per_user_install_refuses_a_folder_that_is_not_a_build(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(subprocess.CalledProcessError) as failed:
        run_user_install(tmp_path / "home", str(tmp_path / "empty"))
    assert "not a one-folder build" in failed.value.stderr
    assert not (tmp_path / "home" / ".local" / "opt" / NAME).exists()
