"""Writing a workspace atomically, as a folder or a ``.sbert`` archive (see the package docstring)."""

from __future__ import annotations

import contextlib
import csv
import datetime
import hashlib
import io
import json
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np

from sbert_desktop.core import faults
from sbert_desktop.core.atomic import atomic_dir, atomic_file
from sbert_desktop.core.errors import WorkspaceError
from sbert_desktop.core.workspace.load import embedded_data_path
from sbert_desktop.core.workspace.model import (
    ARCHIVE_SUFFIX, FOLDER_SUFFIX, MANIFEST, SCHEMA_VERSION, Workspace, _pairs_columns, validate,
)
from sbert_desktop.core.workspace.safety import CHECKSUM_FIELD, manifest_checksum, safe_copy_name


class _Hashing(io.RawIOBase):
    """A write-only stream that hashes and counts what passes through it."""

    def __init__(self, fh):
        self.fh, self.sha, self.size = fh, hashlib.sha256(), 0

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.fh.write(b)
        self.sha.update(b)
        n = memoryview(b).nbytes
        self.size += n
        return n


class _FolderWriter:
    def __init__(self, root: Path):
        self.root = root

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[Any]:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            yield fh


class _ZipWriter:
    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[Any]:
        with self.zf.open(name, "w", force_zip64=True) as fh:
            yield fh


def _json_default(obj: Any) -> Any:
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, Path):
        return str(obj)
    raise TypeError(f"{type(obj).__name__} is not JSON-serializable")


def _history_csv(history: list[dict[str, Any]]) -> str:
    keys: list[str] = []
    for row in history:
        keys += [k for k in row if k not in keys]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    for row in history:
        writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in keys})
    return buf.getvalue()


def _archive_path(path: Path) -> bool:
    return path.suffix.lower() == ARCHIVE_SUFFIX


def save_workspace(path: str | Path, ws: Workspace, *, embed_data: bool = False) -> Path:
    """Write ``ws`` atomically to ``path`` (``.sbert``: one archive; otherwise a ``.sbertws`` folder).

    ``embed_data`` stores a copy of the data file (checked against ``ws.data["sha256"]``). Returns
    the path written. A crash at any moment leaves the previous workspace or the new one, whole.
    """
    path = Path(path)
    if path.suffix.lower() not in (FOLDER_SUFFIX, ARCHIVE_SUFFIX):
        path = path.with_name(path.name + FOLDER_SUFFIX)
    validate(ws)
    if _archive_path(path):
        with atomic_file(path, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
            _write_parts(_ZipWriter(zf), ws, path, embed_data)
    else:
        with atomic_dir(path) as tmp:
            _write_parts(_FolderWriter(tmp), ws, path, embed_data)
    return path


def _write_parts(writer: Any, ws: Workspace, target: Path, embed_data: bool) -> None:
    files: dict[str, dict[str, Any]] = {}

    @contextlib.contextmanager
    def entry(name: str) -> Iterator[_Hashing]:
        with writer.open(name) as fh:
            h = _Hashing(fh)
            yield h
        files[name] = {"sha256": h.sha.hexdigest(), "bytes": h.size}

    def array(name: str, arr: np.ndarray, dtype: Any = None) -> dict[str, Any]:
        arr = np.ascontiguousarray(arr, dtype=dtype)
        with entry(name) as fh:
            np.lib.format.write_array(fh, arr, allow_pickle=False)
        return {"file": name, "shape": list(arr.shape), "dtype": str(arr.dtype)}

    def table(name: str, columns: dict[str, np.ndarray]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        with entry(name) as fh:
            pq.write_table(pa.table({k: pa.array(v) for k, v in columns.items()}), fh)

    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "app_version": _app_version(),
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "data": dict(ws.data),
        "models": dict(ws.models),
        "sentences": None, "embeddings": None, "clusters": None, "projection": None,
        "pairs": [], "selections": {}, "extras": {}, "runs": [], "pages": ws.pages,
    }
    data = doc["data"]
    data.pop("embedded_copy", None)
    if data.get("path"):
        with contextlib.suppress(ValueError):
            data["relative"] = os.path.relpath(data["path"], target.resolve().parent)
    if embed_data:
        _embed_copy(entry, ws, data)
    if ws.sentences is not None:
        table("sentences.parquet", {"sentence": np.asarray(ws.sentences, dtype=object)})
        doc["sentences"] = {"file": "sentences.parquet", "count": len(ws.sentences)}
    if ws.embeddings is not None:
        doc["embeddings"] = {**ws.embeddings_info, **array("arrays/embeddings.npy", ws.embeddings, np.float32)}
    if ws.labels is not None or ws.clusters:
        clusters = dict(ws.clusters)
        clusters["names"] = {str(k): v for k, v in dict(clusters.get("names") or {}).items()}
        clusters["labels"] = None if ws.labels is None else array("arrays/labels.npy", ws.labels, np.int64)
        doc["clusters"] = clusters
    if ws.coords is not None or ws.projection:
        projection = dict(ws.projection)
        projection["coords"] = None if ws.coords is None else array("arrays/coords.npy", ws.coords, np.float32)
        doc["projection"] = projection
    for i, (name, tab) in enumerate(ws.pairs.items()):
        columns = _pairs_columns(tab)
        table(f"pairs/{i}.parquet", columns)
        rows = len(next(iter(columns.values()))) if columns else 0
        doc["pairs"].append({"name": name, "file": f"pairs/{i}.parquet", "rows": rows, "columns": list(columns)})
    for i, (name, idx) in enumerate(ws.selections.items()):
        doc["selections"][name] = array(f"selections/{i}.npy", np.asarray(idx), np.int64)
    for i, (name, arr) in enumerate(ws.extras.items()):
        doc["extras"][name] = array(f"arrays/extra-{i}.npy", np.asarray(arr))
    for i, run in enumerate(ws.runs):
        run = dict(run)
        history = run.pop("history", None) or []
        with entry(f"runs/{i}.csv") as fh:
            fh.write(_history_csv(history).encode("utf-8"))
        run["history"] = f"runs/{i}.csv"
        doc["runs"].append(run)
    doc["files"] = files
    try:
        plain = json.loads(json.dumps(doc, default=_json_default, allow_nan=True))
        plain[CHECKSUM_FIELD] = manifest_checksum(plain)
        text = json.dumps(plain, indent=2, ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError) as exc:
        raise WorkspaceError(f"{target}: cannot save: {exc}") from None
    faults.boundary("workspace.manifest")
    with writer.open(MANIFEST) as fh:
        fh.write(text.encode("utf-8"))


def _embed_copy(entry: Callable, ws: Workspace, data: dict[str, Any]) -> None:
    src = Path(data.get("path", ""))
    if not src.is_file() and ws.data.get("embedded_copy") and ws.source is not None:
        src = embedded_data_path(ws) or src
    if not src.is_file():
        raise WorkspaceError(f"cannot embed the data file: {data.get('path')} not found")
    name = f"data/{safe_copy_name(Path(data['path']).name)}"
    with entry(name) as fh, open(src, "rb") as inp:
        shutil.copyfileobj(inp, fh, 1 << 22)
        digest = fh.sha.hexdigest()
    if data.get("sha256") and digest != data["sha256"]:
        raise WorkspaceError(f"cannot embed the data file: {src} changed since it was opened")
    data["embedded_copy"] = name


def _app_version() -> str:
    from sbert_desktop import __version__

    return __version__
