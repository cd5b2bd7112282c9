"""The all-rows k-NN graph from k-means cells: every pair of neighbouring cells compared once.

:func:`sbert_desktop.core.ivf_cells.cell_search` answers queries cell by cell against the rows of the
``nprobe`` cells nearest to the query's cell. For the k-NN graph of the rows themselves one product
serves both sides: the similarity block of cells ``c`` and ``d`` holds the candidates of ``c``'s rows
among ``d``'s and those of ``d``'s rows among ``c``'s. So the graph compares each unordered pair of
cells once, for both cells' rows: about half the products of searching every row as a query, and
two rows are compared when either row's cell probes the other's. Which pairs of cells
(:class:`PairRule`: within each other's ``nprobe`` nearest, centroids at least ``min_sim`` alike) is
read off a sample's exact neighbours like the search's ``nprobe``, choosing the cheapest rule that
reaches the target recall (:func:`choose_rule`): the sample recall is then the graph's.

The rows are copied once in cell order, so a cell's candidates are a few contiguous slices: the
products run on views, with no gathers. Each row's running top-k is kept in two ``[n, k]`` tables;
a block's scores are compared with every row's current k-th best and only those that beat it are
merged (no top-k over the whole block). A pair left out that way scores at most the row's final
k-th best, so each row's answer is the exact top-k of the rows it was compared with. Rows that were
compared with fewer than k others (small cells no pair reached) are searched afterwards over their
cell's whole probe table, so every row gets k neighbours (UMAP needs them all).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from sbert_desktop.core.ivf_cells import Cells, cell_search
from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check


@dataclass(frozen=True)
class PairRule:
    """Which pairs of cells the graph compares: cells ``c`` and ``d`` where ``d`` is among ``c``'s
    first ``nprobe`` probes or ``c`` among ``d``'s, and whose centroids' cosine is at least
    ``min_sim`` (``-inf``: no bound). Every cell is compared with itself."""

    nprobe: int
    min_sim: float = -np.inf


def pair_tables(cells: Cells) -> tuple[np.ndarray, np.ndarray]:
    """``rank`` int16 [nlist, nlist]: the smaller of ``d``'s position in ``c``'s probe list and
    ``c``'s in ``d``'s (``probes.shape[1]`` where neither holds the other; 0 on the diagonal);
    ``sim`` float32 [nlist, nlist]: the centroids' cosines, ``+inf`` on the diagonal."""
    nl, p = cells.probes.shape
    rank = np.full((nl, nl), p, np.int16)
    rank[np.repeat(np.arange(nl), p), cells.probes.ravel()] = np.tile(np.arange(p, dtype=np.int16), nl)
    rank = np.minimum(rank, rank.T)
    sim = (cells.centroids @ cells.centroids.T).astype(np.float32)
    np.fill_diagonal(sim, np.inf)
    return rank, sim


def _pair_mask(rank: np.ndarray, sim: np.ndarray, rule: PairRule) -> np.ndarray:
    return (rank < rule.nprobe) & (sim >= np.float32(rule.min_sim))


def sample_coverage(cells: Cells, rows: np.ndarray, exact: np.ndarray, rule: PairRule,
                    tables: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """bool [m, k]: whether the graph under ``rule`` compares each sampled row with each of its
    exact neighbours; the graph's recall on the sample is the mean (its answer is exact over the
    pairs it compares)."""
    rank, sim = pair_tables(cells) if tables is None else tables
    a = np.broadcast_to(cells.assign[rows][:, None], exact.shape)
    b = cells.assign[np.maximum(exact, 0)]
    return _pair_mask(rank[a, b], sim[a, b], rule) & (exact >= 0)


def pair_cost(cells: Cells, rule: PairRule, tables: tuple[np.ndarray, np.ndarray] | None = None) -> float:
    """Row-pair products the graph computes under ``rule``: each cell with itself, each compared
    pair of different cells once."""
    rank, sim = pair_tables(cells) if tables is None else tables
    sizes = np.diff(cells.offsets).astype(np.float64)
    mask = _pair_mask(rank, sim, rule)
    np.fill_diagonal(mask, False)
    return float(sizes @ sizes + sizes @ (mask @ sizes) / 2)


def choose_rule(cells: Cells, rows: np.ndarray, exact: np.ndarray, target: float) -> tuple[PairRule, float]:
    """The cheapest :class:`PairRule` (by :func:`pair_cost`) whose recall on the sample reaches
    ``target``: for each ``nprobe`` on a grid from the smallest that reaches it alone up to the
    probe table, the highest ``min_sim`` that still does. Returns ``(rule, recall on the sample)``.

    A fixed ``nprobe`` wastes products where a topic fills only a few cells (they probe other
    topics' cells too); a similarity bound alone takes too many cells inside a big topic; the best
    pair of the two is read off the sample like ``nprobe`` for the search."""
    tables = pair_tables(cells)
    rank, sim = tables
    top = cells.probes.shape[1]
    a = np.broadcast_to(cells.assign[rows][:, None], exact.shape)
    b = cells.assign[np.maximum(exact, 0)]
    valid = exact >= 0
    pr = np.where(valid, rank[a, b], top).ravel()
    ps = np.where(valid, sim[a, b], -np.inf).ravel()
    need = int(np.ceil(target * pr.size - 1e-9))
    reach = [p for p in range(1, top + 1) if np.count_nonzero(pr < p) >= need]
    if not reach or need == 0:
        rule = PairRule(top)
        return rule, float(np.mean(sample_coverage(cells, rows, exact, rule, tables)))
    grid = np.unique(np.r_[reach[0], np.geomspace(reach[0], top, 12).round()]).astype(int)
    best: tuple[float, PairRule] | None = None
    for p in grid:
        kept = np.sort(ps[pr < p])[::-1]
        rule = PairRule(int(p), float(kept[need - 1]))
        cost = pair_cost(cells, rule, tables)
        if best is None or cost < best[0]:
            best = (cost, rule)
    rule = best[1]
    return rule, float(np.mean(sample_coverage(cells, rows, exact, rule, tables)))


def cell_pairs(cells: Cells, rule: PairRule) -> list[list[tuple[int, int]]]:
    """For each cell ``c``: the row ranges (in cell order) of the cells ``d > c`` it is compared
    with, consecutive cells merged into one range."""
    rank, sim = pair_tables(cells)
    lo, hi = np.nonzero(np.triu(_pair_mask(rank, sim, rule), 1))
    bounds = np.searchsorted(lo, np.arange(cells.nlist + 1))
    off = cells.offsets
    out: list[list[tuple[int, int]]] = []
    for c in range(cells.nlist):
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


def _merge(best_s: np.ndarray, best_i: np.ndarray, rows: np.ndarray, nbrs: np.ndarray, scores: np.ndarray,
           k: int) -> None:
    """Fold candidate ``(row, neighbour, score)`` triples into the running top-k tables (numpy:
    these are small arrays, where torch's per-call threading costs more than the work)."""
    if rows.size == 0:
        return
    o = np.lexsort((-scores, rows))
    rows, nbrs, scores = rows[o], nbrs[o], scores[o]
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    counts = np.diff(np.r_[starts, rows.size])
    rank = np.arange(rows.size) - np.repeat(starts, counts)
    group = np.repeat(np.arange(starts.size), counts)
    keep = rank < k
    uniq = rows[starts]
    new_s = np.full((uniq.size, k), -np.inf, np.float32)
    new_i = np.full((uniq.size, k), -1, np.int64)
    new_s[group[keep], rank[keep]] = scores[keep]
    new_i[group[keep], rank[keep]] = nbrs[keep]
    all_s = np.concatenate([best_s[uniq], new_s], 1)
    all_i = np.concatenate([best_i[uniq], new_i], 1)
    top = np.argsort(-all_s, axis=1, kind="stable")[:, :k]
    best_s[uniq] = np.take_along_axis(all_s, top, 1)
    best_i[uniq] = np.take_along_axis(all_i, top, 1)


def cell_knn_graph(unit: np.ndarray, cells: Cells, rule: PairRule, k: int,
                   progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                   stage: str = "nearest neighbours (ivf)") -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best other rows of every row of ``unit``, comparing the cell pairs of
    :func:`cell_pairs`. Returns ``(indices int64 [n, k] (-1 = none), scores float32 [n, k])``."""
    import torch

    n = unit.shape[0]
    order, off = cells.order, cells.offsets
    pairs = cell_pairs(cells, rule)
    sizes = np.diff(off)
    work = sizes * sizes + np.array([sizes[c] * sum(e - s for s, e in r) for c, r in enumerate(pairs)])
    total, done = max(1, int(work.sum())), 0
    start = time.perf_counter()
    step = total // 100 + 1
    next_report = 0
    spent = dict.fromkeys(("copy_s", "own_cells_s", "products_s", "filter_s", "merge_s"), 0.0)  # in the last event

    def report(force: bool = False) -> None:
        nonlocal next_report
        if force or done >= next_report:
            check(cancel)
            if progress is not None:
                info = {key: round(v, 2) for key, v in spent.items()}
                progress(Progress(min(done, total), total, stage, info, time.perf_counter() - start))
            next_report = done + step

    t0 = time.perf_counter()
    xs = torch.from_numpy(np.take(unit, order, axis=0))  # the rows in cell order: cells are slices
    best_s = torch.full((n, k), -torch.inf)
    best_i = torch.full((n, k), -1, dtype=torch.int64)
    widest = max((int(sizes[c]) * sum(b - a for a, b in r) for c, r in enumerate(pairs)), default=0)
    scratch = torch.empty(widest)  # one block's scores, reused (no fresh pages per cell)
    hits = torch.empty(widest, dtype=torch.bool)
    spent["copy_s"] = time.perf_counter() - t0
    with torch.inference_mode():
        t0 = time.perf_counter()
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
        spent["own_cells_s"] = time.perf_counter() - t0
        for c, ranges in enumerate(pairs):  # each cell with its probed cells of higher number
            s, e = int(off[c]), int(off[c + 1])
            if s == e or not ranges:
                continue
            report()
            t0 = time.perf_counter()
            q = xs[s:e]
            m = sum(b - a for a, b in ranges)
            block = scratch[: m * (e - s)].view(m, e - s)  # candidates x queries
            pos = 0
            for a, b in ranges:
                torch.mm(xs[a:b], q.T, out=block[pos : pos + b - a])
                pos += b - a
            t1 = time.perf_counter()
            cand = torch.cat([torch.arange(a, b) for a, b in ranges])
            thr_cand = torch.cat([best_s[a:b, k - 1] for a, b in ranges])
            mask = hits[: m * (e - s)].view(m, e - s)
            jq, iq = torch.gt(block, best_s[s:e, k - 1], out=mask).nonzero(as_tuple=True)  # beats the query's k-th
            jc, ic = torch.gt(block, thr_cand[:, None], out=mask).nonzero(as_tuple=True)  # beats the candidate's
            t2 = time.perf_counter()
            _merge(best_s.numpy(), best_i.numpy(), torch.cat([iq + s, cand[jc]]).numpy(),
                   torch.cat([cand[jq], ic + s]).numpy(), torch.cat([block[jq, iq], block[jc, ic]]).numpy(), k)
            t3 = time.perf_counter()
            spent["products_s"] += t1 - t0
            spent["filter_s"] += t2 - t1
            spent["merge_s"] += t3 - t2
            done += int(sizes[c]) * m
    del xs, scratch, hits
    report(force=True)
    found = best_i.numpy()
    indices = np.full((n, k), -1, np.int64)
    scores = np.empty((n, k), np.float32)
    indices[order] = np.where(found >= 0, order[np.maximum(found, 0)], -1)
    scores[order] = best_s.numpy()
    short = np.flatnonzero((indices >= 0).sum(axis=1) < min(k, n - 1))
    if short.size:  # rows of small cells no pair reached: searched over their cell's whole probe table
        indices[short], scores[short] = cell_search(unit, cells, cells.probes.shape[1], unit[short],
                                                    cells.assign[short], k, self_rows=short)
    return indices, scores
