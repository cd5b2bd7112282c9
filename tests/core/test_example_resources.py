"""The bundled example data in ``resources/example``: shape, counts and basic hygiene.

Standard library only; the counts are the exact ones documented in the folder's README.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from pathlib import Path

import pytest

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "resources" / "example"

HANGUL = re.compile(r"[\uac00-\ud7a3]")
NLI_LABELS = {"entailment", "neutral", "contradiction"}

SENTENCE_COUNTS = {
    ("cooking", "en"): 45,
    ("weather", "en"): 45,
    ("sports", "en"): 45,
    ("programming", "en"): 45,
    ("space", "en"): 45,
    ("finance", "en"): 45,
    ("travel", "en"): 45,
    ("health", "en"): 45,
    ("misc", "en"): 15,
    ("cooking", "ko"): 10,
    ("weather", "ko"): 10,
    ("sports", "ko"): 10,
    ("travel", "ko"): 10,
}
# score rounded half up -> number of pairs
STS_BUCKETS = {
    "sts-train.tsv": {0: 28, 1: 34, 2: 51, 3: 35, 4: 44, 5: 48},
    "sts-dev.tsv": {0: 7, 1: 8, 2: 13, 3: 9, 4: 11, 5: 12},
}
NLI_COUNTS = {
    "nli-train.tsv": {"entailment": 80, "neutral": 80, "contradiction": 80},
    "nli-dev.tsv": {"entailment": 20, "neutral": 20, "contradiction": 20},
}


def _read_csv(name: str) -> tuple[list[str], list[list[str]]]:
    with open(EXAMPLE_DIR / name, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def _read_tsv(name: str) -> tuple[list[str], list[list[str]]]:
    with open(EXAMPLE_DIR / name, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


def _check_fields(name: str, rows: list[list[str]], width: int) -> None:
    for i, row in enumerate(rows, start=2):
        assert len(row) == width, f"{name}:{i}: expected {width} fields, got {len(row)}"
        for field in row:
            assert field.strip(), f"{name}:{i}: empty field"
            assert field == field.strip(), f"{name}:{i}: leading/trailing whitespace"
            assert "\t" not in field and "\n" not in field and "\r" not in field


def test_readme_and_files_exist():
    for name in (
        "README.md",
        "sentences.csv",
        "sts-train.tsv",
        "sts-dev.tsv",
        "nli-train.tsv",
        "nli-dev.tsv",
    ):
        assert (EXAMPLE_DIR / name).is_file(), name
    assert "Apache-2.0" in (EXAMPLE_DIR / "README.md").read_text(encoding="utf-8")


def test_sentences_counts_and_hygiene():
    header, rows = _read_csv("sentences.csv")
    assert header == ["text", "topic", "lang"]
    _check_fields("sentences.csv", rows, 3)
    assert len(rows) == sum(SENTENCE_COUNTS.values()) == 415
    assert Counter((topic, lang) for _, topic, lang in rows) == SENTENCE_COUNTS

    texts = [text for text, _, _ in rows]
    assert len(set(texts)) == len(texts), "duplicate sentences"

    per_topic = Counter(topic for _, topic, lang in rows if lang == "en" and topic != "misc")
    assert len(per_topic) == 8
    assert all(n >= 30 for n in per_topic.values()), per_topic
    ko_topics = Counter(topic for _, topic, lang in rows if lang == "ko")
    assert len(ko_topics) == 4
    assert all(n >= 8 for n in ko_topics.values()), ko_topics
    assert set(ko_topics) <= set(per_topic)


def test_sentences_language_column_matches_script():
    _, rows = _read_csv("sentences.csv")
    for text, _, lang in rows:
        assert lang in {"en", "ko"}
        assert bool(HANGUL.search(text)) == (lang == "ko"), text
    assert sum(1 for text, _, _ in rows if HANGUL.search(text)) == 40


def test_english_sentence_lengths():
    _, rows = _read_csv("sentences.csv")
    lengths = [len(text.split()) for text, _, lang in rows if lang == "en"]
    assert min(lengths) >= 6 and max(lengths) <= 30


@pytest.mark.parametrize("name", sorted(STS_BUCKETS))
def test_sts_file(name):
    header, rows = _read_tsv(name)
    assert header == ["sentence1", "sentence2", "score"]
    _check_fields(name, rows, 3)
    assert len(rows) == sum(STS_BUCKETS[name].values())
    buckets = Counter()
    for s1, s2, score in rows:
        assert re.fullmatch(r"\d\.\d", score), score  # one decimal
        value = float(score)
        assert 0.0 <= value <= 5.0
        assert s1 != s2
        buckets[math.floor(value + 0.5)] += 1
    assert dict(buckets) == STS_BUCKETS[name]
    pairs = [frozenset((s1, s2)) for s1, s2, _ in rows]
    assert len(set(pairs)) == len(pairs), "duplicate pairs"


@pytest.mark.parametrize("name", sorted(NLI_COUNTS))
def test_nli_file(name):
    header, rows = _read_tsv(name)
    assert header == ["premise", "hypothesis", "label"]
    _check_fields(name, rows, 3)
    assert len(rows) == sum(NLI_COUNTS[name].values())
    assert {label for _, _, label in rows} <= NLI_LABELS
    assert Counter(label for _, _, label in rows) == NLI_COUNTS[name]
    pairs = [(p, h) for p, h, _ in rows]
    assert len(set(pairs)) == len(pairs), "duplicate pairs"
    assert all(p != h for p, h in pairs)
    # every premise comes with exactly one hypothesis per label
    by_premise: dict[str, list[str]] = {}
    for premise, _, label in rows:
        by_premise.setdefault(premise, []).append(label)
    assert all(sorted(labels) == sorted(NLI_LABELS) for labels in by_premise.values())


def test_sts_train_and_dev_are_disjoint():
    _, train = _read_tsv("sts-train.tsv")
    _, dev = _read_tsv("sts-dev.tsv")
    train_pairs = {frozenset((a, b)) for a, b, _ in train}
    assert not train_pairs & {frozenset((a, b)) for a, b, _ in dev}


def test_nli_train_and_dev_are_disjoint():
    _, train = _read_tsv("nli-train.tsv")
    _, dev = _read_tsv("nli-dev.tsv")
    assert not {(p, h) for p, h, _ in train} & {(p, h) for p, h, _ in dev}
    assert not {p for p, _, _ in train} & {p for p, _, _ in dev}, "premise in both splits"
