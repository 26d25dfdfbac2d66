"""Many rows read as plain tuples: a Core select run on the driver's own cursor, with no Row object per result.

For the few reads that take thousands of rows at once (every name for a conflict check, a year of time for a
timesheet), where building SQLAlchemy's Row objects costs several times what the database itself takes. The
statement is still written and compiled by SQLAlchemy (portable SQL, bound parameters converted by their types);
only the results come back raw, as the driver gives them: a date column is its stored text, for the caller to
convert (plain_date).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from datetime import date
from typing import Any, TypeAlias, cast

from sqlalchemy import Select
from sqlalchemy.orm import Session
from typing_extensions import Unpack

AnySelect: TypeAlias = "Select[Unpack[tuple[Any, ...]]]"

BATCH = 2000


def plain_date(value: Any) -> date:
    """A date column's value as the driver gives it (SQLite: the stored "2026-11-23"), as a date."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def plain_rows(session: Session, query: AnySelect) -> list[tuple[Any, ...]]:
    """Every row of `query`, as the driver's tuples, in this session's transaction."""
    return [row for batch in plain_batches(session, query) for row in batch]


def plain_batches(session: Session, query: AnySelect,
                  size: int = BATCH) -> Generator[list[tuple[Any, ...]], None, None]:
    """The rows of `query` a batch at a time (for a read that streams on to a file)."""
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    values = compiled.construct_params()
    processors = cast(dict[str, Callable[[Any], Any]], compiled._bind_processors)  # the types' own converters
    bound = {name: processors[name](value) if name in processors else value for name, value in values.items()}
    arguments: Any = [bound[name] for name in compiled.positiontup or ()] if compiled.positional else bound
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), arguments)
        while batch := cursor.fetchmany(size):
            yield batch
    finally:
        cursor.close()
