"""core.ivf_graph: the all-rows k-NN graph from cell pairs is exact over the pairs it compares."""

import numpy as np
import pytest

from sbert_desktop.core import ivf_cells as ic
from sbert_desktop.core import ivf_graph as ig
from sbert_desktop.core import neighbors as nb
from sbert_desktop.core.progress import CancelToken, Cancelled
from sbert_desktop.core.similarity import nearest_neighbors

from tests.core.test_neighbors import planted


def test_all_cells_probed_is_the_exact_graph():
    x, _ = planted(1500, seed=6)
    cells = ic.train_cells(x, 24)
    idx, sc = ig.cell_knn_graph(x, cells, ig.PairRule(cells.nlist), 7)
    want = nearest_neighbors(x, 7)
    np.testing.assert_array_equal(idx, want.indices)
    np.testing.assert_allclose(sc, want.scores, rtol=1e-5, atol=1e-6)


def test_graph_recall_is_the_sample_model_and_beats_the_search_model():
    """Two rows are compared when either one's cell probes the other's (and, under a similarity
    bound, the centroids are alike enough): the recall the graph gets on a sample is the share of
    exact neighbours the model says are compared, never below the search's at the same nprobe."""
    x, _ = planted(3000, seed=5)
    cells = ic.train_cells(x, 40)
    rows = np.arange(0, 3000, 7)
    exact = nb._exact_sample(x, rows, 10)
    one_way = ic.probe_ranks(cells, rows, exact)
    for rule in (ig.PairRule(1), ig.PairRule(3), ig.PairRule(6), ig.PairRule(12, 0.5)):
        covered = ig.sample_coverage(cells, rows, exact, rule)
        assert (covered | (one_way >= rule.nprobe) | np.isfinite(rule.min_sim)).all()
        idx, sc = ig.cell_knn_graph(x, cells, rule, 10)
        assert not (idx == np.arange(len(x))[:, None]).any()
        assert (np.diff(sc, axis=1) <= 1e-6).all()  # best first
        np.testing.assert_allclose(sc, np.einsum("nkd,nd->nk", x[idx], x), atol=1e-5)  # the true cosines
        assert nb.recall_at_k(idx[rows], exact) == pytest.approx(float(np.mean(covered)), abs=0.005)


def test_chosen_rule_reaches_the_target_at_no_more_cost_than_nprobe_alone():
    x, _ = planted(3000, seed=9)
    cells = ic.train_cells(x, 40)
    rows = np.arange(0, 3000, 5)
    exact = nb._exact_sample(x, rows, 10)
    rule, recall = ig.choose_rule(cells, rows, exact, 0.95)
    assert recall >= 0.95 and recall == float(np.mean(ig.sample_coverage(cells, rows, exact, rule)))
    plain = next(ig.PairRule(p) for p in range(1, 41)
                 if np.mean(ig.sample_coverage(cells, rows, exact, ig.PairRule(p))) >= 0.95)
    assert ig.pair_cost(cells, rule) <= ig.pair_cost(cells, plain)
    assert ig.pair_cost(cells, ig.PairRule(1)) == float(np.sum(np.bincount(cells.assign).astype(float) ** 2))


def test_rows_of_tiny_cells_still_get_k_neighbours():
    x, _ = planted(40, seed=7)
    cells = ic.train_cells(x, 8)
    assert np.bincount(cells.assign, minlength=cells.nlist).min() <= 10  # some cells hold fewer than k + 1 rows
    idx, sc = ig.cell_knn_graph(x, cells, ig.PairRule(1), 10)
    assert (idx >= 0).all() and np.isfinite(sc).all()
    assert not (idx == np.arange(len(x))[:, None]).any()
    np.testing.assert_allclose(sc, np.einsum("nkd,nd->nk", x[idx], x), atol=1e-5)
    few, fs = ig.cell_knn_graph(x[:8], ic.train_cells(x[:8], 4), ig.PairRule(1), 10)  # fewer rows than k: -1 stays
    assert ((few >= 0).sum(1) == 7).all() and np.isneginf(fs[few < 0]).all()


def test_cancel_stops_the_graph():
    x, _ = planted(800, seed=8)
    cells = ic.train_cells(x, 10)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        ig.cell_knn_graph(x, cells, ig.PairRule(3), 5, cancel=token)
