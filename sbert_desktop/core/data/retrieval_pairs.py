"""Retrieval training data: (anchor, positive) pairs and (anchor, positive, negative) triplets.

The most common data people have for embedding training — question/answer, title/body,
query/passage — has no score and no label: the second text is simply a right answer for the
first. Every table format the app reads (csv, tsv, jsonl, parquet, xlsx; a ``.txt`` is read as
tab-separated) is accepted, with columns found by name (anchor/query/question/sentence1 ...,
positive/answer/passage/sentence2 ..., negative/hard_negative ...), by position in a file without
a header, or named with ``columns={"anchor": ..., "positive": ..., "negative": ...}``.
Every row is checked before anything is returned: a bad row is a :class:`DataError` with its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from sbert_desktop.core.data import columns as names
from sbert_desktop.core.data.tables import RawTable, format_from_extension, read_delimited, read_table
from sbert_desktop.core.errors import DataError

KINDS = ("pairs", "triplets")
ROLES = ("anchor", "positive", "negative")

ANCHOR_NAMES = names._names("anchor", "query", "question", "sentence1", "sentence_a", "text1", "text_a", "s1",
                            "premise", "title", "q", "question1", "source")
POSITIVE_NAMES = names._names("positive", "pos", "answer", "passage", "document", "sentence2", "sentence_b",
                              "text2", "text_b", "s2", "hypothesis", "body", "a", "question2", "target",
                              "positive_1", "context")
NEGATIVE_NAMES = names._names("negative", "neg", "hard_negative", "hardnegative", "negative_1", "sentence3",
                              "text3", "s3", "negative_passage")


@dataclass
class RetrievalPairs:
    """Parallel columns; ``negative`` is None for pairs. ``line_numbers`` are 1-based source lines."""

    path: Path
    format: str
    anchor: list[str]
    positive: list[str]
    negative: list[str] | None = None
    line_numbers: list[int] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)   # role -> the file's column name
    problems: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return "pairs" if self.negative is None else "triplets"

    def __len__(self) -> int:
        return len(self.anchor)

    def rows(self) -> list[tuple[str, ...]]:
        cols = [self.anchor, self.positive] + ([self.negative] if self.negative is not None else [])
        return list(zip(*cols))


def _read_raw(path: Path) -> RawTable:
    fmt = format_from_extension(path)
    if fmt == "txt":
        return read_delimited(path, "\t")
    if fmt not in ("csv", "tsv", "jsonl", "parquet", "xlsx"):
        fmt = "csv"
    return read_table(path, fmt)


def _resolve(table: RawTable, column: str | int, role: str) -> int:
    if isinstance(column, int):
        if not 0 <= column < len(table.columns):
            raise DataError(table.path, f"no {role} column {column} (the file has {len(table.columns)})")
        return column
    wanted = names.normalize_name(column)
    for i, name in enumerate(table.columns):
        if name == column or names.normalize_name(name) == wanted:
            return i
    raise DataError(table.path, f"no {role} column {column!r}; the columns are {', '.join(table.columns)}",
                    line=1 if table.has_header and table.format in ("csv", "tsv") else None)


def _mapping(table: RawTable, kind: str | None, columns: Mapping[str, str | int] | None) -> dict[str, int]:
    unknown = set(columns or {}) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown keys in columns: {sorted(unknown)}; use {', '.join(ROLES)}")
    header_line = 1 if table.has_header and table.format in ("csv", "tsv") else None
    n = len(table.columns)
    if n < 2:
        raise DataError(table.path, f"a pair file needs two text columns (anchor, positive); found one "
                                    f"({table.columns[0]!r})", line=header_line)
    mapping: dict[str, int] = {}
    for role, col in (columns or {}).items():
        if col is not None and col != "":
            mapping[role] = _resolve(table, col, role)
    guesses = (("anchor", ANCHOR_NAMES), ("positive", POSITIVE_NAMES), ("negative", NEGATIVE_NAMES))
    for role, known in guesses:
        if role not in mapping and table.has_header:
            found = names.find_column(table.columns, known, exclude=set(mapping.values()))
            if found is not None:
                mapping[role] = found
    free = [i for i in range(n) if i not in mapping.values()]
    for role in ("anchor", "positive") + (("negative",) if kind == "triplets" else ()):
        if role not in mapping and free:  # by position: the first unclaimed columns
            mapping[role] = free.pop(0)
    if "negative" not in mapping and kind is None and free and not table.has_header and n == 3:
        mapping["negative"] = free.pop(0)
    if kind == "pairs":
        mapping.pop("negative", None)
    for role in ("anchor", "positive") + (("negative",) if kind == "triplets" else ()):
        if role not in mapping:
            need = "three text columns (anchor, positive, negative)" if kind == "triplets" else "two text columns"
            raise DataError(table.path, f"a {kind or 'pair'} file needs {need}; found {n} "
                                        f"({', '.join(table.columns)}) and no {role} column", line=header_line)
    if len(set(mapping.values())) != len(mapping):
        raise DataError(table.path, f"one column is used for two roles: {mapping}")
    return mapping


def _text(value, role: str, column: str, path: Path, line: int) -> str:
    if value is None or (isinstance(value, float) and value != value) or not str(value).strip():
        raise DataError(path, f"the {role} ({column!r}) is empty", line=line)
    return value if isinstance(value, str) else str(value)


def read_retrieval_pairs(path: str | Path, kind: str | None = None,
                         columns: Mapping[str, str | int] | None = None) -> RetrievalData:
    """Read pairs (``kind="pairs"``), triplets (``"triplets"``) or whichever the file holds (None).

    Raises :class:`DataError` (file, line, reason) for a one-column file, a missing column, an
    empty text, or a triplet whose negative is the same text as its positive or its anchor.
    """
    path = Path(path)
    if kind not in (None,) + KINDS:
        raise ValueError(f"kind must be 'pairs' or 'triplets', not {kind!r}")
    table = _read_raw(path)
    if not table.rows:
        raise DataError(path, "has no data rows")
    cols = _mapping(table, kind, columns)
    out: dict[str, list[str]] = {role: [] for role in cols}
    for row, line in zip(table.rows, table.lines):
        values = {role: _text(row[i] if i < len(row) else None, role, table.columns[i], path, line)
                  for role, i in cols.items()}
        if "negative" in values:
            neg = values["negative"].strip()
            if neg == values["positive"].strip():
                raise DataError(path, "the negative is the same text as the positive (a negative must be a "
                                      "wrong answer for the anchor)", line=line)
            if neg == values["anchor"].strip():
                raise DataError(path, "the negative is the same text as the anchor", line=line)
        for role, value in values.items():
            out[role].append(value)
    problems = []
    if table.blank_lines:
        problems.append(f"{len(table.blank_lines)} blank line(s) skipped (first at line {table.blank_lines[0]})")
    same = sum(a.strip() == p.strip() for a, p in zip(out["anchor"], out["positive"]))
    if same:
        problems.append(f"{same} row(s) whose positive equals the anchor (they teach nothing)")
    return RetrievalPairs(path, table.format, out["anchor"], out["positive"], out.get("negative"),
                          list(table.lines), {role: table.columns[i] for role, i in cols.items()}, problems)


RetrievalData = RetrievalPairs


def write_retrieval_pairs(path: str | Path, rows: list[tuple[str, ...]], kind: str = "triplets") -> Path:
    """Write pairs/triplets as csv, tsv, jsonl or parquet (by suffix), atomically, with a header."""
    import csv
    import io
    import json

    from sbert_desktop.core.atomic import atomic_write_bytes, atomic_write_text

    path = Path(path)
    header = list(ROLES if kind == "triplets" else ROLES[:2])
    fmt = format_from_extension(path, compressed=False)
    if fmt == "jsonl":
        text = "".join(json.dumps(dict(zip(header, r)), ensure_ascii=False) + "\n" for r in rows)
        atomic_write_text(path, text)
    elif fmt in ("csv", "tsv", "txt"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        atomic_write_text(path, buf.getvalue())
    elif fmt == "parquet":
        import pandas as pd

        buf = io.BytesIO()
        pd.DataFrame(rows, columns=header).to_parquet(buf, index=False)
        atomic_write_bytes(path, buf.getvalue())
    else:
        raise DataError(path, "write triplets as .csv, .tsv, .jsonl or .parquet")
    return path
