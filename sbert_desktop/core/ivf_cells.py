"""Cell-blocked approximate neighbours: k-means cells, each cell searched as one matrix product.

The rows are split into ``nlist`` cells by spherical k-means (faiss, trained on a seeded sample).
All queries that fall into one cell are answered together against the rows of the ``nprobe``
cells whose centroids are closest to that cell's centroid: one matrix product plus a top-k
(torch, both cores), so every candidate row is read once per cell instead of once per query:
faiss' own IVF search scans the candidate vectors query by query and was memory-bound at 1M rows
(bench/results/scale.txt). The all-rows k-NN graph uses the same cells, comparing each pair of
neighbouring cells once for both cells' rows (:mod:`sbert_desktop.core.ivf_graph`).

``nprobe`` is chosen from the exact answer on a seeded sample of rows: a true neighbour is found
exactly when its cell is among the probed ones (the candidates are then compared exactly), so the
recall for every ``nprobe`` is read off the cells of the sample's exact neighbours without a single
trial search, and the smallest ``nprobe`` reaching the target recall is kept.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check

#: cells per square root of the row count (about 2,000 cells of 500 rows at 1M)
NLIST_PER_SQRT = 2.0
MIN_NLIST = 8
TRAIN_PER_CELL = 32
KMEANS_ITER = 10
#: the probe table keeps this many nearest cells per cell (nprobe never exceeds it)
MAX_PROBE = 256
ASSIGN_BATCH = 65536


@dataclass
class Cells:
    """The partition: ``centroids`` float32 [nlist, dim] (unit length), ``assign`` int32 [n] (cell of
    each row), ``order`` int64 [n] (rows sorted by cell), ``offsets`` int64 [nlist+1] (cell c's rows
    are ``order[offsets[c]:offsets[c+1]]``), ``probes`` int32 [nlist, p] (cells by centroid closeness,
    the cell itself first)."""

    centroids: np.ndarray
    assign: np.ndarray
    order: np.ndarray
    offsets: np.ndarray
    probes: np.ndarray

    @property
    def nlist(self) -> int:
        return int(self.centroids.shape[0])

    @classmethod
    def from_assignment(cls, centroids: np.ndarray, assign: np.ndarray) -> "Cells":
        nlist = centroids.shape[0]
        order = np.argsort(assign, kind="stable").astype(np.int64)
        offsets = np.r_[0, np.cumsum(np.bincount(assign, minlength=nlist))].astype(np.int64)
        sim = centroids @ centroids.T
        p = min(MAX_PROBE, nlist)
        probes = np.argsort(-sim, axis=1, kind="stable")[:, :p].astype(np.int32)
        # the cell itself first even where two centroids coincide
        own = np.arange(nlist)
        if not (probes[:, 0] == own).all():
            rest = [row[row != c][: p - 1] for c, row in enumerate(probes)]
            probes = np.stack([np.r_[c, r] for c, r in enumerate(rest)]).astype(np.int32)
        return cls(centroids, assign, order, offsets, probes)

    def rows_of(self, cells: np.ndarray) -> np.ndarray:
        return np.concatenate([self.order[self.offsets[c] : self.offsets[c + 1]] for c in cells])


def default_nlist(n: int) -> int:
    return int(max(MIN_NLIST, min(n // 32, round(NLIST_PER_SQRT * np.sqrt(n)))))


def nearest_cell(x: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    """The closest centroid (inner product) of every row: int32 [n], in batches."""
    import torch

    c = torch.from_numpy(np.ascontiguousarray(centroids))
    out = np.empty(x.shape[0], np.int32)
    for s in range(0, x.shape[0], ASSIGN_BATCH):
        out[s : s + ASSIGN_BATCH] = (torch.from_numpy(x[s : s + ASSIGN_BATCH]) @ c.T).argmax(1).numpy()
    return out


def train_cells(unit: np.ndarray, nlist: int, seed: int = 42) -> Cells:
    """Spherical k-means on a seeded sample (at most ``TRAIN_PER_CELL`` rows per cell), then every
    row assigned to its closest centroid."""
    import faiss

    n, dim = unit.shape
    nlist = max(1, min(nlist, n))
    rng = np.random.default_rng(seed)
    sample = unit[np.sort(rng.choice(n, min(n, TRAIN_PER_CELL * nlist), replace=False))]
    km = faiss.Kmeans(dim, nlist, niter=KMEANS_ITER, seed=seed, spherical=True,
                      max_points_per_centroid=TRAIN_PER_CELL, min_points_per_centroid=1, verbose=False)
    km.train(sample)
    centroids = np.ascontiguousarray(km.centroids, np.float32)
    return Cells.from_assignment(centroids, nearest_cell(unit, centroids))


def probe_ranks(cells: Cells, rows: np.ndarray, exact: np.ndarray) -> np.ndarray:
    """For each sampled row and each of its exact neighbours: the position of the neighbour's cell
    in the row's cell's probe list (``probes.shape[1]`` where it is not in the list). int [m, k]."""
    own = cells.probes[cells.assign[rows]]  # [m, p]
    target = cells.assign[np.maximum(exact, 0)]  # [m, k]
    p = own.shape[1]
    ranks = np.full(exact.shape, p, np.int64)
    for j in range(p):
        hit = (own[:, j : j + 1] == target) & (ranks == p)
        ranks[hit] = j
    ranks[exact < 0] = p
    return ranks


def choose_nprobe(ranks: np.ndarray, target: float, nlist: int) -> tuple[int, float]:
    """The smallest nprobe whose recall on the sample (share of exact neighbours in probed cells)
    reaches ``target``; the whole probe table where none does. Returns ``(nprobe, recall)``."""
    recall = 0.0
    top = min(nlist, MAX_PROBE)
    for nprobe in range(1, top + 1):
        recall = float(np.mean(ranks < nprobe))
        if recall >= target:
            return nprobe, recall
    return top, recall


def cell_search(unit: np.ndarray, cells: Cells, nprobe: int, queries: np.ndarray, query_cells: np.ndarray,
                k: int, self_rows: np.ndarray | None = None, progress: ProgressCallback | None = None,
                cancel: CancelToken | None = None, stage: str = "nearest neighbours (ivf)",
                ) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best rows of ``unit`` for each query, searching the ``nprobe`` cells closest to the
    query's cell. ``self_rows`` (the row each query is, for the k-NN graph) are left out of its own
    answer. Returns ``(indices int64 [q, k] (-1 = none), scores float32 [q, k] (-inf = none))``."""
    import torch

    n_q = queries.shape[0]
    indices = np.full((n_q, k), -1, np.int64)
    scores = np.full((n_q, k), -np.inf, np.float32)
    u = torch.from_numpy(unit)
    qt = torch.from_numpy(queries)
    by_cell = np.argsort(query_cells, kind="stable")
    bounds = np.r_[0, np.cumsum(np.bincount(query_cells, minlength=cells.nlist))]
    extra = 1 if self_rows is not None else 0
    start = time.perf_counter()
    done, step = 0, max(1, n_q // 100)
    next_report = 0
    with torch.inference_mode():
        for c in range(cells.nlist):
            qi = by_cell[bounds[c] : bounds[c + 1]]
            if qi.size == 0:
                continue
            if done >= next_report:
                check(cancel)
                if progress is not None:
                    progress(Progress(done, n_q, stage, {}, time.perf_counter() - start))
                next_report = done + step
            cand = cells.rows_of(cells.probes[c, :nprobe])
            kk = min(k + extra, cand.size)
            if kk == 0:
                done += qi.size
                continue
            sim = qt[torch.from_numpy(qi)] @ u[torch.from_numpy(cand)].T
            top_s, top_i = torch.topk(sim, kk, dim=1)
            found = cand[top_i.numpy()]
            top_s = top_s.numpy()
            if self_rows is not None:
                is_self = found == self_rows[qi][:, None]
                missing = ~is_self.any(axis=1)
                is_self[missing, -1] = True
                keep = ~is_self
                width = kk - 1
                found = found[keep].reshape(qi.size, width)
                top_s = top_s[keep].reshape(qi.size, width)
            width = found.shape[1]
            indices[qi, :width] = found
            scores[qi, :width] = top_s
            done += qi.size
    check(cancel)
    if progress is not None:
        progress(Progress(n_q, n_q, stage, {}, time.perf_counter() - start))
    return indices, scores

