"""One model's store of the embedding cache: memory-mapped shards and their sorted text keys.

See :mod:`sbert_desktop.core.cache` for the layout and the crash-safety rules; this module holds
the per-model half (:class:`EmbeddingStore`), the cache and ``cached_encode`` the other.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import threading
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from sbert_desktop.core import faults
from sbert_desktop.core.atomic import atomic_write_bytes, atomic_write_text
from sbert_desktop.core.cache_integrity import (
    SUM_SUFFIX, ShardDamaged, load_keys, npy_bytes, quarantine, read_meta, save_npy, verify_vectors, write_sums,
)

SCHEMA_VERSION = 1
#: what a shard may hold: float32, or float16 when the cache is set to half the size (see core.cache)
STORAGE_DTYPES = (np.dtype(np.float32), np.dtype(np.float16))
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


def _save_npy(path: Path, arr: np.ndarray) -> str:
    """Write ``arr`` atomically; returns the sha256 of the bytes written."""
    return save_npy(path, arr)


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
        self.dropped = 0  # broken or damaged shards found and set aside
        self.notes: list[str] = []  # repairs not yet reported (cached_encode passes them on, once)
        self._damaged: list[str] = []  # reasons of shards set aside since the last note
        self._vectors_ok: set[str] = set()  # shards whose vectors matched their checksum
        self._tidied = False  # orphans of killed writers removed (once per process)

    # -- metadata ----------------------------------------------------------------------------

    def meta(self) -> dict[str, Any]:
        """``meta.json`` as a dict (empty when missing or damaged)."""
        return read_meta(self.folder)[0]

    def _note(self, text: str) -> None:
        self.notes.append(f"embedding cache ({self.meta().get('name') or self.fingerprint[:12]}): {text}")

    def _repair_layout(self) -> None:
        """A store or ``shards`` that is a file (or a link) is set aside; the folders are made anew."""
        for path, what in ((self.folder, "the store"), (self.shards_dir, "its shards folder")):
            if os.path.lexists(path) and (path.is_symlink() or not path.is_dir()):
                with self._lock:
                    self._reset()
                quarantine(self.folder.parent, [path], f"{self.fingerprint[:16]}-{path.name}")
                self._note(f"{what} was a file, not a folder; set aside and rebuilt")
        self.shards_dir.mkdir(parents=True, exist_ok=True)

    def ensure(self, dimension: int, name: str = "", source: str = "") -> None:
        """Create the store's folder and metadata if they are not there yet; repair a damaged layout,
        ``meta.json`` or stored dimension (saying so once, in :attr:`notes`)."""
        self._repair_layout()
        meta, damaged = read_meta(self.folder)
        if damaged:
            self._note("meta.json was damaged; rewritten")
        elif meta.get("dimension") not in (None, dimension):
            with self._lock:
                self._reset()
            quarantine(self.folder.parent, [self.shards_dir, self.folder / "meta.json"], self.fingerprint[:16])
            self._note(f"stored dimension {meta['dimension']} contradicts the model's {dimension}; the stored "
                       "embeddings were set aside and are computed again")
            self.shards_dir.mkdir(parents=True, exist_ok=True)
            meta = {}
        if not meta:
            atomic_write_text(self.folder / "meta.json", json.dumps(
                {"schema_version": SCHEMA_VERSION, "fingerprint": self.fingerprint, "name": name,
                 "source": source, "dimension": dimension, "created": time.time()}, indent=2))
        self.dimension = dimension
        if not self._tidied:
            self._tidied = True
            self.remove_orphans()

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

    def _drop(self, sid: str, reason: str = "its files are missing or truncated") -> None:
        """Set a broken shard aside: keys first, so nothing ever points at a missing shard."""
        paths = [self.shards_dir / f"{sid}{suffix}" for suffix in (".keys.npy", ".npy", SUM_SUFFIX)]
        quarantine(self.folder.parent, paths, f"{self.fingerprint[:16]}-{sid}")
        self._vectors_ok.discard(sid)
        self.dropped += 1
        self._damaged.append(reason)

    def _report_damage(self) -> None:
        if self._damaged:
            reasons = sorted(set(self._damaged))
            n = len(self._damaged)
            self._note(f"{n} shard{'s' if n != 1 else ''} set aside ({'; '.join(reasons)}); "
                       f"{'their' if n != 1 else 'its'} sentences are encoded again")
            self._damaged = []

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
                    arr = np.load(self.shards_dir / f"{sid}.npy", mmap_mode="r", allow_pickle=False)
                    keys = load_keys(self.shards_dir, sid)
                except ShardDamaged as exc:
                    self._drop(sid, str(exc))
                    continue
                except FileNotFoundError:
                    if (self.shards_dir / f"{sid}.keys.npy").exists():
                        self._drop(sid)
                    continue
                except (OSError, ValueError, EOFError):
                    self._drop(sid)
                    continue
                ok = (keys.dtype == np.uint64 and keys.ndim == 2 and keys.shape[1] == 2 and arr.ndim == 2
                      and arr.dtype in STORAGE_DTYPES and arr.shape[0] == keys.shape[0]
                      and (self.dimension is None or arr.shape[1] == self.dimension))
                if not ok:
                    del arr
                    self._drop(sid, "its shape or type is wrong")
                    continue
                self._loaded[sid] = len(self._names)
                self._names.append(sid)
                self._arrays.append(arr)
                self._keys.append(np.ascontiguousarray(keys))
                self._sorted = None
            self._report_damage()

    def _verify(self, indices) -> bool:
        """Check the vectors of the shards at ``indices`` (first use in this process); set aside
        those that fail. Returns False when one did (the caller looks up again)."""
        ok = True
        for sid in [self._names[int(i)] for i in indices]:
            if sid in self._vectors_ok:
                continue
            try:
                verify_vectors(self.shards_dir, sid)
                self._vectors_ok.add(sid)
            except (ShardDamaged, OSError) as exc:
                ok = False
                self._reset()
                self._drop(sid, str(exc) if isinstance(exc, ShardDamaged) else "its vectors cannot be read")
        if not ok:
            self._reset()
            self._report_damage()
        return ok

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
        """For each key: (shard number, row), or shard -1 where the key is not stored. Every shard
        that a hit points at has been checked against its checksums (damaged ones are set aside)."""
        with self._lock:
            while True:
                out_shard, out_row = self._lookup(keys)
                if self._verify(np.unique(out_shard[out_shard >= 0])):
                    return out_shard, out_row

    def _lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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
        """Store ``vectors`` under ``keys`` as one new shard (float16 stays float16, anything else
        is stored as float32); returns its id."""
        vectors = np.ascontiguousarray(vectors, dtype=vectors.dtype if vectors.dtype in STORAGE_DTYPES else np.float32)
        keys = np.ascontiguousarray(keys, dtype=np.uint64)
        if vectors.ndim != 2 or len(vectors) != len(keys):
            raise ValueError(f"{len(keys)} keys for vectors of shape {vectors.shape}")
        sid = _new_id()
        self.shards_dir.mkdir(parents=True, exist_ok=True)
        vectors_sha = _save_npy(self.shards_dir / f"{sid}.npy", vectors)
        faults.boundary("cache.vectors")
        key_bytes = npy_bytes(keys)
        write_sums(self.shards_dir, sid, vectors_sha, hashlib.sha256(key_bytes).hexdigest())
        atomic_write_bytes(self.shards_dir / f"{sid}.keys.npy", key_bytes)  # the commit
        self._vectors_ok.add(sid)
        return sid

    def remove_shards(self, sids: Sequence[str]) -> None:
        with self._lock:
            for sid in sids:
                with contextlib.suppress(OSError):
                    (self.shards_dir / f"{sid}.keys.npy").unlink()
            self._reset()  # drop our memmaps before removing the files (Windows cannot delete them)
            for sid in sids:
                for suffix in (".npy", SUM_SUFFIX):
                    with contextlib.suppress(OSError):
                        (self.shards_dir / f"{sid}{suffix}").unlink()

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
            if not self._verify(small):  # never merge unchecked bytes into a shard with new checksums
                return self.compact(max_shards, small_rows)
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
            stem = name[: -len(SUM_SUFFIX)] if name.endswith(SUM_SUFFIX) else name[: -len(".npy")]
            orphan = name.startswith(".") or (
                (name.endswith(SUM_SUFFIX) or (name.endswith(".npy") and not name.endswith(".keys.npy")))
                and stem not in keyed)
            if orphan:
                with contextlib.suppress(OSError):
                    if now - path.stat().st_mtime >= max_age:
                        path.unlink()
                        removed += 1
        return removed

    def size_bytes(self) -> int:
        return _dir_bytes(self.folder)
