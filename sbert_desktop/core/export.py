"""Export exploration results as CSV or Parquet, each with a manifest JSON beside it.

Every ``export_*`` function writes ``FILE`` atomically (temporary file, then rename) and then
``FILE.manifest.json`` with: kind, format, encoding, row count, columns, the model (name, source,
pooling, max length, normalisation), seeds, clustering and projection parameters, the app version
and the creation time. Rows are written in chunks, so a top-k table of any corpus size streams to
disk. The format follows the suffix (``.csv``, ``.tsv``, ``.parquet``/``.pq``; ``.npy`` for
embeddings and the full matrix). ``encoding="utf-8-sig"`` writes a BOM so Excel shows Korean.
"""

from __future__ import annotations

import contextlib
import csv
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Sequence

import numpy as np

from sbert_desktop.core.errors import ExportError
from sbert_desktop.core.progress import CancelToken, ProgressCallback, ProgressReporter, check

SCHEMA_VERSION = 1
#: the full similarity matrix is refused above this many cells (5,000 x 5,000)
DEFAULT_MAX_MATRIX_CELLS = 25_000_000
FORMATS = {".csv": "csv", ".tsv": "tsv", ".parquet": "parquet", ".pq": "parquet", ".npy": "npy"}
ROWS_PER_CHUNK = 50_000


@dataclass
class Provenance:
    """What produced an exported result; copied into every manifest."""

    model: dict[str, Any] = field(default_factory=dict)  # name, source, pooling, max_seq_length, normalize
    cross_encoder: dict[str, Any] | None = None
    source_file: str | None = None
    seeds: dict[str, int] = field(default_factory=dict)
    clustering: dict[str, Any] | None = None
    projection: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_models(cls, bi_encoder: Any = None, cross_encoder: Any = None, **kwargs: Any) -> "Provenance":
        """Fill ``model``/``cross_encoder`` from ``BiEncoder.info()`` / ``CrossEncoder.info()``."""
        keep = ("name", "source", "architecture", "dimension", "pooling", "max_seq_length", "normalize", "num_labels",
                "modules", "dimensions", "prompt",  # dimensions: Matryoshka truncation; prompt: the text used
                "precision", "backend")  # fp32/int8, torch/onnx (core/models/runtime.py)
        model = {k: v for k, v in bi_encoder.info().items() if k in keep} if bi_encoder is not None else {}
        ce = {k: v for k, v in cross_encoder.info().items() if k in keep} if cross_encoder is not None else None
        return cls(model=model, cross_encoder=ce, **kwargs)


def sentences_digest(sentences: Sequence[str]) -> str:
    """sha256 of the sentences in order: what tells that a sentence file is the one (same texts, same
    order) a .npy was encoded from."""
    import hashlib

    digest = hashlib.sha256()
    for sentence in sentences:
        digest.update(sentence.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def read_manifest(path: str | Path) -> dict[str, Any] | None:
    """The manifest beside an exported file, or None (absent, unreadable, not an object)."""
    try:
        doc = json.loads(manifest_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def manifest_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".manifest.json")


def file_format(path: str | Path, allowed: Sequence[str] = ("csv", "tsv", "parquet")) -> str:
    fmt = FORMATS.get(Path(path).suffix.lower())
    if Path(path).is_dir():
        raise ExportError(f"{path}: is a folder; name the file to write in it ({', '.join('.' + a for a in allowed)})")
    if fmt not in allowed:
        raise ExportError(f"{path}: cannot export as {Path(path).suffix or 'a file without a suffix'}; "
                          f"use {', '.join('.' + a for a in allowed)}")
    return fmt


def write_manifest(path: str | Path, kind: str, rows: int, columns: Sequence[str],
                   provenance: Provenance | None, fmt: str, encoding: str | None,
                   summary: dict[str, Any] | None = None) -> Path:
    """Write ``FILE.manifest.json`` (atomically) and return its path."""
    from sbert_desktop import __version__
    from sbert_desktop.core.atomic import atomic_write_text

    prov = asdict(provenance or Provenance())
    doc = {
        "schema_version": SCHEMA_VERSION, "kind": kind, "file": Path(path).name, "format": fmt,
        "encoding": encoding if fmt in ("csv", "tsv") else None, "rows": int(rows), "columns": list(columns),
        **prov, "summary": summary or {}, "app_version": __version__,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    out = manifest_path(path)
    atomic_write_text(out, json.dumps(doc, ensure_ascii=False, indent=2, default=_json_default) + "\n")
    return out


def _json_default(obj: Any) -> Any:
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    return str(obj)


# --------------------------------------------------------------------------- streamed table writer


class TableWriter:
    """Append column chunks to a CSV/TSV/Parquet file opened by :func:`open_table`."""

    def __init__(self, fh: Any, fmt: str, columns: Sequence[tuple[str, str]]):
        self.fmt, self.columns, self.rows = fmt, list(columns), 0
        self.names = [name for name, _ in columns]
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            types = {"int": pa.int64(), "float": pa.float32(), "str": pa.string(), "bool": pa.bool_()}
            self.schema = pa.schema([(name, types[kind]) for name, kind in columns])
            self._pq = pq.ParquetWriter(fh, self.schema, compression="zstd")
        else:
            self._csv = csv.writer(fh, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
            self._csv.writerow(self.names)

    def write(self, chunk: dict[str, Sequence[Any] | np.ndarray]) -> None:
        n = len(chunk[self.names[0]])
        if n == 0:
            return
        if self.fmt == "parquet":
            import pyarrow as pa

            arrays = [pa.array(np.asarray(chunk[name]) if kind != "str" else list(chunk[name]),
                               type=self.schema.field(name).type) for name, kind in self.columns]
            self._pq.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
        else:
            cols = [_text_column(chunk[name], kind) for name, kind in self.columns]
            self._csv.writerows(zip(*cols))
        self.rows += n

    def close(self) -> None:
        if self.fmt == "parquet":
            self._pq.close()


def _text_column(values: Sequence[Any] | np.ndarray, kind: str) -> list[Any]:
    if kind == "float":
        return [f"{v:.6g}" for v in np.asarray(values, np.float64).tolist()]
    if kind in ("int", "bool"):
        return np.asarray(values).tolist()
    return list(values)


@contextlib.contextmanager
def open_table(path: str | Path, columns: Sequence[tuple[str, str]], encoding: str = "utf-8") -> Iterator[TableWriter]:
    """Atomically write a table: ``columns`` are ``(name, "int"|"float"|"str"|"bool")``."""
    from sbert_desktop.core.atomic import atomic_file

    fmt = file_format(path)
    if fmt == "parquet":
        with atomic_file(path, "wb") as fh:
            writer = TableWriter(fh, fmt, columns)
            try:
                yield writer
            finally:
                writer.close()
    else:
        with atomic_file(path, "w", encoding=encoding) as fh:
            yield TableWriter(fh, fmt, columns)


def _finish(path: Path, writer: TableWriter, kind: str, provenance: Provenance | None, encoding: str,
            summary: dict[str, Any] | None = None) -> Path:
    write_manifest(path, kind, writer.rows, writer.names, provenance, writer.fmt, encoding, summary)
    return path


def _chunks(n: int, size: int = ROWS_PER_CHUNK) -> Iterator[slice]:
    for start in range(0, n, size):
        yield slice(start, min(n, start + size))


def _pick(sentences: Sequence[str], idx: np.ndarray) -> list[str]:
    return [sentences[i] if i >= 0 else "" for i in idx.tolist()]


# --------------------------------------------------------------------------- exports


def source_row_array(source_rows: Sequence[int] | None, n: int) -> np.ndarray | None:
    """``source_rows`` (the source file's 1-based line, or sheet row, of each of ``n`` sentences) as
    int64, or None. A length other than ``n`` raises: a shifted ``row`` column would send each result
    back to the wrong line of the user's file."""
    if source_rows is None:
        return None
    rows = np.asarray(source_rows, np.int64)
    if rows.shape != (n,):
        raise ValueError(f"{rows.size:,} source rows for {n:,} sentences")
    return rows


def _index_columns(rows: np.ndarray | None) -> list[tuple[str, str]]:
    return [("index", "int")] + ([("row", "int")] if rows is not None else [])


class SourceColumns:
    """The source file's other columns (``{name: value per sentence}``), written after a table's own
    columns as text; a name the table already uses gets ``source_`` before it."""

    def __init__(self, columns: dict[str, Sequence[Any]] | None, taken: Sequence[tuple[str, str]], n: int):
        self.columns: dict[str, Sequence[Any]] = {}
        names = {name for name, _ in taken}
        for name, values in (columns or {}).items():
            if len(values) != n:
                raise ValueError(f"source column {name!r} has {len(values):,} values for {n:,} sentences")
            while name in names:
                name = f"source_{name}"
            names.add(name)
            self.columns[name] = values

    def specs(self) -> list[tuple[str, str]]:
        return [(name, "str") for name in self.columns]

    def add(self, chunk: dict[str, Any], at: Any) -> dict[str, Any]:
        """``chunk`` with the values of the sentences ``at`` (a slice or row numbers)."""
        for name, values in self.columns.items():
            picked = values[at] if isinstance(at, slice) else [values[i] for i in np.asarray(at).tolist()]
            chunk[name] = [None if _missing(v) else str(v) for v in picked]
        return chunk


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _with_rows(chunk: dict[str, Any], rows: np.ndarray | None, at: Any, name: str = "row") -> dict[str, Any]:
    if rows is not None:
        chunk[name] = rows[at]
    return chunk


def export_pairs(path: str | Path, pairs: Any, sentences: Sequence[str], provenance: Provenance | None = None,
                 encoding: str = "utf-8", extra_columns: dict[str, np.ndarray] | None = None,
                 score_name: str = "score", source_rows: Sequence[int] | None = None) -> Path:
    """A :class:`~sbert_desktop.core.similarity.PairTable`: rank, index1, index2 (into ``sentences``),
    (row1, row2: ``source_rows`` of each sentence, the line or row of the source file), sentence1,
    sentence2, the score (named ``score_name``, e.g. "bi_cosine" as the window calls it), plus
    ``extra_columns`` (float, e.g. ``{"cross_score": ...}``) in pair order."""
    path = Path(path)
    extra = extra_columns or {}
    rows = source_row_array(source_rows, len(sentences))
    columns = ([("rank", "int"), ("index1", "int"), ("index2", "int")]
               + ([("row1", "int"), ("row2", "int")] if rows is not None else [])
               + [("sentence1", "str"), ("sentence2", "str"), (score_name, "float")] + [(name, "float") for name in extra])
    with open_table(path, columns, encoding) as w:
        for sl in _chunks(len(pairs)):
            chunk = {"rank": np.arange(sl.start, sl.stop) + 1, "index1": pairs.first[sl], "index2": pairs.second[sl],
                     "sentence1": _pick(sentences, pairs.first[sl]), "sentence2": _pick(sentences, pairs.second[sl]),
                     score_name: pairs.scores[sl], **{k: np.asarray(v)[sl] for k, v in extra.items()}}
            w.write(_with_rows(_with_rows(chunk, rows, pairs.first[sl], "row1"), rows, pairs.second[sl], "row2"))
    return _finish(path, w, "pairs", provenance, encoding, {"pairs": len(pairs)})


def export_topk(path: str | Path, emb: np.ndarray, sentences: Sequence[str], top_k: int = 10,
                chunk_size: int = 4096, provenance: Provenance | None = None, encoding: str = "utf-8",
                progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                cross_encoder: Any = None, score_name: str = "score", source_rows: Sequence[int] | None = None) -> Path:
    """The ``top_k`` nearest other sentences of every sentence, computed and written chunk by chunk:
    index (row: its ``source_rows`` line), sentence, rank (1 = nearest), neighbor_index (neighbor_row),
    neighbor, score (named ``score_name``), and ``cross_score`` when a ``cross_encoder`` is given (each
    pair scored by it)."""
    from sbert_desktop.core.similarity import iter_nearest_neighbors

    path = Path(path)
    rows_of = source_row_array(source_rows, len(sentences))
    columns = (_index_columns(rows_of) + [("sentence", "str"), ("rank", "int"), ("neighbor_index", "int")]
               + ([("neighbor_row", "int")] if rows_of is not None else [])
               + [("neighbor", "str"), (score_name, "float")] + ([("cross_score", "float")] if cross_encoder else []))
    with open_table(path, columns, encoding) as w:
        for start, idx, scores in iter_nearest_neighbors(emb, top_k, chunk_size, progress, cancel):
            rows, k = idx.shape
            keep = (idx >= 0).reshape(-1)
            query = np.repeat(np.arange(start, start + rows), k)[keep]
            neighbor = idx.reshape(-1)[keep]
            chunk = {"index": query, "sentence": _pick(sentences, query),
                     "rank": np.tile(np.arange(1, k + 1), rows)[keep], "neighbor_index": neighbor,
                     "neighbor": _pick(sentences, neighbor), score_name: scores.reshape(-1)[keep]}
            if cross_encoder is not None:
                from sbert_desktop.core.rerank import cross_encoder_scores

                chunk["cross_score"] = cross_encoder_scores(
                    cross_encoder, list(zip(chunk["sentence"], chunk["neighbor"])), cancel=cancel)
            w.write(_with_rows(_with_rows(chunk, rows_of, query), rows_of, neighbor, "neighbor_row"))
    return _finish(path, w, "top_k", provenance, encoding, {"top_k": top_k})


def export_matrix(path: str | Path, emb: np.ndarray, sentences: Sequence[str] | None = None,
                  max_cells: int = DEFAULT_MAX_MATRIX_CELLS, provenance: Provenance | None = None,
                  encoding: str = "utf-8", progress: ProgressCallback | None = None,
                  cancel: CancelToken | None = None) -> Path:
    """The full n x n cosine matrix (``.npy``, or a table with a ``sentence`` column and one column
    per sentence index). Refused with :class:`ExportError` above ``max_cells`` cells."""
    from sbert_desktop.core.similarity import normalize
    from sbert_desktop.core.units import format_bytes

    path = Path(path)
    fmt = file_format(path, ("csv", "tsv", "parquet", "npy"))
    n = int(np.asarray(emb).shape[0])
    if n * n > max_cells:
        raise ExportError(
            f"{path}: the full similarity matrix of {n:,} sentences has {n * n:,} cells "
            f"({format_bytes(n * n * 4)} as float32, several times that as text); the limit is {max_cells:,} "
            "cells. Export the top-k nearest neighbours instead."
        )
    unit = normalize(emb) if n else np.zeros((0, 0), np.float32)
    report = ProgressReporter(progress, n, "similarity matrix")
    if fmt == "npy":
        from sbert_desktop.core.atomic import atomic_file

        with atomic_file(path, "wb") as fh:
            np.save(fh, unit @ unit.T, allow_pickle=False)
        write_manifest(path, "similarity_matrix", n, [], provenance, fmt, None, {"shape": [n, n]})
        return path
    columns = [("sentence", "str")] + [(str(j), "float") for j in range(n)]
    with open_table(path, columns, encoding) as w:
        for sl in _chunks(n, 512):
            check(cancel)
            block = unit[sl] @ unit.T
            chunk: dict[str, Any] = {"sentence": list(sentences[sl]) if sentences is not None
                                     else [str(i) for i in range(sl.start, sl.stop)]}
            chunk.update({str(j): block[:, j] for j in range(n)})
            w.write(chunk)
            report(sl.stop)
    return _finish(path, w, "similarity_matrix", provenance, encoding, {"shape": [n, n]})


def export_clusters(path: str | Path, sentences: Sequence[str], result: Any,
                    label_names: dict[int, str] | None = None, coords: np.ndarray | None = None,
                    provenance: Provenance | None = None, encoding: str = "utf-8",
                    source_rows: Sequence[int] | None = None,
                    source_columns: dict[str, Sequence[Any]] | None = None) -> Path:
    """One row per sentence: index, row (its ``source_rows`` line or sheet row, when given), sentence,
    cluster, cluster_label, was_noise (+ x, y when ``coords`` are given), then the file's other
    columns (``source_columns``, see :class:`SourceColumns`). ``result`` is a
    :class:`~sbert_desktop.core.clustering.ClusterResult`."""
    path = Path(path)
    labels = np.asarray(result.labels)
    rows = source_row_array(source_rows, len(labels))
    names = label_names or {}
    was_noise = result.was_noise if result.was_noise is not None else np.zeros(len(labels), bool)
    columns = _index_columns(rows) + [("sentence", "str"), ("cluster", "int"), ("cluster_label", "str"),
                                      ("was_noise", "bool")]
    if coords is not None:
        columns += [(axis, "float") for axis in ("x", "y", "z")[: coords.shape[1]]]
    extra = SourceColumns(source_columns, columns, len(labels))
    columns += extra.specs()
    prov = provenance or Provenance()
    if prov.clustering is None:
        prov = Provenance(**{**asdict(prov), "clustering": dict(result.params)})
    with open_table(path, columns, encoding) as w:
        for sl in _chunks(len(labels)):
            chunk: dict[str, Any] = {"index": np.arange(sl.start, sl.stop), "sentence": list(sentences[sl]),
                                     "cluster": labels[sl], "was_noise": was_noise[sl],
                                     "cluster_label": [names.get(int(c), "noise" if c < 0 else "") for c in labels[sl]]}
            if coords is not None:
                chunk.update({axis: coords[sl, d] for d, axis in enumerate(("x", "y", "z")[: coords.shape[1]])})
            w.write(extra.add(_with_rows(chunk, rows, sl), sl))
    summary = {"n_clusters": result.n_clusters, "noise_fraction": result.noise_fraction,
               "silhouette": result.silhouette, "sizes": {str(k): v for k, v in result.sizes.items()},
               "labels": {str(k): v for k, v in names.items()}}
    return _finish(path, w, "clusters", prov, encoding, summary)


def export_coordinates(path: str | Path, coords: np.ndarray, sentences: Sequence[str],
                       labels: np.ndarray | None = None, provenance: Provenance | None = None,
                       encoding: str = "utf-8", names: dict[int, str] | None = None,
                       source_rows: Sequence[int] | None = None,
                       source_columns: dict[str, Sequence[Any]] | None = None) -> Path:
    """One row per sentence: index, row (its ``source_rows`` line, when given), sentence, x, y (, z)
    (, cluster, and cluster_label when ``names`` are given: the names the window shows), then the
    file's other columns (``source_columns``, see :class:`SourceColumns`)."""
    path = Path(path)
    coords = np.asarray(coords, np.float32)
    rows = source_row_array(source_rows, len(coords))
    axes = ("x", "y", "z")[: coords.shape[1]] if coords.shape[1] <= 3 else tuple(f"c{d}" for d in range(coords.shape[1]))
    columns = _index_columns(rows) + [("sentence", "str")] + [(a, "float") for a in axes]
    if labels is not None:
        columns.append(("cluster", "int"))
        if names is not None:
            columns.append(("cluster_label", "str"))
    extra = SourceColumns(source_columns, columns, len(coords))
    columns += extra.specs()
    with open_table(path, columns, encoding) as w:
        for sl in _chunks(len(coords)):
            chunk: dict[str, Any] = {"index": np.arange(sl.start, sl.stop), "sentence": list(sentences[sl]),
                                     **{a: coords[sl, d] for d, a in enumerate(axes)}}
            if labels is not None:
                chunk["cluster"] = np.asarray(labels)[sl]
                if names is not None:
                    chunk["cluster_label"] = [names.get(int(c), "noise" if c < 0 else "") for c in chunk["cluster"]]
            w.write(extra.add(_with_rows(chunk, rows, sl), sl))
    return _finish(path, w, "coordinates", provenance, encoding)


def export_embeddings(path: str | Path, emb: np.ndarray, sentences: Sequence[str] | None = None,
                      provenance: Provenance | None = None, encoding: str = "utf-8",
                      source_rows: Sequence[int] | None = None) -> Path:
    """Embeddings as ``.npy`` (float32 [n, dim]) or a table: index, row (its ``source_rows`` line, when
    given), sentence, e0 .. e{dim-1}."""
    path = Path(path)
    emb = np.asarray(emb, np.float32)
    rows = source_row_array(source_rows, len(emb))
    fmt = file_format(path, ("csv", "tsv", "parquet", "npy"))
    if fmt == "npy":
        from sbert_desktop.core.atomic import atomic_file

        with atomic_file(path, "wb") as fh:
            np.save(fh, emb, allow_pickle=False)
        write_manifest(path, "embeddings", len(emb), [], provenance, fmt, None, {"shape": list(emb.shape)})
        return path
    dims = [f"e{d}" for d in range(emb.shape[1])]
    columns = _index_columns(rows) + [("sentence", "str")] + [(d, "float") for d in dims]
    with open_table(path, columns, encoding) as w:
        for sl in _chunks(len(emb), 10_000):
            w.write(_with_rows({"index": np.arange(sl.start, sl.stop),
                                "sentence": list(sentences[sl]) if sentences is not None else [""] * (sl.stop - sl.start),
                                **{d: emb[sl, j] for j, d in enumerate(dims)}}, rows, sl))
    return _finish(path, w, "embeddings", provenance, encoding, {"shape": list(emb.shape)})


def export_search(path: str | Path, results: Sequence[Any], provenance: Provenance | None = None,
                  encoding: str = "utf-8", source_rows: Sequence[int] | None = None) -> Path:
    """:class:`~sbert_desktop.core.similarity.RerankResult` s, one row per (query, hit) in bi-encoder
    order: query, index, row (the hit's ``source_rows`` line, when given: one per corpus sentence),
    sentence, copies, bi_rank, bi_score, cross_rank, cross_score, move (ranks 1-based; cross columns
    empty without a cross-encoder; copies: the rows holding the hit's text when repeated texts were
    folded into one hit, else 1)."""
    path = Path(path)
    rows = None if source_rows is None else np.asarray(source_rows, np.int64)
    columns = [("query", "str")] + _index_columns(rows) + [("sentence", "str"), ("copies", "int"), ("bi_rank", "int"),
               ("bi_score", "float"),
               ("cross_rank", "float"), ("cross_score", "float"), ("move", "int")]
    nan = float("nan")
    with open_table(path, columns, encoding) as w:
        for res in results:
            hits = res.bi_ranking + [h for h in res.cross_ranking if h not in res.bi_ranking]
            index = np.asarray([h.index for h in hits], np.int64)
            w.write(_with_rows({"query": [res.query] * len(hits), "index": index,
                                "sentence": [h.sentence for h in hits], "copies": [h.copies for h in hits],
                                "bi_rank": [h.bi_rank + 1 for h in hits], "bi_score": [h.bi_score for h in hits],
                                "cross_rank": [nan if h.cross_rank is None else h.cross_rank + 1 for h in hits],
                                "cross_score": [nan if h.cross_score is None else h.cross_score for h in hits],
                                "move": [h.move for h in hits]}, rows, index))
    return _finish(path, w, "search", provenance, encoding, {"queries": [r.query for r in results]})
