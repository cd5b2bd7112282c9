"""Where 'auto' should start reducing before HDBSCAN: raw 384-d vectors against a 5-d UMAP on small sets.

The window reduced with UMAP from 200 sentences and the CLI from 2,000 (and they switched to the
neighbour-index UMAP at 20,000 and 10,000), so the same file clustered differently in each. This
measures the lower bound on seeded samples of 300, 1,000 and 1,900 texts of three labelled sets
(../shared/data/clustering, the bundled model's embeddings cached by bench/scale.py), the default
otherwise (HDBSCAN min size 10, silhouette merge, noise assigned; the topic scan off).

    flock /work/notes/cpu.lock nice -n 5 .venv/bin/python bench/auto_reduce.py > bench/results/auto-reduce.txt
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> int:
    from sklearn.metrics import adjusted_rand_score as ari
    from sklearn.metrics import normalized_mutual_info_score as nmi

    from scale import real_embeddings
    from sbert_desktop.core.clustering import cluster

    print(f"bench/auto_reduce.py, {os.popen('uptime').read().strip()}", flush=True)
    for name in ("Tweet", "GoogleNews", "SearchSnippets"):
        emb, truth, _ = real_embeddings(name)
        for n in (300, 1000, 1900):
            rows = np.random.default_rng(0).choice(len(truth), n, replace=False)
            for reduce in (None, "umap"):
                t = time.perf_counter()
                r = cluster(emb[rows], reduce=reduce, assign_noise=True, scan_topics=False)
                print(f"  {name:14s} {n:5,} texts  reduce {str(reduce):5s} {r.n_clusters:4d} clusters  "
                      f"NMI {nmi(truth[rows], r.labels):.3f}  ARI {ari(truth[rows], r.labels):.3f}  "
                      f"{time.perf_counter() - t:5.1f} s", flush=True)
    print(os.popen("uptime").read().strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
