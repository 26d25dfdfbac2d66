"""Template text rendered safely: templates come from anywhere, so they run in Jinja2's sandbox with every value
escaped, no file or module reachable, repetition capped, and the render bounded in time in a child process.

`check(source)` finds a template's syntax errors and the fields it uses; `render(source, values)` renders it.
The .docx letters of issue 18 render their document XML through here (the values escaped for XML).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, meta
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from legalsec_desktop.formats.render_worker import RenderWorker, WorkerProblem

MAX_TEXT = 1_000_000  # characters a repetition or a join may make (a letter is a few thousand)
MAX_POWER = 64  # the largest power (`**`) a template may raise to
MAX_OUTPUT = 5_000_000  # characters a render may give
TIMEOUT_S = 5.0  # a render that takes longer is stopped (a loop in a loop in a loop …)
# The filters a letter needs; the others can make huge text from a little (center, indent, wordwrap, format …).
FILTERS = ("capitalize", "default", "d", "e", "escape", "first", "float", "int", "join", "last", "length", "list",
           "lower", "round", "sort", "string", "sum", "title", "trim", "unique", "upper", "count", "abs", "min",
           "max")  # not `safe`: a value marked safe would go into the document's XML unescaped
_WIDE = re.compile(r"%[^a-zA-Z%]*\d{4,}")  # a %-format with a width or precision of thousands


class TemplateProblem(Exception):
    """A template that cannot be used or rendered, said in words (never a traceback)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Checked:
    """A template's fields (the top-level names it reads), in the order of their names."""

    fields: tuple[str, ...]


class LetterEnvironment(SandboxedEnvironment):
    """Jinja2's sandbox, tightened: no globals (no range tricks, cycler, joiner, namespace or lipsum), `*` and
    `**` checked before they make a huge value, autoescaping on, no loader (no template can include a file)."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self) -> None:
        # StrictUndefined: a missing field, or an attribute the sandbox refuses, is an error, never blank text
        super().__init__(autoescape=True, loader=None, extensions=[], undefined=StrictUndefined)
        self.globals.clear()
        self.filters = {name: self.filters[name] for name in FILTERS if name in self.filters}
        self.tests = {name: test for name, test in self.tests.items() if name not in ("callable",)}

    def getattr(self, obj: Any, attribute: str) -> Any:
        # `ask.update`, `ask.items`, `firm.copy`: a letter's data is dicts, and its keys come before a dict's
        # methods (Jinja looks for the attribute first: the letter printed "<built-in method update …>")
        if isinstance(obj, dict) and isinstance(attribute, str) and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, str) and attr in ("format", "format_map", "center", "ljust", "rjust", "zfill",
                                              "expandtabs", "replace"):
            return False  # each can make a huge string from a short one
        return super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "%":
            if isinstance(left, str) and _WIDE.search(left):
                raise SecurityError("a %-format that wide is not allowed in a template")
            return operator.mod(left, right)
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_POWER:
                raise SecurityError(f"a power above {MAX_POWER} is not allowed in a template")
            return operator.pow(left, right)
        sized = [value for value in (left, right) if isinstance(value, (str, list, tuple))]
        counts = [value for value in (left, right) if isinstance(value, int) and not isinstance(value, bool)]
        if sized and counts and len(sized[0]) * max(counts[0], 0) > MAX_TEXT:
            raise SecurityError("a repetition that large is not allowed in a template")
        return operator.mul(left, right)


def check(source: str) -> Checked:
    """The fields `source` reads; TemplateProblem with the line and what is wrong when it is not a template."""
    environment = LetterEnvironment()
    try:
        parsed = environment.parse(source)
        return Checked(tuple(sorted(meta.find_undeclared_variables(parsed))))  # compiles it: unknown filters too
    except TemplateSyntaxError as error:
        raise TemplateProblem(f"Line {error.lineno}: {error.message}") from None


def _render_here(source: str, values: Mapping[str, Any]) -> str:
    environment = LetterEnvironment()
    try:
        text = environment.from_string(source).render(**values)
    except SecurityError as error:
        raise TemplateProblem(f"The template tried something a template may not do: {error}") from None
    except UndefinedError as error:
        raise TemplateProblem(f"The template uses something that is not there: {error.message}") from None
    except TemplateSyntaxError as error:
        raise TemplateProblem(f"Line {error.lineno}: {error.message}") from None
    except (TemplateError, ArithmeticError, TypeError, ValueError, OverflowError, RecursionError) as error:
        raise TemplateProblem(f"The template could not be filled in ({type(error).__name__}: {error})") from None
    if len(text) > MAX_OUTPUT:
        raise TemplateProblem("The template made far more text than a letter holds; check its loops.")
    return text


_WORKER = RenderWorker(TemplateProblem)


def run_bounded(work: Callable[..., Any], args: tuple[Any, ...], timeout_s: float = TIMEOUT_S,
                prepare: Callable[[], Any] | None = None) -> Any:
    """`work(*args)` in the render process (formats.render_worker), stopped after `timeout_s` and limited in memory
    where the system can (the time counts once the process is ready, `prepare` run): what it returns, or
    TemplateProblem with what went wrong. `work` is a module-level
    function and `args` plain data, as a spawned process needs; a frozen program must call
    multiprocessing.freeze_support() at its start."""
    try:
        return _WORKER.run(work, args, timeout_s, prepare)
    except WorkerProblem as problem:
        raise TemplateProblem(str(problem)) from None


def warm_up(prepare: Callable[[], Any]) -> None:
    """Start the render process now, running `prepare` there, so the first letter does not wait for it."""
    _WORKER.warm(prepare)


def render(source: str, values: Mapping[str, Any], timeout_s: float = TIMEOUT_S) -> str:
    """`source` filled in with `values` (plain data: strings, numbers, dates, lists and dicts of them), in a child
    process stopped after `timeout_s`; TemplateProblem when the template is wrong, unsafe or runs too long."""
    check(source)  # a syntax error is said without starting a process
    return str(run_bounded(_render_here, (source, dict(values)), timeout_s))
