"""Encoding on several processes (torchrun): each rank embeds its share into the embedding cache,
rank 0 reads the whole output back from the cache in input order.

The split follows the batches one process would run: :func:`~sbert_desktop.core.cache.cached_encode`
encodes the distinct sentences the cache lacks, ``CHUNK_SIZE`` at a time, each chunk in
length-sorted batches (``length_sorted_batches``). Every rank forms those same batches and runs
batches ``rank, rank + W, ...`` of each chunk, each as one ``model.encode`` call on exactly that
batch's sentences (same padding, same shapes). So every vector is computed as a single process
would compute it, and rank 0's output equals a single-process encode bit for bit (with the same
kernels: the same device and thread count). Ranks hold one chunk's tokens at a time; the sentence
list itself is read by every rank.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

import numpy as np

from sbert_desktop.core.cache import CHUNK_SIZE, EmbeddingCache
from sbert_desktop.core.embedding_store import _clean, text_keys
from sbert_desktop.core.progress import CancelToken, Progress, ProgressCallback, check


def init(device: str) -> tuple[int, int, str]:
    """Join torchrun's process group (gloo on CPU, NCCL on CUDA); (rank, world size, device)."""
    from sbert_desktop.core.training.distributed import init as init_group

    return init_group(device)


def _batches(model: Any, texts: list[str], batch_size: int) -> list[np.ndarray]:
    """The batches ``model.encode(texts, batch_size)`` runs (same prompt, cleaning and truncation)."""
    from sbert_desktop.core.models.base import clean_texts, length_sorted_batches, pretokenize

    prompt = model.effective_prompt()
    cleaned = clean_texts([prompt + t for t in texts] if prompt else texts, model.do_lower_case)
    encoded = pretokenize(model.tokenizer, cleaned, None, model.max_seq_length)
    return length_sorted_batches([len(ids) for ids in encoded["input_ids"]], batch_size)


def encode_share(model: Any, sentences: Sequence[str], rank: int, world: int, batch_size: int = 32,
                 cache: Optional[EmbeddingCache] = None, progress: Optional[ProgressCallback] = None,
                 cancel: Optional[CancelToken] = None, barrier=None) -> int:
    """Embed this rank's batches of the sentences the cache lacks and store them; returns how many.

    ``barrier`` (``torch.distributed.barrier``) is called after the look-up, so no rank sees
    another's new shards while deciding what is missing.
    """
    cache = cache if cache is not None else EmbeddingCache()
    texts = _clean(sentences, bool(getattr(model, "do_lower_case", False)))
    store = cache.store(model.fingerprint())
    store.ensure(int(model.dimension), name=str(getattr(model, "name", "")), source=str(getattr(model, "source", "")))
    with store._lock:
        keys = text_keys(texts)
        seen: dict[bytes, int] = {}
        first = [seen.setdefault(k.tobytes(), i) for i, k in enumerate(keys.view(np.dtype((np.void, 16))).ravel())]
        uniq = np.asarray(sorted(set(first)), dtype=np.int64)
        shard, _ = store.lookup(keys[uniq])
    if barrier is not None:
        barrier()
    miss = uniq[shard < 0]
    done = 0
    for offset in range(0, len(miss), CHUNK_SIZE):
        part = miss[offset: offset + CHUNK_SIZE]
        chunk = [texts[int(i)] for i in part]
        mine = _batches(model, chunk, batch_size)[rank::world]
        if not mine:
            continue
        rows = np.concatenate(mine)
        vecs = []
        for batch in mine:
            check(cancel)
            vecs.append(model.encode([chunk[int(i)] for i in batch], batch_size=len(batch), normalize=False))
            done += len(batch)
            if progress is not None:
                progress(Progress(done, len(miss), "encode", {"rank": rank}))
        store.append(keys[part[rows]], np.concatenate(vecs).astype(np.float32))
    return done
