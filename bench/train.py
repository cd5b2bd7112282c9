"""Training speed and quality: SBERT Desktop's engine against sentence-transformers' training loop.

The same configuration (model, data, batch size, lr, linear warm-up over 10% of the steps, weight
decay, gradient clipping, max sequence length, seed, 1 epoch) trained by both, in one process, on
the same machine. Both are timed the same way: the whole training call, from loading the starting
model through tokenisation, every step, to the saved model (this engine: one ``train(cfg)`` call;
sentence-transformers: model load, examples, ``old_fit``, ``save``). Prints steps/s over that time
for each, their ratio, this engine's steps-only time besides, the load average (``uptime``), and
each one's dev metric at the end (Spearman of cosine for bi-encoders, of the score for
cross-encoders; evaluation is not timed).

The reference is sentence-transformers' ``old_fit`` loop (the SBERT paper's trainer;
``SentenceTransformerTrainer`` needs the ``datasets`` and ``accelerate`` packages, which this
project does not install). Data order differs between the two (each shuffles with its own
generator), so dev metrics agree within noise, not exactly.

    python bench/train.py                       # bi-encoder, cosine loss, first 60 steps of STS-B train
    python bench/train.py --max-steps 0         # the full epoch (360 steps at batch 16)
    python bench/train.py --encoder cross       # cross-encoder from the default model's weights, BCE
    python bench/train.py --only ours|reference
    python bench/train.py --max-steps 0 --ours unfused,plain,grouped   # the AdamW and batching ablations
    python bench/train.py --encoder cross --max-steps 0 --keep runs/stsb-ce   # keep our model
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "stsb-en"


def write_subset(ds, n: int, path: Path) -> Path:
    """The first ``n`` pairs as a generic TSV (score on the 0-5 scale) that both trainers read."""
    lines = ["sentence1\tsentence2\tscore"]
    for a, b, s in list(zip(ds.sentence1, ds.sentence2, ds.scores))[:n]:
        lines.append(f"{a}\t{b}\t{float(s):.4f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_ours(args, train_file: Path, dev, out: Path, variant: str = "plain") -> dict:
    """``variant``: plain, grouped (length-grouped batches) or unfused (plain, with torch's default
    for-loop AdamW instead of the fused kernel the engine uses: the ablation of that choice)."""
    from sbert_desktop.core.evaluation import evaluate_sts_bi, evaluate_sts_cross
    import torch

    from sbert_desktop.core.training import TrainConfig, run_setup, train

    grouped = variant == "grouped"
    fused = run_setup._adamw
    if variant == "unfused":
        run_setup._adamw = lambda groups, lr, device: torch.optim.AdamW(groups, lr=lr)

    cfg = TrainConfig(encoder=args.encoder, task="sts", model=args.model, train_file=str(train_file),
                      out_dir=str(out), epochs=1, batch_size=args.batch_size, lr=args.lr, warmup_ratio=0.1,
                      weight_decay=0.01, max_grad_norm=1.0, max_seq_length=args.max_seq_length, seed=args.seed,
                      device="cpu", length_grouped=grouped)
    wall = time.perf_counter()
    try:
        result = train(cfg)  # loads the model, tokenizes, trains, saves: the whole call is timed
    finally:
        run_setup._adamw = fused
    wall = time.perf_counter() - wall
    from sbert_desktop.core.models import BiEncoder, CrossEncoder

    if args.encoder == "bi":
        metric = evaluate_sts_bi(BiEncoder.load(out, device="cpu"), dev, 64)
    else:
        metric = evaluate_sts_cross(CrossEncoder.load(out, device="cpu"), dev, 64)
    return {"steps": result.step, "seconds": wall, "steps_only": result.train_seconds, **metric}


def run_reference(args, train_ds, dev, out: Path) -> dict:
    import torch
    from torch.utils.data import DataLoader

    from sbert_desktop.core.evaluation import correlations
    from sbert_desktop.core.models import default_model_path

    model_path = str(default_model_path()) if args.model == "default" else args.model
    torch.manual_seed(args.seed)
    start = time.perf_counter()  # the same span as this engine's train(): load, tokenize, train, save
    if args.encoder == "bi":
        from sentence_transformers import InputExample, SentenceTransformer
        from sentence_transformers.sentence_transformer.losses import CosineSimilarityLoss

        model = SentenceTransformer(model_path, device="cpu")
    else:
        from sentence_transformers import CrossEncoder, InputExample

        model = CrossEncoder(model_path, num_labels=1, device="cpu")
    model.max_seq_length = args.max_seq_length
    targets = train_ds.normalized_scores()
    examples = [InputExample(texts=[a, b], label=float(y))
                for a, b, y in zip(train_ds.sentence1, train_ds.sentence2, targets)]
    loader = DataLoader(examples, shuffle=True, batch_size=args.batch_size,
                        generator=torch.Generator().manual_seed(args.seed))
    steps = len(loader)
    warmup = math.ceil(0.1 * steps)
    common = dict(epochs=1, warmup_steps=warmup, optimizer_params={"lr": args.lr}, weight_decay=0.01,
                  max_grad_norm=1.0, show_progress_bar=False)
    if args.encoder == "bi":
        model.old_fit(train_objectives=[(loader, CosineSimilarityLoss(model))], **common)
    else:
        model.old_fit(train_dataloader=loader, **common)
    model.save(str(out))
    seconds = time.perf_counter() - start
    model.eval()
    with torch.inference_mode():
        if args.encoder == "bi":
            emb1 = model.encode(dev.sentence1, batch_size=64, convert_to_numpy=True, show_progress_bar=False)
            emb2 = model.encode(dev.sentence2, batch_size=64, convert_to_numpy=True, show_progress_bar=False)
            from sbert_desktop.core.evaluation import cosine_scores

            predicted = cosine_scores(emb1, emb2)
        else:
            predicted = model.predict(dev.pairs(), batch_size=64, show_progress_bar=False)
    return {"steps": steps, "seconds": seconds, **correlations(predicted, dev.scores)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", choices=("bi", "cross"), default="bi")
    parser.add_argument("--model", default="default")
    parser.add_argument("--train", type=Path, default=DATA / "sts-train.csv")
    parser.add_argument("--dev", type=Path, default=DATA / "sts-dev.csv")
    parser.add_argument("--max-steps", type=int, default=60,
                        help="train on the first N x batch-size pairs (one epoch of N steps); 0: all")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--max-seq-length", type=int, default=128)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--only", choices=("ours", "reference"))
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's)")
    parser.add_argument("--ours", default="plain",
                        help="this engine's variants, comma-separated, in order: plain, grouped (train "
                             "--group-by-length), unfused (plain with torch's default AdamW, not the fused one) "
                             "(default: %(default)s)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep this engine's trained model in DIR (e.g. for sbert-desktop evaluate)")
    args = parser.parse_args()

    import torch

    from sbert_desktop.core.data import read_pairs

    if args.threads:
        torch.set_num_threads(args.threads)
    train_ds = read_pairs(args.train, task="sts")
    dev = read_pairs(args.dev, task="sts")
    n = len(train_ds) if args.max_steps <= 0 else min(len(train_ds), args.max_steps * args.batch_size)
    train_ds = train_ds.subset(range(n))
    print(f"{args.encoder}-encoder, STS-B train {n} pairs, batch {args.batch_size}, lr {args.lr}, "
          f"max_seq_length {args.max_seq_length}, 1 epoch, seed {args.seed}, torch {torch.__version__}, "
          f"threads {torch.get_num_threads()}, cpus {os.cpu_count()}", flush=True)
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-train-") as tmp:
        tmp = Path(tmp)
        train_file = write_subset(train_ds, n, tmp / "train.tsv")
        variants = [v.strip() for v in args.ours.split(",") if v.strip()]
        if args.only != "reference":
            for variant in variants:
                name = "sbert-desktop" + ("" if variant == "plain" else f", {variant}")
                results[name] = run_ours(args, train_file, dev, tmp / f"ours-{variant}", variant)
                _report(name, results[name])
                if args.keep and variant == variants[0]:
                    import shutil

                    shutil.copytree(tmp / f"ours-{variant}", args.keep, dirs_exist_ok=True)
        if args.only != "ours":
            results["sentence-transformers"] = run_reference(args, read_pairs(train_file, task="sts"), dev,
                                                             tmp / "ref")
            _report("sentence-transformers", results["sentence-transformers"])
    ref = results.get("sentence-transformers")
    for name, ours in results.items():
        if ref is None or ours is ref:
            continue
        ratio = (ours["steps"] / ours["seconds"]) / (ref["steps"] / ref["seconds"])
        print(f"speed ratio {name} / sentence-transformers (whole training call): {ratio:.2f}x; dev spearman "
              f"{ours['spearman']:.4f} vs {ref['spearman']:.4f} (difference {ours['spearman'] - ref['spearman']:+.4f})")


def _report(name: str, r: dict) -> None:
    steps_only = f" (steps alone {r['steps_only']:.1f}s)" if "steps_only" in r else ""
    print(f"{name:>22}: {r['steps']} steps, whole training call {r['seconds']:.1f}s = "
          f"{r['steps'] / r['seconds']:.3f} steps/s{steps_only}; dev pearson {r['pearson']:.4f} "
          f"spearman {r['spearman']:.4f}; {_uptime()}", flush=True)


def _uptime() -> str:
    import subprocess

    try:
        return "load " + subprocess.run(["uptime"], capture_output=True, text=True).stdout.split("load average:")[-1].strip()
    except OSError:
        return "load unknown"


if __name__ == "__main__":
    main()
