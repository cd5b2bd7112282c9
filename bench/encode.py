"""Encode throughput: SBERT Desktop's BiEncoder.encode against sentence-transformers' encode.

Same sentences (STS-B dev, both columns: 3,000 sentences), same bundled model, same threads, same
batch size, in one process, alternating runs. Prints sentences/s for each, their ratio and the
minimum cosine between the two outputs.

    python bench/encode.py [--data ../shared/data/stsb-en/sts-dev.csv] [--batch-size 32] [--repeats 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def stsb_sentences(path: Path) -> list[str]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            out += [cols[5], cols[6]]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "stsb-en" / "sts-dev.csv")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N sentences")
    args = parser.parse_args()

    import numpy as np
    import torch
    from sentence_transformers import SentenceTransformer

    from sbert_desktop.core.models import BiEncoder, default_model_path

    sentences = stsb_sentences(args.data)[: args.limit]
    ours = BiEncoder.load("default", device="cpu")
    ref = SentenceTransformer(str(default_model_path()), device="cpu")
    print(f"{len(sentences)} sentences, batch {args.batch_size}, torch threads {torch.get_num_threads()}")

    def run_ours():
        return ours.encode(sentences, batch_size=args.batch_size)

    def run_ref():
        return ref.encode(sentences, batch_size=args.batch_size, convert_to_numpy=True, show_progress_bar=False)

    run_ours(), run_ref()  # warm-up
    times = {"sbert-desktop": [], "sentence-transformers": []}
    for _ in range(args.repeats):
        for name, fn in (("sbert-desktop", run_ours), ("sentence-transformers", run_ref)):
            start = time.perf_counter()
            out = fn()
            times[name].append(time.perf_counter() - start)
            if name == "sbert-desktop":
                a = out
            else:
                b = out
    rate = {k: len(sentences) / min(v) for k, v in times.items()}
    cos = (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    print(f"sbert-desktop          {rate['sbert-desktop']:8.1f} sentences/s (best of {args.repeats})")
    print(f"sentence-transformers  {rate['sentence-transformers']:8.1f} sentences/s (best of {args.repeats})")
    print(f"ratio (ours / reference): {rate['sbert-desktop'] / rate['sentence-transformers']:.2f}x")
    print(f"minimum cosine between the two outputs: {cos.min():.7f}")


if __name__ == "__main__":
    main()
