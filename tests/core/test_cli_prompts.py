"""`--prompt-name`, `--query-prompt-name` and `--dimensions` on the CLI: the right prompt reaches
the model, the cache keeps prompted and plain embeddings apart, manifests record both."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sbert_desktop.cli import main

PROMPTS = {"query": "query: ", "document": "passage: "}


@pytest.fixture
def prompted_dir(tiny_bi_encoder, tmp_path):
    tiny_bi_encoder.prompts = dict(PROMPTS)
    return tiny_bi_encoder.save(tmp_path / "prompted")


@pytest.fixture
def sentences(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("how to cook rice\nrice is boiled in water\na man plays the guitar\n", encoding="utf-8")
    return path


def test_encode_with_prompt_and_dimensions(prompted_dir, sentences, tmp_path, capsys):
    from sbert_desktop.core.models import BiEncoder

    plain, prompted = tmp_path / "plain.npy", tmp_path / "prompted.npy"
    assert main(["encode", str(sentences), "--model", str(prompted_dir), "--out", str(plain), "-q"]) == 0
    assert main(["encode", str(sentences), "--model", str(prompted_dir), "--out", str(prompted), "-q",
                 "--prompt-name", "query", "--dimensions", "8"]) == 0
    out = capsys.readouterr().out
    assert "0 from cache, 3 encoded" in out.splitlines()[-2]  # a new cache key, not the plain vectors
    emb = np.load(prompted)
    assert emb.shape == (3, 8) and np.allclose(np.linalg.norm(emb, axis=1), 1.0, atol=1e-5)
    bi = BiEncoder.load(prompted_dir, device="cpu")
    texts = sentences.read_text().split("\n")[:3]
    expected = bi.encode(["query: " + t for t in texts])[:, :8]
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)
    np.testing.assert_allclose(emb, expected, atol=1e-5)
    assert not np.allclose(np.load(plain)[:, :8], emb, atol=1e-3)
    manifest = json.loads((tmp_path / "prompted.npy.manifest.json").read_text())
    assert manifest["model"]["prompt"] == "query: " and manifest["model"]["dimensions"] == 8
    assert manifest["model"]["dimension"] == 8


def test_unknown_prompt_name_is_one_line_exit_2(prompted_dir, sentences, tmp_path, capsys):
    rc = main(["encode", str(sentences), "--model", str(prompted_dir), "--out", str(tmp_path / "e.npy"), "-q",
               "--prompt-name", "passage"])
    err = capsys.readouterr().err.strip()
    assert rc == 2 and len(err.splitlines()) == 1
    assert "no prompt named 'passage'" in err and "document, query" in err


def test_search_uses_query_prompt_for_queries_and_document_prompt_for_corpus(prompted_dir, sentences, monkeypatch,
                                                                             capsys):
    from sbert_desktop.core.models import BiEncoder

    seen = []
    original = BiEncoder.encode

    def spy(self, texts, *args, **kwargs):
        seen.append((list(texts), self.effective_prompt(kwargs.get("prompt_name"), kwargs.get("prompt"))))
        return original(self, texts, *args, **kwargs)

    monkeypatch.setattr(BiEncoder, "encode", spy)
    assert main(["search", str(sentences), "--model", str(prompted_dir), "-Q", "cook rice", "-q", "--top-k", "2"]) == 0
    prompts = {tuple(texts): prompt for texts, prompt in seen}
    assert prompts[("cook rice",)] == "query: "
    assert [p for t, p in prompts.items() if len(t) == 3] == ["passage: "]
    assert "query: cook rice" in capsys.readouterr().out
