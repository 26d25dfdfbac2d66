"""Shared pieces of the shell: the id-list model, list tab, fields, form errors, undo, the task runner, save paths."""
