"""How many UMAP layout epochs the default clustering needs at 100k, and what numba's compilation costs.

The default clustering above 10k rows is UMAP (on the neighbour index's k-NN graph) then HDBSCAN
(``sbert_desktop.core.clustering.cluster``). UMAP's layout runs 200 epochs below
``scale_reduce.FEWER_EPOCHS_ABOVE`` rows and ``BIG_N_EPOCHS`` above. This runs, in one process:

1. a 3,000-row clustering first, so numba's one-off compilation of UMAP's functions is timed apart;
2. the bench/scale.py synthetic set (Zipf-sized topics) clustered with each epoch count in turn, the
   neighbour index built by the first and reused (cached) by the others, as in the window;

and prints the stage times, clusters and ARI/NMI against the planted topics for each count.

    python bench/umap_epochs.py [--n 100000] [--epochs 200 100 50] [--real GoogleNews Biomedical]

--n 0 skips the synthetic set (the warm-up still uses 3,000 of its 10k rows).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--epochs", type=int, nargs="+", default=[200, 100, 50])
    ap.add_argument("--real", nargs="*", default=[], metavar="SET",
                    help="also these labelled sets of ../shared/data/clustering (bundled model's embeddings, "
                         "bench/scale.py's cache), each with every epoch count")
    args = ap.parse_args()

    from scale import _scores, load, real_embeddings  # bench/scale.py: the same sets

    from sbert_desktop.core import scale_reduce
    from sbert_desktop.core.clustering import cluster

    print(f"# bench/umap_epochs.py {' '.join(sys.argv[1:])}")
    print(f"# {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, load average at start {os.getloadavg()}")
    x, y = load(args.n or 10_000)
    print(f"synthetic set: {x.shape[0]:,} x {x.shape[1]}, {int(y.max()) + 1} Zipf-sized topics")

    small = x[:3000]
    t = time.perf_counter()
    r = cluster(small, assign_noise=True)
    print(f"warm-up, first clustering in this process (3,000 rows, numba compiles UMAP here): "
          f"{time.perf_counter() - t:.1f} s ({', '.join(f'{a} {b:.1f} s' for a, b in r.timings.items())})")
    t = time.perf_counter()
    cluster(small, assign_noise=True)
    print(f"the same 3,000 rows again (compiled): {time.perf_counter() - t:.1f} s")

    header = f"{'epochs':>6} {'total s':>8} {'reduce s':>9} {'hdbscan s':>9} {'clusters':>8} {'ARI':>6} {'NMI':>6}  stages"
    sets = [(f"synthetic {args.n:,}", x, y)] if args.n else []
    for name in args.real:
        emb, truth, _ = real_embeddings(name)
        sets.append((f"{name} ({emb.shape[0]:,} sentences, {int(truth.max()) + 1} topics)", emb, truth))
    for name, data, truth in sets:
        print(f"{name}\n{header}")
        for epochs in args.epochs:
            scale_reduce.FEWER_EPOCHS_ABOVE = 0  # every size above 10k takes BIG_N_EPOCHS
            scale_reduce.BIG_N_EPOCHS = epochs
            t = time.perf_counter()
            r = cluster(data, assign_noise=True)
            total = time.perf_counter() - t
            ari, nmi = _scores(truth, r.labels)
            stages = ", ".join(f"{a} {b:.1f}" for a, b in r.timings.items())
            print(f"{epochs:>6} {total:>8.1f} {r.timings.get('reduce', 0):>9.1f} {r.timings.get('cluster', 0):>9.1f} "
                  f"{r.n_clusters:>8} {ari:>6.3f} {nmi:>6.3f}  {stages}", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the process {peak:,.0f} MB; load average at end {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
