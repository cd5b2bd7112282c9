"""The bi-encoder: a Hugging Face encoder, pooling, optional L2 normalisation.

Loads any sentence-transformers or plain Hugging Face folder, the bundled default, or a hub id;
encodes with length-sorted batches; saves a folder that ``sentence_transformers.SentenceTransformer``
loads and that gives the same embeddings.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn

from sbert_desktop import __version__
from sbert_desktop.core.atomic import atomic_dir
from sbert_desktop.core.errors import ModelLoadError
from sbert_desktop.core.models.base import (
    clean_texts, count_parameters, default_max_length, forward_pretokenized, pretokenize, state_fingerprint,
    to_device,
)
from sbert_desktop.core.models.device import resolve_device
from sbert_desktop.core.models.pooling import Pooling
from sbert_desktop.core.models.published import check_published
from sbert_desktop.core.models.sources import ModelSource, resolve_source
from sbert_desktop.core.progress import CancelToken, ProgressCallback


def quiet_transformers() -> None:
    """No transformers progress bars ("Loading weights", "Writing model shards") on our stderr."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()


def load_hf(kind: str, path: Path, **kwargs):
    """``AutoModel``/``AutoModelForSequenceClassification`` + ``AutoTokenizer`` with clear errors."""
    from transformers import AutoModel, AutoModelForSequenceClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    cls = AutoModel if kind == "encoder" else AutoModelForSequenceClassification
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # "some weights newly initialised" is expected for new heads
    quiet_transformers()
    try:
        model = cls.from_pretrained(str(path), **kwargs)
        tokenizer = AutoTokenizer.from_pretrained(str(path))
    except Exception as exc:  # a damaged file (truncated/garbage weights, bad JSON) is a refusal, not a crash
        raise ModelLoadError(f"{path}: cannot load the model ({_one_line(exc)})") from exc
    finally:
        hf_logging.set_verbosity(verbosity)
    return model, tokenizer


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


class BiEncoder(nn.Module):
    """Backbone + pooling (+ normalisation): one embedding per sentence."""

    def __init__(self, transformer: nn.Module, tokenizer: Any, pooling: Pooling, *, normalize: bool = False,
                 max_seq_length: int | None = None, do_lower_case: bool = False, source: str = "",
                 name: str = ""):
        super().__init__()
        self.transformer = transformer
        self.tokenizer = tokenizer
        self.pooling = pooling
        self.normalize = bool(normalize)
        self.max_seq_length = int(max_seq_length or default_max_length(tokenizer, transformer.config))
        self.do_lower_case = do_lower_case
        self.source = source
        self.name = name or source or "model"
        self._weights_id: str | None = None  # hash of the weights, computed on first use

    # -- construction -----------------------------------------------------------------------

    @classmethod
    def load(cls, source: str | os.PathLike = "default", *, pooling: str | None = None,
             max_seq_length: int | None = None, normalize: bool | None = None, device: str = "auto") -> "BiEncoder":
        src: ModelSource = resolve_source(source)
        check_published(src.root)
        transformer, tokenizer = load_hf("encoder", src.transformer_dir)
        dim = transformer.config.hidden_size
        mode = "mean"
        if src.pooling_dir is not None and (src.pooling_dir / "config.json").is_file():
            saved_dim, mode = Pooling.read_config(src.pooling_dir)
            if saved_dim and saved_dim != dim:
                raise ModelLoadError(f"{src.pooling_dir}: pooling dimension {saved_dim} != hidden size {dim}")
        model = cls(transformer, tokenizer, Pooling(dim, pooling or mode),
                    normalize=src.normalize if normalize is None else normalize,
                    max_seq_length=max_seq_length or src.max_seq_length, do_lower_case=src.do_lower_case,
                    source=str(source), name=src.name)
        model.eval()
        return model.to(resolve_device(device))

    @classmethod
    def from_config(cls, config, tokenizer_path: str | os.PathLike, *, pooling: str = "mean",
                    normalize: bool = False, max_seq_length: int | None = None) -> "BiEncoder":
        """A randomly initialised model of ``config`` (a transformers config) — for tests and new work."""
        from transformers import AutoModel, AutoTokenizer

        transformer = AutoModel.from_config(config)
        tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_path))
        model = cls(transformer, tokenizer, Pooling(config.hidden_size, pooling), normalize=normalize,
                    max_seq_length=max_seq_length, source="random", name=f"random-{config.model_type}")
        return model.eval()

    # -- computation ------------------------------------------------------------------------

    @property
    def device(self) -> torch.device:
        return next(self.parameters()).device

    @property
    def dimension(self) -> int:
        return self.pooling.dimension

    def tokenize(self, texts: Sequence[str]) -> dict[str, Tensor]:
        texts = clean_texts(texts, self.do_lower_case)
        enc = self.tokenizer(texts, padding=True, truncation="longest_first", max_length=self.max_seq_length,
                             return_tensors="pt")
        return to_device(dict(enc), self.device)

    def forward(self, features: dict[str, Tensor]) -> Tensor:
        """Sentence embeddings ``[batch, dimension]`` for tokenized ``features`` (differentiable)."""
        inputs = {k: v for k, v in features.items() if k in ("input_ids", "attention_mask", "token_type_ids")}
        tokens = self.transformer(**inputs, return_dict=True).last_hidden_state
        emb = self.pooling(tokens, features["attention_mask"])
        return F.normalize(emb, p=2, dim=1) if self.normalize else emb

    def encode(self, sentences: Sequence[str], batch_size: int = 32, *, progress: ProgressCallback | None = None,
               cancel: CancelToken | None = None, normalize: bool | None = None) -> np.ndarray:
        """Embeddings as float32 ``[n, dimension]`` in input order.

        Sentences are tokenized once, then run in batches of similar token length, longest first.
        ``normalize`` (default: the model's own setting) L2-normalises the output.
        """
        texts = clean_texts(sentences, self.do_lower_case)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        encoded = pretokenize(self.tokenizer, texts, None, self.max_seq_length)
        out = forward_pretokenized(self, encoded, self.forward, batch_size, progress=progress, cancel=cancel,
                                   stage="encode")
        if normalize and not self.normalize:
            out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out

    # -- description and identity -----------------------------------------------------------

    def info(self) -> dict[str, Any]:
        cfg = self.transformer.config
        archs = getattr(cfg, "architectures", None) or [type(self.transformer).__name__]
        return {
            "name": self.name,
            "source": self.source,
            "architecture": archs[0],
            "model_type": getattr(cfg, "model_type", ""),
            "parameters": count_parameters(self),
            "layers": getattr(cfg, "num_hidden_layers", None),
            "dimension": self.dimension,
            "vocab_size": getattr(cfg, "vocab_size", None),
            "pooling": self.pooling.mode,
            "max_seq_length": self.max_seq_length,
            "normalize": self.normalize,
            "device": str(self.device),
        }

    def weights_fingerprint(self) -> str:
        """Identity of the weights: a hash of the parameters (the same for a model in memory and the
        folder it was saved to, whatever its path), kept until :meth:`mark_weights_changed`."""
        if self._weights_id is None:
            self._weights_id = state_fingerprint(self.transformer)
        return self._weights_id

    def mark_weights_changed(self) -> None:
        """Call after training: the file fingerprint no longer describes the weights."""
        self._weights_id = None

    def fingerprint(self) -> str:
        """Everything that determines an embedding: weights, pooling, max length, normalisation."""
        return f"{self.weights_fingerprint()}-{self.pooling.mode}-{self.max_seq_length}-{int(self.normalize)}" \
               f"-{int(self.do_lower_case)}"

    # -- saving -----------------------------------------------------------------------------

    def save(self, path: str | os.PathLike, extra_files: dict[str, Any] | None = None) -> Path:
        """Write a sentence-transformers folder atomically (temporary folder, then rename).

        ``extra_files`` maps relative names to JSON-able objects or ``nn.Module`` state dicts to
        save beside the model (e.g. a trained NLI classifier head).
        """
        path = Path(path)
        quiet_transformers()
        with atomic_dir(path) as tmp:
            self.transformer.save_pretrained(tmp, safe_serialization=True)
            self.tokenizer.save_pretrained(tmp)
            write_json(tmp / "sentence_bert_config.json",
                       {"max_seq_length": self.max_seq_length, "do_lower_case": self.do_lower_case})
            self.pooling.save(tmp / "1_Pooling")
            modules = [
                {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            ]
            if self.normalize:
                (tmp / "2_Normalize").mkdir()
                modules.append({"idx": 2, "name": "2", "path": "2_Normalize",
                                "type": "sentence_transformers.models.Normalize"})
            write_json(tmp / "modules.json", modules)
            write_json(tmp / "config_sentence_transformers.json",
                       {"__version__": {"sbert_desktop": __version__, "pytorch": torch.__version__},
                        "prompts": {}, "default_prompt_name": None, "similarity_fn_name": "cosine"})
            write_json(tmp / "sbert_desktop.json", {"kind": "bi-encoder", "base": self.source, "name": self.name,
                                                     "pooling": self.pooling.mode, "normalize": self.normalize,
                                                     "max_seq_length": self.max_seq_length})
            for name, obj in (extra_files or {}).items():
                target = tmp / name
                target.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(obj, nn.Module):
                    torch.save(obj.state_dict(), target)
                else:
                    write_json(target, obj)
        return path


def write_json(path: Path, obj: Any) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False), encoding="utf-8")
