"""Training on retrieval data: (anchor, positive) pairs and (anchor, positive, negative) triplets
with multiple-negatives ranking, plain or with gradient caching.

``cached_mnrl`` is GradCache (Gao et al., 2021; sentence-transformers'
``CachedMultipleNegativesRankingLoss``): the batch is embedded in mini-batches without a graph,
the loss and its gradient with respect to the embeddings are computed on the whole batch, then
each mini-batch is embedded again with a graph (same dropout, the random state is replayed) and
back-propagated with that gradient. The result is the gradient of the full-batch loss at the
memory of one mini-batch, so large batches (many in-batch negatives) fit small memory.

Batches never hold the same text twice (``epoch_batches``) and the loss masks what would still be
a false negative (a duplicate positive, another positive of the same anchor).
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Callable

import numpy as np
import torch
from torch import Tensor

from sbert_desktop.core.errors import TrainingDataError
from sbert_desktop.core.training import losses as L
from sbert_desktop.core.training.batches import Examples, lr_at
from sbert_desktop.core.training.trainer import _Run

RETRIEVAL_TASKS = ("pairs", "triplets")


class _RandomState:
    """The torch random state (CPU and CUDA) at construction, replayed by :meth:`replay`."""

    def __init__(self, device: torch.device):
        self.cpu = torch.get_rng_state()
        self.cuda = torch.cuda.get_rng_state(device) if device.type == "cuda" else None
        self.device = device

    def replay(self) -> None:
        torch.set_rng_state(self.cpu)
        if self.cuda is not None:
            torch.cuda.set_rng_state(self.cuda, self.device)


def cached_backward(embed: Callable[[np.ndarray], Tensor], rows: np.ndarray, mini_batch_size: int,
                    loss_of: Callable[[Tensor], Tensor], device: torch.device,
                    backward: Callable[[Tensor], None] = lambda t: t.backward(),
                    autocast: Callable[[], object] = nullcontext) -> Tensor:
    """Gradient-cached ``loss_of(embed(rows))``: accumulates the parameter gradients of the full
    loss while embedding at most ``mini_batch_size`` rows with a graph at a time. Returns the
    (detached) loss."""
    chunks = [rows[i:i + mini_batch_size] for i in range(0, len(rows), mini_batch_size)]
    states, reps = [], []
    with torch.no_grad():
        for chunk in chunks:
            states.append(_RandomState(device))
            with autocast():
                reps.append(embed(chunk).float())
    after = _RandomState(device)
    cached = torch.cat(reps).detach().requires_grad_(True)
    loss = loss_of(cached)
    loss.backward()
    grads = cached.grad.split([len(c) for c in chunks])
    for chunk, state, grad in zip(chunks, states, grads):
        state.replay()  # the same dropout masks as the first pass
        with autocast():
            emb = embed(chunk).float()
        backward((emb * grad).sum())
    after.replay()
    return loss.detach()


class RetrievalRun(_Run):
    """The training loop of :mod:`trainer` on pair/triplet files with mnrl or cached_mnrl."""

    def load_data(self) -> None:
        from sbert_desktop.core.data.retrieval_pairs import read_retrieval_pairs

        cfg = self.cfg
        self.train_ds = read_retrieval_pairs(cfg.train_file, cfg.task, cfg.columns)
        n = len(self.train_ds)
        if n < 2:
            raise TrainingDataError(f"{cfg.train_file}: the {cfg.loss_name} loss needs at least two "
                                    f"{cfg.task} (the other rows of a batch are the negatives); found {n}")
        negative = self.train_ds.negative if self.train_ds.negative is not None else [None] * n
        # a negative column (even all None) makes epoch_batches keep every text once per batch
        self.examples = Examples(list(self.train_ds.anchor), list(self.train_ds.positive), None, list(negative))
        self.load_dev()
        self.metric_name = None if self.dev_kind is None else "spearman"

    def _batch_ids(self, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        first, second = self.text_ids[0][idx], self.text_ids[1][idx]
        negatives = self.text_ids[2][idx] if len(self.text_ids) > 2 else np.zeros(0, dtype=np.int64)
        return first, second, negatives[negatives >= 0]

    def _loss_of(self, ids: tuple[np.ndarray, np.ndarray, np.ndarray]) -> Callable[[Tensor], Tensor]:
        b = len(ids[0])

        def loss_of(emb: Tensor) -> Tensor:
            return L.mnrl_loss(emb[:b], emb[b:2 * b], emb[2 * b:], self.cfg.similarity_scale, ids=ids)

        return loss_of

    def compute_loss(self, idx: np.ndarray) -> Tensor:
        ids = self._batch_ids(idx)
        return self._loss_of(ids)(self.model(self.features(np.concatenate(ids))))

    def train_step(self, idx: np.ndarray) -> float:
        if self.cfg.loss_name != "cached_mnrl":
            return super().train_step(idx)
        lr = lr_at(self.step, self.cfg.lr, self.warmup, self.total_steps)
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        ids = self._batch_ids(idx)
        amp = self.amp_dtype

        def autocast():
            return torch.autocast(device_type="cuda", dtype=amp) if amp is not None else nullcontext()

        def backward(t: Tensor) -> None:
            (self.scaler.scale(t) if self.scaler is not None else t).backward()

        loss = cached_backward(lambda rows: self.model(self.features(rows)), np.concatenate(ids),
                               self.cfg.mini_batch_size, self._loss_of(ids), self.device, backward, autocast)
        self.apply_gradients(lr)
        return float(loss)
