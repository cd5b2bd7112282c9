"""core.neighbors: exact below the threshold, recall >= 0.95 above it, a cached index, the method said."""

import numpy as np
import pytest

from sbert_desktop.core import neighbors as nb
from sbert_desktop.core.progress import CancelToken, Cancelled
from sbert_desktop.core.similarity import mine_pairs, nearest_neighbors, semantic_search


def planted(n: int, dim: int = 48, topics: int = 12, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors around ``topics`` random centres, topic sizes uneven (Zipf-like), in a 6-d spread."""
    rng = np.random.default_rng(seed)
    w = 1.0 / np.arange(1, topics + 1)
    labels = rng.choice(topics, n, p=w / w.sum())
    centres = rng.standard_normal((topics, dim))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    basis = rng.standard_normal((topics, 6, dim)) / np.sqrt(dim)
    z = rng.standard_normal((n, 6)) * 0.35
    x = centres[labels] + np.einsum("ni,nid->nd", z, basis[labels]) + rng.standard_normal((n, dim)) * 0.02
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x.astype(np.float32), labels


def test_exact_below_threshold_is_the_exact_answer():
    x, _ = planted(600)
    got = nb.knn_graph(x, 5)
    want = nearest_neighbors(x, 5)
    assert got.method == "exact"
    np.testing.assert_array_equal(got.indices, want.indices)
    np.testing.assert_allclose(got.scores, want.scores, rtol=1e-6)
    hits = nb.search(x[:3], x, 4)
    assert hits.method == "exact"
    np.testing.assert_array_equal(hits.indices, semantic_search(x[:3], x, 4).indices)


def test_ivf_above_threshold_recall_and_cache():
    x, _ = planted(4000, seed=1)
    exact = nearest_neighbors(x, 10).indices
    events = []
    got = nb.knn_graph(x, 10, exact_below=1000, progress=events.append)
    assert got.method == "ivf"
    assert events and events[-1].done == events[-1].total
    assert nb.recall_at_k(got.indices, exact) >= 0.95
    assert not (got.indices == np.arange(len(x))[:, None]).any()  # self is never its own neighbour
    index = nb.build_index(x, exact_below=1000)
    assert index.info.from_cache and index.info.method == "ivf"
    assert index.info.recall_estimate >= nb.TARGET_RECALL or index.info.nprobe == index.info.nlist
    again = nb.knn_graph(x, 10, exact_below=1000)  # the k-NN table comes back from disk
    np.testing.assert_array_equal(again.indices, got.indices)
    forced = nb.knn_graph(x, 10, method="exact", exact_below=1000)
    assert forced.method == "exact"
    np.testing.assert_array_equal(forced.indices, exact)


def test_search_with_many_queries_uses_the_index(monkeypatch):
    x, _ = planted(3000, seed=2)
    monkeypatch.setattr(nb, "EXACT_SEARCH_WORK", 1000)
    got = nb.search(x[:200], x, 5, exact_below=1000)
    assert got.method == "ivf"
    want = semantic_search(x[:200], x, 5).indices
    assert nb.recall_at_k(got.indices, want) >= 0.95


def test_mine_pairs_says_which_method(monkeypatch):
    x, _ = planted(2500, seed=3)
    monkeypatch.setattr(nb, "EXACT_BELOW", 1000)
    approx = mine_pairs(x, top_k=5, method="auto")
    exact = mine_pairs(x, top_k=5, method="exact")
    assert approx.method == "ivf" and exact.method == "exact"
    want = set(zip(exact.first.tolist(), exact.second.tolist()))
    got = set(zip(approx.first.tolist(), approx.second.tolist()))
    assert len(want & got) / len(want) >= 0.95


def test_cancel_stops_the_build():
    x, _ = planted(3000, seed=4)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        nb.build_index(x, "ivf", cache=False, cancel=token)


def test_unknown_method_is_refused():
    with pytest.raises(Exception, match="unknown neighbour method"):
        nb.choose_method(10, "annoy")


def test_sample_recall_model_is_the_search_recall():
    """nprobe is chosen without trial searches: a true neighbour is found exactly when its cell is
    probed, so the share of exact neighbours in probed cells is the recall the search then gets."""
    from sbert_desktop.core import ivf_cells as ic

    x, _ = planted(3000, seed=5)
    cells = ic.train_cells(x, 40)
    rows = np.arange(0, 3000, 7)
    exact = nb._exact_sample(x, rows, 10)
    ranks = ic.probe_ranks(cells, rows, exact)
    for nprobe in (1, 3, 6):
        idx, _ = ic.cell_search(x, cells, nprobe, x[rows], cells.assign[rows], 10, self_rows=rows)
        assert nb.recall_at_k(idx, exact) == pytest.approx(float(np.mean(ranks < nprobe)), abs=0.01)
    nprobe, recall = ic.choose_nprobe(ranks, 0.95, cells.nlist)
    assert recall >= 0.95 and (nprobe == 1 or np.mean(ranks < nprobe - 1) < 0.95)
