"""One evaluation run for the Evaluate page and ``sbert-desktop evaluate --pooling all / --retrieval /
--cost``: loads nothing itself, runs the chosen tables on loaded models, returns one JSON-able dict.

The window shows exactly this dict and the CLI prints it with ``--json``, so every number on the
page is in the CLI's output.
"""

from __future__ import annotations

import time
from typing import Any, Sequence

from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback

SCHEMA_VERSION = 1
TABLES = ("pooling", "cost", "retrieval")


def _prefixed(progress: ProgressCallback | None, prefix: str) -> ProgressCallback | None:
    if progress is None:
        return None
    return lambda p: progress(Progress(p.done, p.total, f"{prefix}: {p.stage}" if p.stage else prefix,
                                       p.info, p.elapsed))


def describe(model) -> dict[str, Any]:
    info = model.info()
    keep = ("name", "source", "pooling", "max_seq_length", "normalize", "num_labels", "dimension")
    return {k: info[k] for k in keep if k in info}


def run_evaluation(bi, dataset, *, ce=None, head=None, tables: Sequence[str] = TABLES,
                   pooling_modes: Sequence[str] | None = None, rerank_k: Sequence[int] = (10, 50, 100),
                   min_score: float = 0.8, timing_queries: int = 20, batch_size: int = 64,
                   progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> dict[str, Any]:
    """``{"schema_version", "data", "task", "pairs", "bi_encoder", "cross_encoder", "pooling", "encoders",
    "retrieval", "seconds", "notes"}`` for the tables asked for (a table that cannot run on this data or
    these models is left out with a note saying why)."""
    from sbert_desktop.core.errors import SbertDesktopError

    started = time.perf_counter()
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION, "data": str(getattr(dataset, "path", "")),
        "format": getattr(dataset, "format", None), "task": dataset.task, "pairs": len(dataset),
        "bi_encoder": describe(bi), "cross_encoder": describe(ce) if ce is not None else None, "notes": [],
    }
    if ce is not None and getattr(ce, "new_head", False):
        out["notes"].append("the cross-encoder's head is new and untrained: its scores are noise")
    kept: dict[str, Any] = {}  # the pooling pass's own-mode embeddings, reused by the retrieval table
    if "pooling" in tables:
        from sbert_desktop.core.pooling_ablation import pooling_ablation

        try:
            out["pooling"] = pooling_ablation(bi, dataset, pooling_modes, head=head, batch_size=batch_size,
                                              progress=_prefixed(progress, "pooling"), cancel=cancel, keep=kept)
        except SbertDesktopError as exc:
            out["notes"].append(f"pooling table: {exc}")
    if "cost" in tables:
        from sbert_desktop.core.encoder_cost import compare_encoders

        usable = ce if ce is not None and _fits(ce, dataset) else None
        if ce is not None and usable is None:
            out["notes"].append(f"bi vs cross: a {ce.num_labels}-output cross-encoder does not score "
                                f"{dataset.task.upper()} data")
        out["encoders"] = compare_encoders(bi, usable, dataset, head=head, batch_size=batch_size,
                                           progress=_prefixed(progress, "bi vs cross"), cancel=cancel)
    if "retrieval" in tables:
        from sbert_desktop.core.retrieval_eval import evaluate_retrieval

        usable = ce if ce is not None and ce.num_labels in (1, 2) else None
        if ce is not None and usable is None:
            out["notes"].append("retrieval: reranking needs a one-score cross-encoder (an STS one), "
                                f"not a {ce.num_labels}-label classifier")
        embed = None
        if kept:
            index, emb = kept["index"], kept["embeddings"]

            def embed(texts, _stage):
                return emb[[index[t] for t in texts]]
        try:
            out["retrieval"] = evaluate_retrieval(bi, dataset, usable, rerank_k, min_score=min_score,
                                                  timing_queries=timing_queries, batch_size=batch_size,
                                                  progress=_prefixed(progress, "retrieval"), cancel=cancel,
                                                  embed=embed)
        except SbertDesktopError as exc:
            out["notes"].append(f"retrieval: {exc}")
    out["seconds"] = time.perf_counter() - started
    return out


def _fits(ce, dataset) -> bool:
    return ce.num_labels == 1 if dataset.task == "sts" else ce.num_labels == 3
