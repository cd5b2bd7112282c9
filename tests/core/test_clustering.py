"""core.clustering: well-separated blobs are recovered; noise, reduction and scoring behave."""

from __future__ import annotations

import numpy as np
import pytest

from sbert_desktop.core import clustering as C
from sbert_desktop.core.errors import SbertDesktopError


def blobs(n_per=60, k=5, dim=24, spread=0.15, seed=0, sizes=None):
    rng = np.random.default_rng(seed)
    centers = rng.standard_normal((k, dim))
    sizes = sizes or [n_per] * k
    x = np.concatenate([c + rng.standard_normal((s, dim)) * spread for c, s in zip(centers, sizes)])
    truth = np.repeat(np.arange(k), sizes)
    return x.astype(np.float32), truth


def ari(a, b) -> float:
    from sklearn.metrics import adjusted_rand_score

    return adjusted_rand_score(a, b)


@pytest.mark.parametrize("method", ["hdbscan", "kmeans", "agglomerative"])
def test_recovers_well_separated_blobs(method):
    x, truth = blobs()
    result = C.cluster(x, method=method, n_clusters=5, min_cluster_size=10)
    assert result.n_clusters == 5
    assert ari(truth, result.labels) == pytest.approx(1.0)
    assert result.noise_fraction == 0.0
    assert sum(result.sizes.values()) == len(x)
    assert result.silhouette is not None and result.silhouette > 0.8
    assert result.params["method"] == method
    assert result.labels.dtype == np.int64


def test_labels_are_numbered_by_size_and_representatives_are_central():
    x, truth = blobs(sizes=[20, 80, 50], k=3)
    result = C.cluster(x, method="kmeans", n_clusters=3)
    assert list(result.sizes.values()) == [80, 50, 20]
    unit = x / np.linalg.norm(x, axis=1, keepdims=True)
    for label, reps in result.representatives.items():
        members = result.members(label)
        assert len(reps) == 5 and set(reps) <= set(members.tolist())
        centroid = unit[members].mean(0)
        closeness = unit[members] @ (centroid / np.linalg.norm(centroid))
        assert reps[0] == members[np.argmax(closeness)]


def test_noise_and_assign_noise():
    x, _ = blobs(k=3, n_per=80)
    outliers = np.random.default_rng(5).standard_normal((15, x.shape[1])).astype(np.float32) * 3
    data = np.concatenate([x, outliers])
    plain = C.cluster(data, min_cluster_size=15, reduce=None)
    assert plain.n_clusters == 3 and plain.noise_fraction > 0
    assert plain.was_noise is not None and plain.was_noise.sum() == int(round(plain.noise_fraction * len(data)))
    assigned = C.cluster(data, min_cluster_size=15, reduce=None, assign_noise=True)
    assert np.all(assigned.labels >= 0)
    assert assigned.noise_fraction == plain.noise_fraction  # share before assignment
    assert np.array_equal(assigned.labels[~plain.was_noise], plain.labels[~plain.was_noise])


def test_reduction_choice_and_pca_path():
    assert C.choose_reduction("hdbscan", 199, "auto") is None
    assert C.choose_reduction("hdbscan", 200, "auto") == "umap"  # bench/results/auto-reduce.txt
    assert C.choose_reduction("hdbscan", 10_000, "auto") == "umap"
    assert C.choose_reduction("hdbscan", 10_001, "auto") == "umap-knn"
    assert C.choose_reduction("hdbscan", 50000, "auto") == "umap-knn"  # PCA-5 merged 500 topics into 2 (#13)
    assert C.choose_reduction("kmeans", 50000, "auto") is None
    assert C.choose_reduction("kmeans", 50, "pca") == "pca"
    x, truth = blobs()
    result = C.cluster(x, reduce="pca", reduce_dim=5)
    assert result.params["reduce_used"] == "pca" and result.params["reduce_dim"] == 5
    assert ari(truth, result.labels) == pytest.approx(1.0)
    assert "reduce" in result.timings


def test_seeded_results_repeat():
    x, _ = blobs()
    a = C.cluster(x, method="kmeans", n_clusters=4, seed=3)
    b = C.cluster(x, method="kmeans", n_clusters=4, seed=3)
    assert np.array_equal(a.labels, b.labels) and a.silhouette == b.silhouette


def test_silhouette_is_sampled_for_big_inputs():
    x, truth = blobs(n_per=100)
    unit = x / np.linalg.norm(x, axis=1, keepdims=True)
    sampled = C.silhouette(unit, truth, sample=120)
    full = C.silhouette(unit, truth)
    assert sampled == pytest.approx(full, abs=0.05)
    assert C.silhouette(unit, np.zeros(len(x), np.int64)) is None


def test_progress_and_cancel():
    from sbert_desktop.core.progress import CancelToken, Cancelled

    x, _ = blobs()
    events = []
    C.cluster(x, method="kmeans", n_clusters=5, progress=events.append)
    assert events[-1].done == events[-1].total and events[0].done == 0
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        C.cluster(x, cancel=token)


def test_bad_arguments_are_user_errors(monkeypatch):
    x, _ = blobs()
    with pytest.raises(SbertDesktopError, match="unknown clustering method"):
        C.cluster(x, method="dbscan")
    with pytest.raises(SbertDesktopError, match="at least 2"):
        C.cluster(x[:1])
    with pytest.raises(SbertDesktopError, match="n_clusters"):
        C.cluster(x, method="kmeans", n_clusters=10_000)
    monkeypatch.setattr(C, "MAX_AGGLOMERATIVE", 100)
    with pytest.raises(SbertDesktopError, match="agglomerative"):
        C.cluster(x, method="agglomerative")
