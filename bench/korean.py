"""The Korean preset measured: KorSTS dev Spearman and English-Korean translation retrieval of the
bundled (English) model untrained, after KorSTS only, after distillation only, and after
distillation then KorSTS; with the time of each step on this machine.

Distillation is also run by sentence-transformers (``old_fit`` with its ``MSELoss`` on the same
parallel pairs, teacher embeddings, batch size, lr, warm-up, seed and threads) as the peer; its
model is evaluated the same way. (Its MSELoss averages the source and translation terms where ours
sums them; AdamW makes the two nearly equivalent.)

    nice -n 5 python bench/korean.py                       # the full preset (all pairs)
    nice -n 5 python bench/korean.py --distill-pairs 3200 --korsts-pairs 1600 --dev-pairs 500
                                                           # shortened (printed as such)

Raw output: bench/results/korean.txt.
"""

from __future__ import annotations

import argparse
import math
import os
import random
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
        return f"load average {os.getloadavg()}"


def sample(n_total: int, n: int, seed: int) -> list[int]:
    if n <= 0 or n >= n_total:
        return list(range(n_total))
    return sorted(random.Random(seed).sample(range(n_total), n))


def write_sts(ds, idx, path: Path) -> Path:
    lines = ["sentence1\tsentence2\tscore"]
    lines += [f"{ds.sentence1[i]}\t{ds.sentence2[i]}\t{float(ds.scores[i]):.4f}" for i in idx]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_parallel(par, idx, path: Path) -> Path:
    lines = ["english\tkorean"] + [f"{par.source[i]}\t{par.target[i]}" for i in idx]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def evaluate(model_dir: str, sts_dev, par_dev, max_len: int) -> dict:
    from sbert_desktop.core.evaluation import evaluate_sts_bi
    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.training.distill import translation_accuracy

    t = time.perf_counter()
    model = BiEncoder.load(model_dir, max_seq_length=max_len, device="cpu")
    sts = evaluate_sts_bi(model, sts_dev, 64)
    src, tgt = model.encode(par_dev.source, 64), model.encode(par_dev.target, 64)
    s2t, t2s = translation_accuracy(src, tgt)
    return {"spearman": sts["spearman"], "pearson": sts["pearson"], "en2ko": s2t, "ko2en": t2s,
            "eval_seconds": time.perf_counter() - t}


def train_ours(label: str, **kw) -> dict:
    from sbert_desktop.core.training import TrainConfig, train

    cfg = TrainConfig(encoder="bi", device="cpu", **kw)
    wall = time.perf_counter()
    result = train(cfg)
    wall = time.perf_counter() - wall
    print(f"  [{label}] {result.step} steps, training {result.train_seconds:.0f}s "
          f"({result.steps_per_second:.3f} steps/s), wall {wall:.0f}s (with teacher embeddings, saving)", flush=True)
    return {"steps": result.step, "train_seconds": result.train_seconds, "wall": wall, "dir": str(result.out_dir)}


def distill_reference(args, teacher_path: str, par, out: Path) -> dict:
    """sentence-transformers' own distillation loop on the same pairs (the peer)."""
    import numpy as np
    import torch
    from sentence_transformers import InputExample, SentenceTransformer
    from sentence_transformers.sentence_transformer.losses import MSELoss
    from torch.utils.data import DataLoader

    wall = time.perf_counter()
    teacher = SentenceTransformer(teacher_path, device="cpu")
    teacher.max_seq_length = args.max_seq_length
    emb = teacher.encode(par.source, batch_size=64, convert_to_numpy=True, show_progress_bar=False)
    torch.manual_seed(args.seed)
    student = SentenceTransformer(teacher_path, device="cpu")
    student.max_seq_length = args.max_seq_length
    examples = [InputExample(texts=[s, t], label=np.asarray(e)) for s, t, e in zip(par.source, par.target, emb)]
    loader = DataLoader(examples, shuffle=True, batch_size=args.batch_size,
                        generator=torch.Generator().manual_seed(args.seed))
    steps = len(loader) * args.distill_epochs
    start = time.perf_counter()
    student.old_fit(train_objectives=[(loader, MSELoss(student))], epochs=args.distill_epochs,
                    warmup_steps=math.ceil(0.1 * steps), optimizer_params={"lr": args.lr}, weight_decay=0.01,
                    max_grad_norm=1.0, show_progress_bar=False)
    seconds = time.perf_counter() - start
    student.save(str(out))
    wall = time.perf_counter() - wall
    print(f"  [distill, sentence-transformers] {steps} steps, training {seconds:.0f}s "
          f"({steps / seconds:.3f} steps/s), wall {wall:.0f}s", flush=True)
    return {"steps": steps, "train_seconds": seconds, "wall": wall, "dir": str(out)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--distill-pairs", type=int, default=0, help="parallel training pairs (0: all 10,536)")
    parser.add_argument("--korsts-pairs", type=int, default=0, help="KorSTS training pairs (0: all 5,749)")
    parser.add_argument("--dev-pairs", type=int, default=0, help="KorSTS dev pairs evaluated (0: all 1,500)")
    parser.add_argument("--parallel-dev", type=int, default=1000, help="parallel dev pairs for retrieval (0: all)")
    parser.add_argument("--distill-epochs", type=int, default=1)
    parser.add_argument("--korsts-epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--distill-lr", type=float, default=None, help="default: --lr")
    parser.add_argument("--max-seq-length", type=int, default=128)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-reference", action="store_true", help="skip the sentence-transformers peer")
    parser.add_argument("--keep", type=Path, help="keep the run folders here")
    args = parser.parse_args()

    import torch

    from sbert_desktop.core.data import read_pairs
    from sbert_desktop.core.data.parallel import read_parallel
    from sbert_desktop.core.models import default_model_path

    t_all = time.perf_counter()
    korsts_train = read_pairs(args.data / "korsts/sts-train.tsv")
    korsts_dev = read_pairs(args.data / "korsts/sts-dev.tsv")
    par_train = read_parallel(args.data / "parallel/en-ko-train.tsv")
    par_dev = read_parallel(args.data / "parallel/en-ko-dev.tsv").one_to_one()
    dev_idx = sample(len(korsts_dev), args.dev_pairs, args.seed)
    korsts_dev = korsts_dev.subset(dev_idx)
    par_dev = par_dev.subset(sample(len(par_dev), args.parallel_dev, args.seed))
    d_idx = sample(len(par_train), args.distill_pairs, args.seed)
    k_idx = sample(len(korsts_train), args.korsts_pairs, args.seed)
    shortened = len(d_idx) < len(par_train) or len(k_idx) < len(korsts_train) or len(dev_idx) < 1500
    print(f"{'SHORTENED run' if shortened else 'full preset'}: distillation on {len(d_idx):,} of {len(par_train):,} "
          f"parallel pairs x {args.distill_epochs} epoch(s), KorSTS on {len(k_idx):,} of {len(korsts_train):,} "
          f"pairs x {args.korsts_epochs} epoch(s); KorSTS dev {len(korsts_dev):,} pairs, translation retrieval on "
          f"{len(par_dev):,} one-to-one parallel dev pairs; batch {args.batch_size}, lr {args.lr}, "
          f"max_seq_length {args.max_seq_length}, seed {args.seed}; torch {torch.__version__}, "
          f"threads {torch.get_num_threads()}, cpus {os.cpu_count()}", flush=True)
    print(f"uptime at start: {uptime()}", flush=True)
    default = str(default_model_path())
    rows: list[tuple[str, dict, dict | None]] = []

    def report(name: str, ev: dict, tr: dict | None) -> None:
        rows.append((name, ev, tr))
        took = f"; training {tr['train_seconds']:.0f}s, wall {tr['wall']:.0f}s" if tr else ""
        print(f"{name:<40} KorSTS dev spearman {ev['spearman']:.4f} (pearson {ev['pearson']:.4f}); "
              f"retrieval en->ko {ev['en2ko']:.3f} ko->en {ev['ko2en']:.3f}; eval {ev['eval_seconds']:.0f}s{took}",
              flush=True)

    keep = args.keep
    with tempfile.TemporaryDirectory(prefix="bench-korean-") as tmp:
        tmp = Path(tmp)
        base = keep or tmp
        base.mkdir(parents=True, exist_ok=True)
        ktrain = write_sts(korsts_train, k_idx, tmp / "korsts-train.tsv")
        ptrain = write_parallel(par_train, d_idx, tmp / "parallel-train.tsv")
        common = dict(batch_size=args.batch_size, max_seq_length=args.max_seq_length, seed=args.seed)

        report("untrained (bundled all-MiniLM-L6-v2)", evaluate(default, korsts_dev, par_dev, args.max_seq_length), None)
        tr = train_ours("KorSTS only", task="sts", model="default", train_file=str(ktrain), out_dir=str(base / "korsts"),
                        epochs=args.korsts_epochs, lr=args.lr, **common)
        report(f"KorSTS only, {args.korsts_epochs} epoch(s)", evaluate(tr["dir"], korsts_dev, par_dev, args.max_seq_length), tr)
        tr = train_ours("distill", task="distill", model="default", train_file=str(ptrain),
                        out_dir=str(base / "distill"), epochs=args.distill_epochs, lr=args.distill_lr or args.lr,
                        **common)
        distilled = tr["dir"]
        report("distillation only", evaluate(distilled, korsts_dev, par_dev, args.max_seq_length), tr)
        tr2 = train_ours("distill then KorSTS", task="sts", model=distilled, train_file=str(ktrain),
                         out_dir=str(base / "distill-korsts"), epochs=args.korsts_epochs, lr=args.lr, **common)
        total = {"train_seconds": tr["train_seconds"] + tr2["train_seconds"], "wall": tr["wall"] + tr2["wall"]}
        report("distillation then KorSTS (the preset)", evaluate(tr2["dir"], korsts_dev, par_dev, args.max_seq_length), total)
        if not args.no_reference:
            args.lr = args.distill_lr or args.lr
            ref = distill_reference(args, default, par_train.subset(d_idx), base / "distill-st")
            report("distillation only, sentence-transformers", evaluate(ref["dir"], korsts_dev, par_dev,
                                                                       args.max_seq_length), ref)
            ours = next(t for n, _, t in rows if n == "distillation only")
            ratio = (ours["steps"] / ours["train_seconds"]) / (ref["steps"] / ref["train_seconds"])
            print(f"distillation speed ratio sbert-desktop / sentence-transformers: {ratio:.2f}x (training steps only)")
    print(f"uptime at end: {uptime()}; total {time.perf_counter() - t_all:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
