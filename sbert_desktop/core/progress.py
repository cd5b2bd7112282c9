"""Progress reporting and cooperative cancellation for long jobs.

Core functions take ``progress: ProgressCallback | None`` and ``cancel: CancelToken | None``.
They call ``progress(Progress(...))`` from the thread they run on (the GUI forwards it through a
queued signal) and call ``cancel.raise_if_cancelled()`` at safe points, which raises
:class:`Cancelled`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional


class Cancelled(Exception):
    """Raised inside a job when its cancel token was triggered."""


class CancelToken:
    """A thread-safe flag a GUI or a signal handler sets and a job polls."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


@dataclass
class Progress:
    """One progress event: ``done`` of ``total`` units of ``stage``.

    ``info`` carries stage-specific values (for training: loss, learning rate, epoch, dev metrics).
    """

    done: int
    total: int
    stage: str = ""
    info: dict[str, Any] = field(default_factory=dict)
    elapsed: float = 0.0

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def eta(self) -> Optional[float]:
        """Seconds left at the average rate so far, or None before any unit finished."""
        if self.done <= 0 or self.total <= 0 or self.elapsed <= 0:
            return None
        return self.elapsed / self.done * (self.total - self.done)


ProgressCallback = Callable[[Progress], None]


class ProgressReporter:
    """Wraps a callback: stamps elapsed time and throttles to at most ``rate`` events a second.

    The first and the last event (``done == total``) always go through.
    """

    def __init__(self, callback: ProgressCallback | None, total: int, stage: str = "", rate: float = 10.0):
        self.callback = callback
        self.total = total
        self.stage = stage
        self.min_interval = 1.0 / rate if rate > 0 else 0.0
        self.start = time.perf_counter()
        self._last = -1e9

    def __call__(self, done: int, force: bool = False, **info: Any) -> None:
        if self.callback is None:
            return
        now = time.perf_counter()
        if not force and done < self.total and now - self._last < self.min_interval:
            return
        self._last = now
        self.callback(Progress(done, self.total, self.stage, info, now - self.start))


def check(cancel: CancelToken | None) -> None:
    """``cancel.raise_if_cancelled()`` that accepts None."""
    if cancel is not None:
        cancel.raise_if_cancelled()
