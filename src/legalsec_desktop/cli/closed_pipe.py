"""A reader that stops early (`legalsec conflicts … | head -1`) is not an error: the rest of the output is dropped.

The command still finishes its work (the check is recorded, the file saved); only what it prints goes nowhere.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TextIO


class QuietWhenClosed:
    """Standard output that, once its reader has gone (EPIPE), sends the rest of the output to the null device."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.closed_by_reader = False

    def write(self, text: str) -> int:
        if not self.closed_by_reader:
            try:
                return self.stream.write(text)
            except BrokenPipeError:
                self.reader_gone()
        return len(text)

    def flush(self) -> None:
        if not self.closed_by_reader:
            try:
                self.stream.flush()
            except BrokenPipeError:
                self.reader_gone()

    def reader_gone(self) -> None:
        """Point the stream's file at the null device, so what is still in its buffer is dropped at exit too."""
        self.closed_by_reader = True
        with contextlib.suppress(OSError, ValueError, AttributeError):  # no file behind it (a test's capture)
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(null, self.stream.fileno())
            finally:
                os.close(null)

    def __getattr__(self, name: str) -> object:  # encoding, isatty, fileno, reconfigure ... as the stream has them
        return getattr(self.stream, name)


@contextlib.contextmanager
def quiet_when_closed() -> Iterator[QuietWhenClosed]:
    """Within the block, sys.stdout drops its output once its reader has closed the pipe; restored afterwards."""
    original = sys.stdout
    quiet = QuietWhenClosed(original)
    sys.stdout = quiet  # writes and flushes like a text stream, the rest delegated
    try:
        yield quiet
        quiet.flush()  # what is still buffered goes now, not at exit where a closed pipe would be reported
    except BrokenPipeError:  # written past the wrapper (a library holding the original stream)
        quiet.reader_gone()
    finally:
        sys.stdout = original
