"""Retrieve then rerank, measured: a retrieval task built from an STS or NLI pair set.

Each distinct ``sentence1`` is a query; the corpus is every distinct ``sentence2``; a query's
relevant items are its partners whose gold score is high (STS: at least ``min_score`` of the
file's scale, 0.8 = 4 of 5 by default) or whose label is entailment (NLI). Queries without a
relevant partner are left out. The bi-encoder ranks the whole corpus; the cross-encoder rescores
the bi-encoder's top k (k = 10, 50, 100) and its order replaces the bi-encoder's. Metrics are
recall@1, recall@10, MRR@10 and nDCG@10 (binary relevance) over the final top 10.

Scores come from one pass each (``semantic_search`` for every query at once, then
``cross_encoder_scores`` over every query's top max(k) candidates); a pair's cross-encoder score
does not depend on which k asked for it. Time per query is measured separately for each setting
by running ``retrieve_and_rerank`` query by query (query encoding, search and rerank) on a sample
of queries: the median, in seconds.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, ProgressCallback, check

SCHEMA_VERSION = 1
DEFAULT_KS = (10, 50, 100)


@dataclass
class RetrievalTask:
    queries: list[str]
    corpus: list[str]
    relevant: list[set[int]]  # per query: indices into corpus


def build_task(dataset, min_score: float = 0.8) -> RetrievalTask:
    """Queries, corpus and relevance from a pair set (``min_score`` on the 0..1 normalised scale)."""
    if dataset.task == "sts":
        if dataset.scores is None:
            raise SbertDesktopError(f"{dataset.path}: has no similarity scores")
        keep = np.asarray(dataset.normalized_scores()) >= min_score
    else:
        if dataset.labels is None:
            raise SbertDesktopError(f"{dataset.path}: has no NLI labels")
        keep = np.asarray(dataset.labels) == 0  # entailment
    corpus_index: dict[str, int] = {}
    for text in dataset.sentence2:
        corpus_index.setdefault(text, len(corpus_index))
    relevant: dict[str, set[int]] = {}
    for a, b, good in zip(dataset.sentence1, dataset.sentence2, keep):
        if good:
            relevant.setdefault(a, set()).add(corpus_index[b])
    if not relevant:
        what = f"a gold score of at least {min_score:.0%} of the scale" if dataset.task == "sts" else "entailment"
        raise SbertDesktopError(f"{dataset.path}: no pair has {what}, so there is no query with a relevant item")
    return RetrievalTask(list(relevant), list(corpus_index), list(relevant.values()))


def ranking_metrics(ranked: Sequence[Sequence[int]], relevant: Sequence[set[int]]) -> dict[str, float]:
    """Mean recall@1, recall@10, MRR@10 and nDCG@10 (binary gains) of ranked corpus indices."""
    r1, r10, mrr, ndcg = [], [], [], []
    for ranking, rel in zip(ranked, relevant):
        top = list(ranking)[:10]
        hits = [1.0 if i in rel else 0.0 for i in top]
        r1.append(sum(hits[:1]) / len(rel))
        r10.append(sum(hits) / len(rel))
        first = next((pos for pos, h in enumerate(hits) if h), None)
        mrr.append(0.0 if first is None else 1.0 / (first + 1))
        dcg = sum(h / np.log2(pos + 2) for pos, h in enumerate(hits))
        ideal = sum(1.0 / np.log2(pos + 2) for pos in range(min(len(rel), 10)))
        ndcg.append(dcg / ideal)
    n = len(r1)
    mean = (lambda xs: float(np.mean(xs)) if n else float("nan"))
    return {"recall@1": mean(r1), "recall@10": mean(r10), "mrr@10": mean(mrr), "ndcg@10": mean(ndcg)}


def rerank_order(candidates: np.ndarray, cross_scores: np.ndarray, k: int) -> np.ndarray:
    """Each row's first ``k`` candidates sorted by cross-encoder score, highest first (ties: bi order)."""
    cand, scores = candidates[:, :k], cross_scores[:, :k]
    order = np.argsort(-scores, axis=1, kind="stable")
    return np.take_along_axis(cand, order, axis=1)


def _time_per_query(task: RetrievalTask, corpus_emb, bi, ce, k: int | None, sample: Sequence[int],
                    batch_size: int, cancel) -> float:
    from sbert_desktop.core.similarity import retrieve_and_rerank

    times = []
    for q in sample:
        check(cancel)
        t = time.perf_counter()
        retrieve_and_rerank(task.queries[q], task.corpus, corpus_emb, bi, ce, top_k=10, candidates=k or 10,
                            batch_size=batch_size, cancel=cancel)
        times.append(time.perf_counter() - t)
    return float(np.median(times)) if times else float("nan")


def evaluate_retrieval(bi, dataset, ce=None, ks: Sequence[int] = DEFAULT_KS, *, min_score: float = 0.8,
                       timing_queries: int = 20, batch_size: int = 64, progress: ProgressCallback | None = None,
                       cancel: CancelToken | None = None, embed=None) -> dict[str, Any]:
    """The retrieve-then-rerank table: one row for the bi-encoder alone, one per k with ``ce``.

    ``embed(texts, stage) -> float32 [n, dim]`` supplies embeddings already computed (equal to
    ``bi.encode``); by default the bi-encoder encodes the corpus and the queries here."""
    from sbert_desktop.core.progress import Progress
    from sbert_desktop.core.similarity import cross_encoder_scores, semantic_search

    task = build_task(dataset, min_score)
    ks = sorted({int(k) for k in ks if int(k) > 0})
    depth = min(len(task.corpus), max([10] + ks))

    def stage(name: str):
        if progress is None:
            return None
        return lambda p: progress(Progress(p.done, p.total, name, p.info, p.elapsed))

    if embed is None:
        def embed(texts, name):
            return bi.encode(texts, batch_size=batch_size, progress=stage(name), cancel=cancel)
    corpus_emb = embed(task.corpus, "encode corpus")
    query_emb = embed(task.queries, "encode queries")
    found = semantic_search(query_emb, corpus_emb, depth, cancel=cancel)
    candidates = found.indices
    sample = list(range(min(timing_queries, len(task.queries))))
    rows = [{"method": "bi-encoder", "k": None, **ranking_metrics(candidates, task.relevant),
             "seconds_per_query": _time_per_query(task, corpus_emb, bi, None, None, sample, batch_size, cancel)}]
    if ce is not None and ks:
        pairs = [(task.queries[q], task.corpus[int(i)]) for q in range(len(task.queries))
                 for i in candidates[q] if i >= 0]
        flat = cross_encoder_scores(ce, pairs, batch_size, stage("rerank"), cancel)
        scores = np.full(candidates.shape, -np.inf, dtype=np.float32)
        scores[candidates >= 0] = flat
        for k in ks:
            kk = min(k, depth)
            ranked = rerank_order(candidates, scores, kk)
            rows.append({"method": "bi-encoder + cross-encoder rerank", "k": k, **ranking_metrics(ranked, task.relevant),
                         "seconds_per_query": _time_per_query(task, corpus_emb, bi, ce, kk, sample, batch_size,
                                                              cancel)})
    return {"schema_version": SCHEMA_VERSION, "task": dataset.task, "queries": len(task.queries),
            "corpus": len(task.corpus), "relevant_pairs": int(sum(len(r) for r in task.relevant)),
            "relevance": (f"gold >= {min_score:g} of the scale" if dataset.task == "sts" else "entailment"),
            "timing_queries": len(sample), "timing": "median seconds per query (encode query, search, rerank), "
            "measured query by query", "rows": rows}
