"""The window's state names its database by location; the file path is there for what only a file has."""

import pytest

from legalsec_desktop.services.database import SqliteFile
from legalsec_desktop.ui.common.app_state import AppState


def test_app_state_speaks_of_the_location(qapp, tmp_path):
    state = AppState(SqliteFile(tmp_path / "practice.db"), tmp_path / "backups")
    assert state.location == SqliteFile(tmp_path / "practice.db") and state.db_path == tmp_path / "practice.db"
    assert AppState(tmp_path / "practice.db", tmp_path / "backups").location == state.location  # a path: a file


def test_require_store_refuses_plainly_until_a_database_is_open(qapp, tmp_path):
    state = AppState(SqliteFile(tmp_path / "practice.db"), tmp_path / "backups")
    with pytest.raises(RuntimeError, match="no database is open"):
        state.require_store()
    store = object()  # what a dialog gets is the very store the state holds
    state.store = store
    assert state.require_store() is store
