"""Shared test set-up.

Qt runs offscreen; QSettings and every config/cache folder point at a temporary location; the
real data sets are found in ``../shared/data`` (override with ``SBERT_DESKTOP_DATA``). Models in
unit tests are tiny random BERTs built from a config, reusing the bundled model's tokenizer.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = Path(os.environ.get("SBERT_DESKTOP_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory, monkeypatch):
    """Settings, caches and logs of the app go to a fresh temporary folder in every test."""
    home = tmp_path_factory.mktemp("sbert-home")
    monkeypatch.setenv("SBERT_DESKTOP_HOME", str(home))
    yield home


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA_DIR.is_dir():
        pytest.skip(f"real data sets not found at {DATA_DIR}")
    return DATA_DIR


@pytest.fixture(scope="session")
def bundled_model_path() -> Path:
    from sbert_desktop.core.models.sources import default_model_path

    return default_model_path()


def tiny_bert_config(num_labels: int = 1):
    from transformers import BertConfig

    return BertConfig(
        vocab_size=30522,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
        num_labels=num_labels,
    )


@pytest.fixture
def tiny_bi_encoder(bundled_model_path):
    """A random 2-layer, 32-wide BERT with mean pooling (seeded, so identical in every test)."""
    import torch

    from sbert_desktop.core.models import BiEncoder

    torch.manual_seed(0)
    return BiEncoder.from_config(tiny_bert_config(), bundled_model_path, pooling="mean", max_seq_length=64)


@pytest.fixture
def tiny_cross_encoder(bundled_model_path):
    """A random 2-layer, 32-wide BERT with a one-output regression head."""
    import torch

    from sbert_desktop.core.models import CrossEncoder

    torch.manual_seed(0)
    return CrossEncoder.from_config(tiny_bert_config(1), bundled_model_path, num_labels=1, max_seq_length=64)


@pytest.fixture
def tiny_nli_cross_encoder(bundled_model_path):
    """A random tiny cross-encoder with three outputs (entailment, neutral, contradiction)."""
    import torch

    from sbert_desktop.core.models import CrossEncoder

    torch.manual_seed(0)
    return CrossEncoder.from_config(tiny_bert_config(3), bundled_model_path, num_labels=3,
                                    label_names=["entailment", "neutral", "contradiction"], max_seq_length=64)


@pytest.fixture
def tiny_bi_encoder_dir(tiny_bi_encoder, tmp_path) -> Path:
    """The tiny bi-encoder saved as a sentence-transformers folder."""
    path = tmp_path / "tiny-bi"
    tiny_bi_encoder.save(path)
    return path


@pytest.fixture
def tiny_cross_encoder_dir(tiny_cross_encoder, tmp_path) -> Path:
    path = tmp_path / "tiny-cross"
    tiny_cross_encoder.save(path)
    return path
