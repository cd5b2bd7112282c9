"""The known pair data set layouts and how to recognise them from a file's first lines.

| format | header | sentence 1 / 2 | score (range) | label | quotes |
|---|---|---|---|---|---|
| stsb | none (7 columns, 2 more on some rows) | 6th / 7th | 5th (0-5) | - | text |
| korsts | genre filename year id score sentence1 sentence2 | by name | score (0-5) | - | text |
| kornli | sentence1 sentence2 gold_label | by name | - | words | text |
| snli | premise hypothesis label | by name | - | 0/1/2 | CSV escaping |
| sick | pair_ID sentence_A sentence_B relatedness_score entailment_judgment | by name | (1-5) | words | text |
| generic | any header with sentence1/sentence2 and score and/or label columns | guessed or given | | | |
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sbert_desktop.core.data import columns as names
from sbert_desktop.core.data.tables import format_from_extension, read_jsonl, sniff_delimiter, wrapped_list
from sbert_desktop.core.data.textio import head_lines
from sbert_desktop.core.errors import DataError


@dataclass(frozen=True)
class PairFormat:
    name: str
    header: tuple[str, ...] | None     # the header as written (None: the file has none)
    sentence1: str | int               # column name, or position when there is no header
    sentence2: str | int
    score: str | int | None
    label: str | None
    score_range: tuple[float, float] | None
    quoting: str = "none"              # "none": quotes are text; "csv": real CSV escaping
    allow_extra: bool = False          # rows may carry more columns than the header (ignored)


_STS_HEADER = ("genre", "filename", "year", "id", "score", "sentence1", "sentence2")

PAIR_FORMATS: dict[str, PairFormat] = {
    "stsb": PairFormat("stsb", None, 5, 6, 4, None, (0.0, 5.0), allow_extra=True),
    "korsts": PairFormat("korsts", _STS_HEADER, "sentence1", "sentence2", "score", None, (0.0, 5.0),
                         allow_extra=True),
    "kornli": PairFormat("kornli", ("sentence1", "sentence2", "gold_label"), "sentence1", "sentence2",
                         None, "gold_label", None),
    "snli": PairFormat("snli", ("premise", "hypothesis", "label"), "premise", "hypothesis", None, "label",
                       None, quoting="csv"),
    "sick": PairFormat("sick", ("pair_ID", "sentence_A", "sentence_B", "relatedness_score",
                                "entailment_judgment"),
                       "sentence_A", "sentence_B", "relatedness_score", "entailment_judgment", (1.0, 5.0)),
}

#: every value ``read_pairs(format=...)`` accepts
PAIR_FORMAT_NAMES = (*PAIR_FORMATS, "generic")


@dataclass(frozen=True)
class PairColumns:
    """Column indices of a generic pair table (None where absent)."""

    sentence1: int | None
    sentence2: int | None
    score: int | None
    label: int | None

    @property
    def usable(self) -> bool:
        return (self.sentence1 is not None and self.sentence2 is not None
                and (self.score is not None or self.label is not None))


def guess_pair_columns(columns: list[str]) -> PairColumns:
    s1 = names.find_column(columns, names.SENTENCE1_NAMES)
    taken = {s1} if s1 is not None else set()
    s2 = names.find_column(columns, names.SENTENCE2_NAMES, exclude=taken)
    taken |= {s2} if s2 is not None else set()
    score = names.find_column(columns, names.SCORE_NAMES, exclude=taken)
    taken |= {score} if score is not None else set()
    label = names.find_column(columns, names.LABEL_NAMES, exclude=taken)
    return PairColumns(s1, s2, score, label)


def _normalized(fields) -> tuple[str, ...]:
    return tuple(names.normalize_name(f) for f in fields)


def _table_columns(path: Path, fmt: str) -> list[str]:
    """Column names of a parquet, xlsx or jsonl file, read cheaply."""
    if fmt == "parquet":
        try:
            import pyarrow.parquet as pq

            return [str(n) for n in pq.read_schema(path).names]
        except Exception as exc:  # corrupt file: pyarrow raises its own types
            raise DataError(path, f"cannot be read as parquet: {exc}") from None
    if fmt == "xlsx":
        import pandas as pd

        try:
            from sbert_desktop.core.data.tables import opening_sheet, sheet_header

            with pd.ExcelFile(path) as book:  # the sheet the reader reads: the one the workbook opens on
                return sheet_header(pd.read_excel(book, sheet_name=opening_sheet(book), nrows=12, header=None))[1]
        except Exception as exc:  # openpyxl / zipfile raise their own types for corrupt files
            raise DataError(path, f"cannot be read as xlsx: {type(exc).__name__}: {exc}") from None
    import json

    lines, _ = head_lines(path, 5)
    keys: dict[str, None] = {}
    for line in lines:
        if line.strip():
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                item = None
            if isinstance(item, dict) and wrapped_list(line) is None:  # JSON Lines: the first objects' keys
                keys.update(dict.fromkeys(str(k) for k in item))  # (one may lack a field the others have)
                continue
            if keys:
                break
            try:  # a JSON array, a wrapped list ({"data": [...]}) or an object over many lines: read whole
                return list(read_jsonl(path).columns)
            except DataError:
                return []
    return list(keys)


def detect_pair_format(path: str | Path) -> str | None:
    """The pair format of ``path`` ("stsb", "korsts", "snli", "kornli", "sick", "generic") or None.

    Known headers decide first; a headerless file whose rows have at least 7 tab-separated
    fields with a number in the 5th is STS-B; any other table whose header names two sentence
    columns and a score or label column is "generic". Unreadable files raise :class:`DataError`.
    """
    path = Path(path)
    ext = format_from_extension(path)
    if ext in ("parquet", "xlsx", "jsonl"):
        return "generic" if guess_pair_columns(_table_columns(path, ext)).usable else None
    lines, _ = head_lines(path, 20)
    lines = [line for line in lines if line.strip()]
    if not lines:
        return None
    first = _normalized(lines[0].split("\t"))
    for spec in PAIR_FORMATS.values():
        if spec.header is not None and first[: len(spec.header)] == _normalized(spec.header):
            return spec.name
    rows = [line.split("\t") for line in lines]
    sts_like = [len(r) >= 7 and names.is_number(r[4].strip()) for r in rows]
    if sts_like[0] and sum(sts_like) >= 0.5 * len(rows):  # a bad row is reported by the reader
        return "stsb"
    delimiter = "\t" if ext == "tsv" else sniff_delimiter(lines)
    try:
        header = next(csv.reader([lines[0]], delimiter=delimiter))
    except csv.Error:
        return None
    if names.looks_like_header(header) and guess_pair_columns(header).usable:
        return "generic"
    return None
