"""core.projection: seeded maps and the disk cache."""

from __future__ import annotations

import numpy as np
import pytest

from sbert_desktop.core import projection as P
from sbert_desktop.core.errors import SbertDesktopError


@pytest.fixture(scope="module")
def emb() -> np.ndarray:
    return np.random.default_rng(0).standard_normal((120, 16)).astype(np.float32)


def test_pca_shape_dtype_and_determinism(emb):
    a = P.project(emb, "pca", cache=False)
    b = P.project(emb, "pca", cache=False)
    assert a.shape == (120, 2) and a.dtype == np.float32
    assert np.array_equal(a, b)
    assert P.project(emb, "pca", n_components=3, cache=False).shape == (120, 3)


def test_tsne_is_seeded(emb):
    a = P.project(emb[:60], "tsne", seed=1, cache=False)
    b = P.project(emb[:60], "tsne", seed=1, cache=False)
    assert a.shape == (60, 2) and np.allclose(a, b)


def test_cache_hit_returns_identical_array_without_recompute(emb, monkeypatch, _isolated_config):
    emb = emb[:60]
    first = P.project(emb, "tsne", seed=7, perplexity=10)
    files = list((_isolated_config / "cache" / "projections").glob("*.npy"))
    assert len(files) == 1

    def boom(*args, **kwargs):
        raise AssertionError("recomputed despite a cached result")

    monkeypatch.setattr(P, "_compute", boom)
    events = []
    second = P.project(emb, "tsne", seed=7, perplexity=10, progress=events.append)
    assert np.array_equal(first, second)
    assert events[-1].stage == "projection (cached)"
    assert np.array_equal(P.lookup_cache(emb, "tsne", seed=7, perplexity=10), first)
    # other parameters or other embeddings are other entries
    assert P.lookup_cache(emb, "tsne", seed=8, perplexity=10) is None
    assert P.lookup_cache(emb + 1e-3, "tsne", seed=7, perplexity=10) is None
    with pytest.raises(AssertionError, match="recomputed"):
        P.project(emb, "tsne", seed=7, perplexity=11)


def test_cache_key_covers_relevant_params_only(emb):
    pca = P.projection_params("pca")
    assert "perplexity" not in pca and "n_neighbors" not in pca
    assert P.cache_key(emb, pca) == P.cache_key(emb.copy(), P.projection_params("pca", perplexity=5))
    assert P.cache_key(emb, pca) != P.cache_key(emb, P.projection_params("pca", seed=1))
    assert P.cache_key(emb, pca) != P.cache_key(emb.astype(np.float64), pca)


def test_corrupt_cache_entry_is_recomputed(emb):
    params = P.projection_params("pca")
    path = P.cache_path(P.cache_key(emb, params))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a numpy file")
    out = P.project(emb, "pca")
    assert out.shape == (120, 2)
    assert np.array_equal(np.load(path), out)


def test_tiny_inputs_and_errors(emb):
    assert P.project(emb[:1], "tsne", cache=False).shape == (1, 2)
    assert P.project(emb[:2], "umap", cache=False).shape == (2, 2)
    with pytest.raises(SbertDesktopError, match="unknown projection"):
        P.project(emb, "mds")
    with pytest.raises(SbertDesktopError):
        P.project(emb[0], "pca")


def test_cancel_before_work(emb):
    from sbert_desktop.core.progress import CancelToken, Cancelled

    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        P.project(emb, "pca", cache=False, cancel=token)


@pytest.mark.slow
def test_umap_is_seeded(emb):
    a = P.project(emb, "umap", seed=3, cache=False)
    b = P.project(emb, "umap", seed=3, cache=False)
    assert a.shape == (120, 2) and np.allclose(a, b)
