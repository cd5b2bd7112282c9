"""UMAP for 100k-1M sentences: fed with the k-NN graph of the neighbour index, started from PCA.

Plain ``umap.UMAP(metric="cosine")`` spends most of its time at scale in its own NN-descent
(pynndescent; measured 5x slower than a faiss IVF index for the same recall,
bench/results/ann_choice.txt) and in the spectral start (an eigen-solve over the whole graph).
Here the k-NN graph comes from :func:`sbert_desktop.core.neighbors.knn_graph` (exact below 20k
rows, the cached k-means cell index above, so a second clustering of the same embeddings skips it), and
the layout starts from a PCA of the embeddings. Above :data:`FEWER_EPOCHS_ABOVE` points the
layout runs :data:`BIG_N_EPOCHS` epochs instead of UMAP's 200: each epoch visits every edge, and
clusters for HDBSCAN need the coarse structure, not a polished picture. ``bench/umap_epochs.py``
(bench/results/umap-epochs.txt) measured it: 100k synthetic rows 200 topics ARI 1.000 at 200, 100
and 50 epochs with the reduction 149 -> 77 -> 39 s; GoogleNews / SearchSnippets / Biomedical NMI
0.919 / 0.447 / 0.394 at 200 epochs, 0.921 / 0.452 / 0.390 at 100.
"""

from __future__ import annotations

import time
import warnings

import numpy as np

from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check
from sbert_desktop.core.similarity import normalize

FEWER_EPOCHS_ABOVE = 50_000
BIG_N_EPOCHS = 100


def knn_for_umap(unit: np.ndarray, n_neighbors: int, progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None) -> tuple[np.ndarray, np.ndarray, str]:
    """UMAP's precomputed k-NN: each row itself first (distance 0), then its ``n_neighbors - 1``
    nearest others by cosine distance. Returns ``(indices int32, distances float32, method)``."""
    from sbert_desktop.core.neighbors import knn_graph

    found = knn_graph(unit, n_neighbors - 1, progress=progress, cancel=cancel)
    n = unit.shape[0]
    indices = np.empty((n, n_neighbors), np.int32)
    dists = np.empty((n, n_neighbors), np.float32)
    indices[:, 0] = np.arange(n)
    dists[:, 0] = 0.0
    indices[:, 1:] = found.indices
    dists[:, 1:] = np.clip(1.0 - found.scores, 0.0, 2.0)
    missing = found.indices < 0  # fewer rows than neighbours (tiny sets): point at itself
    if missing.any():
        rows = np.nonzero(missing)[0]
        indices[:, 1:][missing] = rows
        dists[:, 1:][missing] = 0.0
    return indices, dists, found.method


def umap_on_knn(emb: np.ndarray, dim: int = 5, seed: int = 42, n_neighbors: int = 15,
                min_dist: float = 0.0, progress: ProgressCallback | None = None,
                cancel: CancelToken | None = None) -> np.ndarray:
    """UMAP of ``emb`` [n, d] to float32 [n, dim] on the index's k-NN graph (see module docstring).

    Progress: the k-NN stage reports its own events; then one event when the layout starts.
    Cancel is checked before and after the (uninterruptible) layout.
    """
    import umap
    from sklearn.decomposition import PCA

    start = time.perf_counter()
    unit = normalize(emb)
    n = unit.shape[0]
    k = max(2, min(n_neighbors, n - 1))
    indices, dists, _method = knn_for_umap(unit, k, progress, cancel)
    check(cancel)
    if progress is not None:
        progress(Progress(0, 1, "umap layout", {"n_neighbors": k}, time.perf_counter() - start))
    dim = max(1, min(dim, unit.shape[1], n - 2))
    pca = PCA(n_components=dim, random_state=seed, svd_solver="randomized")
    sample = unit[np.random.default_rng(seed).choice(n, min(n, 50_000), replace=False)]
    init = pca.fit(sample).transform(unit).astype(np.float32)
    init = 10.0 * init / max(float(np.abs(init).max()), 1e-12)  # UMAP's own scaling of a given start
    check(cancel)
    reducer = umap.UMAP(n_components=dim, n_neighbors=k, min_dist=min_dist, metric="cosine",
                        random_state=seed, n_jobs=1, init=init, precomputed_knn=(indices, dists),
                        n_epochs=BIG_N_EPOCHS if n > FEWER_EPOCHS_ABOVE else None, low_memory=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = np.asarray(reducer.fit_transform(unit), dtype=np.float32)
    check(cancel)
    if progress is not None:
        progress(Progress(1, 1, "umap layout", {"n_neighbors": k}, time.perf_counter() - start))
    return out
