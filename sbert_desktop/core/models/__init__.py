"""Bi-encoders and cross-encoders.

Names are loaded on first use (PEP 562): ``POOLING_MODES`` and ``DEFAULT_MODEL`` come without
torch (the window's first paint and ``--help`` read them); ``BiEncoder``, ``CrossEncoder`` and
``Pooling`` import torch.
"""

from __future__ import annotations

import importlib
from typing import Any

from sbert_desktop.core.models.modes import POOLING_MODES

_WHERE = {
    "BiEncoder": "bi_encoder", "CrossEncoder": "cross_encoder", "DEVICE_CHOICES": "device",
    "available_devices": "device", "resolve_device": "device", "Pooling": "pooling", "DEFAULT_MODEL": "sources",
    "ModelSource": "sources", "default_model_path": "sources", "resolve_source": "sources",
}

__all__ = [
    "BiEncoder", "CrossEncoder", "Pooling", "POOLING_MODES", "DEVICE_CHOICES", "DEFAULT_MODEL",
    "ModelSource", "available_devices", "default_model_path", "resolve_device", "resolve_source",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
