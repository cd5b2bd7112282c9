"""Sentence files: one sentence per line (txt) or one per row of a column (csv, tsv, jsonl, parquet, xlsx).

Blank lines are left out of ``sentences`` but counted and reported; duplicates are kept and
counted. ``line_numbers`` maps each sentence back to its source line (or sheet row).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sbert_desktop.core.data import columns as names
from sbert_desktop.core.data.tables import RawTable, above_header_note, format_from_extension, read_table, reading_warnings
from sbert_desktop.core.data.textio import read_lines
from sbert_desktop.core.errors import DataError

#: every value ``read_sentences(format=...)`` accepts
SENTENCE_FORMATS = ("txt", "csv", "tsv", "jsonl", "parquet", "xlsx")

_GUESS_SAMPLE = 2000


@dataclass
class SentenceFile:
    path: Path
    format: str                        # one of SENTENCE_FORMATS
    encoding: str | None               # None for parquet and xlsx
    columns: list[str]                 # [] for txt
    column: str | None                 # the chosen (or guessed) text column; None for txt
    sentences: list[str]
    line_numbers: list[int]            # 1-based source line / sheet row of each sentence
    n_rows: int                        # data rows (lines for txt), blank ones included
    n_blank: int
    n_duplicates: int                  # sentences equal to an earlier one
    problems: list[str] = field(default_factory=list)
    _raw: RawTable | None = field(default=None, repr=False, compare=False)

    @property
    def warnings(self) -> list[str]:
        """The problems that change what was read (blank-row and duplicate counts left out)."""
        return reading_warnings(self.problems)

    def __len__(self) -> int:
        return len(self.sentences)

    def other_columns(self) -> dict[str, list[Any]]:
        """Every column of a table file besides the text column, one value per sentence (None where
        a row is short): what per-sentence exports carry, so results keep the file's ids and fields.
        Empty for txt."""
        raw = self._raw
        if raw is None:
            return {}
        index_of = {line: i for i, line in enumerate(raw.lines)}
        rows = [raw.rows[index_of[line]] for line in self.line_numbers]
        return {str(name): [row[j] if j < len(row) else None for row in rows]
                for j, name in enumerate(raw.columns) if name != self.column}

    @property
    def delimiter(self) -> str | None:
        """The field separator a csv/tsv file was read with ("," ";" "|" or a tab); None for other formats."""
        return None if self._raw is None else self._raw.delimiter

    @property
    def sheet(self) -> str | None:
        """The xlsx sheet the sentences come from; None for other formats."""
        return None if self._raw is None else self._raw.sheet

    @property
    def table(self):
        """The whole table as a pandas DataFrame (built on first use), or None for txt."""
        return None if self._raw is None else self._raw.to_frame()


#: characters that show nothing: a line of only these is blank
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def _is_blank(value: Any) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return not str(value).strip().strip(_INVISIBLE)


def _as_text(value: Any) -> tuple[str, str | None]:
    """``(text, kind)``: a value of a text column as text, and what it was when not text ("numbers",
    "dates", "true/false", "lists", "objects", "bytes"). Lists and objects are JSON (a parquet list
    column was numpy's repr, "['tok' 'ens']"), bytes UTF-8, true/false JSON's."""
    import datetime
    import json

    if isinstance(value, str):
        return value, None
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return ("true" if value else "false"), "true/false"
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace"), "bytes"
    if isinstance(value, (int, float)) or type(value).__module__ == "numpy" and hasattr(value, "dtype") \
            and getattr(value, "ndim", 1) == 0:
        number = value.item() if hasattr(value, "item") else value
        text = str(int(number)) if isinstance(number, float) and number.is_integer() else str(number)
        return text, "numbers"
    if isinstance(value, (datetime.date, datetime.datetime)) or hasattr(value, "isoformat"):
        text = value.isoformat()
        return (text[:10] if text.endswith("T00:00:00") else text), "dates"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False), "objects"
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else list(value)
        return json.dumps(items, ensure_ascii=False, default=str), "lists"
    return str(value), "other values"


def _is_text(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        float(value)
    except ValueError:
        return True
    return False


def guess_text_column(table: RawTable) -> int:
    """A column named like text/sentence, else the one with the longest average text length."""
    named = names.find_column(table.columns, names.TEXT_NAMES)
    if named is None:  # "meta.text" from a JSON object inside each row
        named = names.find_column([str(c).rsplit(".", 1)[-1] for c in table.columns], names.TEXT_NAMES)
    if named is not None:
        return named
    best, best_length = None, -1.0
    for i, _ in enumerate(table.columns):
        values = [v for v in table.values(i)[:_GUESS_SAMPLE] if not _is_blank(v)]
        texts = [v for v in values if _is_text(v)]
        if not texts or len(texts) < 0.5 * len(values):
            continue
        length = sum(len(v) for v in texts) / len(texts)
        if length > best_length:
            best, best_length = i, length
    if best is None:
        raise DataError(table.path, f"no column holds text ({', '.join(table.columns)}); choose one with column=")
    return best


def _other_sheet(path: Path, column: str | None) -> tuple[RawTable, int, str, str] | None:
    """The first sheet after the first of a workbook that has ``column`` (or, without it, a text
    column): ``(table, column index, its name, the opening sheet's name)``; None for a workbook of one
    sheet. A :class:`DataError` naming every sheet when none has it."""
    from sbert_desktop.core.data.tables import read_frame, visible_sheets

    first = read_frame(path, "xlsx").sheet
    sheets = [first] + [name for name in visible_sheets(path) if name != first]
    if len(sheets) < 2:
        return None
    for sheet in sheets[1:]:
        table = read_frame(path, "xlsx", sheet=sheet)
        try:
            return table, _choose_column(table, column), sheet, sheets[0]
        except DataError:
            continue
    what = "a text column" if column is None else f"a column {column!r}"
    raise DataError(path, f"no sheet has {what} (sheets: {', '.join(sheets)})")


def _choose_column(table: RawTable, column: str | None) -> int:
    if column is None:
        return guess_text_column(table)
    if column in table.columns:
        return table.columns.index(column)
    wanted = names.normalize_name(column)
    matches = [i for i, c in enumerate(table.columns) if names.normalize_name(c) == wanted]
    if matches:
        return matches[0]
    raise DataError(table.path, f"no column {column!r}; the columns are {', '.join(table.columns)}",
                    line=1 if table.has_header and table.format in ("csv", "tsv") else None)


def sentence_format(path: str | Path, format: str | None = None) -> str:
    if format is not None:
        if format not in SENTENCE_FORMATS:
            raise ValueError(f"unknown sentence file format {format!r}; use one of {', '.join(SENTENCE_FORMATS)}")
        return format
    return format_from_extension(path) or "txt"


def _tab_table(path: Path) -> bool:
    """Whether a .txt file is a tab-separated table: its first lines all hold the same number of tabs
    (one or more) and the first reads as a header (Excel's "Unicode Text" export, UTF-16 with tabs)."""
    from sbert_desktop.core.data.columns import looks_like_header
    from sbert_desktop.core.data.textio import head_lines

    lines = [line for line in head_lines(path, n=50)[0] if line.strip()]
    tabs = {line.count("\t") for line in lines}
    return len(lines) >= 2 and len(tabs) == 1 and min(tabs) >= 1 and looks_like_header(lines[0].split("\t"))


def read_sentences(path: str | Path, column: str | None = None, format: str | None = None,
                   sheet: str | None = None) -> SentenceFile:
    """Read the sentences of ``path``; ``column`` is guessed for tables when not given; ``sheet``
    names the sheet of a workbook (default: the one it opens on, or the next with the column)."""
    path = Path(path)
    fmt = sentence_format(path, format)
    note = None
    if fmt == "txt" and format is None and _tab_table(path):  # Excel's "Unicode Text" .txt: a tab-separated table
        fmt, note = "tsv", "every line holds the same tabs and the first reads as a header: read as a tab-separated table"
    if fmt == "txt":
        if sheet is not None:
            raise DataError(path, f"a plain text file has no sheets (asked for {sheet!r})")
        if column is not None:
            raise DataError(path, f"a plain text file has no columns (asked for {column!r})")
        lines, encoding = read_lines(path)
        values: list[Any] = lines
        numbers = list(range(1, len(lines) + 1))
        raw, columns, chosen, blank_lines, problems = None, [], None, [], []
    else:
        raw = read_table(path, fmt, allow_extra=True, sheet=sheet)
        problems = [note] if note else []
        try:
            index = _choose_column(raw, column)
        except DataError:
            found = _other_sheet(path, column) if fmt == "xlsx" and sheet is None else None
            if found is None:
                raise
            raw, index, sheet, first = found
            problems.append(f"read sheet {sheet!r}: the sheet the workbook opens on, {first!r}, "
                            + ("has no text column" if column is None else f"has no column {column!r}"))
        fmt, encoding, columns = raw.format, raw.encoding, list(raw.columns)
        chosen = columns[index]
        values, numbers = raw.values(index), list(raw.lines)
        blank_lines = list(raw.blank_lines)
        if raw.above_header:
            problems.append(above_header_note(raw))
        problems.extend(raw.notes)
        extra = [line for row, line in zip(raw.rows, raw.lines) if len(row) > len(columns)]
        if extra:
            problems.append(f"{len(extra)} row(s) have more fields than the {len(columns)} columns; "
                            f"extra fields ignored (first at line {extra[0]})")
    absent = set(raw.absent.get(chosen, ())) if raw is not None and chosen is not None else set()
    sentences: list[str] = []
    line_numbers: list[int] = []
    not_text: dict[str, int] = {}
    composed = 0
    for value, line in zip(values, numbers):
        if _is_blank(value):
            blank_lines.append(line)
            continue
        text, kind = _as_text(value)
        if kind is not None:
            not_text[kind] = not_text.get(kind, 0) + 1
        if not unicodedata.is_normalized("NFC", text):  # macOS's decomposed Hangul / accents
            text = unicodedata.normalize("NFC", text)
            composed += 1
        sentences.append(text.strip())
        line_numbers.append(line)
    if composed:  # the same text as composed and decomposed were two sentences, and embedded apart
        problems.append(f"{composed:,} sentence(s) in decomposed Unicode (as macOS writes Hangul and accents): "
                        "read composed (NFC)")
    if not_text:  # a column of numbers, dates or lists chosen as the text: say it, it may be the wrong one
        kinds = ", ".join(f"{n:,} {kind}" for kind, n in sorted(not_text.items(), key=lambda kv: -kv[1]))
        problems.append(f"{sum(not_text.values()):,} value(s) of column {chosen!r} are not text ({kinds}): read as "
                        "written")
    if not sentences:
        where = f"column {chosen!r}" if chosen is not None else "file"
        if raw is not None and not raw.rows and not blank_lines:
            raise DataError(path, "has a header line but no rows under it" if raw.has_header else "has no rows")
        raise DataError(path, f"the {where} holds no sentences, only blank lines")
    blank_lines.sort()
    missing = [line for line in blank_lines if line in absent]
    if missing:  # a JSON object without the field is not a blank line: said apart
        shown = ", ".join(map(str, missing[:5])) + (", ..." if len(missing) > 5 else "")
        problems.append(f"{len(missing)} object(s) have no field {chosen!r}, skipped (lines {shown})")
        blank_lines = [line for line in blank_lines if line not in absent]
    first_seen: dict[str, int] = {}
    duplicates: list[tuple[int, int]] = []
    for sentence, line in zip(sentences, line_numbers):
        if sentence in first_seen:
            duplicates.append((line, first_seen[sentence]))
        else:
            first_seen[sentence] = line
    unit = "line" if fmt in ("txt", "csv", "tsv", "jsonl") else "row"
    if blank_lines:
        shown = ", ".join(map(str, blank_lines[:5])) + (", ..." if len(blank_lines) > 5 else "")
        problems.append(f"{len(blank_lines)} blank {unit}(s) skipped ({unit}s {shown})")
    if duplicates:
        line, first = duplicates[0]
        problems.append(f"{len(duplicates)} duplicate sentence(s) kept (first: {unit} {line} repeats {unit} {first})")
    return SentenceFile(path, fmt, encoding, columns, chosen, sentences, line_numbers,
                        len(sentences) + len(blank_lines) + len(missing), len(blank_lines), len(duplicates), problems,
                        raw)

