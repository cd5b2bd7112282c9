"""Nearest neighbours at any size: exact blocks for small sets, a cached IVF index for big ones.

Below :data:`EXACT_BELOW` rows the exact blocked search of :mod:`sbert_desktop.core.similarity`
is both exact and fast enough; above it a faiss inverted-file index (IVF-Flat, inner product on
unit vectors = cosine) answers in a fraction of the time. faiss was chosen after measuring the
top-10 neighbours of all 50k synthetic points against hnswlib, usearch and pynndescent
(bench/results/ann_choice.txt): 3-8x faster at recall 0.96-0.99.

The index is built once per embeddings version: its key is a hash of the embedding bytes, and it
is stored (atomically) under ``cache_dir()/neighbors/<key>/`` next to the embedding cache, with
the k-NN tables computed from it. At build time ``nprobe`` (cells searched per query) is tuned on a
seeded sample of rows against the exact answer until recall@10 reaches :data:`TARGET_RECALL`; the
measured recall is kept in :class:`IndexInfo` and every :class:`Neighbors` result says which
method produced it (``"exact"`` or ``"ivf"``). ``method="exact"`` forces the exact search.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check
from sbert_desktop.core.similarity import Neighbors, nearest_neighbors, normalize, semantic_search

METHODS = ("auto", "exact", "ivf")
#: below this many rows "auto" is exact (the blocked exact search takes a few seconds there)
EXACT_BELOW = 20_000
#: "auto" searches few queries exactly unless an index exists: queries x rows below this
EXACT_SEARCH_WORK = 2_000_000_000
TARGET_RECALL = 0.96
NPROBE_STEPS = (8, 12, 16, 24, 32, 48, 64)
TUNE_SAMPLE = 500
QUERY_BATCH = 8192
FORMAT = 1  # bump when the index layout or its parameters change


@dataclass
class IndexInfo:
    """How an index was built: method, size, IVF parameters, estimated recall@10, timings."""

    method: str
    n: int
    dim: int
    nlist: int = 0
    nprobe: int = 0
    recall_estimate: float | None = None
    build_s: float = 0.0
    from_cache: bool = False
    key: str = ""


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
    """Unit-length embeddings plus (for ``method="ivf"``) a faiss IVF index over them."""

    def __init__(self, unit: np.ndarray, info: IndexInfo, index: Any = None):
        self.unit, self.info, self.index = unit, info, index

    @property
    def method(self) -> str:
        return self.info.method

    def search(self, query: np.ndarray, k: int = 10, progress: ProgressCallback | None = None,
               cancel: CancelToken | None = None) -> Neighbors:
        """The ``k`` nearest rows of each query row, best first (``Neighbors.method`` says how)."""
        q = normalize(query)
        if self.index is None:
            found = semantic_search(q, self.unit, k, progress=progress, cancel=cancel)
            found.method = "exact"
            return found
        return self._ivf_search(q, k, exclude_self=False, progress=progress, cancel=cancel)

    def knn_graph(self, k: int = 10, progress: ProgressCallback | None = None,
                  cancel: CancelToken | None = None) -> Neighbors:
        """The ``k`` nearest *other* rows of every row (the k-NN graph)."""
        if self.index is None:
            found = nearest_neighbors(self.unit, k, progress=progress, cancel=cancel)
            found.method = "exact"
            return found
        return self._ivf_search(self.unit, k, exclude_self=True, progress=progress, cancel=cancel)

    def _ivf_search(self, q: np.ndarray, k: int, exclude_self: bool, progress: ProgressCallback | None,
                    cancel: CancelToken | None) -> Neighbors:
        n_q = q.shape[0]
        kk = k + 1 if exclude_self else k
        indices = np.full((n_q, k), -1, np.int64)
        scores = np.full((n_q, k), -np.inf, np.float32)
        start = time.perf_counter()
        stage = "nearest neighbours (ivf)" if exclude_self else "search (ivf)"
        for s in range(0, n_q, QUERY_BATCH):
            check(cancel)
            _report(progress, s, n_q, stage, start)
            d, i = self.index.search(q[s : s + QUERY_BATCH], kk)
            if exclude_self:
                d, i = _drop_self(d, i, np.arange(s, s + len(i)), k)
            indices[s : s + len(i)] = i
            scores[s : s + len(i)] = d
        _report(progress, n_q, n_q, stage, start)
        scores[indices < 0] = -np.inf
        return Neighbors(indices, scores, method="ivf")


def _drop_self(d: np.ndarray, i: np.ndarray, rows: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Remove each row's own id from its k+1 hits (or the last hit where the index missed it)."""
    is_self = i == rows[:, None]
    missing = ~is_self.any(axis=1)
    is_self[missing, -1] = True
    keep = ~is_self
    return d[keep].reshape(len(i), k), i[keep].reshape(len(i), k)


def _exact_sample(unit: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
    found = semantic_search(unit[rows], unit, k + 1)
    idx = found.indices
    out = np.empty((len(rows), k), np.int64)
    for r, (row, hits) in enumerate(zip(rows, idx)):
        hits = hits[hits != row]
        out[r] = hits[:k]
    return out


def recall_at_k(found: np.ndarray, exact: np.ndarray) -> float:
    """Mean share of each row's exact top-k that ``found`` holds."""
    k = exact.shape[1]
    return float(np.mean([len(set(a.tolist()) & set(b.tolist())) / k for a, b in zip(found, exact)]))


def _build_ivf(unit: np.ndarray, seed: int, progress: ProgressCallback | None, cancel: CancelToken | None,
               start: float) -> tuple[Any, int, int, float]:
    import faiss

    n, dim = unit.shape
    nlist = int(min(4096, max(16, 2 * np.sqrt(n))))
    rng = np.random.default_rng(seed)
    train = unit[np.sort(rng.choice(n, min(n, 48 * nlist), replace=False))]
    _report(progress, 0, 3, "neighbour index: training cells", start)
    quantizer = faiss.IndexFlatIP(dim)
    index = faiss.IndexIVFFlat(quantizer, dim, nlist, faiss.METRIC_INNER_PRODUCT)
    index.cp.seed = seed
    index.train(train)
    del train
    check(cancel)
    _report(progress, 1, 3, "neighbour index: adding rows", start)
    for s in range(0, n, 65536):
        index.add(unit[s : s + 65536])
        check(cancel)
    _report(progress, 2, 3, "neighbour index: tuning nprobe", start)
    rows = np.sort(rng.choice(n, min(n, TUNE_SAMPLE), replace=False))
    exact = _exact_sample(unit, rows, 10)
    recall = 0.0
    for nprobe in NPROBE_STEPS:
        index.nprobe = min(nprobe, nlist)
        _d, i = index.search(unit[rows], 11)
        _d, i = _drop_self(_d, i, rows, 10)
        recall = recall_at_k(i, exact)
        if recall >= TARGET_RECALL or nprobe >= nlist:
            break
    return index, nlist, int(index.nprobe), recall


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
    ``method="exact"``), else an IVF index, loaded from the disk cache when this exact set of
    embeddings was indexed before. Cancel is checked between build stages."""
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
            index, info = loaded
            _report(progress, 3, 3, "neighbour index (cached)", start)
            return NeighborIndex(unit, info, index)
    index, nlist, nprobe, recall = _build_ivf(unit, seed, progress, cancel, start)
    info = IndexInfo("ivf", n, dim, nlist, nprobe, recall, time.perf_counter() - start, False, key)
    if folder is not None:
        _save(folder, index, info)
    _report(progress, 3, 3, "neighbour index ready", start)
    return NeighborIndex(unit, info, index)


def _save(folder: Path, index: Any, info: IndexInfo) -> None:
    import faiss

    from sbert_desktop.core.atomic import atomic_file, atomic_write_text

    folder.mkdir(parents=True, exist_ok=True)
    with atomic_file(folder / "index.faiss", "wb") as fh:
        fh.write(faiss.serialize_index(index).tobytes())
    atomic_write_text(folder / "info.json", json.dumps(asdict(info), indent=2))  # written last: the commit


def _load(folder: Path, n: int, dim: int) -> tuple[Any, IndexInfo] | None:
    try:
        info = IndexInfo(**json.loads((folder / "info.json").read_text(encoding="utf-8")))
        import faiss

        index = faiss.deserialize_index(np.fromfile(folder / "index.faiss", dtype=np.uint8))
    except (OSError, ValueError, TypeError, RuntimeError):
        return None
    if info.n != n or info.dim != dim or index.ntotal != n:
        return None
    index.nprobe = info.nprobe
    info.from_cache = True
    return index, info


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
