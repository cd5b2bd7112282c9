"""The embedding cache: never embed the same sentence twice with the same model.

Layout under ``root`` (default ``cache_dir()/embeddings``)::

    config.json                    {"max_bytes": ..., "storage": ...}  the size limit, the shard type
    <model fingerprint>/           one store per model: weights hash, pooling, max length, normalise
        meta.json                  name, source, dimension, created
        last_used                  an empty file; its mtime orders stores for LRU eviction
        shards/<id>.npy            float32 [k, dim] (float16 when config.json says "storage": "float16"), memory-mapped
        shards/<id>.keys.npy       uint64 [k, 2]: blake2b-128 of each row's (stripped) text

A shard is written to a temporary file and renamed; its keys file is written the same way only
after the shard exists, so the keys file is the commit: a crash leaves at worst a shard without
keys (an orphan, removed later) and never keys that point at nothing. Keys whose shard is missing,
truncated or of the wrong shape are detected when a store is opened and dropped. Shard ids are
unique per process and time, so two processes (the window and ``sbert-desktop encode``) can write
the same store; a sentence stored twice is harmless.

Lookups keep every key of a store in memory as two sorted ``uint64`` arrays (16 bytes a sentence;
``searchsorted`` resolves 1M lookups in well under a second, far faster than sqlite3 measured on
the same data), and read only the rows they need from the memory-mapped shards.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import threading
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from sbert_desktop.core.atomic import atomic_write_text
from sbert_desktop.core.cache_integrity import clear_quarantine
from sbert_desktop.core.embedding_store import SCHEMA_VERSION, EmbeddingStore, _clean, _dir_bytes, text_keys
from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check

__all__ = ["EmbeddingCache", "EmbeddingStore", "cached_encode", "text_keys", "SCHEMA_VERSION"]

DEFAULT_MAX_BYTES = 10 * 1024**3
CHUNK_SIZE = 4096  # misses encoded and stored together; a cancel keeps every finished chunk
STORAGE_CHOICES = ("float32", "float16")

class EmbeddingCache:
    """All stores under ``root``; ``max_bytes`` (default: ``config.json``, else 10 GiB) bounds their size."""

    def __init__(self, root: str | Path | None = None, max_bytes: int | None = None, storage: str | None = None):
        if root is None:
            from sbert_desktop.core.paths import cache_dir

            root = cache_dir() / "embeddings"
        self.root = Path(root)
        self._max_bytes = max_bytes
        self._storage = storage
        self._stores: dict[str, EmbeddingStore] = {}
        self._lock = threading.RLock()

    # -- settings ----------------------------------------------------------------------------

    def _config(self) -> dict[str, Any]:
        try:
            return json.loads((self.root / "config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    @property
    def max_bytes(self) -> int:
        if self._max_bytes is not None:
            return int(self._max_bytes)
        value = self._config().get("max_bytes")
        return int(value) if isinstance(value, int) and value >= 0 else DEFAULT_MAX_BYTES

    def set_max_bytes(self, max_bytes: int | None) -> None:
        """Remember the size limit (None: back to the default) for this and later sessions."""
        config = self._config()
        if max_bytes is None:
            config.pop("max_bytes", None)
        else:
            config["max_bytes"] = int(max_bytes)
        atomic_write_text(self.root / "config.json", json.dumps(config, indent=2))
        self._max_bytes = None

    @property
    def storage(self) -> str:
        """``"float32"`` (default) or ``"float16"``: how new shards are written (``config.json``).
        float16 halves the cache; cosine scores move by under 1e-4 (bench/results/float16.txt)."""
        value = self._storage if self._storage is not None else self._config().get("storage")
        return value if value in STORAGE_CHOICES else "float32"

    def set_storage(self, storage: str) -> None:
        """Remember how new shards are written, for this and later sessions (existing shards stay)."""
        if storage not in STORAGE_CHOICES:
            raise ValueError(f"cache storage must be one of {', '.join(STORAGE_CHOICES)}, got {storage!r}")
        config = self._config()
        config["storage"] = storage
        atomic_write_text(self.root / "config.json", json.dumps(config, indent=2))
        self._storage = None

    # -- stores ------------------------------------------------------------------------------

    def store(self, fingerprint: str) -> EmbeddingStore:
        if not fingerprint or "/" in fingerprint or "\\" in fingerprint or fingerprint.startswith("."):
            raise ValueError(f"not a model fingerprint: {fingerprint!r}")
        with self._lock:
            if os.path.lexists(self.root) and not self.root.is_dir():  # the cache folder itself is a file
                aside = self.root.with_name(f"{self.root.name}.damaged-{secrets.token_hex(3)}")
                os.replace(self.root, aside)
                self._stores.clear()
            st = self._stores.get(fingerprint)
            if st is None:
                st = self._stores[fingerprint] = EmbeddingStore(self.root / fingerprint, fingerprint)
            return st

    def _store_dirs(self) -> list[Path]:
        try:
            return sorted(p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))
        except OSError:
            return []

    def size_bytes(self) -> int:
        return _dir_bytes(self.root) if self.root.exists() else 0

    def entries(self) -> list[dict[str, Any]]:
        """One dict per model store, most recently used first."""
        out = []
        for folder in self._store_dirs():
            st = self.store(folder.name)
            meta = st.meta()
            count = 0
            for sid in st._scan():
                with contextlib.suppress(OSError, ValueError):
                    count += int(np.load(st.shards_dir / f"{sid}.keys.npy", mmap_mode="r").shape[0])
            out.append({"name": meta.get("name", ""), "source": meta.get("source", ""), "fingerprint": folder.name,
                        "dimension": meta.get("dimension"), "count": count, "bytes": st.size_bytes(),
                        "last_used": st.last_used()})
        out.sort(key=lambda e: e["last_used"], reverse=True)
        return out

    def _remove_store(self, folder: Path) -> None:
        with self._lock:
            st = self._stores.pop(folder.name, None)
            if st is not None:
                st._reset()
        trash = folder.with_name(f".trash-{folder.name}-{secrets.token_hex(3)}")
        try:
            os.replace(folder, trash)  # the store disappears at once, whole
        except OSError:
            trash = folder
        shutil.rmtree(trash, ignore_errors=True)

    def evict_to(self, max_bytes: int | None = None, keep: Sequence[str] = ()) -> list[str]:
        """Remove least recently used stores until the cache fits ``max_bytes``; returns the removed
        fingerprints. Stores named in ``keep`` (the one just used) are never removed."""
        limit = self.max_bytes if max_bytes is None else int(max_bytes)
        if self.size_bytes() > limit:
            clear_quarantine(self.root)  # damaged shards kept for inspection go first
        entries = sorted(self.entries(), key=lambda e: e["last_used"])
        total = self.size_bytes()
        removed = []
        for entry in entries:
            if total <= limit:
                break
            if entry["fingerprint"] in keep:
                continue
            self._remove_store(self.root / entry["fingerprint"])
            total -= entry["bytes"]
            removed.append(entry["fingerprint"])
        return removed

    def clear(self) -> int:
        """Remove every store; returns the bytes freed."""
        before = self.size_bytes()
        for folder in self._store_dirs():
            self._remove_store(folder)
        for leftover in self.root.glob(".trash-*") if self.root.exists() else []:
            shutil.rmtree(leftover, ignore_errors=True)
        clear_quarantine(self.root)
        return before - self.size_bytes()


# ----------------------------------------------------------------------------- encoding


def cached_encode(
    model: Any,
    sentences: Sequence[str],
    batch_size: int = 32,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    cache: EmbeddingCache | None = None,
    *,
    normalize: bool | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> tuple[np.ndarray, dict[str, int]]:
    """``model.encode(sentences)`` that reads what the cache holds and encodes only the rest.

    Returns float32 ``[n, dim]`` in input order and stats: ``hits`` (sentences served from the
    cache), ``encoded`` (distinct texts run through the model now), ``sentences``, ``unique``.
    Misses are encoded ``chunk_size`` at a time and each chunk is stored before the next starts,
    so a cancel (``Cancelled`` is raised as usual) keeps what was already computed.
    Progress events count encoded sentences (``total`` = distinct misses; ``info["cached"]`` = hits).

    The cache never costs the result: damaged shards are set aside and their sentences encoded
    again, and when the cache cannot be written (a full disk) the embeddings are still returned.
    ``stats["notes"]`` says so, once per repair (``cache_ok`` is False when the cache was not updated).
    """
    cache = cache if cache is not None else EmbeddingCache()
    dim = int(model.dimension)
    texts = _clean(sentences, bool(getattr(model, "do_lower_case", False)))
    n = len(texts)
    stats: dict[str, Any] = {"sentences": n, "unique": 0, "hits": 0, "encoded": 0, "notes": [], "cache_ok": True}
    if n == 0:
        return np.zeros((0, dim), dtype=np.float32), stats
    keys = text_keys(texts)
    uniq_index: dict[bytes, int] = {}
    raw = keys.view(np.dtype((np.void, 16))).ravel()
    inverse = np.fromiter((uniq_index.setdefault(k.tobytes(), len(uniq_index)) for k in raw), dtype=np.int64, count=n)
    first = np.full(len(uniq_index), -1, dtype=np.int64)
    first[inverse[::-1]] = np.arange(n - 1, -1, -1)  # first occurrence of each distinct text
    ukeys = keys[first]
    stats["unique"] = len(first)

    uvec = np.empty((len(first), dim), dtype=np.float32)
    hit = np.zeros(len(first), dtype=bool)
    store = None
    try:
        store = cache.store(model.fingerprint())
        store.ensure(dim, name=str(getattr(model, "name", "")), source=str(getattr(model, "source", "")))
        store.touch()
        with store._lock:  # shard numbers stay valid between lookup and gather
            shard, row = store.lookup(ukeys)
            hit = shard >= 0
            store.gather(shard[hit], row[hit], uvec, np.flatnonzero(hit))
    except OSError as exc:  # an unreadable or full cache: encode everything, say so
        hit = np.zeros(len(first), dtype=bool)
        _cache_failed(stats, exc)
    miss = np.flatnonzero(~hit)
    stats["hits"] = int(np.count_nonzero(hit[inverse]))

    written: list[str] = []
    stored = np.dtype(cache.storage)
    start = time.perf_counter()
    total = len(miss)
    for offset in range(0, total, max(1, chunk_size)):
        check(cancel)
        part = miss[offset: offset + chunk_size]

        def relay(p: Progress, _offset: int = offset) -> None:
            if progress is not None:
                progress(Progress(_offset + p.done, total, "encode", {**p.info, "cached": stats["hits"]},
                                  time.perf_counter() - start))

        vec = model.encode([texts[int(first[i])] for i in part], batch_size=batch_size,
                           progress=relay if progress is not None else None, cancel=cancel, normalize=False)
        vec = np.ascontiguousarray(vec, dtype=stored)  # float16: rounded now, as a later cache hit returns it
        uvec[part] = vec
        stats["encoded"] += len(part)
        if stats["cache_ok"] and store is not None:
            try:
                written.append(store.append(ukeys[part], vec))
            except OSError as exc:
                _cache_failed(stats, exc)
    try:
        if len(written) > 1 and stats["cache_ok"]:  # one shard per call keeps stores small in file count
            store.replace_shards(written, ukeys[miss], uvec[miss].astype(stored))
        if written:
            store.compact()
            cache.evict_to(keep=(store.fingerprint,))
    except OSError as exc:
        _cache_failed(stats, exc)
    if store is not None:
        stats["notes"] = store.notes + stats["notes"]
        store.notes = []
    out = uvec[inverse] if len(first) != n or not np.array_equal(inverse, np.arange(n)) else uvec
    if normalize and not getattr(model, "normalize", False):
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
    return out, stats


def _cache_failed(stats: dict[str, Any], exc: OSError) -> None:
    if stats["cache_ok"]:
        stats["cache_ok"] = False
        reason = exc.strerror or str(exc)
        stats["notes"].append(f"embedding cache not updated ({reason}); the embeddings were computed and are "
                              "returned as usual")
