"""Pooling token embeddings into one sentence embedding, with padding masked in every mode.

Matches ``sentence_transformers.models.Pooling`` numerically and reads/writes its configuration
with the legacy ``pooling_mode_*`` keys, which every version of the reference library reads.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch
from torch import Tensor, nn

from sbert_desktop.core.errors import ModelLoadError

#: the three modes of the Sentence-BERT paper first, then the others sentence-transformers knows
from sbert_desktop.core.models.modes import POOLING_MODES  # noqa: E402 — one list, torch-free

_LEGACY_KEYS = {
    "cls": "pooling_mode_cls_token",
    "mean": "pooling_mode_mean_tokens",
    "max": "pooling_mode_max_tokens",
    "mean_sqrt_len_tokens": "pooling_mode_mean_sqrt_len_tokens",
    "weightedmean": "pooling_mode_weightedmean_tokens",
    "lasttoken": "pooling_mode_lasttoken",
}


def check_mode(mode: str) -> str:
    mode = mode.lower().replace("-", "_")
    aliases = {"cls_token": "cls", "mean_tokens": "mean", "max_tokens": "max", "last": "lasttoken"}
    mode = aliases.get(mode, mode)
    if mode not in POOLING_MODES:
        raise ModelLoadError(f"unknown pooling mode {mode!r}; choose one of {', '.join(POOLING_MODES)}")
    return mode


class Pooling(nn.Module):
    """``forward(token_embeddings [b, t, d], attention_mask [b, t]) -> [b, d]``."""

    def __init__(self, dimension: int, mode: str = "mean", include_prompt: bool = True):
        super().__init__()
        self.dimension = int(dimension)
        self.mode = check_mode(mode)
        #: False: the prompt's tokens are masked out of the pooling (instruction models)
        self.include_prompt = bool(include_prompt)

    def extra_repr(self) -> str:
        return f"dimension={self.dimension}, mode={self.mode!r}"

    def forward(self, token_embeddings: Tensor, attention_mask: Tensor) -> Tensor:
        mode = self.mode
        if mode == "cls":
            # first non-padding token (left padding safe)
            first = attention_mask.to(torch.int).argmax(dim=1)
            index = first.view(-1, 1, 1).expand(-1, 1, token_embeddings.shape[-1])
            return torch.gather(token_embeddings, 1, index).squeeze(1)
        if mode == "max":
            mask = attention_mask.unsqueeze(-1).expand_as(token_embeddings)
            return token_embeddings.masked_fill(mask == 0, float("-inf")).max(dim=1).values
        if mode in ("mean", "mean_sqrt_len_tokens"):
            mask = attention_mask.unsqueeze(-1).to(token_embeddings.dtype)
            summed = (token_embeddings * mask).sum(dim=1)
            count = torch.clamp(mask.sum(dim=1), min=1e-9)
            return summed / (count if mode == "mean" else torch.sqrt(count))
        if mode == "weightedmean":
            mask = attention_mask.unsqueeze(-1).to(token_embeddings.dtype)
            weights = torch.arange(1, token_embeddings.shape[1] + 1, device=token_embeddings.device,
                                   dtype=token_embeddings.dtype).view(1, -1, 1)
            pad_before = attention_mask.to(torch.int32).argmax(dim=1).view(-1, 1, 1)
            weighted = mask * (weights - pad_before)
            return (token_embeddings * weighted).sum(dim=1) / torch.clamp(weighted.sum(dim=1), min=1e-9)
        # lasttoken: the last non-padding token (right or left padding)
        seq_len = token_embeddings.shape[1]
        values, flipped = attention_mask.flip(1).max(1)
        flipped = torch.where(values == 0, seq_len - 1, flipped)
        index = (seq_len - flipped - 1).view(-1, 1, 1).expand(-1, 1, token_embeddings.shape[-1])
        masked = token_embeddings * attention_mask.unsqueeze(-1).to(token_embeddings.dtype)
        return torch.gather(masked, 1, index).squeeze(1)

    # -- configuration in sentence-transformers' layout (``1_Pooling/config.json``) --

    def config(self) -> dict:
        cfg = {"word_embedding_dimension": self.dimension}
        for mode, key in _LEGACY_KEYS.items():
            cfg[key] = mode == self.mode
        cfg["include_prompt"] = self.include_prompt
        return cfg

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "config.json").write_text(json.dumps(self.config(), indent=2), encoding="utf-8")

    @staticmethod
    def read_include_prompt(folder: Path) -> bool:
        """The ``include_prompt`` flag of a pooling ``config.json`` (True when absent)."""
        try:
            cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return True
        return bool(cfg.get("include_prompt", True)) if isinstance(cfg, dict) else True

    @staticmethod
    def read_config(folder: Path) -> tuple[int | None, str]:
        """(dimension, mode) from a pooling ``config.json``, legacy or current keys."""
        path = folder / "config.json"
        try:
            cfg = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelLoadError(f"{path}: cannot read pooling configuration ({exc})") from exc
        dim = cfg.get("word_embedding_dimension", cfg.get("embedding_dimension"))
        mode = cfg.get("pooling_mode")
        if isinstance(mode, list):
            mode = mode[0] if len(mode) == 1 else None
            if mode is None:
                raise ModelLoadError(f"{path}: combined pooling modes are not supported")
        if mode is None:
            active = [m for m, key in _LEGACY_KEYS.items() if cfg.get(key)]
            if len(active) > 1:
                raise ModelLoadError(f"{path}: combined pooling modes {active} are not supported")
            mode = active[0] if active else "mean"
        return dim, check_mode(mode)
