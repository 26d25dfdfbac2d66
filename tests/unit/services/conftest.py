"""Fixtures of the document store's tests: a documents folder, and a matter to file into."""

import pytest
from documents_setup import new_matter


@pytest.fixture
def root(tmp_path):
    folder = tmp_path / "Legalsec Documents"
    folder.mkdir()
    return folder


@pytest.fixture
def matter_id(store):
    return new_matter(store)
