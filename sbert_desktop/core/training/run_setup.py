"""A training run's set-up: the data read and checked, the model, head, optimizer and
tokenised examples built, and the state restored from a checkpoint when resuming; everything that
happens before the first step (:class:`RunSetup`). The step loop, evaluation and checkpoints are
:class:`~sbert_desktop.core.training.trainer._Run`, which extends it.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import random
from pathlib import Path
from typing import Any, Optional

import numpy as np
import torch

from sbert_desktop.core.atomic import atomic_write_text
from sbert_desktop.core.errors import TrainingDataError
from sbert_desktop.core.progress import CancelToken, ProgressCallback
from sbert_desktop.core.training import losses as L
from sbert_desktop.core.training.batches import Examples, build_examples, epoch_batches
from sbert_desktop.core.training.checkpoint import find_checkpoint, load_checkpoint, recover_run_folder, unstarted_run
from sbert_desktop.core.training.config import TrainConfig, TrainConfigError, resume_mismatches

HISTORY_FILE = "history.csv"
CONFIG_FILE = "train_config.json"


# --------------------------------------------------------------------- data
def _read(path: str, fmt: Optional[str], task: Optional[str]):
    from sbert_desktop.core.data import read_pairs

    from sbert_desktop.core.errors import DataError

    ds = None
    if task == "nli":  # told NLI, a 0/1 label column stays SNLI's entailment / neutral (else a 0-1 score)
        try:
            ds = read_pairs(path, format=fmt, task="nli")
        except DataError:
            pass  # no labels: read as it is, and the task check below says what the file holds
    ds = ds or read_pairs(path, format=fmt)
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


def _adamw(groups: list[dict], lr: float, device) -> torch.optim.Optimizer:
    """AdamW, fused where torch has the kernel for the device (CPU and CUDA): one pass over all
    parameters instead of a loop of small ops per tensor, the same update to float rounding; an STS-B
    epoch of the bundled model 9 % faster on two CPU cores (bench/results/train-bi-stsb.txt, Dec 2)."""
    if getattr(device, "type", str(device)) in ("cpu", "cuda"):
        try:
            return torch.optim.AdamW(groups, lr=lr, fused=True)
        except (RuntimeError, TypeError, ValueError):
            pass
    return torch.optim.AdamW(groups, lr=lr)


def _cut_info(lengths: np.ndarray, max_len: int, model) -> dict:
    """``{"cut": share, "max_seq_length": n, "limit": rows}`` when at least CUT_SHARE of the training
    texts (bi-encoder) or pairs (cross-encoder) reach ``max_len`` tokens, i.e. lose their end to it
    (a text of exactly ``max_len`` counts too); else {}. Said with every progress event (trainer.py)."""
    from sbert_desktop.core.length_cue import CUT_SHARE
    from sbert_desktop.core.models.base import position_limit

    share = float((np.asarray(lengths) >= max_len).mean()) if len(lengths) else 0.0
    if share < CUT_SHARE:
        return {}
    backbone = getattr(model, "transformer", None) or getattr(model, "model", None)
    return {"cut": share, "max_seq_length": int(max_len), "limit": position_limit(backbone)}


def _lengths(encoded: dict) -> np.ndarray:
    """Tokens per pre-tokenized row."""
    ids = encoded["input_ids"]
    return ids.lengths() if hasattr(ids, "lengths") else np.array([len(r) for r in ids], dtype=np.int64)


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


# --------------------------------------------------------------------- the data a run trains on
#: the configuration's data files whose contents a checkpoint records
DATA_FIELDS = ("train_file", "dev_file", "sts_dev_file")


def data_digests(cfg: TrainConfig) -> dict[str, str]:
    """sha256 of each data file of ``cfg`` (``{field: hex}``; files that cannot be read are left out:
    reading them fails later, with the reader's own message)."""
    import hashlib

    out = {}
    for name in DATA_FIELDS:
        path = getattr(cfg, name, None)
        if not path:
            continue
        digest = hashlib.sha256()
        try:
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            continue
        out[name] = digest.hexdigest()
    teacher = (getattr(cfg, "teacher", None) or cfg.model) if cfg.task == "distill" else None
    if teacher and Path(teacher).is_dir():  # distillation: the targets are the teacher's vectors
        from sbert_desktop.core.models.deferred import files_key
        from sbert_desktop.core.models.sources import resolve_source

        try:
            key = files_key("teacher", [resolve_source(teacher).transformer_dir])
        except Exception:  # noqa: BLE001 - an unreadable teacher fails later, with the loader's message
            key = None
        if key:
            out["teacher"] = key
    return out


def changed_data(out_dir: Path, saved: Optional[dict[str, str]], now: dict[str, str], cfg: TrainConfig) -> None:
    """Refuse to resume on data other than the checkpoint's: an epoch's order is a function of the data,
    so the saved position would continue over other rows (some trained twice, some never) and the
    best dev figure so far would be compared with figures on another dev set. A checkpoint written
    before digests were kept (``saved`` None) is resumed as before."""
    if not saved:
        return
    changed = [name for name, digest in saved.items() if name in now and now[name] != digest]
    if "teacher" in changed:
        raise TrainConfigError(
            f"{out_dir}: the teacher {cfg.teacher or cfg.model} changed since the checkpoint was written; resuming would "
            "distil another model's vectors. Put it back as it was, or start a new run in another folder")
    if changed:
        files = ", ".join(str(getattr(cfg, name)) for name in changed)
        raise TrainConfigError(
            f"{out_dir}: {files} changed since the checkpoint was written; resuming would continue over other "
            "rows. Put the file back as it was, or start a new run in another folder")


# --------------------------------------------------------------------- before the first step
class RunSetup:
    cut: dict = {}  # the share of training inputs max_seq_length cuts, when said (_cut_info)
    read_notes: list = []  # what reading the train / dev file changed or assumed ("FILE: note"), said up front

    @property
    def said(self) -> dict:
        """What every progress event repeats about the data: the length cut and the reading notes."""
        return {**self.cut, **({"data_notes": list(self.read_notes)} if self.read_notes else {})}

    def __init__(self, cfg: TrainConfig, progress: Optional[ProgressCallback], cancel: Optional[CancelToken],
                 resume: bool):
        self.progress = progress
        self.cancel = cancel
        cfg = cfg.resolved()
        self.out_dir = Path(cfg.out_dir)
        if self.out_dir.exists() and not self.out_dir.is_dir():
            raise TrainConfigError(f"{self.out_dir}: is a file; the output must be a folder (new, or of this run)")
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
            changed_data(self.out_dir, self.ckpt.state.get("data"), data_digests(cfg), cfg)
        elif self.out_dir.exists():
            if find_checkpoint(self.out_dir) is not None:
                raise TrainConfigError(f"{self.out_dir}: holds an unfinished run; resume it or choose another folder")
            if any(self.out_dir.iterdir()):
                raise TrainConfigError(f"{self.out_dir}: the output folder is not empty; choose a new folder")
        self.cfg = cfg
        self.data_digests = data_digests(cfg)  # kept in every checkpoint: a resume checks its data is the same

    # -- set-up, all checks before the first step ----------------------------------------------
    def load_data(self) -> None:
        """Read the training and dev data: sets train_ds, examples, dev, dev_kind, metric_name
        (overridden by :class:`~sbert_desktop.core.training.distill.DistillRun`)."""
        cfg = self.cfg
        self.train_ds = _read(cfg.train_file, cfg.train_format, cfg.task)
        self.read_notes = [f"{self.train_ds.path}: {note}" for note in self.train_ds.warnings]
        if cfg.both_orders:
            from sbert_desktop.core.data.pairs import with_both_orders

            self.train_ds = with_both_orders(self.train_ds)
        self.examples: Examples = build_examples(self.train_ds, cfg.encoder, cfg.task, cfg.loss_name)
        self.load_dev()
        self.metric_name = None if self.dev_kind is None else ("spearman" if self.dev_kind.startswith("sts")
                                                               else "accuracy")

    def load_dev(self) -> None:
        """Read the dev set, if any: sets dev and dev_kind (shared with the retrieval run)."""
        cfg = self.cfg
        self.dev = None
        self.dev_kind = None
        if cfg.dev_file:
            # told NLI, a 0/1 label column of the dev file is entailment / neutral too (not a 0-1 score)
            self.dev = _read(cfg.dev_file, cfg.dev_format, cfg.task if cfg.task == "nli" else None)
            self.read_notes = list(self.read_notes) + [f"{self.dev.path}: {note}" for note in self.dev.warnings]
            if len(self.dev) == 0:
                raise TrainingDataError(f"{cfg.dev_file}: the dev set has no pairs")
            self.dev_kind = _dev_kind(cfg, self.dev)
            if self.dev_kind.startswith("sts"):  # a Spearman of one pair, or of equal scores, is NaN
                scores = np.asarray(self.dev.scores)
                if len(scores) < 2:
                    raise TrainingDataError(f"{cfg.dev_file}: the dev set has {len(scores)} pair: a Spearman "
                                            "correlation needs at least two, with different scores")
                if float(scores.max()) == float(scores.min()):
                    raise TrainingDataError(f"{cfg.dev_file}: every dev pair has the same score ({float(scores[0]):g}): "
                                            "the Spearman correlation is undefined, and no best model could be chosen")

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
            self.model.symmetric = cfg.both_orders  # trained on both orders: scored in both (dev, saved model)
            self.model.output_activation = "sigmoid"  # what its BCE loss trains the score for
        if self.ckpt:  # read from the checkpoint, but its base is the model the run started from
            self.model.source = cfg.model
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
            tokens = _lengths(self.encoded)
            # an example's batch pads to its longest text
            self.example_lengths = np.max(np.stack([tokens[np.maximum(ids, 0)] for ids in self.text_ids]), axis=0)
        else:
            self.encoded = pretokenize(tok, clean_texts(ex.first), clean_texts(ex.second), max_len)
            self.example_lengths = _lengths(self.encoded)
        self.targets = None if ex.targets is None else torch.from_numpy(ex.targets)
        self.cut = _cut_info(tokens if cfg.encoder == "bi" else self.example_lengths, max_len, self.model)

        modules = [self.model] + ([self.head] if self.head is not None else [])
        self.params = [p for m in modules for p in m.parameters() if p.requires_grad]
        self.optimizer = _adamw(_param_groups(modules, cfg.weight_decay), cfg.lr, self.device)
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
