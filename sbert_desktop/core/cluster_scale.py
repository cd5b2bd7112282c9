"""Clustering helpers for 100k-1M sentences: noise by neighbour vote, and a two-level scheme.

**Noise.** HDBSCAN leaves the points it cannot place in a dense region as noise: 10-30% of real
sentences (BERTopic's users' first complaint). :func:`assign_by_neighbors` is BERTopic's
``reduce_outliers`` idea with the neighbour index: each noise point takes the cluster most of its
nearest *clustered* neighbours (in the original embedding space) belong to; the vote is repeated
so points whose neighbours were all noise follow their newly placed neighbours, and what is left
after :data:`VOTE_ROUNDS` goes to the closest centroid.

**Two levels.** Above :data:`TWO_LEVEL_ABOVE` rows the UMAP + HDBSCAN path runs on a seeded sample
of :data:`SAMPLE_ROWS` rows; every other row then takes the label of the majority of its
:data:`VOTE_K` nearest sample rows (the cell index over the sample, exact enough at recall ~0.96).
UMAP's layout and HDBSCAN grow faster than linearly, the neighbour search against a fixed sample
grows linearly, so this keeps 1M rows inside minutes and the memory at one copy of the vectors.
"""

from __future__ import annotations

import numpy as np

from sbert_desktop.core.progress import CancelToken, ProgressCallback, check

TWO_LEVEL_ABOVE = 150_000
SAMPLE_ROWS = 100_000
VOTE_K = 14
VOTE_ROUNDS = 3
NOISE_STRATEGIES = ("keep", "knn", "centroid")


def noise_strategy(assign_noise: bool | str) -> str:
    """``False``/"keep" keeps noise, ``True``/"knn" votes by neighbours, "centroid" takes the closest centroid."""
    if assign_noise is True:
        return "knn"
    if assign_noise is False or assign_noise is None:
        return "keep"
    if assign_noise not in NOISE_STRATEGIES:
        from sbert_desktop.core.errors import SbertDesktopError

        raise SbertDesktopError(f"unknown noise handling {assign_noise!r}; choose one of {', '.join(NOISE_STRATEGIES)}")
    return assign_noise


#: rows voted at a time: the vote's count table is rows x clusters (at 1M rows and 500 clusters
#: 1.8 GB in one piece; 65,536 rows: 130 MB)
VOTE_CHUNK = 65536


def vote(neighbor_labels: np.ndarray, k_clusters: int) -> np.ndarray:
    """Majority label of each row of ``neighbor_labels`` [n, k] ignoring -1 (ties: the nearer
    neighbour's label, as the columns are nearest first); -1 where a row has no labelled neighbour."""
    n, k = neighbor_labels.shape
    out = np.full(n, -1, np.int64)
    if n == 0 or k_clusters == 0:
        return out
    weights = np.linspace(1.0, 0.9, k).astype(np.float32)  # a tie goes to the closer neighbour
    for s in range(0, n, VOTE_CHUNK):
        part = neighbor_labels[s : s + VOTE_CHUNK]
        m = part.shape[0]
        counts = np.zeros((m, k_clusters), np.float32)
        rows = np.arange(m)
        for j in range(k):
            lab = part[:, j]
            ok = lab >= 0
            np.add.at(counts, (rows[ok], lab[ok]), weights[j])
        has = counts.max(axis=1) > 0
        out[s : s + m][has] = counts[has].argmax(axis=1)
    return out


def assign_by_neighbors(labels: np.ndarray, graph: np.ndarray, unit: np.ndarray, centroids: np.ndarray,
                        cancel: CancelToken | None = None) -> np.ndarray:
    """Labels with every -1 replaced (see the module docstring). ``graph`` int [n, k]: each row's
    nearest other rows (-1 = none); ``centroids`` [k_clusters, dim] unit length."""
    labels = labels.copy()
    k_clusters = centroids.shape[0]
    for _ in range(VOTE_ROUNDS):
        noise = np.flatnonzero(labels < 0)
        if noise.size == 0 or k_clusters == 0:
            return labels
        nbr = graph[noise]
        nbr_labels = np.where(nbr >= 0, labels[np.maximum(nbr, 0)], -1)
        got = vote(nbr_labels, k_clusters)
        if not (got >= 0).any():
            break
        labels[noise] = got
        check(cancel)
    noise = np.flatnonzero(labels < 0)
    if noise.size and k_clusters:
        for s in range(0, noise.size, 65536):
            part = noise[s : s + 65536]
            labels[part] = np.argmax(unit[part] @ centroids.T, axis=1)
    return labels


def sample_rows(n: int, seed: int = 42) -> np.ndarray:
    """The seeded sample the two-level scheme clusters (sorted row numbers)."""
    return np.sort(np.random.default_rng(seed).choice(n, min(n, SAMPLE_ROWS), replace=False))


def neighbor_labels(index, labels: np.ndarray, rows: np.ndarray, unit: np.ndarray,
                    cancel: CancelToken | None = None) -> np.ndarray:
    """The labels [len(rows), VOTE_K] of each row's nearest rows in ``index`` (a
    :class:`~sbert_desktop.core.neighbors.NeighborIndex` whose rows carry ``labels``), -1 where none."""
    out = np.full((rows.size, VOTE_K), -1, np.int64)
    for s in range(0, rows.size, 131072):
        part = rows[s : s + 131072]
        found = index.search(unit[part], VOTE_K, cancel=cancel)
        out[s : s + part.size] = np.where(found.indices >= 0, labels[np.maximum(found.indices, 0)], -1)
        check(cancel)
    return out


def extend_labels(unit: np.ndarray, rows: np.ndarray, sample_labels: np.ndarray, index,
                  cancel: CancelToken | None = None) -> np.ndarray:
    """Labels for all rows from those of the sample ``rows``: every other row takes the majority
    label of its :data:`VOTE_K` nearest sample rows, noise counted as a label of its own (as
    HDBSCAN's own prediction would leave it noise). ``index`` is the neighbour index of the sample."""
    n = unit.shape[0]
    labels = np.full(n, -1, np.int64)
    labels[rows] = sample_labels
    rest = np.ones(n, bool)
    rest[rows] = False
    rest_rows = np.flatnonzero(rest)
    k_clusters = int(sample_labels.max()) + 1 if sample_labels.size and sample_labels.max() >= 0 else 0
    nbr = neighbor_labels(index, sample_labels, rest_rows, unit, cancel)
    labels[rest_rows] = vote(nbr + 1, k_clusters + 1) - 1  # class 0 = noise
    return labels
