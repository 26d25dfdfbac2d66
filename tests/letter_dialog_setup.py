"""The New Letter dialog opened on a window's matter and its questions answered, for the GUI tests."""

from __future__ import annotations

from typing import Any


def open_letter_dialog(window: Any, qtbot: Any, **kwargs: Any) -> Any:
    """A loaded LetterDialog on `window.matter_id` (or `matter_id=`), closed with the test."""
    from legalsec_desktop.ui.correspondence.letter_dialog import LetterDialog

    dialog = LetterDialog(window.state, window, kwargs.pop("matter_id", window.matter_id), **kwargs)
    qtbot.addWidget(dialog)
    dialog.load()
    return dialog


def answer_all(dialog: Any, text: str = "Smith & Sons <Ltd>") -> None:
    """Every question of the chosen template answered: a date, an amount, a number, the first choice, or `text`."""
    for ask in dialog.asks.asks:
        value = {"date": "12/3/2026", "amount": "1500", "number": "3"}.get(ask.kind, text)
        dialog.asks.set_answer(ask.name, ask.choices[0] if ask.kind == "choice" else value)
