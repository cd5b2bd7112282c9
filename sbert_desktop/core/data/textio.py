"""Reading text files whose encoding nobody wrote down.

Order of attempts: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8, CP949 (a superset of
EUC-KR, the usual encoding of Korean files saved by Excel on Windows) where the result reads as
Korean (:func:`looks_korean`), a file of UTF-8 and CP949 lines line by line, then charset-normalizer's
best guess, Windows-1252 where it decodes as well. The name of the encoding that worked is returned, so callers can report it.

Lines are split on ``\\n`` only (a trailing ``\\r`` is removed), never with ``str.splitlines``,
which also breaks on form feeds, ``\\x1c``-``\\x1e`` and U+2028 that can occur inside sentences
and would shift every line number after them.
"""

from __future__ import annotations

import codecs
import re
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
    if data[:2] == _GZIP_MAGIC:  # stsbenchmark.tsv.gz and the like: read as the text inside
        data = _gunzip(path)
        if not data:
            raise DataError(path, "file is empty (inside its gzip)")
    return data


_GZIP_MAGIC = b"\x1f\x8b"


def _gunzip(path: Path, limit: int | None = None) -> bytes:
    """The bytes inside a gzip file (the first ``limit`` of them when given); a damaged or cut
    archive is a :class:`DataError`."""
    import gzip
    import zlib

    try:
        with gzip.open(path, "rb") as fh:
            return fh.read() if limit is None else fh.read(limit)
    except (OSError, EOFError, zlib.error) as exc:
        raise DataError(path, f"is a damaged gzip file ({exc})") from None


def decode(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding name)``; the BOM is not part of ``text``. Lines
    ended by a lone ``\r`` (classic Mac OS, Excel for Mac's "CSV (Macintosh)") come back ended by
    ``\n`` when most line ends are such: a file of them was one long line, or a CSV refused as broken
    quoting. A lone ``\r`` inside a file of ``\n`` lines stays as it is."""
    text, encoding = _decode(data, path)
    if "\ufeff" in text:  # files joined end to end: the second one's byte-order mark starts a line
        text = re.sub("(^|\n)\ufeff", r"\1", text)
    if "\r" in text:
        lone = text.count("\r") - text.count("\r\n")
        if lone > text.count("\n"):
            text = re.sub(r"\r(?!\n)", "\n", text)
    return text, encoding


def _decode(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
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
        unmarked = _utf16_without_bom(data)
        if unmarked is not None:
            return unmarked
        kind = next((what for magic, what in _BINARY_KINDS if data.startswith(magic)), None)
        if kind is not None:
            raise DataError(path, f"is {kind[0]}, not a text file: {kind[1]}")
        raise DataError(path, "looks like a binary file (it contains NUL bytes), not text",
                        line=data[:nul].count(b"\n") + 1)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _utf8_and_cp949_lines(data)
    if mixed is not None:
        return mixed
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        pass
    else:
        if looks_korean(text):
            return text, "cp949"
    western = _utf8_and_cp1252_lines(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None or best.encoding is None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:  # it failed above: say where, so the user can look
            raise DataError(path, "cannot tell the text encoding (not UTF-8, UTF-16 or CP949; the first byte that is "
                                  f"not UTF-8 is {data[exc.start]:#04x}); save it as UTF-8",
                            line=data[: exc.start].count(b"\n") + 1) from None
    return _western_preferred(data, results, best)


#: what a binary file handed in as text most likely is, by its first bytes
_BINARY_KINDS = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ("an Excel 97-2003 workbook (.xls) or another old Office file",
                                          "save it as .xlsx (Excel Workbook) or CSV UTF-8")),
    (b"PK\x03\x04", ("a ZIP archive (an .xlsx or .ods workbook, a .docx ...)",
                     "a workbook is read when named .xlsx; save an .ods as .xlsx or CSV UTF-8")),
    (b"PAR1", ("a Parquet file", "name it .parquet")),
    (b"%PDF", ("a PDF document", "export its text first")),
)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark (the NUL bytes of its ASCII characters all on one
    side of each pair), decoded; else None."""
    if len(data) < 16 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for name, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.3 * half and other == 0:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                return None
            controls = any(ch < " " and ch not in "\t\r\n" for ch in text)
            return (text, name) if "\n" in text and not controls else None
    return None


def looks_korean(text: str) -> bool:
    """Whether ``text`` (strictly decoded as CP949) reads as Korean: it has Hangul syllables of KS X
    1001 (EUC-KR's 2,350), at least twice as many as characters from CP949's extension. CP949 accepts
    many byte pairs of other encodings: Windows-1252's curly apostrophe before a letter ("It’s" as
    ``92 73``) decodes to the extension syllable 뭩. KorSTS, KorNLI and the en-ko parallel set (750k
    syllables) hold none from the extension ("똠" in 똠방각하 is one); a Windows-1252 file's
    "syllables" nearly all are. Hanja at most half the syllables: Chinese text in GBK reads in CP949
    as Hanja with Hangul between ("这是一个句子" as "侶角寧몸얌綾")."""
    from collections import Counter

    if len(text) > _JUDGE_CHARS:  # four spread slices are plenty, and keep a big file's check brief
        step = len(text) // 4
        text = "".join(text[i * step: i * step + _JUDGE_CHARS // 4] for i in range(4))
    common = rare = hanja = 0
    for ch, count in Counter(text).items():
        if ch < "\x80":
            continue
        try:
            code = ch.encode("cp949")
        except UnicodeEncodeError:  # decoded from CP949, so never; counted as rare all the same
            code = b"\x00"
        if len(code) != 2 or code[0] < 0xA1 or code[1] < 0xA1:  # CP949's extension, outside EUC-KR
            rare += count
        elif "\uac00" <= ch <= "\ud7a3":
            common += count
        elif "\u4e00" <= ch <= "\u9fff":
            hanja += count
    return common > 0 and rare * 2 <= common and hanja * 2 <= common


#: looks_korean judges at most this many characters
_JUDGE_CHARS = 1 << 20
#: a UTF-8 character of three bytes (Hangul, CJK, curly quotes): the cheap test before a line-by-line read
_UTF8_WIDE = re.compile(rb"[\xe0-\xef][\x80-\xbf][\x80-\xbf]")


def _utf8_and_cp949_lines(data: bytes) -> tuple[str, str] | None:
    """A file whose lines mix UTF-8 and CP949 (two files joined): each line decoded in its own
    encoding, when the lines that are not UTF-8 read as Korean in CP949 and some other line is UTF-8
    with a character of three or more bytes (Hangul is; CP949's byte pairs hardly ever form one, while
    a two-byte "é" may be a CP949 syllable); else None. Such a file was refused before, as of an
    encoding nobody could tell."""
    if not _UTF8_WIDE.search(data):
        return None
    lines = data.split(b"\n")
    out: list[str] = []
    utf8_wide, cp949_lines = False, []
    for number, line in enumerate(lines, 1):
        try:
            out.append(line.decode("utf-8"))
            utf8_wide = utf8_wide or any(ch >= "\u0800" for ch in out[-1])
        except UnicodeDecodeError:
            try:
                out.append(line.decode("cp949"))
            except UnicodeDecodeError:
                return None
            cp949_lines.append(number)
    if not utf8_wide or not looks_korean("".join(out[n - 1] for n in cp949_lines)):
        return None
    shown = ", ".join(map(str, cp949_lines[:5])) + (", ..." if len(cp949_lines) > 5 else "")
    return "\n".join(out), f"utf-8 with {len(cp949_lines):,} cp949 line{'s' if len(cp949_lines) != 1 else ''} ({shown})"


#: three characters beyond ASCII in a row: how East Asian, Cyrillic or Greek bytes read in Windows-1252
#: ("한국어" in CP949: "ÇÑ±¹¾î"); Western words have one or two ("café", "ações", "“quoted”")
_NOT_WESTERN_RUN = re.compile("[^\x00-\x7f]{3,}")


def _utf8_and_cp1252_lines(data: bytes) -> tuple[str, str] | None:
    """Windows-1252 text, or UTF-8 with some lines of it (a line pasted from a Windows program): each
    line that is not UTF-8 decoded as Windows-1252, when every such line reads as Western text there
    (no run of three characters beyond ASCII); else None. charset-normalizer guessed short files
    wrong ("It’s fine" as Big5, "“Hello”" as UTF-16) and decoded a UTF-8 file with one such line
    wholly as cp874, every "café" of the UTF-8 lines turned Thai."""
    out: list[str] = []
    western: list[int] = []
    utf8_beyond_ascii = False
    for number, line in enumerate(data.split(b"\n"), 1):
        try:
            out.append(line.decode("utf-8"))
            utf8_beyond_ascii = utf8_beyond_ascii or not line.isascii()
        except UnicodeDecodeError:
            try:
                text = line.decode("cp1252")
            except UnicodeDecodeError:  # a byte Windows-1252 leaves undefined (81, 8D, 8F, 90, 9D)
                return None
            if _NOT_WESTERN_RUN.search(text):
                return None
            out.append(text)
            western.append(number)
    if not western:
        return None
    if not utf8_beyond_ascii:
        return "\n".join(out), "cp1252"
    shown = ", ".join(map(str, western[:5])) + (", ..." if len(western) > 5 else "")
    return "\n".join(out), f"utf-8 with {len(western):,} cp1252 line{'s' if len(western) != 1 else ''} ({shown})"


def _western_preferred(data: bytes, results, best) -> tuple[str, str]:
    """charset-normalizer's guess, but Windows-1252 where it decodes the bytes as well: among the
    single-byte code pages that tie on short Western text (cp1250, cp1252, cp1257, ...), an English
    user's file is Windows-1252 ("naïve" read as cp1250 became "naďve")."""
    if best.encoding != "cp1252":
        try:
            western = data.decode("cp1252")
        except UnicodeDecodeError:
            western = None
        if western is not None and (western == str(best) or any(
                m.encoding == "cp1252" and m.chaos <= best.chaos for m in results)):
            return western, "cp1252"
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
    if data[:2] == _GZIP_MAGIC:  # the head of the text inside
        whole = _gunzip(path, max_bytes + 1)
        data, truncated = whole[:max_bytes], len(whole) > max_bytes
        if not data:
            raise DataError(path, "file is empty (inside its gzip)")
    if truncated and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = read_bytes(path)  # two-byte units: not worth cutting by hand
    elif truncated:  # do not cut a multi-byte character or a partial last line
        cut = data.rfind(b"\n")
        if cut > 0:
            data = data[: cut + 1]
    text, encoding = decode(data, path)
    return split_lines(text)[:n], encoding
