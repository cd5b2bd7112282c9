"""The training loop: bi-encoders (softmax, cosine, CoSENT, MNRL) and cross-encoders (CE, BCE).

``train(cfg, progress, cancel, resume)`` refuses unusable data before the first step, trains with
AdamW and a linear warm-up/decay schedule, evaluates on the dev set, publishes the best model at
``cfg.out_dir``'s top level and keeps a resumable checkpoint. A cancelled run stops at the next
step boundary; resuming it ends with the same weights as the uninterrupted run.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import numpy as np
import torch

from sbert_desktop.core.progress import CancelToken, Cancelled, Progress, ProgressCallback
from sbert_desktop.core.training import losses as L
from sbert_desktop.core.training.batches import epoch_batches, lr_at
from sbert_desktop.core.training.checkpoint import (
    find_checkpoint, publish_model, remove_checkpoint, save_checkpoint, set_rng_state,
)
from sbert_desktop.core.training.config import TrainConfig, TrainConfigError
from sbert_desktop.core.training.run_setup import RunSetup, _write_history


@dataclass
class TrainResult:
    status: str                          # "finished" or "cancelled"
    out_dir: Path
    model_dir: Optional[Path]            # out_dir once a model has been published there, else None
    best_metric: Optional[float]         # dev metric of the published model (None without dev set)
    best_step: Optional[int]
    metric_name: Optional[str]           # "spearman" (STS dev) or "accuracy" (NLI dev)
    history: list[dict[str, Any]] = field(default_factory=list)
    step: int = 0
    total_steps: int = 0
    epoch: int = 0
    train_seconds: float = 0.0           # time spent in training steps (not evaluation, not saving)
    checkpoint_dir: Optional[Path] = None  # set when the run can be resumed
    config: Optional[TrainConfig] = None
    notes: list[str] = field(default_factory=list)  # repairs made before the run (an interrupted publish, ...)
    max_seq_length: Optional[int] = None  # the length used: cfg.max_seq_length, or the model's own when None

    @property
    def steps_per_second(self) -> float:
        return self.step / self.train_seconds if self.train_seconds > 0 else float("nan")


def _finite(x: Optional[float]) -> float:
    return x if x is not None and math.isfinite(x) else -math.inf


# --------------------------------------------------------------------- the loop
class _Run(RunSetup):
    """A run: the set-up of :class:`RunSetup`, then the steps, evaluations and checkpoints."""

    def batches(self, epoch: int) -> list[np.ndarray]:
        if epoch not in self._batches_cache:
            lengths = self.example_lengths if self.cfg.length_grouped else None
            self._batches_cache = {epoch: epoch_batches(self.examples, self.cfg.batch_size, self.cfg.seed, epoch,
                                                        lengths)}
        return self._batches_cache[epoch]

    # -- one optimisation step ---------------------------------------------------------------
    def features(self, ids: np.ndarray) -> dict[str, torch.Tensor]:
        from sbert_desktop.core.models.base import collate, to_device

        return to_device(collate(self.encoded, ids, self.pad_id, self.pad_side), self.device)

    def compute_loss(self, idx: np.ndarray) -> torch.Tensor:
        target = None if self.targets is None else self.targets[idx].to(self.device)
        if self.cfg.encoder == "cross":
            return self.cross_loss(self.model(self.features(idx)), target)
        first, second = self.text_ids[0][idx], self.text_ids[1][idx]
        negatives = self.text_ids[2][idx] if len(self.text_ids) > 2 else np.zeros(0, dtype=np.int64)
        negatives = negatives[negatives >= 0]
        emb = self.model(self.features(np.concatenate([first, second, negatives])))
        b = len(idx)
        return self.bi_loss(self.head, emb[:b], emb[b:2 * b], emb[2 * b:], target)

    def cross_loss(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        """The configured cross-encoder loss of one batch's logits."""
        return L.cross_entropy_loss(logits, target) if self.cfg.loss_name == "ce" else L.bce_loss(logits, target)

    def bi_loss(self, head, u: torch.Tensor, v: torch.Tensor, neg: torch.Tensor,
                target: torch.Tensor | None) -> torch.Tensor:
        """The configured bi-encoder loss of one batch's embeddings (pairs u, v; MNRL's extra negatives)."""
        loss, scale = self.cfg.loss_name, self.cfg.similarity_scale
        if loss == "softmax":
            return L.cross_entropy_loss(head(u, v), target)
        if loss == "cosine":
            return L.cosine_loss(u, v, target)
        if loss == "cosent":
            return L.cosent_loss(u, v, target, scale)
        return L.mnrl_loss(u, v, neg, scale)

    def train_step(self, idx: np.ndarray) -> float:
        lr = lr_at(self.step, self.cfg.lr, self.warmup, self.total_steps)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        if self.amp_dtype is not None:
            with torch.autocast(device_type="cuda", dtype=self.amp_dtype):
                loss = self.compute_loss(idx)
        else:
            loss = self.compute_loss(idx)
        (self.scaler.scale(loss) if self.scaler is not None else loss).backward()
        self.apply_gradients(lr)
        return float(loss.detach())

    def apply_gradients(self, lr: float) -> None:
        """Unscale (AMP), clip, step and zero the gradients the step's backward left."""
        if self.scaler is not None:
            self.scaler.unscale_(self.optimizer)
        if self.cfg.max_grad_norm:
            torch.nn.utils.clip_grad_norm_(self.params, self.cfg.max_grad_norm)
        if self.scaler is not None:
            self.scaler.step(self.optimizer)
            self.scaler.update()
        else:
            self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        self.last_lr = lr

    # -- evaluation, saving -------------------------------------------------------------------
    def evaluate(self) -> dict[str, Any]:
        from sbert_desktop.core import evaluation as E

        bs, cancel = self.cfg.eval_batch_size, self.cancel
        kind = self.dev_kind
        try:
            if kind == "sts_bi":
                out = E.evaluate_sts_bi(self.model, self.dev, bs, cancel=cancel)
            elif kind == "nli_bi":
                out = E.evaluate_nli_bi(self.model, self.head, self.dev, bs, cancel=cancel)
            elif kind == "sts_cross":
                out = E.evaluate_sts_cross(self.model, self.dev, bs, cancel=cancel)
            else:
                out = E.evaluate_nli_cross(self.model, self.dev, bs, cancel=cancel)
        finally:
            self.model.train()
            if self.head is not None:
                self.head.train()
        keys = ("pearson", "spearman") if kind.startswith("sts") else ("accuracy", "macro_f1")
        return {k: out[k] for k in keys}

    def state(self) -> dict[str, Any]:
        return {
            "step": self.step, "epoch": self.epoch, "batch_in_epoch": self.batch_in_epoch,
            "total_steps": self.total_steps, "best_metric": self.best_metric, "best_step": self.best_step,
            "metric_name": self.metric_name, "history": self.history, "loss_sum": self.loss_sum,
            "loss_count": self.loss_count, "train_seconds": self.train_seconds,
            "eval_pending": self.eval_pending, "published": self.published, "baseline": self.baseline,
            "data": self.data_digests,
        }

    def save_checkpoint(self) -> None:
        save_checkpoint(self.out_dir, model=self.model, head=self.head, optimizer=self.optimizer,
                        scaler=self.scaler, state=self.state(), config_json=self.cfg.to_json())

    def publish(self, dev: Optional[dict[str, Any]]) -> None:
        from sbert_desktop.core.models.card import training_card

        self.model.card_data = training_card(self)  # README.md of the published folder
        info = {"step": self.step, "epoch": self.epoch + 1, "metric_name": self.metric_name,
                "metric": None if dev is None else dev[self.metric_name], "dev": dev, "baseline": self.baseline}
        publish_model(self.out_dir, model=self.model, head=self.head, info=info)
        self.published = True

    def record_eval(self) -> dict[str, Any]:
        """Evaluate, append to the history, publish the model if it is the best so far."""
        dev = self.evaluate()
        self.eval_pending = False
        row = {"step": self.step, "epoch": round(self.epoch + self.batch_in_epoch / self.per_epoch[self.epoch], 4),
               "train_loss": self.loss_sum / self.loss_count if self.loss_count else None,
               "lr": self.last_lr, "train_seconds": round(self.train_seconds, 3), **dev}
        self.loss_sum, self.loss_count = 0.0, 0
        self.history.append(row)
        _write_history(self.out_dir, self.history)
        metric = dev[self.metric_name]
        undefined = _finite(metric) == _finite(self.best_metric) == float("-inf")  # NaN so far: keep the latest
        if self.best_step is None or _finite(metric) > _finite(self.best_metric) or undefined:
            self.best_metric, self.best_step = metric, self.step
            self.publish(dev)
        self.emit(Progress(self.step, self.total_steps, "eval",
                           {"epoch": self.epoch + 1, "dev": dict(dev), "best": self.best_metric,
                            "best_step": self.best_step, "metric": self.metric_name}, self.train_seconds))
        return dev

    def record_baseline(self) -> None:
        """Evaluate the model before the first step, so a dev curve starts at the untrained figure
        (a stage "baseline" event at step 0; kept in the checkpoint and in ``best.json``)."""
        self.baseline = self.evaluate()
        self.emit(Progress(0, self.total_steps, "baseline", {"epoch": 0, "dev": dict(self.baseline),
                                                             "metric": self.metric_name, **self.said}, 0.0))

    def emit(self, event: Progress) -> None:
        if self.progress is not None:
            self.progress(event)

    # -- the loop ------------------------------------------------------------------------------
    def run(self) -> TrainResult:
        cfg = self.cfg
        self.last_lr = lr_at(max(0, self.step - 1), cfg.lr, self.warmup, self.total_steps)
        if self._rng_to_restore is not None:
            set_rng_state(self._rng_to_restore)
        session_start, session_steps = time.perf_counter(), 0
        try:
            if self.dev is not None and self.step == 0 and self.baseline is None:
                self.record_baseline()
            if self.eval_pending and self.dev is not None:
                self.record_eval()
                self.save_checkpoint()
            # a checkpoint taken after the last batch of an epoch resumes at the next epoch
            if self.epoch < len(self.per_epoch) and self.batch_in_epoch >= self.per_epoch[self.epoch]:
                self.epoch, self.batch_in_epoch = self.epoch + 1, 0
            while self.step < self.total_steps and self.epoch < cfg.num_epochs:
                batches = self.batches(self.epoch)
                while self.batch_in_epoch < len(batches) and self.step < self.total_steps:
                    if self.cancel is not None and self.cancel.cancelled:
                        return self.stop_cancelled()
                    t0 = time.perf_counter()
                    loss = self.train_step(batches[self.batch_in_epoch])
                    self.train_seconds += time.perf_counter() - t0
                    self.step += 1
                    self.batch_in_epoch += 1
                    session_steps += 1
                    self.loss_sum += loss
                    self.loss_count += 1
                    end_of_epoch = self.batch_in_epoch == len(batches)
                    last = self.step == self.total_steps
                    now = time.perf_counter()
                    # one event per step (a step takes far longer than the callback); consumers
                    # throttle what they draw, and a test can cancel at an exact step
                    if self.progress is not None:
                        rate = (now - session_start) / session_steps
                        self.emit(Progress(self.step, self.total_steps, "train", {
                            "epoch": self.epoch + 1, "epochs": cfg.num_epochs, "loss": loss, "lr": self.last_lr,
                            "eta": rate * (self.total_steps - self.step), **self.said}, self.train_seconds))
                    do_eval = self.dev is not None and (
                        end_of_epoch or last or (cfg.eval_steps and self.step % cfg.eval_steps == 0))
                    if do_eval:
                        self.eval_pending = True
                        self.record_eval()
                    if not last and (do_eval or end_of_epoch or (
                            cfg.checkpoint_steps and self.step % cfg.checkpoint_steps == 0)):
                        self.save_checkpoint()
                if self.batch_in_epoch >= len(batches) and self.step < self.total_steps:
                    self.epoch, self.batch_in_epoch = self.epoch + 1, 0
                elif self.step >= self.total_steps:
                    break
        except Cancelled:
            return self.stop_cancelled()
        return self.finish()

    def stop_cancelled(self) -> TrainResult:
        self.save_checkpoint()
        return self.result("cancelled")

    def finish(self) -> TrainResult:
        if self.dev is None or not self.published:
            self.publish(None if self.dev is None else (self.history[-1] if self.history else None))
        if not self.cfg.keep_checkpoint:
            remove_checkpoint(self.out_dir)
        return self.result("finished")

    def result(self, status: str) -> TrainResult:
        self.model.mark_weights_changed()
        self.model.eval()
        return TrainResult(
            status=status, out_dir=self.out_dir, model_dir=self.out_dir if self.published else None,
            best_metric=self.best_metric, best_step=self.best_step, metric_name=self.metric_name,
            history=list(self.history), step=self.step, total_steps=self.total_steps,
            epoch=min(self.epoch + 1, self.cfg.num_epochs), train_seconds=self.train_seconds,
            checkpoint_dir=find_checkpoint(self.out_dir), config=self.cfg, notes=list(self.notes),
            max_seq_length=self.model.max_seq_length,
        )


def train(cfg: TrainConfig, progress: Optional[ProgressCallback] = None, cancel: Optional[CancelToken] = None,
          resume: bool = False) -> TrainResult:
    """Train as ``cfg`` says; with ``resume=True`` continue the checkpoint in ``cfg.out_dir``.

    Raises :class:`TrainConfigError` / :class:`TrainingDataError` / ``DataError`` before the first
    step for a configuration or data that cannot work. Cancellation returns a result with
    ``status == "cancelled"`` and a checkpoint to resume from.
    """
    run_class = _Run
    if cfg.task == "distill":  # multilingual distillation: parallel data, MSE to a teacher
        from sbert_desktop.core.training.distill import DistillRun as run_class
    elif cfg.task in ("pairs", "triplets"):  # retrieval data: mnrl / cached_mnrl (core/training/retrieval.py)
        from sbert_desktop.core.training.retrieval import RetrievalRun as run_class
    from sbert_desktop.core.training import distributed

    try:
        if distributed.world_size() > 1:  # under torchrun: data-parallel (core/training/distributed.py)
            return distributed.train_distributed(run_class, cfg, progress, cancel, resume)
        run = run_class(cfg, progress, cancel, resume)
        if run.ckpt is not None:  # a checkpoint of a multi-process run resumed in one process
            note = distributed.world_size_note(run.ckpt.state.get("world_size"), 1, run.out_dir)
            run.notes += [note] if note else []
        run.prepare()
        return run.run()
    except torch.cuda.OutOfMemoryError:
        bs, length = cfg.batch_size, cfg.max_seq_length or "the model's own"
        raise TrainConfigError(
            f"out of GPU memory at batch size {bs} (max_seq_length {length}); "
            f"try --batch-size {max(1, bs // 2)}, or a shorter --max-seq-length; the last checkpoint in "
            f"{cfg.out_dir} resumes with --resume") from None
