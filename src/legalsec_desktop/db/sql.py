"""SQL that each database spells its own way, behind one portable expression (services never write it)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class _JoinedDistinct(FunctionElement[str]):
    """The distinct values of a column within a group, joined by commas (NULL when the group has none)."""

    name = "joined_distinct"
    type = String()
    inherit_cache = True


@compiles(_JoinedDistinct)
def _joined_sqlite(element: _JoinedDistinct, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite's group_concat takes no separator with DISTINCT; its separator is ",".
    return f"group_concat(DISTINCT {compiler.process(element.clauses, **kw)})"


@compiles(_JoinedDistinct, "postgresql")
def _joined_postgresql(element: _JoinedDistinct, compiler: SQLCompiler, **kw: Any) -> str:
    return f"string_agg(DISTINCT {compiler.process(element.clauses, **kw)}, ',')"


def joined_distinct(column: SQLColumnExpression[str]) -> ColumnElement[str]:
    """An aggregate: the group's distinct values of `column`, comma-separated, in the database's own spelling."""
    return _JoinedDistinct(column)
