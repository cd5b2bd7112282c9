"""Cluster labels from class-based TF-IDF (c-TF-IDF, as in BERTopic), for English and Korean.

All sentences of a cluster form one document; a word scores high when it is frequent in that
cluster and rare across clusters::

    score(t, c) = tf(t, c) / words(c) * log(1 + mean_words_per_cluster / total_count(t))

Tokenizer: lowercase, split on non-word characters, drop numbers, 1-letter Latin tokens and stop
words. Hangul words lose a trailing josa particle (커피는 -> 커피, 학교에서 -> 학교) when the corpus
supports the stem (see :func:`tokenize_corpus`). Hangul words seen in a single sentence of the
whole corpus (usually an inflected form) are replaced by their character bigrams, so 마셨어요 and
마셨다 still share 마셨 (``bigram_fallback=True``).
With ``kiwipiepy`` installed (``analyser="auto"``, the default), Korean words come instead from
Kiwi's nouns and roots (:mod:`sbert_desktop.core.korean_morph`: 김치찌개에는 -> 김치찌개), and
non-Hangul text keeps the tokenizer above; :func:`keyword_analyser` says which is used.
Stop word lists are plain sets: pass your own, or extend :data:`DEFAULT_STOP_WORDS`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Sequence

import numpy as np

ENGLISH_STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can cannot could did do does doing don down during each
    few for from further get gets got had has have having he her here hers herself him himself his how
    i if in into is isn it its itself just let like me more most much my myself no nor not now of off
    on once one only or other our ours ourselves out over own really same she should so some such
    than that the their theirs them themselves then there these they this those through to too under
    until up us very was we were what when where which while who whom why will with would yes yet you
    your yours yourself yourselves s t d ll m re ve don doesn didn isn wasn weren won wouldn shouldn
    couldn can't i'm it's""".split()
)

KOREAN_STOP_WORDS = frozenset(
    """이 그 저 것 수 등 및 또 또는 더 덜 좀 잘 안 못 참 꼭 다 각 몇 이런 그런 저런 이것 그것 저것 여기 거기
    저기 이거 그거 저거 우리 저희 나 너 저는 나는 제가 내가 너는 그는 그녀 당신 그리고 그러나 하지만
    그래서 그런데 그러면 또한 즉 만약 왜 어떤 어떻게 무엇 무슨 누구 언제 어디 정말 너무 아주 매우
    진짜 완전 많이 조금 항상 자주 가끔 이미 아직 다시 모두 모든 같은 같이 위해 때문에 대한 대해 통해
    있다 있는 있고 있어 있어요 있습니다 있었다 없다 없는 없어요 없습니다 하다 하는 하고 해서 해요 했다
    했어요 합니다 했습니다 한다 된다 되는 되고 됩니다 이다 입니다 이에요 예요 아니다 아닌 것이 것은
    것을 거예요 겁니다 때 중 후 전 간 내 외 위 속 뒤 앞 점 번 개 명 년 월 일 한 두 세 네
    어요 아요 해요 세요 니다 습니 었어 았어 였어 었다 았다 였다 했어 어서 아서 지만 는데 은데 네요 군요
    에요 예요 니까 거든 는다 었습 았습 겠다 겠어
    겠습 였습 했습 있습 없습 합니 됩니 입니 갑니 옵니 봅니 십시 시오 하세 어야 아야 려고 려면""".split()
)

DEFAULT_STOP_WORDS = ENGLISH_STOP_WORDS | KOREAN_STOP_WORDS

#: josa particles, longest first so 에서 wins over 에 and 으로 over 로. One-syllable endings that
#: are as often part of a word (나, 아, 야, 요, 고, 며) are left out.
JOSA = tuple(sorted(
    """은 는 이 가 을 를 에 에서 에게 께 께서 한테 의 와 과 도 로 으로 만 까지 부터 보다 처럼 마저 조차
    이나 이랑 랑 하고 에는 에서는 으로는 로는 에도 에서도 이라도 라도 이든 이며 이고 이요 이야 한테서
    에게서 로서 으로서 로써 으로써 이란 과는 와는 만큼""".split(),
    key=len, reverse=True,
))

_SPLIT = re.compile(r"[^\w]+|_")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_DIGITS = re.compile(r"^\d+$")


def is_hangul(token: str) -> bool:
    return bool(_HANGUL.search(token))


def _candidate_stems(token: str, min_stem_for_one_syllable: int) -> list[str]:
    stems = []
    for particle in JOSA:
        if token.endswith(particle) and len(token) > len(particle):
            stem = token[: -len(particle)]
            if len(particle) == 1 and len(stem) < min_stem_for_one_syllable:
                continue
            stems.append(stem)
    return stems


def strip_josa(token: str) -> str:
    """``token`` without its trailing particle; a one-syllable particle only when 2 syllables remain.

    This is the context-free rule (for one sentence); :func:`tokenize_corpus` decides with the
    whole corpus as evidence.
    """
    stems = _candidate_stems(token, 2)
    return stems[0] if stems else token


def _raw_tokens(text: str, stop: Iterable[str]) -> list[str]:
    out = []
    for raw in _SPLIT.split(text.lower()):
        if not raw or _DIGITS.match(raw) or raw in stop:
            continue
        if len(raw) < 2 and not is_hangul(raw):
            continue
        out.append(raw)
    return out


def tokenize(text: str, stop_words: Iterable[str] | None = None) -> list[str]:
    """Lowercased word tokens of ``text``, Hangul particles stripped, stop words and numbers dropped."""
    stop = DEFAULT_STOP_WORDS if stop_words is None else stop_words
    tokens = (strip_josa(t) if is_hangul(t) else t for t in _raw_tokens(text, stop))
    return [t for t in tokens if t and t not in stop]


def hangul_bigrams(token: str) -> list[str]:
    """Character bigrams of a Hangul word (the word itself when it is two syllables or fewer)."""
    return [token] if len(token) <= 2 else [token[i : i + 2] for i in range(len(token) - 1)]


def keyword_analyser(analyser: str = "auto") -> str:
    """Which Korean tokenizer ``analyser`` resolves to: ``"kiwi"`` or ``"heuristic"``."""
    from sbert_desktop.core import korean_morph

    if analyser not in ("auto", korean_morph.KIWI, korean_morph.HEURISTIC):
        raise ValueError(f"unknown Korean analyser {analyser!r} (auto, kiwi or heuristic)")
    if analyser == korean_morph.HEURISTIC:
        return analyser
    if korean_morph.analyser() == korean_morph.KIWI:
        return korean_morph.KIWI
    if analyser == korean_morph.KIWI:
        raise RuntimeError("the Kiwi analyser needs kiwipiepy (pip install sbert-desktop[korean])")
    return korean_morph.HEURISTIC


def _tokenize_corpus_kiwi(sentences: Sequence[str], stop: frozenset[str]) -> list[list[str]] | None:
    from sbert_desktop.core import korean_morph

    korean = korean_morph.content_words(sentences)
    if korean is None:
        return None
    return [_raw_tokens(korean_morph.non_hangul(s), stop) + [w for w in words if w not in stop]
            for s, words in zip(sentences, korean)]


def tokenize_corpus(
    sentences: Sequence[str], stop_words: Iterable[str] | None = None, bigram_fallback: bool = True,
    analyser: str = "heuristic",
) -> list[list[str]]:
    """Tokenize every sentence, using the corpus as evidence for Korean.

    ``analyser="kiwi"`` (or ``"auto"`` with kiwipiepy installed) takes Korean nouns and roots
    from Kiwi and English words from the rule below; the rest of this docstring is the heuristic.

    A particle is stripped from a Hangul word when the stem also occurs on its own or is the stem
    of at least two different words (커피는, 커피를 -> 커피; 고양이 keeps its 이 unless 고양 is
    seen elsewhere). With ``bigram_fallback`` a Hangul word that then occurs in only one sentence
    is replaced by the character bigrams of its :func:`strip_josa` stem (stop words dropped).
    """
    stop = DEFAULT_STOP_WORDS if stop_words is None else frozenset(stop_words)
    if keyword_analyser(analyser) == "kiwi":
        docs = _tokenize_corpus_kiwi(sentences, stop)
        if docs is not None:
            return docs
    raw_docs = [_raw_tokens(s, stop) for s in sentences]
    vocab = {t for doc in raw_docs for t in doc if is_hangul(t)}
    producers: dict[str, set[str]] = {}
    for t in vocab:
        for stem in _candidate_stems(t, 1):
            producers.setdefault(stem, set()).add(t)
    stem_of = {}
    for t in vocab:
        # a stem seen as a bare word wins, then the one most words share, then the longer particle
        supported = [(stem in vocab, len(producers[stem]), -i, stem)
                     for i, stem in enumerate(_candidate_stems(t, 1))
                     if stem in vocab or len(producers[stem]) >= 2]
        stem_of[t] = max(supported)[3] if supported else t
    docs = [[t for t in (stem_of.get(r, r) for r in doc) if t not in stop] for doc in raw_docs]
    if not bigram_fallback:
        return docs
    doc_freq = Counter(t for doc in docs for t in set(doc))
    out = []
    for doc in docs:
        tokens: list[str] = []
        for t in doc:
            if doc_freq[t] == 1 and len(t) > 2 and is_hangul(t):
                tokens.extend(b for b in hangul_bigrams(strip_josa(t)) if b not in stop)
            else:
                tokens.append(t)
        out.append(tokens)
    return out


def cluster_keywords(
    sentences: Sequence[str],
    labels: Sequence[int] | np.ndarray,
    top_n: int = 4,
    stop_words: Iterable[str] | None = None,
    bigram_fallback: bool = True,
    analyser: str = "auto",
) -> dict[int, list[tuple[str, float]]]:
    """c-TF-IDF: the ``top_n`` ``(word, score)`` of every label (noise, -1, included), best first.

    ``analyser``: ``"auto"`` (Kiwi for Korean when installed), ``"kiwi"`` or ``"heuristic"``.
    """
    labels = np.asarray(labels)
    if len(labels) != len(sentences):
        raise ValueError(f"{len(sentences)} sentences but {len(labels)} labels")
    docs = tokenize_corpus(sentences, stop_words, bigram_fallback, analyser)
    classes = sorted(int(c) for c in np.unique(labels))
    counts: dict[int, Counter] = {c: Counter() for c in classes}
    for doc, label in zip(docs, labels.tolist()):
        counts[int(label)].update(doc)
    total = Counter()
    for c in classes:
        total.update(counts[c])
    if not total:
        return {c: [] for c in classes}
    mean_words = sum(total.values()) / len(classes)
    idf = {t: math.log(1.0 + mean_words / f) for t, f in total.items()}
    result: dict[int, list[tuple[str, float]]] = {}
    for c in classes:
        n_words = sum(counts[c].values()) or 1
        scored = [(t, tf / n_words * idf[t]) for t, tf in counts[c].items()]
        scored.sort(key=lambda item: (-item[1], item[0]))  # ties: alphabetical, deterministic
        result[c] = [(t, float(s)) for t, s in scored[:top_n]]
    return result


def cluster_labels(
    sentences: Sequence[str],
    labels: Sequence[int] | np.ndarray,
    top_n: int = 4,
    stop_words: Iterable[str] | None = None,
    bigram_fallback: bool = True,
    analyser: str = "auto",
) -> dict[int, list[str]]:
    """The ``top_n`` c-TF-IDF words of every cluster label, best first."""
    keywords = cluster_keywords(sentences, labels, top_n, stop_words, bigram_fallback, analyser)
    return {c: [w for w, _ in words] for c, words in keywords.items()}


def label_text(words: Sequence[str], sep: str = " \u00b7 ", empty: str = "(no keywords)") -> str:
    """``["coffee", "espresso", "cafe"]`` -> ``"coffee · espresso · cafe"``."""
    return sep.join(words) if words else empty


def readable_labels(
    sentences: Sequence[str],
    labels: Sequence[int] | np.ndarray,
    top_n: int = 3,
    stop_words: Iterable[str] | None = None,
) -> dict[int, str]:
    """One display string per label, e.g. ``{0: "coffee · espresso · cafe", -1: "noise: ..."}``."""
    out = {c: label_text(words) for c, words in cluster_labels(sentences, labels, top_n, stop_words).items()}
    if -1 in out:
        out[-1] = f"noise: {out[-1]}"
    return out
