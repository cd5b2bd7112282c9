"""The embedding cache checks what it serves: per-shard checksums, quarantine, repair.

Every shard ``<id>.npy`` / ``<id>.keys.npy`` has ``<id>.sum.json`` with the sha256 of both files,
written after the vectors and before the keys (the keys file stays the commit, so a committed shard
always has its checksums). A shard's keys are checked when a process first reads them and its
vectors the first time a row of it would be served (once per process and file version; about
1 GB/s), so bytes changed on disk are never returned as embeddings. A shard that fails, or has no
checksums (written by an older version), is moved to ``<cache>/.quarantine/`` and its sentences
are encoded again; each repair is reported once, through ``cached_encode``'s ``stats["notes"]``.
The same goes for a damaged ``meta.json``, a stored dimension that contradicts the model, and a
store or ``shards`` folder that is a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import secrets
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from sbert_desktop.core import faults
from sbert_desktop.core.atomic import atomic_file, atomic_write_text

SUM_SUFFIX = ".sum.json"
QUARANTINE = ".quarantine"
QUARANTINE_DAYS = 7

_verified: set[tuple[str, int, int]] = set()  # (path, size, mtime_ns) whose sha256 matched, this process
_verified_lock = threading.Lock()


class ShardDamaged(Exception):
    """A shard's files do not match their checksums (or have none)."""


class _Hashing:
    def __init__(self, fh):
        self.fh, self.sha = fh, hashlib.sha256()

    def write(self, data) -> int:
        self.sha.update(data)
        return self.fh.write(data)


def save_npy(path: Path, arr: np.ndarray) -> str:
    """Write ``arr`` as ``.npy`` atomically; returns the sha256 of the bytes written."""
    with atomic_file(path, "wb") as fh:
        out = _Hashing(fh)
        np.lib.format.write_array(out, np.ascontiguousarray(arr), allow_pickle=False)
    return out.sha.hexdigest()


def npy_bytes(arr: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array(buf, np.ascontiguousarray(arr), allow_pickle=False)
    return buf.getvalue()


def write_sums(shards_dir: Path, sid: str, vectors_sha: str, keys_sha: str) -> None:
    atomic_write_text(shards_dir / f"{sid}{SUM_SUFFIX}",
                      json.dumps({"vectors": vectors_sha, "keys": keys_sha}) + "\n")
    faults.boundary("cache.sums")


def read_sums(shards_dir: Path, sid: str) -> dict[str, str]:
    try:
        sums = json.loads((shards_dir / f"{sid}{SUM_SUFFIX}").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ShardDamaged("it has no checksums (written by an older version)") from None
    except (OSError, ValueError):
        raise ShardDamaged("its checksum file is damaged") from None
    if not isinstance(sums, dict) or not all(isinstance(sums.get(k), str) for k in ("vectors", "keys")):
        raise ShardDamaged("its checksum file is damaged")
    return sums


def load_keys(shards_dir: Path, sid: str) -> np.ndarray:
    """The shard's keys, after checking their bytes against the checksum file."""
    sums = read_sums(shards_dir, sid)
    data = (shards_dir / f"{sid}.keys.npy").read_bytes()
    if hashlib.sha256(data).hexdigest() != sums["keys"]:
        raise ShardDamaged("its keys do not match their checksum")
    return np.load(io.BytesIO(data), allow_pickle=False)


def verify_vectors(shards_dir: Path, sid: str) -> None:
    """Check the vectors file against its checksum, once per process and file version."""
    path = shards_dir / f"{sid}.npy"
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns)
    with _verified_lock:
        if key in _verified:
            return
    sums = read_sums(shards_dir, sid)
    with open(path, "rb") as fh:
        digest = hashlib.file_digest(fh, "sha256").hexdigest()
    if digest != sums["vectors"]:
        raise ShardDamaged("its vectors do not match their checksum")
    with _verified_lock:
        _verified.add(key)


def quarantine(cache_root: Path, paths: list[Path], label: str) -> None:
    """Move damaged files or folders out of the way (kept for a week for inspection, then deleted)."""
    target = cache_root / QUARANTINE / f"{time.strftime('%Y%m%d-%H%M%S')}-{label}-{secrets.token_hex(3)}"
    target.mkdir(parents=True, exist_ok=True)
    for path in paths:
        if os.path.lexists(path):
            try:
                os.replace(path, target / path.name)
            except OSError:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        path.unlink()
    prune_quarantine(cache_root)


def prune_quarantine(cache_root: Path, max_age_days: float = QUARANTINE_DAYS) -> None:
    folder = cache_root / QUARANTINE
    if not folder.is_dir():
        return
    limit = time.time() - max_age_days * 86400
    for entry in folder.iterdir():
        with contextlib.suppress(OSError):
            if entry.stat().st_mtime < limit:
                shutil.rmtree(entry, ignore_errors=True)


def clear_quarantine(cache_root: Path) -> None:
    shutil.rmtree(cache_root / QUARANTINE, ignore_errors=True)


def read_meta(folder: Path) -> tuple[dict[str, Any], bool]:
    """(meta.json as a dict, whether it is damaged); a missing file is not damage."""
    path = folder / "meta.json"
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, False
    except (OSError, ValueError):
        return {}, True
    if not isinstance(meta, dict):
        return {}, True
    dim = meta.get("dimension")
    if dim is not None and (not isinstance(dim, int) or isinstance(dim, bool) or dim <= 0):
        return {}, True
    return meta, False
