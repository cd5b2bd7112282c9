"""Reading text files whose encoding nobody wrote down.

Order of attempts: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8, CP949 (a superset of
EUC-KR, the usual encoding of Korean files saved by Excel on Windows), then charset-normalizer's
best guess. The name of the encoding that worked is returned, so callers can report it.

Lines are split on ``\\n`` only (a trailing ``\\r`` is removed), never with ``str.splitlines``,
which also breaks on form feeds, ``\\x1c``-``\\x1e`` and U+2028 that can occur inside sentences
and would shift every line number after them.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from sbert_desktop.core.errors import DataError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes; a missing, unreadable or empty file is a :class:`DataError`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(path, "file not found") from None
    except IsADirectoryError:
        raise DataError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise DataError(path, f"cannot be read: {exc.strerror or exc}") from None
    if not data:
        raise DataError(path, "file is empty")
    return data


def decode(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding name)``; the BOM is not part of ``text``.

    NUL bytes in a file without a UTF-16/32 byte-order mark mean a binary file (a spreadsheet,
    an archive, a model): :class:`DataError` naming the line of the first NUL.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise DataError(path, f"starts with a {name} byte-order mark but is not valid {name}: {exc.reason}",
                                line=data[: exc.start].count(b"\n") + 1) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DataError(path, "looks like a binary file (it contains NUL bytes), not text",
                        line=data[:nul].count(b"\n") + 1)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DataError(path, "cannot tell the text encoding (not UTF-8, UTF-16 or CP949); save it as UTF-8")
    return str(best), best.encoding


def read_text(path: str | Path) -> tuple[str, str]:
    """``(text, encoding)`` of a text file; see :func:`decode`."""
    return decode(read_bytes(path), path)


def split_lines(text: str) -> list[str]:
    """Lines without their ``\\n``/``\\r\\n``; a final newline does not make an extra empty line."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def read_lines(path: str | Path) -> tuple[list[str], str]:
    """``(lines, encoding)``; a file with no characters at all after decoding is empty."""
    text, encoding = read_text(path)
    lines = split_lines(text)
    if not lines:
        raise DataError(path, "file is empty")
    return lines, encoding


def head_lines(path: str | Path, n: int = 20, max_bytes: int = 1 << 16) -> tuple[list[str], str]:
    """The first ``n`` lines (decoded from at most ``max_bytes``), for format detection."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes)
            truncated = bool(fh.read(1))
    except OSError as exc:
        raise DataError(path, f"cannot be read: {exc.strerror or exc}") from None
    if not data:
        raise DataError(path, "file is empty")
    if truncated and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = read_bytes(path)  # two-byte units: not worth cutting by hand
    elif truncated:  # do not cut a multi-byte character or a partial last line
        cut = data.rfind(b"\n")
        if cut > 0:
            data = data[: cut + 1]
    text, encoding = decode(data, path)
    return split_lines(text)[:n], encoding
