"""The training engine on the bundled model and real data (slow: about a minute on 2 CPU cores)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sbert_desktop.core.training import TrainConfig, predict_nli, train

pytestmark = pytest.mark.slow


def test_bundled_model_on_stsb_loads_in_sentence_transformers(data_dir, tmp_path):
    out = tmp_path / "stsb"
    result = train(TrainConfig(encoder="bi", task="sts", model="default", train_file=str(data_dir / "stsb-en" / "sts-train.csv"),
                               dev_file=str(data_dir / "stsb-en" / "sts-dev.csv"), out_dir=str(out), epochs=1,
                               max_steps=6, device="cpu"))
    assert result.status == "finished" and result.step == 6
    assert result.best_metric > 0.8  # the bundled model is already good at STS (0.867 untrained)
    st = pytest.importorskip("sentence_transformers")
    from sbert_desktop.core.models import BiEncoder

    sentences = ["A man is playing a guitar.", "A woman slices an onion."]
    ours = BiEncoder.load(out, device="cpu").encode(sentences)
    ref = st.SentenceTransformer(str(out), device="cpu").encode(sentences)
    assert np.allclose(ours, ref, atol=1e-5)


def test_snli_softmax_head_reproduces_its_accuracy(data_dir, tmp_path):
    from sbert_desktop.core.data import read_pairs

    snli = read_pairs(data_dir / "snli" / "validation.tsv")
    premises = list(dict.fromkeys(snli.sentence1))
    train_p, dev_p = set(premises[:40]), set(premises[40:140])
    idx_train = [i for i, p in enumerate(snli.sentence1) if p in train_p]
    idx_dev = [i for i, p in enumerate(snli.sentence1) if p in dev_p]

    def write(rows, path):
        labels = ("entailment", "neutral", "contradiction")
        path.write_text("sentence1\tsentence2\tlabel\n" + "".join(
            f"{snli.sentence1[i]}\t{snli.sentence2[i]}\t{labels[snli.labels[i]]}\n" for i in rows), encoding="utf-8")
        return path

    train_file, dev_file = write(idx_train, tmp_path / "train.tsv"), write(idx_dev, tmp_path / "dev.tsv")
    out = tmp_path / "nli"
    result = train(TrainConfig(encoder="bi", task="nli", model="default", train_file=str(train_file),
                               dev_file=str(dev_file), out_dir=str(out), max_steps=4, device="cpu"))
    dev = read_pairs(dev_file)
    pred = predict_nli(out, dev.pairs(), device="cpu")
    assert math.isclose(float((pred["label_ids"] == dev.labels).mean()), result.best_metric, abs_tol=1e-9)
