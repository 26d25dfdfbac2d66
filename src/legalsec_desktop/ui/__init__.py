"""The PySide6 shell: windows, tabs, dialogs and item models."""
