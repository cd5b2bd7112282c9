"""Reading topic levels on neighbour-smoothed vectors, and k-means++ starts at the level taken: measured.

Since Dec 3 evening the default's topic scan (``cluster_merge.scan_levels``) cuts the merge tree and
runs the k-means steps on each row's vector averaged with the mean of its 15 nearest neighbours
(``cluster_merge.smooth_over``) instead of the vector alone, and at the level it takes (or a number
of topics given) keeps the best of the tree's cut and 10 k-means++ starts by the modularity of the neighbour graph
(``cluster_merge.topic_partition``). This bench prints, on the four labelled sets (the bundled model's
embeddings cached by bench/scale.py; HDBSCAN on UMAP at seed 42, noise assigned, as the default):

- for each of the 14 scan levels, the cut + k-means steps on the plain vectors (the default before)
  and on the vectors smoothed once (now) and twice (not adopted): NMI / ARI against the labels and
  the modularity of the 15-NN graph; the level ``broader_level`` takes with each and its scores;
- at the level taken on smoothed vectors (or, with ``--starts-at K``, at K topics: a number given): the tree's
  cut and each k-means++ start, with the k-means objective (summed cosine to the centres), the modularity, NMI and
  ARI, and the one kept (best modularity).

    flock /work/notes/cpu.lock nice -n 5 .venv/bin/python bench/smooth_topics.py > bench/results/smooth-topics.txt
    flock /work/notes/cpu.lock nice -n 5 .venv/bin/python bench/smooth_topics.py GoogleNews --starts-at 152 >> ...
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SETS = ("Tweet", "GoogleNews", "SearchSnippets", "Biomedical")


def objective(unit: np.ndarray, labels: np.ndarray) -> float:
    """What spherical k-means maximises: the summed cosine of each row to its topic's centre (the summed
    length of the topics' sum vectors)."""
    from sbert_desktop.core.cluster_merge import cluster_sums

    sums, _ = cluster_sums(unit, labels, int(labels.max()) + 1)
    return float(np.linalg.norm(sums, axis=1).sum())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ap.add_argument("--starts-at", type=int, default=0, metavar="K",
                    help="only the table of starts, at K topics (a number given, e.g. the true k)")
    args = ap.parse_args()

    from sklearn.cluster import kmeans_plusplus
    from sklearn.metrics import adjusted_rand_score as ari
    from sklearn.metrics import normalized_mutual_info_score as nmi

    from scale import real_embeddings
    from sbert_desktop.core import cluster_merge as CM
    from sbert_desktop.core import clustering as C

    print(f"bench/smooth_topics.py, {os.popen('uptime').read().strip()}", flush=True)
    for name in args.sets:
        emb, truth, _ = real_embeddings(name)
        unit = C.normalize(emb)
        seed = 42
        x = C.reduce_embeddings(unit, C.choose_reduction("hdbscan", len(truth), "auto"), 5, seed, "cosine")
        raw = C._fit(x, "hdbscan", 10, None, 8, seed)
        found = CM.merge_by_silhouette(unit, raw, seed)[1]["clusters_after"]
        graph = C._topic_graph(unit, raw, seed, None)
        k = int(graph.fine.max()) + 1
        t = truth[graph.rows]
        print(f"\n== {name}: {len(truth):,} texts, {int(truth.max()) + 1} topics; HDBSCAN {k} clusters "
              f"(noise assigned), the silhouette merge keeps {found}", flush=True)
        taken = args.starts_at
        smoothed = {} if taken else {0: graph.unit, 1: graph.smooth, 2: CM.smooth_over(graph.smooth, graph.adj)}
        levels = sorted({int(v) for v in np.geomspace(min(CM.SCAN_FROM, k), k, CM.SCAN_LEVELS)}, reverse=True)
        for steps, vecs in smoothed.items():
            q, rows = {}, []
            for level in levels:
                cut = CM.merge_by_silhouette(vecs, graph.fine, seed, topics=level)[0] if level < k else graph.fine
                lab = np.unique(CM.refine_topics(vecs, cut)[0], return_inverse=True)[1]
                q[level] = CM.modularity(graph.adj, lab)
                rows.append((level, q[level], nmi(t, lab), ari(t, lab)))
            pick = CM.broader_level(q, found)
            got = next((r for r in rows if r[0] == pick), None)
            tag = {0: "plain vectors (before)", 1: "smoothed once (now)", 2: "smoothed twice"}[steps]
            score = f": NMI {got[2]:.3f} ARI {got[3]:.3f}" if got else " (the silhouette merge's level)"
            print(f"  {tag:24s} takes {pick or found:4d}" + score + "; level:modularity/NMI/ARI "
                  + " ".join(f"{lv}:{a:.3f}/{b:.3f}/{c:.3f}" for lv, a, b, c in rows), flush=True)
            if steps == 1:
                taken = pick
        if not taken:
            continue
        vecs = graph.smooth
        cut = np.unique(CM.merge_by_silhouette(vecs, graph.fine, seed, topics=taken)[0], return_inverse=True)[1]
        starts = [("tree's cut", np.unique(CM.refine_topics(vecs, cut)[0], return_inverse=True)[1])]
        for i, state in enumerate(CM.start_states(seed)):
            centres = kmeans_plusplus(vecs, taken, random_state=state)[0]
            centres /= np.linalg.norm(centres, axis=1, keepdims=True)
            lab = CM.nearest_centres(vecs, np.arange(len(vecs)), centres.astype(np.float32))
            starts.append((f"k-means++ {i + 1}", np.unique(CM.refine_topics(vecs, lab)[0], return_inverse=True)[1]))
        scores = [objective(vecs, lab) for _, lab in starts]
        mods = [CM.modularity(graph.adj, lab) for _, lab in starts]
        kept = int(np.argmax(mods))
        product = CM.topic_partition(graph, taken, seed)[0]
        print(f"  at {taken} topics, the starts (objective: k-means', the summed cosine to the centres; kept: the best "
              f"modularity, {starts[kept][0]}; "
              f"topic_partition gives the same labels: {bool(np.array_equal(product, starts[kept][1]))}):", flush=True)
        for (label, lab), score, q in zip(starts, scores, mods):
            print(f"    {label:12s} objective {score:9.1f}  modularity {q:.4f}  "
                  f"NMI {nmi(t, lab):.3f} ARI {ari(t, lab):.3f}" + ("  <- kept" if label == starts[kept][0] else ""), flush=True)
    print(f"\n{os.popen('uptime').read().strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
