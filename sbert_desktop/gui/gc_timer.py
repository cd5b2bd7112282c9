"""Python's cyclic garbage collector, run on the GUI thread at moments the app chooses.

Left automatic, a collection starts in whichever thread happens to allocate: in a training
thread it may destroy Qt objects off the GUI thread (Qt can crash), and, holding the GIL, it
freezes the window for as long as it runs. pyqtgraph ships the same idea
(``pyqtgraph.util.garbage_collector``); this one also reports the longest collection so a test
can see it.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer


class GuiGarbageCollector(QObject):
    """Disables automatic collection; a GUI-thread timer collects the generations that are due."""

    def __init__(self, interval_ms: int = 500, parent: QObject | None = None):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.longest = 0.0
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        count0, count1, count2 = gc.get_count()
        if count0 <= self.threshold[0]:
            return
        start = time.perf_counter()
        generation = 0
        if count1 > self.threshold[1]:
            generation = 2 if count2 > self.threshold[2] else 1
        gc.collect(generation)
        self.longest = max(self.longest, time.perf_counter() - start)

    def stop(self) -> None:
        """Back to automatic collection (tests, shutdown)."""
        self.timer.stop()
        if self._was_enabled:
            gc.enable()
