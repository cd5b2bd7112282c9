"""Which int8 recipe and runtime to ship: speed and STS-B dev Spearman of each candidate, one run.

The same pre-tokenised 3,000 STS-B dev sentences (length-sorted batches of 32), the same mean
pooling and normalisation in numpy for every variant, so only the backbone's runtime differs;
tokenisation is left out (it is the same for all). Warm-up, then ``--repeats`` alternating passes,
the fastest counts. Variants:

- torch fp32 / torch dynamic int8 (``quantize_dynamic`` on the Linear layers, fbgemm);
- ONNX Runtime fp32 on the graph fused by its transformer optimiser (Attention, SkipLayerNorm,
  BiasGelu), with and without spinning worker threads;
- ONNX Runtime dynamic int8 on the fused graph: signed weights per channel (what ships), the same
  with spinning threads, with ``reduce_range`` (7-bit weights), per tensor, unsigned weights per
  channel (sentence-transformers' "avx2" config), MatMul only (attention left in fp32), and on the
  unfused graph;
- ONNX Runtime static int8 (QDQ, calibrated on 320 STS-B *train* sentences) on the fused and the
  unfused graph;
- OpenVINO fp32 on the unfused ONNX graph (it does not read ONNX Runtime's fused operators) and
  OpenVINO int8 on the static QDQ graph, per channel and per tensor.

    flock /work/notes/cpu.lock nice -n 5 python bench/int8_variants.py > bench/results/int8-variants.txt 2>&1
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# bench/ itself off the import path: bench/float16.py would shadow the module of that name that
# onnxruntime.transformers imports (its optimiser then fails, and an export stays unfused)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.encode import DEV, spearman, stsb, uptime  # noqa: E402

WORK = Path(tempfile.gettempdir()) / "sbert-int8-variants"


def ort_runner(path: Path, threads: int, spin: bool):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    if not spin:
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    names = {i.name for i in session.get_inputs()}
    return lambda feed: session.run(None, {k: v for k, v in feed.items() if k in names})[0]


def ov_runner(path: Path, threads: int):
    import openvino as ov

    compiled = ov.Core().compile_model(str(path), "CPU", {"INFERENCE_NUM_THREADS": threads,
                                                          "PERFORMANCE_HINT": "LATENCY"})
    request = compiled.create_infer_request()
    names = [i.get_any_name() for i in compiled.inputs]
    return lambda feed: request.infer({k: feed[k] for k in names})[0].copy()


def torch_runner(module):
    import torch

    def run(feed):
        with torch.inference_mode():
            return module(**{k: torch.from_numpy(v) for k, v in feed.items()}).last_hidden_state.numpy()
    return run


def build(model, calibration: list[dict]) -> dict:
    """name -> zero-argument factory of a runner (files built once into WORK)."""
    from onnx import TensorProto
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_dynamic, \
        quantize_static

    from sbert_desktop.core.models import onnx_export

    WORK.mkdir(exist_ok=True)
    plain, fused = WORK / "plain.onnx", WORK / "fused.onnx"
    if not plain.exists():
        onnx_export.export_fp32(model.transformer, model.tokenizer, "last_hidden_state", plain)
    if not fused.exists():
        onnx_export.optimize(plain, fused, model.transformer.config)
    floats = {"DefaultTensorType": TensorProto.FLOAT}

    def dyn(src, name, **kw):
        out = WORK / name
        if not out.exists():
            quantize_dynamic(str(src), str(out), extra_options=floats, **kw)
        return out

    class Reader(CalibrationDataReader):
        def __init__(self):
            self.it = iter(calibration)

        def get_next(self):
            return next(self.it, None)

    def static(src, name, per_channel=True):
        out = WORK / name
        if not out.exists():
            quantize_static(str(src), str(out), Reader(), quant_format=QuantFormat.QDQ, per_channel=per_channel,
                            activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                            op_types_to_quantize=["MatMul"], extra_options=floats)
        return out

    import torch

    t = torch.get_num_threads()
    s8 = {"weight_type": QuantType.QInt8}
    return {
        "torch fp32": lambda: torch_runner(model.transformer),
        "torch int8 dynamic (fbgemm)": lambda: torch_runner(torch.ao.quantization.quantize_dynamic(
            model.transformer, {torch.nn.Linear}, dtype=torch.qint8)),
        "ORT fp32 fused, spinning": lambda: ort_runner(fused, t, True),
        "ORT fp32 fused": lambda: ort_runner(fused, t, False),
        "ORT int8 dyn s8/channel (ships)": lambda: ort_runner(dyn(fused, "d_pc.onnx", per_channel=True, **s8), t, False),
        "  same, spinning": lambda: ort_runner(dyn(fused, "d_pc.onnx", per_channel=True, **s8), t, True),
        "  reduce_range": lambda: ort_runner(dyn(fused, "d_rr.onnx", per_channel=True, reduce_range=True, **s8),
                                             t, False),
        "  per tensor": lambda: ort_runner(dyn(fused, "d_pt.onnx", per_channel=False, **s8), t, False),
        "  u8 weights (ST avx2 config)": lambda: ort_runner(dyn(fused, "d_u8.onnx", per_channel=True,
                                                                weight_type=QuantType.QUInt8), t, False),
        "  MatMul only (fp32 attention)": lambda: ort_runner(dyn(fused, "d_mm.onnx", per_channel=True,
                                                                 op_types_to_quantize=["MatMul"], **s8), t, False),
        "  unfused graph": lambda: ort_runner(dyn(plain, "d_plain.onnx", per_channel=True, **s8), t, False),
        "ORT int8 static QDQ, fused": lambda: ort_runner(static(fused, "s_fused.onnx"), t, False),
        "ORT int8 static QDQ, unfused": lambda: ort_runner(static(plain, "s_plain.onnx"), t, False),
        "OpenVINO fp32": lambda: ov_runner(plain, t),
        "OpenVINO int8 static QDQ": lambda: ov_runner(static(plain, "s_plain.onnx"), t),
        "OpenVINO int8 static QDQ/tensor": lambda: ov_runner(static(plain, "s_plain_pt.onnx", per_channel=False), t),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--only", default="", help="comma-separated names (prefix match) to run")
    args = parser.parse_args()

    import torch

    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.models.base import collate, length_sorted_batches, pretokenize

    logging.disable(logging.WARNING)
    print(f"torch threads {torch.get_num_threads()}, {uptime()}")
    a, b, gold = stsb(DEV)
    n = args.limit // 2 if args.limit else len(a)
    sentences = a[:n] + b[:n]
    model = BiEncoder.load("default", device="cpu")
    tok = model.tokenizer

    def batches_of(texts):
        enc = pretokenize(tok, texts, None, model.max_seq_length)
        return [(idx, {k: v.numpy() for k, v in collate(enc, idx, tok.pad_token_id or 0).items()})
                for idx in length_sorted_batches([len(x) for x in enc["input_ids"]], 32)]

    batches = batches_of(sentences)
    ta, _, _ = stsb(DEV.parent / "sts-train.csv")
    calibration = [feed for _, feed in batches_of(ta[:320])]
    factories = build(model, calibration)
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    runners = {}
    for name, factory in factories.items():
        if wanted and not any(name.strip().startswith(w) for w in wanted) and name != "torch fp32":
            continue
        start = time.perf_counter()
        try:
            runners[name] = factory()
        except Exception as exc:  # noqa: BLE001 - a variant that does not build is reported, not fatal
            print(f"  {name}: not built ({type(exc).__name__}: {str(exc).splitlines()[0][:150]})")
            continue
        print(f"  ({name}: built in {time.perf_counter() - start:.1f} s)", flush=True)

    def embed(run):
        out = np.zeros((len(sentences), 384), np.float32)
        for idx, feed in batches:
            mask = feed["attention_mask"][..., None].astype(np.float32)
            pooled = (run(feed) * mask).sum(1) / mask.sum(1)
            out[idx] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return out

    for run in runners.values():
        run(batches[-1][1])
    times: dict[str, list[float]] = {k: [] for k in runners}
    outs = {}
    for _ in range(args.repeats):
        for name, run in runners.items():
            start = time.perf_counter()
            outs[name] = embed(run)
            times[name].append(time.perf_counter() - start)
    ref = outs["torch fp32"]
    base = min(times["torch fp32"])
    print(f"\n{len(sentences)} STS-B dev sentences, backbone + pooling only (pre-tokenised), best of {args.repeats}")
    print(f"{'variant':34s} {'sent/s':>8s} {'x torch':>8s} {'Spearman':>9s} {'cos mean':>9s} {'cos min':>8s}")
    for name in runners:
        e = outs[name]
        cos = (e * ref).sum(1)
        sims = (e[:n] * e[n:]).sum(1)
        print(f"{name:34s} {len(sentences) / min(times[name]):8.1f} {base / min(times[name]):7.2f}x "
              f"{spearman(sims, gold[:n]):9.2f} {cos.mean():9.4f} {cos.min():8.4f}")
    print(uptime())


if __name__ == "__main__":
    main()
