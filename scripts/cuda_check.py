"""The CUDA checks, in one short run on a GPU machine; prints a table.

1. encode parity: the bundled model on 2,000 STS-B sentences, fp32 against AMP (autocast bf16, or
   fp16 where bf16 is missing): mean and minimum cosine between the two, sentences/s of each;
2. training: a few hundred steps (default 300) of the bi-encoder on STS-B train on one GPU, with
   AMP, then the dev Spearman; a deliberately huge batch shows the out-of-memory message;
3. DDP: the same steps with ``torchrun --nproc-per-node <all visible GPUs>`` (NCCL), steps/s and
   dev Spearman, against the one-GPU run.

    python scripts/cuda_check.py [--steps 300] [--sentences 2000]

Exits 1 without CUDA. Not a test: it needs a GPU and the STS-B files in ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "stsb-en"


def encode_parity(n: int) -> list[tuple[str, str]]:
    import numpy as np
    import torch

    from sbert_desktop.core.data import read_pairs
    from sbert_desktop.core.models import BiEncoder

    ds = read_pairs(DATA / "sts-dev.csv", task="sts")
    sentences = (list(ds.sentence1) + list(ds.sentence2))[:n]
    model = BiEncoder.load("default", device="cuda")
    model.encode(sentences[:64])  # warm-up
    torch.cuda.synchronize()
    t = time.perf_counter()
    fp32 = model.encode(sentences, batch_size=64)
    torch.cuda.synchronize()
    t32 = time.perf_counter() - t
    dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    t = time.perf_counter()
    with torch.autocast("cuda", dtype=dtype):
        amp = model.encode(sentences, batch_size=64)
    torch.cuda.synchronize()
    tamp = time.perf_counter() - t
    a = fp32 / np.linalg.norm(fp32, axis=1, keepdims=True)
    b = amp / np.linalg.norm(amp, axis=1, keepdims=True)
    cos = (a * b).sum(1)
    return [("encode fp32", f"{len(sentences) / t32:,.0f} sentences/s"),
            (f"encode AMP {str(dtype).split('.')[-1]}", f"{len(sentences) / tamp:,.0f} sentences/s; cosine to fp32 "
                                                      f"mean {cos.mean():.6f}, min {cos.min():.6f}")]


def train_cmd(out: Path, steps: int, batch: int, extra: list[str]) -> list[str]:
    return ["-m", "sbert_desktop", "train", "--encoder", "bi", "--task", "sts", "--train", str(DATA / "sts-train.csv"),
            "--dev", str(DATA / "sts-dev.csv"), "--out", str(out), "--batch-size", str(batch), "--max-steps",
            str(steps), "--epochs", "10", "--device", "cuda", "--quiet", "--json", *extra]


def run(cmd: list[str]) -> tuple[float, dict, str]:
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - t
    text = proc.stdout
    data = json.loads(text[text.index("{"): text.rindex("}") + 1]) if "{" in text else {}
    return seconds, data, (proc.stderr.strip().splitlines() or [""])[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--sentences", type=int, default=2000)
    args = parser.parse_args()
    import torch

    if not torch.cuda.is_available():
        print("no CUDA device: nothing checked")
        return 1
    gpus = torch.cuda.device_count()
    rows = [("device", f"{gpus} x {torch.cuda.get_device_name(0)}, torch {torch.__version__}")]
    rows += encode_parity(args.sentences)
    with tempfile.TemporaryDirectory(prefix="cuda-check-") as tmp:
        tmp = Path(tmp)
        for name, extra, nproc in [("train 1 GPU AMP", [], 1), ("train 1 GPU fp32", ["--no-amp"], 1),
                                   (f"train DDP {gpus} GPUs AMP", [], gpus)]:
            out = tmp / name.replace(" ", "-")
            if nproc == 1:
                cmd = [sys.executable, *train_cmd(out, args.steps, 16, extra)]
            else:
                cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc-per-node={nproc}",
                       *train_cmd(out, args.steps, 16, extra)[1:]]
            seconds, data, last = run(cmd)
            if not data:
                rows.append((name, f"FAILED: {last}"))
                continue
            rows.append((name, f"{data['step']} steps, {data['steps_per_second']:.2f} steps/s (steps alone), dev "
                               f"spearman {data['best_metric']:.4f}; {seconds:.0f}s launch to exit"))
        seconds, data, last = run([sys.executable, *train_cmd(tmp / "oom", 2, 1_000_000, ["--max-seq-length", "256"])])
        rows.append(("out of memory message", last[:200]))
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}} | {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
