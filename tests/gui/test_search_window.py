"""The search window: Ctrl+K opens it, typing finds matters, documents, e-mails, log entries and contacts grouped
by matter, one matter only, Enter opens the hit chosen, and the keyboard alone does it all."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from legalsec_desktop.db.store import open_store
from legalsec_desktop.services.document_root import set_documents_root
from legalsec_desktop.ui.common.navigation import TabKey
from legalsec_desktop.ui.search.search_feature import SearchFeature
from legalsec_desktop.ui.search.search_model import HIT_ROLE, HTML_ROLE, SearchResultsModel
from legalsec_desktop.ui.search.search_rows import TYPE_A_WORD, rows_of
from search_setup import build


@pytest.fixture
def root(tmp_path):
    return tmp_path / "Legalsec Documents"


@pytest.fixture
def practice_window(make_window, db_path, root):
    store = open_store(db_path)
    try:
        practice = build(store, root)
        set_documents_root(store, root)
    finally:
        store.close()
    window = make_window(db_path)
    return window, practice


def searched(qtbot, search_window, words: str):  # noqa: ANN001, ANN201
    """Type `words` into the box as a user does, and wait for the answer."""
    search_window.box.clear()
    qtbot.keyClicks(search_window.box, words)
    qtbot.waitUntil(lambda: not search_window._timer.isActive() and not search_window.pending)
    return [row.text.split("\n")[0] for row in search_window.model.rows]


def opened_window(qtbot, window):  # noqa: ANN001, ANN201
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    search = window.feature(SearchFeature).window
    assert search is not None and search.isVisible()
    qtbot.waitUntil(search.isActiveWindow)
    return search


def test_ctrl_k_opens_the_search_ready_for_typing(qtbot, practice_window):
    window, _ = practice_window
    search = opened_window(qtbot, window)
    assert window.action("search").shortcut().toString() == "Ctrl+K"
    assert search.box.hasFocus() and search.status.text() == TYPE_A_WORD
    assert search.model.rowCount() == 0


def test_typing_finds_matters_and_documents_grouped_by_matter(qtbot, practice_window):
    window, _ = practice_window
    search = opened_window(qtbot, window)
    assert searched(qtbot, search, "extension") == [
        "2026-0001 — Rivera v. Okafor",
        "E-mail — RE: extension · Thu 11/12/2026",
        "Document — Letter from opposing counsel re extension · Tue 11/10/2026",
        "Log entry — Call about the extension · Mon 11/02/2026",
        "2026-0002 — Lease of Elm Street",
        "Document — Notice of lease extension · Wed 11/11/2026",
        "Contacts",
        "Contact — Greta Extensionist",
    ]
    assert search.status.text() == "5 matches in 2 matters for “extension”."
    assert searched(qtbot, search, "elm") == ["2026-0002 — Lease of Elm Street",
                                              "Matter — 2026-0002 Lease of Elm Street · Sun 03/01/2026"]
    assert searched(qtbot, search, "zebra") == [] and search.status.text() == "No matches for “zebra”."
    assert searched(qtbot, search, "?!") == [] and "Punctuation alone" in search.status.text()


def test_the_matched_words_are_bold_and_everything_else_escaped(qtbot, practice_window):
    window, practice = practice_window
    store = window.state.require_store()
    from search_setup import add_document

    add_document(store, practice.rivera, "<b>Not bold</b> & <script>x</script>", "plain <i>markup</i> here",
                  date(2026, 11, 20))
    search = opened_window(qtbot, window)
    searched(qtbot, search, "markup")
    shown = search.model.index(1, 0).data(HTML_ROLE)
    assert "&lt;b&gt;Not bold&lt;/b&gt; &amp; &lt;script&gt;" in shown
    assert "plain &lt;i&gt;<b>markup</b>&lt;/i&gt; here" in shown
    assert "<script>" not in shown and "<i>" not in shown


def test_this_matter_only_follows_the_matters_tab(qtbot, practice_window):
    window, practice = practice_window
    feature = window.feature(SearchFeature)
    feature.selected_matter = lambda: practice.lease
    search = opened_window(qtbot, window)
    assert search.this_matter.isEnabled()
    searched(qtbot, search, "extension")
    search.this_matter.setChecked(True)
    qtbot.waitUntil(lambda: not search.pending)
    assert [row.text.split("\n")[0] for row in search.model.rows] == [
        "2026-0002 — Lease of Elm Street", "Document — Notice of lease extension · Wed 11/11/2026"]
    search.close()
    feature.selected_matter = lambda: None
    search = opened_window(qtbot, window)
    assert not search.this_matter.isEnabled() and not search.this_matter.isChecked()


def test_enter_opens_a_document_with_the_systems_program(qtbot, practice_window, root, monkeypatch):
    window, _ = practice_window
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    search = opened_window(qtbot, window)
    searched(qtbot, search, "letter opposing")
    qtbot.keyClick(search.box, Qt.Key.Key_Return)
    assert opened == [str(root / "2026-0001 Rivera v. Okafor" /
                          "2026-11-10 Letter from opposing counsel re extension.txt")]
    assert not search.isVisible()


def test_a_missing_file_is_a_clear_message(qtbot, practice_window, root, monkeypatch, message_boxes):
    window, _ = practice_window
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: pytest.fail("a missing file was opened"))
    (root / "2026-0002 Lease of Elm Street" / "2026-11-11 Notice of lease extension.txt").unlink()
    search = opened_window(qtbot, window)
    searched(qtbot, search, "notice")
    qtbot.keyClick(search.results, Qt.Key.Key_Return)
    assert len(message_boxes) == 1 and "is not in the documents folder" in message_boxes[0][1]
    assert search.isVisible()


def test_enter_on_a_matter_shows_it_on_the_matters_tab(qtbot, practice_window):
    window, practice = practice_window
    search = opened_window(qtbot, window)
    searched(qtbot, search, "elm street")
    with qtbot.waitSignal(window.state.navigation_requested) as sent:
        qtbot.keyClick(search.box, Qt.Key.Key_Enter)
    assert (sent.args[0].tab, sent.args[0].matter_id) == (TabKey.MATTERS, practice.lease)
    assert window.current_tab() == TabKey.MATTERS
    assert not search.isVisible()
    matters = window.tab(TabKey.MATTERS)  # the matter chosen, its overview shown; the list not filtered to it
    assert matters.current_matter_id() == practice.lease and matters.filter_box.text() == ""
    assert matters.detail.matter_id == practice.lease


def test_show_more_shows_older_matches_and_keeps_the_one_chosen(qtbot, practice_window, monkeypatch):
    from legalsec_desktop.ui.search import search_window

    monkeypatch.setattr(search_window, "LIMIT", 2)
    window, _ = practice_window
    search = opened_window(qtbot, window)
    search.limit = 2
    searched(qtbot, search, "extension")
    assert len(search.model.hit_rows()) == 2 and search.more.isVisible()
    assert "the newest 2" in search.status.text()
    search.step(1)
    chosen = search.current_hit()
    search.more.click()
    qtbot.waitUntil(lambda: not search.pending)
    assert len(search.model.hit_rows()) == 4 and search.more.isVisible() and search.current_hit() == chosen
    search.show_more()
    qtbot.waitUntil(lambda: not search.pending)
    assert len(search.model.hit_rows()) == 5 and not search.more.isVisible()  # all five: no more to show
    searched(qtbot, search, "exten")  # new words: the newest first again
    assert len(search.model.hit_rows()) == 2


def test_ticking_this_matter_only_leaves_the_keyboard_in_the_box(qtbot, practice_window):
    window, practice = practice_window
    window.feature(SearchFeature).selected_matter = lambda: practice.lease
    search = opened_window(qtbot, window)
    searched(qtbot, search, "extension")
    qtbot.mouseClick(search.this_matter, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not search.pending)
    assert search.this_matter.isChecked() and search.box.hasFocus()


def test_a_log_entry_and_a_contact_open_in_their_dialogs(qtbot, practice_window, monkeypatch):
    window, practice = practice_window
    from legalsec_desktop.ui.correspondence import log_dialog
    from legalsec_desktop.ui.matters import contact_dialog

    shown = []
    monkeypatch.setattr(log_dialog.LogDialog, "exec", lambda self: shown.append(("log", self.entry_id)) or 0)
    monkeypatch.setattr(contact_dialog.ContactDialog, "exec",
                        lambda self: shown.append(("contact", self.contact_id)) or 0)
    search = opened_window(qtbot, window)
    searched(qtbot, search, "call extension")
    qtbot.keyClick(search.box, Qt.Key.Key_Return)
    search = opened_window(qtbot, window)
    searched(qtbot, search, "greta")
    qtbot.keyClick(search.box, Qt.Key.Key_Return)
    assert shown == [("log", practice.log), ("contact", practice.contact)]


def test_the_keyboard_alone_chooses_past_the_headings_and_esc_closes(qtbot, practice_window):
    window, practice = practice_window
    search = opened_window(qtbot, window)
    searched(qtbot, search, "extension")
    chosen = []
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down,
                Qt.Key.Key_Up):
        qtbot.keyClick(search.box, key)
        hit = search.current_hit()
        chosen.append((hit.kind, hit.ref_id))
    assert chosen == [("document", practice.letter), ("log", practice.log), ("document", practice.notice),
                      ("contact", practice.contact), ("contact", practice.contact), ("document", practice.notice)]
    assert search.box.hasFocus()  # typing goes on where it was
    qtbot.keyClick(search.box, Qt.Key.Key_Escape)
    assert not search.isVisible()


def test_enter_typed_before_the_answer_opens_the_first_hit_once_it_comes(qtbot, practice_window, monkeypatch):
    window, practice = practice_window
    from legalsec_desktop.ui.matters import contact_dialog

    shown = []
    monkeypatch.setattr(contact_dialog.ContactDialog, "exec", lambda self: shown.append(self.contact_id) or 0)
    search = opened_window(qtbot, window)
    qtbot.keyClicks(search.box, "greta")
    qtbot.keyClick(search.box, Qt.Key.Key_Return)  # at once: the search has not run yet
    qtbot.waitUntil(lambda: shown == [practice.contact])


def test_the_results_model_passes_the_model_tester(qtmodeltester, store):
    from legalsec_desktop.services.search import search_everything

    build(store)
    model = SearchResultsModel()
    model.set_rows(rows_of(search_everything(store, "extension")))
    qtmodeltester.check(model)
    assert model.index(0, 0).data(HIT_ROLE) is None and model.index(1, 0).data(HIT_ROLE) is not None
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_a_double_click_opens_the_hit_and_a_heading_opens_nothing(qtbot, practice_window, monkeypatch):
    window, practice = practice_window
    from legalsec_desktop.ui.matters import contact_dialog

    shown = []
    monkeypatch.setattr(contact_dialog.ContactDialog, "exec", lambda self: shown.append(self.contact_id) or 0)
    search = opened_window(qtbot, window)
    searched(qtbot, search, "greta")
    view = search.results
    heading, hit = (view.visualRect(search.model.index(row, 0)).center() for row in (0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=hit)  # Qt's test double click needs a press
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=hit)
    assert shown == [practice.contact]
    search = opened_window(qtbot, window)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=heading)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=heading)
    assert shown == [practice.contact] and search.isVisible()


def test_letters_of_other_alphabets_are_typed_as_any_other(qtbot, practice_window):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    window, _ = practice_window
    search = opened_window(qtbot, window)
    for letter in "Жук":  # Cyrillic: key codes beyond the Latin ones
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(search.box, QKeyEvent(kind, ord(letter.upper()), Qt.KeyboardModifier.NoModifier,
                                                         letter))
    assert search.box.text() == "Жук"
    qtbot.waitUntil(lambda: not search._timer.isActive() and not search.pending)
    assert search.status.text() == "No matches for “Жук”."
