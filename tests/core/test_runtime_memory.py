"""ONNX inference releases the torch weights of a model loaded from a folder (issue #14: int8
peak memory not above fp32) and every torch use reads them back first; the session never spins."""

from __future__ import annotations

import numpy as np
import pytest
import torch

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")

from sbert_desktop.core.models import BiEncoder, CrossEncoder  # noqa: E402

SENTENCES = ["A man is playing a guitar.", "The cat sits on the mat.", "short",
             "Two dogs run through a field of tall grass near the river."] * 2
PAIRS = [("A man is playing a guitar.", "A man plays music."), ("The cat sits.", "Stocks fell sharply.")] * 2


def held_bytes(module: torch.nn.Module) -> int:
    return sum(p.untyped_storage().nbytes() for p in module.parameters())


def test_int8_load_releases_weights_and_torch_uses_read_them_back(tiny_bi_encoder_dir, tmp_path):
    ref_model = BiEncoder.load(tiny_bi_encoder_dir, device="cpu")
    ref = ref_model.encode(SENTENCES, batch_size=4)
    model = BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
    full = held_bytes(ref_model.transformer)
    assert model.weights_released() and held_bytes(model.transformer) < full / 100
    params = [id(p) for p in model.transformer.parameters()]
    int8 = model.encode(SENTENCES, batch_size=4)
    cos = (int8 * ref).sum(1) / (np.linalg.norm(int8, axis=1) * np.linalg.norm(ref, axis=1))
    assert cos.mean() >= 0.99 and model.weights_released()  # ONNX inference needs no torch weights

    model.set_precision("fp32")  # torch path: the first forward reads the folder again, exactly
    np.testing.assert_array_equal(model.encode(SENTENCES, batch_size=4), ref)
    assert not model.weights_released() and [id(p) for p in model.transformer.parameters()] == params

    model.set_precision("int8")
    assert model.weights_released()
    model.save(tmp_path / "again")  # saving writes the real weights, not the released views
    saved = BiEncoder.load(tmp_path / "again", device="cpu")
    for (name, a), b in zip(saved.transformer.state_dict().items(), ref_model.transformer.state_dict().values()):
        assert torch.equal(a, b), name


def test_training_brings_weights_back_and_stops_releasing(tiny_bi_encoder_dir):
    model = BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
    assert model.weights_released()
    model.train()
    assert not model.weights_released()
    assert all(torch.isfinite(p).all() for p in model.transformer.parameters())
    model.eval()
    model.set_precision("int8")  # weights may differ from the folder after training: kept
    assert not model.weights_released()


def test_models_without_a_folder_keep_their_weights(tiny_bi_encoder):
    tiny_bi_encoder.set_precision("int8")
    assert not tiny_bi_encoder.weights_released()


def test_cross_encoder_int8_releases_and_restores(tiny_cross_encoder_dir):
    ref = CrossEncoder.load(tiny_cross_encoder_dir, device="cpu").predict(PAIRS)
    model = CrossEncoder.load(tiny_cross_encoder_dir, device="cpu", precision="int8")
    assert model.weights_released()
    assert np.abs(model.predict(PAIRS) - ref).max() < 0.1
    model.set_precision("fp32")
    np.testing.assert_allclose(model.predict(PAIRS), ref, rtol=0, atol=1e-6)
    assert not model.weights_released()


def test_calibration_frees_the_weights_again(tiny_bi_encoder_dir):
    from sbert_desktop.core.models.calibration import calibrate

    model = BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
    result = calibrate(model, SENTENCES, batch_size=4, repeats=1)
    assert result["mean_cosine"] >= 0.99 and model.weights_released()


def test_session_threads_sleep_instead_of_spinning(tiny_bi_encoder):
    tiny_bi_encoder.set_precision("int8")
    with torch.inference_mode():
        options = tiny_bi_encoder.inference_engine().session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"


def test_loading_new_weights_into_a_released_model(tiny_bi_encoder_dir, tiny_bi_encoder):
    model = BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
    new = {k: v + 0.01 if v.is_floating_point() else v for k, v in tiny_bi_encoder.transformer.state_dict().items()}
    model.transformer.load_state_dict(new)  # restores first, then copies the new values in
    model.mark_weights_changed()
    assert not model.weights_released()
    model.set_precision("int8")  # the folder no longer holds these weights: they stay in memory
    assert not model.weights_released()
    assert torch.equal(model.transformer.state_dict()["embeddings.word_embeddings.weight"],
                       new["embeddings.word_embeddings.weight"])
