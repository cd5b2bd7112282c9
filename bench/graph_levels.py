"""How robust is the default's choice of a broad level? The neighbour graph's modularity per level, measured.

Since Dec 3 the default clustering takes the level of the merge tree where the modularity of the
rows' 15-nearest-neighbour graph is best, when that level is at most half the clusters the silhouette
merge kept (``cluster_merge.broader_level``). This bench prints, on the four labelled sets
(the bundled model's embeddings cached by bench/scale.py), for the candidates the default had until
15:33 of Dec 3 (the tree of HDBSCAN's clusters, noise assigned, cut at 14 levels from 4 up, each
refined by the k-means steps on the plain vectors; since then it cuts and refines on
neighbour-smoothed vectors, measured by bench/smooth_topics.py):

- the modularity of every level on the exact k-NN graph for k = 10, 15 (the default) and 30,
  unweighted (the default) and weighted by cosine, and the level each picks with its NMI / ARI;
- Louvain (networkx) run directly on the 15-NN graph, for comparison;
- on the broad sets (SearchSnippets, Biomedical) every integer level from 6 to 30: does a finer grid
  than the 14 levels pick another level?

    flock /work/notes/cpu.lock nice -n 5 .venv/bin/python bench/graph_levels.py > bench/results/graph-levels.txt
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SETS = ("Tweet", "GoogleNews", "SearchSnippets", "Biomedical")
BROAD = ("SearchSnippets", "Biomedical")


def graph(unit: np.ndarray, k: int, weighted: bool):
    import scipy.sparse as sp

    from sbert_desktop.core.similarity import nearest_neighbors

    n = len(unit)
    found = nearest_neighbors(unit, k)
    weights = np.maximum(found.scores.ravel(), 0) if weighted else np.ones(n * k)
    adj = sp.csr_matrix((weights, (np.repeat(np.arange(n), k), found.indices.ravel())), shape=(n, n))
    return adj.maximum(adj.T)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(SETS))
    args = ap.parse_args()

    import networkx as nx
    from sklearn.metrics import adjusted_rand_score as ari
    from sklearn.metrics import normalized_mutual_info_score as nmi

    from scale import real_embeddings
    from sbert_desktop.core import cluster_merge as CM
    from sbert_desktop.core import clustering as C

    print(f"bench/graph_levels.py, {os.popen('uptime').read().strip()}", flush=True)
    for name in args.sets:
        emb, truth, _ = real_embeddings(name)
        unit = C.normalize(emb)
        n, seed = len(truth), 42
        x = C.reduce_embeddings(unit, C.choose_reduction("hdbscan", n, "auto"), 5, seed, "cosine")
        fine = C._relabel_by_size(C._fit(x, "hdbscan", 10, None, 8, seed))
        k = int(fine.max()) + 1
        fine = C._assign_noise(unit, fine, C._centroids(unit, fine, k), "knn", None, None, None)
        cuts = {}
        for level in sorted({int(v) for v in np.geomspace(4, k, CM.SCAN_LEVELS)}, reverse=True):
            cut = CM.merge_by_silhouette(unit, fine, seed, topics=level)[0] if level < k else fine
            cuts[level] = np.unique(CM.refine_topics(unit, cut)[0], return_inverse=True)[1]
        print(f"\n== {name}: {n:,} texts, {int(truth.max()) + 1} topics; HDBSCAN {k} clusters (noise assigned)", flush=True)
        for kk in (10, 15, 30):
            for weighted in (False, True):
                adj = graph(unit, kk, weighted)
                q = {lv: CM.modularity(adj, lab) for lv, lab in cuts.items()}
                best = max(q, key=lambda lv: (q[lv], lv))
                tag = f"{kk}-NN, {'cosine-weighted' if weighted else 'unweighted'}" + (" (the default)" if kk == 15 and not weighted else "")
                print(f"  {tag:34s} picks {best:4d}: NMI {nmi(truth, cuts[best]):.3f} ARI {ari(truth, cuts[best]):.3f};"
                      f" modularity by level " + " ".join(f"{lv}:{v:.3f}" for lv, v in q.items()), flush=True)
                if kk == 15 and not weighted:
                    t = time.perf_counter()
                    comms = nx.community.louvain_communities(nx.from_scipy_sparse_array(adj), seed=0)
                    lab = np.empty(n, np.int64)
                    for i, members in enumerate(comms):
                        lab[list(members)] = i
                    print(f"  {'Louvain on the 15-NN graph':34s} {len(comms):5d} communities: NMI {nmi(truth, lab):.3f} "
                          f"ARI {ari(truth, lab):.3f}, modularity {CM.modularity(adj, lab):.3f} ({time.perf_counter() - t:.0f} s)",
                          flush=True)
                    if name in BROAD:
                        rows = []
                        for level in range(6, 31):
                            cut = CM.merge_by_silhouette(unit, fine, seed, topics=level)[0]
                            ref = np.unique(CM.refine_topics(unit, cut)[0], return_inverse=True)[1]
                            rows.append((level, CM.modularity(adj, ref), nmi(truth, ref), ari(truth, ref)))
                        top = max(rows, key=lambda r: r[1])
                        print(f"  {'every level 6..30 (15-NN)':34s} picks {top[0]:4d}: NMI {top[2]:.3f} ARI {top[3]:.3f}; "
                              "level:modularity/NMI/ARI " + " ".join(f"{lv}:{q:.3f}/{a:.3f}/{b:.3f}" for lv, q, a, b in rows),
                              flush=True)
    print(f"\n{os.popen('uptime').read().strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
