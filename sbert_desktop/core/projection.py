"""2-D (or 3-D) maps of embeddings: PCA, t-SNE or UMAP, seeded, with a disk cache.

The cache key is a hash of the embedding bytes (shape and dtype included), the method and every
parameter that changes the result, so opening the same data again returns the stored map at once.
Entries live in ``cache_dir()/projections/<key>.npy`` and are written atomically. With
``metric="cosine"`` (the default) rows are L2-normalised first.

Speed on CPU: PCA is instant for any size; UMAP takes tens of seconds for 10k points (plus a
one-off numba compile), and from 20k points (cosine) runs on the k-NN graph of the cached
neighbour index (:mod:`sbert_desktop.core.scale_reduce`); t-SNE is the slowest and best kept
below ~20k points.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check
from sbert_desktop.core.similarity import normalize

METHODS = ("pca", "tsne", "umap")
CACHE_FORMAT = 2  # bump when a method's implementation changes its output (2: UMAP on the index's k-NN above 20k)


def projection_params(
    method: str, n_components: int = 2, seed: int = 42, metric: str = "cosine",
    perplexity: float = 30.0, n_neighbors: int = 15, min_dist: float = 0.1,
) -> dict[str, Any]:
    """The parameters that define a projection (what the cache key and export manifests record)."""
    if method not in METHODS:
        raise SbertDesktopError(f"unknown projection method {method!r}; choose one of {', '.join(METHODS)}")
    if metric not in ("cosine", "euclidean"):
        raise SbertDesktopError(f"unknown metric {metric!r}; choose cosine or euclidean")
    params: dict[str, Any] = {"method": method, "n_components": int(n_components), "seed": int(seed), "metric": metric}
    if method == "tsne":
        params["perplexity"] = float(perplexity)
    elif method == "umap":
        params.update(n_neighbors=int(n_neighbors), min_dist=float(min_dist))
    return params


def cache_key(emb: np.ndarray, params: dict[str, Any]) -> str:
    """Hex digest of the embedding bytes + shape + dtype + the projection parameters."""
    emb = np.ascontiguousarray(emb)
    h = hashlib.blake2b(digest_size=20)
    h.update(json.dumps({"shape": emb.shape, "dtype": str(emb.dtype), "format": CACHE_FORMAT,
                         **params}, sort_keys=True).encode())
    h.update(memoryview(emb).cast("B"))
    return h.hexdigest()


def cache_path(key: str) -> Path:
    from sbert_desktop.core.paths import cache_dir

    return cache_dir() / "projections" / f"{key}.npy"


def lookup_cache(emb: np.ndarray, method: str = "pca", **kwargs: Any) -> np.ndarray | None:
    """The cached projection for these embeddings and parameters, or None."""
    params = projection_params(method, **kwargs)
    return _load(cache_path(cache_key(emb, params)), len(emb), params["n_components"])


def _load(path: Path, n: int, n_components: int) -> np.ndarray | None:
    try:
        arr = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    if arr.shape != (n, n_components) or arr.dtype != np.float32:
        return None
    return arr


def project(
    emb: np.ndarray,
    method: str = "pca",
    n_components: int = 2,
    seed: int = 42,
    metric: str = "cosine",
    perplexity: float = 30.0,
    n_neighbors: int = 15,
    min_dist: float = 0.1,
    cache: bool = True,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> np.ndarray:
    """Project ``emb`` [n, dim] to float32 [n, n_components], deterministic for a given ``seed``.

    ``perplexity`` is t-SNE's (capped at (n - 1) / 3), ``n_neighbors``/``min_dist`` UMAP's. With
    ``cache`` a stored result is returned without recomputing and a new one is stored.
    Cancel is checked before and after the (uninterruptible) fit.
    """
    emb = np.asarray(emb)
    if emb.ndim != 2:
        raise SbertDesktopError(f"embeddings must be a 2-d array, got shape {emb.shape}")
    params = projection_params(method, n_components, seed, metric, perplexity, n_neighbors, min_dist)
    start = time.perf_counter()

    def report(done: int, stage: str) -> None:
        if progress is not None:
            progress(Progress(done, 1, stage, {"method": method}, time.perf_counter() - start))

    path = cache_path(cache_key(emb, params)) if cache else None
    if path is not None and path.exists():
        hit = _load(path, len(emb), n_components)
        if hit is not None:
            report(1, "projection (cached)")
            return hit
    report(0, f"projecting ({method})")
    check(cancel)
    coords = _compute(emb, params)
    check(cancel)
    if path is not None:
        from sbert_desktop.core.atomic import atomic_file

        with atomic_file(path, "wb") as fh:
            np.save(fh, coords, allow_pickle=False)
    report(1, "projection done")
    return coords


def effective_params(params: dict[str, Any], n: int) -> dict[str, Any]:
    """The parameters :func:`project` really uses for ``n`` points: PCA below 3 points (below 5 for
    UMAP), t-SNE's perplexity capped at (n - 1) / 3, UMAP's neighbours at n - 1; what a result's
    manifest and message must name (they named the method and perplexity asked for)."""
    out = dict(params)
    method = params["method"]
    if method != "pca" and (n < 3 or (method == "umap" and n < 5)):
        out = {k: v for k, v in out.items() if k not in ("perplexity", "n_neighbors", "min_dist")}
        out.update(method="pca", asked=method)
    elif method == "tsne":
        out["perplexity"] = float(min(params["perplexity"], max(1.0, (n - 1) / 3.0)))
    elif method == "umap":
        out["n_neighbors"] = int(min(params["n_neighbors"], n - 1))
    return out


def _compute(emb: np.ndarray, params: dict[str, Any]) -> np.ndarray:
    method, n_components, seed = params["method"], params["n_components"], params["seed"]
    x = normalize(emb) if params["metric"] == "cosine" else np.ascontiguousarray(emb, np.float32)
    n = x.shape[0]
    out = np.zeros((n, n_components), np.float32)
    if n < 3 or method == "pca" or (method == "umap" and n < 5):
        k = max(0, min(n_components, n, x.shape[1]))
        if k and n > 1:
            from sklearn.decomposition import PCA

            out[:, :k] = PCA(n_components=k, random_state=seed).fit_transform(x)
        return out
    if method == "tsne":
        from sklearn.manifold import TSNE

        perplexity = min(params["perplexity"], max(1.0, (n - 1) / 3.0))
        tsne = TSNE(n_components=n_components, perplexity=perplexity, init="pca", random_state=seed,
                    method="barnes_hut" if n_components < 4 and n > 100 else "exact")  # exact: faster when tiny
        return tsne.fit_transform(x).astype(np.float32)
    from sbert_desktop.core.neighbors import EXACT_BELOW

    if n >= EXACT_BELOW and params["metric"] == "cosine":  # k-NN from the cached index, PCA start
        from sbert_desktop.core.scale_reduce import umap_on_knn

        return umap_on_knn(x, n_components, seed, params["n_neighbors"], params["min_dist"])
    import umap

    reducer = umap.UMAP(n_components=n_components, n_neighbors=min(params["n_neighbors"], n - 1),
                        min_dist=params["min_dist"], metric="euclidean", random_state=seed, n_jobs=1)
    return np.asarray(reducer.fit_transform(x), dtype=np.float32)
