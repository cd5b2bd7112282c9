"""Reload a bi-encoder trained with the softmax loss, with its classifier head, and predict NLI labels."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np

from sbert_desktop.core.errors import SbertDesktopError
from sbert_desktop.core.progress import CancelToken, ProgressCallback
from sbert_desktop.core.training.losses import HEAD_DIR, SoftmaxHead


def load_nli_head(model_dir: str | Path, device="cpu") -> SoftmaxHead:
    """The head in ``model_dir/nli_head``; refuses one from another step than the published model."""
    model_dir = Path(model_dir)
    head = SoftmaxHead.load(model_dir / HEAD_DIR, device=device)
    best = model_dir / "best.json"
    if best.is_file():
        step = json.loads(best.read_text(encoding="utf-8")).get("step")
        head_step = head.saved_config.get("step")
        if head_step is not None and step is not None and head_step != step:
            raise SbertDesktopError(
                f"{model_dir}: the classifier head (step {head_step}) and the model (step {step}) come from "
                "different saves (the run was killed while saving); resume the run to write both again"
            )
    return head


def predict_nli(model_dir: str | Path, pairs: Sequence[tuple[str, str]], batch_size: int = 64, *,
                device: str = "auto", progress: Optional[ProgressCallback] = None,
                cancel: Optional[CancelToken] = None, model=None) -> dict[str, Any]:
    """NLI labels for ``pairs`` from a bi-encoder folder with its softmax head.

    Returns ``{"labels": [name, ...], "label_ids": int64 [n], "probabilities": float32 [n, 3],
    "label_names": (...)}``. Pass an already loaded ``model`` to skip loading it again.
    """
    from sbert_desktop.core.evaluation import nli_head_probabilities
    from sbert_desktop.core.models import BiEncoder

    bi = model if model is not None else BiEncoder.load(str(model_dir), device=device)
    head = load_nli_head(model_dir, device=bi.device)
    pairs = list(pairs)
    unique: dict[str, int] = {}
    for a, b in pairs:
        unique.setdefault(a, len(unique))
        unique.setdefault(b, len(unique))
    emb = bi.encode(list(unique), batch_size=batch_size, progress=progress, cancel=cancel)
    u = emb[[unique[a] for a, _ in pairs]] if pairs else emb[:0]
    v = emb[[unique[b] for _, b in pairs]] if pairs else emb[:0]
    probs = nli_head_probabilities(head, u, v)
    ids = probs.argmax(axis=1).astype(np.int64) if len(probs) else np.zeros(0, dtype=np.int64)
    return {"labels": [head.labels[i] for i in ids], "label_ids": ids, "probabilities": probs,
            "label_names": head.labels}
