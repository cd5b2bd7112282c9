"""Reopening a saved 100k-sentence workspace against computing it; cache reads against encoding.

What is measured and what is estimated:

* **compute** — encoding: the bundled model (MiniLM-L6, 384-d) encodes a sample of ``--sample``
  synthetic sentences and the time is *extrapolated linearly* to ``--n``; clustering (k-means,
  50 clusters) and the 2D projection (PCA) are *measured* on ``--n`` synthetic 384-d embeddings
  (seeded topic centres, as in bench/explore.py); top-5 pair mining is *measured* on the first
  ``--pairs-n`` rows and *extrapolated quadratically* (it compares every pair). UMAP, which the
  window may also use, is not included (it would only make computing slower).
* **save / reopen** — measured: ``save_workspace`` and ``load_workspace`` (checksums verified, and
  not) of a workspace holding the sentences, embeddings, labels with names, coordinates, the pair
  table, a selection and a training history, as a folder and as a ``.sbert`` archive.
* **cache** — measured: ``cached_encode`` of ``--sample`` sentences into an empty cache (encode +
  store), then again (cache read), then ``--sample`` + 10% (only the new ones encoded); and a
  cache read of all ``--n`` sentences from a store filled with the synthetic embeddings.

Everything is written under a temporary ``SBERT_DESKTOP_HOME`` that is removed at the end.

    python bench/workspace.py [--n 100000] [--sample 1000] [--pairs-n 20000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ("cat dog river market city night music garden train coffee rain paper window teacher child doctor "
         "mountain computer letter song street winter summer bread ocean forest story engine light phone").split()


def synthetic_sentences(n: int, seed: int = 0) -> list[str]:
    import numpy as np

    rng = np.random.default_rng(seed)
    lengths = rng.integers(6, 16, size=n)
    words = rng.integers(0, len(WORDS), size=(n, 16))
    return [f"{i}: " + " ".join(WORDS[w] for w in words[i, :lengths[i]]) for i in range(n)]


def synthetic_embeddings(n: int, dim: int = 384, seed: int = 0):
    import numpy as np

    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(2, n // 200), dim)).astype(np.float32)
    emb = centres[rng.integers(0, len(centres), size=n)] + 0.5 * rng.standard_normal((n, dim)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    return emb


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - start


def folder_bytes(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="sentences in the workspace (default: %(default)s)")
    parser.add_argument("--sample", type=int, default=1000, help="sentences actually encoded (default: %(default)s)")
    parser.add_argument("--pairs-n", type=int, default=100_000,
                        help="rows pair mining is timed on (extrapolated quadratically below --n; default: %(default)s)")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    print(f"uptime: {os.popen('uptime').read().strip()}", flush=True)
    home = Path(tempfile.mkdtemp(prefix="sbert-bench-ws-"))
    os.environ["SBERT_DESKTOP_HOME"] = str(home)
    try:
        run(args, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
        print(f"uptime: {os.popen('uptime').read().strip()}", flush=True)


def run(args: argparse.Namespace, home: Path) -> None:
    import numpy as np
    import torch

    from sbert_desktop.core.cache import EmbeddingCache, cached_encode, text_keys
    from sbert_desktop.core.clustering import cluster
    from sbert_desktop.core.models import BiEncoder
    from sbert_desktop.core.projection import project
    from sbert_desktop.core.similarity import mine_pairs
    from sbert_desktop.core.workspace import Workspace, describe_data, load_workspace, save_workspace

    n = args.n
    print(f"{n:,} sentences, 384-d float32; torch threads {torch.get_num_threads()}, CPU")
    sentences = synthetic_sentences(n)
    data_file = home / "corpus.txt"
    data_file.write_text("\n".join(sentences) + "\n", encoding="utf-8")
    model = BiEncoder.load("default", device="cpu")
    model.encode(sentences[:64], batch_size=args.batch_size)  # warm-ups: imports and first calls are not timed
    warm = synthetic_embeddings(500)
    cluster(warm, method="kmeans", n_clusters=5, reduce=None)
    project(warm, method="pca", cache=False)
    mine_pairs(warm, top_k=5)

    # -- compute ---------------------------------------------------------------------------------
    sample = sentences[: args.sample]
    _, t_sample = timed(model.encode, sample, batch_size=args.batch_size)
    t_encode = t_sample / len(sample) * n
    emb = synthetic_embeddings(n)
    result, t_cluster = timed(cluster, emb, method="kmeans", n_clusters=50, reduce=None)
    coords, t_project = timed(project, emb, method="pca", cache=False)
    m = min(args.pairs_n, n)
    mined, t_pairs_m = timed(mine_pairs, emb[:m], top_k=5)
    t_pairs = t_pairs_m * (n / m) ** 2
    pairs = mine_pairs(emb[: min(n, 5000)], top_k=5)  # the table saved (its size, not its time, matters)
    t_compute = t_encode + t_cluster + t_project + t_pairs
    print("\ncompute (what reopening avoids)")
    print(f"  encode      {t_encode:9.1f} s   extrapolated: {len(sample):,} sentences took {t_sample:.1f} s "
          f"({len(sample) / t_sample:.0f}/s)")
    print(f"  k-means 50  {t_cluster:9.1f} s   measured on {n:,}")
    print(f"  PCA 2D      {t_project:9.1f} s   measured on {n:,}")
    if m < n:
        print(f"  top-5 pairs {t_pairs:9.1f} s   extrapolated (x{(n / m) ** 2:.0f}): {m:,} rows took {t_pairs_m:.1f} s "
              f"({mined.method})")
    else:
        print(f"  top-5 pairs {t_pairs:9.1f} s   measured on {n:,} ({mined.method} neighbours)")
    print(f"  total       {t_compute:9.1f} s")

    ws = Workspace(
        data=describe_data(data_file, format="txt"),
        models={"active": "bi", "bi": {"source": "default", "pooling": model.pooling.mode,
                                       "max_seq_length": model.max_seq_length, "normalize": model.normalize,
                                       "fingerprint": model.fingerprint()}},
        sentences=sentences, embeddings=emb, embeddings_info={"fingerprint": model.fingerprint()},
        clusters={"params": {"method": "kmeans", "n_clusters": 50},
                  "names": {i: f"topic {i}" for i in range(50)}},
        labels=np.asarray(result.labels, dtype=np.int64),
        projection={"method": "pca", "params": {"n_components": 2}}, coords=coords,
        pairs={"top-5": {"first": pairs.first, "second": pairs.second, "scores": pairs.scores}},
        selections={"picked": np.arange(0, n, 97)},
        runs=[{"name": "sts-1", "out_dir": "/runs/sts-1",
               "history": [{"step": s, "loss": 1 / (s + 1), "dev_spearman": 0.8} for s in range(0, 5000, 50)]}],
        pages={"current": "Explore"},
    )

    # -- save / reopen ---------------------------------------------------------------------------
    print("\nsave / reopen (measured)")
    reopen = {}
    for suffix in (".sbertws", ".sbert"):
        path, t_save = timed(save_workspace, home / f"bench{suffix}", ws)
        back, t_load = timed(load_workspace, path)
        _, t_fast = timed(load_workspace, path, verify=False)
        assert back.embeddings.shape == emb.shape and back.sentences[-1] == sentences[-1]
        reopen[suffix] = t_load
        print(f"  {suffix:<8} {folder_bytes(path) / 1e6:7.1f} MB  save {t_save:5.2f} s  reopen {t_load:5.2f} s "
              f"(checksums verified)  {t_fast:5.2f} s (not verified)")
        del back

    best = min(reopen.values())
    print(f"\nreopen {best:.2f} s vs compute {t_compute:.0f} s: {t_compute / best:,.0f}x faster")

    # -- cache -----------------------------------------------------------------------------------
    print("\nembedding cache (measured)")
    cache = EmbeddingCache()
    k = len(sample)
    (_, s1), t_cold = timed(cached_encode, model, sample, args.batch_size, cache=cache)
    (_, s2), t_warm = timed(cached_encode, model, sample, args.batch_size, cache=cache)
    more = sentences[: k + k // 10]
    (_, s3), t_part = timed(cached_encode, model, more, args.batch_size, cache=cache)
    print(f"  {k:,} sentences, empty cache: {t_cold:7.2f} s ({s1['encoded']:,} encoded)")
    print(f"  {k:,} sentences, again:       {t_warm:7.3f} s ({s2['hits']:,} from cache, {s2['encoded']} encoded)"
          f"  -> {t_cold / t_warm:,.0f}x")
    print(f"  {len(more):,} sentences (+10%):   {t_part:7.2f} s ({s3['hits']:,} from cache, {s3['encoded']:,} encoded)")

    store = cache.store(model.fingerprint())
    store.append(text_keys(sentences), emb)  # as if all n had been encoded before
    fresh = EmbeddingCache()  # a new session: the index is read from disk
    (out, s4), t_all = timed(cached_encode, model, sentences, args.batch_size, cache=fresh)
    assert s4["encoded"] == 0 and np.array_equal(out[k + k // 10:], emb[k + k // 10:])
    print(f"  {n:,} sentences from a cache of {fresh.entries()[0]['count']:,} (new session): {t_all:.2f} s "
          f"vs {t_encode:.0f} s to encode (extrapolated) -> {t_encode / t_all:,.0f}x")
    print(f"  cache on disk: {fresh.size_bytes() / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
