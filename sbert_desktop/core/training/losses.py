"""Training objectives of SBERT (Reimers and Gurevych, 2019) and two that train better.

Bi-encoder losses take the embeddings the model produced (``u``, ``v``, optionally hard
negatives) and the batch's targets; cross-encoder losses take the logits. The only loss with
parameters is the softmax classifier head (:class:`SoftmaxHead`), which is saved beside the model
so its NLI predictions can be reproduced later (:func:`sbert_desktop.core.training.predict_nli`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional, Sequence

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from sbert_desktop.core.atomic import atomic_dir, atomic_write_bytes, atomic_write_text
from sbert_desktop.core.errors import SbertDesktopError

HEAD_DIR = "nli_head"
HEAD_SCHEMA_VERSION = 1
from sbert_desktop.core.data.pairs import NLI_LABELS  # noqa: E402 — the one definition


class SoftmaxHead(nn.Module):
    """Linear classifier over concat(u, v, |u - v|[, u * v]) -> logits over the NLI labels."""

    def __init__(
        self,
        dimension: int,
        num_labels: int = 3,
        concat_product: bool = False,
        labels: Sequence[str] = NLI_LABELS,
    ):
        super().__init__()
        self.dimension = int(dimension)
        self.num_labels = int(num_labels)
        self.concat_product = bool(concat_product)
        self.labels = tuple(labels)
        parts = 4 if concat_product else 3
        self.classifier = nn.Linear(parts * self.dimension, self.num_labels)

    def forward(self, u: Tensor, v: Tensor) -> Tensor:
        parts = [u, v, torch.abs(u - v)]
        if self.concat_product:
            parts.append(u * v)
        return self.classifier(torch.cat(parts, dim=-1))

    # ----------------------------------------------------------------- persistence
    def config(self) -> dict:
        return {
            "schema_version": HEAD_SCHEMA_VERSION,
            "type": "softmax",
            "dimension": self.dimension,
            "num_labels": self.num_labels,
            "labels": list(self.labels),
            "concatenation": ["u", "v", "|u-v|"] + (["u*v"] if self.concat_product else []),
        }

    def save(self, path: str | Path, extra: Optional[dict] = None) -> None:
        """Write ``config.json`` + ``model.safetensors`` into the folder ``path``, atomically."""
        from safetensors.torch import save as st_save

        tensors = {k: t.detach().to("cpu").contiguous() for k, t in self.state_dict().items()}
        config = {**self.config(), **(extra or {})}
        with atomic_dir(path) as tmp:
            atomic_write_bytes(tmp / "model.safetensors", st_save(tensors))
            atomic_write_text(tmp / "config.json", json.dumps(config, indent=2) + "\n")

    @classmethod
    def load(cls, path: str | Path, device: str | torch.device = "cpu") -> "SoftmaxHead":
        from safetensors.torch import load_file

        path = Path(path)
        if (path / HEAD_DIR).is_dir():
            path = path / HEAD_DIR
        cfg_path = path / "config.json"
        if not cfg_path.is_file():
            raise SbertDesktopError(
                f"{path}: no NLI classifier head here (a bi-encoder trained with the softmax loss keeps it "
                f"in its {HEAD_DIR}/ folder)"
            )
        try:
            config = json.loads(cfg_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SbertDesktopError(f"{cfg_path}: unreadable ({exc})") from None
        if not isinstance(config, dict) or config.get("schema_version") != HEAD_SCHEMA_VERSION \
                or config.get("type") != "softmax":
            schema = config.get("schema_version") if isinstance(config, dict) else None
            raise SbertDesktopError(f"{cfg_path}: unsupported head (schema {schema})")
        try:  # a damaged head (garbage, truncated, wrong shapes) is a refusal, not a traceback
            head = cls(
                config["dimension"],
                config["num_labels"],
                concat_product="u*v" in config.get("concatenation", []),
                labels=config.get("labels", NLI_LABELS),
            )
            head.load_state_dict(load_file(str(path / "model.safetensors")))
        except Exception as exc:
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            raise SbertDesktopError(f"{path}: the classifier head cannot be loaded ({reason})") from None
        head.saved_config = config
        return head.to(device).eval()


# --------------------------------------------------------------------- bi-encoder losses
def cosine_loss(u: Tensor, v: Tensor, target: Tensor) -> Tensor:
    """SBERT regression objective: MSE between cosine(u, v) and the score scaled to 0..1."""
    return F.mse_loss(F.cosine_similarity(u, v, dim=-1), target.to(u.dtype))


def cosent_loss(u: Tensor, v: Tensor, target: Tensor, scale: float = 20.0) -> Tensor:
    """CoSENT (Su, 2022): log(1 + sum over pairs (i, j) with y_i > y_j of exp(s * (cos_j - cos_i)))."""
    cos = F.cosine_similarity(u, v, dim=-1) * scale
    diff = cos[None, :] - cos[:, None]  # diff[i, j] = cos_j - cos_i
    worse = target[:, None] > target[None, :]  # pair (i, j) should have cos_i > cos_j
    diff = diff.masked_fill(~worse, float("-inf"))
    return torch.logsumexp(torch.cat([diff.new_zeros(1), diff.reshape(-1)]), dim=0)


def mnrl_loss(anchor: Tensor, positive: Tensor, negative: Optional[Tensor] = None, scale: float = 20.0,
              ids: Optional[tuple] = None) -> Tensor:
    """Multiple-negatives ranking: each anchor must pick its positive among all positives of the
    batch and all hard negatives (cross-entropy over scaled cosine similarities).

    ``ids`` (text ids of the anchors, positives and negatives, equal ids = equal texts) masks false
    negatives: another row's candidate that is the same text as this row's positive, and the
    positives of other rows with the same anchor (both right answers, not negatives).
    """
    candidates = positive if negative is None or len(negative) == 0 else torch.cat([positive, negative])
    a = F.normalize(anchor, dim=-1)
    c = F.normalize(candidates, dim=-1)
    scores = a @ c.T * scale
    if ids is not None:
        scores = scores.masked_fill(false_negative_mask(*ids).to(scores.device), float("-inf"))
    return F.cross_entropy(scores, torch.arange(len(anchor), device=anchor.device))


def false_negative_mask(anchor_ids, positive_ids, negative_ids=None) -> Tensor:
    """``[b, b + n]`` True where candidate j must not count as a negative for anchor i (j != i and
    j is i's positive text, or j is the positive of a row with i's anchor text)."""
    import numpy as np

    a = torch.as_tensor(np.asarray(anchor_ids, dtype=np.int64))
    p = torch.as_tensor(np.asarray(positive_ids, dtype=np.int64))
    n = torch.as_tensor(np.asarray(negative_ids if negative_ids is not None else [], dtype=np.int64))
    cand = torch.cat([p, n])
    b = len(a)
    same_text = cand[None, :] == p[:, None]
    same_anchor = torch.zeros_like(same_text)
    same_anchor[:, :b] = a[None, :] == a[:, None]
    mask = same_text | same_anchor
    mask[torch.arange(b), torch.arange(b)] = False
    return mask


# --------------------------------------------------------------------- cross-encoder losses
def cross_entropy_loss(logits: Tensor, labels: Tensor) -> Tensor:
    return F.cross_entropy(logits, labels)


def bce_loss(logits: Tensor, target: Tensor) -> Tensor:
    """One sigmoid output against the gold score scaled to 0..1."""
    return F.binary_cross_entropy_with_logits(logits.reshape(-1), target.to(logits.dtype))
