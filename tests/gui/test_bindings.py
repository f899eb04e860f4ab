"""The Qt bindings must not leak references to None/True/False.

PySide6-Essentials 6.12.0 on Python 3.11 drops one reference to None on every call of a
void method and one to True/False on every Signal.disconnect(); a few thousand calls
abort the interpreter ("none_dealloc"). pyproject.toml keeps that release out; this test
fails if a version with the bug comes back."""
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont


class _Emitter(QObject):
    fired = Signal()


def test_void_methods_and_disconnect_keep_reference_counts(qapp):
    font = QFont()
    emitter = _Emitter()

    def handler():
        pass

    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(200):
        font.setBold(True)
        emitter.fired.connect(handler)
        emitter.fired.disconnect(handler)
    if sys.version_info < (3, 12):    # 3.12+: None and True are immortal, counts are meaningless
        assert abs(sys.getrefcount(None) - none_before) < 50
        assert abs(sys.getrefcount(True) - true_before) < 50
