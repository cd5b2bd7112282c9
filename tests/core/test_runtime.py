"""Precision/backend choice (issue #14): ONNX Runtime fp32/int8 agree with torch fp32, cache keys
differ by precision, exports are cached and saved in sentence-transformers' layout, and a missing
runtime is one clear line."""

from __future__ import annotations

import builtins

import numpy as np
import pytest
import torch

from sbert_desktop.core.errors import ModelLoadError
from sbert_desktop.core.models import runtime

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")

SENTENCES = [
    "A man is playing a guitar.", "A woman is slicing an onion.", "The cat sits on the mat.",
    "Two dogs run through a field of tall grass.", "Stocks fell sharply after the announcement.",
    "한국어 문장도 잘 처리됩니다.", "short", "A much longer sentence that goes on and on about nothing in "
    "particular, only to make this batch padded to very different lengths than the others.",
] * 3


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def test_onnx_fp32_matches_torch_and_int8_agrees(tiny_bi_encoder):
    ref = tiny_bi_encoder.encode(SENTENCES, batch_size=4)
    key32 = tiny_bi_encoder.fingerprint()
    tiny_bi_encoder.set_precision("fp32", "onnx")
    fp32 = tiny_bi_encoder.encode(SENTENCES, batch_size=4)
    key_onnx = tiny_bi_encoder.fingerprint()
    tiny_bi_encoder.set_precision("int8")
    int8 = tiny_bi_encoder.encode(SENTENCES, batch_size=4)
    key8 = tiny_bi_encoder.fingerprint()
    assert tiny_bi_encoder.info()["precision"] == "int8" and tiny_bi_encoder.info()["backend"] == "onnx"
    assert cosines(ref, fp32).min() > 0.99999
    assert cosines(ref, int8).mean() >= 0.99
    assert not np.allclose(ref, int8)  # the int8 path really ran
    assert len({key32, key_onnx, key8}) == 3 and key8.startswith(key32)
    tiny_bi_encoder.set_precision("fp32")
    assert tiny_bi_encoder.fingerprint() == key32
    np.testing.assert_array_equal(tiny_bi_encoder.encode(SENTENCES, batch_size=4), ref)  # torch fp32 stays exact


def test_gradients_and_training_mode_use_torch(tiny_bi_encoder):
    tiny_bi_encoder.set_precision("int8")
    features = tiny_bi_encoder.tokenize(SENTENCES[:3])
    out = tiny_bi_encoder(features)  # gradients on: torch weights, differentiable
    assert out.requires_grad
    with torch.inference_mode():
        assert tiny_bi_encoder.inference_engine() is not None
        tiny_bi_encoder.train()
        assert tiny_bi_encoder.inference_engine() is None
        tiny_bi_encoder.eval()


def test_export_cached_on_disk_and_rebuilt_after_training(tiny_bi_encoder, _isolated_config):
    tiny_bi_encoder.set_precision("int8")
    first = tiny_bi_encoder._engine.path
    files = list((_isolated_config / "cache" / "onnx").glob("*/model.onnx"))
    assert files == [first]  # int8 is quantised from its own export; no fp32 file is left behind
    mtime = first.stat().st_mtime_ns
    tiny_bi_encoder.set_precision("int8")  # the same weights: the cached file, not a new export
    assert tiny_bi_encoder._engine.path == first and first.stat().st_mtime_ns == mtime
    with torch.no_grad():
        tiny_bi_encoder.transformer.embeddings.word_embeddings.weight.mul_(1.5)
    tiny_bi_encoder.mark_weights_changed()
    before = tiny_bi_encoder.fingerprint()
    tiny_bi_encoder.encode(SENTENCES[:4])
    assert tiny_bi_encoder._engine.path != first and tiny_bi_encoder.fingerprint() == before
    assert not list((_isolated_config / "cache" / "onnx").glob(".*tmp"))


def test_cross_encoder_int8_agrees(tiny_cross_encoder, tiny_nli_cross_encoder):
    pairs = list(zip(SENTENCES, SENTENCES[1:] + SENTENCES[:1]))
    for ce in (tiny_cross_encoder, tiny_nli_cross_encoder):
        ref = ce.predict(pairs, batch_size=4)
        key = ce.fingerprint()
        ce.set_precision("int8")
        out = ce.predict(pairs, batch_size=4)
        assert ce.fingerprint() != key
        assert out.shape == ref.shape
        assert np.abs(out - ref).max() < 0.05
        ce.set_precision("fp32", "onnx")
        np.testing.assert_allclose(ce.predict(pairs, batch_size=4), ref, atol=1e-5)


def test_cache_keys_differ_by_precision(tiny_bi_encoder):
    from sbert_desktop.core.cache import EmbeddingCache, cached_encode

    cache = EmbeddingCache()
    fp32, _ = cached_encode(tiny_bi_encoder, SENTENCES[:5], cache=cache)
    tiny_bi_encoder.set_precision("int8")
    int8, stats = cached_encode(tiny_bi_encoder, SENTENCES[:5], cache=cache)
    assert not np.array_equal(fp32, int8)  # never served the fp32 vectors
    assert len({e["fingerprint"] for e in cache.entries()}) == 2


def test_saved_runtime_files_in_sentence_transformers_layout(tiny_bi_encoder, tmp_path):
    import onnxruntime as ort

    folder = tiny_bi_encoder.save(tmp_path / "model")
    written = runtime.save_runtime_files(tiny_bi_encoder, folder)
    assert sorted(p.name for p in written) == ["model.onnx", "model_qint8_avx2.onnx"]
    session = ort.InferenceSession(str(folder / "onnx" / "model_qint8_avx2.onnx"), providers=["CPUExecutionProvider"])
    assert [o.name for o in session.get_outputs()] == ["last_hidden_state"]
    try:
        from sentence_transformers import SentenceTransformer

        st = SentenceTransformer(str(folder), backend="onnx", device="cpu")
    except Exception as exc:  # noqa: BLE001 - sentence-transformers' onnx backend needs optimum
        pytest.skip(f"sentence-transformers' onnx backend is not usable here: {type(exc).__name__}")
    ref = tiny_bi_encoder.encode(SENTENCES)
    assert cosines(ref, st.encode(SENTENCES)).min() > 0.9999


def test_bad_choices_and_missing_runtime(tiny_bi_encoder, monkeypatch):
    with pytest.raises(ModelLoadError, match="precision int8 runs on the onnx backend"):
        tiny_bi_encoder.set_precision("int8", "torch")
    with pytest.raises(ModelLoadError, match="unknown precision"):
        tiny_bi_encoder.set_precision("int4")
    real_import = builtins.__import__

    def no_onnxruntime(name, *args, **kwargs):
        if name.split(".")[0] in ("onnxruntime", "onnx"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_onnxruntime)
    with pytest.raises(runtime.MissingRuntimeError) as info:
        tiny_bi_encoder.set_precision("int8")
    assert "\n" not in str(info.value) and "sbert-desktop[fast]" in str(info.value)
    assert tiny_bi_encoder.precision == "fp32" and tiny_bi_encoder.backend == "torch"


def test_cli_encode_int8_records_precision_in_manifest(tiny_bi_encoder_dir, tmp_path):
    import json

    from sbert_desktop.cli import main

    src = tmp_path / "s.txt"
    src.write_text("\n".join(SENTENCES[:6]), encoding="utf-8")
    out = tmp_path / "emb.npy"
    assert main(["encode", str(src), "--model", str(tiny_bi_encoder_dir), "--precision", "int8", "--out", str(out),
                 "-q"]) == 0
    manifest = json.loads((tmp_path / "emb.npy.manifest.json").read_text(encoding="utf-8"))
    assert manifest["model"]["precision"] == "int8" and manifest["model"]["backend"] == "onnx"
    assert np.load(out).shape[0] == 6


def test_cli_int8_on_torch_is_one_line(tiny_bi_encoder_dir, tmp_path, capsys):
    from sbert_desktop.cli import main

    src = tmp_path / "s.txt"
    src.write_text("one\ntwo\n", encoding="utf-8")
    code = main(["cluster", str(src), "--model", str(tiny_bi_encoder_dir), "--precision", "int8", "--backend", "torch",
                 "--out", str(tmp_path / "c.csv"), "-q"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "onnx backend" in err


def test_add_runtime_files_to_a_saved_cross_encoder(tiny_cross_encoder, tiny_cross_encoder_dir):
    import onnxruntime as ort

    paths = runtime.add_runtime_files(tiny_cross_encoder_dir, "cross")
    assert {p.relative_to(tiny_cross_encoder_dir).as_posix() for p in paths} == {"onnx/model.onnx",
                                                                                "onnx/model_qint8_avx2.onnx"}
    features = tiny_cross_encoder.tokenize([("a cat", "a dog"), ("rain", "a sunny day outside")])
    session = ort.InferenceSession(str(paths[0]), providers=["CPUExecutionProvider"])
    names = {i.name for i in session.get_inputs()}
    logits = session.run(None, {k: v.numpy() for k, v in features.items() if k in names})[0]
    with torch.no_grad():
        np.testing.assert_allclose(logits, tiny_cross_encoder(features).numpy(), atol=1e-4)


def test_parallel_sessions_give_the_same_vectors_in_input_order(tiny_bi_encoder):
    """Two single-threaded sessions on different batches (the default on 2+ threads): the same
    vectors, in input order, as one session running the batches one after another."""
    tiny_bi_encoder.set_precision("int8")
    path = tiny_bi_encoder._engine.path
    tiny_bi_encoder._engine = runtime.OnnxEngine(path, threads=2, workers=1)
    one = tiny_bi_encoder.encode(SENTENCES, batch_size=2)
    tiny_bi_encoder._engine = runtime.OnnxEngine(path, threads=2, workers=2)
    assert tiny_bi_encoder.inference_workers() == 2 and len(tiny_bi_encoder._engine.sessions) == 2
    seen = []
    # a batch of 4 is shared by the two sessions: 2 rows each, the same batches as above
    two = tiny_bi_encoder.encode(SENTENCES, batch_size=4, progress=lambda p: seen.append(p.done))
    assert cosines(one, two).min() > 0.99999  # same file and kernels; thread count per session may differ
    np.testing.assert_allclose(one, two, rtol=0, atol=1e-5)
    assert seen == sorted(seen) and seen[-1] == len(SENTENCES)


def test_parallel_sessions_stop_on_cancel(tiny_bi_encoder):
    from sbert_desktop.core.progress import CancelToken, Cancelled

    class CancelAfterThreeBatches(CancelToken):
        checks = 0

        def raise_if_cancelled(self) -> None:
            self.checks += 1
            if self.checks > 3:
                self.cancel()
            super().raise_if_cancelled()

    tiny_bi_encoder.set_precision("int8")
    engine = runtime.OnnxEngine(tiny_bi_encoder._engine.path, threads=2, workers=2)
    calls = []
    tiny_bi_encoder._engine = lambda inputs: calls.append(1) or engine(inputs)
    tiny_bi_encoder._engine.workers = 2
    with pytest.raises(Cancelled):
        tiny_bi_encoder.encode(SENTENCES * 4, batch_size=4, cancel=CancelAfterThreeBatches())
    # at most the three batches submitted before the cancel ran (queued ones are dropped); none after it
    assert 1 <= len(calls) <= 3 < len(SENTENCES * 4) // 2


def test_default_workers_one_per_thread_unless_the_model_is_large(tmp_path, monkeypatch):
    small = tmp_path / "model.onnx"
    small.write_bytes(b"x" * 1000)
    assert runtime.default_workers(small, 2) == 2 and runtime.default_workers(small, 1) == 1
    monkeypatch.setattr(runtime, "PARALLEL_SESSIONS_MAX_BYTES", 1500)
    assert runtime.default_workers(small, 2) == 1
    assert runtime.default_workers(tmp_path / "missing.onnx", 2) == 1
