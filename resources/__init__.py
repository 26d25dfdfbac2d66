"""Icons and data files that ship with legalsec-desktop."""
