"""Apply Alembic migrations programmatically (imported only when a migration is due).

Migrated the way SQLite's documentation ("Making Other Kinds Of Table Schema Changes") and Zotero
do it: foreign keys off for the whole upgrade, so that the table rebuilds of batch mode cannot
cascade deletes into child tables; `PRAGMA foreign_key_check` must be empty before the commit;
every step in one transaction, so an upgrade is done whole or not at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from legalsec_desktop.db.store import WRITE_OPTION, raw_sqlite
from legalsec_desktop.domain.errors import UserFixableError

SCRIPT_LOCATION = "legalsec_desktop.db:migrations"
Progress = Callable[[str, int, int], object]


class MigrationCheckError(UserFixableError):
    """The upgraded schema failed its foreign-key check; nothing was committed."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def pending_steps(current: str | None, target: str = "head") -> list[tuple[str, str]]:
    """(revision, one-line description) of each migration from `current` to `target`, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    steps = list(script.iterate_revisions(target, current))
    return [(rev.revision, (rev.doc or "").split(":")[0].strip()) for rev in reversed(steps)]


def upgrade_to_head(engine: Engine, revision: str = "head", progress: Progress | None = None) -> None:
    """Bring the schema up to `revision`, all in one transaction, foreign keys off until it is checked."""
    config = alembic_config()
    with engine.connect() as connection:
        raw = raw_sqlite(connection)
        # Must run outside any transaction (inside one SQLite ignores it); SQLAlchemy has not begun one yet.
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            connection.execution_options(**{WRITE_OPTION: True})  # BEGIN IMMEDIATE: no writer sneaks in
            with connection.begin():
                current = connection.exec_driver_sql(
                    "SELECT version_num FROM alembic_version"
                ).scalar() if _has_version_table(connection) else None
                steps = pending_steps(current, revision)
                config.attributes["connection"] = connection
                config.attributes["on_step"] = _reporter(steps, progress)
                # Rows that pointed nowhere before the upgrade are not its doing: only new ones stop it.
                before = _orphans(connection)
                command.upgrade(config, revision)
                broken = _orphans(connection) - before
                if broken:
                    (table, parent), count = next(iter(broken.items()))
                    raise MigrationCheckError(
                        f"The upgrade was stopped and the database left as it was: it would have left {count} "
                        f"more {table} row(s) pointing to missing {parent} rows. "
                        "Keep using the previous version of the program and contact support."
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def _orphans(connection: Connection) -> Counter[tuple[str, str]]:
    """How many rows of each (table, parent table) point to a missing row (rowids may change in a rebuild)."""
    return Counter((table, parent) for table, _rowid, parent, _ in
                   connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall())


def _has_version_table(connection: Connection) -> bool:
    return connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first() is not None


def _reporter(steps: list[tuple[str, str]], progress: Progress | None) -> Callable[..., None]:
    """Alembic's on_version_apply hook: say which step is done, and which is next."""
    names = {rev: text for rev, text in steps}
    order = [rev for rev, _ in steps]
    total = len(steps)
    if progress is not None and steps:
        progress(f"Upgrading the database, step 1 of {total}: {steps[0][1]}", 0, total)

    def on_step(*, step: Any, **_kwargs: Any) -> None:
        if progress is None:
            return
        done_rev = step.up_revision_id
        done = order.index(done_rev) + 1 if done_rev in names else 0
        if done < total:
            progress(f"Upgrading the database, step {done + 1} of {total}: {names[order[done]]}", done, total)
        else:
            progress("Upgrading the database: checking that every row is still in place", done, total)

    return on_step


def script_revisions() -> list[str]:
    """All revision ids, oldest first (used by a test to keep schema_version.py honest)."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]
