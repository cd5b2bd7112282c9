"""Encode throughput and quality per precision/backend, against sentence-transformers, in one run.

Same sentences (STS-B dev, both columns: 3,000 sentences), same bundled model, same threads, same
batch size, in one process, alternating runs (best of ``--repeats``). For each of
sentence-transformers fp32 (and its own ``backend="onnx"``/``"openvino"`` int8 exports where they
install here) and each of SBERT Desktop's precision/backend choices: sentences/s, ratio to
sentence-transformers fp32, STS-B dev Spearman x 100 (cosine), minimum/mean cosine to our fp32.
Then the same for a cross-encoder (pairs/s, Spearman) when ``--cross-encoder DIR`` is given (one
trained with ``bench/train.py --encoder cross --keep DIR``), and the peak resident memory of
encoding the 3,000 sentences in a fresh process per variant.

sentence-transformers' own ``backend="onnx"`` / ``"openvino"`` need optimum, which does not
install beside transformers 5: ``--peer-python`` names the Python of a separate environment
(default /work/peer-venv/bin/python when it exists; see bench/st_peer.py for what it holds), where
bench/st_peer.py times them on the same sentences the same way, in a subprocess.

    nice -n 5 python bench/encode.py [--cross-encoder DIR] [--batch-size 32] [--repeats 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# bench/ itself off the import path: bench/float16.py would shadow the module of that name that
# onnxruntime.transformers imports (its optimiser then fails, and an export stays unfused)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
DEV = ROOT.parent / "shared" / "data" / "stsb-en" / "sts-dev.csv"
OURS = (("fp32", "torch"), ("fp32", "onnx"), ("int8", "onnx"))
PEER_PYTHON = Path("/work/peer-venv/bin/python")


def stsb(path: Path) -> tuple[list[str], list[str], list[float]]:
    a, b, gold = [], [], []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            a.append(cols[5])
            b.append(cols[6])
            gold.append(float(cols[4]))
    return a, b, gold


def spearman(x, y) -> float:
    from scipy.stats import spearmanr

    return 100 * float(spearmanr(x, y).correlation)


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return f"load average {os.getloadavg()}"


def peer_run(args, model_dir: str, items: list, cross: bool) -> tuple[dict, dict, list[str]]:
    """sentence-transformers' onnx/openvino int8 in the peer environment: (rates, outputs, notes)."""
    import numpy as np

    if not args.peer_python or not Path(args.peer_python).exists():
        return {}, {}, [f"peer environment {args.peer_python}: not present (see bench/st_peer.py)"]
    tmp = Path(tempfile.mkdtemp(prefix="sbert-peer-"))
    texts, calibration = tmp / "texts.json", tmp / "calibration.json"
    texts.write_text(json.dumps({"pairs": items} if cross else {"sentences": items}), encoding="utf-8")
    train_a, _, _ = stsb(args.data.parent / "sts-train.csv")
    calibration.write_text(json.dumps(train_a[:300]), encoding="utf-8")
    cmd = [str(args.peer_python), str(ROOT / "bench" / "st_peer.py"), "--model", model_dir, "--texts", str(texts),
           "--calibration", str(calibration), "--batch-size", str(args.batch_size), "--repeats", str(args.repeats),
           "--out", str(tmp)] + (["--cross"] if cross else [])
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        return {}, {}, [f"peer run failed (exit {done.returncode}): {done.stderr.strip().splitlines()[-1][:300]}"]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    tag = f"ST {result['versions']['sentence-transformers']}"
    rates = {f"{tag} {k}": v for k, v in result["rates"].items()}
    outputs = {f"{tag} {k}": np.load(v) for k, v in result["outputs"].items()}
    notes = [f"peer environment {args.peer_python}: " + ", ".join(f"{k} {v}" for k, v in result["versions"].items())
             + f"; {result['threads']} torch threads"] + result["notes"]
    return rates, outputs, notes


def st_variants(path: str, in_process: bool = True) -> tuple[dict, list[str]]:
    """sentence-transformers' models: fp32, and its own int8 exports where the backend installs."""
    from sentence_transformers import SentenceTransformer

    out = {"sentence-transformers fp32": SentenceTransformer(path, device="cpu")}
    notes = []
    if not in_process:  # they run in the peer environment instead
        return out, notes
    try:
        from sentence_transformers import export_dynamic_quantized_onnx_model

        tmp = Path("/tmp/sbert-bench-st-onnx")
        model = SentenceTransformer(path, backend="onnx", device="cpu", model_kwargs={"export": True})
        export_dynamic_quantized_onnx_model(model, "avx2", str(tmp))
        out["sentence-transformers onnx int8"] = SentenceTransformer(
            str(tmp), backend="onnx", device="cpu", model_kwargs={"file_name": "onnx/model_qint8_avx2.onnx"})
    except Exception as exc:  # noqa: BLE001 - report why and go on
        notes.append(f"sentence-transformers backend='onnx': not usable here ({type(exc).__name__}: "
                     f"{str(exc).splitlines()[0][:120]}); pip here: optimum-onnx (newest 0.1.0) requires "
                     "transformers<4.58, sentence-transformers 6 requires transformers>=5")
    try:
        model = SentenceTransformer(path, backend="openvino", device="cpu")
        out["sentence-transformers openvino"] = model
    except Exception as exc:  # noqa: BLE001
        notes.append(f"sentence-transformers backend='openvino': not usable here ({type(exc).__name__}: "
                     f"{str(exc).splitlines()[0][:120]}); pip here: optimum-intel (newest 2.2.0) requires "
                     "transformers<5.6 and huggingface-hub<1.22, this environment has transformers 5.24")
    return out, notes


def peak_memory(variant: str, n: int, batch_size: int) -> float:
    """Peak RSS (MB) of a fresh process that loads the model and encodes ``n`` STS-B sentences."""
    code = f"""
import os, sys
sys.path.insert(0, {str(ROOT)!r}); sys.argv = ['x']
from bench.encode import stsb, DEV
a, b, _ = stsb(DEV); sentences = a[:{n // 2}] + b[:{n // 2}]
variant = {variant!r}
if variant == 'sentence-transformers fp32':
    from sentence_transformers import SentenceTransformer
    from sbert_desktop.core.models import default_model_path
    SentenceTransformer(str(default_model_path()), device='cpu').encode(sentences, batch_size={batch_size})
else:
    from sbert_desktop.core.models import BiEncoder
    precision, backend = variant.split()[-2:]
    BiEncoder.load('default', device='cpu', precision=precision, backend=backend).encode(sentences, batch_size={batch_size})
# VmHWM, not ru_maxrss: on Linux ru_maxrss keeps the forking parent's peak across exec
print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT))
    if done.returncode:
        return float("nan")
    return float(done.stdout.strip().splitlines()[-1])


#: the int8 engine as it was before parallel sessions: one ONNX Runtime session using both threads
SINGLE = "sbert-desktop int8, 1 session"


def one_session(model):
    """``model`` (int8 onnx) with one session of all threads instead of one single-threaded session
    per thread (the default, ``runtime.default_workers``): the row that shows what the default buys."""
    from sbert_desktop.core.models.runtime import OnnxEngine

    model._engine = OnnxEngine(model._engine.path, workers=1)
    return model


def timed(fns: dict, repeats: int, n: int) -> tuple[dict, dict]:
    for fn in fns.values():
        fn(warmup=True)
    times: dict[str, list[float]] = {k: [] for k in fns}
    outputs = {}
    for _ in range(repeats):
        for name, fn in fns.items():
            start = time.perf_counter()
            outputs[name] = fn()
            times[name].append(time.perf_counter() - start)
    return {k: n / min(v) for k, v in times.items()}, outputs


def bi_encoders(args, a, b, gold) -> None:
    import numpy as np

    from sbert_desktop.core.models import BiEncoder, default_model_path

    n_pairs = len(a) if not args.limit else args.limit // 2
    sentences = a[:n_pairs] + b[:n_pairs]
    peer = bool(args.peer_python and Path(args.peer_python).exists())
    refs, notes = st_variants(str(default_model_path()), in_process=not peer)
    ours = {}
    for precision, backend in OURS:
        start = time.perf_counter()
        ours[f"sbert-desktop {precision} {backend}"] = BiEncoder.load("default", device="cpu", precision=precision,
                                                                      backend=backend)
        if backend != "torch":
            print(f"  (sbert-desktop {precision} {backend}: load + export/cache {time.perf_counter() - start:.1f} s)")
    ours[SINGLE] = one_session(BiEncoder.load("default", device="cpu", precision="int8", backend="onnx"))
    for note in notes:
        print("  " + note)

    def make(name, model):
        def run(warmup=False):
            data = sentences[:64] if warmup else sentences
            if name.startswith("sentence-transformers"):
                return model.encode(data, batch_size=args.batch_size, convert_to_numpy=True, show_progress_bar=False)
            return model.encode(data, batch_size=args.batch_size)
        return run

    fns = {name: make(name, m) for name, m in {**refs, **ours}.items()}
    rate, out = timed(fns, args.repeats, len(sentences))
    if peer:
        peer_rates, peer_out, peer_notes = peer_run(args, str(default_model_path()), sentences, cross=False)
        rate.update(peer_rates)
        out.update(peer_out)
        for note in peer_notes:
            print("  " + note)
    base = rate["sentence-transformers fp32"]
    best_st_int8 = max((v for k, v in rate.items() if k.startswith(("sentence-transformers", "ST "))
                        and "fp32" not in k), default=None)
    ref = out["sbert-desktop fp32 torch"]
    print(f"\nbi-encoder, {len(sentences)} sentences (STS-B dev {n_pairs} pairs), batch {args.batch_size}, "
          f"best of {args.repeats}")
    print(f"{'':34s} {'sent/s':>8s} {'x ST fp32':>9s} {'Spearman':>9s} {'cos min':>8s} {'cos mean':>8s}")
    for name, r in rate.items():
        e = out[name]
        cos = (e * ref).sum(1) / (np.linalg.norm(e, axis=1) * np.linalg.norm(ref, axis=1))
        u, v = e[:n_pairs], e[n_pairs:2 * n_pairs]
        sims = (u * v).sum(1) / (np.linalg.norm(u, axis=1) * np.linalg.norm(v, axis=1))
        extra = f"  ({r / best_st_int8:.2f}x ST's best int8)" if best_st_int8 and "int8" in name and \
            name.startswith("sbert") else ""
        print(f"{name:34s} {r:8.1f} {r / base:8.2f}x {spearman(sims, gold[:n_pairs]):9.2f} {cos.min():8.4f} "
              f"{cos.mean():8.4f}{extra}")


def cross_encoders(args, a, b, gold) -> None:
    import numpy as np
    from sentence_transformers import CrossEncoder as STCrossEncoder

    from sbert_desktop.core.models import CrossEncoder

    pairs = list(zip(a, b))[: args.limit // 2 if args.limit else None]
    models = {"sentence-transformers fp32": STCrossEncoder(str(args.cross_encoder), device="cpu")}
    for precision, backend in OURS:
        models[f"sbert-desktop {precision} {backend}"] = CrossEncoder.load(
            args.cross_encoder, device="cpu", precision=precision, backend=backend)
    models[SINGLE] = one_session(CrossEncoder.load(args.cross_encoder, device="cpu", precision="int8", backend="onnx"))
    symmetric = any(getattr(m, "symmetric", False) for m in models.values())
    for m in models.values():  # the same work as sentence-transformers: each pair once, in the given order
        if hasattr(m, "symmetric"):
            m.symmetric = False
    if symmetric:
        print("  (the model scores both orders by default; here every model scores each pair once, as given)")

    def make(name, model):
        def run(warmup=False):
            data = pairs[:32] if warmup else pairs
            if name.startswith("sentence-transformers"):
                return model.predict(data, batch_size=args.batch_size, show_progress_bar=False)
            return model.predict(data, batch_size=args.batch_size)
        return run

    rate, out = timed({k: make(k, m) for k, m in models.items()}, args.repeats, len(pairs))
    if args.peer_python and Path(args.peer_python).exists():
        peer_rates, peer_out, peer_notes = peer_run(args, str(args.cross_encoder), [list(p) for p in pairs], cross=True)
        rate.update(peer_rates)
        out.update(peer_out)
        for note in peer_notes:
            print("  " + note)
    base = rate["sentence-transformers fp32"]
    print(f"\ncross-encoder {args.cross_encoder}, {len(pairs)} STS-B dev pairs, batch {args.batch_size}, "
          f"best of {args.repeats}")
    print(f"{'':34s} {'pairs/s':>8s} {'x ST fp32':>9s} {'Spearman':>9s} {'max |diff|':>10s}")
    ref = out["sbert-desktop fp32 torch"]
    for name, r in rate.items():
        score = np.asarray(out[name], dtype=np.float64).reshape(len(pairs), -1)
        diff = float(abs(score - np.asarray(ref).reshape(len(pairs), -1)).max())
        rho = spearman(score[:, 0], gold[:len(pairs)]) if score.shape[1] == 1 else float("nan")  # NLI: no STS score
        print(f"{name:34s} {r:8.1f} {r / base:8.2f}x {rho:9.2f} {diff:10.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEV)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N sentences")
    parser.add_argument("--cross-encoder", type=Path, help="a trained cross-encoder folder")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory subprocesses")
    parser.add_argument("--no-bi", action="store_true", help="skip the bi-encoder table")
    parser.add_argument("--peer-python", type=Path, default=PEER_PYTHON if PEER_PYTHON.exists() else None,
                        help="Python of an environment with sentence-transformers' onnx/openvino backends")
    args = parser.parse_args()

    import torch

    a, b, gold = stsb(args.data)
    print(f"torch threads {torch.get_num_threads()}, {uptime()}")
    if not args.no_bi:
        bi_encoders(args, a, b, gold)
    if args.cross_encoder:
        cross_encoders(args, a, b, gold)
    if not args.no_memory:
        n = 2 * (args.limit // 2) if args.limit else 2 * len(a)
        print(f"\npeak resident memory, fresh process: load + encode {n} sentences")
        for variant in ("sentence-transformers fp32", "sbert-desktop fp32 torch", "sbert-desktop int8 onnx"):
            print(f"{variant:34s} {peak_memory(variant, n, args.batch_size):8.0f} MB")
    print(uptime())


if __name__ == "__main__":
    main()
