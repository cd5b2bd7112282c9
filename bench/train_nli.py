"""NLI with the training engine: a bi-encoder (softmax head) and a cross-encoder trained on part of
SNLI dev and evaluated on the rest (split by premise, so no premise is in both parts).

Prints each one's accuracy and macro-F1 on the held-out part, and the bi-encoder's accuracy again
from its classifier head reloaded from disk (``predict_nli``), which must be the same.

    python bench/train_nli.py                        # 2,400 training pairs (150 steps), 1,500 held out
    python bench/train_nli.py --train-pairs 6000 --eval-pairs 3842 --max-steps 0
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SNLI = ROOT.parent / "shared" / "data" / "snli" / "validation.tsv"
LABELS = ("entailment", "neutral", "contradiction")


def split_by_premise(ds, n_train: int, n_eval: int):
    premises: dict[str, list[int]] = {}
    for i, p in enumerate(ds.sentence1):
        premises.setdefault(p, []).append(i)
    train, held = [], []
    for rows in premises.values():
        (train if len(train) < n_train else held).extend(rows)
    return train, held[:n_eval]


def write_tsv(ds, rows, path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["sentence1", "sentence2", "label"])
        for i in rows:
            w.writerow([ds.sentence1[i], ds.sentence2[i], LABELS[int(ds.labels[i])]])
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SNLI)
    parser.add_argument("--train-pairs", type=int, default=2400)
    parser.add_argument("--eval-pairs", type=int, default=1500)
    parser.add_argument("--max-steps", type=int, default=0, help="0: one full epoch of the training part")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--model", default="default")
    parser.add_argument("--only", choices=("bi", "cross"))
    parser.add_argument("--out", type=Path, help="keep the trained models here (default: a temporary folder)")
    args = parser.parse_args()

    from sbert_desktop.core.data import read_pairs
    from sbert_desktop.core.training import TrainConfig, predict_nli, train

    ds = read_pairs(args.data)
    train_rows, eval_rows = split_by_premise(ds, args.train_pairs, args.eval_pairs)
    tmp_ctx = tempfile.TemporaryDirectory(prefix="bench-nli-")
    base = args.out or Path(tmp_ctx.name)
    base.mkdir(parents=True, exist_ok=True)
    train_file = write_tsv(ds, train_rows, base / "snli-train-part.tsv")
    eval_file = write_tsv(ds, eval_rows, base / "snli-heldout-part.tsv")
    held = read_pairs(eval_file)
    assert len(held) == len(eval_rows) and len(read_pairs(train_file)) == len(train_rows)
    print(f"SNLI dev: {len(train_rows)} training pairs, {len(held)} held-out pairs (disjoint premises)", flush=True)

    for encoder in ("bi", "cross"):
        if args.only and args.only != encoder:
            continue
        out = base / f"{encoder}-nli"
        cfg = TrainConfig(encoder=encoder, task="nli", model=args.model, train_file=str(train_file),
                          dev_file=str(eval_file), out_dir=str(out), epochs=1, batch_size=args.batch_size,
                          lr=args.lr, max_steps=args.max_steps or None, device="cpu")
        start = time.perf_counter()
        result = train(cfg)
        wall = time.perf_counter() - start
        row = result.history[-1]
        print(f"{encoder}-encoder ({cfg.loss_name}): {result.step} steps, {result.steps_per_second:.2f} steps/s, "
              f"{wall:.0f}s in all; held-out accuracy {row['accuracy']:.4f} macro-F1 {row['macro_f1']:.4f} "
              f"(best {result.best_metric:.4f} at step {result.best_step})", flush=True)
        if encoder == "bi":
            pred = predict_nli(out, held.pairs(), device="cpu")
            acc = float((pred["label_ids"] == held.labels).mean())
            print(f"bi-encoder head reloaded from {out.name}/nli_head: accuracy {acc:.4f} "
                  f"({'same' if abs(acc - result.best_metric) < 1e-9 else 'DIFFERENT'})", flush=True)
    tmp_ctx.cleanup()


if __name__ == "__main__":
    main()
