"""What Matryoshka truncation costs: STS correlations of one bi-encoder at several dimensions.

The sentences are encoded once at the full dimension; each row of the table keeps the first N
values of every embedding (the cosine renormalises them), exactly what ``BiEncoder.set_dimensions``
encodes, so the table is as cheap as one evaluation.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, ProgressCallback


def parse_dimensions(text: str, full: int | None = None) -> list[int]:
    """``"384,128,64"`` -> [384, 128, 64]; refuses non-numbers, values < 1 or above ``full``."""
    try:
        dims = [int(part) for part in str(text).split(",") if part.strip()]
    except ValueError:
        raise SbertDesktopError(f"--dimensions {text!r}: expected numbers separated by commas, e.g. 384,128,64") \
            from None
    bad = [d for d in dims if d < 1 or (full is not None and d > full)]
    if not dims or bad:
        limit = f" and at most {full}" if full is not None else ""
        raise SbertDesktopError(f"--dimensions {text!r}: each must be at least 1{limit}")
    return dims


def sts_by_dimensions(bi, dataset, dimensions: Sequence[int], batch_size: int = 64,
                      progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> list[dict]:
    """``[{"dimensions": N, "pearson": ..., "spearman": ..., "n": ...}]`` for each N (full size first
    if it is asked), from a single encoding at the model's full dimension."""
    from sbert_desktop.core.evaluation import bi_embeddings, correlations, cosine_scores

    if dataset.scores is None:
        raise SbertDesktopError(f"{dataset.path}: the dimension table needs similarity scores (an STS data set)")
    kept = bi.dimensions
    bi.set_dimensions(None)
    try:
        u, v = bi_embeddings(bi, dataset, batch_size, progress, cancel)
    finally:
        bi.set_dimensions(kept)
    rows = []
    for d in dimensions:
        if d > u.shape[1]:
            raise SbertDesktopError(f"{bi.name}: has {u.shape[1]} dimensions, not {d}")
        rows.append({"dimensions": int(d), **correlations(cosine_scores(u[:, :d], v[:, :d]), dataset.scores)})
    return rows


def format_dimension_table(rows: list[dict]) -> str:
    full = max(r["dimensions"] for r in rows)
    base = next((r["spearman"] for r in rows if r["dimensions"] == full), None)
    lines = [f"  {'dimensions':>10} {'Pearson':>8} {'Spearman':>9} {'vs ' + str(full):>8}"]
    for r in rows:
        rel = f"{100 * r['spearman'] / base:7.1f}%" if base else ""
        lines.append(f"  {r['dimensions']:>10} {100 * r['pearson']:>8.2f} {100 * r['spearman']:>9.2f} {rel:>8}")
    return "\n".join(lines)
