"""A model loaded for ONNX inference whose export is cached does not build its torch backbone (or
import transformers' modelling code) until a torch use needs it (deferred.py, issue #14 memory)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")

from sbert_desktop.core.models import BiEncoder, CrossEncoder  # noqa: E402

SENTENCES = ["A man is playing a guitar.", "The cat sits on the mat.", "short",
             "Two dogs run through a field of tall grass near the river."] * 2
PAIRS = [("A man is playing a guitar.", "A man plays music."), ("The cat sits.", "Stocks fell sharply.")] * 2


def test_second_onnx_load_defers_the_backbone_with_the_same_results(tiny_bi_encoder_dir):
    first = BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
    assert not first.is_deferred()  # nothing cached yet: a full load, which records the files
    expected = first.encode(SENTENCES, batch_size=4)

    model = BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
    assert model.is_deferred() and model.weights_released()
    np.testing.assert_array_equal(model.encode(SENTENCES, batch_size=4), expected)
    assert model.fingerprint() == first.fingerprint()
    assert model.info()["parameters"] == first.info()["parameters"]
    assert model.device == torch.device("cpu")
    assert model.is_deferred()  # encoding, identity and description did not need the backbone

    fp32 = BiEncoder.load(tiny_bi_encoder_dir, device="cpu")
    model.set_precision("fp32")  # the torch path builds the real backbone, from the folder
    np.testing.assert_array_equal(model.encode(SENTENCES, batch_size=4), fp32.encode(SENTENCES, batch_size=4))
    assert not model.is_deferred()
    assert list(model.state_dict()) == list(fp32.state_dict())
    assert model.info() == {**fp32.info(), "precision": "fp32", "backend": "torch"}


def test_torch_uses_build_the_backbone_first(tiny_bi_encoder_dir):
    BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8").encode(SENTENCES[:2])
    full = BiEncoder.load(tiny_bi_encoder_dir, device="cpu")
    count = sum(p.numel() for p in full.parameters())

    model = BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
    assert sum(p.numel() for p in model.parameters()) == count and not model.is_deferred()

    model = BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
    model.train()  # training: real, finite weights, and an optimiser would get all of them
    assert not model.is_deferred()
    assert all(torch.isfinite(p).all() for p in model.parameters())
    for (name, a), b in zip(model.state_dict().items(), full.state_dict().values()):
        assert torch.equal(a, b), name

    model = BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
    assert type(model.transformer).__name__ == type(full.transformer).__name__  # attribute access builds it
    assert not model.is_deferred()


def test_changed_files_are_never_taken_for_the_cached_export(tiny_bi_encoder_dir, tiny_bi_encoder):
    before = BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8").encode(SENTENCES)
    with torch.no_grad():
        for p in tiny_bi_encoder.transformer.parameters():
            p.add_(0.05)
    tiny_bi_encoder.save(tiny_bi_encoder_dir)  # new weights in the same folder
    model = BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
    assert not model.is_deferred()
    after = model.encode(SENTENCES)
    assert np.abs(after - before).max() > 1e-3
    np.testing.assert_array_equal(BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
                                  .encode(SENTENCES), after)


def test_calibrating_a_deferred_model(tiny_bi_encoder_dir):
    from sbert_desktop.core.models.calibration import calibrate

    BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
    model = BiEncoder.load(tiny_bi_encoder_dir, device="cpu", precision="int8")
    result = calibrate(model, SENTENCES, batch_size=4, repeats=1)  # its fp32 twin builds the backbone once
    assert result["mean_cosine"] >= 0.99 and model.weights_released() and not model.is_deferred()


def test_cross_encoder_deferred(tiny_cross_encoder_dir):
    expected = CrossEncoder.load(tiny_cross_encoder_dir, device="cpu", precision="int8").predict(PAIRS)
    model = CrossEncoder.load(tiny_cross_encoder_dir, device="cpu", precision="int8")
    assert model.is_deferred()
    np.testing.assert_array_equal(model.predict(PAIRS), expected)
    assert model.num_labels == 1 and model.is_deferred()
    ref = CrossEncoder.load(tiny_cross_encoder_dir, device="cpu").predict(PAIRS)
    model.set_precision("fp32")
    np.testing.assert_allclose(model.predict(PAIRS), ref, rtol=0, atol=1e-6)
    assert not model.is_deferred()


_PROBE = """
import json, sys
from sbert_desktop.core.models import BiEncoder
model = BiEncoder.load(sys.argv[1], device="cpu", precision="int8")
vectors = model.encode(["A man is playing a guitar.", "short"])
print(json.dumps({"deferred": model.is_deferred(), "vectors": vectors.tolist(),
                  "modelling": sorted(m for m in sys.modules if m.startswith("transformers.models.bert.modeling"))}))
"""


def test_a_fresh_process_encodes_without_transformers_modelling_code(tiny_bi_encoder_dir):
    """What the deferral is for: the second process never imports the modelling stack (~120 MB here)."""
    runs = []
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", _PROBE, str(tiny_bi_encoder_dir)], capture_output=True,
                             text=True, timeout=300, env=os.environ.copy())
        assert out.returncode == 0, out.stderr[-2000:]
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    assert not runs[0]["deferred"] and runs[0]["modelling"]
    assert runs[1]["deferred"] and runs[1]["modelling"] == []
    assert runs[1]["vectors"] == runs[0]["vectors"]
