"""Clustering sentence embeddings: HDBSCAN, k-means or agglomerative, optionally after UMAP/PCA.

``metric="cosine"`` (the default) clusters L2-normalised vectors with euclidean distance, which
orders neighbours exactly as cosine does and keeps the fast tree-based HDBSCAN. HDBSCAN on raw
384-d vectors is slow (about 70 s for 10k), on a 5-d reduction it takes a fraction of a second, so
``reduce="auto"`` reduces before HDBSCAN from :data:`AUTO_REDUCE_FROM` points (on 300-1,900 labelled
texts UMAP lifts NMI by 0.13-0.52 over raw vectors, bench/results/auto-reduce.txt): UMAP up to
:data:`AUTO_UMAP_UP_TO` points (on 10k synthetic topics ARI 1.0 against 0.8 for PCA), and beyond
it ``"umap-knn"``: UMAP fed with the k-NN graph of the cached neighbour index
(:mod:`sbert_desktop.core.scale_reduce`), which keeps hundreds of fine topics apart where PCA to
5-d merged 500 synthetic topics into 2 (bench/explore.py, bench/scale.py). ``"pca"`` stays
available when speed matters more than fine topics. HDBSCAN's clusters are then merged up an
average-linkage tree on the original vectors to the level of best silhouette
(:mod:`sbert_desktop.core.cluster_merge`; on the labelled Tweet and GoogleNews sets 76 -> 54 and
249 -> 163 clusters, ARI 0.615 -> 0.928 and 0.553 -> 0.776, bench/results/scale.txt). The same tree
cut at ~14 coarser levels (on the sentences' vectors averaged with their neighbours') is scored by the
modularity of the sentences' 15-nearest-neighbour graph; where that is best at a level at most half the
clusters kept, the topics are broad and that level is the result, read by k-means from the cut and
from k-means++ starts (SearchSnippets: 311 sub-topics -> 11 to 21 topics, NMI / ARI 0.442 / 0.044 ->
0.60-0.66 / 0.40-0.58 depending on the seed and on float noise in the vectors; Tweet, GoogleNews and
synthetic topics keep theirs; bench/results/scale.txt, topic-seeds.txt).

Labels are renumbered by cluster size (0 = the biggest); -1 is noise. Silhouette and the
centroid-closest sentences are computed on the original (normalised) embeddings, not the reduction.
heavy libraries (sklearn, hdbscan, umap) are imported inside the functions that use them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sbert_desktop.core import cluster_merge as CM
from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check
from sbert_desktop.core.similarity import normalize

METHODS = ("hdbscan", "kmeans", "agglomerative")
REDUCTIONS = (None, "auto", "umap", "umap-knn", "pca")
AUTO_REDUCE_FROM = 200
AUTO_UMAP_UP_TO = 10000
#: agglomerative clustering needs O(n^2) memory; refuse above this
MAX_AGGLOMERATIVE = 20000
#: silhouette is computed on a random sample of at most this many points
SILHOUETTE_SAMPLE = 5000
#: rows gathered at a time for centroids and representatives (bounds the temporary copies)
ROW_CHUNK = 65536


@dataclass
class ClusterResult:
    """What :func:`cluster` found.

    ``labels``: int64 [n], -1 = noise (none left when ``assign_noise``); ``noise_fraction``: the share
    HDBSCAN called noise *before* any assignment; ``was_noise``: bool [n] mask of those points (or
    None for methods without noise); ``sizes``: label -> count, biggest first; ``silhouette``:
    cosine silhouette over clustered points (sampled for big n), None with fewer than 2 clusters;
    ``representatives``: label -> indices of the members closest to the centroid, closest first;
    ``params``: everything that defines the result (incl. ``reduce_used``), JSON-able.
    """

    labels: np.ndarray
    n_clusters: int
    noise_fraction: float
    sizes: dict[int, int]
    silhouette: float | None
    representatives: dict[int, list[int]]
    params: dict[str, Any]
    was_noise: np.ndarray | None = None
    timings: dict[str, float] = field(default_factory=dict)

    def members(self, label: int) -> np.ndarray:
        return np.flatnonzero(self.labels == label)


def _stage(progress: ProgressCallback | None, step: int, total: int, name: str, start: float) -> None:
    if progress is not None:
        progress(Progress(step, total, name, {}, time.perf_counter() - start))


def choose_reduction(method: str, n: int, reduce: str | None) -> str | None:
    """The reduction ``reduce="auto"`` picks for ``method`` on ``n`` points (others pass through)."""
    if reduce != "auto":
        return reduce
    if method != "hdbscan" or n < AUTO_REDUCE_FROM:
        return None
    return "umap" if n <= AUTO_UMAP_UP_TO else "umap-knn"


def reduce_embeddings(emb: np.ndarray, method: str, dim: int = 5, seed: int = 42, metric: str = "cosine",
                      n_neighbors: int = 15, progress: ProgressCallback | None = None,
                      cancel: CancelToken | None = None) -> np.ndarray:
    """PCA or UMAP of the embeddings to ``dim`` dimensions (float32); inputs are normalised for cosine.

    ``"umap-knn"`` is UMAP fed with the k-NN graph of :func:`sbert_desktop.core.neighbors.knn_graph`
    (the cached approximate index above 20k rows) instead of its own NN-descent, with a PCA start
    instead of the spectral one: see :mod:`sbert_desktop.core.scale_reduce`.
    """
    if method == "umap-knn":
        from sbert_desktop.core.scale_reduce import umap_on_knn

        return umap_on_knn(emb, dim, seed, n_neighbors, progress=progress, cancel=cancel)
    x = normalize(emb) if metric == "cosine" else np.ascontiguousarray(emb, np.float32)
    dim = max(1, min(dim, x.shape[1], x.shape[0] - 1))
    if method == "pca":
        from sklearn.decomposition import PCA

        return PCA(n_components=dim, random_state=seed).fit_transform(x).astype(np.float32)
    if method == "umap":
        import umap

        reducer = umap.UMAP(n_components=dim, n_neighbors=min(n_neighbors, x.shape[0] - 1), min_dist=0.0,
                            metric="cosine" if metric == "cosine" else "euclidean", random_state=seed, n_jobs=1)
        return np.asarray(reducer.fit_transform(x), dtype=np.float32)
    raise SbertDesktopError(f"unknown reduction {method!r}; choose umap, pca or none")


def cluster(
    emb: np.ndarray,
    method: str = "hdbscan",
    min_cluster_size: int = 10,
    min_samples: int | None = None,
    metric: str = "cosine",
    n_clusters: int = 8,
    reduce: str | None = "auto",
    reduce_dim: int = 5,
    seed: int = 42,
    assign_noise: bool | str = False,
    n_representatives: int = 5,
    merge: str = "silhouette",
    topics: int = 0,
    scan_topics: bool = True,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ClusterResult:
    """Cluster ``emb`` (float32 [n, dim]); see the module docstring for the choices made.

    ``min_cluster_size``/``min_samples`` are HDBSCAN's; ``n_clusters`` is for k-means and
    agglomerative. ``assign_noise`` puts every noise point into a cluster: ``True`` or ``"knn"``
    by the vote of its nearest clustered neighbours, ``"centroid"`` by the closest centroid;
    ``False``/``"keep"`` keeps it as noise. ``merge="silhouette"`` (HDBSCAN) merges the clusters
    HDBSCAN found up their average-linkage tree to the level of best cosine silhouette
    (:mod:`sbert_desktop.core.cluster_merge`); ``"none"`` keeps HDBSCAN's clusters as they are.
    ``topics`` > 0 (HDBSCAN) reads that many topics instead (when HDBSCAN found more; the user knows
    how broad the topics are: 8 subjects, not 300 sub-topics): spherical k-means on the rows' vectors
    averaged with their neighbours', from the same tree cut at that level and from k-means++ starts,
    the best split of the neighbour graph kept (:func:`cluster_merge.topic_partition`, on at most
    ``cluster_merge.SCAN_ROWS`` rows, the others by the nearest topic centre); HDBSCAN's noise keeps
    that reading when it is to be assigned, and stays noise when kept. ``scan_topics`` (the default path: HDBSCAN,
    silhouette merge, no ``topics``) also scores coarser readings of the same clusters
    (:func:`cluster_merge.scan_levels`): where the modularity of the neighbour graph is best at a level
    at most half the clusters kept, that level is taken instead, read as a number of topics
    would be (:func:`cluster_merge.broader_level`; ``params["broader_topics"]``, 0 when kept); it offers
    the numbers of topics where the silhouette peaks (``params["suggested_topics"]``, best first;
    ``params["topic_scan"]`` and ``params["topic_modularity"]``: [topics, score] pairs). Above
    ``cluster_scale.TWO_LEVEL_ABOVE`` rows the default path clusters a seeded sample and
    labels the rest by their nearest sample rows. Cancel is checked between stages (one library fit cannot be interrupted;
    its result is discarded).
    """
    emb = np.asarray(emb)
    n = int(emb.shape[0])
    if method not in METHODS:
        raise SbertDesktopError(f"unknown clustering method {method!r}; choose one of {', '.join(METHODS)}")
    if metric not in ("cosine", "euclidean"):
        raise SbertDesktopError(f"unknown metric {metric!r}; choose cosine or euclidean")
    if reduce not in REDUCTIONS:
        raise SbertDesktopError(f"unknown reduction {reduce!r}; choose auto, umap, pca or none")
    if n < 2:
        raise SbertDesktopError(f"clustering needs at least 2 sentences, got {n}")
    if method == "agglomerative" and n > MAX_AGGLOMERATIVE:
        raise SbertDesktopError(
            f"agglomerative clustering of {n:,} points needs O(n\u00b2) memory; the limit is "
            f"{MAX_AGGLOMERATIVE:,}. Use hdbscan or kmeans."
        )
    if method != "hdbscan" and not 1 <= n_clusters <= n:
        raise SbertDesktopError(f"n_clusters must be between 1 and {n}, got {n_clusters}")
    if merge not in CM.MERGES:
        raise SbertDesktopError(f"unknown merge {merge!r}; choose one of {', '.join(CM.MERGES)}")
    if topics < 0:
        raise SbertDesktopError(f"topics must be 0 (automatic) or a number of clusters, got {topics}")
    if topics and method != "hdbscan":
        raise SbertDesktopError(f"a number of topics cuts HDBSCAN's merge tree; {method} takes n_clusters instead")
    if topics and merge == "none":
        raise SbertDesktopError("a number of topics merges HDBSCAN's clusters; it cannot go with merge 'none'")
    if method == "hdbscan" and min_cluster_size < 2:
        raise SbertDesktopError(f"min_cluster_size must be at least 2, got {min_cluster_size}")

    from sbert_desktop.core import cluster_scale as CS

    strategy = CS.noise_strategy(assign_noise)
    start = time.perf_counter()
    timings: dict[str, float] = {}
    reduce_used = choose_reduction(method, n, reduce)
    unit = normalize(emb)
    x = unit if metric == "cosine" else np.ascontiguousarray(emb, np.float32)
    two_level = method == "hdbscan" and reduce_used == "umap-knn" and n > CS.TWO_LEVEL_ABOVE
    rows = CS.sample_rows(n, seed) if two_level else None
    fit_unit = np.ascontiguousarray(unit[rows]) if two_level else unit  # a sample, not a second full copy

    _stage(progress, 0, 5, f"reducing ({reduce_used})" if reduce_used else "clustering", start)
    check(cancel)
    if reduce_used:
        t = time.perf_counter()
        source = fit_unit if metric == "cosine" else (emb[rows] if two_level else emb)  # no second 1.5 GB copy at 1M
        x = reduce_embeddings(source, reduce_used, reduce_dim, seed, metric, progress=progress, cancel=cancel)
        timings["reduce"] = time.perf_counter() - t
        check(cancel)

    _stage(progress, 1, 5, f"clustering ({method})", start)
    t = time.perf_counter()
    raw = _fit(x, method, min_cluster_size, min_samples, n_clusters, seed)
    timings["cluster"] = time.perf_counter() - t
    check(cancel)
    merged = None
    fine = raw
    level = 0  # a number of topics to read the clusters at: the user's, or the scan's broader level
    graph = None
    topic_labels = None  # that reading of every fitted row, HDBSCAN's noise included
    if method == "hdbscan" and merge == "silhouette" and topics:
        found = int(raw.max()) + 1 if raw.size and raw.max() >= 0 else 0
        merged = {"clusters_before": found, "clusters_after": min(topics, found), "topics": topics}
        level = topics if topics < found else 0  # fewer found: they stay as they are
    elif method == "hdbscan" and merge == "silhouette":
        _stage(progress, 1, 5, "merging clusters (best silhouette)", start)
        t = time.perf_counter()
        raw, merged = CM.merge_by_silhouette(fit_unit, raw, seed, cancel)
        timings["merge"] = time.perf_counter() - t
    scan: dict[int, float] = {}
    graph_scores: dict[int, float] = {}
    broader = 0
    if scan_topics and method == "hdbscan" and merge == "silhouette" and not topics and merged:
        _stage(progress, 1, 5, "scanning coarser topic levels", start)
        t = time.perf_counter()
        graph = _topic_graph(fit_unit, fine, seed, cancel)
        if graph is not None:
            scan, graph_scores = CM.scan_levels(fit_unit, fine, seed, cancel, graph=graph)
        broader = level = CM.broader_level(graph_scores, merged["clusters_after"])
        timings["scan"] = time.perf_counter() - t
    if level:
        # the tree cut at that level, k-means on the smoothed vectors from it and from k-means++ starts,
        # the best split of the neighbour graph kept; HDBSCAN's noise stays noise unless it is to be assigned
        _stage(progress, 1, 5, f"refining {level} topics", start)
        t = time.perf_counter()
        graph = graph or _topic_graph(fit_unit, fine, seed, cancel)
        if graph is not None:
            part, info = CM.topic_partition(graph, level, seed, cancel)
            topic_labels = CM.label_rows(fit_unit, graph, part)
            raw = np.where(fine < 0, -1, topic_labels)
            merged.update(info, clusters_after=level)
            if broader:
                merged.update(chosen_by="modularity")
        timings["topics"] = time.perf_counter() - t
    sample_index = None
    if two_level:
        from sbert_desktop.core.neighbors import build_index

        _stage(progress, 2, 5, f"labelling the other {n - len(rows):,} rows from the sample", start)
        t = time.perf_counter()
        sample_index = build_index(fit_unit, "auto", seed=seed, cancel=cancel)  # the one UMAP's k-NN built (cached)
        raw = CS.extend_labels(unit, rows, raw, sample_index, cancel)
        timings["extend"] = time.perf_counter() - t

    _stage(progress, 3, 5, "noise" if strategy != "keep" else "scoring", start)
    # noise to be assigned where a number of topics was read: the k-means of that reading already placed it
    placed = topic_labels is not None and strategy != "keep" and not two_level
    labels = _relabel_by_size(topic_labels if placed else raw)
    was_noise = (fine < 0 if placed else labels < 0) if method == "hdbscan" else None
    noise_fraction = float(np.mean(was_noise)) if was_noise is not None else float(np.mean(labels < 0))
    k = int(labels.max()) + 1 if labels.size and labels.max() >= 0 else 0
    centroids = _centroids(unit, labels, k)
    if not placed and strategy != "keep" and k > 0 and noise_fraction > 0:
        t = time.perf_counter()
        labels = _assign_noise(unit, labels, centroids, strategy, rows, sample_index, cancel)
        centroids = _centroids(unit, labels, k)
        timings["noise"] = time.perf_counter() - t
    _stage(progress, 4, 5, "scoring", start)
    t = time.perf_counter()
    sil = silhouette(unit, labels, seed=seed)
    timings["silhouette"] = time.perf_counter() - t
    reps = _representatives(unit, labels, centroids, n_representatives)
    sizes = {int(c): int(s) for c, s in enumerate(np.bincount(labels[labels >= 0], minlength=k))}
    timings["total"] = time.perf_counter() - start
    _stage(progress, 5, 5, "done", start)
    params = {
        "method": method, "metric": metric, "reduce": reduce, "reduce_used": reduce_used,
        "reduce_dim": reduce_dim if reduce_used else None, "seed": seed, "assign_noise": assign_noise,
        "noise": strategy if method == "hdbscan" else None, "two_level_sample": len(rows) if two_level else None,
        "n_points": n,
    }
    if method == "hdbscan":
        params.update(min_cluster_size=min_cluster_size, min_samples=min_samples, merge=merge, merged=merged,
                      topics=topics)
        if scan:
            params.update(topic_scan=[[lv, sc] for lv, sc in scan.items()],
                          topic_modularity=[[lv, sc] for lv, sc in graph_scores.items()],
                          broader_topics=broader, suggested_topics=CM.suggested_topics(scan, k))
    else:
        params.update(n_clusters=n_clusters)
    return ClusterResult(labels, k, noise_fraction, sizes, sil, reps, params, was_noise, timings)


def _topic_graph(unit: np.ndarray, raw: np.ndarray, seed: int, cancel: CancelToken | None) -> CM.TopicGraph | None:
    """:func:`cluster_merge.topic_graph` of HDBSCAN's clusters with their noise assigned by neighbour vote
    (the merge tree is a reading of every row, whatever the caller does with the noise)."""
    fine = _relabel_by_size(raw)
    k = int(fine.max()) + 1 if fine.size else 0
    if k < 1:
        return None
    if (fine < 0).any():
        fine = _assign_noise(unit, fine, _centroids(unit, fine, k), "knn", None, None, cancel)
    return CM.topic_graph(unit, fine, seed, cancel)


def _assign_noise(unit: np.ndarray, labels: np.ndarray, centroids: np.ndarray, strategy: str,
                  rows: np.ndarray | None, sample_index, cancel: CancelToken | None) -> np.ndarray:
    """Every noise point into a cluster: the closest centroid, or the vote of its nearest clustered
    neighbours (:mod:`sbert_desktop.core.cluster_scale`; against the sample in the two-level scheme)."""
    from sbert_desktop.core import cluster_scale as CS

    noise = np.flatnonzero(labels < 0)
    labels = labels.copy()
    if strategy == "knn" and sample_index is not None:
        nbr = CS.neighbor_labels(sample_index, labels[rows], noise, unit, cancel)
        labels[noise] = CS.vote(nbr, centroids.shape[0])
    elif strategy == "knn":
        from sbert_desktop.core.neighbors import knn_graph

        graph = knn_graph(unit, min(CS.VOTE_K, len(unit) - 1), cancel=cancel).indices  # UMAP's table (cached)
        return CS.assign_by_neighbors(labels, graph, unit, centroids, cancel)
    noise = np.flatnonzero(labels < 0)
    labels[noise] = CM.nearest_centres(unit, noise, centroids)
    return labels


def _fit(x: np.ndarray, method: str, min_cluster_size: int, min_samples: int | None, n_clusters: int,
         seed: int) -> np.ndarray:
    if method == "hdbscan":
        import hdbscan

        model = hdbscan.HDBSCAN(min_cluster_size=min_cluster_size, min_samples=min_samples,
                                metric="euclidean", core_dist_n_jobs=1)
        return np.asarray(model.fit_predict(x.astype(np.float64)), dtype=np.int64)
    if method == "kmeans":
        from sklearn.cluster import KMeans

        return KMeans(n_clusters=n_clusters, n_init="auto", random_state=seed).fit_predict(x).astype(np.int64)
    from sklearn.cluster import AgglomerativeClustering

    return AgglomerativeClustering(n_clusters=n_clusters, linkage="ward").fit_predict(x).astype(np.int64)


def _relabel_by_size(raw: np.ndarray) -> np.ndarray:
    """Renumber clusters 0..k-1 by decreasing size (ties: by first appearance); noise stays -1."""
    labels = np.full(raw.shape, -1, np.int64)
    ids, first, counts = np.unique(raw[raw >= 0], return_index=True, return_counts=True)
    order = np.lexsort((first, -counts))
    mapping = {int(ids[o]): new for new, o in enumerate(order)}
    for old, new in mapping.items():
        labels[raw == old] = new
    return labels


def _centroids(unit: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Unit-length mean of each cluster's (normalised) members: float32 [k, dim]."""
    sums = np.zeros((k, unit.shape[1]), np.float64)
    if k:
        _add_sorted(sums, unit, labels)
    return normalize(sums.astype(np.float32)) if k else sums.astype(np.float32)


def _add_sorted(sums: np.ndarray, unit: np.ndarray, labels: np.ndarray) -> None:
    """``sums[c] += unit[labels == c]`` for every cluster at once (sort + reduceat, no Python loop)."""
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    keep = sorted_labels >= 0
    order, sorted_labels = order[keep], sorted_labels[keep]
    for s in range(0, order.size, ROW_CHUNK):  # a chunk at a time: no sorted copy of all rows (1.5 GB at 1M)
        part, lab = order[s : s + ROW_CHUNK], sorted_labels[s : s + ROW_CHUNK]
        starts = np.flatnonzero(np.r_[True, lab[1:] != lab[:-1]])
        sums[lab[starts]] += np.add.reduceat(unit[part], starts, axis=0)


def _representatives(unit: np.ndarray, labels: np.ndarray, centroids: np.ndarray, n_rep: int) -> dict[int, list[int]]:
    reps: dict[int, list[int]] = {}
    clustered = np.flatnonzero(labels >= 0)
    if clustered.size == 0:
        return reps
    closeness = np.empty(clustered.size, np.float32)
    for s in range(0, clustered.size, ROW_CHUNK):  # no copy of all clustered rows at once
        part = clustered[s : s + ROW_CHUNK]
        closeness[s : s + part.size] = np.einsum("ij,ij->i", unit[part], centroids[labels[part]])
    order = np.lexsort((-closeness, labels[clustered]))  # by label, then closest first
    sorted_labels = labels[clustered][order]
    starts = np.flatnonzero(np.r_[True, sorted_labels[1:] != sorted_labels[:-1]])
    for s, e in zip(starts, np.r_[starts[1:], len(order)]):
        reps[int(sorted_labels[s])] = clustered[order[s : min(e, s + n_rep)]].tolist()
    return reps


def silhouette(unit: np.ndarray, labels: np.ndarray, seed: int = 42, sample: int = SILHOUETTE_SAMPLE) -> float | None:
    """Cosine silhouette of the clustered (non-noise) points, on a seeded sample above ``sample``."""
    from sklearn.metrics import silhouette_score

    rows = np.flatnonzero(labels >= 0)
    y = labels[rows]
    n_labels = len(np.unique(y))
    if n_labels < 2 or n_labels >= len(y):
        return None
    if len(y) > sample:
        # pick the sample among the clustered rows first and gather only those: at 1M rows a
        # gather of every clustered row would copy the whole embedding matrix (1.5 GB)
        idx = np.random.default_rng(seed).choice(len(y), sample, replace=False)
        rows, y = rows[idx], y[idx]
        if len(np.unique(y)) < 2:
            return None
    return float(silhouette_score(unit[rows], y, metric="cosine"))
