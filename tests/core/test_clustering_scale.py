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
