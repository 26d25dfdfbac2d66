"""Backups, restore and the database check, as the shell offers them."""
