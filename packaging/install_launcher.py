"""Put a double-clickable launcher for legalsec-desktop on this computer (menu entry and desktop icon).

    .venv/bin/python packaging/install_launcher.py      (Windows: .venv\\Scripts\\python packaging\\install_launcher.py)

Linux: a freedesktop menu entry and icon in the user's folders. Windows: a shortcut on the desktop
that runs the console-less `legalsec-desktop` launcher. macOS: a small .command file on the desktop.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICON_SVG = HERE.parent / "resources" / "icons" / "app.svg"


def launcher() -> Path:
    scripts = Path(sys.executable).parent
    found = shutil.which("legalsec-desktop", path=str(scripts)) or shutil.which("legalsec-desktop")
    if not found:
        sys.exit("legalsec-desktop is not installed in this environment; run `python3 tools/dev.py start` once first.")
    return Path(found)


def install_linux(target: Path) -> list[Path]:
    data = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "legalsec-desktop.svg"
    entry = data / "applications" / "legalsec-desktop.desktop"
    icon.parent.mkdir(parents=True, exist_ok=True)
    entry.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICON_SVG, icon)
    text = (HERE / "legalsec-desktop.desktop").read_text().replace("Exec=legalsec-desktop", f"Exec=\"{target}\"")
    entry.write_text(text)
    entry.chmod(0o755)
    return [entry, icon]


def install_windows(target: Path) -> list[Path]:
    shortcut = Path.home() / "Desktop" / "Legal Secretary.lnk"
    icon = HERE / "legalsec.ico"
    script = (f'$s=(New-Object -ComObject WScript.Shell).CreateShortcut("{shortcut}");'
              f'$s.TargetPath="{target}";$s.IconLocation="{icon}";$s.Save()')
    subprocess.run(["powershell", "-NoProfile", "-Command", script], check=True)
    return [shortcut]


def install_macos(target: Path) -> list[Path]:
    command = Path.home() / "Desktop" / "Legal Secretary.command"
    command.write_text(f"#!/bin/sh\nexec \"{target}\" \"$@\"\n")
    command.chmod(0o755)
    return [command]


def main() -> int:
    target = launcher()
    if os.name == "nt":
        made = install_windows(target)
    elif sys.platform == "darwin":
        made = install_macos(target)
    else:
        made = install_linux(target)
    for path in made:
        print(f"created {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
