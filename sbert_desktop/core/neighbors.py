"""Nearest neighbours at any size: exact blocks for small sets, cached k-means cells for big ones.

Below :data:`EXACT_BELOW` rows the exact blocked search of :mod:`sbert_desktop.core.similarity`
is both exact and fast enough; above it the rows are split into k-means cells and each cell's
queries are compared, in one matrix product, with the rows of the cells nearest to it
(:mod:`sbert_desktop.core.ivf_cells`). The first version searched a faiss IVF-Flat index query by
query (chosen over hnswlib, usearch and pynndescent in bench/results/ann_choice.txt); at 1M rows
that search is memory-bound and did not finish in 17 min, the cell-blocked search reads each
candidate once per cell (bench/results/scale.txt). The k-NN graph of all rows compares each pair of
neighbouring cells once, for both cells' rows (:mod:`sbert_desktop.core.ivf_graph`).

The index is built once per embeddings version: its key is a hash of the embedding bytes, and it
is stored (atomically) under ``cache_dir()/neighbors/<key>/`` next to the embedding cache, with
the k-NN tables computed from it. At build time ``nprobe`` (cells searched per query) is the
smallest that reaches :data:`TARGET_RECALL` recall@10 against the exact answer on a seeded sample
of rows; that recall is kept in :class:`IndexInfo` and every :class:`Neighbors` result says which
method produced it (``"exact"`` or ``"ivf"``). ``method="exact"`` forces the exact search.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
import numpy as np

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.ivf_cells import (Cells, cell_search, choose_nprobe, default_nlist, nearest_cell, probe_ranks,
                                          train_cells)
from sbert_desktop.core.ivf_graph import PairRule, cell_knn_graph, choose_rule
from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check
from sbert_desktop.core.similarity import Neighbors, nearest_neighbors, normalize, semantic_search

METHODS = ("auto", "exact", "ivf")
#: below this many rows "auto" is exact (the blocked exact search takes a few seconds there)
EXACT_BELOW = 20_000
#: "auto" searches few queries exactly unless an index exists: queries x rows below this
EXACT_SEARCH_WORK = 2_000_000_000
#: nprobe is the smallest giving this recall@10 on the sample (exact there)
TARGET_RECALL = 0.96
TUNE_SAMPLE = 1000
FORMAT = 3  # bump when the index layout or its parameters change


@dataclass
class IndexInfo:
    """How an index was built: method, size, cell parameters, recall@10 on the sample, timings.

    ``nprobe`` is for searching queries; ``graph_nprobe`` and ``graph_min_sim`` (``None``: no bound)
    are the :class:`~sbert_desktop.core.ivf_graph.PairRule` of the all-rows k-NN graph, which
    compares two rows when either one's cell probes the other's and so needs fewer."""

    method: str
    n: int
    dim: int
    nlist: int = 0
    nprobe: int = 0
    recall_estimate: float | None = None
    build_s: float = 0.0
    from_cache: bool = False
    key: str = ""
    graph_nprobe: int = 0
    graph_min_sim: float | None = None
    graph_recall_estimate: float | None = None

    @property
    def graph_rule(self) -> PairRule:
        lowest = -np.inf if self.graph_min_sim is None else self.graph_min_sim
        return PairRule(self.graph_nprobe or self.nprobe, lowest)


def embeddings_key(emb: np.ndarray) -> str:
    """Hex digest of the embedding bytes, shape and dtype: one per embeddings version."""
    emb = np.ascontiguousarray(emb)
    h = hashlib.blake2b(digest_size=20)
    h.update(json.dumps({"shape": emb.shape, "dtype": str(emb.dtype), "format": FORMAT}).encode())
    h.update(memoryview(emb).cast("B"))
    return h.hexdigest()


def index_dir(key: str) -> Path:
    from sbert_desktop.core.paths import cache_dir

    return cache_dir() / "neighbors" / key


def choose_method(n: int, method: str = "auto", exact_below: int | None = None) -> str:
    if method not in METHODS:
        raise SbertDesktopError(f"unknown neighbour method {method!r}; choose one of {', '.join(METHODS)}")
    if method != "auto":
        return method
    return "exact" if n < (EXACT_BELOW if exact_below is None else exact_below) else "ivf"


def _report(progress: ProgressCallback | None, done: int, total: int, stage: str, start: float) -> None:
    if progress is not None:
        progress(Progress(done, total, stage, {}, time.perf_counter() - start))


class NeighborIndex:
    """Unit-length embeddings plus (for ``method="ivf"``) their k-means cells (:mod:`ivf_cells`)."""

    def __init__(self, unit: np.ndarray, info: IndexInfo, cells: Cells | None = None):
        self.unit, self.info, self.cells = unit, info, cells

    @property
    def method(self) -> str:
        return self.info.method

    def search(self, query: np.ndarray, k: int = 10, progress: ProgressCallback | None = None,
               cancel: CancelToken | None = None) -> Neighbors:
        """The ``k`` nearest rows of each query row, best first (``Neighbors.method`` says how)."""
        q = normalize(query)
        if self.cells is None:
            found = semantic_search(q, self.unit, k, progress=progress, cancel=cancel)
            found.method = "exact"
            return found
        idx, sc = cell_search(self.unit, self.cells, self.info.nprobe, q, nearest_cell(q, self.cells.centroids),
                              k, progress=progress, cancel=cancel, stage="search (ivf)")
        return Neighbors(idx, sc, method="ivf")

    def knn_graph(self, k: int = 10, progress: ProgressCallback | None = None,
                  cancel: CancelToken | None = None) -> Neighbors:
        """The ``k`` nearest *other* rows of every row (the k-NN graph)."""
        if self.cells is None:
            found = nearest_neighbors(self.unit, k, progress=progress, cancel=cancel)
            found.method = "exact"
            return found
        idx, sc = cell_knn_graph(self.unit, self.cells, self.info.graph_rule, k,
                                 progress=progress, cancel=cancel)
        return Neighbors(idx, sc, method="ivf")


def _exact_sample(unit: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
    found = semantic_search(unit[rows], unit, k + 1)
    idx = found.indices
    out = np.full((len(rows), k), -1, np.int64)
    for r, (row, hits) in enumerate(zip(rows, idx)):
        hits = hits[(hits != row) & (hits >= 0)]
        out[r, : min(k, len(hits))] = hits[:k]
    return out


def recall_at_k(found: np.ndarray, exact: np.ndarray) -> float:
    """Mean share of each row's exact top-k that ``found`` holds."""
    k = exact.shape[1]
    return float(np.mean([len(set(a.tolist()) & set(b.tolist())) / k for a, b in zip(found, exact)]))


def _build_cells(unit: np.ndarray, seed: int, progress: ProgressCallback | None, cancel: CancelToken | None,
                 start: float) -> tuple[Cells, tuple[int, float], tuple[PairRule, float]]:
    n = unit.shape[0]
    _report(progress, 0, 3, "neighbour index: training cells", start)
    cells = train_cells(unit, default_nlist(n), seed)
    check(cancel)
    _report(progress, 1, 3, "neighbour index: exact answer on a sample", start)
    rows = np.sort(np.random.default_rng(seed).choice(n, min(n, TUNE_SAMPLE), replace=False))
    exact = _exact_sample(unit, rows, 10)
    check(cancel)
    _report(progress, 2, 3, "neighbour index: choosing nprobe", start)
    searched = choose_nprobe(probe_ranks(cells, rows, exact), TARGET_RECALL, cells.nlist)
    graph = choose_rule(cells, rows, exact, TARGET_RECALL)
    return cells, searched, graph


def build_index(
    emb: np.ndarray,
    method: str = "auto",
    exact_below: int | None = None,
    cache: bool = True,
    seed: int = 42,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> NeighborIndex:
    """A :class:`NeighborIndex` for ``emb`` [n, dim]: exact below ``exact_below`` rows (or when
    ``method="exact"``), else k-means cells with a tuned ``nprobe``, loaded from the disk cache
    when this exact set of embeddings was indexed before. Cancel is checked between build stages."""
    unit = normalize(emb)
    n, dim = unit.shape
    used = choose_method(n, method, exact_below)
    if used == "exact" or n < 2:
        return NeighborIndex(unit, IndexInfo("exact", n, dim))
    start = time.perf_counter()
    key = embeddings_key(unit) if cache else ""
    folder = index_dir(key) if cache else None
    if folder is not None:
        loaded = _load(folder, n, dim)
        if loaded is not None:
            cells, info = loaded
            _report(progress, 3, 3, "neighbour index (cached)", start)
            return NeighborIndex(unit, info, cells)
    cells, (nprobe, recall), (rule, graph_recall) = _build_cells(unit, seed, progress, cancel, start)
    info = IndexInfo("ivf", n, dim, cells.nlist, nprobe, recall, time.perf_counter() - start, False, key,
                     rule.nprobe, None if np.isneginf(rule.min_sim) else rule.min_sim, graph_recall)
    if folder is not None:
        _save(folder, cells, info)
    _report(progress, 3, 3, "neighbour index ready", start)
    return NeighborIndex(unit, info, cells)


def _save(folder: Path, cells: Cells, info: IndexInfo) -> None:
    from sbert_desktop.core.atomic import atomic_file, atomic_write_text

    folder.mkdir(parents=True, exist_ok=True)
    with atomic_file(folder / "cells.npz", "wb") as fh:
        np.savez(fh, centroids=cells.centroids, assign=cells.assign)
    atomic_write_text(folder / "info.json", json.dumps(asdict(info), indent=2))  # written last: the commit


def _load(folder: Path, n: int, dim: int) -> tuple[Cells, IndexInfo] | None:
    try:
        info = IndexInfo(**json.loads((folder / "info.json").read_text(encoding="utf-8")))
        with np.load(folder / "cells.npz", allow_pickle=False) as z:
            centroids, assign = z["centroids"], z["assign"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if info.n != n or info.dim != dim or assign.shape != (n,) or centroids.shape != (info.nlist, dim):
        return None
    if assign.size and (assign.min() < 0 or assign.max() >= info.nlist):
        return None
    info.from_cache = True
    return Cells.from_assignment(centroids, assign.astype(np.int32)), info


def knn_graph(
    emb: np.ndarray,
    k: int = 10,
    method: str = "auto",
    exact_below: int | None = None,
    cache: bool = True,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Neighbors:
    """The ``k`` nearest other rows of every row, exact or from the cached index (see the module
    docstring); the table itself is cached beside the index, so a second call is a file read."""
    unit = normalize(emb)
    n = unit.shape[0]
    if choose_method(n, method, exact_below) == "exact" or n < 2:
        return build_index(unit, "exact").knn_graph(k, progress, cancel)
    index = build_index(unit, "ivf", exact_below, cache, progress=progress, cancel=cancel)
    path = index_dir(index.info.key) / f"knn-{k}.npz" if cache and index.info.key else None
    if path is not None and path.exists():
        try:
            with np.load(path, allow_pickle=False) as z:
                if z["indices"].shape == (n, k):
                    return Neighbors(z["indices"].astype(np.int64), z["scores"], method="ivf")
        except (OSError, ValueError, KeyError):
            pass
    found = index.knn_graph(k, progress, cancel)
    if path is not None:
        from sbert_desktop.core.atomic import atomic_file

        with atomic_file(path, "wb") as fh:
            np.savez(fh, indices=found.indices.astype(np.int32), scores=found.scores)
    return found


def search(
    query: np.ndarray,
    corpus: np.ndarray,
    k: int = 10,
    method: str = "auto",
    exact_below: int | None = None,
    cache: bool = True,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Neighbors:
    """The ``k`` corpus rows closest to each query row. ``"auto"`` uses the index when the corpus
    is big and so is the query set (``queries x rows >= EXACT_SEARCH_WORK``); a few queries are
    answered exactly (about 0.2 s per query batch against 1M rows). Keep a :class:`NeighborIndex`
    from :func:`build_index` to search one big corpus many times."""
    q = normalize(query)
    unit = normalize(corpus)
    used = choose_method(len(unit), method, exact_below)
    if used == "ivf" and method == "auto" and q.shape[0] * len(unit) < EXACT_SEARCH_WORK:
        used = "exact"  # a few queries: one pass over the corpus beats even hashing it for the cache
    return build_index(unit, used, exact_below, cache, progress=progress, cancel=cancel).search(q, k, progress, cancel)
