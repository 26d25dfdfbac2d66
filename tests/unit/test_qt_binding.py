"""The Qt binding must not corrupt Python's reference counts (PySide6 6.12.0 decremented None's on every
call of a method returning nothing, which kills a long session on Python 3.11)."""

import sys

from PySide6.QtCore import QRect


def test_void_methods_leave_the_refcount_of_none_alone():
    rect = QRect(0, 0, 1, 1)
    before = sys.getrefcount(None)
    for _ in range(2000):
        rect.setWidth(1)
    assert abs(sys.getrefcount(None) - before) < 50
