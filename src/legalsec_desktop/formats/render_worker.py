"""The process templates are filled in: kept running between letters (starting one and loading Word's libraries
takes longer than a letter), limited in memory where the system can, and stopped — then started afresh for the
next letter — when a render runs too long, fails in a way that may have left it unwell, or the process dies."""

from __future__ import annotations

import itertools
import multiprocessing
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

MEMORY_BYTES = 1 << 30  # what the process may take, where the system can limit it (not Windows)
POLL_S = 0.05  # how often a wait checks that the process is still alive
STARTUP_S = 60  # starting the process and loading its libraries, on a very busy computer
_NOT_ENOUGH_MEMORY = "The template needed more memory than a letter may use; check its loops."


class WorkerProblem(Exception):
    """A job that failed: the message in words (the template's problem, or what happened to the process)."""


def _serve(jobs: multiprocessing.Queue[Any], answers: multiprocessing.Queue[Any],
           expected: type[Exception]) -> None:
    try:
        import resource  # POSIX only: elsewhere the timeout alone bounds a render

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    except (ImportError, ValueError, OSError):
        pass
    while True:
        job = jobs.get()
        if job is None:
            return
        number, work, args = job
        try:
            answers.put((number, "ok", work(*args)))
        except expected as problem:  # the template's own problem, said in words: the process is well
            answers.put((number, "problem", str(getattr(problem, "message", problem))))
        except MemoryError:
            answers.put((number, "retire", _NOT_ENOUGH_MEMORY))
            return
        except Exception as error:  # noqa: BLE001 - any other failure is told, and this process is not trusted again
            answers.put((number, "retire", f"The template could not be filled in ({type(error).__name__})."))
            return


class RenderWorker:
    """One long-lived render process; `run` is safe to call from several threads (one job at a time).

    A job's time limit starts once the process is ready: starting it and running its `prepare` (loading
    libraries) may take seconds on a busy computer, and that is not the template's fault (STARTUP_S bounds it).
    """

    def __init__(self, expected: type[Exception]) -> None:
        self._expected = expected
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)
        self._process: Any = None
        self._jobs: Any = None
        self._answers: Any = None
        self._prepared: set[Callable[[], Any]] = set()
        self._pending: int | None = None  # a prepare sent and not yet answered

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._jobs, self._answers = context.Queue(), context.Queue()
        self._process = context.Process(target=_serve, args=(self._jobs, self._answers, self._expected),
                                        daemon=True, name="legalsec-letters")
        self._process.start()

    def _retire(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join()
        self._process = self._jobs = self._answers = None
        self._prepared, self._pending = set(), None

    def _ready(self, prepare: Callable[[], Any] | None) -> None:
        if self._process is None or not self._process.is_alive():
            self._retire()
            self._start()
        if prepare is not None and prepare not in self._prepared:
            self._prepared.add(prepare)
            if self._pending is None:
                self._pending = self._send(prepare, ())

    def _send(self, work: Callable[..., Any], args: tuple[Any, ...]) -> int:
        number = next(self._numbers)
        self._jobs.put((number, work, args))
        return number

    def warm(self, prepare: Callable[[], Any]) -> None:
        """Start the process and have it run `prepare` (load its libraries) now, without waiting for it."""
        with self._lock:
            self._ready(prepare)

    def run(self, work: Callable[..., Any], args: tuple[Any, ...], timeout_s: float,
            prepare: Callable[[], Any] | None = None) -> Any:
        """`work(*args)` in the process (after `prepare`, once per process): its result, or WorkerProblem in
        words (a job over its time stops the process)."""
        with self._lock:
            self._ready(prepare)
            if self._pending is not None:
                pending, self._pending = self._pending, None
                self._await(pending, STARTUP_S, "The program could not start the process that fills in letters "
                                                f"within {STARTUP_S} seconds; try again.")
            return self._await(self._send(work, args), timeout_s,
                               f"The template took more than {timeout_s:g} seconds to fill in and was stopped; "
                               "check its loops.")

    def _await(self, number: int, timeout_s: float, too_long: str) -> Any:
        deadline = time.monotonic() + timeout_s
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self._retire()
                raise WorkerProblem(too_long)
            try:
                answered, kind, result = self._answers.get(timeout=min(POLL_S * 4, left))
            except queue.Empty:
                if not self._process.is_alive():
                    self._retire()
                    raise WorkerProblem("The template could not be filled in: the process filling it in "
                                        "stopped (most likely out of memory); check its loops.") from None
                continue
            if answered != number:
                continue  # the answer to an earlier job nobody waits for any more
            if kind == "ok":
                return result
            if kind == "retire":
                self._retire()
            raise WorkerProblem(result)

    def stop(self) -> None:
        with self._lock:
            self._retire()
