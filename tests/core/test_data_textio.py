"""Encoding detection and line splitting."""

from __future__ import annotations

import codecs

import pytest

from sbert_desktop.core.data.textio import decode, head_lines, read_lines, split_lines
from sbert_desktop.core.errors import DataError


def test_split_lines():
    assert split_lines("a\r\nb\nc") == ["a", "b", "c"]
    assert split_lines("a\n\n") == ["a", ""]
    assert split_lines("a\x0bb\x1cc\u2029d\n") == ["a\x0bb\x1cc\u2029d"]


@pytest.mark.parametrize("data,text,encoding", [
    ("한글 text".encode("utf-8"), "한글 text", "utf-8"),
    (codecs.BOM_UTF8 + "한글".encode("utf-8"), "한글", "utf-8-sig"),
    ("한글".encode("utf-16"), "한글", "utf-16"),
    (codecs.BOM_UTF16_BE + "한글\n".encode("utf-16-be"), "한글\n", "utf-16"),
    ("한글 똠방각하".encode("cp949"), "한글 똠방각하", "cp949"),  # 똠 is CP949-only, not EUC-KR
    ("한글".encode("utf-32"), "한글", "utf-32"),
])
def test_decode(data, text, encoding):
    assert decode(data) == (text, encoding)


def test_charset_normalizer_fallback():
    data = "Le café était très animé, déjà à midi. Ça va? Où êtes-vous? Éléphant!\n".encode("cp1252") * 3
    text, encoding = decode(data)
    assert "caf" in text and encoding not in ("utf-8", "cp949")


def test_nul_bytes_without_bom_are_binary():
    with pytest.raises(DataError, match="binary") as info:
        decode(b"line one\nline two\n\x00\x00", "f.txt")
    assert info.value.line == 3


def test_empty_and_missing(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    with pytest.raises(DataError, match="empty"):
        read_lines(tmp_path / "e.txt")
    with pytest.raises(DataError, match="not found"):
        read_lines(tmp_path / "missing.txt")
    with pytest.raises(DataError, match="folder"):
        read_lines(tmp_path)


def test_head_lines_does_not_cut_characters(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("가나다라마바사\n" * 5000, encoding="utf-8")
    lines, encoding = head_lines(path, n=3, max_bytes=1000)
    assert lines == ["가나다라마바사"] * 3 and encoding == "utf-8"
    path.write_text("가나다\n" * 5000, encoding="utf-16")
    assert head_lines(path, n=2, max_bytes=1001) == (["가나다", "가나다"], "utf-16")
