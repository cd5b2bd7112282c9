"""Pooling ablation: one bi-encoder's backbone, every pooling mode, on a labelled pair set.

The Sentence-BERT paper's pooling table (mean, CLS, max) for the user's own model and data: STS
gives Pearson/Spearman of cosine(u, v) against gold, NLI gives accuracy/macro-F1 through the
model's softmax head (``nli_head/`` beside a model trained with the softmax loss) where it has one.

Only the pooling changes between modes, so each distinct sentence is tokenized once and run
through the transformer once; every mode pools the same token states. The batches are the ones
``BiEncoder.encode`` forms (same tokenization, same length-sorted order, same batch size), so a
mode's figures equal ``evaluate --pooling MODE`` run on its own. The model is evaluated as it was
trained: the paper retrains per mode, this table re-pools one trained backbone.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, ProgressCallback

SCHEMA_VERSION = 1


def embeddings_per_mode(bi, sentences: Sequence[str], modes: Sequence[str], batch_size: int = 64, *,
                        progress: ProgressCallback | None = None,
                        cancel: CancelToken | None = None) -> dict[str, np.ndarray]:
    """``{mode: float32 [n, dim]}``: one transformer pass, pooled by each of ``modes``."""
    import torch
    import torch.nn.functional as F

    from sbert_desktop.core.models.base import clean_texts, forward_pretokenized, pretokenize
    from sbert_desktop.core.models.pooling import Pooling, check_mode

    modes = [check_mode(m) for m in modes]
    dim = bi.dimension
    if not sentences:
        return {m: np.zeros((0, dim), dtype=np.float32) for m in modes}
    poolers = [Pooling(dim, m) for m in modes]
    encoded = pretokenize(bi.tokenizer, clean_texts(sentences, bi.do_lower_case), None, bi.max_seq_length)

    def all_modes(features):
        inputs = {k: v for k, v in features.items() if k in ("input_ids", "attention_mask", "token_type_ids")}
        tokens = bi.transformer(**inputs, return_dict=True).last_hidden_state
        pooled = [p(tokens, features["attention_mask"]) for p in poolers]
        if bi.normalize:
            pooled = [F.normalize(e, p=2, dim=1) for e in pooled]
        return torch.cat(pooled, dim=1)

    out = forward_pretokenized(bi, encoded, all_modes, batch_size, progress=progress, cancel=cancel,
                               stage="encode", workers=1)  # the torch backbone: one batch at a time
    return {m: np.ascontiguousarray(out[:, i * dim:(i + 1) * dim]) for i, m in enumerate(modes)}


def pooling_ablation(bi, dataset, modes: Sequence[str] | None = None, *, head=None, batch_size: int = 64,
                     progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                     keep: dict | None = None) -> dict[str, Any]:
    """The pooling table of ``bi`` on ``dataset`` (a ``read_pairs`` result).

    Returns ``{"schema_version", "task", "metric", "model_pooling", "rows": [{"pooling", "own", ...metrics}]}``
    with ``pearson``/``spearman`` for STS and ``accuracy``/``macro_f1`` for NLI (NLI needs ``head``,
    the model's softmax classifier; without it a ``SbertDesktopError`` says so). ``keep`` (a dict),
    when given, receives ``{text: row}`` as ``"index"`` and the model's own mode's embeddings as
    ``"embeddings"`` (equal to ``bi.encode``), for other tables to reuse.
    """
    from sbert_desktop.core import evaluation
    from sbert_desktop.core.models.pooling import POOLING_MODES

    modes = list(modes or POOLING_MODES)
    if len(dataset) == 0:
        raise SbertDesktopError(f"{dataset.path}: no pairs to evaluate")
    task = dataset.task
    if task == "sts" and dataset.scores is None:
        raise SbertDesktopError(f"{dataset.path}: has no similarity scores, so STS metrics cannot be computed")
    if task == "nli":
        if dataset.labels is None:
            raise SbertDesktopError(f"{dataset.path}: has no NLI labels, so accuracy cannot be computed")
        if head is None:
            raise SbertDesktopError(
                "NLI pooling table: this bi-encoder has no softmax classifier head beside it (nli_head/, "
                "written when it is trained on NLI with the softmax loss); use an STS data set instead")
    unique: dict[str, int] = {}
    for text in list(dataset.sentence1) + list(dataset.sentence2):
        unique.setdefault(text, len(unique))
    per_mode = embeddings_per_mode(bi, list(unique), modes, batch_size, progress=progress, cancel=cancel)
    if keep is not None and bi.pooling.mode in per_mode:
        keep.update(index=unique, embeddings=per_mode[bi.pooling.mode])
    first = [unique[t] for t in dataset.sentence1]
    second = [unique[t] for t in dataset.sentence2]
    rows = []
    for mode, emb in per_mode.items():
        u, v = emb[first], emb[second]
        if task == "sts":
            metrics = evaluation.correlations(evaluation.cosine_scores(u, v), dataset.scores)
        else:
            probs = evaluation.nli_head_probabilities(head, u, v)
            metrics = evaluation.classification_metrics(probs.argmax(axis=1), dataset.labels, head.num_labels)
            metrics = {k: metrics[k] for k in ("accuracy", "macro_f1", "n")}
        rows.append({"pooling": mode, "own": mode == bi.pooling.mode, **metrics})
    return {"schema_version": SCHEMA_VERSION, "task": task,
            "metric": "spearman" if task == "sts" else "accuracy", "model_pooling": bi.pooling.mode,
            "sentences": len(unique), "pairs": len(dataset), "rows": rows}
