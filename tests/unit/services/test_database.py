"""Opening through the service: an older schema is backed up before it is migrated."""

import sqlite3

from legalsec_desktop.db import sqlite_file
from legalsec_desktop.db.backup import list_backups
from legalsec_desktop.db.migrate import upgrade_to_head
from legalsec_desktop.db.store import make_engine
from legalsec_desktop.services.database import open_database


def test_an_older_schema_is_backed_up_then_migrated(db_path, tmp_path):
    engine = make_engine(db_path)
    upgrade_to_head(engine, "0001")  # a file as the first version left it
    engine.dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("INSERT INTO contact (is_organization, name, sort_name, address, phone, email, notes, "
                           "is_client) VALUES (1, 'ACME Incorporated', 'ACME Incorporated', '', '', '', '', 1)")
    connection.close()
    folder = tmp_path / "backups"
    opened = open_database(db_path, folder)
    opened.close()
    made = list_backups(folder)
    assert len(made) == 1 and made[0].reason == "pre-migrate"
    assert sqlite_file.check_database(made[0].path) == []
    with sqlite3.connect(db_path) as connection:  # 0002 filled the conflict-check keys of existing names
        assert connection.execute("SELECT match_key FROM contact").fetchone() == ("acme",)
    connection.close()


def test_a_current_schema_is_opened_without_a_backup(db_path, tmp_path):
    open_database(db_path, tmp_path / "b").close()
    open_database(db_path, tmp_path / "b").close()
    assert list_backups(tmp_path / "b") == []
