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


def test_windows_1252_is_not_read_as_cp949():
    """Curly apostrophes before a letter ("It’s" = 92 73) are valid CP949 byte pairs: such an English
    file was read as CP949 with a Hangul syllable in every contraction ("It뭩 broken"). Short Western
    text that code pages tie on is read as Windows-1252 ("naïve", not cp1250's "naďve")."""
    for text in ("It’s broken\nDon’t worry\n", "It’s broken\nDon’t worry, it’s fine\n“Quoted” text\n",
                 "naïve résumé\nsecond\n", "id,review\n1,“Great” product – works fine\n2,Café was closed\n"):
        assert decode(text.encode("cp1252")) == (text, "cp1252"), text
    korean = "오늘은 날씨가 맑다\n내일은 비가 온다\n"  # Korean stays Korean
    assert decode(korean.encode("cp949")) == (korean, "cp949")


def test_utf8_and_cp949_lines_in_one_file():
    """Two files joined, one UTF-8 and one CP949: each line in its own encoding, and the encoding says
    which lines were CP949 (before: refused as of an unknown encoding)."""
    data = ("first line ok\n".encode("utf-8") + "둘째 줄입니다\n".encode("cp949") + "셋째 줄 é\n".encode("utf-8")
            + "넷째 줄\n".encode("cp949"))
    text, encoding = decode(data)
    assert text == "first line ok\n둘째 줄입니다\n셋째 줄 é\n넷째 줄\n"
    assert encoding == "utf-8 with 2 cp949 lines (2, 4)"


def test_unknown_encoding_names_the_line():
    import random

    rng = random.Random(1)
    data = b"plain ascii\nstill ascii\n" + bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    with pytest.raises(DataError, match=r"cannot tell the text encoding .*not UTF-8 is 0x") as info:
        decode(data, "f.txt")
    assert info.value.line == 3


def test_classic_mac_line_endings(tmp_path):
    """Excel for Mac's "CSV (Macintosh)" ends lines with a lone CR: the txt was one sentence with CRs
    inside, the CSV refused as broken quoting; now lines. A lone CR inside a file of LF lines stays."""
    from sbert_desktop.core.data import read_pairs, read_sentences

    (tmp_path / "mac.txt").write_bytes("첫 문장\rsecond line\rthird\r".encode("cp949"))
    assert read_sentences(tmp_path / "mac.txt").sentences == ["첫 문장", "second line", "third"]
    (tmp_path / "mac.csv").write_bytes(b'id,text\r1,"first, quoted"\r2,second\r')
    assert read_sentences(tmp_path / "mac.csv").sentences == ["first, quoted", "second"]
    (tmp_path / "pairs.csv").write_bytes(b"sentence1,sentence2,score\rA cat sits.,A cat is sitting.,4.8\r"
                                         b"A dog runs.,The sky is blue.,0.2\r")
    assert read_pairs(tmp_path / "pairs.csv").sentence1 == ["A cat sits.", "A dog runs."]
    assert decode(b"one\rinside\ntwo\r\nthree\n") == ("one\rinside\ntwo\r\nthree\n", "utf-8")
    assert read_lines_of(b"a\r\nb\r\n", tmp_path) == ["a", "b"]


def read_lines_of(data: bytes, tmp_path) -> list[str]:
    path = tmp_path / "lines.txt"
    path.write_bytes(data)
    return read_lines(path)[0]


def test_gzip_files_are_read_as_the_text_inside(tmp_path, data_dir):
    """sentence-transformers' stsbenchmark.tsv.gz and the like were 'a binary file (NUL bytes)': now the
    text inside is read (format from the name under .gz); a damaged archive is said as such."""
    import gzip

    from sbert_desktop.core.data import read_pairs, read_sentences

    rows = [line.rstrip("\n").split("\t") for line in open(data_dir / "stsb-en" / "sts-dev.csv", encoding="utf-8")][:40]
    path = tmp_path / "stsbenchmark.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("split\tgenre\tdataset\tyear\tsid\tscore\tsentence1\tsentence2\n")
        fh.writelines("\t".join(["dev", *r[:7]]) + "\n" for r in rows)
    ds = read_pairs(path)
    assert ds.task == "sts" and len(ds.sentence1) == 40 and ds.sentence1[0] == rows[0][5]
    assert float(ds.scores[0]) == float(rows[0][4])
    text = tmp_path / "notes.txt.gz"
    text.write_bytes(gzip.compress("첫 문장\nsecond\n".encode("cp949")))
    sf = read_sentences(text)
    assert sf.sentences == ["첫 문장", "second"] and sf.encoding == "cp949"
    from sbert_desktop.commands.inspect import format_summary
    from sbert_desktop.core.data.inspect import inspect_file

    assert inspect_file(path)["gzipped"] and "kind:     pairs (generic in gzip" in format_summary(inspect_file(path))
    assert "(txt in gzip, cp949)" in format_summary(inspect_file(text))
    assert not inspect_file(data_dir / "stsb-en" / "sts-dev.csv")["gzipped"]
    broken = tmp_path / "cut.csv.gz"
    broken.write_bytes(gzip.compress(b"text\nhello\n")[:15])
    with pytest.raises(DataError, match="damaged gzip"):
        read_sentences(broken)


def test_short_windows_1252_files_and_pasted_lines():
    """charset-normalizer guessed one- and two-line Western files wrong ("It’s fine." as Big5, "“Hello”"
    as UTF-16, "Café" as cp1006), and a UTF-8 file with one line pasted from a Windows program was read
    wholly as cp874 (every UTF-8 "café" turned Thai). Short GBK Chinese read as CP949 came out as Hangul
    and Hanja soup."""
    for text in ("It’s fine.\n", "“Hello”\n", "Café\n", "Price: 5€ only\n", "text,label\nIt’s great,pos\nBad,neg\n"):
        assert decode(text.encode("cp1252")) == (text, "cp1252"), text
    utf8 = "The café is open.\nNaïve approach.\nPlain line.\n" * 3
    text, encoding = decode(utf8.encode("utf-8") + "Smart “quote” pasted.\n".encode("cp1252"))
    assert text == utf8 + "Smart “quote” pasted.\n" and encoding == "utf-8 with 1 cp1252 line (10)"
    chinese = "这是一个句子。\n我喜欢学习中文。\n今天天气很好。\n"
    text, encoding = decode(chinese.encode("gbk"))
    assert encoding != "cp949" and text == chinese
    for other in ("Привет, как дела? Всё хорошо.\n", "Καλημέρα σας, τι κάνετε;\n"):  # not read as Windows-1252
        assert decode(other.encode("cp1251" if "П" in other else "cp1253"))[1] != "cp1252"
