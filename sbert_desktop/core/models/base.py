"""What bi- and cross-encoders share: tokenizer handling, length-sorted batching, fingerprints."""

from __future__ import annotations

import hashlib
from typing import Any, Callable, Iterable, Sequence

import numpy as np
import torch
from torch import nn

from sbert_desktop.core.progress import CancelToken, ProgressCallback, ProgressReporter, check


def default_max_length(tokenizer, config) -> int:
    """sentence-transformers' rule: the tokenizer's and the position table's limits, whichever is lower."""
    limits = [getattr(config, "max_position_embeddings", None), getattr(tokenizer, "model_max_length", None)]
    limits = [int(x) for x in limits if isinstance(x, int) and 0 < x < 1_000_000]
    return min(limits) if limits else 512


#: model types whose absolute position table starts after the padding index (RoBERTa's offset of 2)
_PADDED_POSITIONS = ("roberta", "xlm-roberta", "camembert", "mpnet", "longformer", "data2vec-text", "xmod")
#: model types with an absolute position table (a longer input fails inside the model)
_ABSOLUTE_POSITIONS = _PADDED_POSITIONS + ("bert", "distilbert", "electra", "albert", "ernie", "xlm", "mobilebert")


def position_limit(backbone: Any) -> int | None:
    """How many tokens ``backbone`` reads at most: the rows of its absolute position table (less
    RoBERTa's padding offset); None when it has no such table (rotary or relative positions) or it
    cannot be told. A deferred backbone (no weights yet, deferred.py) is judged from its config."""
    base = getattr(backbone, "base_model", backbone)
    table = getattr(getattr(base, "embeddings", None), "position_embeddings", None)
    if isinstance(table, nn.Embedding):
        pad = table.padding_idx
        return int(table.num_embeddings - (pad + 1 if pad is not None else 0))
    from sbert_desktop.core.models.deferred import DeferredBackbone

    if not isinstance(backbone, DeferredBackbone):
        return None  # a built module without such a table
    config = backbone.config
    kind = getattr(config, "model_type", None)
    rows = getattr(config, "max_position_embeddings", None)
    if kind not in _ABSOLUTE_POSITIONS or not isinstance(rows, int) or rows <= 0:
        return None
    if kind in _PADDED_POSITIONS:
        rows -= int(getattr(config, "pad_token_id", 1) or 0) + 1
    return rows if rows > 0 else None


def fit_max_length(given: int | None, saved: int | None, tokenizer: Any, backbone: Any) -> int:
    """The maximum sequence length a model runs with: ``given`` (the user's) when its position table
    holds it, else a clear :class:`~sbert_desktop.core.errors.ModelLoadError` (not an index error deep in
    the model on the first long text); without one the model's ``saved`` value or sentence-transformers'
    default, lowered quietly to what the table holds."""
    from sbert_desktop.core.errors import ModelLoadError

    limit = position_limit(backbone)
    if given:
        given = int(given)
        if given < 2:
            raise ModelLoadError(f"max_seq_length {given} is too short: [CLS] and [SEP] alone take 2 tokens")
        if limit is not None and given > limit:
            raise ModelLoadError(f"this model reads at most {limit} tokens (the rows of its position table); "
                                 f"max_seq_length {given} is more: use {limit} or less")
        return given
    value = int(saved or default_max_length(tokenizer, getattr(backbone, "config", None)))
    return min(value, limit) if limit is not None else value


def length_sorted_batches(lengths: Sequence[int], batch_size: int) -> list[np.ndarray]:
    """Indices grouped into batches of similar length, longest first (padding stays small)."""
    order = np.argsort(-np.asarray(lengths), kind="stable")
    return [order[i:i + batch_size] for i in range(0, len(order), batch_size)]


def run_batched(
    n: int,
    lengths: Sequence[int],
    batch_size: int,
    compute: Callable[[np.ndarray], torch.Tensor],
    *,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    stage: str,
    workers: int = 1,
) -> np.ndarray:
    """Run ``compute(indices) -> tensor [len(indices), ...]`` over length-sorted batches.

    Returns a float32 array in input order. Checks ``cancel`` between batches. With ``workers`` > 1
    that many batches run at once on threads (for an engine whose calls release the GIL and run
    side by side, see ``runtime.OnnxEngine``); results and progress are gathered on this thread.
    The ``batch_size`` rows are then shared among the workers (``ceil(batch_size / workers)`` each),
    so the activations in memory stay those of one batch (bench/results/encode.txt: two int8 sessions
    on 16 rows each, 08:02 run, against 32 rows each, 07:40 run: 682 against 634 sentences/s, peak
    548 against 590 MB).
    """
    report = ProgressReporter(progress, n, stage)
    report(0, force=True)
    if workers > 1:
        batch_size = max(1, -(-batch_size // workers))
    batches = length_sorted_batches(lengths, batch_size)
    out: np.ndarray | None = None
    done = 0

    def run(idx: np.ndarray) -> np.ndarray:
        with torch.inference_mode():  # per thread: a worker thread starts with gradients on
            return compute(idx).float().cpu().numpy()

    def store(idx: np.ndarray, values: np.ndarray) -> None:
        nonlocal out, done
        if out is None:
            out = np.empty((n,) + values.shape[1:], dtype=np.float32)
        out[idx] = values
        done += len(idx)
        report(done)

    if workers <= 1 or len(batches) < 2:
        for idx in batches:
            check(cancel)
            store(idx, run(idx))
    else:
        from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

        pending: dict = {}
        todo = iter(batches)
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sbert-batch") as pool:
            try:
                while True:
                    while len(pending) < 2 * workers:
                        idx = next(todo, None)
                        if idx is None:
                            break
                        check(cancel)
                        pending[pool.submit(run, idx)] = idx
                    if not pending:
                        break
                    finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in finished:
                        store(pending.pop(future), future.result())
            finally:
                for future in pending:  # on cancel or error: start nothing more
                    future.cancel()
    if out is None:
        out = np.empty((0,), dtype=np.float32)
    return out


def forward_pretokenized(
    module: nn.Module,
    encoded: dict[str, list],
    forward: Callable[[dict[str, torch.Tensor]], torch.Tensor],
    batch_size: int,
    *,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    stage: str,
    workers: int | None = None,
) -> np.ndarray:
    """``forward(features)`` over pre-tokenized rows in length-sorted batches, in eval mode.

    ``module`` has ``tokenizer`` and ``device``; its training mode is restored afterwards.
    Returns float32 in input order. ``workers``: batches run at once (default: the module's
    ``inference_workers()``, i.e. its ONNX engine's sessions; 1 on torch).
    """
    tokenizer = module.tokenizer
    ids = encoded["input_ids"]
    lengths = ids.lengths() if hasattr(ids, "lengths") else [len(row) for row in ids]
    pad_id = tokenizer.pad_token_id or 0
    side = getattr(tokenizer, "padding_side", "right")
    device = module.device
    was_training = module.training
    module.eval()
    try:
        if workers is None:
            workers = module.inference_workers() if hasattr(module, "inference_workers") else 1
        return run_batched(len(lengths), lengths, batch_size,
                           lambda idx: forward(to_device(collate(encoded, idx, pad_id, side), device)),
                           progress=progress, cancel=cancel, stage=stage, workers=workers)
    finally:
        module.train(was_training)


#: texts tokenized per tokenizer call; each chunk's lists become compact arrays before the next
TOKENIZE_CHUNK = 8192


def pretokenize(tokenizer, texts: list[str], pair_with: list[str] | None, max_length: int) -> dict[str, Any]:
    """Tokenize everything once, truncated (longest first) but unpadded; batches are padded later.

    Each key is a :class:`~sbert_desktop.core.models.ragged.Ragged` array (int32 ids, uint8 masks,
    about 6 bytes a token instead of ~40 as Python lists); ``encoded[key][i]`` is row i."""
    from sbert_desktop.core.models.ragged import Ragged, compact

    if not texts:
        return {"input_ids": []}
    parts: list[dict[str, Ragged]] = []
    for s in range(0, len(texts), TOKENIZE_CHUNK):
        second = pair_with[s : s + TOKENIZE_CHUNK] if pair_with is not None else None
        parts.append(compact(dict(tokenizer(texts[s : s + TOKENIZE_CHUNK], second, padding=False,
                                            truncation="longest_first", max_length=max_length, verbose=False))))
    return {key: Ragged.concat([p[key] for p in parts]) for key in parts[0]}


def collate(encoded: dict[str, list], idx: Sequence[int], pad_id: int, side: str = "right") -> dict[str, torch.Tensor]:
    """Pad the pre-tokenized rows ``idx`` to their longest member, as ``tokenizer.pad`` would."""
    rows = [encoded["input_ids"][i] for i in idx]
    width = max(len(r) for r in rows)
    out: dict[str, torch.Tensor] = {}
    for key, values in encoded.items():
        fill = pad_id if key == "input_ids" else 0
        arr = np.full((len(idx), width), fill, dtype=np.int64)
        for row, i in enumerate(idx):
            seq = values[i]
            if side == "left":
                arr[row, width - len(seq):] = seq
            else:
                arr[row, :len(seq)] = seq
        out[key] = torch.from_numpy(arr)
    return out


def state_fingerprint(module: nn.Module) -> str:
    """A hash of a module's parameters and buffers (for models that live only in memory)."""
    digest = hashlib.blake2b(digest_size=16)
    for name, tensor in sorted(module.state_dict().items()):
        digest.update(name.encode())
        digest.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return digest.hexdigest()


def count_parameters(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def to_device(features: dict[str, Any], device) -> dict[str, Any]:
    return {k: v.to(device) if isinstance(v, torch.Tensor) else v for k, v in features.items()}


def clean_texts(texts: Iterable[Any], lower: bool = False) -> list[str]:
    """sentence-transformers strips whitespace before tokenizing; so do we."""
    out = [str(t).strip() for t in texts]
    return [t.lower() for t in out] if lower else out
