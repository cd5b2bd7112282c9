"""Choosing the compute device: ``auto`` picks CUDA, then Apple MPS, then the CPU."""

from __future__ import annotations

from sbert_desktop.core.errors import SbertDesktopError

DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")


def available_devices() -> list[str]:
    """Devices present on this machine, CPU first (``auto`` not included)."""
    import torch

    found = ["cpu"]
    if torch.cuda.is_available():
        found.append("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        found.append("mps")
    return found


def resolve_device(name: str | None = "auto"):
    """A ``torch.device`` for ``auto|cpu|cuda|cuda:N|mps``; refuses a device that is not present."""
    import torch

    name = (name or "auto").lower()
    present = available_devices()
    if name == "auto":
        for candidate in ("cuda", "mps"):
            if candidate in present:
                return torch.device(candidate)
        return torch.device("cpu")
    base = name.split(":", 1)[0]
    if base not in DEVICE_CHOICES:
        raise SbertDesktopError(f"unknown device {name!r}; choose one of {', '.join(DEVICE_CHOICES)}")
    if base not in present:
        raise SbertDesktopError(f"device {name!r} is not available here (available: {', '.join(present)})")
    return torch.device(name)
