"""What a user action changed: the typed notice the shell broadcasts so each view refreshes what it shows."""

from __future__ import annotations

import enum


class Changed(enum.Flag):
    """Kinds of records an action touched; combine with `|`. `ALL` after a restore, a refresh or a new database."""

    NOTHING = 0
    MATTERS = enum.auto()
    PARTIES = enum.auto()
    CONTACTS = enum.auto()
    CONFLICTS = enum.auto()
    EVENTS = enum.auto()
    TIME = enum.auto()
    TIMERS = enum.auto()
    COMMUNICATIONS = enum.auto()
    FILES = enum.auto()
    FIRM = enum.auto()
    TODOS = enum.auto()
    DOCUMENTS = enum.auto()  # documents and e-mails of the document store, and their text in the search index
    ALL = (MATTERS | PARTIES | CONTACTS | CONFLICTS | EVENTS | TIME | TIMERS | COMMUNICATIONS | FILES | FIRM | TODOS
           | DOCUMENTS)

    def touches(self, other: Changed) -> bool:
        """True when this notice includes any kind in `other`."""
        return bool(self & other)
