"""Damage to the embedding cache is detected, reported once, repaired, and what is served afterwards
equals a fresh encode."""

from __future__ import annotations

import json
import os
import time

import numpy as np
import pytest

from sbert_desktop.core import cache_integrity
from sbert_desktop.core.cache import EmbeddingCache, cached_encode

SENTENCES = [f"sentence {i} about {'cats' if i % 2 else 'dogs'}" for i in range(40)]


@pytest.fixture
def filled(tiny_bi_encoder, tmp_path):
    """A cache holding SENTENCES in two shards, and the embeddings a fresh encode gives."""
    cache = EmbeddingCache(tmp_path / "emb")
    cached_encode(tiny_bi_encoder, SENTENCES[:20], cache=cache)
    cached_encode(tiny_bi_encoder, SENTENCES[20:], cache=cache)
    return cache, tiny_bi_encoder.encode(SENTENCES)


def _new_process(cache: EmbeddingCache) -> EmbeddingCache:
    cache_integrity._verified.clear()  # what a new process starts with
    return EmbeddingCache(cache.root)


def _store_dir(cache, model):
    return cache.root / model.fingerprint()


def _shards(cache, model) -> list[str]:
    return sorted(p.name[: -len(".keys.npy")] for p in (_store_dir(cache, model) / "shards").glob("*.keys.npy"))


def _served_after_repair(cache, model, expected, expect_note: str, encoded: int):
    fresh = _new_process(cache)
    emb, stats = cached_encode(model, SENTENCES, cache=fresh)
    np.testing.assert_allclose(emb, expected, rtol=1e-5, atol=1e-6)
    assert len(stats["notes"]) == 1 and expect_note in stats["notes"][0], stats["notes"]
    assert stats["encoded"] == encoded
    # said once: the next encode is served from the repaired cache without a word
    emb2, stats2 = cached_encode(model, SENTENCES, cache=fresh)
    assert stats2["notes"] == [] and stats2["hits"] == len(SENTENCES) and stats2["encoded"] == 0
    np.testing.assert_allclose(emb2, expected, rtol=1e-5, atol=1e-6)
    # and a third process agrees
    emb3, stats3 = cached_encode(model, SENTENCES, cache=_new_process(cache))
    assert stats3["notes"] == [] and stats3["encoded"] == 0
    np.testing.assert_allclose(emb3, expected, rtol=1e-5, atol=1e-6)


def test_overwritten_bytes_in_a_shard_are_never_served(filled, tiny_bi_encoder):
    cache, expected = filled
    sid = _shards(cache, tiny_bi_encoder)[0]
    path = _store_dir(cache, tiny_bi_encoder) / "shards" / f"{sid}.npy"
    with open(path, "r+b") as fh:  # 3.4e38 in the middle of a vector, as the report saw
        fh.seek(path.stat().st_size - 64)
        fh.write(np.float32(3.4e38).tobytes())
    _served_after_repair(cache, tiny_bi_encoder, expected, "vectors do not match their checksum", encoded=20)
    quarantined = list((cache.root / ".quarantine").rglob(f"{sid}.npy"))
    assert len(quarantined) == 1  # kept for inspection, out of the way


def test_swapped_key_rows_are_detected(filled, tiny_bi_encoder):
    cache, expected = filled
    sid = _shards(cache, tiny_bi_encoder)[1]
    path = _store_dir(cache, tiny_bi_encoder) / "shards" / f"{sid}.keys.npy"
    keys = np.load(path)
    keys[[0, 1]] = keys[[1, 0]]
    np.save(path, keys)
    _served_after_repair(cache, tiny_bi_encoder, expected, "keys do not match their checksum", encoded=20)


def test_shard_without_checksums_is_rebuilt(filled, tiny_bi_encoder):
    cache, expected = filled
    for sid in _shards(cache, tiny_bi_encoder):
        (_store_dir(cache, tiny_bi_encoder) / "shards" / f"{sid}.sum.json").unlink()
    _served_after_repair(cache, tiny_bi_encoder, expected, "2 shards set aside (it has no checksums", encoded=40)


@pytest.mark.parametrize("meta", ["[1, 2, 3]", "{not json", '{"dimension": "many"}'])
def test_damaged_meta_json_is_rewritten(meta, filled, tiny_bi_encoder):
    cache, expected = filled
    (_store_dir(cache, tiny_bi_encoder) / "meta.json").write_text(meta, encoding="utf-8")
    entries = _new_process(cache).entries()  # `cache info` works on the damaged store
    assert entries[0]["fingerprint"] == tiny_bi_encoder.fingerprint()
    _served_after_repair(cache, tiny_bi_encoder, expected, "meta.json was damaged; rewritten", encoded=0)
    assert json.loads((_store_dir(cache, tiny_bi_encoder) / "meta.json").read_text())["dimension"] == 32


def test_wrong_stored_dimension_is_repaired(filled, tiny_bi_encoder):
    cache, expected = filled
    meta_path = _store_dir(cache, tiny_bi_encoder) / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta["dimension"] = 768
    meta_path.write_text(json.dumps(meta))
    _served_after_repair(cache, tiny_bi_encoder, expected, "stored dimension 768 contradicts the model's 32",
                         encoded=40)


@pytest.mark.parametrize("which", ["shards", "store"])
def test_a_file_where_a_folder_should_be_is_set_aside(which, filled, tiny_bi_encoder):
    cache, expected = filled
    target = _store_dir(cache, tiny_bi_encoder) / ("shards" if which == "shards" else "")
    import shutil

    shutil.rmtree(target)
    target.write_bytes(b"not a folder")
    _served_after_repair(cache, tiny_bi_encoder, expected, "was a file, not a folder; set aside and rebuilt",
                         encoded=40)


def test_orphans_of_killed_writers_are_removed(filled, tiny_bi_encoder):
    cache, expected = filled
    shards = _store_dir(cache, tiny_bi_encoder) / "shards"
    old = time.time() - 2 * 3600
    leftovers = [shards / "0000-1-abcdef.npy", shards / "0000-1-abcdef.sum.json", shards / ".x.npy.abc.tmp"]
    for path in leftovers:
        path.write_bytes(b"left by a killed writer")
        os.utime(path, (old, old))
    recent = shards / "ffff-2-abcdef.npy"  # a write in progress elsewhere: left alone
    recent.write_bytes(b"being written")
    emb, stats = cached_encode(tiny_bi_encoder, SENTENCES, cache=_new_process(cache))
    assert stats["encoded"] == 0 and not any(p.exists() for p in leftovers) and recent.exists()
    np.testing.assert_allclose(emb, expected, rtol=1e-5, atol=1e-6)


def test_quarantine_is_cleared_with_the_cache_and_first_to_go_when_over_the_limit(filled, tiny_bi_encoder):
    cache, _ = filled
    sid = _shards(cache, tiny_bi_encoder)[0]
    (_store_dir(cache, tiny_bi_encoder) / "shards" / f"{sid}.sum.json").unlink()
    cached_encode(tiny_bi_encoder, SENTENCES, cache=_new_process(cache))
    assert (cache.root / ".quarantine").is_dir()
    before = {e["fingerprint"] for e in cache.entries()}
    cache.evict_to(cache.size_bytes() - 1)  # just over: the quarantine goes, the store stays
    assert not (cache.root / ".quarantine").exists() and {e["fingerprint"] for e in cache.entries()} == before
    cache.clear()
    assert cache.size_bytes() == 0
