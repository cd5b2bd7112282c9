"""The all-rows k-NN graph from k-means cells: every pair of neighbouring cells compared once.

:func:`sbert_desktop.core.ivf_cells.cell_search` answers queries cell by cell against the rows of the
``nprobe`` cells nearest to the query's cell. For the k-NN graph of the rows themselves one product
serves both sides: the similarity block of cells ``c`` and ``d`` holds the candidates of ``c``'s rows
among ``d``'s and those of ``d``'s rows among ``c``'s. So the graph compares each unordered pair of
cells ``{c, d}`` where ``d`` is among ``c``'s ``nprobe`` nearest cells *or* ``c`` among ``d``'s, once:
about half the products of searching every row as a query, and two rows are compared when either
row's cell probes the other's, which finds more true neighbours per probe. The recall for each
``nprobe`` is read off a sample's exact neighbours the same way as for the search
(:func:`graph_probe_ranks`), so the graph needs fewer probes than the search for the same target.

The rows are copied once in cell order, so a cell's candidates are a few contiguous slices: the
products run on views, with no gathers. Each row's running top-k is kept in two ``[n, k]`` tables;
a block's scores are compared with every row's current k-th best and only those that beat it are
merged (no top-k over the whole block). A pair left out that way scores at most the row's final
k-th best, so each row's answer is the exact top-k of the rows it was compared with.
"""

from __future__ import annotations

import time

import numpy as np

from sbert_desktop.core.ivf_cells import Cells, probe_ranks
from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check


def graph_probe_ranks(cells: Cells, rows: np.ndarray, exact: np.ndarray) -> np.ndarray:
    """For each sampled row ``a`` and exact neighbour ``b``: the smallest ``nprobe`` minus one at
    which the graph compares them, i.e. the smaller of the position of ``b``'s cell in ``a``'s cell's
    probe list and that of ``a``'s cell in ``b``'s ("not in the list" = ``probes.shape[1]``)."""
    forward = probe_ranks(cells, rows, exact)
    p = cells.probes.shape[1]
    back = cells.probes[cells.assign[np.maximum(exact, 0)]]  # [m, k, p]: the probe lists of the neighbours' cells
    hit = back == cells.assign[rows][:, None, None]
    backward = np.where(hit.any(axis=2), hit.argmax(axis=2), p)
    ranks = np.minimum(forward, backward)
    ranks[exact < 0] = p
    return ranks


def cell_pairs(cells: Cells, nprobe: int) -> list[list[tuple[int, int]]]:
    """For each cell ``c``: the row ranges (in cell order) of the cells ``d > c`` it is compared
    with, consecutive cells merged into one range."""
    nl = cells.nlist
    probes = cells.probes[:, : max(1, nprobe)].astype(np.int64)
    a = np.repeat(np.arange(nl, dtype=np.int64), probes.shape[1])
    b = probes.ravel()
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    key = np.unique(lo[lo < hi] * nl + hi[lo < hi])
    lo, hi = key // nl, key % nl
    bounds = np.searchsorted(lo, np.arange(nl + 1))
    off = cells.offsets
    out: list[list[tuple[int, int]]] = []
    for c in range(nl):
        ranges: list[tuple[int, int]] = []
        for d in hi[bounds[c] : bounds[c + 1]]:
            s, e = int(off[d]), int(off[d + 1])
            if s == e:
                continue
            if ranges and ranges[-1][1] == s:
                ranges[-1] = (ranges[-1][0], e)
            else:
                ranges.append((s, e))
        out.append(ranges)
    return out


def _merge(best_s, best_i, rows, nbrs, scores, k: int) -> None:
    """Fold candidate ``(row, neighbour, score)`` triples into the running top-k tables."""
    import torch

    if rows.numel() == 0:
        return
    o = torch.argsort(scores, descending=True, stable=True)
    rows, nbrs, scores = rows[o], nbrs[o], scores[o]
    o = torch.argsort(rows, stable=True)
    rows, nbrs, scores = rows[o], nbrs[o], scores[o]
    uniq, counts = torch.unique_consecutive(rows, return_counts=True)
    group = torch.repeat_interleave(torch.arange(uniq.numel()), counts)
    rank = torch.arange(rows.numel()) - torch.repeat_interleave(torch.cumsum(counts, 0) - counts, counts)
    keep = rank < k
    new_s = torch.full((uniq.numel(), k), -torch.inf)
    new_i = torch.full((uniq.numel(), k), -1, dtype=torch.int64)
    new_s[group[keep], rank[keep]] = scores[keep]
    new_i[group[keep], rank[keep]] = nbrs[keep]
    all_s = torch.cat([best_s[uniq], new_s], 1)
    all_i = torch.cat([best_i[uniq], new_i], 1)
    top_s, top = torch.topk(all_s, k, dim=1)
    best_s[uniq] = top_s
    best_i[uniq] = all_i.gather(1, top)


def cell_knn_graph(unit: np.ndarray, cells: Cells, nprobe: int, k: int,
                   progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                   stage: str = "nearest neighbours (ivf)") -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best other rows of every row of ``unit``, comparing the cell pairs of
    :func:`cell_pairs`. Returns ``(indices int64 [n, k] (-1 = none), scores float32 [n, k])``."""
    import torch

    n = unit.shape[0]
    order, off = cells.order, cells.offsets
    pairs = cell_pairs(cells, nprobe)
    sizes = np.diff(off)
    work = sizes * sizes + np.array([sizes[c] * sum(e - s for s, e in r) for c, r in enumerate(pairs)])
    total, done = max(1, int(work.sum())), 0
    start = time.perf_counter()
    step = total // 100 + 1
    next_report = 0

    def report(force: bool = False) -> None:
        nonlocal next_report
        if force or done >= next_report:
            check(cancel)
            if progress is not None:
                progress(Progress(min(done, total), total, stage, {}, time.perf_counter() - start))
            next_report = done + step

    xs = torch.from_numpy(np.take(unit, order, axis=0))  # the rows in cell order: cells are slices
    best_s = torch.full((n, k), -torch.inf)
    best_i = torch.full((n, k), -1, dtype=torch.int64)
    with torch.inference_mode():
        for c in range(cells.nlist):  # each cell with itself
            s, e = int(off[c]), int(off[c + 1])
            if e - s > 1:
                report()
                block = xs[s:e] @ xs[s:e].T
                block.fill_diagonal_(-torch.inf)
                kk = min(k, e - s - 1)
                top_s, top = torch.topk(block, kk, dim=1)
                best_s[s:e, :kk] = top_s
                best_i[s:e, :kk] = top + s
            done += int(sizes[c]) ** 2
        for c, ranges in enumerate(pairs):  # each cell with its probed cells of higher number
            s, e = int(off[c]), int(off[c + 1])
            if s == e or not ranges:
                continue
            report()
            q = xs[s:e]
            m = sum(b - a for a, b in ranges)
            block = torch.empty((m, e - s))  # candidates x queries
            pos = 0
            for a, b in ranges:
                torch.mm(xs[a:b], q.T, out=block[pos : pos + b - a])
                pos += b - a
            cand = torch.cat([torch.arange(a, b) for a, b in ranges])
            thr_cand = torch.cat([best_s[a:b, k - 1] for a, b in ranges])
            jq, iq = (block > best_s[s:e, k - 1]).nonzero(as_tuple=True)  # beats the query row's k-th
            jc, ic = (block > thr_cand[:, None]).nonzero(as_tuple=True)  # beats the candidate row's k-th
            _merge(best_s, best_i, torch.cat([iq + s, cand[jc]]), torch.cat([cand[jq], ic + s]),
                   torch.cat([block[jq, iq], block[jc, ic]]), k)
            done += int(sizes[c]) * m
    del xs
    report(force=True)
    found = best_i.numpy()
    indices = np.full((n, k), -1, np.int64)
    scores = np.empty((n, k), np.float32)
    indices[order] = np.where(found >= 0, order[np.maximum(found, 0)], -1)
    scores[order] = best_s.numpy()
    return indices, scores
