"""Whether the open sentences are longer than the bi-encoder reads: the cue the window and the CLI
show before encoding when a share of them will be cut.

A transformer reads at most ``max_seq_length`` tokens (256 for the bundled all-MiniLM-L6-v2, special
tokens included); the rest of a longer text is dropped without a word, so a support ticket's or a
review's embedding, its neighbours and its cluster come from its beginning only. :func:`length_cue`
tokenizes a seeded sample of the sentences (:data:`SAMPLE`; a few milliseconds, no model runs) and
estimates the share that is cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence

import numpy as np

#: sentences tokenized to judge (seeded sample)
SAMPLE = 400
#: the cue is shown when at least this share of the sample is longer than the model reads
CUT_SHARE = 0.02


@dataclass(frozen=True)
class LengthCue:
    share: float      # of the sampled sentences, longer than max_tokens
    max_tokens: int
    longest: int      # tokens of the longest sampled sentence
    sampled: int
    total: int
    limit: Optional[int] = None  # the most its position table reads (base.position_limit), when known

    def text(self) -> str:
        about = "" if self.sampled == self.total else "about "
        raise_it = (f"raise the maximum length up to {self.limit:,}" if self.limit and self.limit > self.max_tokens
                    else "raise the model's maximum length if it allows more")
        return (f"{about.capitalize()}{self.share:.0%} of the sentences are longer than this model reads "
                f"({self.max_tokens} tokens; the longest sampled has {self.longest:,}): only their first "
                f"{self.max_tokens} tokens count in their embeddings, neighbours and clusters. Split long texts into "
                f"passages, or {raise_it}")


def length_cue(tokenizer: Any, sentences: Sequence[str], max_tokens: int, sample: int = SAMPLE,
               seed: int = 0) -> Optional[LengthCue]:
    """A :class:`LengthCue` when at least :data:`CUT_SHARE` of (a seeded sample of) ``sentences`` take
    more than ``max_tokens`` tokens (special tokens included) in ``tokenizer``; else None (also for no
    tokenizer, no sentences or no limit)."""
    n = len(sentences)
    if tokenizer is None or n == 0 or not max_tokens:
        return None
    rows = np.arange(n) if n <= sample else np.sort(np.random.default_rng(seed).choice(n, sample, replace=False))
    picked = [str(sentences[int(i)]) for i in rows]
    lengths = np.fromiter((len(ids) for ids in tokenizer(picked, truncation=False, verbose=False)["input_ids"]),
                          dtype=np.int64, count=len(picked))
    share = float((lengths > max_tokens).mean())
    if share < CUT_SHARE:
        return None
    return LengthCue(share, int(max_tokens), int(lengths.max()), len(picked), n)


def model_length_cue(model: Any, sentences: Sequence[str]) -> Optional[LengthCue]:
    """:func:`length_cue` for a loaded bi-encoder (its ``tokenizer`` and ``max_seq_length``)."""
    if model is None:
        return None
    cue = length_cue(getattr(model, "tokenizer", None), sentences, getattr(model, "max_seq_length", 0) or 0)
    if cue is None:
        return None
    from dataclasses import replace

    from sbert_desktop.core.models.base import position_limit

    return replace(cue, limit=position_limit(getattr(model, "transformer", None)))
