"""Pair data sets from small files: formats, column guessing, labels, and every kind of bad input."""

from __future__ import annotations

import json

import pytest

from sbert_desktop.core.data import NLI_LABELS, PairDataset, detect_pair_format, read_pairs
from sbert_desktop.core.errors import DataError

STSB_ROWS = (
    "main-captions\tMSRvid\t2012test\t0001\t5.000\tA plane is taking off.\tAn air plane is taking off.\n"
    'main-forum\tdeft-forum\t2014\t0001\t0.8\t"Then the captain was gone.\tThen the captain came back.\n'
    "main-news\theadlines\t2016\t0002\t2.5\tA b c.\tD e f.\tsource one\tsource two\n"
)


def write(tmp_path, name, text, encoding="utf-8", newline=""):
    path = tmp_path / name
    with open(path, "w", encoding=encoding, newline=newline) as fh:
        fh.write(text)
    return path


def test_stsb_extra_columns_ignored_and_quotes_kept(tmp_path):
    ds = read_pairs(write(tmp_path, "sts.csv", STSB_ROWS))
    assert ds.format == "stsb" and len(ds) == 3
    assert ds.sentence1[1] == '"Then the captain was gone.'
    assert ds.scores.tolist() == pytest.approx([5.0, 0.8, 2.5])
    assert ds.line_numbers == [1, 2, 3]
    assert any("extra columns" in p and "line 3" in p for p in ds.problems)


def test_sick_with_crlf_line_endings(tmp_path):
    text = ("pair_ID\tsentence_A\tsentence_B\trelatedness_score\tentailment_judgment\r\n"
            "1\tA dog runs.\tA dog is running.\t4.9\tENTAILMENT\r\n"
            "2\tA cat sleeps.\tA man sings.\t1.1\tNeutral\r\n")
    ds = read_pairs(write(tmp_path, "SICK_x.txt", text))
    assert ds.format == "sick" and ds.sentence2[0] == "A dog is running."
    assert ds.labels.tolist() == [0, 1] and ds.scores.tolist() == pytest.approx([4.9, 1.1])


def test_generic_csv_guesses_columns_and_accepts_word_and_int_labels(tmp_path):
    text = 'premise,hypothesis,label\n"A man, tall.",A man.,0\nA cat.,"A ""big"" dog.",CONTRADICTION\nX y.,Z w.,Neutral\n'
    path = write(tmp_path, "nli.csv", text)
    assert detect_pair_format(path) == "generic"
    ds = read_pairs(path)
    assert ds.task == "nli" and ds.labels.tolist() == [0, 2, 1]
    assert ds.sentence1[0] == "A man, tall." and ds.sentence2[1] == 'A "big" dog.'
    assert ds.line_numbers == [2, 3, 4]


def test_generic_numeric_label_column_is_a_score(tmp_path):
    path = write(tmp_path, "sts.tsv", "sentence1\tsentence2\tlabel\na\tb\t0.25\nc\td\t0.9\n")
    ds = read_pairs(path)
    assert ds.task == "sts" and ds.labels is None and ds.score_range == (0.0, 1.0)
    assert ds.scores.tolist() == pytest.approx([0.25, 0.9])


def test_generic_word_label_column_with_a_typo_names_the_label(tmp_path):
    """A word label column with one unknown label is still a label column: the error names the label
    and its line, not "score 'entailment' is not a number" on the first row."""
    path = write(tmp_path, "nli.csv", "premise,hypothesis,label\nA man runs.,A person runs.,entailment\n"
                                      "A cat.,A dog.,maybe\n")
    with pytest.raises(DataError, match=r"line 3: label 'maybe' is not one of entailment"):
        read_pairs(path)


def test_semicolon_pair_file_with_decimal_commas(tmp_path):
    """Excel where the decimal sign is a comma: ``;`` between fields and ``4,5`` for 4.5 (also in a
    column called label); ``3,800`` could be a thousands separator and is refused, not guessed."""
    path = write(tmp_path, "pairs.csv", "sentence1;sentence2;score\nA man runs.;A person runs.;4,5\n"
                                        "A cat.;A dog.;0,25\nTwo birds.;Birds fly.;3\n")
    ds = read_pairs(path)
    assert ds.task == "sts" and ds.scores.tolist() == pytest.approx([4.5, 0.25, 3.0])
    labelled = write(tmp_path, "l.csv", "sentence1;sentence2;label\na;b;0,5\nc;d;3,75\n")
    assert read_pairs(labelled).scores.tolist() == pytest.approx([0.5, 3.75])
    odd = write(tmp_path, "odd.csv", "sentence1;sentence2;score\na;b;3,800\n")
    with pytest.raises(DataError, match="line 2: score '3,800' is not a number"):
        read_pairs(odd)


def test_generic_column_mapping_and_forced_format(tmp_path):
    path = write(tmp_path, "odd.csv", "left,right,sim\na,b,3\nc,d,4\n")
    assert detect_pair_format(path) is None
    with pytest.raises(DataError, match="not a known pair data set"):
        read_pairs(path)
    ds = read_pairs(path, format="generic", columns={"sentence1": "left", "sentence2": "right", "score": "sim"})
    assert ds.pairs() == [("a", "b"), ("c", "d")] and ds.score_range == (1.0, 5.0)  # no score below 1 (#15)
    with pytest.raises(DataError, match="no score column 'nope'"):
        read_pairs(path, format="generic", columns={"sentence1": "left", "sentence2": "right", "score": "nope"})


def test_generic_jsonl_and_parquet(tmp_path):
    pd = pytest.importorskip("pandas")
    rows = [{"text_a": "a", "text_b": "b", "score": 1.5}, {"text_a": "c", "text_b": "d", "score": 4.0}]
    jsonl = write(tmp_path, "p.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    assert read_pairs(jsonl).scores.tolist() == [1.5, 4.0]
    parquet = tmp_path / "p.parquet"
    pd.DataFrame({"s1": ["a", "c"], "s2": ["b", "d"], "label": [2, 0]}).to_parquet(parquet)
    assert detect_pair_format(parquet) == "generic"
    ds = read_pairs(parquet)
    assert ds.labels.tolist() == [2, 0] and ds.encoding is None and ds.line_numbers == [1, 2]


def test_dataset_helpers(tmp_path):
    ds = read_pairs(write(tmp_path, "sts.csv", STSB_ROWS))
    sub = ds.subset([2, 0])
    assert isinstance(sub, PairDataset) and len(sub) == 2 and len(ds) == 3
    assert sub.sentence1 == ["A b c.", "A plane is taking off."] and sub.line_numbers == [3, 1]
    assert sub.scores.tolist() == pytest.approx([2.5, 5.0])
    assert sub.normalized_scores().tolist() == pytest.approx([0.5, 1.0])
    assert ds.label_names == ()
    assert ds.pairs()[0] == ("A plane is taking off.", "An air plane is taking off.")
    assert NLI_LABELS == ("entailment", "neutral", "contradiction")


@pytest.mark.parametrize("name,text,line,reason", [
    ("empty.tsv", "", None, "empty"),
    ("trunc.csv", STSB_ROWS + "main-news\theadlines\t2016\t0003\t1.0\tonly one sentence\n", 4, "too few fields"),
    ("score.csv", STSB_ROWS.replace("\t0.8\t", "\tabc\t"), 2, "score 'abc' is not a number"),
    ("range.csv", STSB_ROWS.replace("\t0.8\t", "\t7.5\t"), 2, "outside 0-5"),
    ("label.tsv", "sentence1\tsentence2\tgold_label\na\tb\tneutral\nc\td\tmaybe\n", 3, "label 'maybe'"),
    ("snli.tsv", "premise\thypothesis\tlabel\na\tb\t1\nc\td\t?\n", 3, "label '?'"),
    ("header.tsv", "sentence1\tsentence2\tgold_label\na\tb\n", 2, "too few fields"),
    ("blank.tsv", "premise\thypothesis\tlabel\na\t \t1\n", 2, "hypothesis is empty"),
    ("cols.txt", "pair_ID\tsentence_A\tsentence_B\trelatedness_score\tentailment_judgment\n"
                 "1\ta\tb\t3\n", 2, "too few fields"),
])
def test_bad_input_raises_data_error_with_line(tmp_path, name, text, line, reason):
    path = write(tmp_path, name, text)
    with pytest.raises(DataError) as info:
        read_pairs(path)
    err = info.value
    assert reason in err.reason and err.line == line and err.path == str(path)
    assert str(path) in str(err)


def test_forced_format_with_wrong_header(tmp_path):
    path = write(tmp_path, "x.tsv", "sentence1\tsentence2\tlabel\na\tb\t0\n")
    with pytest.raises(DataError, match="lacks premise, hypothesis") as info:
        read_pairs(path, format="snli")
    assert info.value.line == 1


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "model.tsv"
    path.write_bytes(b"PK\x03\x04\x00\x00binary\nstuff\x00")
    with pytest.raises(DataError, match="is a ZIP archive"):
        read_pairs(path, format="snli")
    path.write_bytes(b"\x07\x00binary\nstuff\x00")
    with pytest.raises(DataError, match="binary") as info:
        read_pairs(path, format="snli")
    assert info.value.line == 1


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="not found"):
        read_pairs(tmp_path / "nope.tsv", format="kornli")


def test_nothing_half_loaded_on_late_error(tmp_path):
    rows = "".join(f"genre\tf\t2012\t{i:04d}\t{i % 5}.0\ts{i}.\tt{i}.\n" for i in range(500))
    path = write(tmp_path, "late.csv", rows + "genre\tf\t2012\t9999\tnot-a-score\ts.\tt.\n")
    with pytest.raises(DataError) as info:
        read_pairs(path)
    assert info.value.line == 501


def test_utf16_and_cp949_pair_files(tmp_path):
    text = "sentence1\tsentence2\tgold_label\n비가 온다.\t날씨가 맑다.\tcontradiction\n"
    for encoding, expected in (("utf-16", "utf-16"), ("cp949", "cp949"), ("utf-8-sig", "utf-8-sig")):
        ds = read_pairs(write(tmp_path, f"k-{encoding}.tsv", text, encoding=encoding))
        assert ds.format == "kornli" and ds.encoding == expected
        assert ds.sentence1 == ["비가 온다."] and ds.labels.tolist() == [2]


def test_float_labels_from_spreadsheets(tmp_path):
    pd = pytest.importorskip("pandas")
    path = tmp_path / "nli.xlsx"
    pd.DataFrame({"sentence1": ["a", "b"], "sentence2": ["c", "d"], "label": [1.0, 2.0]}).to_excel(path, index=False)
    ds = read_pairs(path)
    assert ds.labels.tolist() == [1, 2] and ds.line_numbers == [2, 3]


def test_float_label_column_stays_labels(tmp_path):
    pd = pytest.importorskip("pandas")
    path = tmp_path / "nli.parquet"
    pd.DataFrame({"premise": ["a", "b"], "hypothesis": ["c", "d"], "label": [0.0, 2.0]}).to_parquet(path)
    ds = read_pairs(path)
    assert ds.task == "nli" and ds.labels.tolist() == [0, 2] and ds.scores is None


def test_binary_duplicate_labels_are_a_score(tmp_path):
    """Quora's question1/question2/is_duplicate, MRPC's Quality/#1 String/#2 String and a query/passage/label
    file hold 0/1 judgements (1 = same meaning): read as a 0-1 score, said in the problems. Before, Quora's
    file was not recognised as pairs and a 0/1 "label" read as SNLI's 0 entailment / 1 neutral. Told the
    NLI task, or with 2s present, labels stay NLI labels."""
    quora = write(tmp_path, "quora.csv", "id,qid1,qid2,question1,question2,is_duplicate\n"
                                         "0,1,2,How do I learn Python?,What is the best way to learn Python?,1\n"
                                         "1,3,4,Why is the sky blue?,How tall is Everest?,0\n")
    ds = read_pairs(quora)
    assert ds.task == "sts" and ds.scores.tolist() == [1.0, 0.0] and ds.score_range == (0.0, 1.0)
    assert any("'is_duplicate' column holds only 0 and 1" in p for p in ds.problems)
    mrpc = write(tmp_path, "mrpc.tsv", "Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
                                       "1\t70\t71\tAmrozi accused his brother.\tAmrozi accused his brother again.\n"
                                       "0\t72\t73\tYucaipa owned Dominick.\tYucaipa bought Dominick in 1995.\n")
    ds = read_pairs(mrpc)
    assert ds.sentence1[0] == "Amrozi accused his brother." and ds.scores.tolist() == [1.0, 0.0]
    qp = write(tmp_path, "qp.tsv", "query\tpassage\tlabel\nwhat is sbert\tSentence-BERT embeds sentences\t1\n"
                                   "what is sbert\tThe sky is blue\t0\n")
    assert read_pairs(qp).scores.tolist() == [1.0, 0.0]
    nli = read_pairs(qp, task="nli")
    assert nli.task == "nli" and nli.labels.tolist() == [1, 0]
    three = write(tmp_path, "three.tsv", "sentence1\tsentence2\tlabel\na\tb\t0\nc\td\t1\ne\tf\t2\n")
    assert read_pairs(three).labels.tolist() == [0, 1, 2]


def test_a_guessed_score_scale_is_said(tmp_path):
    """A 0-5 file with no pair below 1 was read as 1-5 (1.2 became 0.05, not 0.24) and a 1-10 rating as
    2-9 (the scores seen), with no word. Common scales are tried, and a guess is said."""
    subset = tmp_path / "subset.csv"
    subset.write_text("sentence1,sentence2,score\nA man plays.,Someone plays.,4.8\nA cat.,A dog.,1.2\nKids.,Children.,3.5\n",
                      encoding="utf-8")
    ds = read_pairs(subset)
    assert ds.score_range == (1.0, 5.0)
    assert ds.warnings[0].startswith("the scores lie in 1.2-4.8 and no scale is named: read on a 1-5 scale (1.2 is 0.05")
    rating = tmp_path / "rating.csv"
    rating.write_text("sentence1,sentence2,score\nA.,B.,9\nC.,D.,2\nE.,F.,5\n", encoding="utf-8")
    assert read_pairs(rating).score_range == (1.0, 10.0) and "read on a 1-10 scale" in read_pairs(rating).warnings[0]
    full = tmp_path / "full.csv"
    full.write_text("sentence1,sentence2,score\nA.,B.,0.4\nC.,D.,5\n", encoding="utf-8")
    assert read_pairs(full).score_range == (0.0, 5.0) and not read_pairs(full).warnings


def test_pairs_without_a_gold_label_are_skipped(tmp_path):
    """A Hugging Face SNLI export keeps label -1 ('no gold label'): it was read as STS scores on a -1..2
    scale and evaluated as a Spearman against class ids. Raw SNLI's '-' rows refused the whole file.
    Both are skipped now, counted, and the file is NLI."""
    hf = tmp_path / "snli.jsonl"
    hf.write_text('{"premise":"A man.","hypothesis":"A person.","label":0}\n'
                  '{"premise":"A dog.","hypothesis":"A cat.","label":-1}\n'
                  '{"premise":"X.","hypothesis":"Y.","label":2}\n', encoding="utf-8")
    ds = read_pairs(hf)
    assert ds.task == "nli" and ds.labels.tolist() == [0, 2] and ds.line_numbers == [1, 3]
    assert ds.warnings == ["1 pair(s) without a gold label ('-' or -1) skipped (first at line 2)"]
    raw = tmp_path / "snli_1.0_dev.txt"
    raw.write_text("gold_label\tsentence1\tsentence2\nneutral\tTwo women.\tSisters.\n-\tA man sits.\tA man stands.\n"
                   "contradiction\tA dog runs.\tA cat sleeps.\n", encoding="utf-8")
    ds = read_pairs(raw)
    assert ds.task == "nli" and len(ds) == 2 and ds.sentence1 == ["Two women.", "A dog runs."]
    assert "skipped (first at line 3)" in ds.warnings[0]


def test_pair_files_saved_again_by_pandas_or_excel(tmp_path, data_dir):
    """KorNLI re-saved by pandas (to_csv(sep="\\t")) kept its CSV quotes in every quoted sentence
    (doubled quotes and all), because the known formats forced quotes-as-text; a user's
    premise/hypothesis/label file with a quote as text was 'broken CSV quoting'; a TSV with a line
    break inside a quoted field was 'too few fields'."""
    import pandas as pd

    frame = pd.read_csv(data_dir / "kornli" / "xnli.dev.ko.tsv", sep="\t", quoting=3, nrows=12)
    frame.to_csv(tmp_path / "kornli.tsv", sep="\t", index=False)
    original = read_pairs(data_dir / "kornli" / "xnli.dev.ko.tsv")
    ds = read_pairs(tmp_path / "kornli.tsv")
    assert ds.format == "kornli" and ds.sentence1 == original.sentence1[:12] and ds.sentence2 == original.sentence2[:12]
    assert any('"' in s for s in ds.sentence1)  # quotes inside the sentences stay, unescaped
    own = tmp_path / "own.tsv"
    own.write_text('premise\thypothesis\tlabel\n"Stop," he said.\tHe spoke.\tentailment\nA man sings.\tA person sings.\t'
                   'entailment\n', encoding="utf-8")
    assert read_pairs(own).sentence1 == ['"Stop," he said.', "A man sings."]
    frame = pd.DataFrame({"sentence1": ["line one\nline two", 'He said "hi".'], "sentence2": ["b", "c"], "score": [1.0, 0.5]})
    frame.to_csv(tmp_path / "multi.tsv", sep="\t", index=False)
    ds = read_pairs(tmp_path / "multi.tsv")
    assert ds.sentence1 == ["line one\nline two", 'He said "hi".'] and ds.line_numbers == [2, 4]


def test_pair_detection_looks_where_the_reader_reads(tmp_path):
    """A workbook open on its pairs sheet was detected on its first sheet (read as sentences); a JSON Lines
    pair file whose first object lacks the score was 'sentences' (its keys alone were looked at)."""
    import openpyxl

    from sbert_desktop.core.data import detect_pair_format

    book = openpyxl.Workbook()
    book.active.title = "About"
    book.active.append(["note"])
    book.active.append(["STS pairs collected in 2026."])
    pairs = book.create_sheet("Pairs")
    for row in (["sentence1", "sentence2", "score"], ["A man plays.", "Someone plays.", 4.2], ["A cat.", "A dog.", 0.5]):
        pairs.append(row)
    book.active = 1
    book.save(tmp_path / "book.xlsx")
    assert detect_pair_format(tmp_path / "book.xlsx") == "generic"
    assert read_pairs(tmp_path / "book.xlsx").sentence1 == ["A man plays.", "A cat."]
    jl = tmp_path / "p.jsonl"
    jl.write_text('{"sentence1": "A man.", "sentence2": "A person."}\n{"sentence1": "A dog.", "sentence2": "A cat.", '
                  '"score": 1.5}\n', encoding="utf-8")
    assert detect_pair_format(jl) == "generic"
    with pytest.raises(DataError, match="score None is missing") as info:
        read_pairs(jl)
    assert info.value.line == 1
