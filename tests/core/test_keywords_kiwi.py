"""Korean topic words with Kiwi (kiwipiepy) and without it (the particle heuristic)."""

from __future__ import annotations

import sys

import pytest

from sbert_desktop.core import keywords as K
from sbert_desktop.core import korean_morph

KOREAN = [
    "김치찌개에는 잘 익은 김치와 돼지고기를 넣어야 맛있다.", "김치찌개를 끓일 때 두부를 넣었다.",
    "어머니가 김치찌개와 두부조림을 만들었다.",
    "공항에서 비행기 출발이 두 시간 늦어졌다.", "비행기 탑승구가 공항 끝에 있었다.",
    "공항 라운지에서 비행기를 기다렸다.",
]
MIXED = KOREAN + ["The football match ended in a draw", "Our football team won the match",
                  "축구 경기에서 football 팀이 이겼다"]
GROUPS = [0, 0, 0, 1, 1, 1]


@pytest.fixture
def no_kiwi(monkeypatch):
    """kiwipiepy made unimportable, as on a machine without the [korean] extra."""
    monkeypatch.setitem(sys.modules, "kiwipiepy", None)
    korean_morph.reset()
    yield
    korean_morph.reset()


@pytest.fixture
def kiwi():
    pytest.importorskip("kiwipiepy")
    if not korean_morph.kiwi_available():  # left behind by a test without it
        korean_morph.reset()
    yield


def test_without_kiwi_the_heuristic_is_used(no_kiwi):
    assert korean_morph.analyser() == "heuristic" and not korean_morph.kiwi_available()
    assert K.keyword_analyser() == "heuristic"
    assert "heuristic" in korean_morph.analyser_description()
    assert korean_morph.content_words(["커피를 마셨다"]) is None
    with pytest.raises(RuntimeError, match="kiwipiepy"):
        K.cluster_labels(KOREAN, GROUPS, analyser="kiwi")
    auto = K.cluster_labels(KOREAN, GROUPS, top_n=3)
    assert auto == K.cluster_labels(KOREAN, GROUPS, top_n=3, analyser="heuristic")
    assert "김치찌개" in auto[0]  # the heuristic strips 에는/를/와 where the corpus supports the stem


def test_with_kiwi_labels_are_nouns(kiwi):
    assert korean_morph.analyser() == "kiwi" and K.keyword_analyser() == "kiwi"
    assert korean_morph.analyser_description().startswith("Korean words: Kiwi")
    words = korean_morph.content_words(["김치찌개에는 돼지고기를 넣어야 맛있다.", "", "plain English"])
    assert words[0][:2] == ["김치찌개", "돼지고기"] and words[1] == [] and words[2] == []
    labels = K.cluster_labels(KOREAN, GROUPS, top_n=3)
    assert labels[0][0] == "김치찌개" and set(labels[0]) <= {"김치찌개", "두부", "김치", "돼지고기", "두부조림", "어머니"}
    assert set(labels[1][:2]) == {"공항", "비행기"}
    # no inflected forms or verb pieces: every word is a noun Kiwi found
    assert all(not w.endswith(("다", "를", "에서")) for ws in labels.values() for w in ws)


def test_with_kiwi_mixed_english_korean(kiwi):
    labels = K.cluster_labels(MIXED, GROUPS + [2, 2, 2], top_n=2)
    assert labels[2] == ["football", "match"]
    assert labels[1][0] in ("공항", "비행기")
    docs = K.tokenize_corpus(["축구 경기에서 football 팀이 이겼다"], analyser="kiwi")
    assert "football" in docs[0] and "축구" in docs[0] and "경기" in docs[0]


def test_unknown_analyser_is_an_error():
    with pytest.raises(ValueError, match="analyser"):
        K.cluster_labels(KOREAN, GROUPS, analyser="mecab")
