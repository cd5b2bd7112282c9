"""core.similarity: chunked pair mining against brute force and sentence-transformers, search, rerank."""

from __future__ import annotations

import numpy as np
import pytest

from sbert_desktop.core import similarity as S
from sbert_desktop.core.progress import CancelToken, Cancelled


@pytest.fixture(scope="module")
def emb() -> np.ndarray:
    return np.random.default_rng(0).standard_normal((300, 16)).astype(np.float32)


def brute_force_pairs(emb: np.ndarray, top_k: int) -> dict[tuple[int, int], float]:
    unit = emb / np.linalg.norm(emb, axis=1, keepdims=True)
    sim = unit @ unit.T
    np.fill_diagonal(sim, -np.inf)
    pairs = {}
    for i in range(len(emb)):
        for j in np.argsort(-sim[i])[:top_k]:
            pairs[(min(i, int(j)), max(i, int(j)))] = float(sim[i, j])
    return pairs


def test_normalize_and_cosine_helpers(emb):
    unit = S.normalize(emb)
    assert unit.dtype == np.float32 and np.allclose(np.linalg.norm(unit, axis=1), 1, atol=1e-5)
    assert S.normalize(unit) is unit  # already unit length: no copy
    zero = S.normalize(np.zeros((2, 3), np.float32))
    assert np.all(zero == 0)
    from sklearn.metrics.pairwise import cosine_similarity

    assert np.allclose(S.cosine_matrix(emb[:20], emb[:30]), cosine_similarity(emb[:20], emb[:30]), atol=1e-5)
    assert np.allclose(S.paired_cosine(emb[:10], emb[10:20]),
                       np.diag(cosine_similarity(emb[:10], emb[10:20])), atol=1e-5)


@pytest.mark.parametrize("chunk_size", [7, 64, 299, 300, 1000])
def test_mine_pairs_equals_brute_force_for_any_chunk_size(emb, chunk_size):
    expected = brute_force_pairs(emb, top_k=5)
    pairs = S.mine_pairs(emb, top_k=5, chunk_size=chunk_size)
    got = {(a, b): s for a, b, s in pairs}
    assert got.keys() == expected.keys()
    assert np.allclose([got[k] for k in expected], list(expected.values()), atol=1e-5)
    assert np.all(pairs.first < pairs.second)
    assert np.all(np.diff(pairs.scores) <= 0)  # highest first


def test_mine_pairs_matches_sentence_transformers(emb):
    torch = pytest.importorskip("torch")
    util = pytest.importorskip("sentence_transformers.util")
    ref = util.paraphrase_mining_embeddings(torch.from_numpy(emb), top_k=10, max_pairs=10**6)
    pairs = S.mine_pairs(emb, top_k=10, chunk_size=50)
    ref_scores = {(i, j): s for s, i, j in ref}
    got = {(i, j): s for i, j, s in pairs}
    assert got.keys() == ref_scores.keys()  # the same candidate pairs
    assert np.allclose([got[k] for k in ref_scores], list(ref_scores.values()), atol=1e-5)
    # the same order, up to scores equal within float rounding
    assert np.allclose([s for s, _, _ in ref], pairs.scores, atol=1e-5)
    assert pairs.to_list()[0][1:] == ref[0][1:]


def test_mine_pairs_limits_and_edges(emb):
    full = S.mine_pairs(emb, top_k=3)
    assert len(S.mine_pairs(emb, top_k=3, max_pairs=10)) == 10
    high = S.mine_pairs(emb, top_k=3, min_score=0.5)
    assert len(high) == int(np.sum(full.scores >= 0.5)) and np.all(high.scores >= 0.5)
    assert len(S.mine_pairs(emb[:1], top_k=3)) == 0
    few = S.mine_pairs(emb[:4], top_k=10)  # top_k above n - 1: every pair once
    assert len(few) == 6
    assert few.with_sentences(list("abcd"))[0][0] in "abcd"


def test_nearest_neighbors_excludes_self_and_pads(emb):
    nn = S.nearest_neighbors(emb[:5], top_k=6, chunk_size=2)
    assert nn.indices.shape == (5, 6)
    assert np.all(nn.indices[:, 4:] == -1) and np.all(np.isneginf(nn.scores[:, 4:]))
    for i in range(5):
        assert i not in nn.indices[i, :4]


def test_all_pairs_and_polite_refusal(emb):
    pairs = S.all_pairs(emb[:50])
    assert len(pairs) == 50 * 49 // 2
    assert np.all(np.diff(pairs.scores) <= 0)
    top = S.mine_pairs(emb[:50], top_k=49)
    assert set(zip(top.first.tolist(), top.second.tolist())) == set(zip(pairs.first.tolist(), pairs.second.tolist()))
    with pytest.raises(S.TooManyPairsError) as err:
        S.all_pairs(emb, max_pairs=1000)
    assert err.value.n_pairs == 44850 and err.value.bytes_needed > 0
    assert "44,850 pairs" in str(err.value) and "MB" in str(err.value)
    from sbert_desktop.core.errors import SbertDesktopError

    assert isinstance(err.value, SbertDesktopError)


def test_distinct_pairs_leave_repeated_sentences_out(emb):
    """60 texts, 20 of them repeated (some twice): with ``distinct`` the pairs are those of the 60
    first occurrences, mapped back to their rows, and no pair joins a text to its copy; the note
    says how many rows were left out. Without it the copies top the table at cosine 1."""
    from sbert_desktop.core.explore import compute_pairs

    base = [f"text {i}" for i in range(60)]
    copies = [i % 20 for i in range(30)]  # texts 0-9 twice more, 10-19 once more
    sentences = base + [base[i] for i in copies]
    vectors = np.vstack([emb[:60], emb[copies]])
    rows = S.distinct_rows(sentences)
    assert rows.tolist() == list(range(60))
    assert S.distinct_rows(["a", "b", "a", "c", "b"]).tolist() == [0, 1, 3]
    for mode in ("top_k", "all"):
        plain = compute_pairs(mode, sentences, vectors, top_k=3)
        assert plain.table.scores[0] == pytest.approx(1.0, abs=1e-5)  # a text and its copy
        kept = compute_pairs(mode, sentences, vectors, top_k=3, distinct=True)
        alone = S.mine_pairs(emb[:60], top_k=3) if mode == "top_k" else S.all_pairs(emb[:60])
        assert kept.table.first.tolist() == alone.first.tolist() and kept.table.second.tolist() == alone.second.tolist()
        np.testing.assert_allclose(kept.bi, alone.scores, rtol=1e-6)
        assert all(a != b for a, b in (kept.text(i) for i in range(len(kept))))
        assert kept.note == "30 repeated sentences left out" and kept.params["distinct"] is True
    once = compute_pairs("top_k", base, emb[:60], top_k=3, distinct=True)  # nothing repeated: nothing said
    assert once.note == "" and len(once) == len(S.mine_pairs(emb[:60], top_k=3))


def test_semantic_search(emb):
    found = S.semantic_search(emb[:3], emb, top_k=4, chunk_size=32)
    assert found.indices.shape == (3, 4)
    assert list(found.indices[:, 0]) == [0, 1, 2]  # each query finds itself first
    sim = S.cosine_matrix(emb[:3], emb)
    assert np.array_equal(found.indices, np.argsort(-sim, axis=1)[:, :4])
    single = S.semantic_search(emb[7], emb, top_k=1)
    assert single.indices.shape == (1, 1) and single.indices[0, 0] == 7
    with pytest.raises(Exception, match="dimension"):
        S.semantic_search(np.ones(3, np.float32), emb)


def test_search_of_a_corpus_that_is_not_unit_length_makes_no_copy_of_it():
    """Embeddings of a model without normalisation: the search gives the cosine ranking and scores of the
    normalised corpus, while allocating far less than one copy of it (tracemalloc sees numpy's memory)."""
    import tracemalloc

    rng = np.random.default_rng(3)
    corpus = (rng.standard_normal((20_000, 64)) * rng.uniform(0.5, 3.0, (20_000, 1))).astype(np.float32)
    corpus[7] = 0.0  # a zero row scores 0, as normalize() leaves it
    query = rng.standard_normal((2, 64)).astype(np.float32)
    expected = S.semantic_search(query, S.normalize(corpus), top_k=5)
    S.semantic_search(query, corpus, top_k=5)  # norms read once for this corpus
    tracemalloc.start()
    found = S.semantic_search(query, corpus, top_k=5)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert np.array_equal(found.indices, expected.indices)
    np.testing.assert_allclose(found.scores, expected.scores, rtol=1e-5)
    assert peak < corpus.nbytes / 4, peak
    corpus[0] *= 100.0  # rewritten in place: its norms are read again
    again = S.semantic_search(corpus[:1] / 100.0, corpus, top_k=1)
    assert again.indices[0, 0] == 0 and again.scores[0, 0] == pytest.approx(1.0, abs=1e-5)


def test_progress_and_cancel(emb):
    events = []
    S.mine_pairs(emb, top_k=3, chunk_size=100, progress=events.append)
    assert events[-1].done == events[-1].total == 6  # 3 row blocks: 6 block pairs (symmetry)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        S.mine_pairs(emb, top_k=3, chunk_size=100, cancel=token)


class FakeBi:
    """Encodes by a fixed lookup so the bi-encoder ranking is known."""

    def __init__(self, query_vec):
        self.query_vec = query_vec

    def encode(self, sentences):
        return np.asarray([self.query_vec], np.float32)


class FakeCross:
    """Scores a pair by the sentence's length: the longest sentence wins."""

    def predict(self, pairs, batch_size=32, progress=None, cancel=None):
        return np.asarray([len(b) for _, b in pairs], np.float32)


def test_retrieve_and_rerank_reports_both_rankings_and_moves():
    corpus = ["a", "bb", "ccc", "dddd"]
    corpus_emb = np.asarray([[1, 0], [0.9, 0.1], [0.5, 0.5], [0, 1]], np.float32)
    res = S.retrieve_and_rerank("q", corpus, corpus_emb, FakeBi([1, 0]), FakeCross(), top_k=3, candidates=4)
    assert [h.index for h in res.bi_ranking] == [0, 1, 2]
    assert [h.index for h in res.cross_ranking] == [3, 2, 1]
    moves = {h.index: h.move for h in res.cross_ranking}
    assert moves == {3: 3, 2: 1, 1: -1}
    assert res.candidates == 4 and {"encode", "search", "rerank"} <= res.timings.keys()
    plain = S.retrieve_and_rerank("q", corpus, corpus_emb, FakeBi([1, 0]), None, top_k=2)
    assert plain.cross_ranking == [] and [h.move for h in plain.bi_ranking] == [0, 0]


def test_retrieve_each_text_once_counts_its_rows():
    """A corpus where "a" is on three rows and "b" on two: ``distinct`` gives each text once, at its
    best row, with the number of rows holding it, and still fills ``candidates`` with different texts
    (it looks deeper when copies take the places); from a corpus row, every copy of it is left out."""
    corpus = ["a", "b", "a", "c", "b", "a", "d", "e"]
    base = {"a": [1, 0], "b": [0.9, 0.1], "c": [0.6, 0.4], "d": [0.3, 0.7], "e": [0, 1]}
    emb = np.asarray([base[t] for t in corpus], np.float32)
    plain = S.retrieve("q", corpus, emb, FakeBi([1, 0]), candidates=3)
    assert [h.sentence for h in plain.bi_ranking] == ["a", "a", "a"] and {h.copies for h in plain.bi_ranking} == {1}
    once = S.retrieve("q", corpus, emb, FakeBi([1, 0]), candidates=3, distinct=True)
    assert [(h.sentence, h.copies, h.bi_rank) for h in once.bi_ranking] == [("a", 3, 0), ("b", 2, 1), ("c", 1, 2)]
    assert all(corpus[h.index] == h.sentence for h in once.bi_ranking) and once.candidates == 3
    near = S.retrieve("a", corpus, emb, None, candidates=10, query_index=2, distinct=True)
    assert [h.sentence for h in near.bi_ranking] == ["b", "c", "d", "e"]  # no copy of "a"; all the corpus has
    reranked = S.retrieve_and_rerank("q", corpus, emb, FakeBi([1, 0]), FakeCross(), top_k=2, candidates=3,
                                     distinct=True)
    assert [h.copies for h in reranked.bi_ranking] == [3, 2] and reranked.candidates == 3


def test_a_typed_query_needs_the_model_that_encoded_the_corpus(tiny_bi_encoder):
    """The window's search refuses to compare a query of one model with another model's vectors; the
    same weights in another runtime (int8, ONNX) count as the same model; a stored sentence's
    neighbours need no encoding and are always allowed."""
    from sbert_desktop.core.errors import SbertDesktopError
    from sbert_desktop.core.explore import meaning_matches, require_same_encoder, search

    corpus = ["a cat sleeps", "dogs bark", "stocks fell"]
    emb = tiny_bi_encoder.encode(corpus)
    mine = tiny_bi_encoder.fingerprint()
    require_same_encoder(tiny_bi_encoder, mine)
    require_same_encoder(tiny_bi_encoder, mine + "-int8-onnx")
    require_same_encoder(tiny_bi_encoder, "")  # not known: nothing to check
    with pytest.raises(SbertDesktopError, match="encoded by another model"):
        search("cat", corpus, emb, tiny_bi_encoder, corpus_fingerprint="0123abcd-mean-64-0-1")
    with pytest.raises(SbertDesktopError, match="encoded by another model"):
        meaning_matches("cat", emb, tiny_bi_encoder, "0123abcd-mean-64-0-1")
    mask = meaning_matches("a cat sleeps", emb * 3.0, tiny_bi_encoder, mine, k=1)  # not unit length: still cosine
    assert mask.tolist() == [True, False, False]
    found = search("", corpus, emb, tiny_bi_encoder, query_index=0, corpus_fingerprint="0123abcd-mean-64-0-1")
    assert [h.index for h in found.bi_ranking] == [1, 2] or [h.index for h in found.bi_ranking] == [2, 1]


def test_retrieve_and_rerank_with_tiny_models(tiny_bi_encoder, tiny_cross_encoder):
    corpus = ["a cat sleeps", "dogs bark", "the stock market fell", "kittens nap all day", "rain tomorrow"]
    emb = tiny_bi_encoder.encode(corpus)
    res = S.retrieve_and_rerank("sleeping cats", corpus, emb, tiny_bi_encoder, tiny_cross_encoder, top_k=3)
    assert len(res.bi_ranking) == 3 and len(res.cross_ranking) == 3
    assert sorted(h.cross_rank for h in res.cross_ranking) == [0, 1, 2]
    assert all(h.sentence == corpus[h.index] for h in res.cross_ranking)


def test_rank_statistics():
    a = np.array([0.9, 0.1, 0.5])
    b = np.array([0.1, 0.9, 0.5])
    assert list(S.ranks(a)) == [0, 2, 1]
    assert list(S.rank_disagreement(a, b)) == [-2, 2, 0]
    from scipy import stats

    x = np.random.default_rng(1).random(30)
    y = x + np.random.default_rng(2).random(30)
    assert S.pearson(x, y) == pytest.approx(stats.pearsonr(x, y)[0])
    assert S.spearman(x, y) == pytest.approx(stats.spearmanr(x, y)[0])
    assert np.isnan(S.pearson([1, 1, 1], [1, 2, 3])) and np.isnan(S.spearman([1], [2]))
