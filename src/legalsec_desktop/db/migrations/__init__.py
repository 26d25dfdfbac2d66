"""Alembic migrations of the legalsec-desktop schema."""
