"""UMAP maps from neighbors.EXACT_BELOW rows run on the neighbour index's k-NN graph and keep topics apart."""

import numpy as np

from sbert_desktop.core import neighbors as nb
from sbert_desktop.core.projection import project


def test_umap_map_on_the_knn_graph_keeps_planted_topics_apart(monkeypatch):
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((4, 32))
    labels = rng.choice(4, 1500, p=[0.55, 0.25, 0.12, 0.08])
    emb = (centres[labels] + 0.15 * rng.standard_normal((1500, 32))).astype(np.float32)
    monkeypatch.setattr(nb, "EXACT_BELOW", 1000)
    coords = project(emb, "umap", cache=False)
    assert coords.shape == (1500, 2) and np.isfinite(coords).all()
    # each point's 5 nearest points on the map are (almost all) of its own topic
    d = ((coords[:, None, :] - coords[None, :, :]) ** 2).sum(-1)
    np.fill_diagonal(d, np.inf)
    near = np.argsort(d, axis=1)[:, :5]
    assert np.mean(labels[near] == labels[:, None]) > 0.97
