"""The embedding cache's float16 storage: half the bytes, the same vectors on a hit as on the first encode."""

import numpy as np
import pytest

from sbert_desktop.core.cache import EmbeddingCache, cached_encode

SENTENCES = [f"sentence number {i} about {'cats' if i % 3 else 'dogs'}" for i in range(60)]


def test_float16_shards_are_half_the_size_and_hits_equal_the_first_encode(tiny_bi_encoder, tmp_path):
    full = EmbeddingCache(tmp_path / "full")
    half = EmbeddingCache(tmp_path / "half")
    half.set_storage("float16")
    assert EmbeddingCache(tmp_path / "half").storage == "float16"  # remembered in config.json
    a32, _ = cached_encode(tiny_bi_encoder, SENTENCES, cache=full, chunk_size=16)
    a16, stats = cached_encode(tiny_bi_encoder, SENTENCES, cache=half, chunk_size=16)
    assert stats["encoded"] == 60 and a16.dtype == np.float32
    again, stats = cached_encode(tiny_bi_encoder, SENTENCES, cache=half)
    assert stats["hits"] == 60
    np.testing.assert_array_equal(again, a16)  # the first encode was rounded as the cache keeps it
    np.testing.assert_allclose(a16, a32, rtol=2e-3, atol=2e-3)
    (shard,) = half.store(tiny_bi_encoder.fingerprint()).shard_arrays()
    (shard32,) = full.store(tiny_bi_encoder.fingerprint()).shard_arrays()
    assert shard.dtype == np.float16 and shard.nbytes * 2 == shard32.nbytes
    # switching back writes float32 shards beside the float16 ones; both are served
    half.set_storage("float32")
    more, stats = cached_encode(tiny_bi_encoder, SENTENCES + ["one more sentence"], cache=half)
    assert stats["hits"] == 60 and stats["encoded"] == 1
    np.testing.assert_array_equal(more[:60], a16)
    with pytest.raises(ValueError):
        half.set_storage("int8")
