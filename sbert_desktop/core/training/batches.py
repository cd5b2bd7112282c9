"""Training examples, their checks, and the data order of each epoch.

The order of an epoch is a pure function of (seed, epoch, data): a resumed run rebuilds it and
skips the batches already done, so it sees exactly the batches the uninterrupted run would.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Optional

import numpy as np

from sbert_desktop.core.errors import TrainingDataError

from sbert_desktop.core.data.pairs import NLI_LABELS  # noqa: E402 — the one definition
ENTAILMENT, NEUTRAL, CONTRADICTION = 0, 1, 2


@dataclass
class Examples:
    """Parallel columns: ``first``/``second`` texts, optional hard ``negative`` texts and targets.

    ``targets`` is float32 0..1 for STS losses, int64 label indices for NLI classification and
    None for MNRL (the positive is the target).
    """

    first: list[str]
    second: list[str]
    targets: Optional[np.ndarray] = None
    negative: Optional[list[Optional[str]]] = None

    def __len__(self) -> int:
        return len(self.first)


def _where(dataset) -> str:
    return str(getattr(dataset, "path", None) or "training data")


def build_examples(dataset, encoder: str, task: str, loss: str) -> Examples:
    """Turn a pair data set into training examples for ``loss``; refuses data that cannot train it.

    Raises :class:`TrainingDataError` (before any step) for an empty set, a set of the other task,
    labels outside the NLI set, a single class, or constant scores.
    """
    where = _where(dataset)
    n = len(dataset)
    if n == 0:
        raise TrainingDataError(f"{where}: no pairs to train on (the file is empty)")
    data_task = getattr(dataset, "task", None)
    if data_task is not None and data_task != task:
        have = "NLI labels" if data_task == "nli" else "similarity scores"
        need = "NLI labels (entailment / neutral / contradiction)" if task == "nli" else "similarity scores"
        raise TrainingDataError(
            f"{where}: holds {data_task.upper()} pairs ({have}) but the {loss} loss trains on "
            f"{task.upper()} and needs {need}; choose --task {data_task} or another file"
        )
    s1, s2 = list(dataset.sentence1), list(dataset.sentence2)

    if task == "sts":
        scores = getattr(dataset, "scores", None)
        if scores is None:
            raise TrainingDataError(f"{where}: no similarity scores, which the {loss} loss needs")
        target = np.asarray(dataset.normalized_scores(), dtype=np.float32)
        if not np.all(np.isfinite(target)):
            bad = int(np.flatnonzero(~np.isfinite(target))[0])
            raise TrainingDataError(f"{where}: pair {bad + 1} has no valid score")
        if float(target.min()) < -1e-6 or float(target.max()) > 1 + 1e-6:
            raise TrainingDataError(f"{where}: scores fall outside the data set's score range")
        if n < 2 or float(target.max() - target.min()) == 0.0:
            raise TrainingDataError(
                f"{where}: every pair has the same score ({float(np.asarray(scores)[0]):g}); "
                "there is nothing to learn"
            )
        return Examples(s1, s2, np.clip(target, 0.0, 1.0))

    labels = getattr(dataset, "labels", None)
    if labels is None:
        raise TrainingDataError(f"{where}: no NLI labels, which the {loss} loss needs")
    labels = np.asarray(labels, dtype=np.int64)
    outside = np.flatnonzero((labels < 0) | (labels >= len(NLI_LABELS)))
    if len(outside):
        raise TrainingDataError(
            f"{where}: pair {int(outside[0]) + 1} has label {int(labels[outside[0]])}, outside "
            f"{', '.join(f'{i} {name}' for i, name in enumerate(NLI_LABELS))}"
        )
    present = np.unique(labels)
    if loss == "mnrl":
        return _mnrl_triples(where, s1, s2, labels)
    if len(present) < 2:
        raise TrainingDataError(
            f"{where}: every pair is labelled {NLI_LABELS[int(present[0])]}; a classifier needs at "
            "least two classes"
        )
    return Examples(s1, s2, labels)


def _mnrl_triples(where: str, s1: list[str], s2: list[str], labels: np.ndarray) -> Examples:
    """(premise, entailed hypothesis, contradicting hypothesis of the same premise when there is one)."""
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for a, b, y in zip(s1, s2, labels.tolist()):
        ent, con = groups.setdefault(a, ([], []))
        if y == ENTAILMENT:
            ent.append(b)
        elif y == CONTRADICTION:
            con.append(b)
    first, second, negative = [], [], []
    for premise, (ent, con) in groups.items():
        for i, hyp in enumerate(ent):
            first.append(premise)
            second.append(hyp)
            negative.append(con[i % len(con)] if con else None)
    if len(first) < 2:
        raise TrainingDataError(
            f"{where}: the mnrl loss needs at least two entailment pairs (anchor, positive); found {len(first)}"
        )
    return Examples(first, second, None, negative)


def epoch_order(n: int, seed: int, epoch: int) -> np.ndarray:
    """The shuffled example order of one epoch: depends on nothing but (n, seed, epoch)."""
    return np.random.default_rng([int(seed), int(epoch)]).permutation(n)


#: batches per length-sorted group of :func:`length_grouped_batches` (transformers' ``group_by_length``
#: sorts "megabatches" of 50 batches the same way)
GROUP_BATCHES = 50


def length_grouped_batches(order: np.ndarray, lengths: np.ndarray, batch_size: int, seed: int,
                           epoch: int) -> list[np.ndarray]:
    """Batches of similar length, so a batch pads to little more than its own rows: the epoch's
    shuffled order is cut into groups of :data:`GROUP_BATCHES` batches, each group is sorted by
    length (longest first) and cut into batches, and the batches of the epoch are shuffled. The
    examples of an epoch and the number of batches are those of the plain order; the result depends
    on nothing but (order, lengths, seed, epoch), so a resumed run sees the same batches."""
    group = batch_size * GROUP_BATCHES
    batches: list[np.ndarray] = []
    for start in range(0, len(order), group):
        chunk = order[start:start + group]
        chunk = chunk[np.argsort(-lengths[chunk], kind="stable")]
        batches += [chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size)]
    shuffle = np.random.default_rng([int(seed), int(epoch), 1]).permutation(len(batches))
    return [batches[i] for i in shuffle]


def epoch_batches(examples: Examples, batch_size: int, seed: int, epoch: int,
                  lengths: Optional[np.ndarray] = None) -> list[np.ndarray]:
    """Index batches of one epoch. MNRL batches hold no text twice (a duplicate would be a false
    negative); they are filled greedily in the epoch's order, which stays deterministic. With
    ``lengths`` (tokens per example; losses without in-batch negatives only) the batches are
    length-grouped (:func:`length_grouped_batches`)."""
    order = epoch_order(len(examples), seed, epoch)
    if examples.negative is None:
        if lengths is not None:
            return length_grouped_batches(order, np.asarray(lengths), batch_size, seed, epoch)
        return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    def texts(idx: int) -> set:
        out = {examples.first[idx], examples.second[idx]}
        if examples.negative[idx] is not None:
            out.add(examples.negative[idx])
        return out

    batches: list[np.ndarray] = []
    deferred: deque[int] = deque()  # examples that clashed with a batch; they go first next time
    upcoming = iter(order.tolist())
    exhausted = False
    while not exhausted or deferred:
        batch: list[int] = []
        seen: set = set()
        for _ in range(len(deferred)):
            idx = deferred.popleft()
            t = texts(idx)
            if len(batch) < batch_size and not (t & seen):
                batch.append(idx)
                seen |= t
            else:
                deferred.append(idx)
        while len(batch) < batch_size and not exhausted:
            idx = next(upcoming, None)
            if idx is None:
                exhausted = True
                break
            t = texts(idx)
            if t & seen:
                deferred.append(idx)
            else:
                batch.append(idx)
                seen |= t
        if not batch:  # only mutually clashing leftovers
            break
        batches.append(np.asarray(batch, dtype=np.int64))
    if len(batches) > 1 and len(batches[-1]) < 2:  # a batch of one has no in-batch negatives
        batches.pop()
    return batches


def lr_at(step: int, base_lr: float, warmup_steps: int, total_steps: int) -> float:
    """Linear warm-up from 0 over ``warmup_steps``, then linear decay to 0 at ``total_steps``
    (the schedule of transformers' ``get_linear_schedule_with_warmup``; ``step`` counts optimizer
    steps already taken)."""
    if step < warmup_steps:
        return base_lr * step / max(1, warmup_steps)
    return base_lr * max(0.0, (total_steps - step) / max(1, total_steps - warmup_steps))
