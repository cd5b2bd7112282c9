"""The int8 ceiling of this CPU: int8 GEMM against fp32 GEMM at MiniLM-L6's shapes, and where the
encoder's time goes.

Three parts, one run (print ``uptime`` before and after; keep the output in bench/results/gemm.txt):

1. GEMM micro-benchmark at the shapes one batch of 32 STS-B sentences gives the encoder
   (M = 32 x ~18 tokens -> 576 rows; 384 -> 1152 fused QKV, 384 -> 384, 384 -> 1536, 1536 -> 384):
   torch fp32 (what sentence-transformers runs), ONNX Runtime fp32 ``MatMul``, ONNX Runtime int8
   ``MatMulInteger`` on pre-quantised activations (the bare kernel), the same with the activation
   quantisation that dynamic int8 adds (``DynamicQuantizeLinear`` -> ``MatMulInteger`` -> scale, fused
   by ONNX Runtime into one op), and torch's fbgemm dynamic int8 Linear. GFLOP/s (int8: GOP/s).
2. Where the time goes: ONNX Runtime's profiler over the project's fp32 and int8 encoder graphs on
   the same sentences, time per operator type.
3. The ceiling: with the measured per-operator times, the fastest an int8 encoder can be here if
   its GEMMs (and the GEMMs inside Attention) ran at the micro-benchmark's int8 speed and nothing
   else changed, and the speed if everything but the GEMMs cost nothing, each as a multiple of
   sentence-transformers fp32 measured in the same run.

    flock /work/notes/cpu.lock nice -n 5 python bench/gemm.py > bench/results/gemm.txt 2>&1
"""

from __future__ import annotations

import argparse
import collections
import json
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

from bench.encode import DEV, stsb, uptime  # noqa: E402

SHAPES = ((384, 1152, "QKV"), (384, 384, "attn out"), (384, 1536, "FFN up"), (1536, 384, "FFN down"))
GEMM_OPS = {"MatMul", "Gemm", "MatMulInteger", "DynamicQuantizeMatMul", "MatMulIntegerToFloat", "FusedMatMul",
            "QGemm", "MatMulNBits"}


def best_time(fn, seconds: float) -> float:
    """The fastest of as many calls as fit in ``seconds`` (at least 5), after two warm-ups."""
    fn()
    fn()
    best, spent, calls = float("inf"), 0.0, 0
    while spent < seconds or calls < 5:
        start = time.perf_counter()
        fn()
        took = time.perf_counter() - start
        best, spent, calls = min(best, took), spent + took, calls + 1
    return best


def ort_session(nodes, inputs, outputs, inits, threads: int):
    import onnx
    import onnxruntime as ort
    from onnx import helper

    graph = helper.make_graph(nodes, "g", inputs, outputs, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # as the app's sessions
    return ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])


def gemm_variants(m: int, k: int, n: int, threads: int) -> dict:
    import torch
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(0)
    x = rng.standard_normal((m, k), dtype=np.float32)
    w = (rng.standard_normal((k, n), dtype=np.float32) / np.sqrt(k)).astype(np.float32)
    fin = helper.make_tensor_value_info("x", TensorProto.FLOAT, [m, k])
    fout = helper.make_tensor_value_info("y", TensorProto.FLOAT, [m, n])
    out = {}

    tx, tw = torch.from_numpy(x), torch.from_numpy(w.T.copy())
    with torch.inference_mode():
        out["torch fp32 (ST)"] = lambda: torch.nn.functional.linear(tx, tw)
        lin = torch.nn.Linear(k, n)
        lin.weight.data.copy_(tw)
        qlin = torch.ao.quantization.quantize_dynamic(torch.nn.Sequential(lin), {torch.nn.Linear}, dtype=torch.qint8)
        out["torch int8 dynamic (fbgemm)"] = lambda: qlin(tx)

    s = ort_session([helper.make_node("MatMul", ["x", "w"], ["y"])], [fin], [fout],
                    [numpy_helper.from_array(w, "w")], threads)
    out["ORT fp32 MatMul"] = lambda: s.run(None, {"x": x})

    wscale = np.abs(w).max(0) / 127.0
    wq = np.clip(np.round(w / wscale), -127, 127).astype(np.int8)
    xq = rng.integers(0, 255, (m, k), dtype=np.uint8)
    qin = helper.make_tensor_value_info("xq", TensorProto.UINT8, [m, k])
    iout = helper.make_tensor_value_info("yi", TensorProto.INT32, [m, n])
    s8 = ort_session([helper.make_node("MatMulInteger", ["xq", "wq", "xz"], ["yi"])], [qin], [iout],
                     [numpy_helper.from_array(wq, "wq"), numpy_helper.from_array(np.uint8(128), "xz")], threads)
    out["ORT int8 MatMulInteger (kernel)"] = lambda: s8.run(None, {"xq": xq})

    nodes = [helper.make_node("DynamicQuantizeLinear", ["x"], ["q", "qs", "qz"]),
             helper.make_node("MatMulInteger", ["q", "wq", "qz"], ["yi"]),
             helper.make_node("Cast", ["yi"], ["yf"], to=TensorProto.FLOAT),
             helper.make_node("Mul", ["qs", "ws"], ["scale"]),
             helper.make_node("Mul", ["yf", "scale"], ["y"])]
    sd = ort_session(nodes, [fin], [fout], [numpy_helper.from_array(wq, "wq"),
                                            numpy_helper.from_array(wscale.astype(np.float32), "ws")], threads)
    out["ORT int8 dynamic (quantise+GEMM)"] = lambda: sd.run(None, {"x": x})
    return out


def micro(m: int, threads: int, seconds: float) -> dict[str, float]:
    """GFLOP/s per variant, summed over the four shapes weighted as one encoder layer uses them."""
    print(f"\n1. GEMM, M = {m} rows (one batch of 32 sentences), {threads} threads, best call of ~{seconds:.1f} s each")
    names, totals = None, collections.defaultdict(float)
    flops_layer = 0.0
    for k, n, label in SHAPES:
        variants = gemm_variants(m, k, n, threads)
        if names is None:
            names = list(variants)
            print(f"{'shape':26s}" + "".join(f"{v[:20]:>22s}" for v in names))
        flops = 2.0 * m * k * n
        flops_layer += flops
        row = []
        for name in names:
            t = best_time(variants[name], seconds)
            totals[name] += t
            row.append(flops / t / 1e9)
        print(f"{label + f' {m}x{k}x{n}':26s}" + "".join(f"{g:22.1f}" for g in row))
    rates = {name: flops_layer / t / 1e9 for name, t in totals.items()}
    print(f"{'one layer (all four)':26s}" + "".join(f"{rates[n]:22.1f}" for n in names) + "   GFLOP/s")
    base = rates["torch fp32 (ST)"]
    print(f"{'ratio to torch fp32':26s}" + "".join(f"{rates[n] / base:21.2f}x" for n in names))
    return rates


def profile(path: Path, batches: list[dict], threads: int) -> dict[str, float]:
    """Seconds per operator type for one pass over ``batches`` (ONNX Runtime's profiler)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # as the app's sessions
    options.enable_profiling = True
    options.profile_file_prefix = str(Path(tempfile.mkdtemp()) / "prof")
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    names = {i.name for i in session.get_inputs()}
    for feed in batches[:2]:
        session.run(None, {k: v for k, v in feed.items() if k in names})
    start = time.perf_counter()
    for feed in batches:
        session.run(None, {k: v for k, v in feed.items() if k in names})
    wall = time.perf_counter() - start
    events = json.loads(Path(session.end_profiling()).read_text())
    per_op: dict[str, float] = collections.defaultdict(float)
    for ev in events:
        if ev.get("cat") == "Node" and ev["name"].endswith("_kernel_time"):
            per_op[ev["args"]["op_name"]] += ev["dur"] / 1e6
    warm = len(batches[:2]) / (len(batches) + 2)  # the profile also holds the two warm-up batches
    per_op = {k: v * (1 - warm) for k, v in per_op.items()}
    per_op["(outside operators)"] = max(wall - sum(per_op.values()), 0.0)
    per_op["(wall)"] = wall
    return per_op


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=576)
    parser.add_argument("--seconds", type=float, default=1.5, help="time per GEMM variant and shape")
    parser.add_argument("--limit", type=int, default=None, help="sentences for parts 2-3 (default all 3,000)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--micro-only", action="store_true", help="part 1 only")
    args = parser.parse_args()

    import torch

    threads = torch.get_num_threads()
    print(f"torch {torch.__version__}, threads {threads}, {uptime()}")
    flags = set(next((ln.split(":", 1)[1].split() for ln in open("/proc/cpuinfo") if ln.startswith("flags")), []))
    print("CPU:", next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "?"),
          "| avx2", "avx2" in flags, "| avx512f", "avx512f" in flags, "| avx512_vnni", "avx512_vnni" in flags,
          "| avx_vnni", "avx_vnni" in flags)
    rates = micro(args.rows, threads, args.seconds)
    if args.micro_only:
        print(uptime())
        return

    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.models.base import collate, length_sorted_batches, pretokenize

    a, b, _ = stsb(DEV)
    sentences = (a + b)[: args.limit] if args.limit else a + b
    fp32 = BiEncoder.load("default", device="cpu")
    enc = pretokenize(fp32.tokenizer, sentences, None, fp32.max_seq_length)
    batches = []
    for idx in length_sorted_batches([len(x) for x in enc["input_ids"]], args.batch_size):
        feats = collate(enc, idx, fp32.tokenizer.pad_token_id or 0)
        batches.append({k: v.numpy().astype(np.int64) for k, v in feats.items()})
    tokens = sum(f["input_ids"].size for f in batches)
    print(f"\n2. time per operator type, {len(sentences)} STS-B dev sentences in {len(batches)} length-sorted "
          f"batches of {args.batch_size} ({tokens} padded tokens, {tokens / len(batches):.0f} rows per batch)")

    from sentence_transformers import SentenceTransformer
    from sbert_desktop.core.models import default_model_path

    st = SentenceTransformer(str(default_model_path()), device="cpu")
    st.encode(sentences[:64], batch_size=args.batch_size)
    st_time = min(best_time_once(lambda: st.encode(sentences, batch_size=args.batch_size, show_progress_bar=False))
                  for _ in range(2))
    profiles = {p: profile(fp32.runtime_file(p), batches, threads) for p in ("fp32", "int8")}
    ops = sorted({k for p in profiles.values() for k in p if k != "(wall)"},
                 key=lambda k: -max(p.get(k, 0.0) for p in profiles.values()))
    print(f"{'operator type':32s} {'fp32 s':>8s} {'int8 s':>8s}")
    for op in ops:
        print(f"{op:32s} {profiles['fp32'].get(op, 0.0):8.3f} {profiles['int8'].get(op, 0.0):8.3f}")
    print(f"{'(wall, one pass)':32s} {profiles['fp32']['(wall)']:8.3f} {profiles['int8']['(wall)']:8.3f}")
    print(f"sentence-transformers fp32 encode of the same sentences: {st_time:.3f} s "
          f"({len(sentences) / st_time:.0f} sent/s, includes its tokenisation)")

    # 3. the ceiling: GEMM flops of the whole pass, from the padded token counts
    hidden, inter, layers = 384, 1536, 6
    gemm_flops = sum(2.0 * f["input_ids"].size * (4 * hidden * hidden + 2 * hidden * inter) * layers for f in batches)
    attn_flops = sum(2.0 * 2 * f["input_ids"].shape[0] * f["input_ids"].shape[1] ** 2 * hidden * layers
                     for f in batches)
    best_fp32 = max(rates["torch fp32 (ST)"], rates["ORT fp32 MatMul"])
    int8_dyn, int8_kernel = rates["ORT int8 dynamic (quantise+GEMM)"], rates["ORT int8 MatMulInteger (kernel)"]
    print(f"\n3. the ceiling: {gemm_flops / 1e9:.1f} GFLOP in the Linear layers (+{attn_flops / 1e9:.1f} in "
          "attention scores) for the pass")
    print(f"   sentence-transformers fp32 runs the whole pass at {(gemm_flops + attn_flops) / st_time / 1e9:.1f} "
          f"GFLOP/s = {(gemm_flops + attn_flops) / st_time / 1e9 / best_fp32:.0%} of the best fp32 GEMM rate "
          f"here ({best_fp32:.1f})")
    gemm_only = gemm_flops / (int8_dyn * 1e9)
    print(f"   Linear layers alone at the int8 dynamic rate ({int8_dyn:.1f} GOP/s), everything else free: "
          f"{gemm_only:.3f} s -> {st_time / gemm_only:.2f}x sentence-transformers fp32")
    gemm_kernel = gemm_flops / (int8_kernel * 1e9)
    print(f"   Linear layers alone at the bare int8 kernel rate ({int8_kernel:.1f} GOP/s), everything else free: "
          f"{gemm_kernel:.3f} s -> {st_time / gemm_kernel:.2f}x sentence-transformers fp32")
    p8 = profiles["int8"]
    non_gemm = sum(v for k, v in p8.items() if k not in GEMM_OPS and k not in ("(wall)", "QAttention", "Attention"))
    print(f"   measured int8 pass: {p8['(wall)']:.3f} s, of which {non_gemm:.3f} s outside GEMM/attention operators "
          "(layer norms, GELU, activation quantisation, embeddings: int8 does not make them faster)")
    bound = gemm_kernel + non_gemm
    print(f"   Linear layers at the bare int8 kernel rate, attention free, those operators as measured: {bound:.3f} s "
          f"-> {st_time / bound:.2f}x sentence-transformers fp32 (an upper bound for int8 on this CPU)")
    print(uptime())


def best_time_once(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
