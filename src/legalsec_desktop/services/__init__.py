"""Use cases: one transaction per user action, plain data out."""
