"""Whether a bi-encoder can read the Korean in a set of sentences: the cue the window and the CLI
show when most of what a person opened is Korean and the model spells Hangul out letter by letter.

An English model's vocabulary (the bundled all-MiniLM-L6-v2, bert-base-uncased's WordPiece) holds
Hangul only as single jamo letters: its normaliser decomposes each syllable and the tokenizer spells
it out, 1.91 tokens per syllable on KorSTS dev, against 0.58 once Korean pieces are in the
vocabulary (``extend-vocab`` on KorSTS train; a multilingual vocabulary is in the same range). Such
a model was never trained on Korean: unrelated Korean sentences come out close together (the
example's Korean weather and flight-delay sentences at cosine 0.91), so clusters, pairs and the map
of Korean text mean little, and nothing else on screen says so (tests/core/test_language.py measures
both tokenizers on KorSTS dev). The same holds for a cross-encoder, whose scores and reranking of
Korean pairs are as weak. :func:`korean_cue` tokenizes a seeded sample of the sentences
(:data:`SAMPLE`); no model runs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np

_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")
#: sentences tokenized to judge (seeded sample; tokenizing them takes a few milliseconds)
SAMPLE = 400
#: the cue needs at least this share of the sample to be Korean (two or more Hangul syllables): the
#: bundled example's Korean section is 40 of 415 sentences (9.6%), and its results are as meaningless
KOREAN_SHARE = 0.05
#: tokens per Hangul syllable at or above which a tokenizer spells Korean out (1.91 against 0.58)
LETTER_BY_LETTER = 1.3


@dataclass(frozen=True)
class KoreanCue:
    korean_share: float  # of the sampled sentences
    tokens_per_syllable: float

    def text(self, encoder: str = "bi") -> str:
        """The cue in words, for the bi-encoder (``encoder="bi"``) or the cross-encoder (``"cross"``)."""
        if encoder == "cross":
            return (f"{self.korean_share:.0%} of the sentences are Korean, and the cross-encoder spells Korean out "
                    f"letter by letter ({self.tokens_per_syllable:.1f} tokens per syllable): unless it was trained on "
                    "Korean, its scores and reranking of Korean sentences mean little. Use a Korean-capable "
                    "cross-encoder, or train this one on Korean pairs (sbert-desktop train --encoder cross, e.g. on "
                    "KorSTS).")
        return (f"{self.korean_share:.0%} of the sentences are Korean, and this model spells Korean out letter by "
                f"letter ({self.tokens_per_syllable:.1f} tokens per syllable): unless it was trained on Korean, "
                "similarities, clusters and maps of Korean sentences mean little. Use a Korean-capable model, or "
                "make this one Korean-capable (the window's Korean preset on its Train page, or sbert-desktop "
                "extend-vocab, then train).")


def korean_cue(tokenizer: Any, sentences: Sequence[str], sample: int = SAMPLE, seed: int = 0) -> Optional[KoreanCue]:
    """A :class:`KoreanCue` when at least :data:`KOREAN_SHARE` of (a seeded sample of) ``sentences`` are
    Korean and ``tokenizer`` needs :data:`LETTER_BY_LETTER` or more tokens per Hangul syllable in
    them; else None (also for no tokenizer or no sentences)."""
    n = len(sentences)
    if tokenizer is None or n == 0:
        return None
    rows = np.arange(n) if n <= sample else np.sort(np.random.default_rng(seed).choice(n, sample, replace=False))
    picked = [str(sentences[int(i)]) for i in rows]
    korean = [s for s in picked if len(_SYLLABLE.findall(s)) >= 2]
    share = len(korean) / len(picked)
    if share < KOREAN_SHARE:
        return None
    words = [w for s in korean for w in s.split() if _SYLLABLE.search(w)]
    syllables = sum(len(_SYLLABLE.findall(w)) for w in words)
    tokens = sum(len(ids) for ids in tokenizer(words, add_special_tokens=False)["input_ids"])
    per_syllable = tokens / max(syllables, 1)
    return KoreanCue(share, per_syllable) if per_syllable >= LETTER_BY_LETTER else None


def unread_korean(model: Any, sentences: Sequence[str]) -> Optional[KoreanCue]:
    """The cue for a loaded bi- or cross-encoder (its ``tokenizer`` and ``source``): :func:`korean_cue`,
    unless the model was trained here on Korean (:func:`trained_on_korean`)."""
    if model is None:
        return None
    cue = korean_cue(getattr(model, "tokenizer", None), sentences)
    if cue is not None and trained_on_korean(getattr(model, "source", None)):
        return None  # trained here on Korean text: its own dev figure speaks for it
    return cue


def trained_on_korean(folder: Any) -> bool:
    """Whether ``folder`` holds a model this app trained on Korean text: its ``train_config.json``
    names a training or dev file whose first lines are Korean. Such a model still spells Korean out
    but has learnt to read it (the bundled model after one KorSTS epoch: KorSTS dev 0.67 against 0.43,
    docs/KOREAN.md), so the cue is not shown for it. False when nothing says so (no folder, no
    configuration, files moved)."""
    from sbert_desktop.core.data.textio import head_lines

    if not folder:
        return False
    try:
        cfg = json.loads((Path(str(folder)) / "train_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(cfg, dict):
        return False
    for key in ("train_file", "dev_file", "sts_dev_file"):
        if not isinstance(cfg.get(key), str) or not cfg[key]:
            continue
        try:
            lines = [line for line in head_lines(cfg[key], 200)[0] if line.strip()]
        except Exception:  # noqa: BLE001 — an unreadable file says nothing either way
            continue
        if lines and sum(len(_SYLLABLE.findall(line)) >= 2 for line in lines) >= KOREAN_SHARE * len(lines):
            return True
    return False
