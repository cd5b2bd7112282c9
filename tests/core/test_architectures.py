"""The backbones people bring besides BERT (DistilBERT, RoBERTa, XLM-R, MPNet, ELECTRA, DeBERTa-v2,
ModernBERT): tiny random models built from a config with the bundled tokenizer. Each bi-encoder and
cross-encoder saves, loads back and gives sentence-transformers' own numbers from the saved folder; the
ONNX int8 path keeps the fp32 directions."""

from __future__ import annotations

import numpy as np
import pytest

from sbert_desktop.core.models import BiEncoder, CrossEncoder

SENTENCES = ["A cat sleeps on the sofa.", "고양이가 소파에서 잔다", "Stocks fell sharply today after the announcement."]
PAIRS = [(SENTENCES[0], SENTENCES[1]), (SENTENCES[0], SENTENCES[2])]
SIZE = dict(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
            max_position_embeddings=130, pad_token_id=0)


def config(name: str, num_labels: int = 1):
    import transformers as T

    if name == "distilbert":
        return T.DistilBertConfig(vocab_size=30522, dim=32, n_layers=2, n_heads=2, hidden_dim=64,
                                  max_position_embeddings=130, pad_token_id=0, num_labels=num_labels)
    make = {"roberta": T.RobertaConfig, "xlm-roberta": T.XLMRobertaConfig, "mpnet": T.MPNetConfig,
            "electra": T.ElectraConfig, "deberta-v2": T.DebertaV2Config, "modernbert": T.ModernBertConfig}[name]
    extra = {"embedding_size": 32} if name == "electra" else {}
    return make(**SIZE, **extra, num_labels=num_labels)


ARCHITECTURES = ["distilbert", "roberta", "xlm-roberta", "mpnet", "electra", "deberta-v2", "modernbert"]


@pytest.mark.parametrize("name", ARCHITECTURES)
def test_bi_and_cross_encoders_of_other_backbones(name, bundled_model_path, tmp_path):
    import torch
    from sentence_transformers import CrossEncoder as STCrossEncoder
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(0)
    bi = BiEncoder.from_config(config(name), bundled_model_path, pooling="mean", max_seq_length=64)
    ours = bi.encode(SENTENCES)
    folder = bi.save(tmp_path / "bi")
    np.testing.assert_allclose(SentenceTransformer(str(folder), device="cpu").encode(SENTENCES), ours, atol=1e-5)
    np.testing.assert_allclose(BiEncoder.load(folder).encode(SENTENCES), ours, atol=1e-6)

    cross = CrossEncoder.from_config(config(name), bundled_model_path, num_labels=1, max_seq_length=64)
    scores = cross.predict(PAIRS)
    folder = cross.save(tmp_path / "cross")
    np.testing.assert_allclose(STCrossEncoder(str(folder), device="cpu").predict(PAIRS), scores, atol=1e-5)
    np.testing.assert_allclose(CrossEncoder.load(folder).predict(PAIRS), scores, atol=1e-6)


@pytest.mark.parametrize("name", ["mpnet", "modernbert"])
def test_int8_path_of_other_backbones(name, bundled_model_path, tmp_path, monkeypatch):
    import torch

    monkeypatch.setenv("SBERT_DESKTOP_HOME", str(tmp_path / "home"))
    torch.manual_seed(0)
    folder = BiEncoder.from_config(config(name), bundled_model_path, pooling="mean", max_seq_length=64).save(tmp_path / "bi")
    ref = BiEncoder.load(folder).encode(SENTENCES)
    quant = BiEncoder.load(folder, precision="int8").encode(SENTENCES)
    cos = (quant * ref).sum(1) / (np.linalg.norm(quant, axis=1) * np.linalg.norm(ref, axis=1))
    assert cos.min() > 0.999
