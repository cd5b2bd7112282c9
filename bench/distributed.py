"""Data-parallel training speed: 1 process against 2 (torch.distributed, gloo on CPU) on this machine.

The same work for every variant: the bundled bi-encoder, the first N x batch pairs of STS-B train,
cosine loss, global batch 16, lr 2e-5, max_seq_length 128, 1 epoch, seed 42, no dev set. Each
variant is one fresh process tree, timed the same way from launch to exit (imports, model load,
tokenisation, steps, saving): ``sbert-desktop train`` (1 process), ``sbert-desktop train --nproc 2``
(torchrun, 2 ranks, one thread each) and sentence-transformers' ``old_fit`` loop in one process
(its DDP path needs ``SentenceTransformerTrainer`` with ``accelerate`` and ``datasets``, which this
project does not install, so the peer figure is its single process). Our steps-only rate (time
inside the steps, from the run's own clock) is printed besides.

On a 2-core machine shared with other work, 2 processes cannot show scaling: both ranks compete for
the same two cores that one process already uses with two threads; the figure shows the cost of
the gathers and gradient all-reduce, not what a GPU per rank gives.

    nice -n 5 python bench/distributed.py [--max-steps 20] [--repeats 2] > bench/results/distributed.txt
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "stsb-en"

PEER = r"""
import math, sys, torch
from torch.utils.data import DataLoader
from sentence_transformers import InputExample, SentenceTransformer
from sentence_transformers.sentence_transformer.losses import CosineSimilarityLoss
from sbert_desktop.core.data import read_pairs
from sbert_desktop.core.models import default_model_path
train_file, out, bs = sys.argv[1], sys.argv[2], int(sys.argv[3])
torch.manual_seed(42)
model = SentenceTransformer(str(default_model_path()), device="cpu")
model.max_seq_length = 128
ds = read_pairs(train_file, task="sts")
examples = [InputExample(texts=[a, b], label=float(y)) for a, b, y in zip(ds.sentence1, ds.sentence2, ds.normalized_scores())]
loader = DataLoader(examples, shuffle=True, batch_size=bs, generator=torch.Generator().manual_seed(42))
model.old_fit(train_objectives=[(loader, CosineSimilarityLoss(model))], epochs=1, warmup_steps=math.ceil(0.1 * len(loader)),
              optimizer_params={"lr": 2e-5}, weight_decay=0.01, max_grad_norm=1.0, show_progress_bar=False)
model.save(out)
print(len(loader))
"""


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "uptime unavailable"


def timed(cmd: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    return seconds, proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-steps", type=int, default=20, help="steps (N x batch pairs of STS-B train)")
    parser.add_argument("--batch-size", type=int, default=16, help="global batch")
    parser.add_argument("--only", choices=("ours", "peer"))
    parser.add_argument("--repeats", type=int, default=2,
                        help="run the variants this many times in turn; the summary takes each one's fastest "
                             "(the least disturbed by other work on a shared machine)")
    args = parser.parse_args()

    import torch

    from bench.train import write_subset
    from sbert_desktop.core.data import read_pairs

    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    n = args.max_steps * args.batch_size
    print(f"STS-B train first {n} pairs, bundled model, cosine loss, global batch {args.batch_size}, 1 epoch = "
          f"{args.max_steps} steps, max_seq_length 128; torch {torch.__version__}, cpus {os.cpu_count()}")
    print(uptime(), flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-dist-") as tmp:
        tmp = Path(tmp)
        train_file = write_subset(read_pairs(DATA / "sts-train.csv", task="sts"), n, tmp / "train.tsv")
        base = [sys.executable, "-m", "sbert_desktop", "train", "--encoder", "bi", "--task", "sts", "--loss", "cosine",
                "--train", str(train_file), "--batch-size", str(args.batch_size), "--epochs", "1",
                "--max-seq-length", "128", "--device", "cpu", "--quiet", "--json"]
        variants = []
        if args.only != "peer":
            variants += [("sbert-desktop, 1 process", base + ["--out", str(tmp / "one")], None),
                         ("sbert-desktop, 2 processes (gloo)", base + ["--out", str(tmp / "two"), "--nproc", "2"], None)]
        if args.only != "ours":
            variants.append(("sentence-transformers, 1 process",
                             [sys.executable, "-c", PEER, str(train_file), str(tmp / "peer"), str(args.batch_size)], "peer"))
        for name, cmd, kind in [v for _ in range(args.repeats) for v in variants]:
            import shutil

            shutil.rmtree(cmd[cmd.index("--out") + 1] if "--out" in cmd else cmd[-2], ignore_errors=True)
            seconds, proc = timed(cmd, env)
            if kind == "peer":
                steps, steps_only = int(proc.stdout.strip().splitlines()[-1]), None
            else:
                out = json.loads(proc.stdout[proc.stdout.index("{"): proc.stdout.rindex("}") + 1])
                steps, steps_only = out["step"], out["steps_per_second"]
            row = {"name": name, "steps": steps, "seconds": seconds, "steps_s": steps / seconds,
                   "samples_s": steps * args.batch_size / seconds, "steps_only": steps_only}
            rows.append(row)
            extra = f"; steps alone {steps_only:.3f} steps/s" if steps_only else ""
            print(f"{name:>36}: {steps} steps in {seconds:.1f}s (launch to exit) = {row['steps_s']:.3f} steps/s, "
                  f"{row['samples_s']:.1f} samples/s{extra}", flush=True)
            print(f"{'':>36}  {uptime()}", flush=True)
    by: dict = {}
    for r in rows:  # each variant's fastest run
        if r["name"] not in by or r["steps_s"] > by[r["name"]]["steps_s"]:
            by[r["name"]] = r
    one, two = by.get("sbert-desktop, 1 process"), by.get("sbert-desktop, 2 processes (gloo)")
    peer = by.get("sentence-transformers, 1 process")
    print("summary (each variant's fastest run):")
    if one and two:
        print(f"2 processes / 1 process (launch to exit): {two['steps_s'] / one['steps_s']:.2f}x; steps alone: "
              f"{two['steps_only'] / one['steps_only']:.2f}x (2 shared cores: no scaling is possible here)")
    if one and peer:
        print(f"sbert-desktop 1 process / sentence-transformers 1 process (launch to exit): "
              f"{one['steps_s'] / peer['steps_s']:.2f}x")


if __name__ == "__main__":
    main()
