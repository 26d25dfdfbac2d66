"""Fixtures of the command-line tests of the document store."""

import pytest
from documents_setup import new_matter

from legalsec_desktop.services.document_root import set_documents_root


@pytest.fixture
def docs_db(store, db_path, tmp_path, monkeypatch):
    """A database with one matter (2026-0001) and its documents folder `tmp_path / "root"`; the user's default
    documents folder inside `tmp_path`, never the real one's."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "home" / "Documents"))
    new_matter(store)
    set_documents_root(store, tmp_path / "root")
    (tmp_path / "root").mkdir()
    store.close()
    return db_path
