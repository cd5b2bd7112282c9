"""The configuration of one training run: a dataclass that round-trips through versioned JSON.

Everything that defines a run's result is here, so ``train_config.json`` beside a trained model is
enough to reproduce it (same data files, same seed, same machine: same weights).
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from sbert_desktop.core.errors import SbertDesktopError

SCHEMA_VERSION = 1

ENCODERS = ("bi", "cross")
TASKS = ("nli", "sts", "distill", "pairs", "triplets")

#: losses allowed for each (encoder, task); the first one is the default
LOSSES: dict[tuple[str, str], tuple[str, ...]] = {
    ("bi", "nli"): ("softmax", "mnrl"),
    ("bi", "sts"): ("cosine", "cosent"),
    ("cross", "nli"): ("ce",),
    ("cross", "sts"): ("bce",),
    ("bi", "distill"): ("mse",),  # multilingual distillation (core/training/distill.py)
    ("bi", "pairs"): ("mnrl", "cached_mnrl"),  # retrieval data (core/training/retrieval.py)
    ("bi", "triplets"): ("mnrl", "cached_mnrl"),
}

#: one line per loss, for help texts and the window's tool tips
LOSS_DESCRIPTIONS: dict[str, str] = {
    "softmax": "SBERT classification objective: linear head over (u, v, |u-v|[, u*v]), cross-entropy "
    "over entailment / neutral / contradiction; the head is saved in nli_head/",
    "mnrl": "multiple-negatives ranking: (anchor, positive[, hard negative]) triples built from "
    "entailment and contradiction pairs, in-batch negatives",
    "cosine": "SBERT regression objective: MSE between cosine(u, v) and the gold score scaled to 0..1",
    "cosent": "CoSENT: ranks the cosine similarities of the pairs in a batch by their gold scores",
    "ce": "cross-encoder, 3-way classification with cross-entropy",
    "bce": "cross-encoder, one sigmoid output, binary cross-entropy against score / max score",
    "cached_mnrl": "multiple-negatives ranking with gradient caching (GradCache): the same gradient as mnrl "
    "on the whole batch, with the memory of one mini-batch (--mini-batch-size)",
    "mse": "multilingual distillation: MSE of the student's source and translation embeddings to the "
    "teacher's source embedding (parallel sentences)",
}

#: the paper's number of epochs per task
DEFAULT_EPOCHS = {"nli": 1, "sts": 4, "distill": 1, "pairs": 1, "triplets": 1}


class TrainConfigError(SbertDesktopError):
    """A training configuration value is invalid or does not fit the other values."""


@dataclass
class TrainConfig:
    encoder: str = "bi"
    task: str = "sts"
    loss: Optional[str] = None
    model: str = "default"
    pooling: Optional[str] = None
    max_seq_length: Optional[int] = None  # None: the model's own (256 for the bundled model), never lowered silently
    train_file: str = ""
    dev_file: Optional[str] = None
    train_format: Optional[str] = None
    dev_format: Optional[str] = None
    out_dir: str = ""
    epochs: Optional[int] = None
    batch_size: int = 16
    lr: float = 2e-5
    warmup_ratio: float = 0.1
    weight_decay: float = 0.01
    max_grad_norm: Optional[float] = 1.0
    seed: int = 42
    eval_steps: Optional[int] = None
    max_steps: Optional[int] = None
    device: str = "auto"
    amp: bool = True
    # beyond the paper's recipe
    concat_product: bool = False  # softmax head: also feed u*v to the classifier
    scale: Optional[float] = None  # cosent / mnrl similarity scale (None: 20)
    eval_batch_size: int = 64
    checkpoint_steps: Optional[int] = None  # None: checkpoint at every evaluation and epoch end
    keep_checkpoint: bool = False  # keep out_dir/checkpoint after a finished run
    # task "distill": teacher (None: the model itself), parallel columns, an STS dev set to watch
    teacher: Optional[str] = None
    source_column: Optional[str] = None  # None: the first column of the parallel file
    target_column: Optional[str] = None  # None: the second
    sts_dev_file: Optional[str] = None
    # tasks "pairs" / "triplets": {"anchor": ..., "positive": ..., "negative": ...} (None: found by name)
    columns: Optional[dict] = None
    mini_batch_size: int = 32  # cached_mnrl: rows embedded with a graph at a time
    both_orders: bool = False  # cross-encoder STS: train on (a, b) and (b, a), as sentence-transformers' example does
    # batches of similar length (core/training/batches.py, length_grouped_batches): less padding, same
    # examples per epoch; not for losses whose in-batch negatives are the batch (mnrl, cached_mnrl)
    length_grouped: bool = False
    schema_version: int = field(default=SCHEMA_VERSION)

    # ----------------------------------------------------------------- derived values
    @property
    def loss_name(self) -> str:
        return self.loss or LOSSES[(self.encoder, self.task)][0]

    @property
    def num_epochs(self) -> int:
        return self.epochs if self.epochs is not None else DEFAULT_EPOCHS[self.task]

    @property
    def similarity_scale(self) -> float:
        return 20.0 if self.scale is None else float(self.scale)

    def warmup_steps(self, total_steps: int) -> int:
        """ceil(ratio x steps), but always short of the last step: a warm-up over every step of a run
        (one step, or --warmup 1.0) starts at learning rate 0 and its only step learned nothing."""
        return min(int(math.ceil(total_steps * self.warmup_ratio)), max(0, total_steps - 1))

    def resolved(self) -> "TrainConfig":
        """A copy with the defaults that depend on other fields filled in (loss, epochs)."""
        self.validate()
        return dataclasses.replace(self, loss=self.loss_name, epochs=self.num_epochs)

    # ----------------------------------------------------------------- validation
    def validate(self) -> "TrainConfig":
        def bad(msg: str) -> TrainConfigError:
            return TrainConfigError(f"training configuration: {msg}")

        if self.schema_version != SCHEMA_VERSION:
            raise bad(f"schema_version {self.schema_version} is not supported (expected {SCHEMA_VERSION})")
        if self.encoder not in ENCODERS:
            raise bad(f"encoder must be one of {', '.join(ENCODERS)}, not {self.encoder!r}")
        if self.task not in TASKS:
            raise bad(f"task must be one of {', '.join(TASKS)}, not {self.task!r}")
        if (self.encoder, self.task) not in LOSSES:
            raise bad(f"task {self.task} trains bi-encoders only (--encoder bi)")
        distill_only = [n for n in ("teacher", "source_column", "target_column", "sts_dev_file") if getattr(self, n)]
        if distill_only and self.task != "distill":
            raise bad(f"{', '.join(distill_only)} apply to the distill task only")
        allowed = LOSSES[(self.encoder, self.task)]
        if self.loss is not None and self.loss not in allowed:
            others = [f"{e}/{t}" for (e, t), names in LOSSES.items() if self.loss in names]
            hint = f" ({self.loss!r} is for {', '.join(others)})" if others else ""
            raise bad(
                f"loss {self.loss!r} does not fit a {self.encoder}-encoder on {self.task.upper()}; "
                f"choose {', '.join(allowed)}{hint}"
            )
        if self.both_orders and (self.encoder, self.task) != ("cross", "sts"):
            raise bad("both_orders applies to cross-encoders on STS only (an NLI pair is not symmetric)")
        if self.length_grouped and self.loss_name in ("mnrl", "cached_mnrl"):
            raise bad(f"length-grouped batches do not fit {self.loss_name}: its in-batch negatives would all be of "
                      "one length")
        if self.encoder == "cross" and self.pooling:
            raise bad("pooling applies to bi-encoders only")
        if not self.train_file:
            raise bad("train_file is required")
        if not self.out_dir:
            raise bad("out_dir is required")
        if not self.model:
            raise bad("model is required")
        for name in ("batch_size", "eval_batch_size"):
            if int(getattr(self, name)) < 1:
                raise bad(f"{name} must be at least 1")
        if self.loss_name in ("mnrl", "cached_mnrl") and self.batch_size < 2:
            raise bad(f"{self.loss_name} needs batch_size >= 2 (the other pairs of a batch are the negatives)")
        if self.columns and self.task not in ("pairs", "triplets"):
            raise bad("columns apply to the pairs and triplets tasks only")
        if int(self.mini_batch_size) < 1:
            raise bad("mini_batch_size must be at least 1")
        for name in ("epochs", "eval_steps", "max_steps", "checkpoint_steps", "max_seq_length"):
            value = getattr(self, name)
            if value is not None and int(value) < 1:
                raise bad(f"{name} must be at least 1 (or empty)")
        if not (self.lr > 0 and math.isfinite(self.lr)):
            raise bad("lr must be a positive number")
        if not (0.0 <= self.warmup_ratio <= 1.0):
            raise bad("warmup_ratio must be between 0 and 1")
        if self.weight_decay < 0:
            raise bad("weight_decay must not be negative")
        if self.max_grad_norm is not None and self.max_grad_norm <= 0:
            raise bad("max_grad_norm must be positive (or empty for no clipping)")
        if self.scale is not None and self.scale <= 0:
            raise bad("scale must be positive")
        return self

    # ----------------------------------------------------------------- JSON
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=False) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TrainConfig":
        data = dict(data)
        version = data.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise TrainConfigError(
                f"training configuration: schema_version {version} is not supported (expected {SCHEMA_VERSION})"
            )
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise TrainConfigError(f"training configuration: unknown field(s) {', '.join(unknown)}")
        return cls(**data)

    @classmethod
    def from_json(cls, text: str) -> "TrainConfig":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TrainConfigError(f"training configuration is not valid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise TrainConfigError("training configuration must be a JSON object")
        return cls.from_dict(data)

    @classmethod
    def load(cls, path: str | Path) -> "TrainConfig":
        """Read ``train_config.json`` (or the one inside a run folder)."""
        path = Path(path)
        if path.is_dir():
            candidates = [path / "checkpoint" / "train_config.json", path / "train_config.json"]
            path = next((p for p in candidates if p.is_file()), candidates[-1])
        if not path.is_file():
            raise TrainConfigError(f"{path}: no training configuration found")
        try:
            return cls.from_json(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise TrainConfigError(f"{path}: unreadable ({exc})") from None
        except TrainConfigError as exc:
            raise TrainConfigError(f"{path}: {exc}") from None

    def save(self, path: str | Path) -> None:
        from sbert_desktop.core.atomic import atomic_write_text

        atomic_write_text(path, self.to_json())


#: fields that may differ between a checkpoint's configuration and the one resuming it
RESUME_MAY_DIFFER = ("device", "amp", "out_dir", "eval_batch_size", "keep_checkpoint")


def resume_mismatches(saved: TrainConfig, wanted: TrainConfig) -> list[str]:
    """Names of the run-defining fields in which ``wanted`` differs from ``saved`` (after defaults)."""
    a, b = saved.resolved().to_dict(), wanted.resolved().to_dict()
    return [k for k in a if k not in RESUME_MAY_DIFFER and a[k] != b.get(k)]
