"""The cross-encoder: both sentences in one input, a classification or regression head.

``num_labels == 1`` gives a similarity score through a sigmoid; ``num_labels > 1`` gives class
probabilities through a softmax. Saved folders load in ``sentence_transformers.CrossEncoder``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import torch
from torch import Tensor, nn

from sbert_desktop.core.atomic import atomic_dir
from sbert_desktop.core.models.base import (
    clean_texts, count_parameters, fit_max_length, forward_pretokenized, pretokenize, state_fingerprint,
    to_device,
)
from sbert_desktop.core.errors import ModelLoadError
from sbert_desktop.core.models.bi_encoder import (
    _one_line, load_deferred, load_hf, quiet_transformers, runtime_index_entry, write_json,
)
from sbert_desktop.core.models.published import check_published
from sbert_desktop.core.models.device import resolve_device
from sbert_desktop.core.models.runtime import InferenceRuntime
from sbert_desktop.core.models.sources import resolve_source
from sbert_desktop.core.progress import CancelToken, ProgressCallback


def _own_settings(root: Path) -> dict[str, Any]:
    """This project's ``sbert_desktop.json`` beside a saved model ({} when absent or unreadable)."""
    import json

    try:
        data = json.loads((Path(root) / "sbert_desktop.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


#: the one-output activations sentence-transformers saves (``activation_fn``), by the class's last name
_ACTIVATIONS = {"Sigmoid": "sigmoid", "Identity": "identity", "Tanh": "tanh"}


def _saved_activation(root: Path, config) -> str:
    """The activation a one-output model's author saved for its score: sentence-transformers 5+ writes
    it to ``config_sentence_transformers.json`` (``activation_fn``), older versions to config.json
    (``sentence_transformers.activation_fn`` or ``sbert_ce_default_activation_function``). Sigmoid when
    none is said (sentence-transformers' own default for one output); an unknown one is refused."""
    import json

    names = []
    try:
        data = json.loads((Path(root) / "config_sentence_transformers.json").read_text(encoding="utf-8"))
        names.append(data.get("activation_fn") if isinstance(data, dict) else None)
    except (OSError, ValueError):
        pass
    own = getattr(config, "sentence_transformers", None)
    names += [own.get("activation_fn") if isinstance(own, dict) else None,
              getattr(config, "sbert_ce_default_activation_function", None)]
    name = next((n for n in names if isinstance(n, str) and n), None)
    if name is None:
        return "sigmoid"
    short = name.rsplit(".", 1)[-1]
    if short not in _ACTIVATIONS:
        raise ModelLoadError(f"{root}: the score's activation {name!r} is not supported (Sigmoid, Identity or Tanh)")
    return _ACTIVATIONS[short]


def _label_order(config, label_names: Sequence[str]) -> list[int] | None:
    """Where each of ``label_names`` is among a classifier's saved outputs, when they are the same
    names in another order (an NLI cross-encoder trained as contradiction, entailment, neutral);
    None when the order is already that, or the names are not the same."""
    id2label = getattr(config, "id2label", None) or {}
    saved = [str(id2label.get(i, id2label.get(str(i), ""))).strip().lower() for i in range(int(config.num_labels))]
    wanted = [str(n).strip().lower() for n in label_names]
    if len(saved) != len(wanted) or sorted(saved) != sorted(wanted) or saved == wanted:
        return None
    return [saved.index(name) for name in wanted]


def _reorder_outputs(model: nn.Module, order: list[int]) -> None:
    """Put the rows of a classifier's output layer (the last linear layer giving num_labels outputs)
    in ``order``."""
    n = int(model.config.num_labels)
    prefix = getattr(model, "base_model_prefix", "")
    layers = [m for name, m in model.named_modules()
              if isinstance(m, nn.Linear) and m.out_features == n and not name.startswith(prefix + ".")]
    if not layers:
        raise ModelLoadError(f"{type(model).__name__}: cannot find the output layer to put its labels in order")
    out = layers[-1]
    with torch.no_grad():
        out.weight.copy_(out.weight[order].clone())
        if out.bias is not None:
            out.bias.copy_(out.bias[order].clone())


def _is_classifier(config) -> bool:
    return any(a.endswith(("ForSequenceClassification", "ForTokenClassification"))
               for a in (getattr(config, "architectures", None) or []))


class CrossEncoder(InferenceRuntime, nn.Module):
    """``predict([(a, b), ...])``: scores ``[n]`` (one label) or probabilities ``[n, k]``."""

    def __init__(self, model: nn.Module, tokenizer: Any, *, max_seq_length: int | None = None,
                 source: str = "", name: str = "", new_head: bool = False, saved_max_seq_length: int | None = None):
        super().__init__()
        #: the classification head was just initialised (an encoder loaded as a cross-encoder):
        #: its scores mean nothing until it is fine-tuned
        self.new_head = new_head
        self.model = model
        self.tokenizer = tokenizer
        # the user's length, checked against the position table; else the model's own (fit_max_length)
        self.max_seq_length = fit_max_length(max_seq_length, saved_max_seq_length, tokenizer, model)
        self.source = source
        self.name = name or source or "cross-encoder"
        self._weights_id: str | None = None
        #: one-output models trained on both orders of each pair (``--both-orders``): a score is the
        #: mean of (a, b) and (b, a), so score(a, b) == score(b, a); twice the model runs per pair
        self.symmetric = False
        #: a one-output model's score: "sigmoid" (0..1, the default), or as its author saved it, "identity"
        #: (the raw logit) or "tanh"; a model trained here is scored through a sigmoid (its BCE loss)
        self.output_activation = "sigmoid"

    @classmethod
    def load(cls, source: str | os.PathLike = "default", *, num_labels: int | None = None,
             label_names: Sequence[str] | None = None, max_seq_length: int | None = None,
             device: str = "auto", precision: str = "fp32", backend: str | None = None) -> "CrossEncoder":
        """Load a cross-encoder; a plain encoder (e.g. ``default``) gets a new, untrained head."""
        src = resolve_source(source)
        check_published(src.root)
        from sbert_desktop.core.models.hf import transformers_names

        (AutoConfig,) = transformers_names("AutoConfig")

        try:
            config = AutoConfig.from_pretrained(str(src.transformer_dir))
        except Exception as exc:  # garbage config.json: a refusal, not a crash
            raise ModelLoadError(f"{src.transformer_dir}: cannot read the model's config.json ({_one_line(exc)})") \
                from exc
        kwargs: dict[str, Any] = {}
        if num_labels is not None and (num_labels != config.num_labels or not _is_classifier(config)):
            kwargs = {"num_labels": num_labels, "ignore_mismatched_sizes": True}
        elif not _is_classifier(config):
            kwargs = {"num_labels": 1}
        order = None
        if label_names:
            order = _label_order(config, label_names) if "num_labels" not in kwargs else None
            kwargs["id2label"] = dict(enumerate(label_names))
            kwargs["label2id"] = {n: i for i, n in enumerate(label_names)}
        key, entry = (None, None) if "num_labels" in kwargs or order else runtime_index_entry(
            "classifier", cls._runtime_kind, [src.transformer_dir], precision, backend, device, **kwargs)

        def load_weights():
            loaded = load_hf("classifier", src.transformer_dir, **kwargs)
            if order:  # its head's outputs put in the order of label_names (their names were overwritten)
                _reorder_outputs(loaded[0], order)
            return loaded

        # ONNX inference with a cached export: the backbone is built on its first torch use only
        model, tokenizer = (load_weights() if entry is None else load_deferred(src.transformer_dir, **kwargs))
        if "num_labels" in kwargs:  # a new head on an encoder: it is a classifier from now on
            model.config.architectures = [type(model).__name__]
        ce = cls(model, tokenizer, max_seq_length=max_seq_length, saved_max_seq_length=src.max_seq_length,
                 source=str(source), name=src.name, new_head="num_labels" in kwargs)
        if not ce.new_head:  # a new head is random: it cannot be read again (runtime.py releases weights)
            ce._weights_loader = lambda: load_weights()[0]
        if entry is not None:
            ce.defer_backbone(ce._weights_loader, entry["parameters"])
            ce._weights_id = entry["weights"]
        ce.eval()
        if entry is None:
            ce = ce.to(resolve_device(device))
            if key is not None:  # the next ONNX load of these files can skip the backbone
                from sbert_desktop.core.models.deferred import remember

                remember(key, ce.weights_fingerprint(), count_parameters(ce.model))
        if not ce.new_head and ce.num_labels == 1:
            ce.symmetric = bool(_own_settings(src.root).get("symmetric", False))
            ce.output_activation = _saved_activation(src.root, ce.backbone_config())
        return ce.set_precision(precision, backend) if (precision, backend) != ("fp32", None) else ce

    @classmethod
    def from_config(cls, config, tokenizer_path: str | os.PathLike, *, num_labels: int = 1,
                    label_names: Sequence[str] | None = None, max_seq_length: int | None = None) -> "CrossEncoder":
        from sbert_desktop.core.models.hf import transformers_names

        AutoModelForSequenceClassification, AutoTokenizer = transformers_names(
            "AutoModelForSequenceClassification", "AutoTokenizer")

        config.num_labels = num_labels
        if label_names:
            config.id2label = dict(enumerate(label_names))
            config.label2id = {n: i for i, n in enumerate(label_names)}
        model = AutoModelForSequenceClassification.from_config(config)
        tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_path))
        return cls(model, tokenizer, max_seq_length=max_seq_length, source="random",
                   name=f"random-{config.model_type}", new_head=True).eval()

    @property
    def device(self) -> torch.device:
        return self.runtime_device()

    @property
    def num_labels(self) -> int:
        return int(self.backbone_config().num_labels)

    @property
    def label_names(self) -> list[str]:
        id2label = getattr(self.backbone_config(), "id2label", None) or {}
        return [str(id2label.get(i, id2label.get(str(i), i))) for i in range(self.num_labels)]

    def tokenize(self, pairs: Sequence[tuple[str, str]]) -> dict[str, Tensor]:
        first = clean_texts(p[0] for p in pairs)
        second = clean_texts(p[1] for p in pairs)
        enc = self.tokenizer(first, second, padding=True, truncation="longest_first",
                             max_length=self.max_seq_length, return_tensors="pt")
        return to_device(dict(enc), self.device)

    def forward(self, features: dict[str, Tensor]) -> Tensor:
        """Raw logits ``[batch, num_labels]``."""
        inputs = {k: v for k, v in features.items() if k in ("input_ids", "attention_mask", "token_type_ids")}
        engine = self.inference_engine()  # ONNX Runtime when chosen (never with gradients), see runtime.py
        return engine(inputs) if engine is not None else self.model(**inputs, return_dict=True).logits

    def activation(self, logits: Tensor) -> Tensor:
        if self.num_labels != 1:
            return torch.softmax(logits, dim=-1)
        score = logits[:, 0]
        return {"identity": score, "tanh": torch.tanh(score)}.get(self.output_activation, torch.sigmoid(score))

    def predict(self, pairs: Sequence[tuple[str, str]], batch_size: int = 32, *,
                progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                apply_activation: bool = True) -> np.ndarray:
        """Scores ``[n]`` (sigmoid) for one label, probabilities ``[n, k]`` (softmax) otherwise; a
        :attr:`symmetric` model scores each pair in both orders and returns the mean."""
        if not pairs:
            return np.zeros((0,) if self.num_labels == 1 else (0, self.num_labels), dtype=np.float32)
        if self.symmetric and self.num_labels == 1:
            pairs = list(pairs)
            n = len(pairs)
            both = self._predict_once(pairs + [(b, a) for a, b in pairs], batch_size, progress, cancel,
                                      apply_activation)
            return (both[:n] + both[n:]) / 2
        return self._predict_once(pairs, batch_size, progress, cancel, apply_activation)

    def _predict_once(self, pairs: Sequence[tuple[str, str]], batch_size: int, progress: ProgressCallback | None,
                      cancel: CancelToken | None, apply_activation: bool) -> np.ndarray:
        first = clean_texts(p[0] for p in pairs)
        second = clean_texts(p[1] for p in pairs)
        encoded = pretokenize(self.tokenizer, first, second, self.max_seq_length)

        def scores(features):
            logits = self.forward(features)
            if apply_activation:
                return self.activation(logits)
            return logits[:, 0] if self.num_labels == 1 else logits

        return forward_pretokenized(self, encoded, scores, batch_size, progress=progress, cancel=cancel,
                                    stage="score")

    def info(self) -> dict[str, Any]:
        cfg = self.backbone_config()
        return {
            "name": self.name,
            "source": self.source,
            "architecture": (getattr(cfg, "architectures", None) or [type(self.model).__name__])[0],
            "model_type": getattr(cfg, "model_type", ""),
            "parameters": self.parameter_count(),
            "layers": getattr(cfg, "num_hidden_layers", None),
            "num_labels": self.num_labels,
            "labels": self.label_names,
            "head": "new, untrained: fine-tune it on pairs first" if self.new_head else "trained",
            "pair_order": "both orders, averaged" if self.symmetric else "as given",
            "score": {"identity": "the raw logit (identity, as saved)", "tanh": "tanh, -1 to 1 (as saved)"}.get(
                self.output_activation, "sigmoid, 0 to 1") if self.num_labels == 1 else "softmax probabilities",
            "vocab_size": getattr(cfg, "vocab_size", None),
            "max_seq_length": self.max_seq_length,
            "device": str(self.device),
            **self.runtime_info(),
        }

    def weights_fingerprint(self) -> str:
        if self._weights_id is None:
            self._weights_id = state_fingerprint(self.model)
        return self._weights_id

    def mark_weights_changed(self) -> None:
        self._weights_id = None
        self.new_head = False
        self.drop_engine()

    _runtime_kind, _runtime_output, _backbone_attr = "cross", "logits", "model"

    def backbone(self) -> nn.Module:
        return self.model

    def fingerprint(self) -> str:
        """Weights, max length and precision/backend: what determines a score."""
        from sbert_desktop.core.models.bi_encoder import tokenizer_tag

        return (f"{self.weights_fingerprint()}-{self.max_seq_length}-t{tokenizer_tag(self.tokenizer)}{self.runtime_tag()}"
                f"{'-sym' if self.symmetric else ''}"
                f"{'' if self.output_activation == 'sigmoid' else '-' + self.output_activation}")

    def save(self, path: str | os.PathLike, extra_files: dict[str, Any] | None = None) -> Path:
        """Write a Hugging Face folder that ``sentence_transformers.CrossEncoder`` loads, atomically."""
        path = Path(path)
        quiet_transformers()
        one = {"identity": "torch.nn.modules.linear.Identity", "tanh": "torch.nn.modules.activation.Tanh"}
        activation = (one.get(self.output_activation, "torch.nn.modules.activation.Sigmoid") if self.num_labels == 1
                      else "torch.nn.modules.linear.Identity")
        self.model.config.sentence_transformers = {"activation_fn": activation}
        live_max_length = self.tokenizer.model_max_length  # put back after saving: the live tokenizer is unchanged
        self.tokenizer.model_max_length = self.max_seq_length  # sentence-transformers reads it from here
        if self.model.config.architectures is None:
            self.model.config.architectures = [type(self.model).__name__]
        try:
            with atomic_dir(path) as tmp:
                self.model.save_pretrained(tmp, safe_serialization=True)
                self.tokenizer.save_pretrained(tmp)
                write_json(tmp / "sentence_bert_config.json", {"max_seq_length": self.max_seq_length})
                write_json(tmp / "sbert_desktop.json", {"kind": "cross-encoder", "base": self.source,
                                                         "name": self.name, "num_labels": self.num_labels,
                                                         "labels": self.label_names,
                                                         "max_seq_length": self.max_seq_length,
                                                         "symmetric": self.symmetric})
                from sbert_desktop.core.models.card import write_card

                write_card(tmp, self, "cross-encoder", path.name)
                for name, obj in (extra_files or {}).items():
                    write_json(tmp / name, obj)
        finally:
            del self.model.config.sentence_transformers
            self.tokenizer.model_max_length = live_max_length
        return path
