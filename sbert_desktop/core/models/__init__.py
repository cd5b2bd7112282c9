"""Bi-encoders and cross-encoders (torch is imported when this package is)."""

from sbert_desktop.core.models.bi_encoder import BiEncoder
from sbert_desktop.core.models.cross_encoder import CrossEncoder
from sbert_desktop.core.models.device import DEVICE_CHOICES, available_devices, resolve_device
from sbert_desktop.core.models.pooling import POOLING_MODES, Pooling
from sbert_desktop.core.models.sources import DEFAULT_MODEL, ModelSource, default_model_path, resolve_source

__all__ = [
    "BiEncoder", "CrossEncoder", "Pooling", "POOLING_MODES", "DEVICE_CHOICES", "DEFAULT_MODEL",
    "ModelSource", "available_devices", "default_model_path", "resolve_device", "resolve_source",
]
