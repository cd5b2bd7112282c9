"""Exploration speed and memory: pair mining (ours vs sentence-transformers), clustering, projection.

Embeddings are synthetic and precomputed (no model): ``n`` float32 384-d vectors around ``n / 200``
seeded topic centres, L2-normalised. For each size it times

* top-k pair mining: ``similarity.mine_pairs`` against ``sentence_transformers.util.
  paraphrase_mining_embeddings`` on the same embeddings (same top_k, no max_pairs cut), at
  ``--top-k`` and at ``--big-top-k`` (sentence-transformers' default, 100). Above
  ``--ref-limit`` sentences the reference runs on the first ``--ref-limit`` rows only (its default
  5,000 x 100,000 score block needs 2 GB and the full run takes minutes); ours then runs on that
  subset too, so the ratio compares like with like, and once more on the full set;
* clustering: HDBSCAN with the ``reduce="auto"`` choice (UMAP up to 10k points, PCA above) and
  with PCA;
* projection: PCA, and UMAP for sizes up to 20k;
* the Map's scatter (``EmbeddingScatter``, offscreen): first draw and the frame time while panning.

Peak memory is the highest resident set size above the level before the step, sampled every 5 ms
in a thread (numpy's and torch's allocations both count; tracemalloc would miss torch's).

    python bench/explore.py [--sizes 10000 100000] [--top-k 10] [--ref-limit 20000]
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("SBERT_DESKTOP_HOME", "/tmp/sbert-desktop-bench")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def rss_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: the lifetime peak is all we get
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class PeakMemory:
    """Highest RSS above the starting level while the block runs (sampled every 5 ms)."""

    def __enter__(self):
        self.base = self.peak = rss_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        self.start = time.perf_counter()
        return self

    def _sample(self):
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, rss_bytes())

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes())
        self.mb = (self.peak - self.base) / 2**20


def synthetic(n: int, dim: int = 384, seed: int = 0):
    import numpy as np

    rng = np.random.default_rng(seed)
    k = max(2, n // 200)
    centres = rng.standard_normal((k, dim)).astype(np.float32)
    truth = rng.integers(0, k, n)
    emb = centres[truth] + rng.standard_normal((n, dim)).astype(np.float32) * 0.6
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    return emb.astype(np.float32), truth, k


def row(name: str, m: PeakMemory, extra: str = "") -> None:
    print(f"  {name:<56s} {m.seconds:8.2f} s  {m.mb:8.0f} MB  {extra}", flush=True)


def bench_mining(emb, top_k: int, ref_limit: int) -> None:
    import torch
    from sentence_transformers.util import paraphrase_mining_embeddings

    from sbert_desktop.core.similarity import mine_pairs

    n = len(emb)
    sub = emb if n <= ref_limit else emb[:ref_limit]
    note = "" if n <= ref_limit else f" (first {len(sub):,})"
    with PeakMemory() as ours:
        pairs = mine_pairs(sub, top_k=top_k)
    row(f"mine top-{top_k} pairs: ours{note}", ours, f"{len(pairs):,} pairs")
    with PeakMemory() as ref:
        ref_pairs = paraphrase_mining_embeddings(torch.from_numpy(sub), top_k=top_k, max_pairs=len(sub) * top_k)
    row(f"mine top-{top_k} pairs: sentence-transformers{note}", ref, f"{len(ref_pairs):,} pairs")
    same = len({(i, j) for _, i, j in ref_pairs} & set(zip(pairs.first.tolist(), pairs.second.tolist())))
    print(f"  -> ours is {ref.seconds / ours.seconds:.2f}x faster, {ref.mb / max(ours.mb, 1):.1f}x the peak memory "
          f"for the reference; {same:,} of {len(ref_pairs):,} reference pairs found by ours", flush=True)
    if n > ref_limit:
        with PeakMemory() as full:
            pairs = mine_pairs(emb, top_k=top_k)
        row(f"mine top-{top_k} pairs: ours, all {n:,}", full, f"{len(pairs):,} pairs (reference not run: too slow)")


def bench_clustering(emb, truth) -> None:
    from sklearn.metrics import adjusted_rand_score

    from sbert_desktop.core.clustering import choose_reduction, cluster

    n = len(emb)
    min_size = 20 if n <= 20000 else 50
    for reduce in ("auto", "pca"):
        used = choose_reduction("hdbscan", n, reduce)
        if reduce == "pca" and used == choose_reduction("hdbscan", n, "auto"):
            continue
        with PeakMemory() as m:
            res = cluster(emb, method="hdbscan", min_cluster_size=min_size, reduce=reduce)
        t = res.timings
        row(f"cluster: hdbscan on {used}-5d (min size {min_size})", m,
            f"{res.n_clusters} clusters (true {truth.max() + 1}), noise {100 * res.noise_fraction:.1f}%, "
            f"ARI {adjusted_rand_score(truth, res.labels):.3f}; reduce {t.get('reduce', 0):.1f} s, "
            f"hdbscan {t['cluster']:.1f} s")


def bench_projection(emb) -> None:
    from sbert_desktop.core.projection import project

    n = len(emb)
    methods = ["pca"] + (["umap"] if n <= 20000 else [])
    for method in methods:
        with PeakMemory() as m:
            project(emb, method, cache=False)
        row(f"project: {method} to 2-d", m)
    with PeakMemory() as m:
        project(emb, "pca")
    with PeakMemory() as hit:
        project(emb, "pca")
    row("project: pca, cache write then cache hit", hit, f"(first call with cache write {m.seconds:.2f} s)")


def bench_map_frames(n: int, frames: int = 40) -> None:
    """Frame time of the Map's scatter while panning: each frame shifts the view and renders the
    plot into an image offscreen (what a repaint costs), with ``n`` points set (a density image
    above the widget's dots limit, as in the app; ``bench/map_frame.py`` also times zooms, at 1M
    points, beside pyqtgraph's plain ScatterPlotItem)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np

    import sbert_desktop.gui  # noqa: F401  (PySide6 before pyqtgraph)
    from PySide6.QtWidgets import QApplication

    from sbert_desktop.gui.widgets.embedding_scatter import EmbeddingScatter

    app = QApplication.instance() or QApplication([])
    rng = np.random.default_rng(0)
    coords = rng.standard_normal((n, 2)).astype(np.float32) * 5
    labels = rng.integers(-1, 20, n)
    scatter = EmbeddingScatter()
    scatter.resize(1000, 700)
    scatter.show()
    with PeakMemory() as setup:
        scatter.set_points(coords, labels)
        app.processEvents()
        scatter.plot.grab()
    view = scatter.view
    (x0, x1), (y0, y1) = view.viewRange()
    step = (x1 - x0) / frames
    times = []
    for i in range(frames):
        view.setRange(xRange=(x0 + i * step / 4, x1 + i * step / 4), yRange=(y0, y1), padding=0)
        start = time.perf_counter()
        app.processEvents()
        scatter.plot.grab()  # render the frame
        times.append(time.perf_counter() - start)
    times.sort()
    print(f"  map: {scatter.info.text()}; first draw {setup.seconds:.2f} s; panning frame time "
          f"median {1000 * times[len(times) // 2]:.0f} ms, worst {1000 * times[-1]:.0f} ms "
          f"({frames} frames, 1000x700 px)", flush=True)
    scatter.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--top-k", type=int, default=10)
    parser.add_argument("--ref-limit", type=int, default=20000,
                        help="run sentence-transformers on at most this many rows (default: %(default)s)")
    parser.add_argument("--big-top-k", type=int, default=100,
                        help="also compare at this top_k (sentence-transformers' default) for sizes up to "
                             "--ref-limit; 0 to skip (default: %(default)s)")
    parser.add_argument("--skip", nargs="*", default=[], choices=("mining", "clustering", "projection", "map"))
    args = parser.parse_args()

    import numpy as np
    import torch

    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, torch {torch.__version__}, "
          f"{torch.get_num_threads()} torch threads, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at start", flush=True)
    start = time.perf_counter()
    if "clustering" not in args.skip or "projection" not in args.skip:
        import warnings

        warnings.filterwarnings("ignore", message=".*n_jobs value.*")
        from sbert_desktop.core.projection import project

        with PeakMemory() as warm:  # numba compiles UMAP once per process; keep it out of the timings
            project(synthetic(300)[0], "umap", cache=False)
        print(f"UMAP warm-up (numba JIT compile, once per process): {warm.seconds:.1f} s", flush=True)
    for n in args.sizes:
        emb, truth, k = synthetic(n)
        print(f"\n{n:,} x {emb.shape[1]} float32 embeddings, {k} topics", flush=True)
        print(f"  {'step':<56s} {'time':>10s}  {'peak +RSS':>11s}")
        if "mining" not in args.skip:
            bench_mining(emb, args.top_k, args.ref_limit)
            if args.big_top_k and n <= args.ref_limit:
                bench_mining(emb, args.big_top_k, args.ref_limit)
        if "clustering" not in args.skip:
            bench_clustering(emb, truth)
        if "projection" not in args.skip:
            bench_projection(emb)
        if "map" not in args.skip:
            bench_map_frames(n)
    print(f"\ntotal {time.perf_counter() - start:.0f} s, load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
