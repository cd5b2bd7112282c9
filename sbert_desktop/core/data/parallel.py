"""Parallel sentences (a source sentence and its translation per row) for multilingual distillation.

Any table format the readers know (tsv, csv, jsonl, parquet, xlsx; a ``.txt`` is read as tsv) with a
column mapping: ``columns={"source": "english", "target": "korean"}`` by name or 0-based index. By
default the source is the first column and the translation the second, with or without a header
(``source<TAB>translation`` per line). A blank field is a :class:`DataError` naming the line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from sbert_desktop.core.data.tables import format_from_extension, read_table
from sbert_desktop.core.errors import DataError

PARALLEL_FORMATS = ("tsv", "csv", "jsonl", "parquet", "xlsx")
_NAME = re.compile(r"^[^\W\d][\w-]{0,39}$")


@dataclass
class ParallelData:
    path: Path
    format: str
    encoding: str | None
    source: list[str]
    target: list[str]
    lines: list[int]                       # 1-based source line (or row) of each pair
    columns: list[str] = field(default_factory=list)
    source_column: str = ""
    target_column: str = ""

    def __len__(self) -> int:
        return len(self.source)

    def subset(self, indices) -> "ParallelData":
        idx = [int(i) for i in indices]
        return ParallelData(self.path, self.format, self.encoding, [self.source[i] for i in idx],
                            [self.target[i] for i in idx], [self.lines[i] for i in idx], list(self.columns),
                            self.source_column, self.target_column)

    def one_to_one(self) -> "ParallelData":
        """The rows whose source and translation both appear for the first time: on these, translation
        retrieval has exactly one right answer in each direction."""
        seen_s: set[str] = set()
        seen_t: set[str] = set()
        keep = []
        for i, (s, t) in enumerate(zip(self.source, self.target)):
            if s not in seen_s and t not in seen_t:
                keep.append(i)
            seen_s.add(s)
            seen_t.add(t)
        return self.subset(keep)


def _resolve(path: Path, columns: list[str], column: str | int, what: str) -> int:
    if isinstance(column, int) or (isinstance(column, str) and column.isdigit() and column not in columns):
        index = int(column)
        if not 0 <= index < len(columns):
            raise DataError(path, f"the {what} column index {index} is outside 0..{len(columns) - 1}")
        return index
    if column in columns:
        return columns.index(column)
    lowered = [c.lower() for c in columns]
    if str(column).lower() in lowered:
        return lowered.index(str(column).lower())
    raise DataError(path, f"no {what} column {column!r}; the columns are {', '.join(columns)}")


def _is_header(fields: list, header: bool | None) -> bool:
    """A first csv/tsv row is a header when every field is one identifier-like word (english,
    korean, src_text): a sentence, even a short one, has a space or punctuation."""
    if header is not None:
        return header
    return all(_NAME.match(str(f).replace("\ufeff", "").strip()) for f in fields)


def read_parallel(path: str | Path, format: str | None = None,
                  columns: Mapping[str, str | int] | None = None, header: bool | None = None) -> ParallelData:
    """Read ``source``/``target`` sentence pairs; ``columns`` maps ``source`` and ``target`` to columns;
    ``header`` (csv/tsv): None guesses (see :func:`_is_header`)."""
    path = Path(path)
    if not path.is_file():
        raise DataError(path, "no such file")
    fmt = format or format_from_extension(path) or "tsv"
    if fmt == "txt":
        fmt = "tsv"
    if fmt not in PARALLEL_FORMATS:
        raise DataError(path, f"unknown format {fmt!r} for parallel sentences; use {', '.join(PARALLEL_FORMATS)}")
    columns = dict(columns or {})
    unknown = set(columns) - {"source", "target"}
    if unknown:
        raise ValueError(f"unknown keys in columns: {sorted(unknown)}; use 'source' and 'target'")
    table = read_table(path, fmt, header=False if fmt in ("csv", "tsv") else None)
    if fmt in ("csv", "tsv") and table.rows and _is_header(table.rows[0], header):
        table.columns = [str(c).replace("\ufeff", "").strip() for c in table.rows[0]]
        table.rows, table.lines, table.has_header = table.rows[1:], table.lines[1:], True
    if len(table.columns) < 2:
        raise DataError(path, f"parallel sentences need two columns (source and translation); found "
                              f"{len(table.columns)}: {', '.join(table.columns)}", line=1)
    src = _resolve(path, table.columns, columns.get("source", 0), "source")
    tgt = _resolve(path, table.columns, columns.get("target", 1 if src != 1 else 0), "target")
    if src == tgt:
        raise DataError(path, f"source and target are the same column ({table.columns[src]})")
    if not table.rows:
        raise DataError(path, "has no data rows")
    source, target = [], []
    for row, line in zip(table.rows, table.lines):
        for index, out in ((src, source), (tgt, target)):
            value = row[index] if index < len(row) else None
            text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
            if not text.strip():
                raise DataError(path, f"the {table.columns[index]} field is empty", line=line)
            out.append(text)
    return ParallelData(path, table.format, table.encoding, source, target, list(table.lines),
                        list(table.columns), table.columns[src], table.columns[tgt])
