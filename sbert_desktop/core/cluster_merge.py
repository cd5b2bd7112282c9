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
steps, both on the rows' vectors averaged with their neighbours', :func:`smooth_over`) and scores them
by the modularity of the rows' nearest-neighbour graph, which does not reward splitting a
well-connected topic: where its best level is several times broader than the clusters kept
(:func:`broader_level`), that level is the result, read as a number of topics is
(:func:`topic_partition`: the tree's cut and k-means++ starts, the best modularity kept).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


@dataclass
class TopicGraph:
    """What the topic levels are read on: ``rows`` (indices into the caller's rows: all of them, or a
    seeded sample of :data:`SCAN_ROWS`), their exact :data:`GRAPH_K`-nearest-neighbour graph ``adj``,
    their unit vectors ``unit`` and the same smoothed over the graph (``smooth``,
    :func:`smooth_over`), and ``fine``: HDBSCAN's cluster of each of them (every row labelled, 0..k-1)."""

    rows: np.ndarray
    adj: Any
    unit: np.ndarray
    smooth: np.ndarray
    fine: np.ndarray


def smooth_over(unit: np.ndarray, adj) -> np.ndarray:
    """Each row's unit vector plus the mean of its neighbours' on ``adj``, made unit length again: one
    step of feature propagation (the smoothing of SGC and of attributed-graph clustering).

    Why: a sentence's vector carries its own wording as well as its topic; its neighbours share the
    topic, not the wording, so the average keeps the topic and damps the rest. Cut and refined on
    these vectors, the same levels read the labelled sets closer to their topics (bench/results/
    smooth-topics.txt, Dec 3 evening: SearchSnippets at 11 topics NMI / ARI 0.596 / 0.519 ->
    0.658 / 0.576, Biomedical at 21 0.432 / 0.306 -> 0.434 / 0.311)."""
    degree = np.maximum(np.asarray(adj.sum(axis=1)).ravel(), 1.0)
    out = unit + np.asarray(adj @ unit) / degree[:, None].astype(np.float32)
    out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
    return out.astype(np.float32, copy=False)


def topic_graph(unit: np.ndarray, fine: np.ndarray, seed: int = 42, cancel: CancelToken | None = None) -> TopicGraph | None:
    """The :class:`TopicGraph` of ``fine`` (labels of the rows of ``unit``, every row labelled), on at
    most :data:`SCAN_ROWS` seeded rows; None with fewer than 2 rows or no cluster."""
    rows = np.flatnonzero(fine >= 0)
    if rows.size > SCAN_ROWS:
        rows = np.sort(np.random.default_rng(seed).choice(rows, SCAN_ROWS, replace=False))
    if rows.size < 2:
        return None
    u = np.ascontiguousarray(unit[rows])
    adj = knn_adjacency(u, GRAPH_K, cancel)
    check(cancel)
    return TopicGraph(rows, adj, u, smooth_over(u, adj), np.unique(fine[rows], return_inverse=True)[1].astype(np.int64))


def scan_levels(unit: np.ndarray, fine: np.ndarray, seed: int = 42, cancel: CancelToken | None = None,
                levels: int = SCAN_LEVELS, graph: TopicGraph | None = None) -> tuple[dict[int, float], dict[int, float]]:
    """Coarser readings of the same clusters, scored: the merge tree of ``fine`` (HDBSCAN's clusters
    with every row labelled, noise assigned) cut at ``levels`` numbers of topics from
    :data:`SCAN_FROM` up to all of them, each cut followed by :func:`refine_topics`' k-means steps, both
    on the vectors smoothed over the neighbour graph (:func:`smooth_over`). Returns ({topics: cosine
    silhouette of the unit vectors}, {topics: modularity of the :data:`GRAPH_K`-nearest-neighbour
    graph}), finest first, over at most :data:`SCAN_ROWS` rows (``graph``: the
    :func:`topic_graph` of ``unit`` and ``fine`` when the caller has it).

    Why: on sets of broad topics the fine clusters are the stronger structure and win the default's
    silhouette (SearchSnippets: 311 clusters for 8 subjects), while the neighbour graph's modularity
    is highest at a broad level there (SearchSnippets 11, Biomedical 21) and at the fine one where the
    topics are narrow (Tweet, GoogleNews, synthetic 100k; bench/results/broad-topics.txt and
    smooth-topics.txt, Dec 3), which :func:`broader_level` turns into the default's choice."""
    graph = graph or topic_graph(unit, fine, seed, cancel)
    sils: dict[int, float] = {}
    mods: dict[int, float] = {}
    k = int(graph.fine.max()) + 1 if graph is not None else 0
    if k < 3:
        return sils, mods
    for topics in sorted({int(v) for v in np.geomspace(min(SCAN_FROM, k), k, levels)}, reverse=True):
        check(cancel)
        cut = merge_by_silhouette(graph.smooth, graph.fine, seed, cancel, topics=topics)[0] if topics < k else graph.fine
        refined = np.unique(refine_topics(graph.smooth, cut, cancel)[0], return_inverse=True)[1]  # no emptied topics
        sums, sizes = cluster_sums(graph.unit, refined, int(refined.max()) + 1)
        if sizes.size < 2:
            continue
        sils[topics] = round(silhouette_from_sums(graph.unit @ sums.T.astype(np.float32), refined, sizes), 4)
        mods[topics] = round(modularity(graph.adj, refined), 4)
    return sils, mods


#: k-means++ starts tried at a number of topics besides the cut of the merge tree (:func:`topic_partition`;
#: as many as scikit-learn's KMeans long used, n_init=10, the bar the default is held to)
TOPIC_STARTS = 10


def start_states(seed: int, starts: int = TOPIC_STARTS) -> list[int]:
    """The random states of the k-means++ starts for ``seed``: one child of ``SeedSequence(seed)`` per
    start, so another seed tries other starts (``seed + i`` made seeds 0 and 1 share nine of ten)."""
    return [int(child.generate_state(1)[0]) for child in np.random.SeedSequence(seed).spawn(starts)]


def topic_partition(graph: TopicGraph, topics: int, seed: int = 42,
                    cancel: CancelToken | None = None) -> tuple[np.ndarray, dict]:
    """``topics`` topics of the rows of ``graph``: spherical k-means (:func:`refine_topics`) on the
    smoothed vectors from the merge tree's cut at that level and from :data:`TOPIC_STARTS` seeded
    k-means++ starts (:func:`start_states`); the result that splits the neighbour graph best
    (modularity, the measure that chose the level) is kept. Returns labels 0..topics-1 (every row of the graph) and
    ``{"modularity", "start", "refine_steps", "refine_moved"}``: the start kept ("tree" or
    "k-means++ N"), and the share of rows whose topic is not the one the tree's cut gave them
    (topics matched one to one).

    Why the other starts, and why modularity picks: a cut of the tree joins whole HDBSCAN clusters,
    and k-means keeps whatever local optimum its start leads to. Where topics are broad a k-means++
    start can end in a better reading than the cut's; where they are many and small (GoogleNews told
    its 152) the starts end in worse ones with a better k-means objective (up to 9,142 against the
    cut's 9,128; NMI / ARI 0.88-0.89 / 0.63-0.65 against 0.91 / 0.77), while their modularity is
    clearly lower (0.85-0.86 against 0.89). bench/results/smooth-topics.txt shows every start (18:19 run)."""
    k = int(graph.fine.max()) + 1
    if topics >= k:
        return graph.fine.copy(), {"modularity": round(modularity(graph.adj, graph.fine), 4), "start": "tree",
                                   "refine_steps": 0, "refine_moved": 0.0}
    from sklearn.cluster import kmeans_plusplus

    cut = np.unique(merge_by_silhouette(graph.smooth, graph.fine, seed, cancel, topics=topics)[0], return_inverse=True)[1]
    refined, info = refine_topics(graph.smooth, cut, cancel)
    best = np.unique(refined, return_inverse=True)[1]
    best_score, start = modularity(graph.adj, best), "tree"
    everyone = np.arange(graph.smooth.shape[0])
    for i, state in enumerate(start_states(seed, TOPIC_STARTS)):
        check(cancel)
        centres = kmeans_plusplus(graph.smooth, topics, random_state=state)[0]
        centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
        labels, steps = refine_topics(graph.smooth, nearest_centres(graph.smooth, everyone, centres.astype(np.float32)), cancel)
        labels = np.unique(labels, return_inverse=True)[1]
        score = modularity(graph.adj, labels)
        if score > best_score:
            best, best_score, start, info = labels, score, f"k-means++ {i + 1}", steps
    return best, {"modularity": round(best_score, 4), "start": start,
                  "refine_steps": info["refine_steps"], "refine_moved": round(moved_share(cut, best), 4)}


def moved_share(before: np.ndarray, after: np.ndarray) -> float:
    """Share of rows whose cluster in ``after`` is not the one matched to their cluster in ``before``
    (clusters matched one to one to agree on the most rows; labels 0..k-1, every row labelled)."""
    from scipy.optimize import linear_sum_assignment

    table = np.zeros((int(before.max()) + 1, int(after.max()) + 1), np.int64)
    np.add.at(table, (before, after), 1)
    r, c = linear_sum_assignment(-table)
    return float(1.0 - table[r, c].sum() / max(before.size, 1))


def label_rows(unit: np.ndarray, graph: TopicGraph, labels: np.ndarray) -> np.ndarray:
    """Topics of all rows of ``unit`` from ``labels`` of the graph's rows: those rows keep theirs, the
    others (beyond :data:`SCAN_ROWS`) take the topic whose centre (mean smoothed vector) is nearest."""
    if graph.rows.size == unit.shape[0]:
        return labels.astype(np.int64)
    sums, _ = cluster_sums(graph.smooth, labels, int(labels.max()) + 1)
    centres = (sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)).astype(np.float32)
    out = nearest_centres(unit, np.arange(unit.shape[0]), centres)
    out[graph.rows] = labels
    return out


def broader_level(modularities: dict[int, float], found: int) -> int:
    """The number of topics the default takes instead of the ``found`` clusters of the silhouette
    merge: the level of highest modularity when it is at most half of ``found``, else 0 (keep them).

    The half keeps narrow-topic sets as the silhouette merge had them (Tweet: 56 against 54 kept,
    GoogleNews 95 against 165 on smoothed vectors, 130 on plain ones; taking 95 would cost 0.03 NMI,
    bench/results/smooth-topics.txt) and moves only where the graph says the topics are several
    times broader (SearchSnippets 11 against 311, Biomedical 21 against 271 on smoothed vectors; NMI /
    ARI 0.442 / 0.044 -> 0.658 / 0.576 and 0.392 / 0.177 -> 0.443 / 0.326 with :func:`topic_partition`;
    bench/results/scale.txt, 17:44 run of Dec 3). On broad topics the best level is a near-tie (see
    :func:`close_levels`): the same texts encoded again took 21 and 15 topics there (0.599 / 0.398,
    0.419 / 0.285; 19:07 run)."""
    if not modularities:
        return 0
    best = max(modularities, key=lambda lv: (modularities[lv], lv))
    return best if best * 2 <= found else 0


#: levels whose modularity is within this share of the best count as good as the best: one level's
#: modularity moves about this much with the seed alone (SearchSnippets' 15 topics: 0.733-0.744 over
#: seeds 0-4 and 42, Biomedical's 21-22: 0.663-0.672; bench/results/topic-seeds.txt)
CLOSE_TO_BEST = 0.01


def close_levels(modularities: dict[int, float], tolerance: float = CLOSE_TO_BEST) -> list[int]:
    """The levels whose modularity is within ``tolerance`` (a share of it) of the best, fewest topics
    first. More than one says the data sets the number of topics only loosely: which of them the
    default takes can change with the seed (SearchSnippets: 11, 15 or 41 topics; Biomedical: 15, 21
    or 22), so the window shades them and the CLI lists them for the user to compare."""
    if not modularities:
        return []
    best = max(modularities.values())
    return sorted(lv for lv, m in modularities.items() if m >= best - tolerance * abs(best))


#: near-equal levels leave the number of topics open only when they differ this much (the most over the
#: fewest): 11 against 15 topics (1.36) or 15 against 22 (1.47) are different readings; 8 against 9 are not
LOOSE_SPAN = 1.25


def loosely_set(near: list[int]) -> bool:
    """Whether the levels of :func:`close_levels` (fewest first) leave the number of topics open: more
    than one, the most at least :data:`LOOSE_SPAN` times the fewest. On a small set the scan's grid is
    fine (4, 5, ... 9 topics) and two neighbouring levels within 1% say little; on SearchSnippets
    (11-42) and Biomedical (15-22 or 15-30) the default moves among them with the seed."""
    return len(near) > 1 and near[-1] >= LOOSE_SPAN * near[0]


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
