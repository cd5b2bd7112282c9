"""Sentence files: txt/csv/tsv/jsonl/parquet/xlsx, encodings, blanks, duplicates, column choice."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sbert_desktop.core.data import SentenceFile, read_sentences
from sbert_desktop.core.errors import DataError

KOREAN = ["안녕하세요.", "오늘 날씨가 좋네요.", "한국어 문장입니다."]


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)
    return path


def test_txt_blanks_counted_duplicates_kept_line_numbers(tmp_path):
    path = write(tmp_path, "s.txt", "first\n\nsecond\r\n   \nfirst\nthird")
    sf = read_sentences(path)
    assert isinstance(sf, SentenceFile)
    assert sf.format == "txt" and sf.encoding == "utf-8" and sf.columns == [] and sf.column is None
    assert sf.sentences == ["first", "second", "first", "third"]
    assert sf.line_numbers == [1, 3, 5, 6]
    assert (sf.n_rows, sf.n_blank, sf.n_duplicates) == (6, 2, 1)
    assert any("2 blank line(s)" in p and "2, 4" in p for p in sf.problems)
    assert any("line 5 repeats line 1" in p for p in sf.problems)
    assert sf.table is None


def test_txt_keeps_unusual_line_separators_inside_sentences(tmp_path):
    sf = read_sentences(write(tmp_path, "s.txt", "a\x0cb\u2028c\nd\n"))
    assert sf.sentences == ["a\x0cb\u2028c", "d"] and sf.line_numbers == [1, 2]


@pytest.mark.parametrize("encoding,expected", [("cp949", "cp949"), ("euc-kr", "cp949"), ("utf-16", "utf-16"),
                                               ("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8")])
def test_korean_txt_in_each_encoding(tmp_path, encoding, expected):
    sf = read_sentences(write(tmp_path, "ko.txt", "\n".join(KOREAN) + "\n", encoding))
    assert sf.sentences == KOREAN and sf.encoding == expected


def test_cp949_csv(tmp_path):
    text = "id,문장\n1,안녕하세요.\n2,\"쉼표, 있는 문장.\"\n"
    sf = read_sentences(write(tmp_path, "ko.csv", text, "cp949"))
    assert sf.encoding == "cp949" and sf.column == "문장"
    assert sf.sentences == ["안녕하세요.", "쉼표, 있는 문장."] and sf.line_numbers == [2, 3]


def test_utf8_bom_csv_column_name_is_clean(tmp_path):
    sf = read_sentences(write(tmp_path, "bom.csv", "text,label\nhello there,1\ngood bye,0\n", "utf-8-sig"))
    assert sf.encoding == "utf-8-sig"
    assert sf.columns == ["text", "label"] and sf.column == "text"
    assert list(sf.table.columns) == ["text", "label"]
    sf = read_sentences(write(tmp_path, "bom2.csv", "text,label\nhello,1\n", "utf-8-sig"), column="text")
    assert sf.sentences == ["hello"]


def test_utf16_tsv(tmp_path):
    sf = read_sentences(write(tmp_path, "u16.tsv", "id\tsentence\n1\tA dog.\n2\tA cat.\n", "utf-16"))
    assert sf.encoding == "utf-16" and sf.format == "tsv" and sf.sentences == ["A dog.", "A cat."]


def test_csv_guesses_longest_text_column_and_counts_blank_cells(tmp_path):
    text = "id,title,body,score\n1,Short,A much longer body of text here.,3\n2,Tiny,,4\n3,Small,Another long body text.,5\n"
    sf = read_sentences(write(tmp_path, "t.csv", text))
    assert sf.column == "body" and sf.sentences == ["A much longer body of text here.", "Another long body text."]
    assert sf.n_blank == 1 and sf.n_rows == 3 and sf.line_numbers == [2, 4]
    assert read_sentences(sf.path, column="title").sentences == ["Short", "Tiny", "Small"]
    assert sf.table.shape == (3, 4)


def test_headerless_csv_and_tab_separated_dot_csv(tmp_path):
    sf = read_sentences(write(tmp_path, "plain.csv", "The first sentence.\nThe second one.\n"))
    assert sf.columns == ["col1"] and sf.sentences == ["The first sentence.", "The second one."]
    sts = write(tmp_path, "sts.csv", "g\tf\t2012\t0001\t5.0\tA plane.\tAn air plane taking off.\n"
                                     "g\tf\t2012\t0002\t1.0\tA dog.\tA cat sitting on the mat.\textra\tmore\n")
    sf = read_sentences(sts)
    assert sf.format == "tsv" and sf.column == "col7" and len(sf) == 2
    assert any("extra fields ignored" in p for p in sf.problems)


def test_semicolon_and_pipe_separated_csv(tmp_path):
    """Excel where the decimal sign is a comma writes ``text;label``: the fields are split, not read as
    one text column with ";1" on every sentence. Commas and semicolons inside a comma CSV's text stay."""
    sf = read_sentences(write(tmp_path, "semi.csv", "id;text;score\n1;Hello, world;0,5\n2;고양이가 잔다;1,0\n"))
    assert sf.columns == ["id", "text", "score"] and sf.sentences == ["Hello, world", "고양이가 잔다"]
    pipe = read_sentences(write(tmp_path, "pipe.csv", "text|label\nfirst one|a\nsecond one|b\n"))
    assert pipe.column == "text" and pipe.sentences == ["first one", "second one"]
    comma = read_sentences(write(tmp_path, "comma.csv", "id,text\n1,\"Stop; think, then act\"\n2,Go; now\n"))
    assert comma.columns == ["id", "text"] and comma.sentences == ["Stop; think, then act", "Go; now"]


def test_xlsx_text_on_a_later_sheet(tmp_path):
    """A workbook whose first sheet holds notes: the first sheet with a text column is read, and the
    problems say which; with no text anywhere the error names every sheet."""
    import pandas as pd

    path = tmp_path / "book.xlsx"
    with pd.ExcelWriter(path) as book:
        pd.DataFrame({"n": [1, 2]}).to_excel(book, sheet_name="about", index=False)
        pd.DataFrame({"review": ["Great phone", None, "Battery dies"], "stars": [5, 1, 2]}).to_excel(
            book, sheet_name="reviews", index=False)
    sf = read_sentences(path)
    assert sf.sentences == ["Great phone", "Battery dies"] and sf.line_numbers == [2, 4]
    assert "read sheet 'reviews': the sheet the workbook opens on, 'about', has no text column" in sf.problems
    assert read_sentences(path, column="stars").sentences == ["5", "1", "2"]
    numbers = tmp_path / "numbers.xlsx"
    with pd.ExcelWriter(numbers) as book:
        pd.DataFrame({"n": [1]}).to_excel(book, sheet_name="a", index=False)
        pd.DataFrame({"m": [2]}).to_excel(book, sheet_name="b", index=False)
    with pytest.raises(DataError, match=r"no sheet has a text column \(sheets: a, b\)"):
        read_sentences(numbers)


def test_jsonl(tmp_path):
    lines = [json.dumps({"id": 1, "sentence": "One."}), "", json.dumps({"id": 2, "sentence": "Two."})]
    sf = read_sentences(write(tmp_path, "s.jsonl", "\n".join(lines) + "\n"))
    assert sf.column == "sentence" and sf.sentences == ["One.", "Two."] and sf.line_numbers == [1, 3]
    assert sf.n_blank == 1


def test_parquet_and_xlsx(tmp_path):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"n": [1, 2, 3], "text": ["Hello world.", None, "한국어 문장."]})
    frame.to_parquet(tmp_path / "s.parquet")
    frame.to_excel(tmp_path / "s.xlsx", index=False)
    pq = read_sentences(tmp_path / "s.parquet")
    assert pq.format == "parquet" and pq.encoding is None and pq.sentences == ["Hello world.", "한국어 문장."]
    assert pq.line_numbers == [1, 3] and pq.n_blank == 1
    xl = read_sentences(tmp_path / "s.xlsx")
    assert xl.format == "xlsx" and xl.sentences == pq.sentences and xl.line_numbers == [2, 4]
    assert xl.table is not None and list(xl.table.columns) == ["n", "text"]


@pytest.mark.parametrize("name,content,reason,line", [
    ("empty.txt", b"", "empty", None),
    ("blank.txt", b"\n  \n\n", "only blank", None),
    ("bin.txt", b"abc\ndef\x00\x01\x02", "binary", 2),
    ("ragged.csv", b"text,label\nhello,1\nbroken\n", "too few fields", 3),
    ("quote.csv", b'text\n"never closed\nmore\n', "broken CSV quoting", 2),
    ("bad.jsonl", b'{"text": "a"}\n{"text": \n', "not valid JSON", 2),
])
def test_bad_sentence_files(tmp_path, name, content, reason, line):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataError) as info:
        read_sentences(path)
    assert reason in info.value.reason and info.value.line == line and str(path) in str(info.value)


def test_missing_column_names_the_choices(tmp_path):
    path = write(tmp_path, "t.csv", "text,label\na,1\n")
    with pytest.raises(DataError, match="no column 'body'; the columns are text, label"):
        read_sentences(path, column="body")
    with pytest.raises(DataError, match="no columns"):
        read_sentences(write(tmp_path, "t.txt", "a\n"), column="text")


def test_corrupt_parquet(tmp_path):
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"not a parquet file at all")
    with pytest.raises(DataError, match="cannot be read as parquet"):
        read_sentences(path)


def test_importing_core_data_is_light():
    code = ("import sys, sbert_desktop.core.data; "
            "bad = [m for m in ('pandas', 'torch', 'PySide6', 'pyqtgraph') if m in sys.modules]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_jsonl_object_without_the_field_lists_and_array_lines(tmp_path):
    """An object that lacks the text field is said as such, not as a blank line; a list or an object in
    the field is its JSON text, not Python's repr; a pretty-printed JSON array numbers each item by the
    line it starts on, so results point back into the file."""
    lines = ['{"text": "a"}', '{"body": "b"}', '{"text": null}', '{"text": ["x", "y"]}', '{"text": {"k": 1}}']
    sf = read_sentences(write(tmp_path, "s.jsonl", "\n".join(lines) + "\n"))
    assert sf.sentences == ["a", '["x", "y"]', '{"k": 1}'] and sf.line_numbers == [1, 4, 5]
    assert sf.problems[:2] == ["1 object(s) have no field 'text', skipped (lines 2)", "1 blank line(s) skipped (lines 3)"]
    assert sf.n_rows == 5 and sf.n_blank == 1
    array = '[\n  {"text": "one",\n   "id": 1},\n  {"text": "two"},\n\n  {"id": 3}\n]\n'
    sf = read_sentences(write(tmp_path, "a.json", array))
    assert sf.sentences == ["one", "two"] and sf.line_numbers == [2, 4]
    assert sf.other_columns() == {"id": [1, None]}
    assert "1 object(s) have no field 'text', skipped (lines 6)" in sf.problems


def test_repeated_and_blank_header_names_are_told_apart(tmp_path):
    """Two columns called "text" could not be told apart: picking the second read the first. A blank
    header (pandas' index column) was an empty name in the picker."""

    path = tmp_path / "two.csv"
    path.write_text(",text,text\n0,question one,answer one\n1,question two,answer two\n", encoding="utf-8")
    sf = read_sentences(path, column="text (2)")
    assert sf.sentences == ["answer one", "answer two"]
    assert read_sentences(path, column="text").sentences == ["question one", "question two"]
    assert read_sentences(path).columns == ["col1", "text", "text (2)"]


def test_a_sheet_that_opens_with_a_title(tmp_path):
    """A report exported from Excel: a title, a blank row, then the header on row 3. The title was the
    column name and the real header a sentence; now the header is found, said in the problems, and the
    row numbers stay the sheet's. A header with a blank cell over sentences stays the header."""
    import pandas as pd

    from sbert_desktop.core.data import read_pairs

    path = tmp_path / "report.xlsx"
    rows = [["Customer feedback, Q3 2026", None], [None, None], ["id", "comment"], [1, "Great service"],
            [2, "Slow delivery"], [3, 12345]]
    pd.DataFrame(rows).to_excel(path, index=False, header=False)
    sf = read_sentences(path)
    assert sf.columns == ["id", "comment"] and sf.column == "comment"
    assert sf.sentences == ["Great service", "Slow delivery", "12345"] and sf.line_numbers == [4, 5, 6]
    assert "the header is on sheet row 3; rows 1-2 above it (a title) skipped" in sf.problems
    pairs = tmp_path / "pairs.xlsx"
    pd.DataFrame([["STS export", None, None], ["sentence1", "sentence2", "score"], ["A cat.", "A cat sits.", 4.0]]
                 ).to_excel(pairs, index=False, header=False)
    ds = read_pairs(pairs)
    assert ds.sentence1 == ["A cat."] and ds.line_numbers == [3]
    assert any(p.startswith("the header is on sheet row 2") for p in ds.problems)
    blank = tmp_path / "blank.xlsx"
    pd.DataFrame([["text", None], ["The first review is a whole sentence long", "x"]]).to_excel(blank, index=False,
                                                                                                 header=False)
    sf = read_sentences(blank)
    assert sf.columns == ["text", "col2"] and sf.sentences == ["The first review is a whole sentence long"]
    assert not sf.problems


def test_json_exports_that_wrap_their_rows(tmp_path):
    """{"version": 1, "data": [{...}, ...]} was one row whose cell was the whole list (or, pretty-printed,
    'not valid JSON' at line 1); pair files as a JSON array or so wrapped were 'not a known pair data set'.
    The list inside is the table, its items numbered by the line they start on, and said."""
    from sbert_desktop.core.data import read_pairs

    path = tmp_path / "export.json"
    path.write_text('{\n  "version": "1.0",\n  "meta": {"data": "not this"},\n  "data": [\n    {"text": "first review"},\n'
                    '    {"text": "second review"},\n    {"title": "no text"}\n  ]\n}\n', encoding="utf-8")
    sf = read_sentences(path)
    assert sf.sentences == ["first review", "second review"] and sf.line_numbers == [5, 6]
    assert sf.problems[0] == "read the 3 items of the list under 'data'"
    pairs = tmp_path / "pairs.json"
    pairs.write_text(json.dumps({"rows": [{"sentence1": "A cat sits.", "sentence2": "A cat is sitting.", "score": 4.8},
                                          {"sentence1": "A dog runs.", "sentence2": "Rain.", "score": 0.2}]}))
    ds = read_pairs(pairs)
    assert ds.sentence1 == ["A cat sits.", "A dog runs."] and ds.task == "sts" and "under 'rows'" in ds.problems[0]
    array = tmp_path / "nli.json"
    array.write_text('[{"sentence1": "a", "sentence2": "b", "label": "entailment"},\n'
                     ' {"sentence1": "c", "sentence2": "d", "label": "neutral"}]\n')
    ds = read_pairs(array)
    assert ds.task == "nli" and ds.sentence2 == ["b", "d"] and ds.line_numbers == [1, 2]
    one = tmp_path / "one.jsonl"  # JSON Lines of one object stays a row, not unwrapped
    one.write_text('{"text": "only row", "tags": ["a", "b"]}\n')
    assert read_sentences(one).sentences == ["only row"]


def test_a_one_column_sheet_that_opens_with_a_title(tmp_path):
    """One column: a title, a blank row, the header, then the reviews. The title was the column name and
    the header the first review; now the header is found and the skip said. Without the blank row (or
    when the row under the gap reads like the rows below it) the first row stays the header."""
    import pandas as pd

    path = tmp_path / "titled.xlsx"
    pd.DataFrame([["Customer reviews, Q3 2026"], [None], ["review"], ["The delivery came two days late"],
                  ["Great service and friendly staff"], ["Would buy again"]]).to_excel(path, index=False, header=False)
    sf = read_sentences(path)
    assert sf.columns == ["review"] and sf.line_numbers == [4, 5, 6]
    assert sf.sentences[0] == "The delivery came two days late"
    assert "the header is on sheet row 3; rows 1-2 above it (a title) skipped" in sf.problems
    plain = tmp_path / "plain.xlsx"
    pd.DataFrame([["review"], ["The delivery came two days late"], ["Great service"]]).to_excel(plain, index=False,
                                                                                             header=False)
    sf = read_sentences(plain)
    assert sf.columns == ["review"] and sf.sentences == ["The delivery came two days late", "Great service"]
    assert not sf.problems
    gap = tmp_path / "gap.xlsx"  # header, blank row, then short data rows: nothing is skipped
    pd.DataFrame([["review"], [None], ["Great"], ["Late"], ["Fine"]]).to_excel(gap, index=False, header=False)
    sf = read_sentences(gap)
    assert sf.columns == ["review"] and sf.sentences == ["Great", "Late", "Fine"]


def test_files_as_programs_write_them(tmp_path):
    """What Excel and joined exports write, each of which put a header or a label into the sentences:
    Excel's 'sep=;' line, a comma file named .tsv, two CSV files joined (the second header with its
    byte-order mark), Excel's "Unicode Text" (.txt, UTF-16, tab-separated; also without a BOM)."""
    from sbert_desktop.core.data.tables import read_delimited

    hint = tmp_path / "hint.csv"
    hint.write_text("sep=;\ntext;label\nGood one, really.;1\nBad one.;0\n", encoding="utf-8")
    sf = read_sentences(hint)
    assert sf.columns == ["text", "label"] and sf.sentences == ["Good one, really.", "Bad one."] and not sf.problems
    named = tmp_path / "named.tsv"
    named.write_text("text,label\nGood one.,pos\nBad one.,neg\n", encoding="utf-8")
    sf = read_sentences(named)
    assert sf.sentences == ["Good one.", "Bad one."] and sf.warnings == ["no line holds a tab: read as comma-separated"]
    one = tmp_path / "one.tsv"  # one column without tabs stays one column, commas and all
    one.write_text("review\nGood, really good.\nBad.\n", encoding="utf-8")
    assert read_sentences(one).sentences == ["Good, really good.", "Bad."]
    part = "text,label\nGood movie.,pos\nBad movie.,neg\n".encode("utf-8-sig")
    (tmp_path / "joined.csv").write_bytes(part + part)
    sf = read_sentences(tmp_path / "joined.csv")
    assert sf.sentences == ["Good movie.", "Bad movie.", "Good movie.", "Bad movie."] and sf.line_numbers == [2, 3, 5, 6]
    assert sf.warnings == ["1 line(s) repeat the header, skipped (first at line 4: files joined?)"]
    assert read_delimited(tmp_path / "joined.csv").rows[2] == ["Good movie.", "pos"]
    text = "text\tlabel\r\nThe café is “nice”.\tpos\r\n한국어 문장입니다.\tneg\r\n"
    for name, data in (("bom.txt", "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")),
                       ("nobom.txt", text.encode("utf-16-le"))):
        (tmp_path / name).write_bytes(data)
        sf = read_sentences(tmp_path / name)
        assert sf.columns == ["text", "label"] and sf.sentences == ["The café is “nice”.", "한국어 문장입니다."], name
        assert sf.warnings == ["every line holds the same tabs and the first reads as a header: read as a tab-separated table"]
    (tmp_path / "plain.txt").write_text("Introduction\nThis is the first sentence.\n", encoding="utf-8")
    assert read_sentences(tmp_path / "plain.txt").format == "txt"


def test_files_that_are_not_what_their_name_says_are_named(tmp_path):
    """A header with no rows was 'only blank lines'; an old .xls, an .ods or a workbook with another name
    was 'a binary file (NUL bytes)' with nothing to do about it."""
    (tmp_path / "header.csv").write_text("text,label\n", encoding="utf-8")
    with pytest.raises(DataError, match="has a header line but no rows under it"):
        read_sentences(tmp_path / "header.csv")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(DataError, match=r"is an Excel 97-2003 workbook \(.xls\).*save it as .xlsx"):
        read_sentences(tmp_path / "old.xls")
    (tmp_path / "sheet.ods").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(DataError, match="is a ZIP archive .*save an .ods as .xlsx or CSV UTF-8"):
        read_sentences(tmp_path / "sheet.ods")


def test_the_sheet_a_workbook_opens_on_is_read(tmp_path):
    """The first sheet was read even when hidden (a lookup table) or when the author left the workbook
    open on another; now the sheet it opens on, if visible, and the other sheets are named. A title
    right above a column name in one column is a title (the name was the first sentence)."""
    import openpyxl

    book = openpyxl.Workbook()
    lookup = book.active
    lookup.title = "Lookup"
    lookup.append(["code", "name"])
    lookup.append(["a1", "Alpha code name"])
    lookup.sheet_state = "hidden"
    data = book.create_sheet("Data")
    for row in (["text"], ["Visible sentence one."], ["Visible sentence two."]):
        data.append(row)
    book.active = 1
    book.save(tmp_path / "hidden.xlsx")
    sf = read_sentences(tmp_path / "hidden.xlsx")
    assert sf.sheet == "Data" and sf.sentences == ["Visible sentence one.", "Visible sentence two."] and not sf.problems
    book = openpyxl.Workbook()
    book.active.title = "Old"
    book.active.append(["text"])
    book.active.append(["an old sentence."])
    new = book.create_sheet("New")
    for row in (["text"], ["a new sentence."]):
        new.append(row)
    book.active = 1
    book.save(tmp_path / "active.xlsx")
    sf = read_sentences(tmp_path / "active.xlsx")
    assert sf.sheet == "New" and sf.sentences == ["a new sentence."]
    assert sf.warnings == ["read sheet 'New', the one the workbook opens on; its other sheets: 'Old' (to read one: Sheet on the Data page, --sheet)"]
    book = openpyxl.Workbook()
    for value in ("Customer feedback Q3", "text", "I like it a lot, thanks.", "Could be better overall."):
        book.active.append([value])
    book.save(tmp_path / "titled.xlsx")
    sf = read_sentences(tmp_path / "titled.xlsx")
    assert sf.columns == ["text"] and sf.sentences == ["I like it a lot, thanks.", "Could be better overall."]
    assert sf.line_numbers == [3, 4] and "rows 1-1" not in " ".join(sf.problems)


def test_sheets_without_a_header_or_with_a_blank_row(tmp_path):
    """A sheet of sentences from row 1: the first sentence was the column name (lost); an empty row in a
    pair sheet refused the file ('sentence1 is empty') where a CSV skips a blank line."""
    import openpyxl

    from sbert_desktop.core.data import read_pairs

    book = openpyxl.Workbook()
    for value in ("The first sentence of my list.", "The second sentence.", "A third one here."):
        book.active.append([value, 3])
    book.save(tmp_path / "plain.xlsx")
    sf = read_sentences(tmp_path / "plain.xlsx")
    assert sf.columns == ["col1", "col2"] and sf.line_numbers == [1, 2, 3]
    assert sf.sentences == ["The first sentence of my list.", "The second sentence.", "A third one here."]
    assert sf.warnings == ["sheet row 1 reads as data (a number or a sentence), not column names: the columns are col1, col2"]
    book = openpyxl.Workbook()
    for row in (["sentence1", "sentence2", "score"], ["A man plays.", "Someone plays.", 4.2], [], ["A cat.", "A dog.", 0.5]):
        book.active.append(row)
    book.save(tmp_path / "pairs.xlsx")
    ds = read_pairs(tmp_path / "pairs.xlsx")
    assert ds.sentence1 == ["A man plays.", "A cat."] and ds.line_numbers == [2, 4]
    assert "1 blank row(s) skipped (first at row 3)" in ds.problems


def test_values_that_are_not_text(tmp_path):
    """A JSON object inside each row was embedded as its JSON ('{"text": "Nested A."}'); a parquet list
    column as numpy's repr ("['tok' 'ens']"), bytes as "b'...'", JSON true as Python's 'True', all
    without a word. Inner fields are columns ("meta.text", guessed as the text), lists are JSON, bytes
    UTF-8, and a text column holding such values says so."""
    import pandas as pd

    nested = tmp_path / "nested.jsonl"
    nested.write_text('{"id": 1, "meta": {"text": "Nested A.", "lang": "en"}}\n{"id": 2, "meta": {"text": "Nested B."}}\n',
                      encoding="utf-8")
    sf = read_sentences(nested)
    assert sf.columns == ["id", "meta.text", "meta.lang"] and sf.column == "meta.text"
    assert sf.sentences == ["Nested A.", "Nested B."] and not sf.warnings
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"text": "A."}\n{"text": 123}\n{"text": true}\n{"text": "B."}\n', encoding="utf-8")
    sf = read_sentences(mixed)
    assert sf.sentences == ["A.", "123", "true", "B."]
    assert sf.warnings == ["2 value(s) of column 'text' are not text (1 numbers, 1 true/false): read as written"]
    pd.DataFrame({"text": [["tok", "ens"], ["b"]], "id": [1, 2]}).to_parquet(tmp_path / "lists.parquet")
    sf = read_sentences(tmp_path / "lists.parquet", column="text")
    assert sf.sentences == ['["tok", "ens"]', '["b"]'] and "2 lists" in sf.warnings[0]
    pd.DataFrame({"text": [b"bytes one", "caf\xe9".encode("utf-8")]}).to_parquet(tmp_path / "bytes.parquet")
    assert read_sentences(tmp_path / "bytes.parquet").sentences == ["bytes one", "café"]


def test_decomposed_text_and_invisible_lines(tmp_path):
    """Text from a Mac is decomposed (NFD): '한국어' as jamo, which a Korean tokenizer reads as other tokens
    and the duplicate count missed. It is read composed, and said. A line of zero-width spaces is blank."""
    import unicodedata

    from sbert_desktop.core.data import read_pairs

    text = "한국어 문장입니다.\n" + unicodedata.normalize("NFD", "한국어 문장입니다.") + "\n\u200b\u200b\ncafé\n"
    (tmp_path / "mac.txt").write_text(text, encoding="utf-8")
    sf = read_sentences(tmp_path / "mac.txt")
    assert sf.sentences == ["한국어 문장입니다.", "한국어 문장입니다.", "café"] and sf.n_duplicates == 1 and sf.n_blank == 1
    assert "1 sentence(s) in decomposed Unicode (as macOS writes Hangul and accents): read composed (NFC)" in sf.warnings
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("sentence1\tsentence2\tscore\n" + unicodedata.normalize("NFD", "고양이\t강아지\t1.0\n"), encoding="utf-8")
    assert read_pairs(pairs).sentence1 == ["고양이"]
