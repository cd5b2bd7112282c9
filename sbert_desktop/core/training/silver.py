"""Silver pairs: new sentence pairs scored by a bi-encoder, to train a cross-encoder on before the
gold STS data.

A cross-encoder started from a bi-encoder's weights reads both sentences at once through a head it
has never trained, so the knowledge the bi-encoder holds about similarity (all-MiniLM-L6-v2: a
billion training pairs) is not in the cross-encoder's score yet. Scoring many new pairs with the
bi-encoder and training the cross-encoder on them first hands that knowledge over; the gold pairs
then correct it. This is AugSBERT (Thakur et al., 2021) in the other direction: there a
cross-encoder labels silver pairs for a bi-encoder.

The pairs are built from the sentences of the gold training file only (never the dev set), as
AugSBERT's semantic-search sampling does: for every sentence, its two nearest neighbours, one
neighbour drawn from ranks 3–40 and one random sentence, so that the scores span the whole scale.
Pairs already in the gold file and near-duplicates (cosine > 0.995) are left out. Each score is
the bi-encoder's cosine mapped to the gold scale by a least-squares line fitted on the gold pairs,
clipped to 0–1. The file is a ``sentence1<TAB>sentence2<TAB>score`` TSV that any STS run reads.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np

from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check

#: neighbours considered per sentence (ranks 1..NEIGHBOURS)
NEIGHBOURS = 40
#: pairs closer than this are near-duplicates of each other, not training signal
DUPLICATE_COSINE = 0.995
#: rows of the similarity matrix held at once: at most this many scores (200 MB of float32)
BLOCK_SCORES = 50_000_000


@dataclass
class SilverReport:
    path: Path
    pairs: int
    sentences: int
    slope: float         # gold score (0-1) ~ slope * cosine + intercept on the gold pairs
    intercept: float


def nearest(emb: np.ndarray, k: int, cancel: CancelToken | None = None) -> np.ndarray:
    """Indices of the ``k`` most similar other rows of every row, most similar first: int64 [n, k]."""
    n = emb.shape[0]
    k = min(k, n - 1)
    out = np.empty((n, k), np.int64)
    step = max(1, min(n, BLOCK_SCORES // n))
    for start in range(0, n, step):
        check(cancel)
        block = emb[start : start + step] @ emb.T
        rows = np.arange(block.shape[0])
        block[rows, start + rows] = -2.0  # never a row's own neighbour
        top = np.argpartition(-block, k - 1, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(block, top, axis=1), axis=1, kind="stable")
        out[start : start + step] = np.take_along_axis(top, order, axis=1)
    return out


def _cell(text: str) -> str:
    return " ".join(text.split("\t")).replace("\r", " ").replace("\n", " ")


def fit_scale(cos: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """Least-squares ``gold ~ slope * cos + intercept``."""
    a = np.c_[cos.astype(np.float64), np.ones(len(cos))]
    (slope, intercept), *_ = np.linalg.lstsq(a, gold.astype(np.float64), rcond=None)
    return float(slope), float(intercept)


def candidate_pairs(near: np.ndarray, cos_of, gold_pairs: set, rng: random.Random) -> list[tuple[int, int]]:
    """Unordered pairs (i < j): per sentence its two nearest, one from ranks 3..k and one random."""
    n, k = near.shape
    pairs: set[frozenset] = set()
    for i in range(n):
        picks = [near[i, 0], near[i, 1], near[i, rng.randrange(2, k)], rng.randrange(n)]
        for j in picks:
            j = int(j)
            if j == i or cos_of(i, j) > DUPLICATE_COSINE:
                continue
            key = frozenset((i, j))
            if key not in gold_pairs:
                pairs.add(key)
    return sorted(tuple(sorted(p)) for p in pairs)


def make_silver_pairs(model: str, gold_file: str | Path, out_file: str | Path, n_pairs: int = 12000,
                      seed: int = 42, batch_size: int = 64, device: str = "auto",
                      progress: Optional[ProgressCallback] = None,
                      cancel: Optional[CancelToken] = None) -> SilverReport:
    """Write up to ``n_pairs`` silver pairs built from ``gold_file``'s sentences and scored by the
    bi-encoder ``model`` to ``out_file`` (atomically). Deterministic for a seed and a model."""
    from sbert_desktop.core.atomic import atomic_file
    from sbert_desktop.core.data import read_pairs
    from sbert_desktop.core.errors import DataError
    from sbert_desktop.core.models import BiEncoder

    gold = read_pairs(gold_file, task="sts")
    sentences = list(dict.fromkeys(gold.sentence1 + gold.sentence2))
    n = len(sentences)
    if n < 4 or n_pairs <= 0:
        raise DataError(gold_file, f"too few sentences ({n}; at least 4) to build silver pairs")
    bi = BiEncoder.load(model, device=device)

    def forward(event: Progress) -> None:
        if progress is not None:
            progress(Progress(event.done, event.total, "silver pairs: encode", event.info, event.elapsed))

    emb = np.asarray(bi.encode(sentences, batch_size=batch_size, normalize=True, progress=forward, cancel=cancel),
                     dtype=np.float32)
    index = {s: i for i, s in enumerate(sentences)}
    a = np.array([index[s] for s in gold.sentence1])
    b = np.array([index[s] for s in gold.sentence2])
    slope, intercept = fit_scale((emb[a] * emb[b]).sum(1), gold.normalized_scores())

    def cos_of(i: int, j: int) -> float:
        return float(emb[i] @ emb[j])

    rng = random.Random(seed)
    near = nearest(emb, NEIGHBOURS, cancel)
    check(cancel)
    pairs = candidate_pairs(near, cos_of, {frozenset(p) for p in zip(a.tolist(), b.tolist())}, rng)
    rng.shuffle(pairs)
    pairs = pairs[:n_pairs]
    with atomic_file(out_file) as fh:
        fh.write("sentence1\tsentence2\tscore\n")
        for i, j in pairs:
            if rng.random() < 0.5:
                i, j = j, i
            score = min(1.0, max(0.0, slope * cos_of(i, j) + intercept))
            fh.write(f"{_cell(sentences[i])}\t{_cell(sentences[j])}\t{score:.4f}\n")
    if progress is not None:
        progress(Progress(1, 1, "silver pairs: written", {"pairs": len(pairs)}))
    return SilverReport(Path(out_file), len(pairs), n, slope, intercept)


@dataclass
class SilverStage:
    """A preset stage that writes the silver pairs file the next training stage reads; it is done
    (and skipped when a preset is started again) once ``out_file`` exists."""

    model: str
    gold_file: str
    out_file: str
    n_pairs: int = 12000
    seed: int = 42
    device: str = "auto"

    def done(self) -> bool:
        return Path(self.out_file).is_file()

    def run(self, progress: Optional[ProgressCallback] = None, cancel: Optional[CancelToken] = None) -> SilverReport:
        return make_silver_pairs(self.model, self.gold_file, self.out_file, self.n_pairs, self.seed, device=self.device,
                                 progress=progress, cancel=cancel)
