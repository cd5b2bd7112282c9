"""HDBSCAN's fine clusters merged into topics: exact average linkage on cosine, cut at the best silhouette.

HDBSCAN on a UMAP reduction (min cluster size 10) finds the dense groups of a set. Where the set's
topics are narrow (news events, tweets on one query) those groups are the topics; where they are
broad (web snippets on 8 subjects) it finds hundreds of sub-topics (SearchSnippets: 322 for 8,
bench/results/scale.txt). Which one a set is cannot come from a size rule: GoogleNews (11k texts,
152 topics) and SearchSnippets (12k texts, 8 topics) are the same size. It can come from the data:
the groups are merged bottom-up by average linkage on the original (unit) vectors, and the level
kept is the one whose cosine silhouette is highest, i.e. where the clusters are most cohesive and
best separated *in the embedding space* (HDBSCAN only ever saw the reduction).

Everything comes from the cluster sums S_c: the mean cosine similarity between the members of two
clusters is S_a·S_b / (n_a n_b), so exact average linkage over k clusters costs O(k^2 d + k^3), not
O(n^2); a point's mean cosine distance to cluster c is 1 - u·S_c / n_c (its own: 1 - (u·S_c - 1) /
(n_c - 1)), so the exact silhouette of a level costs O(n k) (over a seeded sample of
:data:`SILHOUETTE_ROWS` clustered points for big sets). Noise (-1) stays noise.

On broad topics the silhouette is highest at the sub-topics (SearchSnippets: 311 for 8 subjects). So
the default also scans coarser cuts of the same tree (:func:`scan_levels`, each refined by k-means
steps) and scores them by the modularity of the rows' nearest-neighbour graph, which does not reward
splitting a well-connected topic: where its best level is several times broader than the clusters
kept (:func:`broader_level`), that level is the result.
"""

from __future__ import annotations

import numpy as np

from sbert_desktop.core.progress import CancelToken, check

MERGES = ("silhouette", "none")
#: the silhouette of each level is averaged over at most this many clustered points (seeded sample)
SILHOUETTE_ROWS = 20_000
#: levels at or below this many clusters are all scored; above it, LEVELS_ABOVE levels spaced geometrically
ALL_LEVELS_UP_TO = 50
LEVELS_ABOVE = 100


def cluster_sums(unit: np.ndarray, labels: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum vector (float64 [k, dim]) and size (float64 [k]) of each cluster 0..k-1 (noise ignored)."""
    from scipy.sparse import csr_matrix

    rows = np.flatnonzero(labels >= 0)
    onehot = csr_matrix((np.ones(rows.size, np.float32), (labels[rows], rows)), shape=(k, unit.shape[0]))
    sums = np.asarray(onehot @ unit, dtype=np.float64)
    return sums, np.bincount(labels[rows], minlength=k).astype(np.float64)


def silhouette_from_sums(sims: np.ndarray, own: np.ndarray, sizes: np.ndarray) -> float:
    """Mean cosine silhouette of points whose summed similarity to each cluster is ``sims`` [m, k]
    (``own`` [m]: the column of each point's cluster; ``sizes`` [k]). A point alone in its cluster scores 0."""
    m = sims.shape[0]
    rows = np.arange(m)
    n_own = sizes[own]
    a = 1.0 - (sims[rows, own] - 1.0) / np.maximum(n_own - 1.0, 1.0)
    mean = sims / sizes
    mean[rows, own] = -np.inf
    b = 1.0 - mean.max(axis=1)
    s = np.where(n_own > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-12), 0.0)
    return float(s.mean())


def _levels(k: int) -> set[int]:
    levels = set(range(2, min(k, ALL_LEVELS_UP_TO) + 1)) | {k}
    if k > ALL_LEVELS_UP_TO:
        levels |= set(np.unique(np.geomspace(ALL_LEVELS_UP_TO, k, LEVELS_ABOVE).astype(int)).tolist())
    return levels


def merge_by_silhouette(unit: np.ndarray, labels: np.ndarray, seed: int = 42,
                        cancel: CancelToken | None = None, topics: int = 0) -> tuple[np.ndarray, dict]:
    """``labels`` (int, -1 = noise) with clusters merged up the average-linkage tree to the level of
    highest silhouette (see the module docstring), or with ``topics`` > 0 to that many clusters (the
    same tree, cut where the user asks: BERTopic's ``nr_topics``; fewer found stay as they are).
    ``unit``: the rows' unit vectors. Returns the new labels (cluster ids are those of the surviving
    fine clusters; renumber afterwards) and a summary ``{"clusters_before", "clusters_after",
    "silhouette_before", "silhouette_after", "topics"}``."""
    if topics < 0:
        raise ValueError(f"topics must be 0 (the best silhouette) or a number of clusters, got {topics}")
    k = int(labels.max()) + 1 if labels.size else 0
    if k < 3 or (topics and topics >= k):
        return labels, {"clusters_before": k, "clusters_after": k, "topics": topics}
    sums, sizes = cluster_sums(unit, labels, k)
    gram = sums @ sums.T
    clustered = np.flatnonzero(labels >= 0)
    if clustered.size > SILHOUETTE_ROWS:
        clustered = np.sort(np.random.default_rng(seed).choice(clustered, SILHOUETTE_ROWS, replace=False))
    # each sampled point's summed similarity to each cluster, one column per live cluster: columns
    # 0..live-1 are the live clusters (a merged-away cluster's column takes the last live one), so a
    # level's silhouette reads a contiguous block instead of gathering columns
    sims = np.asfortranarray(unit[clustered] @ sums.T.astype(np.float32), dtype=np.float32)
    own = labels[clustered].copy()  # column of each sampled point's cluster
    col_size = sizes.copy()  # size of the cluster in each column
    cluster_at = np.arange(k)  # cluster id in each column
    col_of = np.arange(k)  # column of each cluster id
    alive = np.ones(k, bool)
    link = gram / np.outer(sizes, sizes)  # mean similarity between the members of two clusters
    np.fill_diagonal(link, -np.inf)
    levels = {k, topics} if topics else _levels(k)  # a level asked for: only it and the start are scored
    parent = np.arange(k)
    merges: list[tuple[int, int]] = []
    scores: dict[int, float] = {}
    for live in range(k, 1, -1):
        if live in levels:
            scores[live] = silhouette_from_sums(sims[:, :live], own, col_size[:live])
            check(cancel)
        if live == 2 or live == topics:
            break
        a, b = np.unravel_index(int(np.argmax(link)), link.shape)
        a, b = (int(a), int(b)) if a < b else (int(b), int(a))
        merges.append((a, b))
        sizes[a] += sizes[b]
        gram[a, :] += gram[b, :]
        gram[:, a] += gram[:, b]
        ca, cb, last = col_of[a], col_of[b], live - 1
        sims[:, ca] += sims[:, cb]
        col_size[ca] += col_size[cb]
        own[own == cb] = ca
        if cb != last:  # the last live column moves into the freed one
            moved = cluster_at[last]
            sims[:, cb] = sims[:, last]
            col_size[cb] = col_size[last]
            own[own == last] = cb
            cluster_at[cb], col_of[moved] = moved, cb
        alive[b] = False
        link[b, :] = -np.inf
        link[:, b] = -np.inf
        row = np.where(alive, gram[a] / (sizes[a] * sizes), -np.inf)
        row[a] = -np.inf
        link[a, :] = row
        link[:, a] = row
    best = topics or max(scores, key=lambda lv: (scores[lv], lv))  # ties: the finer level
    for a, b in merges[: k - best]:
        parent[b] = a
    root = parent.copy()
    for _ in range(k):  # follow merge chains to their surviving cluster
        nxt = root[root]
        if np.array_equal(nxt, root):
            break
        root = nxt
    out = labels.copy()
    m = labels >= 0
    out[m] = root[labels[m]]
    return out, {"clusters_before": k, "clusters_after": best, "silhouette_before": round(scores[k], 4),
                 "silhouette_after": round(scores[best], 4), "topics": topics}


#: at most this many k-means steps after a cut at a number of topics (bench/results/broad-topics.txt:
#: with the tolerance below: GoogleNews 12, SearchSnippets 30, Biomedical 45)
REFINE_STEPS = 100
#: stop once a step moves fewer than this share of the points (k-means' usual tolerance)
REFINE_TOLERANCE = 1e-3
_CHUNK = 65536


def nearest_centres(unit: np.ndarray, rows: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """For each of ``rows`` of ``unit``, the index of the most similar of ``centres`` (dot product),
    in chunks of rows so no [n, k] matrix of all rows is held."""
    out = np.empty(rows.size, np.int64)
    every = rows.size == unit.shape[0]  # all rows, in order (rows are sorted and unique): slice, do not gather
    for s in range(0, rows.size, _CHUNK):
        block = unit[s : s + _CHUNK] if every else unit[rows[s : s + _CHUNK]]
        out[s : s + _CHUNK] = np.argmax(block @ centres.T, axis=1)
    return out


def refine_topics(unit: np.ndarray, labels: np.ndarray, cancel: CancelToken | None = None,
                  steps: int = REFINE_STEPS) -> tuple[np.ndarray, dict]:
    """Spherical k-means from a cut of the merge tree: each clustered point moves to the topic whose
    centre (mean unit vector) is closest in cosine, the centres are recomputed, until a step moves
    fewer than :data:`REFINE_TOLERANCE` of the points or ``steps`` are done. Noise (-1) stays
    noise. Returns the labels (clusters numbered 0..k-1) and ``{"refine_steps", "refine_moved"}``
    (steps run, share of clustered points that changed topic).

    Why: the tree joins whole HDBSCAN clusters, so a cut at a few broad topics keeps every fragment
    where its average link put it, and noise-heavy sets come out lopsided (SearchSnippets cut at 8:
    clusters of 5,492 down to 47 texts, where the subjects have 2,653 to 369; after the steps 2,341
    to 853). Measured
    (bench/results/broad-topics.txt; noise assigned, then these steps, as ``clustering.cluster``
    does; the cut at the true k before -> after): Biomedical NMI / ARI 0.336 / 0.159 -> 0.436 / 0.321,
    SearchSnippets 0.643 / 0.488 -> 0.597 / 0.567, GoogleNews 0.920 / 0.768 -> 0.906 / 0.762
    (k-means told k: 0.455 / 0.319, 0.589 / 0.555, 0.859 / 0.563)."""
    clustered = np.flatnonzero(labels >= 0)
    out = labels.copy()
    if clustered.size == 0:
        return out, {"refine_steps": 0, "refine_moved": 0.0}
    ids, current = np.unique(labels[clustered], return_inverse=True)
    k = ids.size
    start = current.copy()
    done = 0
    for done in range(1, steps + 1):
        check(cancel)
        out[clustered] = current
        sums, _ = cluster_sums(unit, out, k)  # no copy of the clustered rows
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centres = (sums / np.maximum(norms, 1e-12)).astype(np.float32)  # an emptied topic: a zero centre
        new = nearest_centres(unit, clustered, centres)
        changed = float(np.mean(new != current))
        current = new
        if changed < REFINE_TOLERANCE:  # nothing, or almost nothing, moved
            break
    out[clustered] = current
    return out, {"refine_steps": done, "refine_moved": round(float(np.mean(current != start)), 4)}


#: the topic scan (:func:`scan_levels`): this many levels, spaced geometrically from SCAN_FROM topics
#: to HDBSCAN's count, on at most SCAN_ROWS seeded rows
SCAN_LEVELS = 14
SCAN_FROM = 4
SCAN_ROWS = 20_000
#: a coarser level is offered when its silhouette peak stands this share of the curve's top above its valley
PEAK_PROMINENCE = 0.025
#: the neighbour graph whose modularity scores each level: every scanned row joined to its GRAPH_K nearest
GRAPH_K = 15


def knn_adjacency(unit: np.ndarray, k: int = GRAPH_K, cancel: CancelToken | None = None):
    """The exact ``k``-nearest-neighbour graph of ``unit`` (cosine), made symmetric, as a 0/1 CSR matrix."""
    import scipy.sparse as sp

    from sbert_desktop.core.similarity import nearest_neighbors

    n = unit.shape[0]
    k = min(k, n - 1)
    found = nearest_neighbors(unit, k, cancel=cancel).indices
    adj = sp.csr_matrix((np.ones(n * k, np.float32), (np.repeat(np.arange(n), k), found.ravel())), shape=(n, n))
    return adj.maximum(adj.T)


def modularity(adj, labels: np.ndarray) -> float:
    """Newman's modularity of ``labels`` (0..k-1, every row) on the graph ``adj``: the share of edges
    inside the clusters minus the share a random graph with the same degrees would put there — the
    score Louvain and Leiden maximise. Unlike the silhouette it does not favour many small clusters: a
    split only pays when the two sides share fewer edges than chance."""
    degree = np.asarray(adj.sum(axis=1)).ravel()
    total = float(degree.sum())
    coo = adj.tocoo()
    inside = float(coo.data[labels[coo.row] == labels[coo.col]].sum())
    return inside / total - float(((np.bincount(labels, weights=degree) / total) ** 2).sum())


def scan_levels(unit: np.ndarray, fine: np.ndarray, seed: int = 42, cancel: CancelToken | None = None,
                levels: int = SCAN_LEVELS) -> tuple[dict[int, float], dict[int, float]]:
    """Coarser readings of the same clusters, scored: the merge tree of ``fine`` (HDBSCAN's clusters
    with every row labelled, noise assigned) cut at ``levels`` numbers of topics from
    :data:`SCAN_FROM` up to all of them, each cut followed by :func:`refine_topics`' k-means steps
    (what a number in the Topics box does). Returns ({topics: cosine silhouette}, {topics: modularity
    of the :data:`GRAPH_K`-nearest-neighbour graph}), finest first, over at most :data:`SCAN_ROWS` rows.

    Why: on sets of broad topics the fine clusters are the stronger structure and win the default's
    silhouette (SearchSnippets: 311 clusters for 8 subjects), while the neighbour graph's modularity
    is highest at a broad level there (SearchSnippets 15, Biomedical 15) and at the fine one where the
    topics are narrow (Tweet 56 of 71, GoogleNews 130 of 247, synthetic 100k: all 201; bench/results/
    broad-topics.txt, Dec 3), which :func:`broader_level` turns into the default's choice."""
    rows = np.flatnonzero(fine >= 0)
    if rows.size > SCAN_ROWS:
        rows = np.sort(np.random.default_rng(seed).choice(rows, SCAN_ROWS, replace=False))
    u = np.ascontiguousarray(unit[rows])
    lab = np.unique(fine[rows], return_inverse=True)[1].astype(np.int64)
    k = int(lab.max()) + 1 if lab.size else 0
    sils: dict[int, float] = {}
    mods: dict[int, float] = {}
    if k < 3:
        return sils, mods
    adj = knn_adjacency(u, GRAPH_K, cancel)
    for topics in sorted({int(v) for v in np.geomspace(min(SCAN_FROM, k), k, levels)}, reverse=True):
        check(cancel)
        cut = merge_by_silhouette(u, lab, seed, cancel, topics=topics)[0] if topics < k else lab
        refined = np.unique(refine_topics(u, cut, cancel)[0], return_inverse=True)[1]  # no emptied topics
        sums, sizes = cluster_sums(u, refined, int(refined.max()) + 1)
        if sizes.size < 2:
            continue
        sils[topics] = round(silhouette_from_sums(u @ sums.T.astype(np.float32), refined, sizes), 4)
        mods[topics] = round(modularity(adj, refined), 4)
    return sils, mods


def broader_level(modularities: dict[int, float], found: int) -> int:
    """The number of topics the default takes instead of the ``found`` clusters of the silhouette
    merge: the level of highest modularity when it is at most half of ``found``, else 0 (keep them).

    The half keeps narrow-topic sets as the silhouette merge had them (Tweet: 56 against 54 kept,
    GoogleNews 130 against 165; their scores differ by < 0.01 NMI either way) and moves only where
    the graph says the topics are several times broader (SearchSnippets 15 against 311, Biomedical 15
    against 271; NMI / ARI 0.442 / 0.044 -> 0.585 / 0.461 and 0.392 / 0.177 -> 0.421 / 0.286)."""
    if not modularities:
        return 0
    best = max(modularities, key=lambda lv: (modularities[lv], lv))
    return best if best * 2 <= found else 0


def suggested_topics(scores: dict[int, float], found: int) -> list[int]:
    """Numbers of topics at most half of ``found`` (the clusters the default kept) where the
    silhouette of :func:`scan_levels` peaks, best first. A peak is higher than the levels on either
    side and rises at least :data:`PEAK_PROMINENCE` of the curve's highest value above the lowest
    level between it and the nearest finer level that is higher still (its topographic prominence).

    The prominence keeps wobbles of a falling curve out: 100k and 1M synthetic topics with no
    broader structure peak by 1.4% and 0.4% (at 9 and 37 topics); SearchSnippets' 15 by 4.6%,
    Biomedical's 30 by 3.1% (its 120: 2.0%), four subjects over 24 sub-topics (the test) by 20%."""
    levels = sorted(scores)
    if not levels:
        return []
    top = max(scores.values())
    peaks = []
    for i, lv in enumerate(levels):
        if lv * 2 > found:
            continue
        if (i > 0 and scores[lv] <= scores[levels[i - 1]]) or (i + 1 < len(levels) and scores[lv] <= scores[levels[i + 1]]):
            continue
        valley = scores[lv]
        for finer in levels[i + 1 :]:
            if scores[finer] >= scores[lv]:
                break
            valley = min(valley, scores[finer])
        if scores[lv] - valley >= PEAK_PROMINENCE * top:
            peaks.append(lv)
    return sorted(peaks, key=lambda lv: -scores[lv])
