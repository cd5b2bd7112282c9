"""What float16 storage in the embedding cache changes: neighbours and clusters, float16 vs float32.

    nice -n 5 .venv/bin/python bench/float16.py | tee bench/results/float16.txt

The cache hands back float16-stored vectors as float32 (rounded to float16's 11-bit mantissa). This
compares, on the same vectors rounded and not rounded:
- the exact top-10 neighbours of 1,000 sampled rows of the 100k synthetic set (bench/scale.py), as
  recall@10 of the float16 answer against the float32 one, and the largest cosine change;
- the default clustering (ours) and k-means told the true k on the labelled real sets whose
  embeddings bench/scale.py --real cached, as ARI between the float16 and the float32 labels and
  each one's NMI against the truth.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def rounded(x: np.ndarray) -> np.ndarray:
    return x.astype(np.float16).astype(np.float32)


def neighbours(n: int = 100_000) -> None:
    from scale import load

    from sbert_desktop.core.neighbors import recall_at_k
    from sbert_desktop.core.similarity import semantic_search

    x, _ = load(n)
    rows = np.sort(np.random.default_rng(1).choice(n, 1000, replace=False))
    a = semantic_search(x[rows], x, 11)
    h = rounded(x)
    b = semantic_search(h[rows], h, 11)
    change = float(np.abs(x[rows] @ x[:20000].T - h[rows] @ h[:20000].T).max())
    print(f"synthetic {n:,} x 384: exact top-10 of 1,000 rows, float16 vs float32: recall@10 "
          f"{recall_at_k(b.indices[:, 1:], a.indices[:, 1:]):.4f}; largest cosine change {change:.2e}; "
          f"bytes {x.nbytes / 2**20:.0f} MB -> {x.astype(np.float16).nbytes / 2**20:.0f} MB", flush=True)


def clusters(names: list[str]) -> None:
    from scale import EMB_DIR, real_embeddings
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score as ari, normalized_mutual_info_score as nmi

    from sbert_desktop.core.clustering import cluster

    for name in names:
        if not (EMB_DIR / f"{name}.npy").exists():
            print(f"{name}: no cached embeddings (run bench/scale.py --real first); skipped")
            continue
        emb, truth, _ = real_embeddings(name)
        k = int(truth.max()) + 1
        for label, fit in (("ours default (no k, noise assigned)", lambda e: cluster(e, assign_noise=True).labels),
                           ("k-means told true k", lambda e: KMeans(k, n_init=1, random_state=0).fit_predict(e))):
            t = time.perf_counter()
            full, half = fit(emb), fit(rounded(emb))
            print(f"{name} ({len(emb):,}) {label:36s}: ARI float16 vs float32 {ari(full, half):.3f}; NMI vs truth "
                  f"float32 {nmi(truth, full):.3f}, float16 {nmi(truth, half):.3f} ({time.perf_counter() - t:.0f} s)",
                  flush=True)


def main() -> int:
    print(f"uptime: {os.popen('uptime').read().strip()}", flush=True)
    neighbours()
    clusters(sys.argv[1:] or ["Tweet", "GoogleNews"])
    print(f"uptime: {os.popen('uptime').read().strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
