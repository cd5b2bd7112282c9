"""The :class:`Workspace` record, its consistency check, and the data file it points at."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from sbert_desktop.core.errors import WorkspaceError

SCHEMA_VERSION = 2
FOLDER_SUFFIX = ".sbertws"
ARCHIVE_SUFFIX = ".sbert"
MANIFEST = "workspace.json"


@dataclass
class Workspace:
    """Everything that defines an analysis. Arrays are numpy; everything else is JSON-able.

    ``data``: ``path``, ``sha256``, ``size``, ``column``, ``format``, ``kind`` (see :func:`describe_data`);
    after loading, ``embedded_copy`` names the copy inside the workspace, if one was saved.
    ``models``: ``{"bi": {source, pooling, max_seq_length, normalize, fingerprint}, "cross": {...},
    "active": "bi"}``. ``clusters``: ``{"params": {...}, "names": {label: name}}`` with ``labels``
    int [n]. ``projection``: ``{"method", "params"}`` with ``coords`` float32 [n, k].
    ``pairs``: name -> {column: 1-D array}. ``selections``: name -> int row indices.
    ``extras``: name -> any numeric array a page needs again (e.g. HDBSCAN's noise mask).
    ``runs``: dicts (``out_dir``, ``name``, ``config``, ...) each with ``history``: a list of row dicts.
    ``pages``: free-form JSON state of the window's pages.
    """

    data: dict[str, Any] = field(default_factory=dict)
    models: dict[str, Any] = field(default_factory=dict)
    sentences: list[str] | None = None
    embeddings: np.ndarray | None = None
    embeddings_info: dict[str, Any] = field(default_factory=dict)  # fingerprint, model name, ...
    clusters: dict[str, Any] = field(default_factory=dict)
    labels: np.ndarray | None = None
    projection: dict[str, Any] = field(default_factory=dict)
    coords: np.ndarray | None = None
    pairs: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)
    selections: dict[str, np.ndarray] = field(default_factory=dict)
    extras: dict[str, np.ndarray] = field(default_factory=dict)
    runs: list[dict[str, Any]] = field(default_factory=list)
    pages: dict[str, Any] = field(default_factory=dict)
    # set by load_workspace / save_workspace
    schema_version: int = SCHEMA_VERSION
    app_version: str = ""
    created: str = ""
    source: Path | None = None
    migrated_from: int | None = None

    @property
    def n_rows(self) -> int | None:
        """Rows the per-sentence arrays must have (sentences, else embeddings, labels or coords)."""
        if self.sentences is not None:
            return len(self.sentences)
        for arr in (self.embeddings, self.labels, self.coords):
            if arr is not None:
                return int(arr.shape[0])
        return None


def file_sha256(path: str | Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def describe_data(path: str | Path, *, column: str | None = None, format: str | None = None,
                  kind: str = "sentences", sheet: str | None = None) -> dict[str, Any]:
    """The ``data`` entry of a workspace for the file at ``path`` (its checksum included; ``sheet``:
    the sheet of a workbook that was read)."""
    path = Path(path).resolve()
    return {"path": str(path), "sha256": file_sha256(path), "size": path.stat().st_size, "column": column,
            "format": format, "kind": kind, "sheet": sheet}


def check_data(ws: Workspace, path: str | Path | None = None) -> str:
    """``"ok"`` (same bytes as when saved), ``"changed"`` or ``"missing"``."""
    path = Path(path if path is not None else ws.data.get("path", ""))
    if not ws.data.get("path") and path == Path(""):
        return "missing"
    if not path.is_file():
        return "missing"
    size = ws.data.get("size")
    if size is not None and path.stat().st_size != size:
        return "changed"
    return "ok" if file_sha256(path) == ws.data.get("sha256") else "changed"


def locate_data(ws: Workspace, search_dirs: Iterable[str | Path] = ()) -> Path | None:
    """The data file with the saved checksum: at its saved path, at the same place relative to the
    workspace, beside the workspace, or by name in ``search_dirs`` (a folder the user picked)."""
    if not ws.data.get("path"):
        return None
    saved = Path(ws.data["path"])
    candidates = [saved]
    if ws.source is not None:
        base = ws.source.parent
        if ws.data.get("relative"):
            candidates.append(base / ws.data["relative"])
        candidates.append(base / saved.name)
    candidates += [Path(d) / saved.name for d in search_dirs]
    seen = set()
    for cand in candidates:
        key = os.path.normcase(os.path.abspath(cand))
        if key in seen:
            continue
        seen.add(key)
        if check_data(ws, cand) == "ok":
            return cand
    return None


def _pairs_columns(table: Any) -> dict[str, np.ndarray]:
    """A pair table as columns: a dict of arrays, or any object with ``first``/``second``/``scores``."""
    if isinstance(table, dict):
        return {str(k): np.asarray(v) for k, v in table.items()}
    return {k: np.asarray(getattr(table, k)) for k in ("first", "second", "scores")}


def _check_rows(where: str, arr: np.ndarray, n: int | None, ndim: int) -> None:
    if arr.ndim != ndim:
        raise WorkspaceError(f"{where} must have {ndim} dimension(s), got shape {tuple(arr.shape)}")
    if n is not None and arr.shape[0] != n:
        raise WorkspaceError(f"{where} has {arr.shape[0]:,} rows but the workspace has {n:,} sentences")


def validate(ws: Workspace) -> None:
    """Raise :class:`WorkspaceError` if the parts of ``ws`` do not fit together."""
    n = ws.n_rows
    if ws.embeddings is not None:
        _check_rows("embeddings", ws.embeddings, n, 2)
    if ws.labels is not None:
        _check_rows("cluster labels", ws.labels, n, 1)
        if not np.issubdtype(ws.labels.dtype, np.integer):
            raise WorkspaceError(f"cluster labels must be integers, got {ws.labels.dtype}")
    if ws.coords is not None:
        _check_rows("2D coordinates", ws.coords, n, 2)
    for name, idx in ws.selections.items():
        idx = np.asarray(idx)
        if idx.ndim != 1 or (idx.size and not np.issubdtype(idx.dtype, np.integer)):
            raise WorkspaceError(f"selection {name!r} must be a list of row numbers")
        if idx.size and n is not None and (idx.min() < 0 or idx.max() >= n):
            raise WorkspaceError(f"selection {name!r} has row numbers outside 0..{n - 1}")
    for name, table in ws.pairs.items():
        lengths = {len(v) for v in _pairs_columns(table).values()}
        if len(lengths) > 1:
            raise WorkspaceError(f"pair table {name!r} has columns of different lengths")
