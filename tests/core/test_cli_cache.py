"""`sbert-desktop encode` uses the embedding cache; `sbert-desktop cache info|clear|evict|limit`."""

from __future__ import annotations

import argparse
import json

import numpy as np
import pytest

from sbert_desktop.cli import main
from sbert_desktop.commands.cache import parse_size
from sbert_desktop.core.cache import EmbeddingCache


@pytest.fixture
def sentence_file(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("\n".join(f"line {i} of the corpus" for i in range(40)) + "\n", encoding="utf-8")
    return path


def test_parse_size():
    assert parse_size("2G") == 2 * 1024**3
    assert parse_size("500mb") == 500 * 1024**2
    assert parse_size("1.5GiB") == int(1.5 * 1024**3)
    assert parse_size("0") == 0
    with pytest.raises(argparse.ArgumentTypeError):
        parse_size("lots")


def test_encode_reads_and_writes_the_cache(tiny_bi_encoder_dir, sentence_file, tmp_path, capsys):
    out = tmp_path / "a.npy"
    args = ["encode", str(sentence_file), "--model", str(tiny_bi_encoder_dir), "-q"]
    assert main(args + ["--out", str(out)]) == 0
    assert "0 from cache, 40 encoded" in capsys.readouterr().out
    with sentence_file.open("a", encoding="utf-8") as fh:
        fh.write("a new line\nanother new line\n")
    assert main(args + ["--out", str(tmp_path / "b.npy")]) == 0
    assert "40 from cache, 2 encoded" in capsys.readouterr().out
    a, b = np.load(out), np.load(tmp_path / "b.npy")
    np.testing.assert_allclose(b[:40], a, rtol=1e-6)

    assert main(args + ["--out", str(tmp_path / "c.npy"), "--no-cache"]) == 0
    assert "from cache" not in capsys.readouterr().out
    np.testing.assert_allclose(np.load(tmp_path / "c.npy"), b, rtol=1e-5, atol=1e-6)

    assert main(args + ["--out", str(tmp_path / "d.npy"), "--max-seq-length", "8"]) == 0
    assert "0 from cache, 42 encoded" in capsys.readouterr().out  # another setting, another store


def test_exploration_commands_share_the_cache(tiny_bi_encoder_dir, sentence_file, tmp_path, capsys):
    assert main(["encode", str(sentence_file), "--model", str(tiny_bi_encoder_dir), "-q",
                 "--out", str(tmp_path / "a.npy")]) == 0
    capsys.readouterr()
    from sbert_desktop.commands import _inputs

    args = argparse.Namespace(input=str(sentence_file), model=str(tiny_bi_encoder_dir), pooling=None,
                              max_seq_length=None, column=None, sentences=None, batch_size=8, device="cpu")
    calls = []
    from sbert_desktop.core.models import BiEncoder

    real = BiEncoder.encode

    def counting(self, sentences, *a, **kw):
        calls.append(len(sentences))
        return real(self, sentences, *a, **kw)

    BiEncoder.encode = counting
    try:
        inputs = _inputs.load_inputs(args, None)
    finally:
        BiEncoder.encode = real
    assert calls == [] and inputs.embeddings.shape == (40, 32)


def test_cache_info_evict_limit_clear(tiny_bi_encoder_dir, sentence_file, tmp_path, capsys):
    assert main(["cache", "info"]) == 0
    assert "0 models" in capsys.readouterr().out
    assert main(["encode", str(sentence_file), "--model", str(tiny_bi_encoder_dir), "-q",
                 "--out", str(tmp_path / "a.npy")]) == 0
    capsys.readouterr()
    assert main(["cache", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert len(info["models"]) == 1 and info["models"][0]["count"] == 40 and info["bytes"] > 40 * 32 * 4
    assert info["root"] == str(EmbeddingCache().root)
    assert main(["cache", "info"]) == 0
    text = capsys.readouterr().out
    assert "1 model)" in text and "40 sentences x 32" in text

    assert main(["cache", "evict", "--max-size", "1G"]) == 0
    assert "0 models evicted" in capsys.readouterr().out
    assert main(["cache", "limit", "500M"]) == 0
    assert "500.0 MB" in capsys.readouterr().out and EmbeddingCache().max_bytes == 500 * 1024**2
    assert main(["cache", "limit", "many"]) == 2
    assert "not a size" in capsys.readouterr().err
    assert main(["cache", "limit", "default"]) == 0
    capsys.readouterr()
    assert main(["cache", "storage", "float16"]) == 0
    assert "float16" in capsys.readouterr().out and EmbeddingCache().storage == "float16"
    assert main(["cache", "storage", "float32"]) == 0
    capsys.readouterr()
    assert main(["cache", "evict", "--max-size", "0"]) == 0
    assert "1 model evicted" in capsys.readouterr().out
    assert EmbeddingCache().entries() == []

    assert main(["encode", str(sentence_file), "--model", str(tiny_bi_encoder_dir), "-q",
                 "--out", str(tmp_path / "a.npy")]) == 0
    assert main(["cache", "clear"]) == 0
    assert "cache cleared" in capsys.readouterr().out and EmbeddingCache().entries() == []
