"""Helpers the screenshot scripts share: wait on the real window without blocking its events."""

from __future__ import annotations

import time


def wait_for(app, predicate, timeout: float, what: str = "the window") -> None:
    """Process events until ``predicate()`` holds; TimeoutError after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.01)


def run_job(app, job, what: str, timeout: float = 600) -> None:
    """Wait for a window job to end; raise with its traceback unless it succeeded."""
    if job is None:
        return
    wait_for(app, lambda: not job.running, timeout, what)
    if job.status != "succeeded":
        raise RuntimeError(f"{what} ended with {job.status}: {job.failure and job.failure.traceback}")
