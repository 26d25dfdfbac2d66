"""Keep Python's garbage collector out of a short loop that makes many objects and frees them all.

A conflict check reads every name in the files: tens of thousands of tuples and strings, all alive until it
returns. Each 700 new objects the collector runs, and every tenth of those runs a full collection, which walks
every object of the program (the window's too), to free none of them. Paused, the check makes its objects
and drops them; reference counting frees them as before, and any cycles wait for the next collection.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Automatic collection off inside the block, back as it was afterwards (however the block ends)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
