"""A cross-encoder recipe against the bi-encoder it starts from, on STS-B dev.

Stage 1 (optional): a 3-way NLI cross-encoder from the bundled weights (softmax + cross-entropy).
Stage 2 (optional, ``--silver N``; the preset uses 12,000): N new pairs of STS-B *train* sentences
scored by the bundled bi-encoder (``sbert_desktop.core.training.silver``), one epoch of an STS
cross-encoder (sigmoid + BCE) on them from stage 1's encoder (its 3-way head replaced by a new
one-output head).
Stage 3: the STS cross-encoder on STS-B train, evaluated on STS-B dev after every epoch; the best
epoch is kept. Prints the bundled bi-encoder's dev Spearman (cosine, mean pooling) in the same run, the
cross-encoder's, each stage's wall time and the machine's load average.

The shared data has no SNLI train split, so the NLI stage trains on the SNLI dev file (9,842
pairs); nothing of STS-B dev is seen in training.

    nice -n 5 python bench/cross_preset.py --silver 12000 --keep runs/ce-preset | tee bench/results/cross-preset.txt
    python bench/cross_preset.py --no-nli --sts-epochs 1          # the one-stage baseline
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "uptime unavailable"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nli", type=Path, default=DATA / "snli" / "validation.tsv")
    parser.add_argument("--no-nli", action="store_true", help="skip stage 1")
    parser.add_argument("--evaluate-only", type=Path, metavar="DIR",
                        help="no training: score the cross-encoder in DIR on the dev set in one order and in both "
                             "orders averaged (how a model trained with both orders scores), beside the bi-encoder")
    parser.add_argument("--nli-model", type=Path, metavar="DIR",
                        help="stage 1's model saved by an earlier run of this bench: skip stage 1 and start from it")
    parser.add_argument("--nli-steps", type=int, default=0, help="stop stage 1 after N steps (0: one epoch)")
    parser.add_argument("--train", type=Path, default=DATA / "stsb-en" / "sts-train.csv")
    parser.add_argument("--dev", type=Path, default=DATA / "stsb-en" / "sts-dev.csv")
    parser.add_argument("--sts-epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--nli-lr", type=float, default=None, help="stage 1 learning rate (default: --lr)")
    parser.add_argument("--one-order", action="store_true", help="stage 3 on (a, b) only, not also (b, a)")
    parser.add_argument("--silver", type=int, default=0, metavar="N",
                        help="stage 2: N silver pairs scored by the bi-encoder (0: no stage 2; the preset: 12000)")
    parser.add_argument("--silver-lr", type=float, default=4e-5, help="stage 2 learning rate")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the final cross-encoder in DIR")
    args = parser.parse_args()

    import torch

    from sbert_desktop.core.data import read_pairs
    from sbert_desktop.core.evaluation import evaluate_sts_bi
    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.training import TrainConfig, train

    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, cpus {os.cpu_count()}", flush=True)
    print(f"start: {uptime()}", flush=True)
    dev = read_pairs(args.dev, task="sts")
    t = time.perf_counter()
    bi = evaluate_sts_bi(BiEncoder.load("default", device="cpu"), dev, 64)
    print(f"bi-encoder (bundled, mean pooling) STS-B dev: pearson {bi['pearson']:.4f} spearman {bi['spearman']:.4f} "
          f"({time.perf_counter() - t:.0f}s)", flush=True)
    if args.evaluate_only:
        from sbert_desktop.core.evaluation import evaluate_sts_cross
        from sbert_desktop.core.models import CrossEncoder

        ce = CrossEncoder.load(str(args.evaluate_only), device="cpu")
        for symmetric in (False, True):
            ce.symmetric = symmetric
            t = time.perf_counter()
            r = evaluate_sts_cross(ce, dev, 64)
            how = "both orders averaged" if symmetric else "(a, b) only"
            print(f"cross-encoder {args.evaluate_only}, {how}: pearson {r['pearson']:.4f} spearman {r['spearman']:.4f} "
                  f"({time.perf_counter() - t:.0f}s); vs bi-encoder {100 * (r['spearman'] - bi['spearman']):+.2f} points",
                  flush=True)
        print(f"end: {uptime()}", flush=True)
        return
    common = dict(encoder="cross", batch_size=args.batch_size, lr=args.lr, seed=args.seed, device="cpu",
                  max_seq_length=None, warmup_ratio=0.1, weight_decay=0.01, max_grad_norm=1.0)
    with tempfile.TemporaryDirectory(prefix="bench-ce-") as tmp:
        tmp = Path(tmp)
        start = "default"
        if args.nli_model:
            start = str(args.nli_model)
            print(f"stage 1 NLI: the saved model {args.nli_model} (trained by an earlier run of this bench)", flush=True)
        elif not args.no_nli:
            nli_common = dict(common, lr=args.nli_lr or args.lr)
            cfg = TrainConfig(task="nli", model="default", train_file=str(args.nli), out_dir=str(tmp / "nli"),
                              epochs=1, max_steps=args.nli_steps or None, **nli_common)
            t = time.perf_counter()
            res = train(cfg)
            print(f"stage 1 NLI ({args.nli.name}): {res.step} steps, {time.perf_counter() - t:.0f}s wall, "
                  f"{res.train_seconds:.0f}s in steps; {uptime()}", flush=True)
            start = str(res.model_dir)
        if args.silver:
            from sbert_desktop.core.training.silver import make_silver_pairs

            t = time.perf_counter()
            rep = make_silver_pairs("default", args.train, tmp / "silver-pairs.tsv", args.silver, args.seed,
                                    device="cpu")
            made = time.perf_counter() - t
            print(f"stage 2 silver pairs: {rep.pairs} pairs of {rep.sentences} STS-B train sentences scored by the "
                  f"bi-encoder (score = {rep.slope:.3f} x cosine {rep.intercept:+.3f}), {made:.0f}s", flush=True)
            cfg = TrainConfig(task="sts", model=start, train_file=str(rep.path), dev_file=str(args.dev),
                              out_dir=str(tmp / "silver"), epochs=1, **dict(common, lr=args.silver_lr))
            t = time.perf_counter()
            res = train(cfg)
            print(f"stage 2 silver run: {res.step} steps, {time.perf_counter() - t:.0f}s wall, "
                  f"{res.train_seconds:.0f}s in steps; dev spearman {res.best_metric:.4f}; {uptime()}", flush=True)
            start = str(res.model_dir)
        out = args.keep or tmp / "sts"
        cfg = TrainConfig(task="sts", model=start, train_file=str(args.train), dev_file=str(args.dev),
                          out_dir=str(out), epochs=args.sts_epochs, both_orders=not args.one_order, **common)
        t = time.perf_counter()
        res = train(cfg)
        wall = time.perf_counter() - t
        for h in res.history:
            if "dev" in h or "spearman" in str(h):
                print(f"  eval {h}", flush=True)
        print(f"stage 3 STS-B: {res.step} steps, {wall:.0f}s wall, {res.train_seconds:.0f}s in steps; "
              f"best dev spearman {res.best_metric:.4f} at step {res.best_step}; {uptime()}", flush=True)
        recipe = ("NLI (SNLI dev, 1 epoch) then " if not args.no_nli else "") + \
                 (f"{args.silver} silver pairs 1 epoch lr {args.silver_lr} then " if args.silver else "") + \
                 f"STS-B train {'(a, b) only' if args.one_order else 'both orders'} {args.sts_epochs} epoch(s), " \
                 f"lr {args.lr}, batch {args.batch_size}, seed {args.seed}"
        diff = res.best_metric - bi["spearman"]
        print(f"recipe: {recipe}\ncross-encoder dev spearman {res.best_metric:.4f} vs bi-encoder {bi['spearman']:.4f} "
              f"({100 * diff:+.2f} points)", flush=True)


if __name__ == "__main__":
    main()
