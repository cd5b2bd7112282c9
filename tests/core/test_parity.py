"""Integration: the bundled model's embeddings match sentence-transformers' encode on STS-B dev."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.slow


def test_bundled_model_matches_sentence_transformers_on_stsb_dev(data_dir, bundled_model_path):
    from sentence_transformers import SentenceTransformer

    from sbert_desktop.core.data import read_pairs
    from sbert_desktop.core.models import BiEncoder

    dev = read_pairs(data_dir / "stsb-en" / "sts-dev.csv")
    sentences = dev.sentence1 + dev.sentence2
    assert len(sentences) == 3000
    ours = BiEncoder.load("default", device="cpu").encode(sentences, batch_size=64)
    ref = SentenceTransformer(str(bundled_model_path), device="cpu").encode(
        sentences, batch_size=64, convert_to_numpy=True, show_progress_bar=False)
    cos = (ours * ref).sum(1) / (np.linalg.norm(ours, axis=1) * np.linalg.norm(ref, axis=1))
    assert cos.min() >= 0.99999, f"worst sentence: {sentences[int(cos.argmin())]!r} cosine {cos.min()}"

    # and the published dev figure of the model (MTEB: cosine Spearman 0.8672)
    from sbert_desktop.core.evaluation import correlations, cosine_scores

    n = len(dev)
    spearman = correlations(cosine_scores(ours[:n], ours[n:]), dev.scores)["spearman"]
    assert abs(spearman - 0.8672) < 0.001, spearman
