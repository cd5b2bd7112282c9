"""Cross-encoder scoring and retrieve-and-rerank: the one path the window and the CLI share.

:func:`cross_encoder_scores` turns a cross-encoder's output into one relevance score per pair;
:func:`retrieve` finds the bi-encoder's best candidates (for a typed query, or for a corpus
sentence by its stored vector); :func:`rerank` rescores them with a cross-encoder;
:func:`retrieve_and_rerank` does both. All are re-exported by :mod:`sbert_desktop.core.similarity`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, ProgressCallback, check


def cross_encoder_scores(
    cross_encoder: Any,
    pairs: Sequence[tuple[str, str]],
    batch_size: int = 32,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> np.ndarray:
    """One relevance score per pair, float32 [n]: a one-output model's score, or the second
    (positive) column of a two-label model. Other label counts (NLI) raise :class:`SbertDesktopError`."""
    labels = getattr(cross_encoder, "num_labels", None)
    if isinstance(labels, int) and labels > 2:
        raise SbertDesktopError(_nli_refusal(labels))
    raw = np.asarray(cross_encoder.predict(list(pairs), batch_size=batch_size, progress=progress, cancel=cancel),
                     dtype=np.float32)
    if raw.ndim == 2:
        if raw.shape[1] != 2:
            raise SbertDesktopError(_nli_refusal(raw.shape[1]))
        raw = raw[:, 1]
    return raw


def _nli_refusal(labels: int) -> str:
    return f"the cross-encoder has {labels} labels; similarity scores need a one-score (or binary) model"


@dataclass
class RankedHit:
    """One corpus sentence in a retrieve-and-rerank result. Ranks are 0-based (0 = best)."""

    index: int
    sentence: str
    bi_score: float
    bi_rank: int
    cross_score: float | None = None
    cross_rank: int | None = None
    copies: int = 1  # rows of the corpus with this text, when copies are folded into one hit (``distinct``)

    @property
    def move(self) -> int:
        """Places gained by reranking (positive = the cross-encoder put it higher)."""
        return 0 if self.cross_rank is None else self.bi_rank - self.cross_rank


@dataclass
class RerankResult:
    query: str
    bi_ranking: list[RankedHit]  # by bi-encoder score, the top_k
    cross_ranking: list[RankedHit]  # by cross-encoder score, the top_k (empty without a cross-encoder)
    timings: dict[str, float] = field(default_factory=dict)  # seconds: encode, search, rerank
    candidates: int = 0


def retrieve(
    query: str,
    corpus_sentences: Sequence[str],
    corpus_emb: np.ndarray,
    bi_encoder: Any = None,
    candidates: int = 32,
    query_index: int | None = None,
    cancel: CancelToken | None = None,
    distinct: bool = False,
) -> RerankResult:
    """The bi-encoder's ``candidates`` best corpus sentences for ``query`` (no cross ranking yet).

    With ``query_index`` the query is that corpus sentence: its stored vector is used (nothing is
    encoded) and the sentence itself is left out. Otherwise ``bi_encoder.encode_query([query])`` (its query prompt).
    With ``distinct`` a text that occurs on several rows is one hit (its best-scoring row, with
    ``copies`` = the number of rows holding it), and with ``query_index`` every copy of the query
    sentence is left out: the hits are ``candidates`` different texts where the corpus has them.
    """
    from sbert_desktop.core.similarity import semantic_search

    corpus_emb = np.asarray(corpus_emb)
    if corpus_emb.ndim != 2 or len(corpus_emb) == 0:
        raise SbertDesktopError("encode the sentences first")
    if len(corpus_sentences) != corpus_emb.shape[0]:
        raise SbertDesktopError(f"{len(corpus_sentences)} sentences but {corpus_emb.shape[0]} embeddings")
    timings: dict[str, float] = {"encode": 0.0}
    if query_index is None:
        if bi_encoder is None:
            raise SbertDesktopError("load a bi-encoder on the Model page to search")
        t = time.perf_counter()
        q = np.asarray(getattr(bi_encoder, "encode_query", bi_encoder.encode)([query]), dtype=np.float32)
        timings["encode"] = time.perf_counter() - t
    else:
        q = corpus_emb[query_index : query_index + 1]  # nothing encoded
    check(cancel)
    candidates = max(1, candidates)
    n = len(corpus_sentences)
    k = min(n, candidates + (0 if query_index is None else 1))
    t = time.perf_counter()
    while True:
        found = semantic_search(q, corpus_emb, k, cancel=cancel)
        pairs = [(int(i), float(s)) for i, s in zip(found.indices[0], found.scores[0]) if i >= 0 and i != query_index]
        if distinct:
            pairs = _first_of_each_text(pairs, corpus_sentences,
                                        None if query_index is None else corpus_sentences[query_index])
        if len(pairs) >= candidates or k >= n:
            break
        k = min(n, 4 * k)  # copies took places: look deeper
    timings["search"] = time.perf_counter() - t
    hits = [RankedHit(i, corpus_sentences[i], s, r) for r, (i, s) in enumerate(pairs[:candidates])]
    if distinct and hits:
        _count_copies(hits, corpus_sentences)
    return RerankResult(query, hits, [], timings, len(hits))


def _first_of_each_text(pairs: list[tuple[int, float]], sentences: Sequence[str],
                        leave_out: str | None) -> list[tuple[int, float]]:
    """``pairs`` (row, score; best first) keeping each text's first appearance, without ``leave_out``."""
    seen = set() if leave_out is None else {leave_out}
    kept = []
    for row, score in pairs:
        if sentences[row] not in seen:
            seen.add(sentences[row])
            kept.append((row, score))
    return kept


def _count_copies(hits: list[RankedHit], sentences: Sequence[str]) -> None:
    """Set each hit's ``copies`` to the number of corpus rows holding its text (one pass over the corpus)."""
    counts = dict.fromkeys((h.sentence for h in hits), 0)
    for sentence in sentences:
        if sentence in counts:
            counts[sentence] += 1
    for h in hits:
        h.copies = counts[h.sentence]


def rerank(result: RerankResult, cross_encoder: Any, top_k: int | None = None, batch_size: int = 32,
           progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> RerankResult:
    """``result``'s candidates rescored by ``cross_encoder``: ranks and moves filled in, both
    rankings cut to ``top_k`` (default: all candidates). ``result`` itself is not changed."""
    hits = [RankedHit(h.index, h.sentence, h.bi_score, h.bi_rank, copies=h.copies) for h in result.bi_ranking]
    top_k = len(hits) if top_k is None else top_k
    timings = dict(result.timings)
    cross_ranking: list[RankedHit] = []
    if hits:
        t = time.perf_counter()
        raw = cross_encoder_scores(cross_encoder, [(result.query, h.sentence) for h in hits], batch_size,
                                   progress, cancel)
        timings["rerank"] = time.perf_counter() - t
        order = np.argsort(-raw, kind="stable")
        for rank, pos in enumerate(order.tolist()):
            hits[pos].cross_score = float(raw[pos])
            hits[pos].cross_rank = rank
        cross_ranking = [hits[p] for p in order[:top_k].tolist()]
    return RerankResult(result.query, hits[:top_k], cross_ranking, timings, len(hits))


def retrieve_and_rerank(
    query: str,
    corpus_sentences: Sequence[str],
    corpus_emb: np.ndarray,
    bi_encoder: Any,
    cross_encoder: Any | None = None,
    top_k: int = 10,
    candidates: int | None = None,
    batch_size: int = 32,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    query_index: int | None = None,
    distinct: bool = False,
) -> RerankResult:
    """Retrieve ``candidates`` (default ``max(top_k, 32)``) with the bi-encoder, rescore them with
    the cross-encoder, and return both top-``top_k`` rankings with each hit's rank move
    (``distinct``: each text once, see :func:`retrieve`).

    ``bi_encoder`` needs ``encode(list[str]) -> float32 [n, dim]``; ``cross_encoder`` needs
    ``predict(list[tuple[str, str]]) -> [n]`` (or ``[n, 2]``: the second column is used).
    """
    n_cand = max(top_k, candidates or 32)
    found = retrieve(query, corpus_sentences, corpus_emb, bi_encoder, n_cand, query_index, cancel, distinct)
    if cross_encoder is None or not found.bi_ranking:
        return RerankResult(query, found.bi_ranking[:top_k], [], found.timings, found.candidates)
    return rerank(found, cross_encoder, top_k, batch_size, progress, cancel)
