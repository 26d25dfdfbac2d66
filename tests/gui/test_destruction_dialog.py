"""Tools ▸ Destruction Review… and Destruction Register…: ticking, recording with confirmation, certificates."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from destruction_setup import build
from legalsec_desktop import paths
from legalsec_desktop.clock import Clock
from legalsec_desktop.db.store import open_store
from legalsec_desktop.services import destruction
from legalsec_desktop.ui.common.app_state import AppState
from legalsec_desktop.ui.files import destruction_dialog
from legalsec_desktop.ui.files.destruction_dialog import DestructionReviewDialog, RecordDestructionDialog
from legalsec_desktop.ui.files.destruction_model import REASON
from legalsec_desktop.ui.files.destruction_register import DestructionRegisterDialog

SHOTS = os.environ.get("LEGALSEC_SHOTS", "")  # a folder to save the dialogs' pictures in, to look at them


@pytest.fixture
def state(db_path, qtbot):  # noqa: ANN001, ANN201
    store = open_store(db_path)
    practice = build(store)
    app_state = AppState(db_path, paths.backup_dir(db_path), clock=Clock(datetime(2026, 11, 23, 9, 30)))
    app_state.set_store(store)
    app_state.practice = practice
    yield app_state
    app_state.set_store(None)


def shot(widget, name: str) -> None:  # noqa: ANN001
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_the_review_greys_the_files_held_back_and_ticks_only_those_that_may_go(state, qtbot, qtmodeltester) -> None:  # noqa: ANN001
    dialog = DestructionReviewDialog(state)
    qtbot.addWidget(dialog)
    dialog.load()
    model = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == 4 and not dialog.record_button.isEnabled()
    held = next(row for row, line in enumerate(model.lines) if line.label == "Estate plan")
    assert not model.flags(model.index(held, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(model.index(held, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(held, REASON)).startswith("It is on legal hold")
    assert not model.setData(model.index(held, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.tick_all.click()
    assert {line.label for line in model.ticked_lines()} == {"Correspondence", "Pleadings"}
    assert dialog.record_button.isEnabled() and "2 ticked" in dialog.summary.text()
    dialog.show()
    shot(dialog, "destruction_review")
    dialog.as_of.set_date(datetime(2020, 1, 1).date())
    dialog.refresh()
    assert model.rowCount() == 0 and not dialog.record_button.isEnabled()


def test_recording_asks_first_and_then_offers_the_certificate(state, qtbot, monkeypatch, message_boxes) -> None:  # noqa: ANN001
    dialog = DestructionReviewDialog(state)
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.model.tick_all(True)
    changes, offered = [], []
    state.data_changed.connect(changes.append)

    def fill_and_accept(record: RecordDestructionDialog) -> int:
        assert record.approver.count() == 3 and record.approver.currentData() == ""  # chosen on purpose
        record.approver.setCurrentIndex(record.approver.findData("MAH"))
        record.method.setCurrentText("Shredding company")
        record.destroyed_by.setText("Shred-It Chicago")
        record.witness.setText("Pat Lee")
        record.show()
        shot(record, "record_destruction")
        record.accept()
        return record.result()

    monkeypatch.setattr(RecordDestructionDialog, "exec", fill_and_accept)
    monkeypatch.setattr(destruction_dialog, "offer_certificate", lambda _p, _s, batch: offered.append(batch))
    dialog.record()
    assert any("cannot be undone" in text for _kind, text in message_boxes)
    assert [batch.certificate_number for batch in offered] == ["D-2026-0001"]
    assert offered[0].method == "Shredding company" and offered[0].file_count == 2
    assert changes and dialog.model.rowCount() == 2  # the two destroyed files left the list


def test_saying_no_records_nothing(state, qtbot, monkeypatch) -> None:  # noqa: ANN001
    lines = [line for line in destruction.review(state.require_store()) if line.may_destroy]
    record = RecordDestructionDialog(state, lines)
    qtbot.addWidget(record)
    record.destroyed_by.setText("Me")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    record.accept()
    assert record.batch is None and record.result() != QDialog.DialogCode.Accepted
    assert destruction.register(state.require_store()) == []


def test_a_problem_is_shown_beside_its_field(state, qtbot, message_boxes) -> None:  # noqa: ANN001
    lines = [line for line in destruction.review(state.require_store()) if line.may_destroy]
    record = RecordDestructionDialog(state, lines)
    qtbot.addWidget(record)
    record.accept()  # no attorney chosen: asked for before anything else, and before the question
    assert record.batch is None and record.errors.labels["approved_by"].text().startswith("Enter the initials")
    record.approver.setCurrentIndex(record.approver.findData("MAH"))
    record.accept()  # nobody named as having destroyed them
    assert record.batch is None and record.errors.labels["destroyed_by"].text().startswith("Say who destroyed")
    record.destroyed_by.setText("Me")
    record.destroyed_on.edit.setText("11/01/2026")  # before the approval (today)
    record.accept()
    assert "must come on or before" in record.errors.labels["approved_on"].text()
    assert not any("cannot be undone" in text for _kind, text in message_boxes)  # never asked to confirm
    record.destroyed_on.edit.setText("11/24/2026")
    record.accept()
    assert "has not come yet" in record.errors.labels["destroyed_on"].text()
    assert destruction.register(state.require_store()) == []


def test_the_register_lists_batches_and_saves_a_certificate(state, qtbot, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    files = state.practice.files
    store = state.require_store()
    today = state.clock.today()
    destruction.destroy(store, [files["Correspondence"], files["Pleadings"]], "MAH", today, today,
                        "Shredded on site", "Shred-It", "Pat Lee")
    dialog = DestructionRegisterDialog(state)
    qtbot.addWidget(dialog)
    dialog.load()
    assert dialog.tree.topLevelItemCount() == 1
    top = dialog.tree.topLevelItem(0)
    assert top.text(0) == "D-2026-0001" and top.childCount() == 2 and top.text(6) == "2"
    assert dialog.print_button.isEnabled()
    dialog.show()
    shot(dialog, "destruction_register")
    target = tmp_path / "certificate.pdf"
    monkeypatch.setattr("legalsec_desktop.ui.common.report_print.ask_save_path", lambda *_a: target)
    dialog.save_chosen()
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(str(target)).pages))
    text = text.replace("\ufb01", "fi")  # the PDF's "fi" ligature
    assert "Certificate of Destruction" in text and "D-2026-0001" in text and "Mary Hale (MAH)" in text
    assert state.practice.barcodes["Correspondence"] in text


def test_the_actions_are_in_the_tools_menu(make_window) -> None:  # noqa: ANN001
    window = make_window()
    names = {action.objectName() for action in window.findChildren(QAction)}
    assert {"destruction_review", "destruction_register"} <= names


def test_a_file_not_yet_due_is_refused_before_the_question(state, qtbot, message_boxes) -> None:  # noqa: ANN001
    store = state.require_store()
    lease = [line for line in destruction.review(store, as_of=datetime(2031, 12, 31).date())
             if line.label == "Lease"]  # due in 2031: listed for a review run ahead, not destroyable today
    assert lease
    record = RecordDestructionDialog(state, lease)
    qtbot.addWidget(record)
    record.approver.setCurrentIndex(record.approver.findData("MAH"))
    record.destroyed_by.setText("Shred-It")
    record.accept()
    assert record.batch is None
    assert [kind for kind, _text in message_boxes] == ["warning"]  # the refusal, and no "cannot be undone" question
    assert "Its retention runs until" in message_boxes[0][1]
