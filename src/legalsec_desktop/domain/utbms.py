"""UTBMS task, activity and expense codes (the ABA code sets), read from resources/utbms/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from legalsec_desktop.domain.errors import ValidationError

TASK_SETS = ("litigation", "counseling", "bankruptcy")


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    set_name: str
    phase: bool = False  # a phase heading (L100, B200…): it groups tasks and is not billed against itself

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


@cache
def code_set(name: str) -> tuple[Code, ...]:
    data = json.loads((files("legalsec_desktop.resources") / "utbms" / f"{name}.json").read_text("utf-8"))
    return tuple(Code(c["code"], c["name"], name, bool(c.get("phase"))) for c in data["codes"])


@cache
def task_codes() -> dict[str, Code]:
    """Every billable task code of every task set, by code."""
    return {c.code: c for name in TASK_SETS for c in code_set(name) if not c.phase}


@cache
def activity_codes() -> dict[str, Code]:
    return {c.code: c for c in code_set("activities")}


@cache
def expense_codes() -> dict[str, Code]:
    return {c.code: c for c in code_set("expenses")}


def check_codes(task: str, activity: str, required: bool = False) -> tuple[str, str]:
    """Normalised (task, activity) codes; a code that is not in the ABA lists is refused by name.

    With `required` (a matter billed with UTBMS codes), both must be given.
    """
    task, activity = task.strip().upper(), activity.strip().upper()
    if task and task not in task_codes():
        phase = next((c for name in TASK_SETS for c in code_set(name) if c.code == task), None)
        if phase is not None:
            first = next(c.code for c in code_set(phase.set_name) if not c.phase and c.code[:2] == task[:2])
            raise ValidationError("task_code", f"{task} ({phase.name}) is a phase heading; choose one of its tasks, "
                                               f"such as {first}.")
        raise ValidationError("task_code", f"“{task}” is not a UTBMS task code. Use a code from the ABA lists, "
                                           "such as L110, L210 or C300.")
    if activity and activity not in activity_codes():
        raise ValidationError("activity_code", f"“{activity}” is not a UTBMS activity code; they run from A101 "
                                               "to A111.")
    if required and not task:
        raise ValidationError("task_code", "This matter is billed with UTBMS codes: choose a task code.")
    if required and not activity:
        raise ValidationError("activity_code", "This matter is billed with UTBMS codes: choose an activity code.")
    return task, activity
