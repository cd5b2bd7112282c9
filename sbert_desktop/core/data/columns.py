"""Column names: the spellings data sets use for text, sentence pairs, scores and labels.

Names are compared after :func:`normalize_name` (lower case, only letters and digits), so
``Sentence_A``, ``sentence-a`` and ``sentenceA`` are the same name.
"""

from __future__ import annotations

import re

_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def normalize_name(name: object) -> str:
    return _NON_ALNUM.sub("", str(name).replace("\ufeff", "")).lower()


def _names(*spellings: str) -> tuple[str, ...]:
    return tuple(normalize_name(s) for s in spellings)


#: a column holding one sentence per row, in order of preference
TEXT_NAMES = _names("text", "sentence", "sentences", "content", "document", "utterance", "문장", "텍스트")
SENTENCE1_NAMES = _names("sentence1", "sentence_a", "sentence_1", "s1", "text_a", "text1", "premise",
                         "question1", "sent1", "anchor", "query", "#1 String")  # "#1 String": MRPC
SENTENCE2_NAMES = _names("sentence2", "sentence_b", "sentence_2", "s2", "text_b", "text2", "hypothesis",
                         "question2", "sent2", "positive", "#2 String", "passage")
SCORE_NAMES = _names("score", "similarity", "similarity_score", "relatedness_score", "relatedness",
                     "gold_score", "sim", "stsscore")
LABEL_NAMES = _names("label", "gold_label", "entailment_judgment", "nli_label", "labels", "class",
                     "is_duplicate", "is_paraphrase", "Quality")  # Quora question pairs; PAWS-style; MRPC

KNOWN_NAMES = frozenset(TEXT_NAMES + SENTENCE1_NAMES + SENTENCE2_NAMES + SCORE_NAMES + LABEL_NAMES
                        + _names("id", "pair_id", "genre", "filename", "year", "title", "body", "review",
                                 "question", "answer", "comment"))

_IDENTIFIER = re.compile(r"^[A-Za-z_][\w .-]*$")


def find_column(columns: list[str], names: tuple[str, ...], exclude: set[int] = frozenset()) -> int | None:
    """Index of the first column whose normalized name is in ``names`` (by ``names`` order)."""
    normalized = [normalize_name(c) for c in columns]
    for name in names:
        for i, col in enumerate(normalized):
            if col == name and i not in exclude:
                return i
    return None


def looks_like_header(fields: list[str]) -> bool:
    """Whether a first row is a header rather than data.

    A known column name settles it. Otherwise every field must be short, distinct, not a number
    and not end like a sentence; a single-column file also needs an identifier-like name, since
    a short sentence on its own line looks like a header too.
    """
    cells = [f.strip() for f in fields]
    if any(normalize_name(c) in KNOWN_NAMES for c in cells):
        return True
    if not cells or any(not c for c in cells) or len(set(cells)) != len(cells):
        return False
    for c in cells:
        if len(c) > 40 or len(c.split()) > 4 or c[-1] in ".?!…。" or is_number(c):
            return False
    if len(cells) == 1:
        return bool(_IDENTIFIER.match(cells[0])) and len(cells[0].split()) == 1
    return True


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
