"""Which approximate-neighbour library: top-10 neighbours of every point, time and recall@10.

    nice -n 5 .venv/bin/python bench/ann_choice.py 50000 faiss:512:8 faiss:512:16 hnsw:16:100 usearch:16:100:f32 nnd:15

Needs hnswlib and usearch besides faiss-cpu and pynndescent (pip install hnswlib usearch; they are
not project dependencies). Data: bench/scale.py's synthetic clustered set. Methods:
faiss:nlist:nprobe (IVF-Flat, inner product), hnsw:M:ef_construction (ef_search ef/2),
usearch:M:ef:dtype, nnd:n_neighbors (pynndescent NNDescent). Recall against exact on 1,000 rows.
"""
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scale import synth  # noqa: E402

print(os.popen("uptime").read().strip(), flush=True)
n = int(sys.argv[1]); which = sys.argv[2:]
x, l = synth(n, max(8, n // 200))  # 250 topics at 50k, as in bench/results/ann_choice.txt
k = 10
rng = np.random.default_rng(1)
sample = rng.choice(n, 1000, replace=False)
import torch; torch.set_num_threads(2)
s = torch.from_numpy(x[sample]) @ torch.from_numpy(x).T
s[torch.arange(1000), torch.from_numpy(sample)] = -9
exact = s.topk(k, dim=1).indices.numpy()
def recall(idx):
    return np.mean([len(set(a) & set(b)) / k for a, b in zip(idx[sample], exact)])
def rss(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"n={n} rss0 {rss():.0f} MB", flush=True)
for w in which:
    t = time.perf_counter()
    if w == 'exact':
        from sbert_desktop.core.similarity import nearest_neighbors
        idx = nearest_neighbors(x, k).indices
    elif w.startswith('faiss'):
        import faiss; faiss.omp_set_num_threads(2)
        nlist = int(w.split(':')[1]); nprobe = int(w.split(':')[2])
        q = faiss.IndexFlatIP(x.shape[1]); ind = faiss.IndexIVFFlat(q, x.shape[1], nlist, faiss.METRIC_INNER_PRODUCT)
        ind.train(x[rng.choice(n, min(n, nlist * 40), replace=False)]); ind.add(x); tb = time.perf_counter() - t
        ind.nprobe = nprobe; _, idx = ind.search(x, k + 1); idx = idx[:, 1:]
    elif w.startswith('hnsw'):
        import hnswlib
        M, ef = int(w.split(':')[1]), int(w.split(':')[2])
        p = hnswlib.Index('ip', x.shape[1]); p.init_index(n, ef_construction=ef, M=M); p.set_num_threads(2)
        p.add_items(x); tb = time.perf_counter() - t; p.set_ef(max(ef // 2, 20)); idx, _ = p.knn_query(x, k + 1); idx = idx[:, 1:]
    elif w.startswith('usearch'):
        from usearch.index import Index
        M, ef, dt = int(w.split(':')[1]), int(w.split(':')[2]), w.split(':')[3]
        ind = Index(ndim=x.shape[1], metric='cos', dtype=dt, connectivity=M, expansion_add=ef, expansion_search=max(ef//2, 20))
        ind.add(np.arange(n), x, threads=2); tb = time.perf_counter() - t
        m = ind.search(x, k + 1, threads=2); idx = m.keys[:, 1:].astype(np.int64)
    elif w.startswith('nnd'):
        from pynndescent import NNDescent
        ind = NNDescent(x, metric='cosine', n_neighbors=int(w.split(':')[1]), n_jobs=2, random_state=0, low_memory=True, compressed=True)
        tb = time.perf_counter() - t; idx = ind.neighbor_graph[0][:, 1:k+1]
    tt = time.perf_counter() - t
    print(f"{w:22s} total {tt:7.1f}s build {tb if w!='exact' else tt:6.1f}s recall@10 {recall(idx):.3f} maxrss {rss():.0f} MB", flush=True)
