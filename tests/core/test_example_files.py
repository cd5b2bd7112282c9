"""The example set is found by ``core.example`` and reads through the app's own readers with the
counts its README documents (tests/core/test_example_resources.py checks the raw files)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sbert_desktop.core import example
from sbert_desktop.core.data import NLI_LABELS, read_pairs, read_sentences

ROOT = Path(__file__).resolve().parents[2]


def test_example_dir_is_the_checkouts_resources(monkeypatch):
    monkeypatch.delenv(example.ENV_VAR, raising=False)
    assert example.example_dir() == ROOT / "resources" / "example"
    files = example.example_files()
    assert files.sentences.name == "sentences.csv" and files.sts_dev.is_file() and files.nli_train.is_file()


def test_env_var_wins_and_missing_files_are_a_clear_error(monkeypatch, tmp_path):
    copy = tmp_path / "example"
    copy.mkdir()
    for name in example.FILES:
        (copy / name).write_bytes((ROOT / "resources" / "example" / name).read_bytes())
    monkeypatch.setenv(example.ENV_VAR, str(copy))
    assert example.example_dir() == copy

    monkeypatch.setattr(example, "candidate_dirs", lambda: [tmp_path / "nowhere"])
    with pytest.raises(example.ExampleNotFound, match="SBERT_DESKTOP_EXAMPLE"):
        example.example_dir()


def test_sentences_load_with_the_text_column():
    sf = read_sentences(example.example_files().sentences)
    assert sf.column == example.TEXT_COLUMN == "text"
    assert sf.columns == ["text", "topic", "lang"]
    assert len(sf.sentences) == sf.n_rows == 415 and sf.n_blank == 0 and sf.n_duplicates == 0
    assert sum(any("\uac00" <= ch <= "\ud7a3" for ch in s) for s in sf.sentences) == 40


@pytest.mark.parametrize("name, rows", [("sts_train", 240), ("sts_dev", 60)])
def test_sts_pairs_load_with_scores(name, rows):
    pairs = read_pairs(getattr(example.example_files(), name))
    assert pairs.task == "sts" and len(pairs) == rows
    assert pairs.labels is None and pairs.scores is not None and pairs.score_range == (0.0, 5.0)
    assert 0.0 <= float(pairs.scores.min()) and float(pairs.scores.max()) <= 5.0
    assert len(np.unique(np.round(pairs.scores))) == 6  # every step of the 0–5 scale


@pytest.mark.parametrize("name, rows", [("nli_train", 240), ("nli_dev", 60)])
def test_nli_pairs_load_with_labels(name, rows):
    pairs = read_pairs(getattr(example.example_files(), name))
    assert pairs.task == "nli" and len(pairs) == rows and pairs.scores is None
    assert np.bincount(pairs.labels, minlength=len(NLI_LABELS)).tolist() == [rows // 3] * 3
