"""The Qt window of SBERT Desktop.

Everything Qt lives here; :mod:`sbert_desktop.core` never imports this package. PySide6 is
imported before pyqtgraph anywhere in this package so that pyqtgraph binds to it.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import PySide6.QtCore  # noqa: E402,F401  (bind pyqtgraph to PySide6 before anyone imports it)
