"""WealthDesk: the desk application of a bank branch's wealth-management room."""

import sys

__version__ = "0.1.0"
APP_NAME = "WealthDesk"
ORG_NAME = "WealthDesk"


def _make_none_immortal() -> None:
    """Work around reference-count bugs in PySide6 6.12.0.

    Each time Qt hands Python an invalid QVariant (model data for an unset role,
    QSettings.value for a missing key, QComboBox.currentData of an empty item…), PySide6
    returns ``None`` without taking a reference to it. On Python 3.11, where ``None`` is
    an ordinary object, a few thousand such calls bring its count to zero and the
    process dies with "Fatal Python error: none_dealloc". Python 3.12 made ``None``
    immortal; this gives 3.11 the same guarantee by raising its count out of reach.
    ``tests/test_qt_none_refcount.py`` guards it.
    """
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return  # immortal already / a debug build keeps other books
    import ctypes

    # The same release returns the result of ``Signal.emit()`` (True or False) without a
    # reference, so every emit from Python costs ``True`` or ``False`` one: a busy
    # queue page emits that many within minutes.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 48


_make_none_immortal()
