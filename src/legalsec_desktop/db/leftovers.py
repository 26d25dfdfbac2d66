"""Temporary files of a run that was killed (half-made backups, demos, restores) are found and removed.

Each is named with the process id that makes it (`<target>.<pid>.partial`, `<target>.<pid>.building`
and SQLite's `-journal`, `-wal`, `-shm` beside them), so a later run removes only what no living
process is still writing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_LEFTOVER = re.compile(r"^(?P<target>.+?)(?:\.(?P<pid>\d+))?\.(?:partial|building|restoring)(?:-journal|-wal|-shm)?$")


def temporary_name(target: Path, kind: str) -> Path:
    """The temporary file this process writes before `target` is moved into place (partial, building, restoring)."""
    return target.with_name(f"{target.name}.{os.getpid()}.{kind}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return False  # no cheap test there; the instance lock keeps a second copy from making them meanwhile
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(db_path: Path, backup_folder: Path) -> list[Path]:
    """Remove the leftovers of `db_path` (beside it, and in its backup folder) whose process is gone."""
    removed = []
    for folder, prefix in ((db_path.parent, db_path.name + "."), (backup_folder, "legalsec-")):
        try:
            entries = [entry for entry in folder.iterdir() if entry.name.startswith(prefix)]
        except OSError:
            continue
        for entry in entries:
            match = _LEFTOVER.match(entry.name)
            if not match or not entry.is_file():
                continue
            pid = match.group("pid")
            if pid is not None and _alive(int(pid)):
                continue
            try:
                entry.unlink()
                removed.append(entry)
            except OSError:
                pass
    return removed
