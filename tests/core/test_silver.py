"""Silver pairs for the cross-encoder preset: built from the gold file's sentences only, never a gold
pair or a sentence with itself, scored by the bi-encoder's cosine on the gold scale, the same file
for the same seed; and the ``silver-pairs`` command writes what the library writes."""

from __future__ import annotations

import csv

import numpy as np
import pytest

WORDS = ["cat", "dog", "bird", "man", "woman", "child", "horse", "fish", "car", "tree", "boat", "train"]


def _gold(path):
    rows = ["sentence1\tsentence2\tscore"]
    for i, w in enumerate(WORDS):
        rows.append(f"A {w} sleeps on the mat.\tThe {WORDS[(i + 1) % len(WORDS)]} is red.\t{i % 6}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    return rows[0], [(a, b, float(s)) for a, b, s in rows[1:]]


def test_nearest_matches_a_full_sort(monkeypatch):
    from sbert_desktop.core.training import silver

    rng = np.random.default_rng(0)
    emb = rng.normal(size=(2500, 16)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    monkeypatch.setattr(silver, "BLOCK_SCORES", 700 * 2500)  # several blocks, the last one short
    got = silver.nearest(emb, 5)
    sim = emb @ emb.T
    np.fill_diagonal(sim, -2)
    want = np.argsort(-sim, axis=1)[:, :5]
    assert (got == want).all()
    assert silver.nearest(emb[:4], 40).shape == (4, 3)  # k is capped at the other rows


def test_silver_pairs_from_gold_sentences_scored_by_the_bi_encoder(tiny_bi_encoder_dir, tmp_path):
    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.training.silver import make_silver_pairs

    gold = _gold(tmp_path / "gold.tsv")
    out = tmp_path / "silver.tsv"
    report = make_silver_pairs(str(tiny_bi_encoder_dir), gold, out, n_pairs=30, device="cpu")
    header, rows = _read(out)
    assert header == ["sentence1", "sentence2", "score"]
    assert report.pairs == len(rows) and 0 < len(rows) <= 30 and report.sentences == 2 * len(WORDS)
    _, gold_rows = _read(gold)
    gold_sentences = {s for a, b, _ in gold_rows for s in (a, b)}
    gold_pairs = {frozenset((a, b)) for a, b, _ in gold_rows}
    assert all(a in gold_sentences and b in gold_sentences and a != b for a, b, _ in rows)
    assert not any(frozenset((a, b)) in gold_pairs for a, b, _ in rows)
    assert len({frozenset((a, b)) for a, b, _ in rows}) == len(rows)  # each pair once
    # the score is the bi-encoder's cosine on the line fitted to the gold scores, clipped to 0-1
    bi = BiEncoder.load(str(tiny_bi_encoder_dir), device="cpu")
    ea = bi.encode([a for a, _, _ in rows], normalize=True)
    eb = bi.encode([b for _, b, _ in rows], normalize=True)
    want = np.clip(report.slope * (ea * eb).sum(1) + report.intercept, 0, 1)
    assert np.allclose([s for _, _, s in rows], want, atol=2e-4)
    # deterministic for a seed
    again = tmp_path / "again.tsv"
    make_silver_pairs(str(tiny_bi_encoder_dir), gold, again, n_pairs=30, device="cpu")
    assert again.read_bytes() == out.read_bytes()


def test_too_few_sentences_is_a_clear_error(tiny_bi_encoder_dir, tmp_path, capsys):
    from sbert_desktop.cli import main
    from sbert_desktop.core.errors import DataError
    from sbert_desktop.core.training.silver import make_silver_pairs

    gold = tmp_path / "gold.tsv"
    gold.write_text("sentence1\tsentence2\tscore\nA cat.\tA dog.\t3\n", encoding="utf-8")
    with pytest.raises(DataError, match="too few sentences"):
        make_silver_pairs(str(tiny_bi_encoder_dir), gold, tmp_path / "s.tsv", device="cpu")
    assert not (tmp_path / "s.tsv").exists()
    assert main(["silver-pairs", str(gold), "--out", str(tmp_path / "s.tsv"), "-q"]) == 2  # one line, no traceback
    err = capsys.readouterr().err
    assert "gold.tsv" in err and "too few sentences" in err and "Traceback" not in err


def test_cli_silver_pairs_then_train_on_them(tiny_bi_encoder_dir, tiny_cross_encoder_dir, tmp_path, capsys):
    from sbert_desktop.cli import main

    gold = _gold(tmp_path / "gold.tsv")
    out = tmp_path / "silver.tsv"
    assert main(["silver-pairs", str(gold), "--out", str(out), "--model", str(tiny_bi_encoder_dir), "--pairs", "20",
                 "--device", "cpu", "-q"]) == 0
    printed = capsys.readouterr().out
    _, rows = _read(out)
    assert f"{len(rows)} silver pairs from 24 sentences" in printed and len(rows) <= 20
    assert main(["train", "--encoder", "cross", "--task", "sts", "--model", str(tiny_cross_encoder_dir),
                 "--train", str(out), "--epochs", "1", "--out", str(tmp_path / "ce"), "--device", "cpu",
                 "--quiet"]) == 0
    assert (tmp_path / "ce" / "config.json").is_file()
