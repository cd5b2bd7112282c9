"""The training loop: bi-encoders (softmax, cosine, CoSENT, MNRL) and cross-encoders (CE, BCE).

``train(cfg, progress, cancel, resume)`` refuses unusable data before the first step, trains with
AdamW and a linear warm-up/decay schedule, evaluates on the dev set, publishes the best model at
``cfg.out_dir``'s top level and keeps a resumable checkpoint. A cancelled run stops at the next
step boundary; resuming it ends with the same weights as the uninterrupted run.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import numpy as np
import torch

from sbert_desktop.core.atomic import atomic_write_text
from sbert_desktop.core.errors import TrainingDataError
from sbert_desktop.core.progress import CancelToken, Cancelled, Progress, ProgressCallback
from sbert_desktop.core.training import losses as L
from sbert_desktop.core.training.batches import Examples, build_examples, epoch_batches, lr_at
from sbert_desktop.core.training.checkpoint import (
    find_checkpoint, load_checkpoint, publish_model, recover_run_folder, remove_checkpoint, save_checkpoint,
    set_rng_state, unstarted_run,
)
from sbert_desktop.core.training.config import TrainConfig, TrainConfigError, resume_mismatches

HISTORY_FILE = "history.csv"
CONFIG_FILE = "train_config.json"


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


# --------------------------------------------------------------------- data
def _read(path: str, fmt: Optional[str], task: Optional[str]):
    from sbert_desktop.core.data import read_pairs

    ds = read_pairs(path, format=fmt)
    if task and ds.task != task:
        has = ds.labels is not None if task == "nli" else ds.scores is not None
        if has:  # a data set with both (SICK): use the column the task needs
            ds = dataclasses.replace(ds, task=task)
    return ds


def _dev_kind(cfg: TrainConfig, dev) -> str:
    """Which evaluation the dev set gets: sts_bi, nli_bi, sts_cross or nli_cross."""
    has_scores, has_labels = dev.scores is not None, dev.labels is not None
    if cfg.encoder == "cross":
        if cfg.task == "sts" and has_scores:
            return "sts_cross"
        if cfg.task == "nli" and has_labels:
            return "nli_cross"
        need = "similarity scores" if cfg.task == "sts" else "NLI labels"
        raise TrainingDataError(f"{dev.path}: the dev set has no {need}, which a {cfg.task.upper()} "
                                "cross-encoder is evaluated on")
    if cfg.loss_name == "softmax" and has_labels:  # the head predicts the labels (SICK has both)
        return "nli_bi"
    if has_scores:
        return "sts_bi"
    raise TrainingDataError(
        f"{dev.path}: a bi-encoder trained with the {cfg.loss_name} loss is evaluated on STS scores (cosine "
        "similarity); this dev set has only NLI labels, which need the softmax head"
    )


def _texts_index(columns: list[list[Optional[str]]]) -> tuple[list[str], list[np.ndarray]]:
    """Distinct texts and, per column, each row's index into them (-1 for None)."""
    index: dict[str, int] = {}
    ids = []
    for col in columns:
        ids.append(np.asarray([-1 if t is None else index.setdefault(t, len(index)) for t in col], dtype=np.int64))
    return list(index), ids


# --------------------------------------------------------------------- run state helpers
def _seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed % (2**32))
    torch.manual_seed(seed)


def _param_groups(modules, weight_decay: float) -> list[dict]:
    decay, no_decay = [], []
    for module in modules:
        for _, p in module.named_parameters():
            if not p.requires_grad:
                continue
            (no_decay if p.ndim < 2 else decay).append(p)  # biases and norms: no decay
    return [{"params": decay, "weight_decay": weight_decay}, {"params": no_decay, "weight_decay": 0.0}]


def _write_history(out_dir: Path, history: list[dict[str, Any]]) -> None:
    keys: list[str] = []
    for row in history:
        for k in row:
            if k not in keys:
                keys.append(k)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    for row in history:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in keys})
    atomic_write_text(out_dir / HISTORY_FILE, buf.getvalue())


def _finite(x: Optional[float]) -> float:
    return x if x is not None and math.isfinite(x) else -math.inf


# --------------------------------------------------------------------- the loop
class _Run:
    def __init__(self, cfg: TrainConfig, progress: Optional[ProgressCallback], cancel: Optional[CancelToken],
                 resume: bool):
        self.progress = progress
        self.cancel = cancel
        cfg = cfg.resolved()
        self.out_dir = Path(cfg.out_dir)
        self.ckpt = None
        self.notes = [n for n in [recover_run_folder(self.out_dir)] if n]
        if unstarted_run(self.out_dir):  # killed or out of space before its first checkpoint
            self.notes.append(f"{self.out_dir}: an earlier run stopped before its first checkpoint (killed or disk "
                              "full); starting over in this folder")
            resume = False
        if resume:
            self.ckpt = load_checkpoint(self.out_dir)
            saved = TrainConfig.from_dict(self.ckpt.config)
            diff = resume_mismatches(saved, cfg)
            if diff:
                raise TrainConfigError(
                    f"{self.out_dir}: the checkpoint was made with a different {', '.join(diff)}; resume with the "
                    f"saved configuration (TrainConfig.load(out_dir)) or start a new run in another folder"
                )
            keep = {k: getattr(cfg, k) for k in ("device", "amp", "eval_batch_size", "keep_checkpoint")}
            cfg = dataclasses.replace(saved, out_dir=str(self.out_dir), **keep).resolved()
        elif self.out_dir.exists():
            if find_checkpoint(self.out_dir) is not None:
                raise TrainConfigError(f"{self.out_dir}: holds an unfinished run; resume it or choose another folder")
            if any(self.out_dir.iterdir()):
                raise TrainConfigError(f"{self.out_dir}: the output folder is not empty; choose a new folder")
        self.cfg = cfg

    # -- set-up, all checks before the first step ----------------------------------------------
    def load_data(self) -> None:
        """Read the training and dev data: sets train_ds, examples, dev, dev_kind, metric_name
        (overridden by :class:`~sbert_desktop.core.training.distill.DistillRun`)."""
        cfg = self.cfg
        self.train_ds = _read(cfg.train_file, cfg.train_format, cfg.task)
        if cfg.both_orders:
            from sbert_desktop.core.data.pairs import with_both_orders

            self.train_ds = with_both_orders(self.train_ds)
        self.examples: Examples = build_examples(self.train_ds, cfg.encoder, cfg.task, cfg.loss_name)
        self.dev = None
        self.dev_kind = None
        if cfg.dev_file:
            self.dev = _read(cfg.dev_file, cfg.dev_format, None)
            if len(self.dev) == 0:
                raise TrainingDataError(f"{cfg.dev_file}: the dev set has no pairs")
            self.dev_kind = _dev_kind(cfg, self.dev)
        self.metric_name = None if self.dev_kind is None else ("spearman" if self.dev_kind.startswith("sts")
                                                               else "accuracy")

    def prepare(self) -> None:
        cfg = self.cfg
        self.load_data()
        # the data order of every epoch, fixed now (pure function of seed, epoch and data)
        n, bs = len(self.examples), cfg.batch_size
        if self.examples.negative is None:
            self.per_epoch = [math.ceil(n / bs)] * cfg.num_epochs
            self._batches_cache: dict[int, list] = {}
        else:
            self._batches_cache = {e: epoch_batches(self.examples, bs, cfg.seed, e) for e in range(cfg.num_epochs)}
            self.per_epoch = [len(self._batches_cache[e]) for e in range(cfg.num_epochs)]
        full = sum(self.per_epoch)
        self.total_steps = min(full, cfg.max_steps) if cfg.max_steps else full
        self.warmup = cfg.warmup_steps(self.total_steps)

        from sbert_desktop.core.models import BiEncoder, CrossEncoder, resolve_device

        _seed_all(cfg.seed)
        device = str(resolve_device(cfg.device))
        source = str(self.ckpt.model_dir) if self.ckpt else cfg.model
        if cfg.encoder == "bi":
            self.model = BiEncoder.load(source, pooling=cfg.pooling, max_seq_length=cfg.max_seq_length,
                                        device=device)
        else:
            labels = L.NLI_LABELS if cfg.task == "nli" else None
            self.model = CrossEncoder.load(source, num_labels=3 if cfg.task == "nli" else 1, label_names=labels,
                                           max_seq_length=cfg.max_seq_length, device=device)
        self.device = self.model.device
        self.head = None
        if cfg.loss_name == "softmax":
            if self.ckpt and self.ckpt.head_dir is not None:
                self.head = L.SoftmaxHead.load(self.ckpt.head_dir, device=self.device)
            else:
                self.head = L.SoftmaxHead(self.model.dimension, len(L.NLI_LABELS), cfg.concat_product)
            self.head.to(self.device).train()
        self.model.train()

        # tokenize the training data once; batches are padded to their longest member
        from sbert_desktop.core.models.base import clean_texts, pretokenize

        tok, max_len = self.model.tokenizer, self.model.max_seq_length
        self.pad_id = tok.pad_token_id or 0
        self.pad_side = getattr(tok, "padding_side", "right")
        ex = self.examples
        if cfg.encoder == "bi":
            cols = [ex.first, ex.second] + ([ex.negative] if ex.negative is not None else [])
            texts, self.text_ids = _texts_index(cols)
            self.encoded = pretokenize(tok, clean_texts(texts, self.model.do_lower_case), None, max_len)
        else:
            self.encoded = pretokenize(tok, clean_texts(ex.first), clean_texts(ex.second), max_len)
        self.targets = None if ex.targets is None else torch.from_numpy(ex.targets)

        modules = [self.model] + ([self.head] if self.head is not None else [])
        self.params = [p for m in modules for p in m.parameters() if p.requires_grad]
        self.optimizer = torch.optim.AdamW(_param_groups(modules, cfg.weight_decay), lr=cfg.lr)
        self.amp_dtype = None
        self.scaler = None
        if cfg.amp and self.device.type == "cuda":
            self.amp_dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
            if self.amp_dtype == torch.float16:
                self.scaler = torch.amp.GradScaler("cuda")

        # where to start
        self.step, self.epoch, self.batch_in_epoch = 0, 0, 0
        self.best_metric: Optional[float] = None
        self.best_step: Optional[int] = None
        self.history: list[dict[str, Any]] = []
        self.loss_sum, self.loss_count, self.train_seconds = 0.0, 0, 0.0
        self.eval_pending = False
        self.published = False
        self.baseline: Optional[dict[str, Any]] = None  # the dev figures before the first step
        if self.ckpt:
            s = self.ckpt.state
            self.step, self.epoch, self.batch_in_epoch = s["step"], s["epoch"], s["batch_in_epoch"]
            self.best_metric, self.best_step = s.get("best_metric"), s.get("best_step")
            self.history = list(s.get("history", []))
            self.loss_sum, self.loss_count = s.get("loss_sum", 0.0), s.get("loss_count", 0)
            self.train_seconds = s.get("train_seconds", 0.0)
            self.eval_pending = bool(s.get("eval_pending", False))
            self.published = bool(s.get("published", False))
            self.baseline = s.get("baseline")
            self._rng_to_restore = self.ckpt.restore(self.optimizer, self.scaler)
        else:
            self._rng_to_restore = None
        self.out_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.out_dir / CONFIG_FILE, self.cfg.to_json())

    def batches(self, epoch: int) -> list[np.ndarray]:
        if epoch not in self._batches_cache:
            self._batches_cache = {epoch: epoch_batches(self.examples, self.cfg.batch_size, self.cfg.seed, epoch)}
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
        if self.best_step is None or _finite(metric) > _finite(self.best_metric):
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
                                                             "metric": self.metric_name}, 0.0))

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
                            "eta": rate * (self.total_steps - self.step)}, self.train_seconds))
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
