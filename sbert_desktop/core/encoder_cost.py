"""Bi-encoder against cross-encoder: accuracy and measured speed on one pair set, and what
comparing every pair of n sentences costs each way.

The bi-encoder runs n sentences through the model and then n(n-1)/2 cosine similarities (a matrix
product); the cross-encoder runs every one of the n(n-1)/2 pairs through the model. Rates are
measured here, on this machine, while scoring the data set: sentences/s for the bi-encoder,
pairs/s for the cross-encoder, and dot products/s for a timed similarity matrix. The cost for the
data set's own n, 10,000 and 1,000,000 sentences is extrapolated from those measured rates.
"""

from __future__ import annotations

import time
from typing import Any, Sequence

import numpy as np

from sbert_desktop.core.progress import CancelToken, ProgressCallback

SCHEMA_VERSION = 1
DEFAULT_SIZES = (10_000, 1_000_000)


def dot_rate(dimension: int, n: int = 2048, repeats: int = 3) -> float:
    """Measured cosine similarities per second: an ``n x n`` product of unit vectors (best of ``repeats``)."""
    rng = np.random.default_rng(0)
    emb = rng.standard_normal((n, dimension)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        emb @ emb.T
        best = min(best, time.perf_counter() - t)
    return n * n / max(best, 1e-9)


def all_pairs_cost(n: int, sentences_per_s: float, pairs_per_s: float | None, dots_per_s: float) -> dict[str, Any]:
    """Seconds to score every pair of ``n`` sentences with each encoder (from measured rates)."""
    pairs = n * (n - 1) // 2
    bi = n / sentences_per_s + pairs / dots_per_s
    return {"n": n, "pairs": pairs, "bi_seconds": bi, "bi_model_runs": n,
            "cross_seconds": pairs / pairs_per_s if pairs_per_s else None, "cross_model_runs": pairs}


def compare_encoders(bi, ce, dataset, *, head=None, sizes: Sequence[int] = DEFAULT_SIZES, batch_size: int = 64,
                     progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> dict[str, Any]:
    """Accuracy of both encoders on ``dataset`` and their measured speed, with the all-pairs cost.

    STS: Pearson/Spearman of cosine and of the cross-encoder's score. NLI: accuracy/macro-F1 of the
    cross-encoder (three outputs) and of the bi-encoder through ``head`` when given.
    """
    from sbert_desktop.core import evaluation
    from sbert_desktop.core.progress import Progress

    def stage(name: str):
        if progress is None:
            return None
        return lambda p: progress(Progress(p.done, p.total, name, p.info, p.elapsed))

    unique: dict[str, int] = {}
    for text in list(dataset.sentence1) + list(dataset.sentence2):
        unique.setdefault(text, len(unique))
    t = time.perf_counter()
    emb = bi.encode(list(unique), batch_size=batch_size, progress=stage("bi-encoder"), cancel=cancel)
    bi_seconds = time.perf_counter() - t
    u = emb[[unique[s] for s in dataset.sentence1]]
    v = emb[[unique[s] for s in dataset.sentence2]]
    keys = ("pearson", "spearman") if dataset.task == "sts" else ("accuracy", "macro_f1")
    bi_row: dict[str, Any] = {"encoder": "bi", "model": getattr(bi, "name", ""), "pooling": bi.pooling.mode,
                              "seconds": bi_seconds, "sentences": len(unique),
                              "sentences_per_s": len(unique) / max(bi_seconds, 1e-9)}
    if dataset.task == "sts":
        bi_row.update({k: m for k, m in evaluation.correlations(evaluation.cosine_scores(u, v),
                                                                dataset.scores).items() if k in keys})
    elif head is not None:
        probs = evaluation.nli_head_probabilities(head, u, v)
        m = evaluation.classification_metrics(probs.argmax(axis=1), dataset.labels, head.num_labels)
        bi_row.update({k: m[k] for k in keys})
    else:
        bi_row["note"] = "no NLI classifier head beside the bi-encoder: accuracy not measured"
    rows = [bi_row]
    cross_rate = None
    if ce is not None:
        t = time.perf_counter()
        if dataset.task == "sts":
            m = evaluation.evaluate_sts_cross(ce, dataset, batch_size, progress=stage("cross-encoder"), cancel=cancel)
        else:
            m = evaluation.evaluate_nli_cross(ce, dataset, batch_size, progress=stage("cross-encoder"), cancel=cancel)
        seconds = time.perf_counter() - t
        cross_rate = len(dataset) / max(seconds, 1e-9)
        rows.append({"encoder": "cross", "model": getattr(ce, "name", ""), "seconds": seconds,
                     "pairs": len(dataset), "pairs_per_s": cross_rate, **{k: m[k] for k in keys}})
    dots = dot_rate(bi.dimension)
    n_own = len(unique)
    cost = [dict(all_pairs_cost(n, bi_row["sentences_per_s"], cross_rate, dots), label=label)
            for n, label in [(n_own, "this data set")] + [(int(s), f"{int(s):,}") for s in sizes]]
    return {"schema_version": SCHEMA_VERSION, "task": dataset.task, "metrics": list(keys), "rows": rows,
            "dots_per_s": dots, "cost": cost,
            "cost_note": "all pairs of n sentences; extrapolated from the rates measured on this data set "
                         "(bi: n model runs + n(n-1)/2 cosines; cross: n(n-1)/2 model runs)"}


def format_seconds(seconds: float | None) -> str:
    """A duration a person reads at a glance: ms, s, min, h, days or years."""
    if seconds is None or seconds != seconds:
        return "-"
    for limit, div, unit in ((1, 1e-3, "ms"), (120, 1, "s"), (7200, 60, "min"), (172800, 3600, "h"),
                             (3 * 31_557_600, 86400, "days")):
        if seconds < limit:
            return f"{seconds / div:.3g} {unit}"
    return f"{seconds / 31_557_600:.3g} years"
