"""Hard-negative mining: never the anchor's own positives, the margin drops near-positives, a
cross-encoder rescoring path, and the CLI writes a triplet file that training reads."""

from __future__ import annotations

import numpy as np
import pytest

from sbert_desktop.core.mining import mine_hard_negatives

ANCHORS = ["a0", "a1", "a2", "a3", "a0"]
POSITIVES = ["p0", "p1", "p2", "p3", "p0b"]


class FakeBi:
    """Embeddings chosen by hand: ``a_i`` is closest to ``p_i``, then to ``p_(i+1)``."""

    prompts: dict = {}
    default_prompt_name = None

    def __init__(self):
        self.vec = {}
        for i in range(4):
            v = np.zeros(8, dtype=np.float32)
            v[i] = 1.0
            v[(i + 1) % 4] = 0.5
            self.vec[f"a{i}"] = v
            w = np.zeros(8, dtype=np.float32)
            w[i] = 1.0
            self.vec[f"p{i}"] = w
        self.vec["p0b"] = self.vec["p0"] + 0.1
        self.vec["x"] = np.ones(8, dtype=np.float32)
        self.seen_prompts = []

    def encode(self, texts, batch_size=32, prompt_name=None, cancel=None, **_):
        self.seen_prompts.append(prompt_name)
        return np.stack([self.vec[t] for t in texts])


class FakeCross:
    def __init__(self, scores):
        self.scores = scores

    def predict(self, pairs, batch_size=32, cancel=None):
        return np.asarray([self.scores.get(p, 0.0) for p in pairs], dtype=np.float32)


def test_never_own_positives_and_nearest_first():
    mined = mine_hard_negatives(ANCHORS, POSITIVES, FakeBi(), k=2, query_prompt_name="query",
                                document_prompt_name="document")
    by_pair = {}
    for a, p, n in mined.rows:
        by_pair.setdefault((a, p), []).append(n)
    assert by_pair[("a1", "p1")][0] == "p2"  # the next-closest text
    for (a, _), negs in by_pair.items():
        own = {p for aa, p in zip(ANCHORS, POSITIVES) if aa == a}
        assert not own & set(negs) and a not in negs and len(negs) == 2
    assert mined.pairs == 5 and mined.corpus == 5 and mined.short == 0


def test_margin_drops_near_positives():
    bi = FakeBi()
    loose = mine_hard_negatives(ANCHORS[:4], POSITIVES[:4], bi, k=1)
    strict = mine_hard_negatives(ANCHORS[:4], POSITIVES[:4], bi, k=1, margin=0.5)
    assert loose.dropped_by_margin == 0 and strict.dropped_by_margin > 0
    for row, s, ps in zip(strict.rows, strict.scores, strict.positive_scores):
        assert s <= ps - 0.5


def test_cross_encoder_rescores_and_filters():
    # the cross-encoder thinks p2 is a right answer for a1 (a false negative): it must be dropped
    scores = {("a1", "p1"): 0.9, ("a1", "p2"): 0.95, ("a1", "p3"): 0.2, ("a1", "p0"): 0.4, ("a1", "p0b"): 0.1}
    mined = mine_hard_negatives(["a1"], ["p1"], FakeBi(), k=1, corpus=["p0", "p2", "p3", "p0b"],
                                cross_encoder=FakeCross(scores))
    assert mined.rows == [("a1", "p1", "p0")]  # the best-scored candidate below the positive
    assert mined.dropped_by_margin == 1 and mined.scores == [pytest.approx(0.4)]


def test_cli_mine_then_train_triplets(tiny_bi_encoder_dir, tmp_path, capsys):
    from sbert_desktop.cli import main
    from sbert_desktop.core.data.retrieval_pairs import read_retrieval_pairs

    pairs = tmp_path / "qa.tsv"
    pairs.write_text("question\tanswer\n" + "".join(f"what is thing {i}\tthing {i} is a kind of object {i % 5}\n"
                                                    for i in range(20)), encoding="utf-8")
    out = tmp_path / "triplets.jsonl"
    assert main(["mine-negatives", str(pairs), "--out", str(out), "--k", "2", "--model", str(tiny_bi_encoder_dir),
                 "--device", "cpu", "-q"]) == 0
    text = capsys.readouterr().out
    assert "40 triplets from 20 pairs" in text and "negative" in text.splitlines()[2]
    triplets = read_retrieval_pairs(out, "triplets")
    assert len(triplets) == 40
    assert all(n != p for _, p, n in triplets.rows())
    assert main(["train", "--task", "triplets", "--model", str(tiny_bi_encoder_dir), "--train", str(out),
                 "--out", str(tmp_path / "run"), "--batch-size", "8", "--max-steps", "2", "--device", "cpu",
                 "-q"]) == 0
    rc = main(["mine-negatives", str(pairs), "--out", str(tmp_path / "t.txt"), "-q"])
    assert rc == 2 and "write triplets as .csv" in capsys.readouterr().err
