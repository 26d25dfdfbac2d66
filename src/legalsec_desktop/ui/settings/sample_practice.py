"""The sample practice one click away: built in a file of its own, then opened in a window of its own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from legalsec_desktop import paths
from legalsec_desktop.clock import Clock
from legalsec_desktop.ui.common import window_process
from legalsec_desktop.ui.common.errors import show_problem
from legalsec_desktop.ui.common.worker import run_and_wait
from legalsec_desktop.ui.single_instance import notify_running


def _tr(text: str) -> str:
    return QCoreApplication.translate("SamplePractice", text)


def sample_tip() -> str:
    """What the sample practice is, for a button's or a menu entry's tip."""
    return _tr("A made-up firm with matters, deadlines, time and letters, dated today. It opens in a window of its "
               "own; your own database is not touched.")


def bring_sample_forward() -> bool:
    """Ask a window already open on the sample practice to come to the front; True if one did."""
    return notify_running(paths.instance_address(paths.sample_db_path()))


def open_sample_practice(parent: QWidget, clock: Clock) -> bool:
    """Show the sample practice: its open window brought forward, or a new sample (dated today) built and opened in
    a window of its own. True when a window shows it (or is starting); a problem is said plainly, and False."""
    from legalsec_desktop.services import demo_practice  # the database stack: not before the window is shown

    if bring_sample_forward():
        return True
    try:
        run_and_wait(parent, _tr("Building the sample practice…"),
                     lambda progress: demo_practice.build_sample(clock, progress))
        window_process.start_window(paths.sample_db_path())
    except demo_practice.SampleInUseError as exc:
        if bring_sample_forward():  # its window was still starting when first asked
            return True
        show_problem(parent, exc, _tr("The sample practice cannot be opened"))
        return False
    except Exception as exc:  # noqa: BLE001 - said plainly (or, for a bug, in the error dialog); nothing is lost
        show_problem(parent, exc, _tr("The sample practice cannot be opened"))
        return False
    return True
