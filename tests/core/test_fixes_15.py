"""Issue #15's fixes: fine-tuning keeps the model's max length, 1–5 score files, CrossEncoder.save."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from _training_data import write_sts  # noqa: E402

from sbert_desktop.core.data import read_pairs  # noqa: E402


# --------------------------------------------------------------------- max_seq_length
@pytest.mark.parametrize("encoder", ["bi", "cross"])
def test_fine_tune_keeps_the_models_own_max_length(encoder, tiny_bi_encoder, tiny_cross_encoder, tmp_path):
    from sbert_desktop.core.models import BiEncoder, CrossEncoder
    from sbert_desktop.core.training import TrainConfig, train

    model = tiny_bi_encoder if encoder == "bi" else tiny_cross_encoder
    model.max_seq_length = 48  # not a default anywhere: must survive the fine-tune
    model.save(tmp_path / "start")
    sts = write_sts(tmp_path / "sts.tsv", n=8)
    cfg = TrainConfig(encoder=encoder, task="sts", model=str(tmp_path / "start"), train_file=str(sts),
                      out_dir=str(tmp_path / "out"), batch_size=4, epochs=1, max_steps=1, lr=1e-3, device="cpu")
    assert cfg.max_seq_length is None  # the default: the model's own
    result = train(cfg)
    assert result.max_seq_length == 48
    cls = BiEncoder if encoder == "bi" else CrossEncoder
    assert cls.load(result.out_dir, device="cpu").max_seq_length == 48

    cfg.max_seq_length, cfg.out_dir = 24, str(tmp_path / "out24")  # the user's choice wins
    result = train(cfg)
    assert result.max_seq_length == 24 and cls.load(result.out_dir, device="cpu").max_seq_length == 24


def test_cli_train_says_which_max_length(tiny_bi_encoder_dir, tmp_path, capsys):
    from sbert_desktop.cli import main

    sts = write_sts(tmp_path / "sts.tsv", n=8)
    rc = main(["train", "--encoder", "bi", "--task", "sts", "--model", str(tiny_bi_encoder_dir), "--train",
               str(sts), "--out", str(tmp_path / "o"), "--max-steps", "1", "--batch-size", "4", "--quiet",
               "--device", "cpu"])
    assert rc == 0
    assert "max_seq_length 64 (the model's own)" in capsys.readouterr().out


# --------------------------------------------------------------------- score range
def _generic(tmp_path: Path, scores) -> Path:
    lines = ["sentence1\tsentence2\tscore"] + [f"a{i}\tb{i}\t{s}" for i, s in enumerate(scores)]
    path = tmp_path / "scores.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_generic_scores_in_1_to_5_are_not_scaled_as_0_to_5(tmp_path):
    ds = read_pairs(_generic(tmp_path, [1.0, 2.5, 3.0, 5.0]))
    assert ds.score_range == (1.0, 5.0)
    assert ds.normalized_scores().tolist() == pytest.approx([0.0, 0.375, 0.5, 1.0])


@pytest.mark.parametrize("scores, expected", [([0.0, 2.0, 5.0], (0.0, 5.0)), ([0.5, 4.2], (0.0, 5.0)),
                                              ([0.1, 0.9], (0.0, 1.0)), ([2.0, 9.0], (1.0, 10.0)),
                                              ([5.0, 70.0], (0.0, 100.0)), ([-3.0, 2.5], (-3.0, 3.0))])
def test_generic_score_ranges(tmp_path, scores, expected):
    assert read_pairs(_generic(tmp_path, scores)).score_range == expected


# --------------------------------------------------------------------- CrossEncoder.save
def test_cross_encoder_save_leaves_the_live_tokenizer_alone(tiny_cross_encoder, tmp_path):
    from sbert_desktop.core.models import CrossEncoder

    before = tiny_cross_encoder.tokenizer.model_max_length
    assert before != tiny_cross_encoder.max_seq_length
    tiny_cross_encoder.save(tmp_path / "ce")
    assert tiny_cross_encoder.tokenizer.model_max_length == before
    saved = json.loads((tmp_path / "ce" / "tokenizer_config.json").read_text(encoding="utf-8"))
    assert saved["model_max_length"] == tiny_cross_encoder.max_seq_length  # sentence-transformers reads it
    reloaded = CrossEncoder.load(tmp_path / "ce", device="cpu")
    pairs = [("a cat sits", "a cat is sitting"), ("rain", "the sun shines")]
    assert np.allclose(reloaded.predict(pairs), tiny_cross_encoder.predict(pairs), atol=1e-5)
