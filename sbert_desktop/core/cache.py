"""The embedding cache: never embed the same sentence twice with the same model.

Layout under ``root`` (default ``cache_dir()/embeddings``)::

    config.json                    {"max_bytes": ...}  the size limit (settings / ``cache limit``)
    <model fingerprint>/           one store per model: weights hash, pooling, max length, normalise
        meta.json                  name, source, dimension, created
        last_used                  an empty file; its mtime orders stores for LRU eviction
        shards/<id>.npy            float32 [k, dim], opened memory-mapped
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
import hashlib
import json
import os
import secrets
import shutil
import threading
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from sbert_desktop.core.atomic import atomic_file, atomic_write_text
from sbert_desktop.core.errors import WorkspaceError
from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check

SCHEMA_VERSION = 1
DEFAULT_MAX_BYTES = 10 * 1024**3
CHUNK_SIZE = 4096  # misses encoded and stored together; a cancel keeps every finished chunk
COMPACT_SHARDS = 32  # more small shards than this in a store are merged into one
SMALL_SHARD_ROWS = 65536
ORPHAN_AGE_S = 3600.0  # a shard without keys this old is a crash leftover, not a write in progress


def _clean(texts: Sequence[Any], lower: bool) -> list[str]:
    """What the model sees: the same cleaning as ``BiEncoder.encode`` (strip, optional lowercase)."""
    out = [str(t).strip() for t in texts]
    return [t.lower() for t in out] if lower else out


def text_keys(texts: Sequence[str]) -> np.ndarray:
    """uint64 [n, 2]: the 128-bit blake2b digest of each text's UTF-8 bytes."""
    if not texts:
        return np.zeros((0, 2), dtype=np.uint64)
    blob = b"".join(hashlib.blake2b(t.encode("utf-8", "surrogatepass"), digest_size=16).digest() for t in texts)
    return np.frombuffer(blob, dtype="<u8").reshape(-1, 2).astype(np.uint64)


def _new_id() -> str:
    return f"{time.time_ns():016x}-{os.getpid()}-{secrets.token_hex(3)}"


def _save_npy(path: Path, arr: np.ndarray) -> None:
    with atomic_file(path, "wb") as fh:
        np.save(fh, arr, allow_pickle=False)


def _dir_bytes(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.stat(os.path.join(root, name)).st_size
    return total


class EmbeddingStore:
    """The cached embeddings of one model fingerprint (see the module docstring for the layout)."""

    def __init__(self, folder: Path, fingerprint: str):
        self.folder = Path(folder)
        self.fingerprint = fingerprint
        self.shards_dir = self.folder / "shards"
        self._lock = threading.RLock()
        self._loaded: dict[str, int] = {}  # shard id -> position in self._arrays
        self._names: list[str] = []
        self._arrays: list[np.ndarray] = []  # np.memmap per shard
        self._keys: list[np.ndarray] = []
        self._sorted: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
        self.dimension: int | None = None
        self.dropped = 0  # broken entries found and removed (crash leftovers)

    # -- metadata ----------------------------------------------------------------------------

    def meta(self) -> dict[str, Any]:
        try:
            return json.loads((self.folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def ensure(self, dimension: int, name: str = "", source: str = "") -> None:
        """Create the store's folder and metadata if they are not there yet."""
        self.shards_dir.mkdir(parents=True, exist_ok=True)
        meta = self.meta()
        if meta.get("dimension") not in (None, dimension):
            raise WorkspaceError(f"embedding cache {self.folder}: stored dimension {meta['dimension']} "
                                 f"!= model dimension {dimension}")
        if not meta:
            atomic_write_text(self.folder / "meta.json", json.dumps(
                {"schema_version": SCHEMA_VERSION, "fingerprint": self.fingerprint, "name": name,
                 "source": source, "dimension": dimension, "created": time.time()}, indent=2))
        self.dimension = dimension

    def touch(self) -> None:
        marker = self.folder / "last_used"
        try:
            marker.touch(exist_ok=True)
            os.utime(marker)
        except OSError:
            pass

    def last_used(self) -> float:
        for name in ("last_used", "meta.json"):
            with contextlib.suppress(OSError):
                return (self.folder / name).stat().st_mtime
        return 0.0

    # -- reading -----------------------------------------------------------------------------

    def _drop(self, sid: str) -> None:
        """Remove a broken entry: keys first, so nothing ever points at a missing shard."""
        for suffix in (".keys.npy", ".npy"):
            with contextlib.suppress(OSError):
                (self.shards_dir / f"{sid}{suffix}").unlink()
        self.dropped += 1

    def _scan(self) -> list[str]:
        try:
            names = os.listdir(self.shards_dir)
        except OSError:
            return []
        return sorted(n[: -len(".keys.npy")] for n in names if n.endswith(".keys.npy") and not n.startswith("."))

    def refresh(self) -> None:
        """Pick up shards written since the last look (by this or another process); drop broken ones."""
        with self._lock:
            present = self._scan()
            if not set(self._loaded) <= set(present):  # compacted or cleared elsewhere
                self._reset()
            if self.dimension is None:
                self.dimension = self.meta().get("dimension")
            for sid in present:
                if sid in self._loaded:
                    continue
                try:
                    keys = np.load(self.shards_dir / f"{sid}.keys.npy", allow_pickle=False)
                    arr = np.load(self.shards_dir / f"{sid}.npy", mmap_mode="r", allow_pickle=False)
                except FileNotFoundError:
                    if (self.shards_dir / f"{sid}.keys.npy").exists():
                        self._drop(sid)
                    continue
                except (OSError, ValueError, EOFError):
                    self._drop(sid)
                    continue
                ok = (keys.dtype == np.uint64 and keys.ndim == 2 and keys.shape[1] == 2 and arr.ndim == 2
                      and arr.dtype == np.float32 and arr.shape[0] == keys.shape[0]
                      and (self.dimension is None or arr.shape[1] == self.dimension))
                if not ok:
                    del arr
                    self._drop(sid)
                    continue
                self._loaded[sid] = len(self._names)
                self._names.append(sid)
                self._arrays.append(arr)
                self._keys.append(np.ascontiguousarray(keys))
                self._sorted = None

    def _reset(self) -> None:
        self._loaded, self._names, self._arrays, self._keys, self._sorted = {}, [], [], [], None

    def _index(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        if self._sorted is None:
            if self._keys:
                keys = np.concatenate(self._keys)
                shard = np.concatenate([np.full(len(k), i, dtype=np.int32) for i, k in enumerate(self._keys)])
                row = np.concatenate([np.arange(len(k), dtype=np.int64) for k in self._keys])
                order = np.lexsort((keys[:, 1], keys[:, 0]))
                self._sorted = (keys[order, 0].copy(), keys[order, 1].copy(), shard[order], row[order])
            else:
                empty = np.zeros(0, dtype=np.uint64)
                self._sorted = (empty, empty, np.zeros(0, np.int32), np.zeros(0, np.int64))
        return self._sorted

    def count(self) -> int:
        with self._lock:
            self.refresh()
            return len(self._index()[0])

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each key: (shard number, row), or shard -1 where the key is not stored."""
        with self._lock:
            self.refresh()
            hi, lo, shard, row = self._index()
            n = len(hi)
            out_shard = np.full(len(keys), -1, dtype=np.int32)
            out_row = np.zeros(len(keys), dtype=np.int64)
            if n == 0 or len(keys) == 0:
                return out_shard, out_row
            pos = np.searchsorted(hi, keys[:, 0], side="left")
            cand = np.minimum(pos, n - 1)
            same_hi = (pos < n) & (hi[cand] == keys[:, 0])
            found = same_hi & (lo[cand] == keys[:, 1])
            # the first 64 bits agree but not the rest: walk the run of equal ``hi`` (practically never)
            for i in np.flatnonzero(same_hi & ~found):
                j = int(pos[i])
                while j < n and hi[j] == keys[i, 0]:
                    if lo[j] == keys[i, 1]:
                        cand[i], found[i] = j, True
                        break
                    j += 1
            out_shard[found] = shard[cand[found]]
            out_row[found] = row[cand[found]]
            return out_shard, out_row

    def gather(self, shard: np.ndarray, row: np.ndarray, out: np.ndarray, where: np.ndarray) -> None:
        """``out[where[i]] = embedding at (shard[i], row[i])``, reading only those rows."""
        if len(shard) == 0:
            return
        order = np.lexsort((row, shard))
        shard, row, where = shard[order], row[order], where[order]
        cuts = np.flatnonzero(np.diff(shard)) + 1
        for s, r, w in zip(np.split(shard, cuts), np.split(row, cuts), np.split(where, cuts)):
            out[w] = self._arrays[int(s[0])][r]

    def shard_arrays(self) -> list[np.ndarray]:
        """The memory-mapped shard arrays (for inspection and tests)."""
        with self._lock:
            self.refresh()
            return list(self._arrays)

    # -- writing -----------------------------------------------------------------------------

    def append(self, keys: np.ndarray, vectors: np.ndarray) -> str:
        """Store ``vectors`` under ``keys`` as one new shard; returns its id."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        keys = np.ascontiguousarray(keys, dtype=np.uint64)
        if vectors.ndim != 2 or len(vectors) != len(keys):
            raise ValueError(f"{len(keys)} keys for vectors of shape {vectors.shape}")
        sid = _new_id()
        self.shards_dir.mkdir(parents=True, exist_ok=True)
        _save_npy(self.shards_dir / f"{sid}.npy", vectors)
        _save_npy(self.shards_dir / f"{sid}.keys.npy", keys)  # the commit
        return sid

    def remove_shards(self, sids: Sequence[str]) -> None:
        with self._lock:
            for sid in sids:
                with contextlib.suppress(OSError):
                    (self.shards_dir / f"{sid}.keys.npy").unlink()
            self._reset()  # drop our memmaps before removing the files (Windows cannot delete them)
            for sid in sids:
                with contextlib.suppress(OSError):
                    (self.shards_dir / f"{sid}.npy").unlink()

    def replace_shards(self, sids: Sequence[str], keys: np.ndarray, vectors: np.ndarray) -> None:
        """Write ``keys``/``vectors`` as one shard, then remove ``sids`` (their rows are all in it)."""
        if len(sids) <= 1:
            return
        self.append(keys, vectors)
        self.remove_shards(sids)

    def compact(self, max_shards: int = COMPACT_SHARDS, small_rows: int = SMALL_SHARD_ROWS) -> bool:
        """Merge small shards into one when there are more than ``max_shards`` of them."""
        with self._lock:
            self.refresh()
            small = [i for i, a in enumerate(self._arrays) if len(a) < small_rows]
            if len(small) <= max_shards:
                return False
            keys = np.concatenate([self._keys[i] for i in small])
            vectors = np.concatenate([np.asarray(self._arrays[i]) for i in small])
            sids = [self._names[i] for i in small]
            self.replace_shards(sids, keys, vectors)
            self.refresh()
            return True

    def remove_orphans(self, max_age: float = ORPHAN_AGE_S) -> int:
        """Delete crash leftovers: shards without keys and temporary files older than ``max_age``."""
        removed = 0
        now = time.time()
        try:
            names = os.listdir(self.shards_dir)
        except OSError:
            return 0
        keyed = {n[: -len(".keys.npy")] for n in names if n.endswith(".keys.npy")}
        for name in names:
            path = self.shards_dir / name
            orphan = name.startswith(".") or (name.endswith(".npy") and not name.endswith(".keys.npy")
                                              and name[: -len(".npy")] not in keyed)
            if orphan:
                with contextlib.suppress(OSError):
                    if now - path.stat().st_mtime >= max_age:
                        path.unlink()
                        removed += 1
        return removed

    def size_bytes(self) -> int:
        return _dir_bytes(self.folder)


class EmbeddingCache:
    """All stores under ``root``; ``max_bytes`` (default: ``config.json``, else 10 GiB) bounds their size."""

    def __init__(self, root: str | Path | None = None, max_bytes: int | None = None):
        if root is None:
            from sbert_desktop.core.paths import cache_dir

            root = cache_dir() / "embeddings"
        self.root = Path(root)
        self._max_bytes = max_bytes
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

    # -- stores ------------------------------------------------------------------------------

    def store(self, fingerprint: str) -> EmbeddingStore:
        if not fingerprint or "/" in fingerprint or "\\" in fingerprint or fingerprint.startswith("."):
            raise ValueError(f"not a model fingerprint: {fingerprint!r}")
        with self._lock:
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
    """
    cache = cache if cache is not None else EmbeddingCache()
    dim = int(model.dimension)
    texts = _clean(sentences, bool(getattr(model, "do_lower_case", False)))
    n = len(texts)
    stats = {"sentences": n, "unique": 0, "hits": 0, "encoded": 0}
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

    store = cache.store(model.fingerprint())
    store.ensure(dim, name=str(getattr(model, "name", "")), source=str(getattr(model, "source", "")))
    store.touch()
    uvec = np.empty((len(first), dim), dtype=np.float32)
    with store._lock:  # shard numbers stay valid between lookup and gather
        shard, row = store.lookup(ukeys)
        hit = shard >= 0
        store.gather(shard[hit], row[hit], uvec, np.flatnonzero(hit))
    miss = np.flatnonzero(~hit)
    stats["hits"] = int(np.count_nonzero(hit[inverse]))

    written: list[str] = []
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
        vec = np.ascontiguousarray(vec, dtype=np.float32)
        written.append(store.append(ukeys[part], vec))
        uvec[part] = vec
        stats["encoded"] += len(part)
    if len(written) > 1:  # one shard per call keeps stores small in file count
        store.replace_shards(written, ukeys[miss], uvec[miss])
    if written:
        store.compact()
        cache.evict_to(keep=(store.fingerprint,))
    out = uvec[inverse] if len(first) != n or not np.array_equal(inverse, np.arange(n)) else uvec
    if normalize and not getattr(model, "normalize", False):
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
    return out, stats
