"""A JSON-able summary of a sentence file or pair data set, for ``sbert-desktop inspect`` and the GUI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from sbert_desktop.core.data.formats import PAIR_FORMAT_NAMES, detect_pair_format
from sbert_desktop.core.data.pairs import PairDataset, read_pairs
from sbert_desktop.core.data.sentences import SENTENCE_FORMATS, SentenceFile, read_sentences
from sbert_desktop.core.data.tables import DELIMITER_NAMES
from sbert_desktop.core.errors import DataError

SCHEMA_VERSION = 1
HISTOGRAM_BINS = 6


def how_read(fmt: str, encoding: str | None, delimiter: str | None, sheet: str | None, gzipped: bool = False) -> str:
    """How a file was read, in words: "csv, utf-8, semicolon-separated" / "xlsx, sheet 'Reviews'" /
    "tsv in gzip, utf-8"."""
    parts = [fmt + (" in gzip" if gzipped else "")] + ([encoding] if encoding else [])
    if delimiter is not None and (delimiter != "\t" or fmt in ("csv", "generic")):  # tsv, STS-B, SNLI...: tabs go unsaid
        parts.append(f"{DELIMITER_NAMES.get(delimiter, repr(delimiter))}-separated")
    if sheet is not None:
        parts.append(f"sheet {sheet!r}")
    return ", ".join(parts)


def inspect_file(path: str | Path, format: str | None = None, column: str | None = None,
                 sheet: str | None = None) -> dict[str, Any]:
    """Read ``path`` and summarize it.

    ``format`` may be a pair format ("stsb", "korsts", "snli", "kornli", "sick", "generic") or a
    sentence file format ("txt", "csv", "tsv", "jsonl", "parquet", "xlsx"). Without it, a file that
    :func:`detect_pair_format` recognises is inspected as pairs, anything else as sentences; giving
    ``column`` means sentences. Raises :class:`DataError` for a file that cannot be read.
    """
    path = Path(path)
    if format is not None and format not in PAIR_FORMAT_NAMES and format not in SENTENCE_FORMATS:
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(PAIR_FORMAT_NAMES + SENTENCE_FORMATS)}")
    if format in PAIR_FORMAT_NAMES:
        return summarize_pairs(read_pairs(path, format=format, sheet=sheet))
    if sheet is not None and format is None and column is None:  # a chosen sheet: pairs if its columns say so
        try:
            return summarize_pairs(read_pairs(path, sheet=sheet))
        except DataError:
            pass
    elif format is None and column is None and detect_pair_format(path) is not None:
        return summarize_pairs(read_pairs(path))
    return summarize_sentences(read_sentences(path, column=column, format=format, sheet=sheet))


def _gzipped(path: Path) -> bool:
    from sbert_desktop.core.data.textio import _GZIP_MAGIC

    try:
        with open(path, "rb") as fh:
            return fh.read(2) == _GZIP_MAGIC
    except OSError:
        return False


def _lengths(texts: list[str]) -> dict[str, float]:
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    return {"min": int(lengths.min()), "max": int(lengths.max()), "mean": round(float(lengths.mean()), 2)}


def summarize_sentences(sf: SentenceFile) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "sentences",
        "path": str(sf.path),
        "format": sf.format,
        "encoding": sf.encoding,
        "delimiter": sf.delimiter,
        "sheet": sf.sheet,
        "gzipped": _gzipped(Path(sf.path)),
        "rows": sf.n_rows,
        "columns": list(sf.columns),
        "column": sf.column,
        "sentences": len(sf.sentences),
        "blank": sf.n_blank,
        "duplicates": sf.n_duplicates,
        "length_chars": _lengths(sf.sentences),
        "problems": list(sf.problems),
    }


def score_distribution(scores: np.ndarray, score_range: tuple[float, float] | None,
                       bins: int = HISTOGRAM_BINS) -> dict[str, Any]:
    low, high = score_range if score_range is not None else (float(scores.min()), float(scores.max()))
    counts, edges = np.histogram(scores, bins=bins, range=(low, high) if high > low else None)
    return {
        "min": round(float(scores.min()), 4),
        "max": round(float(scores.max()), 4),
        "mean": round(float(scores.mean()), 4),
        "std": round(float(scores.std()), 4),
        "histogram": {"edges": [round(float(e), 4) for e in edges], "counts": [int(c) for c in counts]},
    }


def summarize_pairs(ds: PairDataset) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "kind": "pairs",
        "path": str(ds.path),
        "format": ds.format,
        "encoding": ds.encoding,
        "delimiter": ds.delimiter,
        "sheet": ds.sheet,
        "gzipped": _gzipped(Path(ds.path)),
        "rows": len(ds),
        "columns": list(ds.columns),
        "task": ds.task,
        "blank": ds.n_blank,
        "length_chars": {"sentence1": _lengths(ds.sentence1), "sentence2": _lengths(ds.sentence2)},
    }
    if ds.scores is not None:
        summary["score_range"] = list(ds.score_range) if ds.score_range else None
        summary["scores"] = score_distribution(ds.scores, ds.score_range)
    if ds.labels is not None:
        counts = np.bincount(ds.labels, minlength=len(ds.label_names))
        summary["labels"] = {name: int(n) for name, n in zip(ds.label_names, counts)}
    summary["problems"] = list(ds.problems)
    return summary
