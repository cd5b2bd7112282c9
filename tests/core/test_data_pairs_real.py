"""The real STS and NLI data sets in ../shared/data load with their published row counts."""

from __future__ import annotations

import numpy as np
import pytest

from sbert_desktop.core.data import NLI_LABELS, detect_pair_format, read_pairs

CASES = [
    ("stsb-en/sts-train.csv", "stsb", 5749),
    ("stsb-en/sts-dev.csv", "stsb", 1500),
    ("korsts/sts-train.tsv", "korsts", 5749),
    ("korsts/sts-dev.tsv", "korsts", 1500),
    ("kornli/xnli.dev.ko.tsv", "kornli", 2490),
    ("snli/validation.tsv", "snli", 9842),
    ("sick/SICK_train.txt", "sick", 4500),
    ("sick/SICK_trial.txt", "sick", 500),
]


@pytest.mark.parametrize("name,fmt,rows", CASES)
def test_real_data_sets_load_with_exact_counts(data_dir, name, fmt, rows):
    path = data_dir / name
    assert detect_pair_format(path) == fmt
    ds = read_pairs(path)
    assert ds.format == fmt
    assert len(ds) == rows == len(ds.sentence2) == len(ds.line_numbers)
    assert ds.encoding == "utf-8"
    assert all(ds.sentence1) and all(ds.sentence2)
    if ds.scores is not None:
        assert ds.scores.dtype == np.float32 and ds.scores.shape == (rows,)
        norm = ds.normalized_scores()
        assert norm.min() >= 0.0 and norm.max() <= 1.0
    if ds.labels is not None:
        assert ds.labels.dtype == np.int64 and set(np.unique(ds.labels)) <= {0, 1, 2}


def test_stsb_spot_values_and_unbalanced_quotes(data_dir):
    ds = read_pairs(data_dir / "stsb-en/sts-train.csv")
    assert ds.task == "sts" and ds.score_range == (0.0, 5.0) and ds.labels is None
    assert ds.scores[0] == pytest.approx(5.0)
    assert ds.sentence1[0] == "A plane is taking off."
    assert ds.sentence2[0] == "An air plane is taking off."
    i = ds.sentence1.index('"Then the captain was gone.')
    assert ds.sentence2[i] == "Then the captain came back."
    assert ds.scores[i] == pytest.approx(0.8)
    assert ds.line_numbers[i] == 2002
    assert ds.columns == ["genre", "filename", "year", "id", "score", "sentence1", "sentence2"]
    assert any("197 row(s) have extra columns" in p for p in ds.problems)
    dev = read_pairs(data_dir / "stsb-en/sts-dev.csv")
    assert dev.scores[1] == pytest.approx(4.75)
    assert dev.sentence1[0] == "A man with a hard hat is dancing."


def test_korsts_aligns_with_stsb(data_dir):
    ko = read_pairs(data_dir / "korsts/sts-train.tsv")
    en = read_pairs(data_dir / "stsb-en/sts-train.csv")
    assert ko.sentence1[0] == "비행기가 이륙하고 있다."
    assert ko.line_numbers[0] == 2  # header on line 1
    np.testing.assert_allclose(ko.scores, en.scores)
    dev = read_pairs(data_dir / "korsts/sts-dev.tsv")  # no trailing newline: last row kept
    assert dev.line_numbers[-1] == 1501


def test_kornli_keeps_quotes_as_text(data_dir):
    ds = read_pairs(data_dir / "kornli/xnli.dev.ko.tsv")
    assert ds.task == "nli" and ds.scores is None and ds.label_names == NLI_LABELS
    assert NLI_LABELS[ds.labels[0]] == "neutral" and NLI_LABELS[ds.labels[1]] == "contradiction"
    assert ds.sentence1[0].count('"') == 2  # 그리고 그가 말했다, "엄마, 저 왔어요."
    assert np.bincount(ds.labels).tolist() == [830, 830, 830]


def test_snli_unescapes_real_csv_quoting(data_dir):
    ds = read_pairs(data_dir / "snli/validation.tsv")
    assert ds.labels[:3].tolist() == [1, 0, 2]
    assert ds.sentence1[0] == "Two women are embracing while holding to go packages."
    assert 'The man is reading a spoon with the words "HELP ME" on it.' in ds.sentence2
    assert not any(s.startswith('"') and s.endswith('"') and '""' in s for s in ds.sentence1 + ds.sentence2)


def test_sick_has_scores_and_labels(data_dir):
    ds = read_pairs(data_dir / "sick/SICK_train.txt")
    assert ds.task == "sts" and ds.score_range == (1.0, 5.0)
    assert ds.scores[0] == pytest.approx(4.5) and NLI_LABELS[ds.labels[0]] == "neutral"
    nli = read_pairs(data_dir / "sick/SICK_trial.txt", task="nli")
    assert nli.task == "nli" and nli.scores is not None
    assert nli.scores[0] == pytest.approx(3.6) and NLI_LABELS[nli.labels[0]] == "contradiction"
    assert np.isclose(nli.normalized_scores()[0], (3.6 - 1) / 4)


def test_nli_task_on_sts_data_is_refused(data_dir):
    from sbert_desktop.core.errors import DataError

    with pytest.raises(DataError, match="no NLI labels"):
        read_pairs(data_dir / "stsb-en/sts-dev.csv", task="nli")
    with pytest.raises(DataError, match="no similarity scores"):
        read_pairs(data_dir / "snli/validation.tsv", task="sts")
