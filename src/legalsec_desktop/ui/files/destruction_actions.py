"""The Files feature's destruction review and register in the Tools menu; their dialogs load when first opened.

Building the window must not load the database stack (tests/gui/test_window_imports.py): the dialogs, which use the
services, are imported inside the actions.
"""

from __future__ import annotations

from legalsec_desktop.ui.common.feature import Feature, Menu


def add_destruction_actions(feature: Feature) -> None:
    """Tools ▸ Destruction Review… and Destruction Register…."""

    def review() -> None:
        from legalsec_desktop.ui.files.destruction_dialog import DestructionReviewDialog

        if feature.usable():
            DestructionReviewDialog(feature.state, feature.shell.dialog_parent()).exec()

    def register() -> None:
        from legalsec_desktop.ui.files.destruction_register import DestructionRegisterDialog

        if feature.usable():
            DestructionRegisterDialog(feature.state, feature.shell.dialog_parent()).exec()

    feature.add_action("destruction_review", feature.tr("Destruction &Review…"), review, Menu.TOOLS, 250,
                       tip=feature.tr("Closed files whose retention has run: export the list, record a destruction"))
    feature.add_action("destruction_register", feature.tr("Destruction Re&gister…"), register, Menu.TOOLS, 260,
                       tip=feature.tr("Every destruction recorded, with its files; reprint a certificate"))
