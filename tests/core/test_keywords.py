"""core.keywords: c-TF-IDF labels pick the obvious words, in English and Korean."""

from __future__ import annotations

import numpy as np

from sbert_desktop.core import keywords as K

ENGLISH = [
    "I love coffee and espresso at the cafe", "The espresso in this cafe is great coffee",
    "Coffee beans for a strong espresso", "The football match ended in a draw",
    "Our football team won the match", "A late goal decided the football match",
]
KOREAN = [
    "커피는 정말 맛있어요", "아침에 커피를 마셨어요", "이 카페의 커피가 좋아요", "카페에서 커피 한 잔",
    "고양이가 잠을 자요", "우리 고양이는 귀여워요", "고양이 사진을 찍었어요",
]


def test_english_labels():
    labels = K.cluster_labels(ENGLISH, [0, 0, 0, 1, 1, 1], top_n=3)
    assert set(labels[0]) == {"coffee", "espresso", "cafe"}
    assert labels[1][:2] == ["football", "match"]
    readable = K.readable_labels(ENGLISH, [0, 0, 0, 1, 1, 1])
    assert readable[0].count(" \u00b7 ") == 2 and "coffee" in readable[0]


def test_korean_labels_strip_particles():
    labels = K.cluster_labels(KOREAN, [0, 0, 0, 0, 1, 1, 1], top_n=2)
    assert labels[0] == ["커피", "카페"]
    assert labels[1][0] == "고양이"  # 고양이가 / 고양이는 -> 고양이, and 고양이 keeps its 이


def test_mixed_corpus_and_noise_label():
    sentences = ENGLISH + KOREAN + ["random words here", "nothing in common"]
    labels = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, -1, -1]
    words = K.cluster_labels(sentences, labels, top_n=1)
    assert words == {-1: words[-1], 0: ["coffee"], 1: ["football"], 2: ["커피"], 3: ["고양이"]}
    assert K.readable_labels(sentences, labels)[-1].startswith("noise:")


def test_tokenizer():
    assert K.tokenize("The Coffee, the ESPRESSO! 2024") == ["coffee", "espresso"]
    assert K.tokenize("커피는 학교에서 국가") == ["커피", "학교", "국가"]  # one-syllable josa needs 2 left
    assert K.strip_josa("학교에서는") == "학교"
    assert K.hangul_bigrams("에스프레소") == ["에스", "스프", "프레", "레소"]
    docs = K.tokenize_corpus(["커피는 맛있어요", "아침에 커피를 마셨어요"])
    assert docs[0][0] == "커피" and "커피" in docs[1]


def test_stop_words_are_editable():
    default = K.cluster_labels(ENGLISH, [0, 0, 0, 1, 1, 1], top_n=1)
    assert default[0] == ["coffee"] or default[0] == ["espresso"]
    custom = K.cluster_labels(ENGLISH, [0, 0, 0, 1, 1, 1], top_n=1,
                              stop_words=K.DEFAULT_STOP_WORDS | {"coffee", "espresso", "football"})
    assert custom[0] == ["cafe"] and custom[1] == ["match"]
    bare = K.tokenize("the cafe", stop_words=set())
    assert bare == ["the", "cafe"]


def test_scores_and_edge_cases():
    kw = K.cluster_keywords(ENGLISH, np.array([0, 0, 0, 1, 1, 1]), top_n=2)
    assert all(score > 0 for _, score in kw[0])
    assert kw[0][0][1] >= kw[0][1][1]
    assert K.cluster_labels(["the a", "of in"], [0, 1]) == {0: [], 1: []}
    assert K.label_text([]) == "(no keywords)"
