"""`sbert-desktop encode` and `evaluate` on tiny models and small files."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sbert_desktop.cli import main


@pytest.fixture
def sts_file(tmp_path):
    path = tmp_path / "sts.tsv"
    rows = ["sentence1\tsentence2\tscore"]
    rows += [f"a cat number {i} sleeps\ta cat number {i} naps\t{(i % 6):.1f}" for i in range(30)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_encode_writes_npy_in_input_order(tiny_bi_encoder, tiny_bi_encoder_dir, tmp_path, capsys):
    src = tmp_path / "s.txt"
    src.write_text("first sentence\n\nsecond one, a bit longer than the first\nfirst sentence\n", encoding="utf-8")
    out = tmp_path / "emb.npy"
    assert main(["encode", str(src), "--model", str(tiny_bi_encoder_dir), "--out", str(out), "-q"]) == 0
    emb = np.load(out)
    assert emb.shape == (3, 32)
    expected = tiny_bi_encoder.encode(["first sentence", "second one, a bit longer than the first", "first sentence"])
    np.testing.assert_allclose(emb, expected, rtol=1e-5, atol=1e-6)
    assert "1 blank rows skipped" in capsys.readouterr().out
    manifest = json.loads((tmp_path / "emb.npy.manifest.json").read_text())
    assert manifest["model"]["pooling"] == "mean"


def test_encode_csv_output_and_bad_suffix(tiny_bi_encoder_dir, tmp_path, capsys):
    src = tmp_path / "s.txt"
    src.write_text("안녕하세요\nhello\n", encoding="cp949")
    out = tmp_path / "emb.csv"
    assert main(["encode", str(src), "--model", str(tiny_bi_encoder_dir), "--out", str(out), "-q", "--excel"]) == 0
    text = out.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and "안녕하세요".encode() in text
    assert main(["encode", str(src), "--model", str(tiny_bi_encoder_dir), "--out", str(tmp_path / "x.bin")]) == 2
    assert "error" in capsys.readouterr().err


def test_evaluate_sts_bi_and_cross(tiny_bi_encoder_dir, tiny_cross_encoder_dir, sts_file, capsys):
    assert main(["evaluate", "--model", str(tiny_bi_encoder_dir), "--cross-encoder", str(tiny_cross_encoder_dir),
                 "--data", str(sts_file), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["task"] == "sts" and result["pairs"] == 30
    for key in ("bi_encoder", "cross_encoder"):
        assert -1 <= result[key]["spearman"] <= 1
    assert main(["evaluate", "--model", str(tiny_bi_encoder_dir), "--data", str(sts_file), "-q"]) == 0
    table = capsys.readouterr().out
    assert "Spearman" in table and "bi-encoder" in table


def test_evaluate_user_mistakes_are_one_line(tmp_path, capsys):
    assert main(["evaluate", "--model", str(tmp_path / "missing" / "m" / "x"), "--data", str(tmp_path / "no.tsv")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "error" in err


def test_untrained_cross_encoder_head_is_flagged(tiny_bi_encoder_dir, sts_file, capsys):
    # an encoder folder loaded as a cross-encoder gets a new head: say so instead of reporting noise
    assert main(["evaluate", "--model", str(tiny_bi_encoder_dir), "--cross-encoder", str(tiny_bi_encoder_dir),
                 "--data", str(sts_file), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert "untrained" in result["cross_encoder"]["warning"]
    from sbert_desktop.core.models import CrossEncoder

    assert CrossEncoder.load(tiny_bi_encoder_dir).info()["head"].startswith("new")
