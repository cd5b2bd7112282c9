"""Retrieval training with and without mined hard negatives: SBERT Desktop against sentence-transformers.

Data: SNLI validation (the copy in ../shared/data/snli). Each premise with an entailed hypothesis
gives an (anchor, positive) pair. Premises are split (seeded): a held-out set of premises is the
evaluation — queries are those premises, the corpus is every hypothesis written for them
(entailed, neutral and contradicting: the distractors are hard), a hit is an entailed hypothesis
of the query's premise — and (premise, entailed hypothesis) pairs of the other premises train.

Runs, all from the bundled all-MiniLM-L6-v2 with the same budget (1 epoch, batch, lr 2e-5, 10 %
linear warm-up, weight decay 0.01, clipping 1.0, max length, seed):

    untrained          the starting point
    ours pairs         sbert-desktop: MNRL on the pairs (task pairs)
    ours mined         core.mining.mine_hard_negatives (k negatives from the bi-encoder) + MNRL on triplets
    ST pairs           sentence-transformers: old_fit with MultipleNegativesRankingLoss on the pairs
    ST mined           sentence_transformers.util.mine_hard_negatives + the same MNRL on triplets

Both sides mine from the same corpus (the training positives) with the same untrained model and
no margin. Every run is evaluated by the same function (cosine, recall@10 and MRR@10), each
model's embeddings computed by its own library. Data order differs between the two trainers (each
shuffles with its own generator; ours also keeps duplicate texts out of a batch), so metrics agree
within noise, not exactly. Times are wall-clock seconds on a shared machine (see the uptime lines);
our training time is the whole ``train()`` call (loading the model, tokenizing, the steps), the
reference's only its ``old_fit`` call, so the comparison leans against us.

    nice -n 5 python bench/retrieval.py | tee bench/results/retrieval.txt
    python bench/retrieval.py --train-pairs 500 --queries 200     # quicker
"""

from __future__ import annotations

import argparse
import math
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
SNLI = ROOT.parent / "shared" / "data" / "snli" / "validation.tsv"


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "uptime unavailable"


def build_split(args):
    import numpy as np

    from sbert_desktop.core.data import read_pairs

    ds = read_pairs(SNLI, task="nli")
    groups: dict[str, dict[int, list[str]]] = {}
    for p, h, y in zip(ds.sentence1, ds.sentence2, ds.labels.tolist()):
        groups.setdefault(p, {0: [], 1: [], 2: []})[y].append(h)
    premises = [p for p, g in groups.items() if g[0]]
    order = np.random.default_rng(args.seed).permutation(len(premises))
    held = [premises[i] for i in order[:args.queries]]
    train_premises = [premises[i] for i in order[args.queries:]]
    pairs = [(p, h) for p in train_premises for h in groups[p][0]][:args.train_pairs]
    corpus = list(dict.fromkeys(h for p in held for y in (0, 1, 2) for h in groups[p][y]))
    relevant = [set(groups[p][0]) for p in held]
    return pairs, held, corpus, relevant


def evaluate(encode, queries, corpus, relevant, k: int = 10) -> dict:
    import numpy as np

    q = encode(queries)
    c = encode(corpus)
    q = q / np.linalg.norm(q, axis=1, keepdims=True)
    c = c / np.linalg.norm(c, axis=1, keepdims=True)
    top = np.argsort(-(q @ c.T), axis=1)[:, :k]
    recall, rr = 0.0, 0.0
    for i, row in enumerate(top):
        ranks = [r for r, j in enumerate(row) if corpus[j] in relevant[i]]
        recall += bool(ranks)
        rr += 1.0 / (ranks[0] + 1) if ranks else 0.0
    return {"recall@10": recall / len(queries), "mrr@10": rr / len(queries)}


def write_rows(path: Path, header: list[str], rows) -> Path:
    import csv

    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def train_ours(args, data: Path, task: str, out: Path) -> tuple[object, float]:
    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.training import TrainConfig, train

    cfg = TrainConfig(encoder="bi", task=task, loss="mnrl", model="default", train_file=str(data), out_dir=str(out),
                      epochs=1, batch_size=args.batch_size, lr=args.lr, warmup_ratio=0.1, weight_decay=0.01,
                      max_grad_norm=1.0, max_seq_length=args.max_seq_length, seed=args.seed, device="cpu")
    start = time.perf_counter()
    train(cfg)
    seconds = time.perf_counter() - start
    return BiEncoder.load(out, device="cpu"), seconds


def train_st(args, rows: list[tuple[str, ...]]) -> tuple[object, float]:
    import torch
    from sentence_transformers import InputExample, SentenceTransformer
    from sentence_transformers.sentence_transformer.losses import MultipleNegativesRankingLoss
    from torch.utils.data import DataLoader

    from sbert_desktop.core.models import default_model_path

    torch.manual_seed(args.seed)
    model = SentenceTransformer(str(default_model_path()), device="cpu")
    model.max_seq_length = args.max_seq_length
    loader = DataLoader([InputExample(texts=list(r)) for r in rows], shuffle=True, batch_size=args.batch_size,
                        generator=torch.Generator().manual_seed(args.seed))
    start = time.perf_counter()
    model.old_fit(train_objectives=[(loader, MultipleNegativesRankingLoss(model))], epochs=1,
                  warmup_steps=math.ceil(0.1 * len(loader)), optimizer_params={"lr": args.lr}, weight_decay=0.01,
                  max_grad_norm=1.0, show_progress_bar=False)
    seconds = time.perf_counter() - start
    model.eval()
    return model, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train-pairs", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=400, help="held-out premises (queries)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--max-seq-length", type=int, default=64)
    parser.add_argument("--k", type=int, default=1, help="mined negatives per pair")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.util import mine_hard_negatives as st_mine

    from sbert_desktop.core.mining import mine_hard_negatives
    from sbert_desktop.core.models import BiEncoder, default_model_path

    print(f"start: {uptime()}", flush=True)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; batch {args.batch_size}, lr {args.lr}, "
          f"max length {args.max_seq_length}, 1 epoch, seed {args.seed}, k {args.k}")
    pairs, queries, corpus, relevant = build_split(args)
    print(f"SNLI validation: {len(pairs)} training pairs; held out {len(queries)} queries against "
          f"{len(corpus)} hypotheses ({sum(len(r) for r in relevant)} relevant)", flush=True)
    results: dict[str, dict] = {}

    def report(name: str, row: dict) -> None:  # each run's line as soon as it is known
        results[name] = row
        print(f"{name:<12} recall@10 {row['recall@10']:.4f}  MRR@10 {row['mrr@10']:.4f}  "
              f"train {row.get('train_s', 0):.1f} s  mine {row.get('mine_s', 0):.1f} s  ({uptime()})", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = BiEncoder.load("default", device="cpu", max_seq_length=args.max_seq_length)
        report("untrained", evaluate(lambda t: base.encode(t, batch_size=64), queries, corpus, relevant))

        pair_file = write_rows(tmp / "pairs.tsv", ["anchor", "positive"], pairs)
        model, seconds = train_ours(args, pair_file, "pairs", tmp / "ours-pairs")
        report("ours pairs", {**evaluate(lambda t: model.encode(t, batch_size=64), queries, corpus, relevant),
                              "train_s": seconds})

        start = time.perf_counter()
        mined = mine_hard_negatives([a for a, _ in pairs], [p for _, p in pairs], base, k=args.k, batch_size=64)
        mine_s = time.perf_counter() - start
        trip_file = write_rows(tmp / "triplets.tsv", ["anchor", "positive", "negative"], mined.rows)
        model, seconds = train_ours(args, trip_file, "triplets", tmp / "ours-mined")
        report("ours mined", {**evaluate(lambda t: model.encode(t, batch_size=64), queries, corpus, relevant),
                              "train_s": seconds, "mine_s": mine_s, "triplets": len(mined.rows)})
        print(f"ours: sample triplet {mined.rows[0]}")

        st, seconds = train_st(args, pairs)
        st_encode = lambda m: (lambda t: m.encode(t, batch_size=64, convert_to_numpy=True,  # noqa: E731
                                                   show_progress_bar=False))
        report("ST pairs", {**evaluate(st_encode(st), queries, corpus, relevant), "train_s": seconds})

        from datasets import Dataset

        st_base = SentenceTransformer(str(default_model_path()), device="cpu")
        st_base.max_seq_length = args.max_seq_length
        start = time.perf_counter()
        st_triplets = st_mine(Dataset.from_dict({"anchor": [a for a, _ in pairs], "positive": [p for _, p in pairs]}),
                              st_base, num_negatives=args.k, sampling_strategy="top", batch_size=64,
                              output_format="triplet", verbose=False)
        st_mine_s = time.perf_counter() - start
        rows = list(zip(st_triplets["anchor"], st_triplets["positive"], st_triplets["negative"]))
        st, seconds = train_st(args, rows)
        report("ST mined", {**evaluate(st_encode(st), queries, corpus, relevant), "train_s": seconds,
                            "mine_s": st_mine_s, "triplets": len(rows)})
        print(f"ST: sample triplet {rows[0]}")

    print(f"\n{'run':<12} {'recall@10':>10} {'MRR@10':>8} {'train s':>8} {'mine s':>7} {'triplets':>9}")
    for name, r in results.items():
        print(f"{name:<12} {r['recall@10']:>10.4f} {r['mrr@10']:>8.4f} {r.get('train_s', 0):>8.1f} "
              f"{r.get('mine_s', 0):>7.1f} {r.get('triplets', ''):>9}")
    for a, b in (("ours pairs", "ST pairs"), ("ours mined", "ST mined")):
        ra, rb = results[a], results[b]
        print(f"{a} / {b}: recall@10 {ra['recall@10'] / rb['recall@10']:.3f}x, MRR@10 {ra['mrr@10'] / rb['mrr@10']:.3f}x, "
              f"train time {ra['train_s'] / rb['train_s']:.2f}x"
              + (f", mining time {ra['mine_s'] / rb['mine_s']:.2f}x" if "mine_s" in ra else ""))
    print(f"end: {uptime()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
