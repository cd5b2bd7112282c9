"""Sessions and graph of the int8 engine: one 2-thread session against one 1-thread session per
core, on the fused and the unfused int8 graph, alternating passes over the same batches.

Backbone only, on pre-tokenised STS-B dev sentences (both columns, 3,000) in length-sorted batches
of 32; each configuration runs every batch once per pass, batches handed to its sessions from one
queue (as ``base.run_batched`` does with ``workers``). Files come from bench/int8_variants.py's
work folder (it builds them: ``plain.onnx`` exported, ``fused.onnx`` through ONNX Runtime's
transformer optimiser, ``d_plain.onnx``/``d_pc.onnx`` their dynamic int8, signed per-channel
weights), so run that once first.

    flock /work/notes/cpu.lock python bench/int8_sessions.py --passes 6
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.encode import DEV, stsb, uptime  # noqa: E402
from bench.int8_variants import WORK  # noqa: E402


def session(path: Path, threads: int):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def one_pass(sessions, feeds) -> float:
    todo: queue.Queue = queue.Queue()
    for feed in feeds:
        todo.put(feed)
    names = {i.name for i in sessions[0].get_inputs()}

    def work(s):
        while True:
            try:
                feed = todo.get_nowait()
            except queue.Empty:
                return
            s.run(None, {k: v for k, v in feed.items() if k in names})

    start = time.perf_counter()
    threads = [threading.Thread(target=work, args=(s,)) for s in sessions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=6)
    args = parser.parse_args()
    from sbert_desktop.core.models import BiEncoder, default_model_path
    from sbert_desktop.core.models.base import collate, length_sorted_batches, pretokenize

    missing = [f for f in ("d_pc.onnx", "d_plain.onnx", "fused.onnx") if not (WORK / f).exists()]
    if missing:
        raise SystemExit(f"{WORK}: {', '.join(missing)} missing; run bench/int8_variants.py once first")
    a, b, _ = stsb(DEV)
    sentences = a + b
    model = BiEncoder.load(str(default_model_path()), device="cpu")
    enc = pretokenize(model.tokenizer, sentences, None, model.max_seq_length)
    lengths = [len(r) for r in enc["input_ids"]]
    feeds = [{k: v.numpy().astype(np.int64) for k, v in collate(enc, idx, 0).items()}
             for idx in length_sorted_batches(lengths, 32)]
    print(f"{len(sentences)} STS-B dev sentences, {len(feeds)} batches of 32, {args.passes} alternating passes; "
          f"{uptime()}", flush=True)
    configs = {
        "int8 fused, 1 session x 2 threads": [session(WORK / "d_pc.onnx", 2)],
        "int8 fused, 2 sessions x 1 thread": [session(WORK / "d_pc.onnx", 1) for _ in range(2)],
        "int8 unfused, 1 session x 2 threads": [session(WORK / "d_plain.onnx", 2)],
        "int8 unfused, 2 sessions x 1 thread": [session(WORK / "d_plain.onnx", 1) for _ in range(2)],
        "fp32 fused, 1 session x 2 threads": [session(WORK / "fused.onnx", 2)],
        "fp32 fused, 2 sessions x 1 thread": [session(WORK / "fused.onnx", 1) for _ in range(2)],
    }
    for sessions in configs.values():
        one_pass(sessions, feeds[:6])  # warm-up
    rates: dict[str, list[float]] = {k: [] for k in configs}
    for _ in range(args.passes):
        for name, sessions in configs.items():
            rates[name].append(len(sentences) / one_pass(sessions, feeds))
    print(f"{'configuration':38s} {'best':>7s} {'median':>7s}  sentences/s of each pass")
    for name, r in rates.items():
        print(f"{name:38s} {max(r):7.1f} {float(np.median(r)):7.1f}  {' '.join(f'{x:.0f}' for x in r)}")
    print(uptime())


if __name__ == "__main__":
    main()
