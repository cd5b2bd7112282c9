"""Human-readable sizes and durations (standard library only, so the CLI's ``--help`` stays instant)."""

from __future__ import annotations

import re

_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}


def format_bytes(n: float) -> str:
    """``1536 -> "1.5 KB"`` (binary multiples)."""
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"  # pragma: no cover


def parse_size(text: str) -> int:
    """``"2G"``, ``"500MB"``, ``"1.5GiB"``, ``"0"`` -> bytes (binary multiples); ValueError otherwise."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:I?B)?\s*", str(text), re.IGNORECASE)
    if not match:
        raise ValueError(f"not a size: {text!r} (examples: 500M, 2G, 1.5GB)")
    return int(float(match.group(1)) * _UNITS[match.group(2).upper()])


def format_duration(seconds: float | None, missing: str = "--:--") -> str:
    """``75 -> "01:15"``, ``3725 -> "1:02:05"``; ``missing`` for None, NaN or a negative value."""
    if seconds is None or seconds != seconds or seconds < 0:
        return missing
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"
