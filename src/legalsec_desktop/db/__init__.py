"""The SQLite store: engine and pragmas, models, migrations, backups."""
