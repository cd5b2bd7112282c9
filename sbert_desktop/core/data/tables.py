"""Tables read from csv, tsv, jsonl, parquet and xlsx, each row with its source line number.

csv, tsv and jsonl are parsed here with the standard library, line by line, so an error names the
exact line; parquet and xlsx go through pandas (imported inside the function). A tsv field is
CSV-unescaped only when the file shows real CSV escaping somewhere (a fully quoted field with
doubled quotes inside, as in SNLI); otherwise quotes are text (STS-B, KorNLI: ``QUOTE_NONE``).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sbert_desktop.core.data.columns import looks_like_header
from sbert_desktop.core.data.textio import read_lines, read_text, split_lines
from sbert_desktop.core.errors import DataError

#: a whole tsv field in CSV quotes with at least one doubled quote inside: proof of CSV escaping
_CSV_ESCAPED = re.compile(r'(?:^|\t)"(?:[^"\t]|"")*""(?:[^"\t]|"")*"(?:\t|$)')


@dataclass
class RawTable:
    """Rows of a file as read, before any meaning is given to the columns."""

    path: Path
    format: str                       # "csv", "tsv", "jsonl", "parquet", "xlsx"
    encoding: str | None              # None for binary formats (parquet, xlsx)
    columns: list[str]                # header names, or col1..colN without a header
    has_header: bool
    rows: list[list[Any]]             # data rows, blank lines left out
    lines: list[int]                  # 1-based source line (or sheet row) of each row
    blank_lines: list[int] = field(default_factory=list)
    quoting: str = "none"             # "csv" or "none" (how quotes in fields were read)
    frame: Any = None                 # the pandas DataFrame when pandas read the file
    delimiter: str | None = None      # the field separator of csv/tsv as read (sniffed or given)
    sheet: str | None = None          # the xlsx sheet read
    absent: dict[str, list[int]] = field(default_factory=dict)  # jsonl: the lines whose object lacks a column
    above_header: list[int] = field(default_factory=list)  # xlsx: sheet rows above the header (a title), skipped
    notes: list[str] = field(default_factory=list)  # how the rows were found, said with the problems

    def values(self, index: int) -> list[Any]:
        return [row[index] for row in self.rows]

    def to_frame(self):
        if self.frame is None:
            import pandas as pd

            self.frame = pd.DataFrame(self.rows, columns=self.columns)
        return self.frame


def sniff_delimiter(lines: list[str]) -> str:
    """Tab when the first lines all hold the same (non-zero) number of tabs; else semicolon or pipe
    when the first line holds more of it than commas and the following lines at least as many (the
    CSV Excel writes where the decimal sign is a comma: ``text;label``); else comma."""
    sample = [line for line in lines[:20] if line.strip()]
    if not sample:
        return ","
    head = sample[0]
    if "\t" in head:
        tabs = head.count("\t")
        same = sum(line.count("\t") >= tabs for line in sample)
        if same >= 0.8 * len(sample) or "," not in head:
            return "\t"
        return ","
    for delimiter in (";", "|"):
        count = head.count(delimiter)
        if count > head.count(",") and sum(line.count(delimiter) >= count for line in sample) >= 0.8 * len(sample):
            return delimiter
    return ","


def _default_names(n: int) -> list[str]:
    return [f"col{i + 1}" for i in range(n)]


def _clean_header(fields: list[str]) -> list[str]:
    """Header names as the column picker shows them: a blank one (pandas' unnamed index column) is
    ``colN`` by its position, a repeated one gets `` (2)``, `` (3)``: with two columns called "text"
    the second could not be picked, and picking it read the first."""
    names: list[str] = []
    taken: set[str] = set()
    for i, raw in enumerate(fields):
        name = raw.replace("\ufeff", "").strip() or f"col{i + 1}"
        base, k = name, 2
        while name in taken:
            name, k = f"{base} ({k})", k + 1
        taken.add(name)
        names.append(name)
    return names


def split_tsv_line(line: str, quoting: str, path: Path, line_no: int) -> list[str]:
    if quoting == "csv" and '"' in line:
        try:
            return next(csv.reader([line], delimiter="\t", strict=True))
        except csv.Error as exc:
            raise DataError(path, f"broken CSV quoting ({exc})", line=line_no) from None
    return line.split("\t")


def tsv_quoting(lines: list[str]) -> str:
    return "csv" if any('""' in line and _CSV_ESCAPED.search(line) for line in lines) else "none"


#: Excel's first line naming the separator of a CSV ("sep=;")
_SEP_HINT = re.compile(r"sep=([,;|\t])")

#: how a separator is named to the user
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "|": "pipe", "\t": "tab"}


def read_delimited(path: str | Path, delimiter: str | None = None, header: bool | None = None,
                   quoting: str = "auto", allow_extra: bool = False, names: list[str] | None = None) -> RawTable:
    """Read csv/tsv. ``header=None`` guesses; ``quoting`` is "auto", "csv" or "none" (tsv only);
    ``delimiter=None`` sniffs tab or comma; ``names`` are the columns of a file without a header.

    Rows with fewer fields than the header are a :class:`DataError`; rows with more are one too,
    unless ``allow_extra`` (the extra fields are then kept in the row).
    """
    path = Path(path)
    lines, encoding = read_lines(path)
    notes: list[str] = []
    hint = _SEP_HINT.fullmatch(lines[0].strip())
    if hint:  # Excel's "sep=;" first line: the separator, not a row
        delimiter, lines = hint.group(1), [""] + lines[1:]
    elif delimiter == "\t" and not any("\t" in line for line in lines[:50]):
        sniffed = sniff_delimiter(lines)
        if sniffed != "\t" and sniffed in lines[0]:  # a comma file named .tsv: its header has commas, no tab
            notes.append(f"no line holds a tab: read as {DELIMITER_NAMES.get(sniffed, repr(sniffed))}-separated")
            delimiter = sniffed
    delimiter = delimiter or sniff_delimiter(lines)
    if delimiter == "\t":
        auto = quoting == "auto"
        if auto:
            quoting = tsv_quoting(lines)
        multiline = _quoted_line_breaks(path, lines) if auto or quoting == "csv" else None
        if multiline is not None:  # pandas / Excel wrote a field with a line break inside quotes
            quoting, records = "csv", iter(multiline)
        else:
            records = ((i + 1, split_tsv_line(line, quoting, path, i + 1) if line.strip() else [])
                       for i, line in enumerate(lines))
    else:
        quoting = "csv"
        records = _csv_records(path, lines, delimiter)
    fmt = "tsv" if delimiter == "\t" else "csv"
    rows: list[list[str]] = []
    numbers: list[int] = []
    blanks: list[int] = []
    columns: list[str] | None = None
    has_header = False
    joined: list[int] = []
    repeated: list[int] = []
    header_fields: list[str] = []
    for line_no, fields in records:
        if not fields or all(not f.strip() for f in fields):
            if not (hint and line_no == 1):
                blanks.append(line_no)
            continue
        if columns is None:
            has_header = looks_like_header(fields) if header is None else header
            if has_header:
                columns = _clean_header(fields)
                header_fields = [f.strip() for f in fields]
                continue
            columns = list(names) if names else _default_names(len(fields))
        elif has_header and len(fields) == len(header_fields) and [f.strip() for f in fields] == header_fields:
            repeated.append(line_no)  # files joined end to end: the next one's header is not a row
            continue
        if len(columns) == 1 and len(fields) > 1 and delimiter != "\t":
            # one column of text with unquoted commas: the whole line is the text, not its first piece
            fields = [delimiter.join(fields)]
            joined.append(line_no)
        if len(fields) < len(columns) or (len(fields) > len(columns) and not allow_extra):
            what = "too few fields (a truncated row?)" if len(fields) < len(columns) else "too many fields"
            at_least = "at least " if allow_extra else ""
            raise DataError(path, f"{what}: found {len(fields)}, expected {at_least}{len(columns)} "
                                  f"({', '.join(columns)})", line=line_no)
        rows.append(fields)
        numbers.append(line_no)
    if columns is None:
        raise DataError(path, "contains only blank lines")
    if joined:
        notes.append(f"{len(joined)} line(s) of the one column hold {DELIMITER_NAMES.get(delimiter, repr(delimiter))}s "
                     f"outside quotes: each read whole (first at line {joined[0]})")
    if repeated:
        notes.append(f"{len(repeated)} line(s) repeat the header, skipped (first at line {repeated[0]}: files joined?)")
    return RawTable(path, fmt, encoding, columns, has_header, rows, numbers, blanks, quoting, delimiter=delimiter,
                    notes=notes)


#: a tab-separated field that opens a quote and does not close it on its line
_OPEN_QUOTE = re.compile(r'(?:^|\t)"(?:[^"\t]|"")*$')


def _quoted_line_breaks(path: Path, lines: list[str]) -> list[tuple[int, list[str]]] | None:
    """The records of a TSV whose quoted fields hold line breaks (pandas' ``to_csv(sep="\t")``,
    Excel), read as CSV across lines, when some line ends inside an opened quote and the whole file
    reads that way into rows as wide as its first; else None (STS-B's lone quotes are text)."""
    if not any(_OPEN_QUOTE.search(line) for line in lines):
        return None
    try:
        records = [(line_no, fields) for line_no, fields in _csv_records(path, lines, "\t")]
    except DataError:
        return None
    widths = {len(fields) for _line, fields in records if fields and any(f.strip() for f in fields)}
    return records if len(widths) == 1 and len(records) < len(lines) else None


def _csv_records(path: Path, lines: list[str], delimiter: str):
    reader = csv.reader((line + "\n" for line in lines), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise DataError(path, f"broken CSV quoting ({exc})", line=start) from None
        yield start, fields
        start = reader.line_num + 1


def _flat(item: dict, whole: set[str], prefix: str = "", depth: int = 0) -> dict:
    """An object's fields with those of objects inside it as "outer.inner" (three levels at most);
    a field named in ``whole`` (one that is not an object in every row: :func:`_scalar_fields`) and
    an empty object stay one field."""
    out: dict = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value and depth < 3 and name not in whole:
            out.update(_flat(value, whole, name + ".", depth + 1))
        else:
            out[name] = value
    return out


def _scalar_fields(items: list, prefix: str = "", depth: int = 0) -> set[str]:
    """The fields (dotted) that hold something other than an object in some row: kept whole."""
    found: set[str] = set()
    inner: dict[str, list] = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        for key, value in item.items():
            name = f"{prefix}{key}"
            if isinstance(value, dict) and value and depth < 3:
                inner.setdefault(name, []).append(value)
            elif value is not None:
                found.add(name)
    for name, values in inner.items():
        if name not in found:
            found |= _scalar_fields(values, name + ".", depth + 1)
    return found


def read_jsonl(path: str | Path) -> RawTable:
    """JSON Lines (one object per line) or a JSON array of objects; columns in first-seen order."""
    path = Path(path)
    text, encoding = read_text(path)
    wrapped = wrapped_list(text) if text.lstrip().startswith("{") else None
    notes: list[str] = []
    if wrapped is not None:  # {"data": [{...}, ...]}: the list inside is the table
        key, start, items = wrapped
        numbered, blanks = _json_array_items(path, text, start, items), []
        notes.append(f"read the {len(numbered):,} items of the list under {key!r}")
    elif text.lstrip().startswith("["):
        numbered = _json_array_items(path, text)
        blanks: list[int] = []
    else:
        numbered, blanks = [], []
        for i, line in enumerate(split_lines(text)):
            if not line.strip():
                blanks.append(i + 1)
                continue
            try:
                numbered.append((i + 1, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise DataError(path, f"not valid JSON: {exc.msg}", line=i + 1) from None
    columns: dict[str, None] = {}
    for line_no, item in numbered:
        if not isinstance(item, (dict, str)):
            raise DataError(path, f"expected a JSON object, found {type(item).__name__}", line=line_no)
    # {"meta": {"text": ...}}: a field inside an object is its own column, "meta.text"
    items = [{"text": item} if isinstance(item, str) else item for _, item in numbered]
    whole = _scalar_fields(items)
    objects = [_flat(item, whole) for item in items]
    for obj in objects:
        columns.update(dict.fromkeys(obj))
    names = list(columns)
    # a list or an object in a field is kept as its JSON text (not Python's repr)
    rows = [[_json_cell(obj.get(c)) for c in names] for obj in objects]
    if not names:
        raise DataError(path, "contains no JSON objects with fields")
    absent = {c: [n for (n, _), obj in zip(numbered, objects) if c not in obj] for c in names}
    return RawTable(path, "jsonl", encoding, names, True, rows, [n for n, _ in numbered], blanks, "csv",
                    absent={c: lines for c, lines in absent.items() if lines}, notes=notes)


def wrapped_list(text: str) -> tuple[str, int, list] | None:
    """``(key, offset of its '[', the list)`` when ``text`` is one JSON object (an export such as
    ``{"version": 1, "data": [{...}, ...]}``) with exactly one list of objects among its values, or of
    strings when no other value is a string; else None (JSON Lines are read line by line)."""
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        return None
    if not isinstance(whole, dict):
        return None
    # a list of objects; or of strings where no other value is a string (a row's text beside its tags)
    texts = any(isinstance(v, str) for v in whole.values())
    lists = [k for k, v in whole.items() if isinstance(v, list) and v and (
        all(isinstance(x, dict) for x in v) or (not texts and all(isinstance(x, str) for x in v)))]
    if len(lists) != 1:
        return None
    decoder, at = json.JSONDecoder(), text.index("{") + 1
    space = re.compile(r"[\s,]*")
    while True:  # walk the top-level keys to the list's own '[' (the same key text may occur inside)
        at = space.match(text, at).end()
        key, at = decoder.raw_decode(text, at)
        at = re.compile(r"\s*:\s*").match(text, at).end()
        if key == lists[0]:
            return key, at, whole[key]
        _, at = decoder.raw_decode(text, at)


def _json_array_items(path: Path, text: str, start: int | None = None, items: list | None = None
                      ) -> list[tuple[int, Any]]:
    """The items of a JSON array (the whole text, or ``items``, already parsed, opening at ``start``)
    with the line each starts on (a pretty-printed array's item 3 may start on line 12: results and
    errors name that line)."""
    import bisect

    decoder = json.JSONDecoder()
    if items is None:
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from None
    if not isinstance(items, list):
        raise DataError(path, "expected a JSON array of objects")
    newlines = [m.start() for m in re.finditer("\n", text)]
    space = re.compile(r"[\s,]*")
    at = (text.index("[") if start is None else start) + 1
    numbered = []
    for item in items:
        at = space.match(text, at).end()
        numbered.append((bisect.bisect_right(newlines, at) + 1, item))
        _, at = decoder.raw_decode(text, at)
    return numbered


def _json_cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def sheet_names(path: str | Path) -> list[str]:
    """The sheets of an xlsx workbook, in order."""
    import pandas as pd

    try:
        with pd.ExcelFile(path) as book:
            return [str(name) for name in book.sheet_names]
    except Exception as exc:  # openpyxl raises its own types for corrupt files
        raise DataError(Path(path), f"cannot be read as xlsx: {type(exc).__name__}: {exc}") from None


def opening_sheet(book) -> str:
    """The sheet a workbook opens on (its active one) when visible, else its first visible one: a
    hidden lookup sheet, or an info sheet before the one the author left open, is not the data."""
    sheets = list(getattr(book, "book", None).worksheets) if hasattr(getattr(book, "book", None), "worksheets") else []
    visible = [ws for ws in sheets if getattr(ws, "sheet_state", "visible") == "visible"]
    if not visible:
        return str(book.sheet_names[0])
    active = getattr(book.book, "active", None)
    return str((active if active in visible else visible[0]).title)


def visible_sheets(path: str | Path) -> list[str]:
    """The sheets of an xlsx workbook that are not hidden, in order."""
    import pandas as pd

    try:
        with pd.ExcelFile(path) as book:
            sheets = list(book.book.worksheets) if hasattr(book.book, "worksheets") else []
            names = [str(ws.title) for ws in sheets if getattr(ws, "sheet_state", "visible") == "visible"]
            return names or [str(name) for name in book.sheet_names]
    except Exception as exc:  # openpyxl raises its own types for corrupt files
        raise DataError(Path(path), f"cannot be read as xlsx: {type(exc).__name__}: {exc}") from None


def read_frame(path: str | Path, fmt: str, sheet: str | int | None = None) -> RawTable:
    """parquet or xlsx through pandas; xlsx row numbers are the sheet's (header on row 1). Without
    ``sheet`` an xlsx is read on the sheet it opens on (:func:`opening_sheet`)."""
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise DataError(path, "file not found")
    try:
        # Parquet on one thread: Arrow's worker threads alive at interpreter exit can abort the process
        # (apache/arrow#34314), which a finished CLI command must never do.
        if fmt == "parquet":
            frame, sheet_name = pd.read_parquet(path, use_threads=False, pre_buffer=False), None
        else:
            with pd.ExcelFile(path) as book:
                chosen = sheet is not None
                if isinstance(sheet, str) and sheet not in [str(name) for name in book.sheet_names]:
                    raise DataError(path, f"has no sheet {sheet!r} (its sheets: "
                                          f"{', '.join(repr(str(n)) for n in book.sheet_names)})")
                sheet = opening_sheet(book) if sheet is None else sheet
                sheet_name = str(book.sheet_names[sheet] if isinstance(sheet, int) else sheet)
                frame = pd.read_excel(book, sheet_name=sheet_name, header=None)
                others = [] if chosen or not hasattr(book.book, "worksheets") else [
                    str(ws.title) for ws in book.book.worksheets
                    if getattr(ws, "sheet_state", "visible") == "visible" and str(ws.title) != sheet_name]
    except DataError:
        raise
    except (OSError, ValueError, ImportError, KeyError) as exc:
        raise DataError(path, f"cannot be read as {fmt}: {exc}") from None
    except Exception as exc:  # pyarrow / openpyxl raise their own types for corrupt files
        raise DataError(path, f"cannot be read as {fmt}: {type(exc).__name__}: {exc}") from None
    above: list[int] = []
    has_header = True
    if fmt == "xlsx":  # the header is the first row, or the first full one below a title, or none
        at, header = sheet_header(frame)
        above = list(range(1, at + 1))
        has_header = at >= 0
        frame = frame.iloc[at + 1:].reset_index(drop=True)
        frame.columns = header
    else:
        frame.columns = _clean_header([str(c) for c in frame.columns])
    offset = len(above) + 2 if fmt == "xlsx" and has_header else 1
    rows = frame.astype(object).where(frame.notna(), None).values.tolist()
    numbers = list(range(offset, offset + len(rows)))
    blank = [i for i, row in enumerate(rows) if all(v is None or (isinstance(v, str) and not v.strip()) for v in row)]
    if blank:  # an empty sheet row between rows: skipped and counted, as a blank line of a CSV
        empty = set(blank)
        blank_lines = [numbers[i] for i in blank]
        rows = [row for i, row in enumerate(rows) if i not in empty]
        numbers = [n for i, n in enumerate(numbers) if i not in empty]
        frame = frame.drop(index=frame.index[blank]).reset_index(drop=True)
    else:
        blank_lines = []
    notes = [f"read sheet {sheet_name!r}, the one the workbook opens on; its other sheets: "
             + ", ".join(repr(name) for name in others) + " (to read one: Sheet on the Data page, --sheet)"
             ] if fmt == "xlsx" and others else []
    if not has_header:
        notes.append("sheet row 1 reads as data (a number or a sentence), not column names: the columns are "
                     + ", ".join(frame.columns))
    return RawTable(path, fmt, None, list(frame.columns), has_header, rows, numbers, blank_lines, "csv", frame,
                    sheet=sheet_name, above_header=above, notes=notes)


#: the problem lines that only count what every reader skips or keeps (blank rows, duplicates)
_ROUTINE = re.compile(r"^\d+ (blank (line|row)\(s\) skipped|duplicate (sentence|pair)\(s\) kept)")


def reading_warnings(problems: list[str]) -> list[str]:
    """The problems that change what was read (a title row skipped, a scale assumed, fields cut ...):
    what every command says on stderr, not only ``inspect``; blank-row and duplicate counts left out."""
    return [p for p in problems if not _ROUTINE.match(p)]


def above_header_note(table: RawTable) -> str:
    """The problem line for sheet rows skipped above the header (:func:`_sheet_header_row`)."""
    rows = table.above_header
    span = f"row {rows[0]}" if len(rows) == 1 else f"rows {rows[0]}-{rows[-1]}"
    return f"the header is on sheet row {rows[-1] + 1}; {span} above it (a title) skipped"


def sheet_header(frame) -> tuple[int, list[str]]:
    """``(row, names)``: the 0-based header row of a sheet read without one (:func:`_sheet_header_row`)
    and its cells as column names (a whole number written as 2026 is "2026", not "2026.0")."""
    if not len(frame):
        return 0, _clean_header([str(c) for c in frame.columns])
    at = _sheet_header_row(frame)
    if at == 0 and _sheet_row_is_data(frame.iloc[0]):
        return -1, _default_names(frame.shape[1])
    cells = ["" if v is None or (isinstance(v, float) and v != v) else
             (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)) for v in frame.iloc[at]]
    return at, _clean_header(cells)


def _sheet_row_is_data(row) -> bool:
    """Whether a sheet's first row is data, not column names: no known name, and a number or a
    sentence among its cells (ends like one, or more than six words)."""
    from sbert_desktop.core.data import columns as names

    cells = [v for v in row if v is not None and not (isinstance(v, float) and v != v)]
    if not cells or any(isinstance(v, str) and names.normalize_name(v) in names.KNOWN_NAMES for v in cells):
        return False
    return any((isinstance(v, (int, float)) and not isinstance(v, bool)) or (
        isinstance(v, str) and v.strip() and (v.strip()[-1] in ".?!…。" or len(v.split()) > 6)) for v in cells)


def _sheet_header_row(frame) -> int:
    """The 0-based row of a sheet's header: the first, unless the sheet opens with a title (rows of at
    most one filled cell: a report's title, a date, blank rows) above a row whose cells are as many as
    the widest of the first rows and all short text (six words at most: names, not sentences). So a
    header with a blank cell over rows of sentences stays the first row: no data row is dropped."""
    head = frame.head(20)
    if len(head) < 2:
        return 0
    widths = head.notna().sum(axis=1).tolist()
    full = max(widths)
    if full == 1 and widths[0] == 1:
        return _one_column_header_row(head, widths)
    if full < 2 or widths[0] > 1:
        return 0
    for i, width in enumerate(widths[:10]):
        if width > 1:
            cells = [v for v in head.iloc[i] if not (isinstance(v, float) and v != v) and v is not None]
            names = width == full and all(isinstance(v, str) and len(v.split()) <= 6 for v in cells)
            return i if names else 0
    return 0


def _one_column_header_row(head, widths: list[int]) -> int:
    """A one-column sheet's header row: the first, unless a title sits right above a known text column
    name ("text", "sentence"), or is set off from the header by blank rows (title, blank, "review",
    then the reviews) and the row below the gap reads as a name (six words at most, and fewer than the
    rows under it have in the middle). Otherwise a title cannot be told from a header, and the first
    row stays the header."""
    from sbert_desktop.core.data import columns as names

    cells = [next((v for v in head.iloc[i] if isinstance(v, str)), None) for i in range(min(2, len(head)))]
    if (len(cells) == 2 and all(cells) and widths[1] == 1 and names.normalize_name(cells[1]) in names.TEXT_NAMES
            and names.normalize_name(cells[0]) not in names.KNOWN_NAMES):
        return 1  # a title right above a column name ("text", "review"): the name is the header
    gap = next((i for i, width in enumerate(widths[:10]) if width == 0), None)
    if gap is None:
        return 0
    at = next((i for i in range(gap, min(len(widths), 10)) if widths[i] == 1), None)
    if at is None:
        return 0
    cell = next(v for v in head.iloc[at] if not (isinstance(v, float) and v != v) and v is not None)
    below = [str(v).split() for row in head.iloc[at + 1:].itertuples(index=False) for v in row
             if not (isinstance(v, float) and v != v) and v is not None]
    if not isinstance(cell, str) or len(cell.split()) > 6 or len(below) < 2:
        return 0
    words = sorted(len(w) for w in below)
    return at if words[len(words) // 2] > len(cell.split()) else 0


EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".parquet": "parquet", ".pq": "parquet", ".xlsx": "xlsx", ".xlsm": "xlsx",
}


def format_from_extension(path: str | Path, compressed: bool = True) -> str | None:
    """The format a file's name says; ``x.tsv.gz`` is "tsv" (read through gzip, textio.read_bytes)
    unless ``compressed`` is False (a name to write to: nothing here writes gzip)."""
    path = Path(path)
    if path.suffix.lower() == ".gz":
        if not compressed:
            return None
        fmt = EXTENSIONS.get(Path(path.stem).suffix.lower())
        return fmt if fmt in ("txt", "csv", "tsv", "jsonl") else None
    return EXTENSIONS.get(path.suffix.lower())


def read_table(path: str | Path, fmt: str, header: bool | None = None, allow_extra: bool = False,
               sheet: str | None = None) -> RawTable:
    """Dispatch on ``fmt`` ("csv", "tsv", "jsonl", "parquet", "xlsx"); ``sheet``: an xlsx sheet by name
    (default: the one the workbook opens on)."""
    if sheet is not None and fmt != "xlsx":
        raise DataError(path, f"is {fmt}, which has no sheets (asked for sheet {sheet!r})")
    if fmt in ("parquet", "xlsx"):
        return read_frame(path, fmt, sheet=sheet)
    if fmt == "jsonl":
        return read_jsonl(path)
    if fmt in ("csv", "tsv"):
        # a ".csv" that is really tab-separated (STS-B) is read as tsv: sniffed, not trusted
        delimiter = "\t" if fmt == "tsv" else None
        return read_delimited(path, delimiter, header=header, allow_extra=allow_extra)
    raise DataError(path, f"unknown table format {fmt!r}")
