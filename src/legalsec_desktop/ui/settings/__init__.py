"""The firm's settings: firm, timekeepers and billing defaults."""
