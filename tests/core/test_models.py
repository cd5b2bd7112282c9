"""Pooling, bi-encoder and cross-encoder against the reference implementation (sentence-transformers)."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from sbert_desktop.core.errors import ModelLoadError
from sbert_desktop.core.models import POOLING_MODES, BiEncoder, CrossEncoder, Pooling
from sbert_desktop.core.progress import CancelToken, Cancelled

SENTENCES = [
    "A man is playing a guitar.",
    "Someone plays an instrument on a stage in front of a large and very enthusiastic crowd.",
    "The cat sleeps.",
    "",
    "   padded with spaces   ",
    "비가 오는 날에는 따뜻한 차를 마신다.",
    "x " * 200,
]


@pytest.mark.parametrize("mode", POOLING_MODES)
@pytest.mark.parametrize("side", ["right", "left"])
def test_pooling_matches_reference(mode, side):
    try:
        from sentence_transformers.sentence_transformer.modules import Pooling as STPooling
    except ImportError:  # sentence-transformers < 6
        from sentence_transformers.models import Pooling as STPooling

    torch.manual_seed(1)
    tokens = torch.randn(4, 7, 8)
    lengths = [7, 3, 1, 5]
    mask = torch.zeros(4, 7, dtype=torch.long)
    for i, n in enumerate(lengths):
        if side == "right":
            mask[i, :n] = 1
        else:
            mask[i, 7 - n:] = 1
    ours = Pooling(8, mode)(tokens, mask)
    ref = STPooling(8, pooling_mode=mode)({"token_embeddings": tokens, "attention_mask": mask})["sentence_embedding"]
    torch.testing.assert_close(ours, ref, rtol=1e-5, atol=1e-6)
    # padding never leaks: changing padded positions changes nothing
    noisy = tokens.masked_fill(mask.unsqueeze(-1) == 0, 1e4)
    torch.testing.assert_close(Pooling(8, mode)(noisy, mask), ours, rtol=1e-5, atol=1e-6)


def test_unknown_pooling_mode_is_a_clear_error():
    with pytest.raises(ModelLoadError, match="unknown pooling mode"):
        Pooling(8, "median")


def test_encode_keeps_input_order_and_batch_size_does_not_matter(tiny_bi_encoder):
    full = tiny_bi_encoder.encode(SENTENCES, batch_size=64)
    assert full.dtype == np.float32 and full.shape == (len(SENTENCES), 32)
    one_by_one = np.vstack([tiny_bi_encoder.encode([s]) for s in SENTENCES])
    np.testing.assert_allclose(full, one_by_one, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(tiny_bi_encoder.encode(SENTENCES, batch_size=2), full, rtol=1e-4, atol=1e-5)


def test_encode_reports_progress_and_cancels(tiny_bi_encoder):
    events = []
    tiny_bi_encoder.encode(SENTENCES * 10, batch_size=4, progress=events.append)
    assert events[0].done == 0 and events[-1].done == events[-1].total == len(SENTENCES) * 10
    token = CancelToken()

    def cancel_on_first(event):  # the first event (done == 0) is never throttled away
        token.cancel()

    with pytest.raises(Cancelled):
        tiny_bi_encoder.encode(SENTENCES * 10, batch_size=4, progress=cancel_on_first, cancel=token)


@pytest.mark.parametrize("mode", ["cls", "mean", "max", "lasttoken"])
@pytest.mark.parametrize("normalize", [False, True])
def test_saved_bi_encoder_loads_in_sentence_transformers(tiny_bi_encoder, tmp_path, mode, normalize):
    from sentence_transformers import SentenceTransformer

    model = BiEncoder(tiny_bi_encoder.transformer, tiny_bi_encoder.tokenizer, Pooling(32, mode),
                      normalize=normalize, max_seq_length=64)
    folder = model.save(tmp_path / "saved")
    pooling_cfg = json.loads((folder / "1_Pooling" / "config.json").read_text())
    assert pooling_cfg["word_embedding_dimension"] == 32
    assert pooling_cfg["pooling_mode_mean_tokens"] is (mode == "mean")
    ref = SentenceTransformer(str(folder), device="cpu").encode(SENTENCES, convert_to_numpy=True)
    ours = model.encode(SENTENCES)
    np.testing.assert_allclose(ours, ref, rtol=1e-4, atol=1e-5)
    reloaded = BiEncoder.load(folder)
    assert reloaded.pooling.mode == mode and reloaded.normalize is normalize and reloaded.max_seq_length == 64
    np.testing.assert_allclose(reloaded.encode(SENTENCES), ours, rtol=1e-5, atol=1e-6)


def test_save_is_atomic_and_keeps_the_old_folder_on_failure(tiny_bi_encoder, tmp_path, monkeypatch):
    folder = tiny_bi_encoder.save(tmp_path / "m")
    before = sorted(p.name for p in folder.iterdir())

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(tiny_bi_encoder.tokenizer, "save_pretrained", broken)
    with pytest.raises(OSError, match="disk full"):
        tiny_bi_encoder.save(folder)
    assert sorted(p.name for p in folder.iterdir()) == before
    assert [p.name for p in tmp_path.iterdir()] == ["m"]  # no temporary folders left behind
    BiEncoder.load(folder)


def test_plain_huggingface_folder_and_missing_normalize_folder(tiny_bi_encoder, tmp_path):
    hf = tmp_path / "hf"
    tiny_bi_encoder.transformer.save_pretrained(hf)
    tiny_bi_encoder.tokenizer.save_pretrained(hf)
    model = BiEncoder.load(hf, pooling="cls")
    assert model.pooling.mode == "cls" and not model.normalize
    st = BiEncoder(tiny_bi_encoder.transformer, tiny_bi_encoder.tokenizer, Pooling(32, "mean"), normalize=True)
    folder = st.save(tmp_path / "st")
    (folder / "2_Normalize").rmdir()
    assert BiEncoder.load(folder).normalize


def test_model_source_errors(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelLoadError, match="no such model folder"):
        BiEncoder.load(str(tmp_path / "nope" / "deeper" / "x"))
    with pytest.raises(ModelLoadError, match="not a model folder"):
        BiEncoder.load(tmp_path)
    with pytest.raises(ModelLoadError, match="some-org/some-model.*local folder"):
        BiEncoder.load("some-org/some-model")


def test_cross_encoder_round_trip_through_sentence_transformers(tiny_cross_encoder, tmp_path):
    from sentence_transformers import CrossEncoder as STCrossEncoder

    pairs = [(a, b) for a, b in zip(SENTENCES, SENTENCES[1:] + SENTENCES[:1])]
    ours = tiny_cross_encoder.predict(pairs)
    assert ours.shape == (len(pairs),) and ((ours > 0) & (ours < 1)).all()
    folder = tiny_cross_encoder.save(tmp_path / "ce")
    ref = STCrossEncoder(str(folder), device="cpu").predict(pairs)
    np.testing.assert_allclose(ours, ref, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(CrossEncoder.load(folder).predict(pairs), ours, rtol=1e-5, atol=1e-6)


def test_cross_encoder_with_classes_gives_probabilities(tiny_nli_cross_encoder, tmp_path):
    from sentence_transformers import CrossEncoder as STCrossEncoder

    ce = tiny_nli_cross_encoder
    pairs = [("a b", "c"), ("the cat", "a dog is here")]
    probs = ce.predict(pairs)
    assert probs.shape == (2, 3)
    np.testing.assert_allclose(probs.sum(1), 1.0, rtol=1e-5)
    folder = ce.save(tmp_path / "nli")
    reloaded = CrossEncoder.load(folder)
    assert reloaded.label_names == ["entailment", "neutral", "contradiction"]
    ref = STCrossEncoder(str(folder), device="cpu").predict(pairs, apply_softmax=True)
    np.testing.assert_allclose(probs, ref, rtol=1e-4, atol=1e-5)


def test_fingerprint_follows_weights_not_path(tiny_bi_encoder, tmp_path):
    a = BiEncoder.load(tiny_bi_encoder.save(tmp_path / "a"))
    b = BiEncoder.load(tiny_bi_encoder.save(tmp_path / "b"))
    assert a.fingerprint() == b.fingerprint()
    assert BiEncoder.load(tmp_path / "a", pooling="cls").fingerprint() != a.fingerprint()
    with torch.no_grad():
        b.transformer.embeddings.word_embeddings.weight[0, 0] += 1
    b.mark_weights_changed()
    assert b.fingerprint() != a.fingerprint()


def test_fingerprint_of_a_model_in_memory_equals_its_saved_folder(tiny_bi_encoder, tmp_path):
    """A model trained in the window and the folder it was saved to share their embedding cache."""
    tiny_bi_encoder.mark_weights_changed()
    saved = BiEncoder.load(tiny_bi_encoder.save(tmp_path / "m"))
    assert saved.fingerprint() == tiny_bi_encoder.fingerprint()


def test_a_hugging_face_cache_entry_or_a_wrapping_folder_is_its_model(tmp_path, tiny_bi_encoder_dir):
    """What users browse to: ~/.cache/huggingface/hub/models--org--name (refs/main names the snapshot)
    was 'not a model folder'; so was the folder an archive unpacks into. Several models inside: named."""
    import shutil

    from sbert_desktop.core.models.sources import resolve_source

    entry = tmp_path / "hub" / "models--acme--tiny-encoder"
    shutil.copytree(tiny_bi_encoder_dir, entry / "snapshots" / "f00d")
    shutil.copytree(tiny_bi_encoder_dir, entry / "snapshots" / "0ld")
    (entry / "refs").mkdir()
    (entry / "refs" / "main").write_text("f00d\n")
    source = resolve_source(str(entry))
    assert source.root == (entry / "snapshots" / "f00d").resolve() and source.name == "acme/tiny-encoder"
    model = BiEncoder.load(str(tmp_path / "hub"))  # a cache holding one model
    assert model.name == "acme/tiny-encoder" and model.encode(["a cat"]).shape == (1, 32)
    wrapper = tmp_path / "unzipped"
    shutil.copytree(tiny_bi_encoder_dir, wrapper / "my-model")
    assert resolve_source(str(wrapper)).name == "my-model"
    shutil.copytree(tiny_bi_encoder_dir, wrapper / "other-model")
    with pytest.raises(ModelLoadError, match=r"holds 2 model folders \(my-model, other-model\): choose one"):
        resolve_source(str(wrapper))
