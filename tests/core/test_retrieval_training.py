"""Pair and triplet files (every table format, column mapping, bad rows), false-negative masking,
gradient-cached MNRL (same gradient as MNRL), and training runs on pairs and triplets."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sbert_desktop.core.data.retrieval_pairs import read_retrieval_pairs, write_retrieval_pairs
from sbert_desktop.core.errors import DataError

ROWS = [(f"question number {i} about topic {i % 7}", f"answer {i} explains topic {i % 7}",
         f"unrelated text {i} on subject {(i + 3) % 7}") for i in range(24)]


def _write(path, header, rows, fmt):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=header)
    if fmt == "csv":
        frame.to_csv(path, index=False)
    elif fmt == "tsv":
        frame.to_csv(path, index=False, sep="\t")
    elif fmt == "jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    elif fmt == "parquet":
        frame.to_parquet(path, index=False)
    else:
        frame.to_excel(path, index=False)
    return path


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet", "xlsx"])
def test_pairs_and_triplets_in_every_format_with_mapping(tmp_path, fmt):
    path = _write(tmp_path / f"t.{fmt}", ["q", "good", "bad"], ROWS, fmt)
    triplets = read_retrieval_pairs(path, "triplets", {"anchor": "q", "positive": "good", "negative": "bad"})
    assert triplets.kind == "triplets" and len(triplets) == 24 and triplets.rows()[3] == ROWS[3]
    pairs = read_retrieval_pairs(path, "pairs", {"anchor": "q", "positive": "good"})
    assert pairs.negative is None and pairs.positive[0] == ROWS[0][1]
    named = _write(tmp_path / f"n.{fmt}", ["query", "answer", "hard_negative"], ROWS, fmt)
    found = read_retrieval_pairs(named)  # columns found by name, kind by the file
    assert found.kind == "triplets" and found.columns == {"anchor": "query", "positive": "answer",
                                                          "negative": "hard_negative"}


def test_headerless_tsv_and_txt_by_position(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("".join(f"{a}\t{p}\n" for a, p, _ in ROWS[:5]), encoding="utf-8")
    pairs = read_retrieval_pairs(path)
    assert pairs.kind == "pairs" and pairs.anchor[4] == ROWS[4][0] and pairs.line_numbers[0] == 1


def test_one_column_pair_file_is_one_line_error(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("question\nwhat is rice\nhow to cook\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_retrieval_pairs(path, "pairs")
    msg = str(err.value)
    assert msg.startswith(f"{path}, line 1: a pair file needs two text columns") and "\n" not in msg


def test_triplet_negative_equal_to_positive_names_the_line(tmp_path):
    rows = [list(r) for r in ROWS[:6]]
    rows[3][2] = rows[3][1]
    path = _write(tmp_path / "t.csv", ["anchor", "positive", "negative"], rows, "csv")
    with pytest.raises(DataError, match=r"t\.csv, line 5: the negative is the same text as the positive"):
        read_retrieval_pairs(path, "triplets")
    two = _write(tmp_path / "two.csv", ["anchor", "positive"], [r[:2] for r in ROWS[:4]], "csv")
    with pytest.raises(DataError, match="needs three text columns"):
        read_retrieval_pairs(two, "triplets")
    empty = _write(tmp_path / "e.csv", ["anchor", "positive"], [("a", "b"), ("c", "")], "csv")
    with pytest.raises(DataError, match=r"line 3: the positive \('positive'\) is empty"):
        read_retrieval_pairs(empty)


def test_write_round_trip(tmp_path):
    for suffix in ("csv", "tsv", "jsonl", "parquet"):
        out = write_retrieval_pairs(tmp_path / f"o.{suffix}", ROWS[:4])
        assert read_retrieval_pairs(out).rows() == ROWS[:4]


def test_false_negative_mask():
    from sbert_desktop.core.training.losses import false_negative_mask

    # rows 0 and 2 share an anchor; row 1's positive is also row 3's positive; the negative is row 0's positive
    mask = false_negative_mask([0, 1, 0, 3], [10, 11, 12, 11], [10]).numpy()
    expected = np.zeros((4, 5), dtype=bool)
    expected[0, 2] = expected[2, 0] = True  # same anchor: the other's positive is right too
    expected[1, 3] = expected[3, 1] = True  # the same positive text
    expected[0, 4] = True                   # the negative is row 0's positive
    assert (mask == expected).all()


def test_cached_mnrl_gradient_equals_mnrl(tiny_bi_encoder):
    import torch

    from sbert_desktop.core.models.base import collate
    from sbert_desktop.core.training.losses import mnrl_loss
    from sbert_desktop.core.training.retrieval import cached_backward

    model = tiny_bi_encoder.eval()  # no dropout: both passes see the same network
    texts = [t for row in ROWS[:8] for t in row]
    encoded = dict(model.tokenizer(texts, padding=False, truncation=True, max_length=32))
    b = 8
    rows = np.concatenate([np.arange(0, 24, 3), np.arange(1, 24, 3), np.arange(2, 24, 3)])

    def embed(idx):
        return model(collate(encoded, idx, model.tokenizer.pad_token_id))

    def loss_of(emb):
        return mnrl_loss(emb[:b], emb[b:2 * b], emb[2 * b:], 20.0)

    model.zero_grad()
    full = loss_of(embed(rows))
    full.backward()
    ref = {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}
    model.zero_grad()
    cached = cached_backward(embed, rows, 5, loss_of, torch.device("cpu"))
    assert abs(float(cached) - float(full.detach())) < 1e-5
    for name, grad in ref.items():
        got = dict(model.named_parameters())[name].grad
        assert torch.allclose(got, grad, atol=1e-6, rtol=1e-4), name


@pytest.mark.parametrize("task,loss", [("pairs", "mnrl"), ("triplets", "cached_mnrl")])
def test_training_on_pairs_and_triplets(tiny_bi_encoder_dir, tmp_path, task, loss):
    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.training import TrainConfig, train

    rows = ROWS + [ROWS[0]]  # a duplicate row: never twice in one batch
    data = _write(tmp_path / "train.jsonl", ["query", "answer", "negative"], rows, "jsonl")
    dev = tmp_path / "dev.tsv"
    dev.write_text("sentence1\tsentence2\tscore\n" + "".join(f"{a}\t{p}\t{i % 5}\n" for i, (a, p, _) in
                                                                enumerate(ROWS[:10])), encoding="utf-8")
    cfg = TrainConfig(encoder="bi", task=task, loss=loss, model=str(tiny_bi_encoder_dir), train_file=str(data),
                      dev_file=str(dev), out_dir=str(tmp_path / "run"), batch_size=8, mini_batch_size=5,
                      max_seq_length=32, device="cpu", lr=1e-3)
    result = train(cfg)
    assert result.status == "finished" and result.step == result.total_steps >= 3
    assert result.metric_name == "spearman" and result.best_metric is not None
    saved = json.loads((tmp_path / "run" / "train_config.json").read_text())
    assert saved["task"] == task and saved["loss"] == loss
    before = BiEncoder.load(tiny_bi_encoder_dir, device="cpu").encode(["question number 1 about topic 1"])
    after = BiEncoder.load(tmp_path / "run", device="cpu").encode(["question number 1 about topic 1"])
    assert not np.allclose(before, after)
    assert all(np.isfinite(r["train_loss"]) for r in result.history if r.get("train_loss") is not None)


def test_cli_train_pairs_with_columns(tiny_bi_encoder_dir, tmp_path, capsys):
    from sbert_desktop.cli import main

    data = _write(tmp_path / "qa.csv", ["q", "a"], [r[:2] for r in ROWS], "csv")
    rc = main(["train", "--task", "pairs", "--model", str(tiny_bi_encoder_dir), "--train", str(data),
               "--columns", "anchor=q,positive=a", "--out", str(tmp_path / "run"), "--batch-size", "8",
               "--max-steps", "2", "--device", "cpu", "-q"])
    assert rc == 0, capsys.readouterr().err
    assert "finished 2 steps" in capsys.readouterr().out
    one = tmp_path / "one.csv"
    one.write_text("q\nwhat\nwho\n", encoding="utf-8")
    rc = main(["train", "--task", "pairs", "--model", str(tiny_bi_encoder_dir), "--train", str(one),
               "--out", str(tmp_path / "run2"), "-q"])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and len(err.splitlines()) == 1 and "one.csv, line 1: a pair file needs two text columns" in err


def test_trained_model_card(tiny_bi_encoder_dir, tmp_path):
    from sbert_desktop.core.training import TrainConfig, train

    data = _write(tmp_path / "qa.csv", ["question", "answer"], [r[:2] for r in ROWS], "csv")
    dev = tmp_path / "dev.tsv"
    dev.write_text("sentence1\tsentence2\tscore\n" + "".join(f"{a}\t{p}\t{i % 5}\n" for i, (a, p, _) in
                                                                enumerate(ROWS[:10])), encoding="utf-8")
    cfg = TrainConfig(encoder="bi", task="pairs", model=str(tiny_bi_encoder_dir), train_file=str(data),
                      dev_file=str(dev), out_dir=str(tmp_path / "qa-model"), batch_size=8, max_seq_length=32,
                      device="cpu", max_steps=2)
    train(cfg)
    card = (tmp_path / "qa-model" / "README.md").read_text(encoding="utf-8")
    for text in ("# qa-model", "Task **pairs**, loss **mnrl**", "train: `qa.csv` (24 rows", "dev: `dev.tsv` (10 rows",
                 "batch_size 8", "lr 2e-05", "2 of 2 steps", "logical cores", "| spearman |"):
        assert text in card, text
    before_after = [line for line in card.splitlines() if line.startswith("| spearman |")][0]
    assert "not measured" not in before_after
