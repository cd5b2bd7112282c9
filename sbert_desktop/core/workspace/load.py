"""Reading and checking a workspace; every problem is a :class:`WorkspaceError`, nothing half-read."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import stat
import zipfile
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from sbert_desktop.core.atomic import atomic_file, recover_dir
from sbert_desktop.core.errors import WorkspaceError
from sbert_desktop.core.workspace.migrations import migrate
from sbert_desktop.core.workspace.model import (
    ARCHIVE_SUFFIX, MANIFEST, SCHEMA_VERSION, Workspace, file_sha256, validate,
)
from sbert_desktop.core.workspace.safety import (
    MAX_MANIFEST_BYTES, check_manifest_checksum, check_member_size, check_table_size, embedded_copy_name,
    member_name, model_entries, sha256_hex,
)

CHUNK = 1 << 20


class _FolderReader:
    """Files of a ``.sbertws`` folder; a link anywhere on a member's path is refused, never followed."""

    def __init__(self, root: Path):
        self.root = root

    def _path(self, name: str) -> Path | None:
        path = self.root
        for part in name.split("/"):
            path = path / part
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                return None
            if stat.S_ISLNK(mode):
                raise WorkspaceError(f"{name} is a symbolic link; a workspace never holds links")
        return path if stat.S_ISREG(mode) else None

    def exists(self, name: str) -> bool:
        return self._path(name) is not None

    def size(self, name: str, expected: int | None = None) -> int:
        path = self._path(name)
        size = path.stat().st_size if path is not None else 0
        if expected is not None and size != expected:
            raise WorkspaceError(f"{name} has {size:,} bytes, {expected:,} expected (truncated or changed)")
        return size

    def read(self, name: str, expected: int | None = None) -> bytearray:
        size = self.size(name, expected)
        buf = bytearray(size)
        with open(self._path(name), "rb") as fh:  # type: ignore[arg-type]
            if fh.readinto(buf) != size:
                raise WorkspaceError(f"{name} changed while it was read")
        return buf

    def open(self, name: str):
        return open(self._path(name), "rb")  # type: ignore[arg-type]

    def close(self) -> None:
        pass


class _ZipReader:
    """Members of a ``.sbert`` archive; sizes are checked from the archive's directory before reading."""

    def __init__(self, path: Path):
        try:
            self.archive_bytes = path.stat().st_size
            self.zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise WorkspaceError(f"not a readable {ARCHIVE_SUFFIX} archive ({exc}); it may be truncated") from None
        self.names = set(self.zf.namelist())

    def exists(self, name: str) -> bool:
        return name in self.names

    def size(self, name: str, expected: int | None = None) -> int:
        info = self.zf.getinfo(name)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise WorkspaceError(f"{name} is a symbolic link; a workspace never holds links")
        check_member_size(name, info.file_size, info.compress_size, info.compress_type == zipfile.ZIP_STORED,
                          self.archive_bytes, expected)
        return info.file_size

    def read(self, name: str, expected: int | None = None) -> bytearray:
        size = self.size(name, expected)
        buf = bytearray(size)
        view = memoryview(buf)
        done = 0
        try:
            with self.zf.open(name) as fh:
                while True:
                    chunk = fh.read(min(CHUNK, size - done + 1))
                    if not chunk:
                        break
                    if done + len(chunk) > size:
                        raise WorkspaceError(f"{name} is larger than the archive's directory says; refused")
                    view[done: done + len(chunk)] = chunk
                    done += len(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile, ValueError) as exc:
            raise WorkspaceError(f"{name} cannot be read from the archive ({exc})") from None
        if done != size:
            raise WorkspaceError(f"{name} is truncated in the archive ({done:,} of {size:,} bytes)")
        return buf

    def open(self, name: str):
        return self.zf.open(name)

    def close(self) -> None:
        self.zf.close()


@contextlib.contextmanager
def _open_reader(path: Path) -> Iterator[Any]:
    recover_dir(path)  # a save killed between its two renames: the previous folder is put back
    if path.is_dir():
        reader: Any = _FolderReader(path)
    elif path.is_file():
        reader = _ZipReader(path)
    else:
        raise WorkspaceError("no such workspace")
    try:
        yield reader
    finally:
        reader.close()


def _npy(buf: bytearray, name: str) -> np.ndarray:
    """An array from .npy bytes without copying; refuses object arrays and truncated files."""
    fh = io.BytesIO(buf)
    try:
        version = np.lib.format.read_magic(fh)
        header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
        shape, fortran, dtype = header(fh)
    except (ValueError, EOFError) as exc:
        raise WorkspaceError(f"{name} is not a valid .npy file ({exc})") from None
    if dtype.hasobject:
        raise WorkspaceError(f"{name} holds Python objects, which a workspace never stores")
    count = int(np.prod(shape))
    offset = fh.tell()
    if len(buf) - offset < count * dtype.itemsize:
        raise WorkspaceError(f"{name} is truncated ({len(buf) - offset:,} of {count * dtype.itemsize:,} bytes)")
    arr = np.frombuffer(buf, dtype=dtype, count=count, offset=offset)
    return arr.reshape(shape, order="F" if fortran else "C")


def _parse_cell(text: str) -> Any:
    if text == "":
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


class _Loader:
    """Reads one workspace, checking each part as it goes; every problem is a WorkspaceError."""

    def __init__(self, reader: Any, verify: bool):
        self.reader, self.verify, self.files = reader, verify, {}

    def raw(self, name: str) -> bytearray:
        member_name(name)
        if not self.reader.exists(name):
            raise WorkspaceError(f"{name} is missing")
        expected = self.files.get(name)
        if expected is None:
            raise WorkspaceError(f"{name} is not listed in workspace.json's file table (the workspace was edited)")
        size = expected.get("bytes")
        if size is not None and (not isinstance(size, int) or isinstance(size, bool) or size < 0):
            raise WorkspaceError(f"workspace.json: invalid size for {name}: {size!r}")
        buf = self.reader.read(name, size)  # the size is checked before a byte is read
        if expected.get("bytes") is not None and len(buf) != expected["bytes"]:
            raise WorkspaceError(f"{name} has {len(buf):,} bytes, {expected['bytes']:,} expected "
                                 "(truncated or changed)")
        if self.verify and expected.get("sha256") and hashlib.sha256(buf).hexdigest() != expected["sha256"]:
            raise WorkspaceError(f"{name} does not match its checksum (the file was changed or damaged)")
        return buf

    def array(self, spec: Any, what: str, kind: str) -> np.ndarray:
        spec = _need(spec, dict, what)
        arr = _npy(self.raw(_need(spec.get("file"), str, f"{what}.file")), spec["file"])
        shape = spec.get("shape")
        if shape is not None and list(arr.shape) != list(shape):
            raise WorkspaceError(f"{spec['file']} has shape {tuple(arr.shape)}, workspace.json says {tuple(shape)}")
        ok = {"f": np.issubdtype(arr.dtype, np.floating), "i": np.issubdtype(arr.dtype, np.integer),
              "any": arr.dtype.kind in "biuf"}[kind]
        if not ok:
            raise WorkspaceError(f"{spec['file']} has dtype {arr.dtype}, expected {'floats' if kind == 'f' else 'integers'}")
        return arr

    def table(self, name: str) -> dict[str, np.ndarray]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        buf = self.raw(name)
        try:
            check_table_size(name, pq.ParquetFile(pa.BufferReader(buf)).metadata, len(buf))
            # One thread, no pre-buffering: the tables are small, and Arrow's thread pools left alive at
            # interpreter exit abort the process now and then ("terminate called without an active
            # exception", apache/arrow#34314) - seen once in CI after a workspace load.
            tab = pq.read_table(pa.BufferReader(buf), use_threads=False, pre_buffer=False)
        except (pa.ArrowException, OSError) as exc:
            raise WorkspaceError(f"{name} is not a readable Parquet table ({exc})") from None
        return {c: tab.column(c).to_numpy(zero_copy_only=False) for c in tab.column_names}


def _need(value: Any, kind: type | tuple, what: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise WorkspaceError(f"workspace.json: '{what}' must be {names.replace('dict', 'an object')}, "
                             f"got {type(value).__name__}")
    return value


def load_workspace(path: str | Path, *, verify: bool = True) -> Workspace:
    """Read and check the workspace at ``path`` (folder or ``.sbert`` archive).

    ``verify=False`` skips the per-file checksums (sizes and shapes are still checked).
    Raises :class:`WorkspaceError` ``"<path>: <what is wrong>"``; nothing is returned half-read.
    """
    path = Path(path)
    try:
        with _open_reader(path) as reader:
            return _load(reader, path, verify)
    except WorkspaceError as exc:
        raise WorkspaceError(f"{path}: {exc}") from None
    except MemoryError:
        raise
    except Exception as exc:  # anything unexpected in a damaged file is still a refusal, not a crash
        raise WorkspaceError(f"{path}: cannot be read ({type(exc).__name__}: {exc})") from exc


def _load(reader: Any, path: Path, verify: bool) -> Workspace:
    if not reader.exists(MANIFEST):
        raise WorkspaceError(f"not a workspace ({MANIFEST} is missing)")
    if reader.size(MANIFEST) > MAX_MANIFEST_BYTES:
        raise WorkspaceError(f"{MANIFEST} is larger than {MAX_MANIFEST_BYTES:,} bytes; refused")
    text = bytes(reader.read(MANIFEST))
    try:
        doc = json.loads(text.decode("utf-8"))
    except UnicodeDecodeError:
        raise WorkspaceError(f"{MANIFEST} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise WorkspaceError(f"{MANIFEST} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
                             "it may be truncated") from None
    _need(doc, dict, "(top level)")
    check_manifest_checksum(doc)
    original = doc.get("schema_version")
    doc = migrate(doc)
    loader = _Loader(reader, verify)
    files = _need(doc.get("files", {}), dict, "files")
    for name, spec in files.items():
        member_name(name)
        _need(spec, dict, f"files.{name}")
    loader.files = files

    ws = Workspace(schema_version=SCHEMA_VERSION, app_version=str(doc.get("app_version", "")),
                   created=str(doc.get("created", "")), source=path,
                   migrated_from=original if original != SCHEMA_VERSION else None)
    ws.data = _data_section(_need(doc.get("data") or {}, dict, "data"))
    if ws.data.get("embedded_copy"):
        _check_embedded(reader, loader, ws.data, verify)
    ws.models = dict(_need(doc.get("models") or {}, dict, "models"))
    model_entries(ws.models)
    ws.pages = dict(_need(doc.get("pages") or {}, dict, "pages"))

    sent = doc.get("sentences")
    if sent is not None:
        sent = _need(sent, dict, "sentences")
        column = loader.table(_need(sent.get("file"), str, "sentences.file")).get("sentence")
        if column is None:
            raise WorkspaceError(f"{sent['file']} has no 'sentence' column")
        ws.sentences = [str(s) for s in column.tolist()]
        if sent.get("count") is not None and sent["count"] != len(ws.sentences):
            raise WorkspaceError(f"{sent['file']} has {len(ws.sentences):,} sentences, "
                                 f"workspace.json says {sent['count']:,}")
    emb = doc.get("embeddings")
    if emb is not None:
        ws.embeddings = loader.array(emb, "embeddings", "f")
        ws.embeddings_info = {k: v for k, v in emb.items() if k not in ("file", "shape", "dtype")}
    clusters = doc.get("clusters")
    if clusters is not None:
        clusters = dict(_need(clusters, dict, "clusters"))
        labels = clusters.pop("labels", None)
        ws.labels = None if labels is None else loader.array(labels, "clusters.labels", "i")
        names = _need(clusters.get("names") or {}, dict, "clusters.names")
        clusters["names"] = {(int(k) if k.lstrip("-").isdigit() else k): v for k, v in names.items()}
        ws.clusters = clusters
    projection = doc.get("projection")
    if projection is not None:
        projection = dict(_need(projection, dict, "projection"))
        coords = projection.pop("coords", None)
        ws.coords = None if coords is None else loader.array(coords, "projection.coords", "f")
        ws.projection = projection
    for i, item in enumerate(_need(doc.get("pairs") or [], list, "pairs")):
        item = _need(item, dict, f"pairs[{i}]")
        name = _need(item.get("name"), str, f"pairs[{i}].name")
        ws.pairs[name] = loader.table(_need(item.get("file"), str, f"pairs[{i}].file"))
    for name, spec in _need(doc.get("selections") or {}, dict, "selections").items():
        ws.selections[name] = loader.array(spec, f"selections.{name}", "i")
    for name, spec in _need(doc.get("extras") or {}, dict, "extras").items():
        ws.extras[name] = loader.array(spec, f"extras.{name}", "any")
    for i, run in enumerate(_need(doc.get("runs") or [], list, "runs")):
        run = dict(_need(run, dict, f"runs[{i}]"))
        if run.get("out_dir") is not None:
            _need(run["out_dir"], str, f"runs[{i}].out_dir")
        hist = run.get("history")
        if hist is not None:
            text = bytes(loader.raw(_need(hist, str, f"runs[{i}].history"))).decode("utf-8")
            run["history"] = [{k: _parse_cell(v) for k, v in row.items()} for row in csv.DictReader(io.StringIO(text))]
        else:
            run["history"] = []
        ws.runs.append(run)
    validate(ws)
    return ws


def is_workspace(path: str | Path) -> bool:
    """Whether ``path`` looks like a workspace (by name and manifest; nothing is verified)."""
    path = Path(path)
    if path.is_dir():
        return (path / MANIFEST).is_file()
    return path.is_file() and path.suffix.lower() == ARCHIVE_SUFFIX and zipfile.is_zipfile(path)


def _data_section(data: dict[str, Any]) -> dict[str, Any]:
    """The ``data`` entry, every value that can become a path or a name checked."""
    data = dict(data)
    for key in ("path", "relative", "column", "format", "kind", "sheet"):
        if data.get(key) is not None:
            _need(data[key], str, f"data.{key}")
    if data.get("sha256") is not None:
        sha256_hex(data["sha256"])
    if data.get("size") is not None:
        _need(data["size"], int, "data.size")
    if data.get("embedded_copy"):
        embedded_copy_name(data["embedded_copy"])
        if data.get("sha256") is None:
            raise WorkspaceError("workspace.json: an embedded data copy needs data.sha256")
    return data


def _check_embedded(reader: Any, loader: _Loader, data: dict[str, Any], verify: bool) -> None:
    """The embedded copy exists, has its listed size and (``verify``) its checksum, read in chunks."""
    name = data["embedded_copy"]
    if not reader.exists(name):
        raise WorkspaceError(f"{name} (the embedded data copy) is missing")
    spec = loader.files.get(name)
    if spec is None:
        raise WorkspaceError(f"{name} is not listed in workspace.json's file table (the workspace was edited)")
    reader.size(name, spec.get("bytes"))
    if verify:
        sha = hashlib.sha256()
        with reader.open(name) as fh:
            for chunk in iter(lambda: fh.read(CHUNK), b""):
                sha.update(chunk)
        digest = sha.hexdigest()
        if (spec.get("sha256") and digest != spec["sha256"]) or digest != data["sha256"]:
            raise WorkspaceError(f"{name} does not match its checksum (the file was changed or damaged)")


def embedded_data_path(ws: Workspace, dest_dir: str | Path | None = None) -> Path | None:
    """A readable path of the data copy saved inside the workspace (extracted from an archive into
    ``dest_dir``, default ``cache_dir()/workspace-data/<sha256>``), or None when none was saved.

    Every name comes from :mod:`.safety` checks: the folder is the validated checksum, the file its
    plain name, and the bytes are streamed to disk and must match the checksum before they stay."""
    name = ws.data.get("embedded_copy")
    if not name or ws.source is None:
        return None
    name = embedded_copy_name(name)
    sha = sha256_hex(ws.data.get("sha256"))
    if ws.source.is_dir():
        reader = _FolderReader(ws.source)
        if not reader.exists(name):
            raise WorkspaceError(f"{ws.source}: {name} (the embedded data copy) is missing")
        return ws.source / name
    if dest_dir is None:
        from sbert_desktop.core.paths import cache_dir

        dest_dir = cache_dir() / "workspace-data" / sha
    dest_dir = Path(dest_dir)
    target = dest_dir / name.split("/", 1)[1]
    if target.resolve().parent != dest_dir.resolve():
        raise WorkspaceError(f"{ws.source}: invalid embedded data copy name {name!r}")
    if target.is_file() and not target.is_symlink() and file_sha256(target) == sha:
        return target
    with _open_reader(ws.source) as reader:
        spec = {}
        with contextlib.suppress(Exception):
            spec = json.loads(bytes(reader.read(MANIFEST))).get("files", {}).get(name) or {}
        reader.size(name, spec.get("bytes") if isinstance(spec, dict) else None)
        digest = hashlib.sha256()
        with atomic_file(target, "wb") as out, reader.open(name) as inp:
            for chunk in iter(lambda: inp.read(CHUNK), b""):
                digest.update(chunk)
                out.write(chunk)
            if digest.hexdigest() != sha:
                raise WorkspaceError(f"{ws.source}: {name} does not match its checksum; nothing was extracted")
    return target
