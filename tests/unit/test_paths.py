"""Where the program keeps things by default: the documents root in the user's Documents folder."""

from legalsec_desktop import paths


def test_the_default_documents_root_is_a_folder_in_the_users_documents(private_dirs):
    assert paths.default_documents_root() == private_dirs / "Documents" / "Legalsec Documents"
    assert not paths.default_documents_root().exists()  # made when the first document is filed, not when asked
