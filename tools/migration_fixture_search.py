"""The search index in a migration fixture (revision 0010 on): pruned after the shrink, then checked."""

from __future__ import annotations

import sqlite3


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


SEARCHED_KINDS = {"document": "document", "matter": "matter", "contact": "contact", "log": "communication"}


def prune_search(conn: sqlite3.Connection) -> None:
    """Take out of the search index the rows the shrink deleted (its triggers were set aside meanwhile)."""
    if "search_entry" not in {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}:
        return
    for kind, table in SEARCHED_KINDS.items():
        gone = (f"SELECT id FROM search_entry WHERE kind = '{kind}' "
                f"AND ref_id NOT IN (SELECT id FROM {quoted(table)})")
        conn.execute(f"DELETE FROM search_text WHERE rowid IN ({gone})")
        conn.execute(f"DELETE FROM search_entry WHERE id IN ({gone})")


def search_problems(conn: sqlite3.Connection) -> list[str]:
    """What is wrong with the search index: a row for nothing, a row without its text, a kind with no rows."""
    if "search_entry" not in {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}:
        return []
    problems = []
    try:
        conn.execute("INSERT INTO search_text (search_text) VALUES ('integrity-check')")  # FTS5's own check
    except sqlite3.DatabaseError as exc:
        problems.append(f"search_text: {exc}")
    problems += [f"search_entry {row[0]}: no text" for row in conn.execute(
        "SELECT id FROM search_entry WHERE id NOT IN (SELECT rowid FROM search_text)")]
    for kind, table in SEARCHED_KINDS.items():
        if not conn.execute("SELECT count(*) FROM search_entry WHERE kind = ?", (kind,)).fetchone()[0]:
            problems.append(f"the search index has no {kind}")
        problems += [f"search_entry {row[0]}: no {table} row" for row in conn.execute(
            f"SELECT id FROM search_entry WHERE kind = ? AND ref_id NOT IN (SELECT id FROM {quoted(table)})", (kind,))]
    return problems
