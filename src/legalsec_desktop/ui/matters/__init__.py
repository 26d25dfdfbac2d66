"""The Matters feature: the matters tab, a matter's overview, matters, parties, contacts and conflict checks."""
