"""inspect_file: a JSON-able summary of sentences or pairs."""

from __future__ import annotations

import json

import pytest

from sbert_desktop.core.data import inspect_file
from sbert_desktop.core.errors import DataError


def test_inspect_sentences(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("a b c\n\nA longer sentence.\na b c\n", encoding="utf-8")
    info = inspect_file(path)
    json.dumps(info)
    assert info["kind"] == "sentences" and info["format"] == "txt" and info["encoding"] == "utf-8"
    assert (info["rows"], info["sentences"], info["blank"], info["duplicates"]) == (4, 3, 1, 1)
    assert info["columns"] == [] and len(info["problems"]) == 2
    assert info["length_chars"]["max"] == len("A longer sentence.")


def test_inspect_nli_pairs_label_distribution(tmp_path):
    path = tmp_path / "nli.tsv"
    path.write_text("premise\thypothesis\tlabel\na\tb\t0\nc\td\t0\ne\tf\t2\n", encoding="utf-8")
    info = inspect_file(path)
    json.dumps(info)
    assert info["kind"] == "pairs" and info["format"] == "snli" and info["task"] == "nli"
    assert info["labels"] == {"entailment": 2, "neutral": 0, "contradiction": 1}
    assert "scores" not in info and info["rows"] == 3


def test_inspect_forced_sentence_format_on_a_pair_file(tmp_path):
    path = tmp_path / "nli.tsv"
    path.write_text("premise\thypothesis\tlabel\nA man.\tA longer hypothesis here.\t0\n", encoding="utf-8")
    assert inspect_file(path, format="tsv")["kind"] == "sentences"
    assert inspect_file(path, column="premise")["column"] == "premise"


def test_inspect_real_sick_has_both_distributions(data_dir):
    info = inspect_file(data_dir / "sick/SICK_trial.txt")
    json.dumps(info)
    assert info["kind"] == "pairs" and info["rows"] == 500 and info["score_range"] == [1.0, 5.0]
    scores = info["scores"]
    assert 1.0 <= scores["min"] <= scores["mean"] <= scores["max"] <= 5.0
    assert len(scores["histogram"]["counts"]) == 6 and len(scores["histogram"]["edges"]) == 7
    assert sum(scores["histogram"]["counts"]) == 500
    assert sum(info["labels"].values()) == 500


def test_inspect_real_stsb_reports_extra_columns(data_dir):
    info = inspect_file(data_dir / "stsb-en/sts-train.csv")
    assert info["format"] == "stsb" and info["rows"] == 5749
    assert any("197 row(s) have extra columns" in p for p in info["problems"])


def test_inspect_errors(tmp_path):
    with pytest.raises(DataError, match="empty"):
        path = tmp_path / "e.csv"
        path.write_bytes(b"")
        inspect_file(path)
    with pytest.raises(ValueError, match="unknown format"):
        inspect_file(tmp_path / "e.csv", format="docx")
