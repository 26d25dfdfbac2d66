"""The schema revisions this version of the program knows, readable without importing Alembic.

A test checks these against the Alembic scripts, so start-up can decide "current, older or
newer" with the standard library alone and load Alembic only when a migration is due.
"""

KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012",
                   "0013")
HEAD_REVISION = KNOWN_REVISIONS[-1]
