"""The scale path of core.clustering: UMAP on the neighbour index's k-NN graph, then HDBSCAN."""

import numpy as np

from sbert_desktop.core import clustering as C
from sbert_desktop.core import neighbors as nb
from sbert_desktop.core.progress import CancelToken, Cancelled


def planted(n: int, topics: int, seed: int = 0, dim: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors around random centres; topic sizes fall off like 1/rank (the biggest ~8x the smallest)."""
    rng = np.random.default_rng(seed)
    w = 1.0 / np.arange(1, topics + 1)
    sizes = np.maximum((n * w / w.sum()).astype(int), 30)
    labels = np.repeat(np.arange(topics), sizes)
    rng.shuffle(labels)
    centres = rng.standard_normal((topics, dim))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    x = centres[labels] + rng.standard_normal((len(labels), dim)) * (0.5 / np.sqrt(dim))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x.astype(np.float32), labels


def test_auto_reduction_above_10k_is_umap_on_the_knn_graph():
    assert C.choose_reduction("hdbscan", 50_000, "auto") == "umap-knn"
    assert C.choose_reduction("hdbscan", 5_000, "auto") == "umap"
    assert C.choose_reduction("kmeans", 50_000, "auto") is None


def test_planted_uneven_clusters_are_found_through_the_index(monkeypatch):
    from sklearn.metrics import adjusted_rand_score

    monkeypatch.setattr(nb, "EXACT_BELOW", 1000)  # the IVF index path, on a small set
    x, truth = planted(3000, 8)
    assert np.bincount(truth).max() >= 5 * np.bincount(truth).min()
    stages = []
    result = C.cluster(x, min_cluster_size=15, reduce="umap-knn", progress=lambda p: stages.append(p.stage))
    assert result.params["reduce_used"] == "umap-knn"
    assert any("ivf" in s for s in stages) and "umap layout" in stages
    assert result.n_clusters == 8
    assert result.noise_fraction < 0.05
    assert adjusted_rand_score(truth, result.labels) > 0.95


def test_cancel_between_stages(monkeypatch):
    x, _ = planted(1200, 4, seed=1)
    token = CancelToken()

    def progress(p):
        if p.stage.startswith("nearest neighbours"):
            token.cancel()

    try:
        C.cluster(x, reduce="umap-knn", progress=progress, cancel=token)
    except Cancelled:
        return
    raise AssertionError("cancel was not honoured")


def test_noise_goes_to_the_cluster_of_its_neighbours_unless_kept():
    from sklearn.metrics import adjusted_rand_score

    from sbert_desktop.core import cluster_scale as CS

    x, truth = planted(3000, 8, seed=3)
    rng = np.random.default_rng(3)
    tail = rng.choice(len(x), len(x) // 8, replace=False)  # each topic's tail: 5x wider, still its topic
    x[tail] += rng.standard_normal((len(tail), x.shape[1])).astype(np.float32) * (2.0 / np.sqrt(x.shape[1]))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    kept = C.cluster(x, min_cluster_size=15, reduce=None, assign_noise="keep")
    assert kept.noise_fraction > 0.02 and (kept.labels < 0).any()  # a strict HDBSCAN leaves noise
    voted = C.cluster(x, min_cluster_size=15, reduce=None, assign_noise=True)
    assert voted.params["noise"] == "knn" and (voted.labels >= 0).all()
    assert voted.noise_fraction == kept.noise_fraction
    assert np.array_equal(voted.labels[~kept.was_noise], kept.labels[~kept.was_noise])
    assert adjusted_rand_score(truth, voted.labels) > 0.95
    # the vote: majority of labelled neighbours, ties to the nearer one, -1 only without any
    assert CS.vote(np.array([[2, 1, 1, -1], [3, 0, -1, -1], [-1, -1, -1, -1]]), 4).tolist() == [1, 3, -1]
    try:
        C.cluster(x, assign_noise="bogus")
    except Exception as e:
        assert "unknown noise handling" in str(e)
    else:
        raise AssertionError("a bad noise strategy was accepted")


def test_two_level_labels_every_row_from_a_sample(monkeypatch):
    from sklearn.metrics import adjusted_rand_score

    from sbert_desktop.core import cluster_scale as CS

    monkeypatch.setattr(nb, "EXACT_BELOW", 500)
    monkeypatch.setattr(CS, "TWO_LEVEL_ABOVE", 2000)
    monkeypatch.setattr(CS, "SAMPLE_ROWS", 1500)
    x, truth = planted(4000, 6, seed=4)
    stages = []
    r = C.cluster(x, min_cluster_size=15, reduce="umap-knn", progress=lambda p: stages.append(p.stage))
    assert r.params["two_level_sample"] == 1500 and r.params["reduce_used"] == "umap-knn"
    assert any(s.startswith("labelling the other") for s in stages)
    assert r.n_clusters == 6
    # every row outside the sample takes a label from its sample neighbours; the sample itself may keep
    # a few HDBSCAN noise points (noise is kept unless assign_noise is asked for)
    others = np.setdiff1d(np.arange(len(x)), CS.sample_rows(len(x), 42))
    assert (r.labels[others] >= 0).all() and (r.labels < 0).mean() < 0.005
    assert adjusted_rand_score(truth, r.labels) > 0.95


def test_centroids_and_representatives_in_chunks_equal_the_whole(monkeypatch):
    x, truth = planted(500, 5, seed=6)
    labels = truth.astype(np.int64).copy()
    labels[::11] = -1
    whole = C._centroids(x, labels, 5)
    reps = C._representatives(x, labels, whole, 3)
    monkeypatch.setattr(C, "ROW_CHUNK", 7)  # chunk edges inside clusters
    np.testing.assert_allclose(C._centroids(x, labels, 5), whole, rtol=1e-5, atol=1e-6)
    assert C._representatives(x, labels, whole, 3) == reps


def test_vote_in_chunks_equals_one_piece(monkeypatch):
    from sbert_desktop.core import cluster_scale as CS

    rng = np.random.default_rng(0)
    nbr = rng.integers(-1, 7, size=(1000, 14))
    whole = CS.vote(nbr, 7)
    monkeypatch.setattr(CS, "VOTE_CHUNK", 97)
    assert np.array_equal(CS.vote(nbr, 7), whole)
    assert (whole >= 0).all() and np.bincount(whole, minlength=7).min() > 0
