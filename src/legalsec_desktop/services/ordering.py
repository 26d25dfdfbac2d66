"""Lists the firm puts in its own order (retention rules, the closing checklist): one row moved up or down."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalsec_desktop.domain.errors import ValidationError


def move_in_order(session: Session, model: Any, row_id: int, step: int, field: str, gone: str) -> None:
    """Moves the row `row_id` of `model` (which has `id` and `position`) up (step -1) or down (+1), and numbers
    every row again from 0; `gone` is the message (for `field`) when the row no longer exists."""
    ordered = list(session.scalars(select(model).order_by(model.position, model.id)))
    index = next((i for i, row in enumerate(ordered) if row.id == row_id), None)
    if index is None:
        raise ValidationError(field, gone)
    ordered.insert(max(0, min(len(ordered) - 1, index + step)), ordered.pop(index))
    for position, row in enumerate(ordered):
        row.position = position
