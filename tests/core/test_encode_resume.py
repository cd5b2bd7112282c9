"""A cancelled encode resumes from the embedding cache and gives the vectors of an uninterrupted one."""

import numpy as np
import pytest

from sbert_desktop.core.cache import EmbeddingCache, cached_encode
from sbert_desktop.core.progress import CancelToken, Cancelled

SENTENCES = [f"line {i}: {'billing' if i % 3 else 'login'} problem number {i * 7}" for i in range(96)]


def test_resumed_encode_equals_uninterrupted(tiny_bi_encoder, tmp_path):
    whole, _ = cached_encode(tiny_bi_encoder, SENTENCES, batch_size=8, cache=EmbeddingCache(tmp_path / "a"))
    cache = EmbeddingCache(tmp_path / "b")
    token = CancelToken()

    def progress(p):
        if p.done >= 40:
            token.cancel()

    with pytest.raises(Cancelled):
        cached_encode(tiny_bi_encoder, SENTENCES, batch_size=8, cache=cache, chunk_size=16,
                      progress=progress, cancel=token)
    resumed, stats = cached_encode(tiny_bi_encoder, SENTENCES, batch_size=8, cache=cache, chunk_size=16)
    assert 32 <= stats["hits"] < len(SENTENCES)  # the finished 16-row chunks were kept, the rest encoded now
    np.testing.assert_allclose(resumed, whole, rtol=0, atol=1e-6)
