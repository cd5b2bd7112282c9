"""Hard-negative mining: turn (anchor, positive) pairs into (anchor, positive, negative) triplets.

For every pair the bi-encoder retrieves the corpus texts closest to the anchor (the corpus is every
distinct positive, plus any extra texts given); the anchor's own positives and the anchor itself
are never negatives. A candidate scored within ``margin`` of the positive — or above it — is
dropped as a likely false negative (an unlabelled right answer). With a cross-encoder the
``candidates`` nearest are rescored by it and the margin applies to its scores, the usual
recipe (sentence-transformers' ``mine_hard_negatives`` with ``absolute_margin``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check


@dataclass
class MinedTriplets:
    rows: list[tuple[str, str, str]]            # (anchor, positive, negative), k rows per pair at most
    pairs: int                                  # input pairs
    corpus: int                                 # distinct candidate texts
    short: int = 0                              # pairs that got fewer than k negatives
    dropped_by_margin: int = 0                  # candidates refused as likely false negatives
    scores: list[float] = field(default_factory=list)   # each row's negative score (bi or cross)
    positive_scores: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {"pairs": self.pairs, "triplets": len(self.rows), "corpus": self.corpus, "short": self.short,
                "dropped_by_margin": self.dropped_by_margin,
                "mean_negative_score": float(np.mean(self.scores)) if self.scores else None,
                "mean_positive_score": float(np.mean(self.positive_scores)) if self.positive_scores else None}


def _emit(progress: ProgressCallback | None, done: int, total: int, stage: str) -> None:
    if progress is not None:
        progress(Progress(done, total, stage))


def mine_hard_negatives(anchors: Sequence[str], positives: Sequence[str], bi_encoder: Any, k: int = 1, *,
                        corpus: Sequence[str] = (), candidates: int | None = None, margin: float | None = None,
                        cross_encoder: Any = None, query_prompt_name: str | None = None,
                        document_prompt_name: str | None = None, batch_size: int = 32,
                        progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> MinedTriplets:
    """Mine up to ``k`` hard negatives per (anchor, positive) pair (see the module docstring).

    ``candidates``: nearest corpus texts considered per anchor (default ``k + 10``, at least 30 with a
    cross-encoder). ``margin``: drop a candidate whose score is above ``positive score - margin``
    (default: none with the bi-encoder alone, 0 with a cross-encoder).
    """
    import torch

    if len(anchors) != len(positives):
        raise ValueError("anchors and positives differ in length")
    if k < 1:
        raise ValueError("k must be at least 1")
    texts: dict[str, int] = {}
    for t in list(positives) + list(corpus):
        texts.setdefault(t, len(texts))
    corpus_texts = list(texts)
    uniq_anchors = list(dict.fromkeys(anchors))
    anchor_row = {a: i for i, a in enumerate(uniq_anchors)}
    own: dict[str, set[int]] = {}
    for a, p in zip(anchors, positives):
        own.setdefault(a, set()).add(texts[p])
    if cross_encoder is not None and margin is None:
        margin = 0.0
    n_cand = min(len(corpus_texts), candidates or (max(30, k + 10) if cross_encoder is not None else k + 10))
    n_cand = min(len(corpus_texts), n_cand + max(len(s) for s in own.values()))  # room for the own positives

    check(cancel)
    a_emb = bi_encoder.encode(uniq_anchors, batch_size=batch_size, prompt_name=query_prompt_name, cancel=cancel)
    check(cancel)
    c_emb = bi_encoder.encode(corpus_texts, batch_size=batch_size, prompt_name=document_prompt_name, cancel=cancel)
    a_t = torch.nn.functional.normalize(torch.from_numpy(np.ascontiguousarray(a_emb)), dim=1)
    c_t = torch.nn.functional.normalize(torch.from_numpy(np.ascontiguousarray(c_emb)), dim=1)
    top_scores, top_ids = [], []
    for start in range(0, len(uniq_anchors), 1024):
        check(cancel)
        sims = a_t[start:start + 1024] @ c_t.T
        s, i = torch.topk(sims, n_cand, dim=1)
        top_scores.append(s.numpy())
        top_ids.append(i.numpy())
    cand_scores, cand_ids = np.concatenate(top_scores), np.concatenate(top_ids)
    pos_scores = (a_t[[anchor_row[a] for a in anchors]] * c_t[[texts[p] for p in positives]]).sum(1).numpy()

    # per anchor: its candidates (not its own positives, not itself), in bi-encoder order
    lists: list[list[int]] = []
    for a in uniq_anchors:
        row = anchor_row[a]
        lists.append([int(j) for j in cand_ids[row] if int(j) not in own[a] and corpus_texts[int(j)] != a])
    bi_score = {(anchor_row[a], int(j)): float(s) for a in uniq_anchors
                for j, s in zip(cand_ids[anchor_row[a]], cand_scores[anchor_row[a]])}
    score_of = lambda row, j: bi_score[(row, j)]  # noqa: E731
    if cross_encoder is not None:
        pairs_to_score = sorted({(row, j) for row, cands in enumerate(lists) for j in cands})
        _emit(progress, 0, len(pairs_to_score) + len(anchors), "rescore")
        ce = cross_encoder.predict([(uniq_anchors[r], corpus_texts[j]) for r, j in pairs_to_score],
                                   batch_size=batch_size, cancel=cancel)
        ce = np.asarray(ce).reshape(len(pairs_to_score), -1)[:, -1]
        ce_score = {key: float(v) for key, v in zip(pairs_to_score, ce)}
        pos_ce = np.asarray(cross_encoder.predict(list(zip(anchors, positives)), batch_size=batch_size,
                                                  cancel=cancel)).reshape(len(anchors), -1)[:, -1]
        pos_scores = pos_ce.astype(np.float32)
        score_of = lambda row, j: ce_score[(row, j)]  # noqa: E731
        lists = [sorted(c, key=lambda j, r=r: -ce_score[(r, j)]) for r, c in enumerate(lists)]

    out = MinedTriplets([], len(anchors), len(corpus_texts))
    for i, (a, p) in enumerate(zip(anchors, positives)):
        row = anchor_row[a]
        taken = 0
        for j in lists[row]:
            s = score_of(row, j)
            if margin is not None and s > pos_scores[i] - margin:
                out.dropped_by_margin += 1
                continue
            out.rows.append((a, p, corpus_texts[j]))
            out.scores.append(s)
            out.positive_scores.append(float(pos_scores[i]))
            taken += 1
            if taken == k:
                break
        out.short += taken < k
        if i % 1000 == 0:
            check(cancel)
    _emit(progress, len(anchors), len(anchors), "mine")
    return out
