"""Another process that holds something (a lock, a database) for the length of a `with` block."""

import contextlib
import subprocess
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def holding(script: str) -> Iterator[None]:
    """Run `script` in another Python; it prints 'held' once it holds what it holds, then sleeps until killed."""
    holder = subprocess.Popen([sys.executable, "-c", script + "\nprint('held', flush=True)\nimport time\n"
                               "time.sleep(30)\n"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait()
