"""Training inputs that went silently wrong: an NLI dev file of 0/1 labels scored as similarity, and an
NLI cross-encoder whose saved label order differs from entailment, neutral, contradiction."""

from __future__ import annotations

import json

import numpy as np

from _training_data import write_nli
from sbert_desktop.core.data import NLI_LABELS, read_pairs
from sbert_desktop.core.models import CrossEncoder
from sbert_desktop.core.training import TrainConfig, train


def test_an_nli_dev_file_of_0_and_1_labels_is_read_as_labels(tiny_bi_encoder_dir, tmp_path):
    """Told NLI, the train file's 0/1 'label' column was labels but the dev file's was a 0-1 similarity:
    the best model was chosen by a Spearman that ran upside down (0 is entailment)."""
    train_file = write_nli(tmp_path / "train.tsv", labels=("0", "1", "2"))
    dev = tmp_path / "dev.csv"
    dev.write_text("sentence1,sentence2,label\nA man plays.,Someone plays.,0\nA cat sleeps.,A dog barks.,1\n"
                   "Kids run.,Children run.,0\nA car.,A red car.,1\n", encoding="utf-8")
    cfg = TrainConfig(encoder="bi", task="nli", model=str(tiny_bi_encoder_dir), train_file=str(train_file),
                      dev_file=str(dev), out_dir=str(tmp_path / "out"), batch_size=8, max_steps=2)
    result = train(cfg)
    assert result.metric_name == "accuracy"
    best = json.loads((tmp_path / "out" / "best.json").read_text())
    assert "accuracy" in best["dev"] and "spearman" not in best["dev"]


def test_a_cross_encoders_label_order_is_kept_when_trained_on_nli(bundled_model_path, tmp_path):
    """A 3-label cross-encoder saved as contradiction, entailment, neutral: loading it to train on NLI renamed
    its outputs entailment, neutral, contradiction without moving the head's rows, so each output meant
    another class. Its rows are put in that order now: the same pair gets the same class."""
    import torch

    from tests.conftest import tiny_bert_config

    torch.manual_seed(0)
    own = ["contradiction", "entailment", "neutral"]
    saved = CrossEncoder.from_config(tiny_bert_config(3), bundled_model_path, num_labels=3, label_names=own,
                                     max_seq_length=64).save(tmp_path / "cen")
    pairs = read_pairs(write_nli(tmp_path / "nli.tsv", premises=4)).pairs()
    as_saved = CrossEncoder.load(saved, device="cpu")
    assert as_saved.label_names == own
    probs = as_saved.predict(pairs)
    ordered = CrossEncoder.load(saved, device="cpu", num_labels=3, label_names=NLI_LABELS)
    assert ordered.label_names == list(NLI_LABELS) and not ordered.new_head
    expected = probs[:, [own.index(name) for name in NLI_LABELS]]
    np.testing.assert_allclose(ordered.predict(pairs), expected, atol=1e-6)


def test_a_resumed_runs_model_names_the_model_it_started_from(tiny_bi_encoder_dir, tmp_path):
    """Published after a resume, the model's sbert_desktop.json named '<out>/checkpoint/model' as its base, a
    folder deleted when the run ends."""
    from _training_data import write_sts

    from sbert_desktop.core.progress import CancelToken

    data = write_sts(tmp_path / "sts.tsv")
    cfg = TrainConfig(encoder="bi", task="sts", model=str(tiny_bi_encoder_dir), train_file=str(data),
                      dev_file=str(data), out_dir=str(tmp_path / "out"), batch_size=8, epochs=1, eval_steps=2)
    token = CancelToken()
    assert train(cfg, progress=lambda e: token.cancel() if e.done >= 2 else None, cancel=token).status == "cancelled"
    assert train(TrainConfig.load(tmp_path / "out"), resume=True).status == "finished"
    assert json.loads((tmp_path / "out" / "sbert_desktop.json").read_text())["base"] == str(tiny_bi_encoder_dir)


def test_a_one_step_run_learns(tiny_bi_encoder_dir, tmp_path):
    """The warm-up (10% of the steps, rounded up) covered the whole of a one-step run, whose one step ran
    at learning rate 0: 'finished 1 steps' and the weights unchanged."""
    from _training_data import write_sts

    from sbert_desktop.core.models import BiEncoder

    data = write_sts(tmp_path / "sts.tsv", n=8)
    cfg = TrainConfig(encoder="bi", task="sts", model=str(tiny_bi_encoder_dir), train_file=str(data),
                      out_dir=str(tmp_path / "out"), batch_size=8, epochs=1, lr=1e-3)
    assert cfg.warmup_steps(1) == 0 and cfg.warmup_steps(10) == 1 and cfg.warmup_steps(100) == 10
    assert train(cfg).step == 1
    before = BiEncoder.load(tiny_bi_encoder_dir).encode(["a sentence"])
    after = BiEncoder.load(tmp_path / "out").encode(["a sentence"])
    assert not np.allclose(before, after)
