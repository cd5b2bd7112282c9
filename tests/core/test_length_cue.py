"""The length cue (core/length_cue.py): texts longer than the bi-encoder reads are said before encoding,
in the window and on the CLI's stderr; short texts, or a few long ones, are not."""

from __future__ import annotations

import pytest

from sbert_desktop.core.length_cue import CUT_SHARE, length_cue, model_length_cue

SHORT = [f"A short sentence number {i}." for i in range(90)]
LONG = ["This review goes on and on about the product " * 40 + f"(review {i})" for i in range(10)]


@pytest.fixture(scope="module")
def tokenizer(bundled_model_path):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(bundled_model_path))


def test_long_texts_are_flagged_short_ones_are_not(tokenizer):
    cue = length_cue(tokenizer, SHORT + LONG, 256)
    assert cue is not None and cue.share == pytest.approx(0.1) and cue.longest > 256
    assert cue.sampled == cue.total == 100
    assert cue.text().startswith("10% of the sentences are longer than this model reads (256 tokens")
    assert length_cue(tokenizer, SHORT, 256) is None
    assert length_cue(tokenizer, SHORT * 60 + LONG[:1], 256) is None  # 1 in 5,401: below CUT_SHARE
    assert length_cue(tokenizer, SHORT + LONG, 100_000) is None
    assert length_cue(None, LONG, 256) is None and length_cue(tokenizer, [], 256) is None
    big = length_cue(tokenizer, (SHORT + LONG) * 50, 256)  # sampled: "about"
    assert big.sampled == 400 and big.total == 5000 and big.text().startswith("About ")
    assert CUT_SHARE <= big.share <= 0.2


def test_special_tokens_count(tokenizer, tiny_bi_encoder):
    """The limit includes [CLS] and [SEP]: a text of exactly max_seq_length word pieces is cut."""
    limit = tiny_bi_encoder.max_seq_length
    words = "word " * (limit - 2)
    assert len(tokenizer(words)["input_ids"]) == limit
    assert model_length_cue(tiny_bi_encoder, [words] * 10) is None
    assert model_length_cue(tiny_bi_encoder, [words + "word"] * 10) is not None


def test_the_cli_warns_before_it_encodes(capsys, tmp_path, tiny_bi_encoder_dir):
    from sbert_desktop.cli import main

    path = tmp_path / "reviews.txt"
    path.write_text("\n".join(SHORT + LONG) + "\n", encoding="utf-8")
    assert main(["encode", str(path), "--model", str(tiny_bi_encoder_dir), "-q", "--out", str(tmp_path / "e.npy")]) == 0
    err = capsys.readouterr().err
    assert "sbert-desktop encode: warning: 10% of the sentences are longer than this model reads (64 tokens" in err
    assert "or raise the maximum length up to 128 (--max-seq-length)" in err  # the position table's rows
    mid = tmp_path / "mid.txt"  # ~100 tokens each: cut at the model's 64, whole at 128 (its position table)
    mid.write_text("\n".join(" ".join([str(i)] + ["word"] * 90) for i in range(20)) + "\n", encoding="utf-8")
    args = ["cluster", str(mid), "--model", str(tiny_bi_encoder_dir), "--method", "kmeans", "--n-clusters", "2", "-q",
            "--out", str(tmp_path / "c.csv")]
    assert main(args) == 0 and "100% of the sentences are longer than this model reads (64 tokens" in capsys.readouterr().err
    assert main(args + ["--max-seq-length", "128"]) == 0
    assert "longer than this model reads" not in capsys.readouterr().err


def test_a_length_beyond_the_position_table_is_refused(capsys, tmp_path, tiny_bi_encoder_dir, bundled_model_path):
    """--max-seq-length above the rows of the position table was an IndexError traceback from inside
    the model on the first long text; now a one-line error before anything runs. A model's own saved
    length above its table is lowered quietly."""
    import json

    from sbert_desktop.cli import main
    from sbert_desktop.core.errors import ModelLoadError
    from sbert_desktop.core.models import BiEncoder, CrossEncoder

    path = tmp_path / "s.txt"
    path.write_text("one sentence\nanother sentence\n", encoding="utf-8")
    assert main(["encode", str(path), "--model", str(tiny_bi_encoder_dir), "--max-seq-length", "512", "-q",
                 "--out", str(tmp_path / "e.npy")]) != 0
    err = capsys.readouterr().err
    assert "reads at most 128 tokens (the rows of its position table); max_seq_length 512 is more: use 128 or less" in err
    assert "Traceback" not in err and not (tmp_path / "e.npy").exists()
    with pytest.raises(ModelLoadError, match="at most 512 tokens"):
        CrossEncoder.load(str(bundled_model_path), num_labels=1, max_seq_length=1024)
    config = tiny_bi_encoder_dir / "sentence_bert_config.json"
    config.write_text(json.dumps({**json.loads(config.read_text()), "max_seq_length": 4096}))
    assert BiEncoder.load(str(tiny_bi_encoder_dir)).max_seq_length == 128
