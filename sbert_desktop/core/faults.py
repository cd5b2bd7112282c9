"""Fault injection at save boundaries, for tests of what a kill or a full disk leaves behind.

Every multi-step save calls :func:`boundary` with a name between its steps (``atomic.rename``,
``checkpoint.model``, ``publish.swap``, ``cache.keys``, ``workspace.manifest``, ...). Normally
nothing happens. A test installs a hook with :func:`inject`; the hook may raise
:class:`SimulatedKill` (the process "dies" there: savers skip their clean-up, as a real ``kill -9``
would) or an ``OSError(ENOSPC)`` (a full disk: savers clean up as they do for any error).
"""

from __future__ import annotations

import contextlib
import threading
from typing import Callable, Iterator, Optional

_hook: Optional[Callable[[str], None]] = None
_lock = threading.Lock()


class SimulatedKill(BaseException):
    """Raised by a test hook to stand for ``kill -9`` at a boundary (not an ``Exception``: nothing
    catches it by accident)."""


def boundary(name: str) -> None:
    """A point between two steps of a save; calls the installed hook, if any."""
    hook = _hook
    if hook is not None:
        hook(name)


def is_kill(exc: BaseException) -> bool:
    """True for a simulated kill: a killed process runs no clean-up, so savers skip theirs."""
    return isinstance(exc, SimulatedKill)


@contextlib.contextmanager
def inject(hook: Callable[[str], None]) -> Iterator[None]:
    """Install ``hook`` for the duration of the block (tests only)."""
    global _hook
    with _lock:
        previous, _hook = _hook, hook
    try:
        yield
    finally:
        with _lock:
            _hook = previous
