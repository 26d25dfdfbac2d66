"""Search across everything (Ctrl+K), and the background indexer that reads filed documents' text."""
