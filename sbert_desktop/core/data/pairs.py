"""Sentence-pair data sets for STS (a similarity score) and NLI (a label) training and evaluation.

:func:`read_pairs` reads the known layouts (see :mod:`sbert_desktop.core.data.formats`) and generic
csv/tsv/jsonl/parquet/xlsx tables with a column mapping. Every row is checked before anything is
returned: a bad row raises :class:`DataError` with its line, never a partial data set.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping

import numpy as np

from sbert_desktop.core.data import columns as names
from sbert_desktop.core.data.formats import PAIR_FORMAT_NAMES, PAIR_FORMATS, detect_pair_format, guess_pair_columns
from sbert_desktop.core.data.tables import (RawTable, above_header_note, format_from_extension, read_delimited, read_table,
                                            reading_warnings)
from sbert_desktop.core.data.textio import head_lines
from sbert_desktop.core.errors import DataError

NLI_LABELS = ("entailment", "neutral", "contradiction")

#: accepted spellings of each label (any case); integers follow SNLI: 0 entailment, 1 neutral, 2 contradiction
_LABEL_INDEX = {name: i for i, name in enumerate(NLI_LABELS)} | {str(i): i for i in range(len(NLI_LABELS))}
#: the label of a pair its annotators did not agree on: SNLI/MNLI's "-" (raw files), -1 (Hugging Face
#: datasets keep those rows); such pairs are skipped and counted, as every SNLI recipe does
_NO_GOLD = frozenset({"-", "-1"})


@dataclass
class PairDataset:
    path: Path
    format: str                             # "stsb", "korsts", "snli", "kornli", "sick", "generic"
    encoding: str | None
    task: str                               # "sts" or "nli"
    sentence1: list[str]
    sentence2: list[str]
    scores: np.ndarray | None = None        # float32 [n], on the file's own scale
    score_range: tuple[float, float] | None = None
    labels: np.ndarray | None = None        # int64 [n], indices into NLI_LABELS
    line_numbers: list[int] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    n_blank: int = 0
    delimiter: str | None = None            # the field separator of a csv/tsv file as read
    sheet: str | None = None                # the xlsx sheet read

    @property
    def warnings(self) -> list[str]:
        """The problems that change what was read (blank-row and duplicate counts left out)."""
        return reading_warnings(self.problems)

    def __len__(self) -> int:
        return len(self.sentence1)

    @property
    def label_names(self) -> tuple[str, ...]:
        """NLI_LABELS when the data set has labels, else ()."""
        return NLI_LABELS if self.labels is not None else ()

    def pairs(self) -> list[tuple[str, str]]:
        return list(zip(self.sentence1, self.sentence2))

    def normalized_scores(self) -> np.ndarray:
        """Scores mapped from ``score_range`` to 0..1 (float32)."""
        if self.scores is None or self.score_range is None:
            raise DataError(self.path, "has no similarity scores to normalize (it is an NLI data set)")
        low, high = self.score_range
        span = (high - low) or 1.0
        return ((self.scores - low) / span).astype(np.float32)

    def subset(self, indices: Iterable[int]) -> "PairDataset":
        """A new data set with the rows at ``indices`` (in that order)."""
        idx = np.asarray(list(indices) if not isinstance(indices, np.ndarray) else indices, dtype=np.int64)
        return replace(
            self,
            sentence1=[self.sentence1[i] for i in idx],
            sentence2=[self.sentence2[i] for i in idx],
            scores=None if self.scores is None else self.scores[idx],
            labels=None if self.labels is None else self.labels[idx],
            line_numbers=[self.line_numbers[i] for i in idx] if self.line_numbers else [],
            columns=list(self.columns),
            problems=list(self.problems),
        )


def _label_key(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():  # 1.0 from a spreadsheet or a float column
        value = int(value)
    return str(value).strip().lower() if value is not None else ""


def parse_label(value: Any, path: Path, line: int) -> int:
    index = _LABEL_INDEX.get(_label_key(value))
    if index is None:
        raise DataError(path, f"label {value!r} is not one of {', '.join(NLI_LABELS)} (or 0, 1, 2)", line=line)
    return index


_DECIMAL_COMMA = re.compile(r"-?\d+,(?:\d{1,2}|\d{4,})")


def parse_score(value: Any, path: Path, line: int) -> float:
    """A float; "4,5" (the decimal comma of a semicolon-separated Excel file) reads as 4.5, while
    "4,500" (a thousands separator, or not) stays an error rather than a guess."""
    if isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value.strip()):
        value = value.strip().replace(",", ".")
    try:
        score = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        score = math.nan
        if value is not None and str(value).strip().lower() != "nan":
            raise DataError(path, f"score {value!r} is not a number", line=line) from None
    if not math.isfinite(score):
        raise DataError(path, f"score {value!r} is missing or not a finite number", line=line)
    return score


def _text(value: Any, what: str, path: Path, line: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or not str(value).strip():
        raise DataError(path, f"{what} is empty", line=line)
    text = value if isinstance(value, str) else str(value)
    # composed (NFC): macOS writes Hangul decomposed, which a Korean tokenizer reads as other tokens
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _resolve(table: RawTable, column: str | int, what: str) -> int:
    if isinstance(column, int):
        return column
    if column in table.columns:
        return table.columns.index(column)
    wanted = names.normalize_name(column)
    for i, name in enumerate(table.columns):
        if names.normalize_name(name) == wanted:
            return i
    raise DataError(table.path, f"no {what} column {column!r}; the columns are {', '.join(table.columns)}",
                    line=1 if table.has_header and table.format in ("csv", "tsv") else None)


def _normalized(fields: Iterable[str]) -> tuple[str, ...]:
    return tuple(names.normalize_name(f) for f in fields)


def _read_known(path: Path, fmt: str) -> tuple[RawTable, dict[str, int | None]]:
    spec = PAIR_FORMATS[fmt]
    if spec.header is not None:
        header = True
    else:  # stsb: tolerate exactly the KorSTS header, nothing that merely resembles one
        first = next((line for line in head_lines(path, 5)[0] if line.strip()), "")
        header = _normalized(first.split("\t")[:7]) == _normalized(PAIR_FORMATS["korsts"].header)
    names_ = list(PAIR_FORMATS["korsts"].header) if fmt == "stsb" else None
    # the originals write quotes as text ("none"); re-saved by pandas or Excel their quoted fields are
    # CSV-escaped, which "auto" sees; a user's SNLI-headed file with quotes as text is not valid CSV
    quoting = "auto" if spec.quoting == "none" else spec.quoting
    try:
        table = read_delimited(path, "\t", header=header, quoting=quoting, allow_extra=spec.allow_extra, names=names_)
    except DataError as exc:
        if quoting != "csv" or "broken CSV quoting" not in str(exc):
            raise
        table = read_delimited(path, "\t", header=header, quoting="none", allow_extra=spec.allow_extra, names=names_)
    if fmt == "stsb" and table.has_header:
        spec = PAIR_FORMATS["korsts"]
    if spec.header is not None:
        found = {names.normalize_name(c) for c in table.columns}
        missing = [c for c in (spec.sentence1, spec.sentence2, spec.score, spec.label)
                   if c is not None and names.normalize_name(c) not in found]
        if missing:
            raise DataError(path, f"not a {fmt} file: the header lacks {', '.join(missing)} "
                                  f"(expected: {' '.join(spec.header)}; found: {' '.join(table.columns)})", line=1)
    mapping = {key: (None if col is None else _resolve(table, col, key))
               for key, col in (("sentence1", spec.sentence1), ("sentence2", spec.sentence2),
                                ("score", spec.score), ("label", spec.label))}
    return table, mapping


#: label columns that name NLI classes: their 0/1 values stay entailment/neutral
_NLI_LABEL_NAMES = frozenset(names.normalize_name(n) for n in ("gold_label", "nli_label", "entailment_judgment"))


def _read_generic(path: Path, columns: Mapping[str, str] | None,
                  task: str | None = None, sheet: str | None = None) -> tuple[RawTable, dict[str, int | None]]:
    ext = format_from_extension(path)
    table = read_table(path, ext if ext in ("csv", "tsv", "jsonl", "parquet", "xlsx") else "csv", header=True,
                       sheet=sheet)
    guess = guess_pair_columns(table.columns)
    mapping = {"sentence1": guess.sentence1, "sentence2": guess.sentence2, "score": guess.score, "label": guess.label}
    if columns:
        unknown = set(columns) - set(mapping)
        if unknown:
            raise ValueError(f"unknown keys in columns: {sorted(unknown)}; use {sorted(mapping)}")
        mapping.update({key: _resolve(table, col, key) for key, col in columns.items() if col is not None})
    for key in ("sentence1", "sentence2"):
        if mapping[key] is None:
            raise DataError(path, f"no {key} column found among {', '.join(table.columns)}; "
                                  f"name it with columns={{'{key}': ...}}", line=1 if table.has_header else None)
    if mapping["score"] is None and mapping["label"] is None:
        raise DataError(path, f"no score or label column found among {', '.join(table.columns)}; "
                              "name one with columns={'score': ...} or {'label': ...}")
    if mapping["score"] is None and not (columns and columns.get("label")):
        values = table.values(mapping["label"])
        gold = [v for v in values if _label_key(v) not in _NO_GOLD]
        if (values and (not gold or not all(_label_key(v) in _LABEL_INDEX for v in gold))
                and all(_numeric(v) for v in values if _label_key(v) not in ("", "nan"))):
            mapping["score"], mapping["label"] = mapping["label"], None  # a numeric "label": a score
        elif task != "nli" and _binary(values) and names.normalize_name(table.columns[mapping["label"]]) not in _NLI_LABEL_NAMES:
            # 0/1 only (Quora's is_duplicate, PAWS, MRPC): a duplicate / paraphrase judgement, not
            # SNLI's 0 entailment, 1 neutral; read as a 0-1 score (1 = same meaning)
            mapping["score"], mapping["label"] = mapping["label"], None
    return table, mapping


def _binary(values: list[Any]) -> bool:
    """Whether every non-blank value is 0 or 1 (as numbers or their text)."""
    seen = {str(v).strip() for v in values if _label_key(v) not in ("", "nan")}
    return bool(seen) and seen <= {"0", "1", "0.0", "1.0"}


def _numeric(value: Any) -> bool:
    if isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value.strip()):
        return True
    try:
        float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        return False
    return True


def _score_range(scores: np.ndarray) -> tuple[float, float]:
    """The scale a generic score column is on: 0–1, 1–5 (SICK-style: no score below 1) or 0–5.

    A file whose scores all lie in [1, 5] is read as 1–5, so its lowest score maps to 0 in
    ``normalized_scores`` instead of 0.2 (a 0–5 file of any size has scores below 1).
    """
    low, high = float(scores.min()), float(scores.max())
    if high <= 1.0 and low >= 0.0:
        return (0.0, 1.0)
    for lo, hi in ((1.0, 5.0), (0.0, 5.0), (1.0, 10.0), (0.0, 10.0), (0.0, 100.0)):
        if lo <= low and high <= hi:
            return (lo, hi)
    return (math.floor(low), math.ceil(high))


def _scale_note(scores: np.ndarray, score_range: tuple[float, float]) -> str | None:
    """What a user must know of a scale :func:`_score_range` guessed: every one but 0-1, and 0-5 with a
    score below 1, could be another ("4.8, 1.2, 3.5" is 1-5 here; on 0-5 1.2 is 0.24, not 0.05); the
    training targets and the evaluation use it."""
    low, high = float(scores.min()), float(scores.max())
    if score_range == (0.0, 1.0) or (score_range == (0.0, 5.0) and low < 1.0):
        return None
    return (f"the scores lie in {low:g}-{high:g} and no scale is named: read on a {score_range[0]:g}-"
            f"{score_range[1]:g} scale ({low:g} is {(low - score_range[0]) / (score_range[1] - score_range[0]):.2f}"
            " on 0-1); if that is not its scale, rescale the column to 0-1, which is read as it is")


def with_both_orders(ds: PairDataset) -> PairDataset:
    """The data set followed by each pair swapped, (a, b) then (b, a), with the same score or label:
    a cross-encoder sees both orders of a symmetric task."""
    twice = lambda a: None if a is None else np.concatenate([a, a])  # noqa: E731
    return replace(ds, sentence1=ds.sentence1 + ds.sentence2, sentence2=ds.sentence2 + ds.sentence1,
                               scores=twice(ds.scores), labels=twice(ds.labels),
                               line_numbers=list(ds.line_numbers) * 2)


def read_pairs(path: str | Path, format: str | None = None, columns: Mapping[str, str] | None = None,
               task: str | None = None, sheet: str | None = None) -> PairDataset:
    """Read a pair data set; ``format`` is detected unless given, ``task`` defaults to what the data
    holds ("sts" when it has scores, which wins for SICK; pass ``task="nli"`` for its labels)."""
    path = Path(path)
    if format is not None and format not in PAIR_FORMAT_NAMES:
        raise ValueError(f"unknown pair format {format!r}; use one of {', '.join(PAIR_FORMAT_NAMES)}")
    if task not in (None, "sts", "nli"):
        raise ValueError(f"task must be 'sts' or 'nli', not {task!r}")
    fmt = format or (detect_pair_format(path) if sheet is None else "generic")  # a chosen sheet: by its columns
    if fmt is None:
        raise DataError(path, "not a known pair data set (STS-B, KorSTS, SNLI, KorNLI, SICK) and no "
                              "sentence1/sentence2 plus score/label columns were found")
    table, cols = _read_known(path, fmt) if fmt in PAIR_FORMATS else _read_generic(path, columns, task, sheet)
    if not table.rows:
        raise DataError(path, "has no data rows")
    s1, s2 = [], []
    scores = [] if cols["score"] is not None else None
    labels = [] if cols["label"] is not None else None
    no_gold: list[int] = []
    if labels is not None and scores is None:  # SNLI's "-", a datasets export's -1: no label to learn
        no_gold = [line for row, line in zip(table.rows, table.lines) if _label_key(row[cols["label"]]) in _NO_GOLD]
        if no_gold:
            kept = [i for i, row in enumerate(table.rows) if _label_key(row[cols["label"]]) not in _NO_GOLD]
            if not kept:
                raise DataError(path, "every pair's label is '-' or -1 (no gold label)")
            table = replace(table, rows=[table.rows[i] for i in kept], lines=[table.lines[i] for i in kept])
    for row, line in zip(table.rows, table.lines):
        s1.append(_text(row[cols["sentence1"]], table.columns[cols["sentence1"]], path, line))
        s2.append(_text(row[cols["sentence2"]], table.columns[cols["sentence2"]], path, line))
        if scores is not None:
            scores.append(parse_score(row[cols["score"]], path, line))
        if labels is not None:
            labels.append(parse_label(row[cols["label"]], path, line))
    score_array = None if scores is None else np.asarray(scores, dtype=np.float32)
    label_array = None if labels is None else np.asarray(labels, dtype=np.int64)
    default_task = "sts" if score_array is not None else "nli"
    if task == "sts" and score_array is None:
        raise DataError(path, "has no similarity scores, only NLI labels: use it for an NLI task")
    if task == "nli" and label_array is None:
        raise DataError(path, "has no NLI labels, only similarity scores: use it for an STS task")
    spec = PAIR_FORMATS.get(fmt)
    score_range = None
    problems = _problems(table, cols)
    if no_gold:
        problems.insert(0, f"{len(no_gold)} pair(s) without a gold label ('-' or -1) skipped (first at line {no_gold[0]})")
    if score_array is not None:
        score_range = spec.score_range if spec is not None and spec.score_range else _score_range(score_array)
        note = None if spec is not None and spec.score_range else _scale_note(score_array, score_range)
        if note:
            problems.insert(0, note)
        outside = np.flatnonzero((score_array < score_range[0]) | (score_array > score_range[1]))
        if outside.size:
            i = int(outside[0])
            raise DataError(path, f"score {score_array[i]:g} is outside {score_range[0]:g}-{score_range[1]:g}",
                            line=table.lines[i])
    return PairDataset(path, fmt, table.encoding, task or default_task, s1, s2, score_array, score_range,
                       label_array, list(table.lines), list(table.columns), problems,
                       len(table.blank_lines), table.delimiter, table.sheet)


def _problems(table: RawTable, cols: dict[str, int | None]) -> list[str]:
    problems = []
    score = cols.get("score")
    if score is not None and names.normalize_name(table.columns[score]) in names.LABEL_NAMES and _binary(table.values(score)):
        problems.append(f"the {table.columns[score]!r} column holds only 0 and 1: read as a 0-1 similarity score "
                        "(1 = same meaning), not as NLI labels; for SNLI-style labels (0 entailment, 1 neutral, "
                        "2 contradiction) use the NLI task")
    if table.above_header:
        problems.append(above_header_note(table))
    problems.extend(table.notes)
    if table.blank_lines:
        unit = "row" if table.format in ("xlsx", "parquet") else "line"
        problems.append(f"{len(table.blank_lines)} blank {unit}(s) skipped (first at {unit} {table.blank_lines[0]})")
    extra = [line for row, line in zip(table.rows, table.lines) if len(row) > len(table.columns)]
    if extra:
        problems.append(f"{len(extra)} row(s) have extra columns beyond the {len(table.columns)} expected, "
                        f"ignored (first at line {extra[0]})")
    seen: set[tuple[str, str]] = set()
    duplicates = 0
    for row in table.rows:
        key = (row[cols["sentence1"]], row[cols["sentence2"]])
        duplicates += key in seen
        seen.add(key)
    if duplicates:
        problems.append(f"{duplicates} duplicate pair(s) kept")
    return problems
