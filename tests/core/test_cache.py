"""The embedding cache: hits, partial hits, model identity, LRU eviction, crash safety, memory maps."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest
import torch

from sbert_desktop.core import cache as cache_mod
from sbert_desktop.core import embedding_store as store_mod
from sbert_desktop.core.cache import EmbeddingCache, cached_encode, text_keys
from sbert_desktop.core.progress import CancelToken, Cancelled

SENTENCES = [f"sentence number {i} about {'cats' if i % 2 else 'dogs'}" for i in range(110)]


class CountingModel:
    """Wraps a BiEncoder and counts the sentences it is asked to encode."""

    def __init__(self, model):
        self.model = model
        self.calls: list[int] = []

    def __getattr__(self, name):
        return getattr(self.model, name)

    def encode(self, sentences, *args, **kwargs):
        self.calls.append(len(sentences))
        return self.model.encode(sentences, *args, **kwargs)

    @property
    def encoded(self) -> int:
        return sum(self.calls)


@pytest.fixture
def cache(tmp_path):
    return EmbeddingCache(tmp_path / "emb")


def test_default_root_is_in_app_home(_isolated_config):
    assert EmbeddingCache().root == _isolated_config / "cache" / "embeddings"


def test_hit_and_partial_hit(tiny_bi_encoder, cache):
    model = CountingModel(tiny_bi_encoder)
    emb, stats = cached_encode(model, SENTENCES[:100], cache=cache)
    assert stats["hits"] == 0 and stats["encoded"] == 100 and model.encoded == 100
    expected = tiny_bi_encoder.encode(SENTENCES)
    np.testing.assert_allclose(emb, expected[:100], rtol=1e-5, atol=1e-6)

    emb, stats = cached_encode(model, SENTENCES[:100], cache=cache)
    assert stats == {"sentences": 100, "unique": 100, "hits": 100, "encoded": 0, "notes": [], "cache_ok": True}
    assert model.encoded == 100  # nothing more was encoded
    np.testing.assert_allclose(emb, expected[:100], rtol=1e-5, atol=1e-6)

    shuffled = SENTENCES[::-1]  # 110 = the 100 cached + 10 new, in another order
    emb, stats = cached_encode(model, shuffled, cache=cache)
    assert stats["hits"] == 100 and stats["encoded"] == 10 and model.calls[-1] == 10
    np.testing.assert_allclose(emb, expected[::-1], rtol=1e-5, atol=1e-6)
    assert cache.entries()[0]["count"] == 110


def test_duplicates_and_whitespace_are_encoded_once(tiny_bi_encoder, cache):
    model = CountingModel(tiny_bi_encoder)
    emb, stats = cached_encode(model, ["a cat", "a dog", "a cat", "  a cat  "], cache=cache)
    assert stats["encoded"] == 2 and stats["unique"] == 2 and model.encoded == 2
    np.testing.assert_array_equal(emb[0], emb[2])
    np.testing.assert_array_equal(emb[0], emb[3])
    assert cached_encode(model, [], cache=cache)[0].shape == (0, tiny_bi_encoder.dimension)


def test_normalize_option_applies_on_top_of_the_cache(tiny_bi_encoder, cache):
    raw, _ = cached_encode(tiny_bi_encoder, SENTENCES[:5], cache=cache)
    unit, stats = cached_encode(tiny_bi_encoder, SENTENCES[:5], cache=cache, normalize=True)
    assert stats["hits"] == 5
    np.testing.assert_allclose(np.linalg.norm(unit, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(unit, raw / np.linalg.norm(raw, axis=1, keepdims=True), rtol=1e-5)


def test_changed_model_invalidates_and_switching_back_finds_the_old_cache(tiny_bi_encoder, cache):
    model = CountingModel(tiny_bi_encoder)
    before = tiny_bi_encoder.fingerprint()
    original = {k: v.clone() for k, v in tiny_bi_encoder.state_dict().items()}
    cached_encode(model, SENTENCES[:20], cache=cache)

    with torch.no_grad():  # "fine-tuning"
        for p in tiny_bi_encoder.parameters():
            p.add_(0.01)
    tiny_bi_encoder.mark_weights_changed()
    assert tiny_bi_encoder.fingerprint() != before
    _, stats = cached_encode(model, SENTENCES[:20], cache=cache)
    assert stats["hits"] == 0 and stats["encoded"] == 20
    assert len(cache.entries()) == 2

    tiny_bi_encoder.load_state_dict(original)
    tiny_bi_encoder.mark_weights_changed()
    assert tiny_bi_encoder.fingerprint() == before
    _, stats = cached_encode(model, SENTENCES[:20], cache=cache)
    assert stats["hits"] == 20 and stats["encoded"] == 0


def test_settings_in_the_fingerprint_separate_stores(tiny_bi_encoder, cache):
    cached_encode(tiny_bi_encoder, SENTENCES[:5], cache=cache)
    tiny_bi_encoder.max_seq_length = 8
    _, stats = cached_encode(tiny_bi_encoder, SENTENCES[:5], cache=cache)
    assert stats["encoded"] == 5


def test_model_loaded_from_files_is_keyed_by_their_hash(tiny_bi_encoder_dir, tmp_path, cache):
    import shutil

    from sbert_desktop.core.models import BiEncoder

    a = BiEncoder.load(tiny_bi_encoder_dir, device="cpu")
    cached_encode(a, SENTENCES[:10], cache=cache)
    moved = tmp_path / "elsewhere"
    shutil.copytree(tiny_bi_encoder_dir, moved)
    b = BiEncoder.load(moved, device="cpu")  # same weights, another path: same cache
    assert cached_encode(b, SENTENCES[:10], cache=cache)[1]["hits"] == 10


def test_shards_are_memory_mapped_and_one_shard_per_call(tiny_bi_encoder, cache):
    _, stats = cached_encode(tiny_bi_encoder, SENTENCES[:50], cache=cache, chunk_size=16)
    assert stats["encoded"] == 50
    store = cache.store(tiny_bi_encoder.fingerprint())
    arrays = store.shard_arrays()
    assert len(arrays) == 1 and isinstance(arrays[0], np.memmap) and arrays[0].shape == (50, 32)
    cached_encode(tiny_bi_encoder, SENTENCES[50:60], cache=cache)
    assert len(store.shard_arrays()) == 2


def test_many_small_shards_are_compacted(tiny_bi_encoder, cache, monkeypatch):
    monkeypatch.setattr(store_mod, "COMPACT_SHARDS", 3)
    store = cache.store(tiny_bi_encoder.fingerprint())
    monkeypatch.setattr(store, "compact", lambda: cache_mod.EmbeddingStore.compact(store, max_shards=3))
    for i in range(5):
        cached_encode(tiny_bi_encoder, SENTENCES[i * 4:(i + 1) * 4], cache=cache)
    assert len(store.shard_arrays()) <= 3
    assert cached_encode(tiny_bi_encoder, SENTENCES[:20], cache=cache)[1]["hits"] == 20


def test_cancel_keeps_finished_chunks(tiny_bi_encoder, cache):
    token = CancelToken()
    seen = []

    def progress(p):
        seen.append(p.done)
        if p.done >= 16:
            token.cancel()

    with pytest.raises(Cancelled):
        cached_encode(tiny_bi_encoder, SENTENCES[:64], batch_size=8, cache=cache, chunk_size=16,
                      progress=progress, cancel=token)
    _, stats = cached_encode(tiny_bi_encoder, SENTENCES[:64], cache=cache)
    assert stats["hits"] >= 16 and stats["encoded"] == 64 - stats["hits"]


def test_lru_eviction_and_clear(tiny_bi_encoder, cache):
    cached_encode(tiny_bi_encoder, SENTENCES[:30], cache=cache)
    old = tiny_bi_encoder.fingerprint()
    tiny_bi_encoder.max_seq_length = 16
    cached_encode(tiny_bi_encoder, SENTENCES[:30], cache=cache)
    new = tiny_bi_encoder.fingerprint()
    os.utime(cache.root / old / "last_used", (time.time() - 100, time.time() - 100))
    entries = cache.entries()
    assert [e["fingerprint"] for e in entries] == [new, old]
    assert entries[0]["count"] == 30 and entries[0]["bytes"] > 30 * 32 * 4
    total = cache.size_bytes()
    removed = cache.evict_to(total - 1)
    assert removed == [old] and not (cache.root / old).exists()
    assert cache.evict_to(0, keep=[new]) == []  # the store in use is kept
    assert cache.evict_to(0) == [new] and cache.entries() == []

    cached_encode(tiny_bi_encoder, SENTENCES[:5], cache=cache)
    assert cache.clear() > 0 and cache.size_bytes() < 100 and cache.entries() == []
    assert cached_encode(tiny_bi_encoder, SENTENCES[:5], cache=cache)[1]["encoded"] == 5


def test_size_limit_is_applied_after_writing(tiny_bi_encoder, tmp_path):
    small = EmbeddingCache(tmp_path / "c", max_bytes=1)
    cached_encode(tiny_bi_encoder, SENTENCES[:5], cache=small)
    first = tiny_bi_encoder.fingerprint()
    tiny_bi_encoder.max_seq_length = 16
    cached_encode(tiny_bi_encoder, SENTENCES[:5], cache=small)
    assert [e["fingerprint"] for e in small.entries()] == [tiny_bi_encoder.fingerprint()]
    assert first != tiny_bi_encoder.fingerprint()


def test_limit_is_remembered(tmp_path):
    c = EmbeddingCache(tmp_path / "c")
    assert c.max_bytes == cache_mod.DEFAULT_MAX_BYTES
    c.set_max_bytes(2 * 1024**3)
    assert EmbeddingCache(tmp_path / "c").max_bytes == 2 * 1024**3
    c.set_max_bytes(None)
    assert EmbeddingCache(tmp_path / "c").max_bytes == cache_mod.DEFAULT_MAX_BYTES


def test_crash_while_writing_keys_leaves_a_consistent_cache(tiny_bi_encoder, cache, monkeypatch):
    import errno

    cached_encode(tiny_bi_encoder, SENTENCES[:10], cache=cache)
    real_write = store_mod.atomic_write_bytes

    def failing_write(path, data):
        if path.name.endswith(".keys.npy"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(path, data)

    monkeypatch.setattr(store_mod, "atomic_write_bytes", failing_write)
    emb, stats = cached_encode(tiny_bi_encoder, SENTENCES[:20], cache=cache)  # the result is not lost
    assert not stats["cache_ok"] and "No space left on device" in stats["notes"][0]
    np.testing.assert_allclose(emb, tiny_bi_encoder.encode(SENTENCES[:20]), rtol=1e-5, atol=1e-6)
    monkeypatch.setattr(store_mod, "atomic_write_bytes", real_write)
    fresh = EmbeddingCache(cache.root)  # a new session
    emb, stats = cached_encode(tiny_bi_encoder, SENTENCES[:20], cache=fresh)
    assert stats["hits"] == 10 and stats["encoded"] == 10
    np.testing.assert_allclose(emb, tiny_bi_encoder.encode(SENTENCES[:20]), rtol=1e-5, atol=1e-6)
    store = fresh.store(tiny_bi_encoder.fingerprint())
    assert store.remove_orphans(max_age=0) == 2  # the shard and its checksums written before the crash


def test_broken_entries_are_dropped(tiny_bi_encoder, cache):
    cached_encode(tiny_bi_encoder, SENTENCES[:10], cache=cache)
    cached_encode(tiny_bi_encoder, SENTENCES[10:20], cache=cache)
    cached_encode(tiny_bi_encoder, SENTENCES[20:30], cache=cache)
    shards = cache.root / tiny_bi_encoder.fingerprint() / "shards"
    ids = sorted(p.name[:-len(".keys.npy")] for p in shards.glob("*.keys.npy"))
    (shards / f"{ids[0]}.npy").unlink()  # keys pointing at a missing shard
    data = (shards / f"{ids[1]}.npy").read_bytes()
    (shards / f"{ids[1]}.npy").write_bytes(data[: len(data) // 2])  # a truncated shard
    fresh = EmbeddingCache(cache.root)
    emb, stats = cached_encode(tiny_bi_encoder, SENTENCES[:30], cache=fresh)
    assert stats["hits"] == 10 and stats["encoded"] == 20
    assert fresh.store(tiny_bi_encoder.fingerprint()).dropped == 2
    np.testing.assert_allclose(emb, tiny_bi_encoder.encode(SENTENCES[:30]), rtol=1e-5, atol=1e-6)


def test_lookup_resolves_128_bit_keys(tmp_path):
    store = EmbeddingCache(tmp_path).store("fp")
    store.ensure(4)
    keys = text_keys(["a", "b", "c"])
    twin = keys.copy()
    twin[:, 1] ^= np.uint64(1)  # same first 64 bits, different key
    store.append(keys, np.eye(3, 4, dtype=np.float32))
    store.append(twin[:1], np.full((1, 4), 9, dtype=np.float32))
    shard, row = store.lookup(np.concatenate([twin[:2], keys]))
    assert shard[1] == -1 and (shard[[0, 2, 3, 4]] >= 0).all()
    out = np.zeros((5, 4), dtype=np.float32)
    found = np.flatnonzero(shard >= 0)
    store.gather(shard[found], row[found], out, found)
    np.testing.assert_array_equal(out[0], 9)
    np.testing.assert_array_equal(out[2:], np.eye(3, 4))


def test_two_sessions_share_a_store(tiny_bi_encoder, cache):
    other = EmbeddingCache(cache.root)  # e.g. the window while `sbert-desktop encode` runs
    assert cached_encode(tiny_bi_encoder, SENTENCES[:10], cache=other)[1]["encoded"] == 10
    assert cached_encode(tiny_bi_encoder, SENTENCES[:20], cache=cache)[1]["hits"] == 10
    assert cached_encode(tiny_bi_encoder, SENTENCES[:20], cache=other)[1]["hits"] == 20  # sees the new shard
    cache.store(tiny_bi_encoder.fingerprint()).compact(max_shards=0)  # rewrites the shards under `other`
    emb, stats = cached_encode(tiny_bi_encoder, SENTENCES[:20], cache=other)
    assert stats["hits"] == 20
    np.testing.assert_allclose(emb, tiny_bi_encoder.encode(SENTENCES[:20]), rtol=1e-5, atol=1e-6)
