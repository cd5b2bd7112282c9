"""Fine-tuning bi-encoders and cross-encoders on NLI and STS (torch is imported with this package).

>>> from sbert_desktop.core.training import TrainConfig, train
>>> result = train(TrainConfig(encoder="bi", task="sts", train_file="sts-train.csv",
...                            dev_file="sts-dev.csv", out_dir="runs/stsb"))   # doctest: +SKIP
"""

from sbert_desktop.core.training.config import (
    DEFAULT_EPOCHS, LOSS_DESCRIPTIONS, LOSSES, TrainConfig, TrainConfigError,
)
from sbert_desktop.core.training.checkpoint import CheckpointError, find_checkpoint
from sbert_desktop.core.training.losses import SoftmaxHead
from sbert_desktop.core.training.predict import predict_nli
from sbert_desktop.core.training.trainer import TrainResult, train

__all__ = [
    "TrainConfig", "TrainConfigError", "TrainResult", "train", "LOSSES", "LOSS_DESCRIPTIONS",
    "DEFAULT_EPOCHS", "SoftmaxHead", "predict_nli", "find_checkpoint", "CheckpointError",
]
