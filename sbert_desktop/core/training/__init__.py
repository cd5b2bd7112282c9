"""Fine-tuning bi-encoders and cross-encoders on NLI and STS.

>>> from sbert_desktop.core.training import TrainConfig, train
>>> result = train(TrainConfig(encoder="bi", task="sts", train_file="sts-train.csv",
...                            dev_file="sts-dev.csv", out_dir="runs/stsb"))   # doctest: +SKIP

Names are loaded on first use (PEP 562): ``sbert_desktop.core.training.config`` (``LOSSES``,
``LOSS_DESCRIPTIONS``, ``TrainConfig``) imports without torch, so the window's first paint and
``--help`` read the loss choices from here; ``train`` and the heads import torch.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "DEFAULT_EPOCHS": "config", "LOSS_DESCRIPTIONS": "config", "LOSSES": "config", "TrainConfig": "config",
    "TrainConfigError": "config", "CheckpointError": "checkpoint", "find_checkpoint": "checkpoint",
    "SoftmaxHead": "losses", "predict_nli": "predict", "TrainResult": "trainer", "train": "trainer",
}

__all__ = [
    "TrainConfig", "TrainConfigError", "TrainResult", "train", "LOSSES", "LOSS_DESCRIPTIONS",
    "DEFAULT_EPOCHS", "SoftmaxHead", "predict_nli", "find_checkpoint", "CheckpointError",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
