"""Jobs for the render-process tests: module-level, so a spawned process can import them."""

import os
import time


class JobProblem(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def double(value: int) -> int:
    return value * 2


def pid() -> int:
    return os.getpid()


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def refuse() -> None:
    raise JobProblem("the template's own problem")


def break_down() -> None:
    raise KeyError("not a problem the job says in words")


def run_out_of_memory() -> None:
    raise MemoryError


def die() -> None:
    os._exit(3)


def slow_start() -> None:
    time.sleep(1.0)
