"""Multilingual knowledge distillation (Reimers and Gurevych, 2020, "Making Monolingual Sentence
Embeddings Multilingual using Knowledge Distillation").

A teacher bi-encoder (default: the model being trained, i.e. the active model) embeds the source
side of parallel sentences once, before the first step; the student (``cfg.model``, by default a
fresh copy of the same model) learns to put both the source and its translation where the teacher
puts the source::

    loss = MSE(student(source), teacher(source)) + MSE(student(translation), teacher(source))

Dev metrics, on a held-out parallel set (rows with a unique source and translation): the MSE of
student(source) and of student(translation) against teacher(source) (``mse``, ``mse_target``; mean
over dimensions, as the loss), translation retrieval accuracy (top-1 cosine among all dev
translations) in both directions and their mean ``translation_accuracy``; with ``cfg.sts_dev_file``
also STS Pearson/Spearman of the student (e.g. KorSTS dev). The published model is the one with the
best Spearman when an STS dev set is given, else the best translation accuracy.

This module reuses the trainer's loop (checkpoints, exact resume, cancel, publish); it only
replaces the data, the loss and the evaluation.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
import torch
import torch.nn.functional as F

from sbert_desktop.core.errors import TrainingDataError
from sbert_desktop.core.progress import Progress
from sbert_desktop.core.training.batches import Examples
from sbert_desktop.core.training.trainer import _Run

TEACHER_STAGE = "teacher"


def distill_loss(u: torch.Tensor, v: torch.Tensor, teacher: torch.Tensor) -> torch.Tensor:
    """MSE(u, teacher) + MSE(v, teacher), each the mean over batch and dimensions."""
    return F.mse_loss(u, teacher) + F.mse_loss(v, teacher)


def translation_accuracy(source: np.ndarray, target: np.ndarray) -> tuple[float, float]:
    """Top-1 cosine retrieval accuracy source -> translation and translation -> source (row i
    belongs to row i)."""
    from sbert_desktop.core.similarity import normalize

    s, t = normalize(source), normalize(target)
    sim = s @ t.T
    truth = np.arange(len(s))
    return float(np.mean(sim.argmax(axis=1) == truth)), float(np.mean(sim.argmax(axis=0) == truth))


class DistillRun(_Run):
    """The trainer loop with parallel data, the distillation loss and its dev metrics."""

    def load_data(self) -> None:
        from sbert_desktop.core.data import read_pairs
        from sbert_desktop.core.data.parallel import read_parallel

        cfg = self.cfg
        columns = {k: v for k, v in (("source", cfg.source_column), ("target", cfg.target_column)) if v}
        train = read_parallel(cfg.train_file, cfg.train_format, columns)
        if len(train) < 2:
            raise TrainingDataError(f"{cfg.train_file}: distillation needs at least two parallel pairs")
        self.train_ds = train
        self.dev_parallel = None
        if cfg.dev_file:
            self.dev_parallel = read_parallel(cfg.dev_file, cfg.dev_format, columns).one_to_one()
            if len(self.dev_parallel) < 2:
                raise TrainingDataError(f"{cfg.dev_file}: the parallel dev set needs at least two distinct pairs")
        self.sts_dev = None
        if cfg.sts_dev_file:
            self.sts_dev = read_pairs(cfg.sts_dev_file)
            if self.sts_dev.scores is None:
                raise TrainingDataError(f"{cfg.sts_dev_file}: the STS dev set has no similarity scores")
        self.dev = self.sts_dev if self.sts_dev is not None else self.dev_parallel  # "evaluate at all?"
        self.dev_kind = "distill" if self.dev is not None else None
        self.metric_name = ("spearman" if self.sts_dev is not None else
                            "translation_accuracy" if self.dev_parallel is not None else None)
        teacher_source = [*train.source, *(self.dev_parallel.source if self.dev_parallel is not None else [])]
        emb = self.teacher_embeddings(teacher_source)
        self.teacher_dev = emb[len(train):] if self.dev_parallel is not None else None
        self.examples = Examples(list(train.source), list(train.target), emb[:len(train)])

    def teacher_embeddings(self, sentences: list[str]) -> np.ndarray:
        """The teacher's embeddings of ``sentences``, computed once (the teacher is freed after)."""
        from sbert_desktop.core.models import BiEncoder, resolve_device
        from sbert_desktop.core.models.base import position_limit

        cfg = self.cfg
        teacher = BiEncoder.load(cfg.teacher or cfg.model, device=str(resolve_device(cfg.device)))
        if cfg.max_seq_length:  # the student's length, where the teacher's position table holds it
            limit = position_limit(teacher.transformer)
            teacher.max_seq_length = min(cfg.max_seq_length, limit) if limit else cfg.max_seq_length
        self.teacher_dimension = teacher.dimension

        def report(event: Progress) -> None:
            self.emit(Progress(event.done, event.total, TEACHER_STAGE, dict(event.info or {}), event.elapsed))

        emb = teacher.encode(sentences, batch_size=cfg.eval_batch_size, progress=report, cancel=self.cancel)
        del teacher
        return np.ascontiguousarray(emb, dtype=np.float32)

    def prepare(self) -> None:
        super().prepare()
        if self.model.dimension != self.teacher_dimension:
            raise TrainingDataError(
                f"the student ({self.cfg.model}) gives {self.model.dimension}-d embeddings but the teacher "
                f"({self.cfg.teacher or self.cfg.model}) gives {self.teacher_dimension}-d; distillation by MSE "
                "needs the same dimension"
            )

    def compute_loss(self, idx: np.ndarray) -> torch.Tensor:
        first, second = self.text_ids[0][idx], self.text_ids[1][idx]
        emb = self.model(self.features(np.concatenate([first, second])))
        b = len(idx)
        return distill_loss(emb[:b], emb[b:], self.targets[idx].to(self.device))

    def evaluate(self) -> dict[str, Any]:
        from sbert_desktop.core import evaluation as E

        bs, cancel = self.cfg.eval_batch_size, self.cancel
        out: dict[str, Optional[float]] = {}
        try:
            if self.dev_parallel is not None:
                src = self.model.encode(self.dev_parallel.source, batch_size=bs, cancel=cancel)
                tgt = self.model.encode(self.dev_parallel.target, batch_size=bs, cancel=cancel)
                out["mse"] = float(np.mean((src - self.teacher_dev) ** 2))
                out["mse_target"] = float(np.mean((tgt - self.teacher_dev) ** 2))
                s2t, t2s = translation_accuracy(src, tgt)
                out.update(src2tgt_accuracy=s2t, tgt2src_accuracy=t2s, translation_accuracy=(s2t + t2s) / 2)
            if self.sts_dev is not None:
                sts = E.evaluate_sts_bi(self.model, self.sts_dev, bs, cancel=cancel)
                out.update(pearson=sts["pearson"], spearman=sts["spearman"])
        finally:
            self.model.train()
        return out
