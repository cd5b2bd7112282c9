"""Dense / LayerNorm / Normalize, prompts and Matryoshka truncation: identical outputs to
sentence-transformers on tiny models built with sentence-transformers itself, and folders we save
load back there with the same embeddings."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import tiny_bert_config

SENTENCES = ["A man is playing a guitar.", "How do I cook rice?", "The cat sleeps on the mat all day long.",
             "Seoul is the capital of South Korea.", "x", "Rice is cooked in water until soft."]


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


@pytest.fixture
def tiny_hf_dir(tmp_path, bundled_model_path) -> Path:
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(1)
    path = tmp_path / "tiny-hf"
    AutoModel.from_config(tiny_bert_config()).save_pretrained(path)
    AutoTokenizer.from_pretrained(str(bundled_model_path)).save_pretrained(path)
    return path


def _st_model(hf_dir: Path, out: Path, *, pooling: str = "mean", dense: int | None = 16, layer_norm: bool = False,
              normalize: bool = True, prompts: dict | None = None, default_prompt_name: str | None = None,
              include_prompt: bool = True, activation=None) -> Path:
    import torch
    from sentence_transformers import SentenceTransformer, models

    torch.manual_seed(2)
    mods = [models.Transformer(str(hf_dir), max_seq_length=64),
            models.Pooling(32, pooling_mode=pooling, include_prompt=include_prompt)]
    if dense:
        kwargs = {} if activation is None else {"activation_function": activation}
        mods.append(models.Dense(32, dense, **kwargs))
    if layer_norm:
        mods.append(models.LayerNorm(dense or 32))
    if normalize:
        mods.append(models.Normalize())
    model = SentenceTransformer(modules=mods, device="cpu", prompts=prompts, default_prompt_name=default_prompt_name)
    model.save(str(out))
    return out


def _st_encode(path: Path, sentences, **kwargs) -> np.ndarray:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(path), device="cpu", truncate_dim=kwargs.pop("truncate_dim", None))
    return model.encode(sentences, convert_to_numpy=True, show_progress_bar=False, batch_size=4, **kwargs)


def test_dense_normalize_matches_and_round_trips(tiny_hf_dir, tmp_path):
    import torch

    from sbert_desktop.core.models import BiEncoder

    ref_dir = _st_model(tiny_hf_dir, tmp_path / "st-dense")
    ref = _st_encode(ref_dir, SENTENCES)
    bi = BiEncoder.load(ref_dir, device="cpu")
    assert bi.dimension == 16 and bi.normalize and [m.kind for m in bi.post] == ["Dense"]
    assert bi.info()["modules"] == ["Transformer", "Pooling", "Dense", "Normalize"]
    ours = bi.encode(SENTENCES, batch_size=3)
    assert ours.shape == (len(SENTENCES), 16)
    assert _cos(ours, ref).min() >= 0.99999
    # differentiable path gives the same
    with torch.no_grad():
        direct = bi(bi.tokenize(SENTENCES)).numpy()
    assert _cos(direct, ref).min() >= 0.99999

    saved = bi.save(tmp_path / "ours")
    modules = json.loads((saved / "modules.json").read_text())
    assert [m["type"].rsplit(".", 1)[-1] for m in modules] == ["Transformer", "Pooling", "Dense", "Normalize"]
    assert _cos(_st_encode(saved, SENTENCES), ref).min() >= 0.99999
    assert _cos(BiEncoder.load(saved, device="cpu").encode(SENTENCES), ref).min() >= 0.99999


@pytest.mark.parametrize("pooling", ["cls", "max", "mean_sqrt_len_tokens", "weightedmean", "lasttoken"])
def test_every_pooling_mode_with_dense_layernorm(tiny_hf_dir, tmp_path, pooling):
    import torch

    from sbert_desktop.core.models import BiEncoder

    ref_dir = _st_model(tiny_hf_dir, tmp_path / "st", pooling=pooling, dense=24, layer_norm=True, normalize=False,
                        activation=torch.nn.Identity())
    ref = _st_encode(ref_dir, SENTENCES)
    bi = BiEncoder.load(ref_dir, device="cpu")
    assert [m.kind for m in bi.post] == ["Dense", "LayerNorm"] and not bi.normalize
    ours = bi.encode(SENTENCES)
    assert _cos(ours, ref).min() >= 0.99999
    assert np.allclose(ours, ref, atol=1e-5)  # not normalised: the vectors themselves match
    saved = bi.save(tmp_path / "ours")
    cfg = json.loads((saved / "2_Dense" / "config.json").read_text())
    assert cfg["activation_function"] == "torch.nn.modules.linear.Identity"
    assert np.allclose(_st_encode(saved, SENTENCES), ref, atol=1e-5)


@pytest.mark.parametrize("include_prompt", [True, False])
def test_prompts_match_sentence_transformers(tiny_hf_dir, tmp_path, include_prompt):
    from sbert_desktop.core.models import BiEncoder

    prompts = {"query": "query: ", "document": "passage: "}
    ref_dir = _st_model(tiny_hf_dir, tmp_path / "st", dense=None, prompts=prompts, default_prompt_name="query",
                        include_prompt=include_prompt)
    bi = BiEncoder.load(ref_dir, device="cpu")
    assert bi.prompts == prompts and bi.default_prompt_name == "query"
    assert bi.pooling.include_prompt is include_prompt
    # the default prompt applies when none is chosen
    assert _cos(bi.encode(SENTENCES), _st_encode(ref_dir, SENTENCES)).min() >= 0.99999
    for name in prompts:
        ref = _st_encode(ref_dir, SENTENCES, prompt_name=name)
        assert _cos(bi.encode(SENTENCES, prompt_name=name), ref).min() >= 0.99999
    ref = _st_encode(ref_dir, SENTENCES, prompt="Represent this sentence: ")
    assert _cos(bi.encode(SENTENCES, prompt="Represent this sentence: "), ref).min() >= 0.99999
    # a chosen prompt changes the cache key; saving keeps prompts and include_prompt
    before = bi.fingerprint()
    bi.use_prompt("document")
    assert bi.fingerprint() != before
    assert _cos(bi.encode(SENTENCES), _st_encode(ref_dir, SENTENCES, prompt_name="document")).min() >= 0.99999
    saved = bi.save(tmp_path / "ours")
    cfg = json.loads((saved / "config_sentence_transformers.json").read_text())
    assert cfg["prompts"] == prompts and cfg["default_prompt_name"] == "query"
    assert _cos(_st_encode(saved, SENTENCES, prompt_name="document"),
                _st_encode(ref_dir, SENTENCES, prompt_name="document")).min() >= 0.99999


def test_unknown_prompt_name_is_one_line_error(tiny_hf_dir, tmp_path):
    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.models.prompts import PromptError

    ref_dir = _st_model(tiny_hf_dir, tmp_path / "st", dense=None, prompts={"query": "query: "})
    with pytest.raises(PromptError, match=r"no prompt named 'passage' \(the model has .*query"):
        BiEncoder.load(ref_dir, device="cpu", prompt_name="passage")
    bi = BiEncoder.load(ref_dir, device="cpu")
    with pytest.raises(PromptError):
        bi.encode(["a"], prompt_name="passage")
    assert bi.effective_prompt("none") is None


@pytest.mark.parametrize("dims", [8, 24])
def test_matryoshka_truncation_matches(tiny_hf_dir, tmp_path, dims):
    from sbert_desktop.core.models import BiEncoder

    ref_dir = _st_model(tiny_hf_dir, tmp_path / "st", dense=None, normalize=False)
    ref = _st_encode(ref_dir, SENTENCES, truncate_dim=dims, normalize_embeddings=True)
    bi = BiEncoder.load(ref_dir, device="cpu", dimensions=dims)
    ours = bi.encode(SENTENCES)
    assert ours.shape == (len(SENTENCES), dims) and bi.dimension == dims and bi.full_dimension == 32
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert _cos(ours, ref).min() >= 0.99999
    full = BiEncoder.load(ref_dir, device="cpu")
    assert full.fingerprint() != bi.fingerprint() and bi.info()["dimensions"] == dims
    with pytest.raises(Exception, match="between 1 and 32"):
        bi.set_dimensions(33)


def test_unsupported_module_is_refused_by_name(tiny_hf_dir, tmp_path):
    from sbert_desktop.core.errors import ModelLoadError
    from sbert_desktop.core.models import BiEncoder

    ref_dir = _st_model(tiny_hf_dir, tmp_path / "st", dense=None)
    modules = json.loads((ref_dir / "modules.json").read_text())
    modules.insert(2, {"idx": 9, "name": "9", "path": "", "type": "sentence_transformers.models.WordWeights"})
    (ref_dir / "modules.json").write_text(json.dumps(modules))
    with pytest.raises(ModelLoadError, match="WordWeights"):
        BiEncoder.load(ref_dir, device="cpu")


def test_model_card_written_and_loading_unaffected(tiny_hf_dir, tmp_path):
    from sentence_transformers import CrossEncoder as STCrossEncoder

    from sbert_desktop.core.models import BiEncoder, CrossEncoder

    ref_dir = _st_model(tiny_hf_dir, tmp_path / "st", prompts={"query": "query: "})
    saved = BiEncoder.load(ref_dir, device="cpu").save(tmp_path / "my-model")
    card = (saved / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\nlibrary_name: sentence-transformers")
    for text in ("# my-model", "Transformer → Pooling → Dense → Normalize", "| output dimension | 16 |",
                 "query: `query: `", "SentenceTransformer(\"path/to/my-model\")", "SBERT Desktop"):
        assert text in card, text
    assert _cos(_st_encode(saved, SENTENCES), _st_encode(ref_dir, SENTENCES)).min() >= 0.99999
    ce_dir = CrossEncoder.from_config(tiny_bert_config(1), tiny_hf_dir, num_labels=1).save(tmp_path / "ce")
    assert "CrossEncoder(\"path/to/ce\")" in (ce_dir / "README.md").read_text(encoding="utf-8")
    STCrossEncoder(str(ce_dir), device="cpu").predict([("a", "b")])
