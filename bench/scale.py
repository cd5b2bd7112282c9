"""Neighbours and clustering at 10k / 100k / 1M synthetic sentences (and real labelled text).

    nice -n 5 .venv/bin/python bench/scale.py --sizes 10000 100000 1000000 | tee bench/results/scale.txt
    nice -n 5 .venv/bin/python bench/scale.py --real          # ../shared/data/clustering, bundled model

Synthetic data: unit vectors around topic centres (a shared direction plus a random one each),
spread in a 24-d subspace per topic plus isotropic noise (within-topic cosine ~0.58, between
~0.08), topic sizes Zipf-like (weight 1/rank^0.8: at 100k the biggest topic is ~60x the
smallest). Every step runs in its own child process, so "peak RSS" is that process's whole peak
(data included), timed the same way for ours and the peer. Neighbour recall@10 is against the
exact answer on 1,000 sampled rows. The neighbour index cache is off (a cold build every time).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
TOPICS = {10_000: 50, 100_000: 200, 1_000_000: 500}


def synth(n: int, topics: int, dim: int = 384, seed: int = 0, intrinsic: int = 24, spread: float = 0.9,
          noise: float = 0.25, shared: float = 0.4) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    w = 1.0 / np.arange(1, topics + 1) ** 0.8
    sizes = rng.multinomial(n - 5 * topics, w / w.sum()) + 5
    labels = np.repeat(np.arange(topics), sizes)
    rng.shuffle(labels)
    g = rng.standard_normal(dim)
    g /= np.linalg.norm(g)
    centres = rng.standard_normal((topics, dim)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    centres = centres + np.float32(shared) * g.astype(np.float32)
    basis = rng.standard_normal((topics, intrinsic, dim)).astype(np.float32) / np.sqrt(dim)
    out = np.empty((n, dim), np.float32)
    order = np.argsort(labels, kind="stable")
    starts = np.r_[0, np.cumsum(np.bincount(labels, minlength=topics))]
    for t in range(topics):
        rows = order[starts[t] : starts[t + 1]]
        z = rng.standard_normal((len(rows), intrinsic)).astype(np.float32) * np.float32(spread / np.sqrt(intrinsic))
        x = centres[t] + z @ basis[t]
        x += rng.standard_normal(x.shape).astype(np.float32) * np.float32(noise / np.sqrt(dim))
        out[rows] = x
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out, labels


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load(n: int) -> tuple[np.ndarray, np.ndarray]:
    """The synthetic set, generated once and kept in a temp folder for the child processes."""
    path = Path(tempfile.gettempdir()) / f"sbert_scale_{n}.npz"
    if not path.exists():
        x, y = synth(n, TOPICS.get(n, max(8, n // 2000)))
        np.savez(path, x=x, y=y)
    z = np.load(path)
    return z["x"], z["y"]


# --------------------------------------------------------------------------- steps (child processes)


def step_exact_sample(n: int, q: mp.Queue) -> None:
    from sbert_desktop.core.similarity import semantic_search

    x, _ = load(n)
    rows = np.sort(np.random.default_rng(1).choice(n, min(n, 1000), replace=False))
    idx = semantic_search(x[rows], x, 11).indices
    exact = np.stack([r[r != row][:10] for row, r in zip(rows, idx)])
    q.put({"rows": rows, "exact": exact})


def step_neighbors(n: int, which: str, q: mp.Queue) -> None:
    x, _ = load(n)
    base = peak_mb()
    t = time.perf_counter()
    if which == "ours":
        from sbert_desktop.core.neighbors import build_index

        stages = []
        index = build_index(x, cache=False, progress=stages.append)
        built = time.perf_counter() - t
        at = {e.done: e.elapsed for e in stages}
        events = []
        found = index.knn_graph(10, progress=events.append)
        i = index.info
        idx, note = found.indices, found.method
        if i.method == "ivf":
            bound = "" if i.graph_min_sim is None else f", centroid cosine >= {i.graph_min_sim:.3f}"
            note += (f" (index {built:.0f} s: cells {at.get(1, 0):.0f} s, exact sample {at.get(2, 0) - at.get(1, 0):.0f} s, "
                     f"rules {at.get(3, 0) - at.get(2, 0):.0f} s; {i.nlist} cells, graph nprobe {i.graph_nprobe}{bound}, sample recall "
                     f"{i.graph_recall_estimate:.3f} (search: nprobe {i.nprobe}, {i.recall_estimate:.3f}); "
                     f"graph {time.perf_counter() - t - built:.0f} s: "
                     + ", ".join(f"{key[:-2]} {v:.0f} s" for key, v in (events[-1].info if events else {}).items()) + ")")
    elif which == "ours-exact":
        from sbert_desktop.core.similarity import nearest_neighbors

        idx, note = nearest_neighbors(x, 10).indices, "exact"
    else:  # sentence-transformers paraphrase_mining_embeddings (top_k=10)
        import torch
        from sentence_transformers.util import paraphrase_mining_embeddings

        pairs = paraphrase_mining_embeddings(torch.from_numpy(x), top_k=10, max_pairs=10**9)
        idx, note = None, f"{len(pairs):,} pairs"
    q.put({"s": time.perf_counter() - t, "rss": peak_mb(), "base": base, "idx": idx, "note": note})


def _scores(y: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    return adjusted_rand_score(y, labels), normalized_mutual_info_score(y, labels)


def ours_rows(x: np.ndarray, y: np.ndarray) -> tuple[float, list[tuple], list[int]]:
    """One default clustering (noise assigned by neighbour vote) scored twice: with HDBSCAN's noise
    kept as its own label, and after the assignment. Returns (seconds, rows, the broader numbers of topics offered)."""
    from sbert_desktop.core.clustering import cluster

    t = time.perf_counter()
    r = cluster(x, assign_noise=True)
    s = time.perf_counter() - t
    kept = r.labels.copy()
    kept[r.was_noise] = -1
    note = f"reduce {r.params['reduce_used']}" + (f", two-level on {r.params['two_level_sample']:,}"
                                                 if r.params.get("two_level_sample") else "")
    merged = r.params.get("merged") or {}
    if merged.get("chosen_by") == "modularity":
        note += (f"; HDBSCAN {merged['clusters_before']} clusters -> {merged['clusters_after']} topics, the scan's level "
                 f"of best modularity, k-means on the smoothed vectors from the best of the tree's cut and "
                 f"k-means++ starts ({merged.get('start', 'tree')}, modularity {merged['modularity']:.3f})")
    elif merged.get("clusters_before"):
        note += (f"; HDBSCAN {merged['clusters_before']} clusters -> {merged['clusters_after']} after the silhouette "
                 f"merge (silhouette {merged.get('silhouette_before', 0):.3f} -> {merged.get('silhouette_after', 0):.3f})")
    note += "; " + ", ".join(f"{a} {b:.0f} s" for a, b in r.timings.items())
    if r.params.get("suggested_topics"):
        note += f"; broader topics offered: {', '.join(map(str, r.params['suggested_topics']))}"
    return s, [("ours default (no k), noise kept", r.n_clusters, r.noise_fraction, *_scores(y, kept), note),
               ("  same run, noise assigned (knn)", r.n_clusters, 0.0, *_scores(y, r.labels), "")], \
        list(r.params.get("suggested_topics") or [])


def step_cluster(n: int, which: str, q: mp.Queue) -> None:
    x, y = load(n)
    k = int(y.max()) + 1
    t = time.perf_counter()
    if which == "ours":
        s, rows, _ = ours_rows(x, y)
        q.put({"s": s, "rss": peak_mb(), "rows": rows})
        return
    if which == "kmeans":
        from sklearn.cluster import KMeans, MiniBatchKMeans

        model = (KMeans(k, n_init=1, random_state=0) if n <= 200_000
                 else MiniBatchKMeans(k, n_init=1, random_state=0, batch_size=8192))
        labels, noise, name = model.fit_predict(x), 0.0, f"k-means told true k ({type(model).__name__})"
    else:  # sentence-transformers community_detection
        import torch
        from sentence_transformers.util import community_detection

        comms = community_detection(torch.from_numpy(x), threshold=0.6, min_community_size=10)
        labels = np.full(n, -1)
        for c, members in enumerate(comms):
            labels[members] = c
        noise, name = float(np.mean(labels < 0)), "ST community_detection (0.6, min 10)"
    s = time.perf_counter() - t
    found = int(len(set(labels.tolist()) - {-1}))
    q.put({"s": s, "rss": peak_mb(), "rows": [(name, found, noise, *_scores(y, labels), "")]})


def child(fn, *args, timeout: float = 3600):
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=fn, args=(*args, q))
    p.start()
    try:
        out = q.get(timeout=timeout)
    except Exception:
        p.kill()
        p.join()
        return None
    # the result is in; a child whose exit stalls is not waited for (the Biomedical step sat idle ~5 min
    # after its last row on Dec 2; likely idle worker pools, e.g. loky's, which linger 300 s)
    p.join(timeout=30)
    if p.is_alive():
        p.kill()
        p.join()
    return out


def recall(idx: np.ndarray, ref: dict) -> float:
    got = idx[ref["rows"]]
    return float(np.mean([len(set(a.tolist()) & set(b.tolist())) / 10 for a, b in zip(got, ref["exact"])]))


def run_size(n: int, args: argparse.Namespace) -> None:
    t = time.perf_counter()
    x, y = load(n)
    sizes = np.bincount(y)
    print(f"\n{n:,} x 384 synthetic, {len(sizes)} topics, sizes {sizes.max():,} .. {sizes.min():,} "
          f"(generated in {time.perf_counter() - t:.0f} s)", flush=True)
    del x
    ref = child(step_exact_sample, n)
    print(f"  {'step':44s} {'time':>9s} {'peak RSS':>10s}", flush=True)
    ours = None
    for which in ("ours", "ours-exact", "st"):
        if which == "ours-exact" and n > args.exact_up_to:
            print(f"  {'top-10 neighbours: ours exact':44s}  not run above {args.exact_up_to:,} rows (O(n^2))")
            continue
        if which == "st" and n > args.peer_up_to:
            print(f"  {'top-10 neighbours: ST paraphrase_mining':44s}  not run above {args.peer_up_to:,} rows")
            continue
        r = child(step_neighbors, n, which, timeout=args.child_timeout)
        if r is None:
            print(f"  top-10 neighbours {which}: timed out after {args.child_timeout:.0f} s")
            continue
        rec = f"recall@10 {recall(r['idx'], ref):.3f}" if r["idx"] is not None else ""
        name = {"ours": "ours (auto)", "ours-exact": "ours exact", "st": "ST paraphrase_mining_embeddings"}[which]
        print(f"  {'top-10 neighbours: ' + name:44s} {r['s']:8.1f}s {r['rss']:8.0f} MB  {r['note']} {rec}", flush=True)
        if which == "ours":
            ours = r["s"]
        elif ours and which == "st":
            print(f"    -> ours (auto) is {r['s'] / ours:.1f}x faster than {name}")
    if args.no_cluster:
        print(f"  uptime: {os.popen('uptime').read().strip()}", flush=True)
        return
    for which in args.cluster_with:
        if which == "st" and n > args.peer_up_to:
            print(f"  {'cluster: ST community_detection':44s}  not run above {args.peer_up_to:,} rows")
            continue
        r = child(step_cluster, n, which, timeout=args.child_timeout)
        if r is None:
            print(f"  cluster {which}: timed out after {args.child_timeout:.0f} s")
            continue
        for i, (name, found, noise, ari, nmi, note) in enumerate(r["rows"]):
            cost = f"{r['s']:8.1f}s {r['rss']:8.0f} MB" if i == 0 else f"{'':9s} {'':11s}"
            print(f"  {'cluster: ' + name:44s} {cost}  {found} clusters, noise {100 * noise:.1f}%, "
                  f"ARI {ari:.3f}, NMI {nmi:.3f}  {note}", flush=True)
    print(f"  uptime: {os.popen('uptime').read().strip()}", flush=True)


EMB_DIR = Path("/work/runs/clustering-emb")


def real_embeddings(name: str) -> tuple[np.ndarray, np.ndarray, float]:
    """The set embedded once with the bundled model (kept as .npy in EMB_DIR), its labels, seconds spent encoding."""
    folder = Path(__file__).resolve().parents[2] / "shared" / "data" / "clustering"
    truth = np.unique((folder / f"{name}_label.txt").read_text(encoding="utf-8").splitlines(), return_inverse=True)[1]
    path = EMB_DIR / f"{name}.npy"
    if path.exists():
        return np.load(path), truth, 0.0
    from sbert_desktop.core.cache import cached_encode
    from sbert_desktop.core.models import BiEncoder

    texts = (folder / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    t = time.perf_counter()
    emb, _ = cached_encode(BiEncoder.load("default"), texts, batch_size=64)
    EMB_DIR.mkdir(parents=True, exist_ok=True)
    np.save(path, np.asarray(emb, np.float32))
    return np.asarray(emb, np.float32), truth, time.perf_counter() - t


def step_real(name: str, q: mp.Queue) -> None:
    """Cluster one labelled set: ours (no k), k-means told the true k, ours told the true k (the merge
    tree cut at k), BERTopic-style UMAP + HDBSCAN."""
    from sklearn.cluster import KMeans

    emb, truth, enc = real_embeddings(name)
    k = int(truth.max()) + 1
    out = {"n": len(truth), "k": k, "encode": enc, "rows": []}
    t = time.perf_counter()
    s, rows, offered = ours_rows(emb, truth)
    out["rows"] += [(label, s if i == 0 else None, found, noise, nmi, ari, note)
                    for i, (label, found, noise, ari, nmi, note) in enumerate(rows)]
    from sbert_desktop.core.clustering import cluster

    t = time.perf_counter()  # the default's own seed (UMAP, the samples) is a draw too: seeds 0-4 beside 42
    runs = [cluster(emb, assign_noise=True, seed=s) for s in range(5)]
    draws = np.array([_scores(truth, r.labels) for r in runs])
    found = [r.n_clusters for r in runs]
    out["rows"].append(("ours default (no k), 5 seeds", (time.perf_counter() - t) / 5, round(float(np.mean(found))),
                        0.0, draws[:, 1].mean(), draws[:, 0].mean(),
                        f"mean of seeds 0-4, noise assigned; {min(found)}..{max(found)} clusters, NMI "
                        f"{draws[:, 1].min():.3f}..{draws[:, 1].max():.3f}, ARI {draws[:, 0].min():.3f}.."
                        f"{draws[:, 0].max():.3f}; time per seed; offered: "
                        + " / ".join(",".join(map(str, r.params.get("suggested_topics") or [])) or "-" for r in runs)))
    t = time.perf_counter()
    labels = KMeans(k, n_init=1, random_state=0).fit_predict(emb)
    ari, nmi = _scores(truth, labels)
    out["rows"].append(("k-means told true k", time.perf_counter() - t, k, 0.0, nmi, ari, "n_init 1, seed 0"))
    # one k-means++ start is one draw: the spread over seeds, and the best-of-10 start by inertia
    # (scikit-learn's n_init=10, its default before 1.4), so a lucky or unlucky seed is not the bar
    t = time.perf_counter()
    draws = np.array([_scores(truth, KMeans(k, n_init=1, random_state=s).fit_predict(emb)) for s in range(10)])
    out["rows"].append(("k-means told true k, 10 seeds", (time.perf_counter() - t) / 10, k, 0.0, draws[:, 1].mean(),
                        draws[:, 0].mean(), f"mean of seeds 0-9 (n_init 1); NMI {draws[:, 1].min():.3f}.."
                        f"{draws[:, 1].max():.3f}, ARI {draws[:, 0].min():.3f}..{draws[:, 0].max():.3f}; time per seed"))
    t = time.perf_counter()
    labels = KMeans(k, n_init=10, random_state=0).fit_predict(emb)
    ari, nmi = _scores(truth, labels)
    out["rows"].append(("k-means told true k, n_init 10", time.perf_counter() - t, k, 0.0, nmi, ari,
                        "best of 10 starts by inertia"))
    t = time.perf_counter()  # the same default, its merge tree cut at k (--topics K / the Topics box)
    r = cluster(emb, assign_noise=True, topics=k)
    ari, nmi = _scores(truth, r.labels)
    merged = r.params.get("merged") or {}
    out["rows"].append(("ours told true k (--topics)", time.perf_counter() - t, r.n_clusters, r.noise_fraction,
                        nmi, ari, f"HDBSCAN {merged.get('clusters_before')} clusters -> {r.n_clusters}; noise assigned"
                        + (f"; start kept: {merged['start']}" if merged.get("start") else "")))
    for topics in offered[:3]:  # the window's "Try N topics" buttons, as a user would click them
        t = time.perf_counter()
        r = cluster(emb, assign_noise=True, topics=topics)
        ari, nmi = _scores(truth, r.labels)
        out["rows"].append((f"ours, offered {topics} topics clicked", time.perf_counter() - t, r.n_clusters,
                            r.noise_fraction, nmi, ari, "a broader reading the default offered (no k given)"))
    t = time.perf_counter()
    labels = bertopic_style(emb)
    ari, nmi = _scores(truth, labels)
    out["rows"].append(("BERTopic-style UMAP+HDBSCAN", time.perf_counter() - t, int(labels.max()) + 1,
                        float(np.mean(labels < 0)), nmi, ari, "noise kept, as BERTopic leaves it"))
    q.put(out)


def bertopic_style(emb: np.ndarray) -> np.ndarray:
    """BERTopic's default pipeline minus c-TF-IDF: UMAP(15 neighbours, 5-d, min_dist 0, cosine) then
    HDBSCAN(min_cluster_size 10, euclidean, eom)."""
    import hdbscan
    import umap

    low = umap.UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=42).fit_transform(emb)
    return hdbscan.HDBSCAN(min_cluster_size=10, metric="euclidean", cluster_selection_method="eom").fit_predict(low)


def run_real(names: list[str]) -> None:
    print("\nreal text with topic labels (../shared/data/clustering), bundled model, embeddings cached in "
          f"{EMB_DIR}", flush=True)
    for name in names:
        r = child(step_real, name)
        if r is None:
            print(f"  {name}: timed out")
            continue
        enc = f"embedding {r['encode']:.0f} s" if r["encode"] else "embeddings from the .npy cache"
        print(f"  {name}: {r['n']:,} texts, {r['k']} topics ({enc})")
        for label, s, found, noise, nmi_v, ari_v, note in r["rows"]:
            t = f"{s:7.1f}s" if s is not None else f"{'':8s}"
            print(f"    {label:34s} {t}  {found:4d} clusters, noise {100 * noise:4.1f}%, NMI {nmi_v:.3f}, "
                  f"ARI {ari_v:.3f}  {note}", flush=True)
        print(f"    uptime: {os.popen('uptime').read().strip()}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    ap.add_argument("--exact-up-to", type=int, default=100_000)
    ap.add_argument("--peer-up-to", type=int, default=10_000)
    ap.add_argument("--no-cluster", action="store_true")
    ap.add_argument("--cluster-with", default="ours,kmeans,st", type=lambda v: [w for w in v.split(",") if w],
                    help="clusterings to run at each size, of ours,kmeans,st (default: all)")
    ap.add_argument("--child-timeout", type=float, default=3600, help="seconds one step may take (default: %(default)s)")
    ap.add_argument("--real", nargs="*", metavar="SET",
                    help="also the labelled sets (default when given bare: Tweet GoogleNews SearchSnippets Biomedical)")
    args = ap.parse_args()
    import numpy
    import torch

    print(f"python {sys.version.split()[0]}, numpy {numpy.__version__}, torch {torch.__version__}, "
          f"{os.cpu_count()} CPUs; uptime: {os.popen('uptime').read().strip()}", flush=True)
    start = time.perf_counter()
    for n in args.sizes:
        run_size(n, args)
    if args.real is not None:
        run_real(args.real or ["Tweet", "GoogleNews", "SearchSnippets", "Biomedical"])
    print(f"\ntotal {time.perf_counter() - start:.0f} s; uptime: {os.popen('uptime').read().strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
