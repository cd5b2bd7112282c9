"""Dev-set metrics: STS Pearson/Spearman and NLI accuracy/macro-F1, for bi- and cross-encoders.

Each ``evaluate_*`` function takes a loaded model and a pair data set (``read_pairs``) and returns
plain floats: ``{"pearson", "spearman", "n"}`` for STS, ``{"accuracy", "macro_f1", "n", ...}`` for
NLI. Correlations are on the gold scores' own scale (they do not depend on it). Models encode in
length-sorted batches under ``torch.inference_mode`` (see ``BiEncoder.encode``), each distinct
sentence once.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, ProgressCallback

from sbert_desktop.core.data.pairs import NLI_LABELS  # noqa: E402 — the one definition


# --------------------------------------------------------------------- metrics on arrays
def correlations(predicted: Sequence[float], gold: Sequence[float]) -> dict[str, float]:
    """Pearson and Spearman correlation (NaN when either side is constant)."""
    from scipy.stats import pearsonr, spearmanr

    p = np.asarray(predicted, dtype=np.float64)
    g = np.asarray(gold, dtype=np.float64)
    if len(p) != len(g):
        raise ValueError(f"{len(p)} predictions for {len(g)} gold values")
    if len(p) < 2 or np.ptp(p) == 0 or np.ptp(g) == 0:
        return {"pearson": float("nan"), "spearman": float("nan"), "n": int(len(p))}
    return {"pearson": float(pearsonr(p, g)[0]), "spearman": float(spearmanr(p, g)[0]), "n": int(len(p))}


def classification_metrics(predicted: Sequence[int], gold: Sequence[int], num_labels: int = 3) -> dict[str, Any]:
    """Accuracy, macro-F1 over the labels that occur in gold or predictions, per-class F1, confusion."""
    p = np.asarray(predicted, dtype=np.int64)
    g = np.asarray(gold, dtype=np.int64)
    if len(p) != len(g):
        raise ValueError(f"{len(p)} predictions for {len(g)} gold labels")
    confusion = np.zeros((num_labels, num_labels), dtype=np.int64)  # rows: gold, columns: predicted
    np.add.at(confusion, (g, p), 1)
    tp = np.diag(confusion).astype(np.float64)
    precision_den = confusion.sum(axis=0)
    recall_den = confusion.sum(axis=1)
    f1 = np.zeros(num_labels)
    for k in range(num_labels):
        den = precision_den[k] + recall_den[k]
        f1[k] = 2 * tp[k] / den if den else 0.0
    present = (precision_den + recall_den) > 0
    return {
        "accuracy": float(tp.sum() / len(g)) if len(g) else float("nan"),
        "macro_f1": float(f1[present].mean()) if present.any() else float("nan"),
        "f1_per_label": [float(x) for x in f1],
        "confusion": confusion.tolist(),
        "n": int(len(g)),
    }


# --------------------------------------------------------------------- models on data sets
def _need(dataset, what: str) -> None:
    if len(dataset) == 0:
        raise SbertDesktopError(f"{getattr(dataset, 'path', 'data set')}: no pairs to evaluate")
    if what == "scores" and getattr(dataset, "scores", None) is None:
        raise SbertDesktopError(f"{dataset.path}: has no similarity scores, so STS metrics cannot be computed")
    if what == "labels" and getattr(dataset, "labels", None) is None:
        raise SbertDesktopError(f"{dataset.path}: has no NLI labels, so accuracy cannot be computed")


def bi_embeddings(bi, dataset, batch_size: int = 64, progress: ProgressCallback | None = None,
                  cancel: CancelToken | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Embeddings of sentence1 and sentence2, each distinct sentence encoded once."""
    unique: dict[str, int] = {}
    for text in list(dataset.sentence1) + list(dataset.sentence2):
        unique.setdefault(text, len(unique))
    emb = bi.encode(list(unique), batch_size=batch_size, progress=progress, cancel=cancel)
    first = emb[[unique[t] for t in dataset.sentence1]]
    second = emb[[unique[t] for t in dataset.sentence2]]
    return first, second


def cosine_scores(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    un = u / np.maximum(np.linalg.norm(u, axis=1, keepdims=True), 1e-12)
    vn = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    return np.einsum("ij,ij->i", un, vn)


def evaluate_sts_bi(bi, dataset, batch_size: int = 64, progress: ProgressCallback | None = None,
                    cancel: CancelToken | None = None) -> dict[str, float]:
    """Pearson/Spearman of cosine(u, v) against the gold scores."""
    _need(dataset, "scores")
    u, v = bi_embeddings(bi, dataset, batch_size, progress, cancel)
    return correlations(cosine_scores(u, v), dataset.scores)


def evaluate_sts_cross(ce, dataset, batch_size: int = 64, progress: ProgressCallback | None = None,
                       cancel: CancelToken | None = None) -> dict[str, float]:
    """Pearson/Spearman of the cross-encoder's score against the gold scores."""
    _need(dataset, "scores")
    if ce.num_labels != 1:
        raise SbertDesktopError(
            f"this cross-encoder has {ce.num_labels} outputs (a classifier); STS needs a one-output model"
        )
    scores = ce.predict(dataset.pairs(), batch_size=batch_size, progress=progress, cancel=cancel)
    return correlations(scores, dataset.scores)


def evaluate_nli_cross(ce, dataset, batch_size: int = 64, progress: ProgressCallback | None = None,
                       cancel: CancelToken | None = None) -> dict[str, Any]:
    """Accuracy and macro-F1 of the cross-encoder's arg-max label."""
    _need(dataset, "labels")
    if ce.num_labels != len(NLI_LABELS):
        raise SbertDesktopError(
            f"this cross-encoder has {ce.num_labels} output(s); NLI needs {len(NLI_LABELS)} "
            f"({', '.join(NLI_LABELS)})"
        )
    probs = ce.predict(dataset.pairs(), batch_size=batch_size, progress=progress, cancel=cancel)
    return classification_metrics(probs.argmax(axis=1), dataset.labels, len(NLI_LABELS))


def nli_head_probabilities(head, u: np.ndarray, v: np.ndarray, batch_size: int = 1024) -> np.ndarray:
    import torch

    out = []
    device = next(head.parameters()).device
    was_training = head.training
    head.eval()
    try:
        with torch.inference_mode():
            for i in range(0, len(u), batch_size):
                tu = torch.from_numpy(np.ascontiguousarray(u[i:i + batch_size])).to(device)
                tv = torch.from_numpy(np.ascontiguousarray(v[i:i + batch_size])).to(device)
                out.append(torch.softmax(head(tu, tv).float(), dim=-1).cpu().numpy())
    finally:
        head.train(was_training)
    return np.concatenate(out) if out else np.zeros((0, head.num_labels), dtype=np.float32)


def evaluate_nli_bi(bi, head, dataset, batch_size: int = 64, progress: ProgressCallback | None = None,
                    cancel: CancelToken | None = None) -> dict[str, Any]:
    """Accuracy and macro-F1 of a bi-encoder with its softmax classifier head."""
    _need(dataset, "labels")
    u, v = bi_embeddings(bi, dataset, batch_size, progress, cancel)
    probs = nli_head_probabilities(head, u, v)
    return classification_metrics(probs.argmax(axis=1), dataset.labels, head.num_labels)
