"""``sbert-desktop inspect``: human summary, --json, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys

from sbert_desktop.cli import main


def test_inspect_human_summary(data_dir, capsys):
    assert main(["inspect", str(data_dir / "kornli/xnli.dev.ko.tsv")]) == 0
    out = capsys.readouterr().out
    assert "pairs (kornli, utf-8)" in out and "2,490" in out and "entailment 830" in out


def test_inspect_json(tmp_path, capsys):
    path = tmp_path / "s.csv"
    path.write_text("id,text\n1,첫 문장.\n2,\n", encoding="utf-8")
    assert main(["inspect", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["kind"] == "sentences" and info["column"] == "text" and info["blank"] == 1


def test_inspect_format_and_column_options(tmp_path, capsys):
    path = tmp_path / "p.tsv"
    path.write_text("sentence1\tsentence2\tscore\nA cat.\tA dog.\t1.5\n", encoding="utf-8")
    assert main(["inspect", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["scores"]["mean"] == 1.5
    assert main(["inspect", str(path), "--column", "sentence2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["column"] == "sentence2"
    assert main(["inspect", str(path), "--format", "generic"]) == 0
    assert "scores:" in capsys.readouterr().out


def test_inspect_bad_file_prints_one_line_and_exits_2(tmp_path, capsys):
    path = tmp_path / "bad.tsv"
    path.write_text("premise\thypothesis\tlabel\na\tb\t7\n", encoding="utf-8")
    assert main(["inspect", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert err.startswith("sbert-desktop inspect: error:") and f"{path}, line 2" in err and "label '7'" in err


def test_inspect_in_a_subprocess(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "sbert_desktop.cli", "inspect", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "file is empty" in proc.stderr and proc.stdout == ""


def test_output_cut_short_by_a_pipe_is_not_an_error(tmp_path):
    """`sbert-desktop inspect FILE | head -1`: the reader closes the pipe early; no traceback."""
    path = tmp_path / "s.txt"
    path.write_text("one sentence\nanother one\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "sbert_desktop.cli", "inspect", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # as `head` does once it has its line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0 and "Traceback" not in err and "Broken pipe" not in err


def test_inspect_says_how_a_table_was_split_and_which_sheet(tmp_path, capsys):
    """A semicolon CSV (Excel with decimal commas) and a workbook read from its second sheet: the summary
    says the separator and the sheet, so a user sees how the file was read before trusting the columns."""
    import pandas as pd

    semi = tmp_path / "semi.csv"
    semi.write_text("id;text;score\n1;Das Wetter ist schön;4,5\n2;Es regnet;3,2\n", encoding="utf-8")
    assert main(["inspect", str(semi)]) == 0
    assert "sentences (csv, utf-8, semicolon-separated)" in capsys.readouterr().out
    book = tmp_path / "book.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"n": [1, 2]}).to_excel(writer, sheet_name="Numbers", index=False)
        pd.DataFrame({"review": ["good product", "bad service"]}).to_excel(writer, sheet_name="Reviews", index=False)
    assert main(["inspect", str(book), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["sheet"] == "Reviews" and info["delimiter"] is None
    assert main(["inspect", str(book)]) == 0
    assert "sentences (xlsx, sheet 'Reviews')" in capsys.readouterr().out
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("sentence1|sentence2|score\nA cat.|A dog.|1.5\n", encoding="utf-8")
    assert main(["inspect", str(pairs)]) == 0
    assert "pairs (generic, utf-8, pipe-separated)" in capsys.readouterr().out


def test_sheet_option_reads_another_sheet(tmp_path, capsys):
    """--sheet names the workbook's sheet; a sheet that is not there is a one-line error listing them."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Info"
    book.active.append(["note"])
    book.active.append(["This workbook holds customer reviews."])
    reviews = book.create_sheet("Reviews")
    for row in (["review", "stars"], ["Great product.", 5], ["Terrible.", 1]):
        reviews.append(row)
    path = tmp_path / "book.xlsx"
    book.save(path)
    assert main(["inspect", str(path), "--sheet", "Reviews", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["sheet"] == "Reviews" and info["column"] == "review" and info["sentences"] == 2
    assert main(["inspect", str(path), "--sheet", "Nope"]) == 2
    assert "has no sheet 'Nope' (its sheets: 'Info', 'Reviews')" in capsys.readouterr().err
