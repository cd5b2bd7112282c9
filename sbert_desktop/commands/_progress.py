"""A text progress bar on stderr for CLI commands; an instance is a ``ProgressCallback``.

::

    with ProgressBar("encoding") as bar:
        emb = model.encode(sentences, progress=bar)

On a terminal one line is redrawn in place (at most ``rate`` times a second) showing the label,
the stage, a bar, done/total, units per second and the time left; a new stage starts a new line.
When stderr is not a terminal (logs, CI) a plain line is printed every ``log_interval`` seconds
and at the end of each stage. ``enabled=False`` (``--quiet``) prints nothing. Standard library only.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Any

from sbert_desktop.core.units import format_duration


def format_rate(rate: float, unit: str = "") -> str:
    suffix = f" {unit}/s" if unit else "/s"
    if rate >= 100:
        return f"{rate:,.0f}{suffix}"
    if rate >= 1:
        return f"{rate:.1f}{suffix}"
    if rate > 0:
        return f"{1 / rate:.1f}s/{unit or 'it'}"
    return f"-{suffix}"


class ProgressBar:
    """Callable with a :class:`~sbert_desktop.core.progress.Progress` (``done``, ``total``,
    ``stage``, ``elapsed``, ``eta``); draws on ``stream`` (default stderr)."""

    def __init__(self, label: str = "", stream: IO[str] | None = None, *, enabled: bool = True,
                 width: int = 28, rate: float = 5.0, log_interval: float = 5.0, unit: str = "",
                 tty: bool | None = None):
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.width = width
        self.min_interval = 1.0 / rate if rate > 0 else 0.0
        self.log_interval = log_interval
        self.unit = unit
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)()) if tty is None else tty
        self._stage: str | None = None
        self._last_draw = -1e9
        self._line_open = False
        self._last_len = 0

    # -- ProgressCallback ------------------------------------------------------------------

    def __call__(self, progress: Any) -> None:
        if not self.enabled:
            return
        stage = getattr(progress, "stage", "") or ""
        done, total = int(progress.done), int(progress.total)
        finished = total > 0 and done >= total
        if stage != self._stage:
            self._end_line()
            self._stage = stage
            self._last_draw = -1e9
        now = time.monotonic()
        interval = self.min_interval if self.tty else self.log_interval
        if not finished and now - self._last_draw < interval:
            return
        self._last_draw = now
        self._draw(self.render(progress), finished)

    def render(self, progress: Any) -> str:
        """The text of one progress line."""
        done, total = int(progress.done), int(progress.total)
        elapsed = float(getattr(progress, "elapsed", 0.0) or 0.0)
        parts = [p for p in (self.label, getattr(progress, "stage", "")) if p]
        head = ": ".join(parts) if parts else "working"
        rate = done / elapsed if elapsed > 0 else 0.0
        if total > 0:
            frac = min(1.0, max(0.0, done / total))
            filled = int(round(frac * self.width))
            bar = "#" * filled + "-" * (self.width - filled)
            eta = getattr(progress, "eta", None)
            left = "done" if done >= total else f"eta {format_duration(eta)}"
            return (f"{head} [{bar}] {100 * frac:5.1f}% {done:,}/{total:,} "
                    f"{format_rate(rate, self.unit)} {format_duration(elapsed)} {left}")
        return f"{head} {done:,} {format_rate(rate, self.unit)} {format_duration(elapsed)}"

    # -- output ----------------------------------------------------------------------------

    def _draw(self, text: str, finished: bool) -> None:
        if self.tty:
            pad = " " * max(0, self._last_len - len(text))
            self.stream.write("\r" + text + pad)
            self._last_len = len(text)
            self._line_open = True
            if finished:
                self._end_line()
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def _end_line(self) -> None:
        if self._line_open:
            self.stream.write("\n")
            self.stream.flush()
        self._line_open = False
        self._last_len = 0

    def message(self, text: str) -> None:
        """Print a line of text without breaking the bar."""
        if self.enabled:
            self._end_line()
            self.stream.write(text + "\n")
            self.stream.flush()

    def close(self) -> None:
        self._end_line()

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
