"""Work around a reference-count bug of this PySide6 build on Python 3.11.

PySide6 6.12's void methods (``QPainter.setPen``, ``QLabel.setText``, …) return ``None`` without
taking a reference to it. From Python 3.12 on ``None`` is immortal and that is harmless; on 3.11
every call takes one reference away, and after a few thousand calls (exporting a plot of 60k
points draws each one) Python aborts with "none_dealloc: deallocating None".

:func:`pin_none` gives ``None`` a reference count no session can exhaust (what 3.12 does with
immortal objects). It is idempotent and a no-op on 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

_PINNED = False
_AMOUNT = 1 << 40


def pin_none() -> None:
    global _PINNED
    if _PINNED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    ctypes.c_ssize_t.from_address(id(None)).value += _AMOUNT  # ob_refcnt is the first field of PyObject
    _PINNED = True


pin_none()
