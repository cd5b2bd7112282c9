"""What the exploration pages (Compare, Clusters, Map) and the CLI compute, as plain functions.

Each takes plain data plus ``progress``/``cancel`` and returns a plain result; they combine the
core APIs (similarity, rerank, clustering, keywords, projection). :func:`describe_clusters` is
meant to run in a child process (:mod:`sbert_desktop.core.child_process`): the library fits in it
cannot be interrupted any other way.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import check

PAIR_MODES = ("top_k", "all", "dataset")


@dataclass
class PairResult:
    """Pairs of ``sentences`` (``table.first[i]``, ``table.second[i]``) with up to three scores."""

    table: Any  # core.similarity.PairTable
    sentences: list[str]
    bi: np.ndarray  # float32 [m]: bi-encoder cosine
    cross: np.ndarray | None = None  # float32 [m]: cross-encoder score
    gold: np.ndarray | None = None  # float32 [m]: gold score, or label index for NLI
    gold_names: list[str] | None = None  # label names when gold holds NLI labels
    mode: str = "top_k"
    params: dict[str, Any] = field(default_factory=dict)
    note: str = ""  # e.g. "kept the best 2,000 of 5,120 pairs"
    models: dict[str, Any] = field(default_factory=dict)  # {"model": ..., "cross_encoder": ...}: who scored them

    def __len__(self) -> int:
        return len(self.bi)

    def text(self, i: int) -> tuple[str, str]:
        return self.sentences[int(self.table.first[i])], self.sentences[int(self.table.second[i])]

    @property
    def reference(self) -> tuple[str, np.ndarray] | None:
        """What the bi-encoder's ranks are compared with: the cross-encoder, else gold scores."""
        if self.cross is not None:
            return "cross", self.cross
        if self.gold is not None and self.gold_names is None:
            return "gold", self.gold
        return None

    def disagreement(self) -> np.ndarray | None:
        """``rank(bi) - rank(reference)``: positive where the reference ranks a pair higher."""
        from sbert_desktop.core.similarity import rank_disagreement

        ref = self.reference
        return None if ref is None else rank_disagreement(self.bi, ref[1])


def compute_pairs(mode: str, sentences: Sequence[str], vectors: np.ndarray | None, *, bi_encoder=None,
                  cross_encoder=None, dataset=None, top_k: int = 5, max_pairs: int = 0,
                  all_pairs_limit: int | None = None, cache=None, distinct: bool = False, progress=None,
                  cancel=None) -> PairResult:
    """Pairs for the Compare page: mined top-k, all pairs (refused above the limit) or a data set.
    ``distinct`` (top-k and all pairs) leaves repeated sentences out: pairs are found among the
    first occurrences of each text only, so a text and its copies (cosine 1) do not fill the table."""
    from sbert_desktop.core import similarity as sim

    note = ""
    gold = gold_names = None
    if mode == "dataset":
        if dataset is None:
            raise SbertDesktopError("open a pair data set (sentence1, sentence2, score or label) on the Data page first")
        embedded = list(sentences)
        sentences = list(dict.fromkeys(list(dataset.sentence1) + list(dataset.sentence2)))
        row = {s: i for i, s in enumerate(sentences)}
        vectors, stats = _vectors_for(sentences, embedded, vectors, bi_encoder, progress, cancel, cache)
        encoded_note = f"sentences {cache_stats_text(stats)}" if stats is not None else ""
        first = np.array([row[s] for s in dataset.sentence1], np.int64)
        second = np.array([row[s] for s in dataset.sentence2], np.int64)
        bi = sim.paired_cosine(vectors[first], vectors[second])
        table = sim.PairTable(first, second, bi)
        if dataset.scores is not None:
            gold = np.asarray(dataset.scores, np.float32)
        elif dataset.labels is not None:
            from sbert_desktop.core.data import NLI_LABELS

            gold, gold_names = np.asarray(dataset.labels, np.float32), list(NLI_LABELS)
        if max_pairs and len(table) > max_pairs:
            note = f"the first {max_pairs:,} of {len(table):,} pairs"
            table, bi = table.head(max_pairs), bi[:max_pairs]
            gold = None if gold is None else gold[:max_pairs]
        note = "; ".join(n for n in (note, encoded_note) if n)
    else:
        if vectors is None or len(vectors) == 0:
            raise SbertDesktopError("encode the sentences first")
        if mode not in ("all", "top_k"):
            raise SbertDesktopError(f"unknown pair mode {mode!r}")
        rows, among = sim.distinct_vectors(sentences, vectors) if distinct else (None, vectors)
        if mode == "all":
            table = sim.all_pairs(among, max_pairs=all_pairs_limit or sim.DEFAULT_MAX_ALL_PAIRS)
        else:
            table = sim.mine_pairs(among, top_k=top_k, progress=progress, cancel=cancel)
        if rows is not None:
            table = sim.on_rows(table, rows)
            left = len(sentences) - rows.size
            note = f"{left:,} repeated sentence{'s' if left != 1 else ''} left out"
        if max_pairs and len(table) > max_pairs:
            note = "; ".join(n for n in (f"the best {max_pairs:,} of {len(table):,} pairs", note) if n)
            table = table.head(max_pairs)
        bi = table.scores
    check(cancel)
    result = PairResult(table, list(sentences), np.asarray(bi, np.float32), gold=gold, gold_names=gold_names,
                        mode=mode, params={"mode": mode, "top_k": top_k if mode == "top_k" else None,
                                           "max_pairs": max_pairs or None,
                                           "distinct": bool(distinct) if mode != "dataset" else None}, note=note)
    if cross_encoder is not None and len(result):
        labels = getattr(cross_encoder, "num_labels", 1)
        if isinstance(labels, int) and labels > 2:
            result.note = "; ".join(n for n in (result.note, f"no cross-encoder scores: it predicts {labels} "
                                                "labels (NLI), not a similarity") if n)
        else:
            result.cross = sim.cross_encoder_scores(cross_encoder, [result.text(i) for i in range(len(result))],
                                                    progress=progress, cancel=cancel)
    return result


def _vectors_for(sentences: list[str], embedded: list[str], vectors: np.ndarray | None, bi_encoder,
                 progress, cancel, cache=None) -> tuple[np.ndarray, dict | None]:
    """Vectors of ``sentences``: looked up in the shared embeddings when they cover them, else encoded
    through the embedding cache; with the cache's stats when it encoded (else None)."""
    if vectors is not None and len(embedded) == len(vectors):
        where = {s: i for i, s in enumerate(embedded)}
        if all(s in where for s in sentences):
            return np.asarray(vectors, np.float32)[[where[s] for s in sentences]], None
    if bi_encoder is None:
        raise SbertDesktopError("load a bi-encoder on the Model page to score these pairs")
    from sbert_desktop.core.cache import cached_encode

    return cached_encode(bi_encoder, sentences, progress=progress, cancel=cancel, cache=cache)


def encode_sentences(model, sentences: Sequence[str], cache=None, progress=None, cancel=None):
    """Embed ``sentences`` through the embedding cache: ``(vectors, fingerprint, stats)``; ``stats``
    is :func:`~sbert_desktop.core.cache.cached_encode`'s (``hits``, ``encoded``, ...)."""
    from sbert_desktop.core.cache import cached_encode

    vectors, stats = cached_encode(model, list(sentences), progress=progress, cancel=cancel, cache=cache)
    return vectors, model.fingerprint(), stats


def cache_stats_text(stats: dict) -> str:
    """``"12 from cache, 3 encoded"`` for a status line, followed by the cache's notes (a repair, or a
    full disk that kept it from being updated), which ``cached_encode`` reports once."""
    text = f"{stats.get('hits', 0):,} from cache, {stats.get('encoded', 0):,} encoded"
    return "; ".join([text, *stats.get("notes", [])])


def correlation_text(a: np.ndarray, b: np.ndarray) -> str:
    from sbert_desktop.core.similarity import pearson, spearman

    r, rho = pearson(a, b), spearman(a, b)
    fmt = lambda v: "–" if v != v else f"{v:.3f}"  # noqa: E731
    return f"Pearson r = {fmt(r)}   Spearman ρ = {fmt(rho)}   ({len(a):,} pairs)"


# --------------------------------------------------------------------------- search


def search(query: str, sentences: Sequence[str], vectors: np.ndarray, bi_encoder=None, *,
           query_index: int | None = None, candidates: int = 32, distinct: bool = False,
           corpus_fingerprint: str = "", progress=None, cancel=None):
    """The bi-encoder's ``candidates`` best sentences for ``query`` (see :func:`core.rerank.retrieve`;
    ``distinct``: each text once, with its number of rows). A typed query is refused when
    ``corpus_fingerprint`` says another model encoded ``vectors`` (:func:`require_same_encoder`)."""
    from sbert_desktop.core.rerank import retrieve

    if query_index is None:
        require_same_encoder(bi_encoder, corpus_fingerprint)
    return retrieve(query, sentences, vectors, bi_encoder, candidates, query_index, cancel, distinct)


#: the Map's search by meaning highlights this many nearest sentences, or 1% of a bigger corpus
MEANING_HITS = 20


def meaning_matches(query: str, vectors: np.ndarray, bi_encoder, corpus_fingerprint: str = "",
                    k: int | None = None) -> np.ndarray:
    """A boolean mask of the ``k`` (default: :data:`MEANING_HITS`, or 1% of the rows when more) rows of
    ``vectors`` closest in cosine to ``query`` encoded by ``bi_encoder`` (the Map's search by meaning);
    refused like :func:`search` when another model made ``vectors``. The rows' norms come from
    ``similarity.corpus_norm_scale``: no squared copy of them."""
    from sbert_desktop.core.similarity import corpus_norm_scale

    require_same_encoder(bi_encoder, corpus_fingerprint)  # a query of another model than the vectors means nothing
    q = np.asarray(bi_encoder.encode([query]), np.float32)[0]
    v = np.ascontiguousarray(vectors, np.float32)
    k = min(len(v), k if k is not None else max(MEANING_HITS, len(v) // 100))
    sims = v @ q  # cosine up to the query's norm, which does not change the order
    scale = corpus_norm_scale(v)
    if scale is not None:
        sims *= scale
    mask = np.zeros(len(v), bool)
    mask[np.argpartition(-sims, k - 1)[:k]] = True
    return mask


def _without_runtime(fingerprint: str) -> str:
    """A model fingerprint without its runtime suffix (``-int8-onnx``): the same weights run another way
    give vectors within float noise of each other, comparable with one another."""
    import re

    return re.sub(r"-(?:fp32|fp16|bf16|int8)-[a-z0-9_]+$", "", fingerprint)


def require_same_encoder(bi_encoder, corpus_fingerprint: str) -> None:
    """Raise :class:`SbertDesktopError` when ``corpus_fingerprint`` (the model that encoded a corpus) is
    not ``bi_encoder``'s: a query it encodes would be compared with another model's vectors, which
    gives a ranking without meaning (or, at another dimension, an error). Nothing to check without a
    fingerprint or a model."""
    if not corpus_fingerprint or bi_encoder is None or not hasattr(bi_encoder, "fingerprint"):
        return
    if _without_runtime(bi_encoder.fingerprint()) != _without_runtime(corpus_fingerprint):
        from sbert_desktop.core.errors import SbertDesktopError

        raise SbertDesktopError("the sentences were encoded by another model than the loaded bi-encoder, so a typed "
                                "query cannot be compared with them: encode them again, or load the model that "
                                "encoded them")


def rerank(result, cross_encoder, progress=None, cancel=None):
    """``result`` with every candidate rescored by the cross-encoder (see :func:`core.rerank.rerank`)."""
    from sbert_desktop.core.rerank import rerank as rerank_hits

    return rerank_hits(result, cross_encoder, progress=progress, cancel=cancel)


# --------------------------------------------------------------------------- clustering


@dataclass
class ClusterReport:
    """A clustering with what the pages show next to it: keyword labels and per-cluster silhouettes."""

    result: Any  # core.clustering.ClusterResult
    keywords: dict[int, list[str]]
    silhouettes: dict[int, float]
    seconds: float


def describe_clusters(vectors: np.ndarray, sentences: Sequence[str], params: dict[str, Any],
                      stop_words=None, progress=None, cancel=None) -> ClusterReport:
    """Cluster, then label (c-TF-IDF) and score each cluster."""
    from sbert_desktop.core.clustering import cluster

    t = time.perf_counter()
    result = cluster(vectors, progress=progress, cancel=cancel, **params)
    check(cancel)
    keywords = cluster_keywords(sentences, result.labels, stop_words)
    sils = cluster_silhouettes(vectors, result.labels, seed=params.get("seed", 42))
    return ClusterReport(result, keywords, sils, time.perf_counter() - t)


def describe_clusters_in_child(vectors: np.ndarray, sentences: Sequence[str], params: dict[str, Any],
                               stop_words=None, progress=None, cancel=None) -> ClusterReport:
    """:func:`describe_clusters` in a child process: ``cancel`` kills the fit at once."""
    from sbert_desktop.core.child_process import run_in_child

    return run_in_child(describe_clusters, arrays={"vectors": vectors},
                        kwargs={"sentences": list(sentences), "params": dict(params),
                                "stop_words": None if stop_words is None else sorted(stop_words)},
                        progress=progress, cancel=cancel)


def project_in_child(vectors: np.ndarray, params: dict[str, Any], progress=None, cancel=None) -> np.ndarray:
    """:func:`core.projection.project` (disk cache on) in a child process; a cached map is read here."""
    from sbert_desktop.core.child_process import run_in_child
    from sbert_desktop.core.projection import lookup_cache, project

    kwargs = {k: v for k, v in params.items()}
    hit = lookup_cache(vectors, **kwargs)
    if hit is not None:
        return hit
    if params["method"] == "pca":  # a second or less: not worth a process
        return project(vectors, progress=progress, cancel=cancel, **kwargs)
    return run_in_child(project, arrays={"emb": vectors}, kwargs={**kwargs, "cache": True},
                        progress=progress, cancel=cancel)


def cluster_keywords(sentences: Sequence[str], labels: np.ndarray, stop_words=None, top_n: int = 4) -> dict[int, list[str]]:
    from sbert_desktop.core.keywords import cluster_labels

    return cluster_labels(list(sentences), labels, top_n=top_n, stop_words=stop_words)


def cluster_silhouettes(vectors: np.ndarray, labels: np.ndarray, seed: int = 42, sample: int = 5000) -> dict[int, float]:
    """Mean cosine silhouette of each cluster's points (noise left out; a seeded sample above ``sample``)."""
    from sklearn.metrics import silhouette_samples

    from sbert_desktop.core.similarity import normalize

    idx = np.flatnonzero(np.asarray(labels) >= 0)
    if len(idx) > sample:
        idx = np.sort(np.random.default_rng(seed).choice(idx, sample, replace=False))
    lab = np.asarray(labels)[idx]
    if len(np.unique(lab)) < 2 or len(idx) < 3:
        return {}
    values = silhouette_samples(normalize(vectors[idx]), lab, metric="cosine")
    return {int(c): float(values[lab == c].mean()) for c in np.unique(lab)}


def stop_word_set(use_defaults: bool, extra_text: str) -> set[str]:
    from sbert_desktop.core.keywords import DEFAULT_STOP_WORDS

    extra = {w.strip().lower() for w in extra_text.replace(",", " ").split() if w.strip()}
    return (set(DEFAULT_STOP_WORDS) if use_defaults else set()) | extra
