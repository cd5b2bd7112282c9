"""The bi-encoder: a Hugging Face encoder, pooling, optional L2 normalisation.

Loads any sentence-transformers or plain Hugging Face folder, the bundled default, or a hub id;
encodes with length-sorted batches; saves a folder that ``sentence_transformers.SentenceTransformer``
loads and that gives the same embeddings.
"""

from __future__ import annotations

import json
import os
import re
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
    clean_texts, count_parameters, fit_max_length, forward_pretokenized, pretokenize, state_fingerprint,
    to_device,
)
from sbert_desktop.core.models.device import resolve_device
from sbert_desktop.core.models.card import write_card
from sbert_desktop.core.models.modules import Normalize, load_module
from sbert_desktop.core.models.pooling import Pooling
from sbert_desktop.core.models.runtime import InferenceRuntime, resolve_choice
from sbert_desktop.core.models.prompts import exclude_prompt, prompt_length, resolve_prompt
from sbert_desktop.core.models.published import check_published
from sbert_desktop.core.models.sources import ModelSource, resolve_source
from sbert_desktop.core.progress import CancelToken, ProgressCallback


def quiet_transformers() -> None:
    """No transformers progress bars ("Loading weights", "Writing model shards") on our stderr."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()


def load_hf(kind: str, path: Path, **kwargs):
    """``AutoModel``/``AutoModelForSequenceClassification`` + ``AutoTokenizer`` with clear errors."""
    from sbert_desktop.core.models.hf import transformers_names

    AutoModel, AutoModelForSequenceClassification, AutoTokenizer = transformers_names(
        "AutoModel", "AutoModelForSequenceClassification", "AutoTokenizer")
    from transformers.utils import logging as hf_logging

    cls = AutoModel if kind == "encoder" else AutoModelForSequenceClassification
    if kind == "encoder" and _encoder_decoder(path):  # sentence-T5, GTR: the encoder alone (T5EncoderModel)
        cls, = transformers_names("AutoModelForTextEncoding")
    kwargs = {"dtype": torch.float32, **kwargs}  # a folder saved in fp16/bf16 runs in fp32, as said
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # "some weights newly initialised" is expected for new heads
    quiet_transformers()
    try:
        model, info = cls.from_pretrained(str(path), output_loading_info=True, **kwargs)
        prefix = _wrapper_prefix(model, info, kind)
        if prefix:  # weights saved through a DataParallel/DDP or torch.compile wrapper: "module.embeddings..."
            model, info = cls.from_pretrained(str(path), output_loading_info=True,
                                              key_mapping={"^" + re.escape(prefix): ""}, **kwargs)
        tokenizer = AutoTokenizer.from_pretrained(str(path))
    except Exception as exc:  # a damaged file (truncated/garbage weights, bad JSON) is a refusal, not a crash
        if "no file named" in str(exc) and any(Path(path).glob("**/*.onnx")):
            raise ModelLoadError(f"{path}: holds an ONNX export but not the model's torch weights (model.safetensors "
                                 "or pytorch_model.bin), which this app reads, also for int8: use the folder the "
                                 "export was made from") from exc
        raise ModelLoadError(f"{path}: cannot load the model ({_one_line(exc)})") from exc
    finally:
        hf_logging.set_verbosity(verbosity)
    missing = _backbone_missing(model, info, kind)
    if missing:
        raise ModelLoadError(_missing_message(path, model, missing, info.get("unexpected_keys") or []))
    if len(tokenizer) < 100 and not any((Path(path) / name).exists() for name in _TOKENIZER_FILES):
        raise ModelLoadError(f"{path}: has no tokenizer files ({', '.join(_TOKENIZER_FILES[:3])} ...): every word would "
                             f"be unknown to the {len(tokenizer)}-token tokenizer made up in their place; save the "
                             "tokenizer beside the model (tokenizer.save_pretrained(folder))")
    return model, tokenizer


#: the files a Hugging Face tokenizer is read from (any one will do)
_TOKENIZER_FILES = ("tokenizer.json", "vocab.txt", "vocab.json", "spiece.model", "sentencepiece.bpe.model",
                    "tokenizer.model", "merges.txt", "vocab.model")
#: what wrappers put before every weight name: DataParallel / DDP, torch.compile
_WRAPPER_PREFIXES = ("module.", "_orig_mod.")


#: encoder-decoder families whose encoder alone embeds (AutoModel would build the decoder too, unweighted)
_ENCODER_OF = ("t5", "mt5", "umt5", "t5gemma")


def _encoder_decoder(path: Path) -> bool:
    try:
        config = json.loads((Path(path) / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(config, dict) and config.get("model_type") in _ENCODER_OF



def _backbone_missing(model, info: dict, kind: str) -> list[str]:
    """The weights of ``model``'s encoder that its files did not hold (so transformers made them up
    at random): all the missing ones but the pooler (pooling replaces it) and, for a classifier, its
    head (a new head is said as untrained elsewhere)."""
    missing = [k for k in info.get("missing_keys") or [] if "pooler." not in k]
    if kind != "encoder":
        prefix = getattr(model, "base_model_prefix", "") + "."
        missing = [k for k in missing if k.startswith(prefix)]
    return sorted(missing)


def _wrapper_prefix(model, info: dict, kind: str) -> str | None:
    """The prefix a training wrapper put before every weight name, when that is why weights are missing."""
    missing, unexpected = _backbone_missing(model, info, kind), info.get("unexpected_keys") or []
    for prefix in _WRAPPER_PREFIXES:
        if missing and unexpected and all(k.startswith(prefix) for k in unexpected):
            return prefix
    return None


def _missing_message(path: Path, model, missing: list[str], unexpected: list[str]) -> str:
    shown = ", ".join(missing[:3]) + (", ..." if len(missing) > 3 else "")
    text = (f"{path}: {len(missing)} of the {type(model).__name__}'s weights are not in its files ({shown}); they "
            "would be random numbers and the embeddings meaningless")
    config = getattr(model, "config", None)
    if getattr(config, "auto_map", None):
        text += ("; the model ships its own modelling code (auto_map in config.json), which this app does not run: "
                 "use a model that standard transformers classes read")
    elif unexpected:
        text += f"; the files hold {len(unexpected)} weights this architecture does not know (first: {sorted(unexpected)[0]})"
    return text


def tokenizer_tag(tokenizer: Any) -> str:
    """A short hash of how ``tokenizer`` splits text (its whole definition: vocabulary, normaliser such
    as lowercasing, special tokens), so an embedding cache never serves vectors of another tokenizer
    over the same weights; computed once per tokenizer."""
    tag = getattr(tokenizer, "_sbert_desktop_tag", None)
    if tag is None:
        import hashlib

        backend = getattr(tokenizer, "backend_tokenizer", None)
        try:
            if backend is not None:  # without its truncation and padding: set by each call, not its definition
                definition = json.loads(backend.to_str())
                definition.pop("truncation", None)
                definition.pop("padding", None)
                text = json.dumps(definition, sort_keys=True)
            else:
                text = repr(sorted(tokenizer.get_vocab().items()))
        except Exception:  # noqa: BLE001 - a tokenizer that cannot be written out: its class and size
            text = f"{type(tokenizer).__name__}-{len(tokenizer)}"
        extra = repr(sorted((k, str(v)) for k, v in getattr(tokenizer, "init_kwargs", {}).items()
                            if k in ("do_lower_case", "strip_accents", "tokenize_chinese_chars", "add_prefix_space")))
        tag = hashlib.blake2b((text + extra).encode("utf-8"), digest_size=4).hexdigest()
        try:
            tokenizer._sbert_desktop_tag = tag
        except AttributeError:
            pass
    return tag


def load_deferred(path: Path, **config_kwargs) -> tuple[nn.Module, Any]:
    """A ``DeferredBackbone`` (the config, no weights, no modelling code) + the tokenizer."""
    from sbert_desktop.core.models.hf import transformers_names

    AutoConfig, AutoTokenizer = transformers_names("AutoConfig", "AutoTokenizer")

    from sbert_desktop.core.models.deferred import DeferredBackbone

    quiet_transformers()
    try:
        config = AutoConfig.from_pretrained(str(path), **config_kwargs)
        tokenizer = AutoTokenizer.from_pretrained(str(path))
    except Exception as exc:
        raise ModelLoadError(f"{path}: cannot load the model ({_one_line(exc)})") from exc
    return DeferredBackbone(config), tokenizer


def runtime_index_entry(kind: str, runtime_kind: str, folders: Sequence[Path], precision: str | None,
                        backend: str | None, device: str, **load_kwargs) -> tuple[str | None, dict | None]:
    """For ONNX inference on the CPU: the key of the model's files and, when the ONNX file those
    files export to is cached already, what a full load of them recorded (deferred.py); else the
    key and None. ``(None, None)`` for torch inference, another device or no onnxruntime."""
    try:
        precision, backend = resolve_choice(precision, backend)
        if backend != "onnx" or resolve_device(device).type != "cpu":
            return None, None
        import onnxruntime  # noqa: F401
    except (ModelLoadError, ImportError):
        return None, None  # set_precision says what is wrong, after the full load
    from sbert_desktop.core.models import deferred
    from sbert_desktop.core.models.onnx_export import cached_onnx

    key = deferred.files_key(kind, folders, repr(sorted(load_kwargs.items())))
    entry = deferred.lookup(key)
    if entry is None or cached_onnx(runtime_kind, entry["weights"], precision) is None:
        return key, None
    return key, entry


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


class BiEncoder(InferenceRuntime, nn.Module):
    """Backbone + pooling (+ normalisation): one embedding per sentence."""

    def __init__(self, transformer: nn.Module, tokenizer: Any, pooling: Pooling, *, normalize: bool = False,
                 max_seq_length: int | None = None, do_lower_case: bool = False, source: str = "",
                 name: str = "", post_modules: Sequence[nn.Module] = (), prompts: dict[str, str] | None = None,
                 default_prompt_name: str | None = None, saved_max_seq_length: int | None = None):
        super().__init__()
        self.transformer = transformer
        self.tokenizer = tokenizer
        self.pooling = pooling
        self.post = nn.ModuleList(post_modules)  # Dense / LayerNorm / Normalize after pooling, in order
        self.prompts = dict(prompts or {})
        self.default_prompt_name = default_prompt_name
        self.prompt_name: str | None = None  # the prompt chosen for encode (None: the model's default)
        self.prompt_text: str | None = None  # a custom prompt text instead of a named one ("": none)
        self.dimensions: int | None = None  # Matryoshka: keep the first N dimensions, then renormalise
        #: the prompt of queries (search): (name, text); None: the model's 'query' prompt, else the one above
        self.query_prompt: tuple[str | None, str | None] | None = None
        self.normalize = bool(normalize)
        # the user's length, checked against the position table; else the model's own (fit_max_length)
        self.max_seq_length = fit_max_length(max_seq_length, saved_max_seq_length, tokenizer, transformer)
        self.do_lower_case = do_lower_case
        self.source = source
        self.name = name or source or "model"
        self._weights_id: str | None = None  # hash of the weights, computed on first use
        #: what the user should know about this model as a bi-encoder (a cross-encoder's folder), or None
        self.note: str | None = None

    # -- construction -----------------------------------------------------------------------

    @classmethod
    def load(cls, source: str | os.PathLike = "default", *, pooling: str | None = None,
             max_seq_length: int | None = None, normalize: bool | None = None, device: str = "auto",
             prompt_name: str | None = None, prompt: str | None = None,
             dimensions: int | None = None, precision: str = "fp32", backend: str | None = None) -> "BiEncoder":
        src: ModelSource = resolve_source(source)
        check_published(src.root)
        # ONNX inference with a cached export: the backbone is built on its first torch use only
        key, entry = runtime_index_entry("encoder", cls._runtime_kind, [src.transformer_dir] + [
            path for kind, path in src.post_modules if kind != "Normalize"], precision, backend, device)
        transformer, tokenizer = (load_hf("encoder", src.transformer_dir) if entry is None
                                  else load_deferred(src.transformer_dir))
        dim = transformer.config.hidden_size
        mode, include_prompt = "mean", True
        if src.pooling_dir is not None and (src.pooling_dir / "config.json").is_file():
            saved_dim, mode = Pooling.read_config(src.pooling_dir)
            include_prompt = Pooling.read_include_prompt(src.pooling_dir)
            if saved_dim and saved_dim != dim:
                raise ModelLoadError(f"{src.pooling_dir}: pooling dimension {saved_dim} != hidden size {dim}")
        post = [load_module(kind, path) for kind, path in src.post_modules]
        final_normalize = bool(post) and isinstance(post[-1], Normalize)
        if final_normalize:
            post.pop()  # a last Normalize is the ``normalize`` flag
        model = cls(transformer, tokenizer, Pooling(dim, pooling or mode, include_prompt),
                    normalize=(final_normalize or src.normalize) if normalize is None else normalize,
                    max_seq_length=max_seq_length, saved_max_seq_length=src.max_seq_length,
                    do_lower_case=src.do_lower_case,
                    source=str(source), name=src.name, post_modules=post, prompts=src.prompts,
                    default_prompt_name=src.default_prompt_name)
        archs = getattr(transformer.config, "architectures", None) or []
        if src.layout == "huggingface" and any(a.endswith("ForSequenceClassification") for a in archs):
            model.note = (f"{src.name} is a cross-encoder ({archs[0]}): it scores a pair read together, and as a "
                          "bi-encoder its vectors are a pooling of states never trained to be compared by cosine; "
                          "load it as the cross-encoder")
        # how to read the backbone again: int8/ONNX inference releases the torch weights (runtime.py)
        model._weights_loader = lambda: load_hf("encoder", src.transformer_dir)[0]
        if entry is not None:
            model.defer_backbone(model._weights_loader, entry["parameters"])
            model._weights_id = entry["weights"]
        model.check_post_dimensions(src.root)
        model.use_prompt(prompt_name, prompt)
        model.set_dimensions(dimensions)
        model.eval()
        if entry is None:
            model = model.to(resolve_device(device))
            if key is not None:  # the next ONNX load of these files can skip the backbone
                from sbert_desktop.core.models.deferred import remember

                remember(key, model.weights_fingerprint(), count_parameters(model.transformer))
        return model.set_precision(precision, backend) if (precision, backend) != ("fp32", None) else model

    def check_post_dimensions(self, where: Any = "") -> None:
        dim = self.pooling.dimension
        for module in self.post:
            wanted = getattr(module, "in_features", getattr(module, "dimension", dim))
            if wanted != dim:
                raise ModelLoadError(f"{where}: the {module.kind} module expects {wanted} dimensions but gets {dim}")
            dim = module.output_dimension(dim)

    def use_prompt(self, prompt_name: str | None = None, prompt: str | None = None) -> None:
        """Choose the prompt ``encode`` puts before every text: a name of :attr:`prompts`, a text
        (``prompt``; "" for none) or neither (the model's default). Raises ``PromptError`` for a name
        the model does not have."""
        resolve_prompt(self.prompts, self.default_prompt_name, self.source or self.name, prompt_name, prompt)
        self.prompt_name, self.prompt_text = prompt_name, prompt

    def use_query_prompt(self, prompt_name: str | None = None, prompt: str | None = None) -> None:
        """Choose the prompt :meth:`encode_query` uses (both None: the model's 'query' prompt if it
        has one, else the prompt of :meth:`use_prompt`)."""
        resolve_prompt(self.prompts, self.default_prompt_name, self.source or self.name, prompt_name, prompt)
        self.query_prompt = None if prompt_name is None and prompt is None else (prompt_name, prompt)

    def query_prompt_args(self) -> dict[str, str | None]:
        """``prompt_name``/``prompt`` keyword arguments of :meth:`encode` for queries."""
        if self.query_prompt is not None:
            return {"prompt_name": self.query_prompt[0], "prompt": self.query_prompt[1]}
        return {"prompt_name": "query"} if "query" in self.prompts else {}

    def encode_query(self, queries: Sequence[str], **kwargs) -> np.ndarray:
        """``encode`` with the query prompt (search: queries and documents may take different prompts)."""
        return self.encode(queries, **{**self.query_prompt_args(), **kwargs})

    def effective_prompt(self, prompt_name: str | None = None, prompt: str | None = None) -> str | None:
        """The prompt text ``encode(prompt_name=..., prompt=...)`` uses (the chosen one when both are None)."""
        if prompt_name is None and prompt is None:
            prompt_name, prompt = self.prompt_name, self.prompt_text
        return resolve_prompt(self.prompts, self.default_prompt_name, self.source or self.name, prompt_name, prompt)

    def set_dimensions(self, dimensions: int | None) -> None:
        """Matryoshka truncation: encode to the first ``dimensions`` values, L2-normalised (None: all)."""
        full = self.full_dimension
        if dimensions is not None and not (1 <= int(dimensions) <= full):
            raise ModelLoadError(f"{self.name}: dimensions must be between 1 and {full}, not {dimensions}")
        self.dimensions = None if dimensions is None or int(dimensions) == full else int(dimensions)

    @classmethod
    def from_config(cls, config, tokenizer_path: str | os.PathLike, *, pooling: str = "mean",
                    normalize: bool = False, max_seq_length: int | None = None) -> "BiEncoder":
        """A randomly initialised model of ``config`` (a transformers config) — for tests and new work."""
        from sbert_desktop.core.models.hf import transformers_names

        AutoModel, AutoTokenizer = transformers_names("AutoModel", "AutoTokenizer")

        transformer = AutoModel.from_config(config)
        tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_path))
        model = cls(transformer, tokenizer, Pooling(config.hidden_size, pooling), normalize=normalize,
                    max_seq_length=max_seq_length, source="random", name=f"random-{config.model_type}")
        return model.eval()

    # -- computation ------------------------------------------------------------------------

    @property
    def device(self) -> torch.device:
        return self.runtime_device()

    @property
    def full_dimension(self) -> int:
        """The model's output size before any Matryoshka truncation."""
        dim = self.pooling.dimension
        for module in self.post:
            dim = module.output_dimension(dim)
        return dim

    @property
    def dimension(self) -> int:
        return self.dimensions or self.full_dimension

    def tokenize(self, texts: Sequence[str]) -> dict[str, Tensor]:
        texts = clean_texts(texts, self.do_lower_case)
        enc = self.tokenizer(texts, padding=True, truncation="longest_first", max_length=self.max_seq_length,
                             return_tensors="pt")
        return to_device(dict(enc), self.device)

    def forward(self, features: dict[str, Tensor]) -> Tensor:
        """Sentence embeddings ``[batch, dimension]`` for tokenized ``features`` (differentiable)."""
        inputs = {k: v for k, v in features.items() if k in ("input_ids", "attention_mask", "token_type_ids")}
        engine = self.inference_engine()  # ONNX Runtime when chosen (never with gradients), see runtime.py
        tokens = engine(inputs) if engine is not None else self.transformer(**inputs, return_dict=True).last_hidden_state
        mask = features["attention_mask"]
        if features.get("prompt_length") and not self.pooling.include_prompt:
            mask = exclude_prompt(mask, int(features["prompt_length"]))
        emb = self.pooling(tokens, mask)
        for module in self.post:
            emb = module(emb)
        if self.dimensions:
            return F.normalize(emb[:, :self.dimensions], p=2, dim=1)
        return F.normalize(emb, p=2, dim=1) if self.normalize else emb

    def encode(self, sentences: Sequence[str], batch_size: int = 32, *, progress: ProgressCallback | None = None,
               cancel: CancelToken | None = None, normalize: bool | None = None, prompt_name: str | None = None,
               prompt: str | None = None) -> np.ndarray:
        """Embeddings as float32 ``[n, dimension]`` in input order.

        Sentences are tokenized once, then run in batches of similar token length, longest first.
        ``normalize`` (default: the model's own setting) L2-normalises the output. ``prompt_name`` /
        ``prompt`` override the chosen prompt (:meth:`use_prompt`) for this call.
        """
        text_prompt = self.effective_prompt(prompt_name, prompt)
        texts = clean_texts([text_prompt + str(s) for s in sentences] if text_prompt else sentences,
                            self.do_lower_case)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        encoded = pretokenize(self.tokenizer, texts, None, self.max_seq_length)
        forward = self.forward
        if text_prompt and not self.pooling.include_prompt:
            n_prompt = prompt_length(self.tokenizer, text_prompt, self.do_lower_case)
            forward = lambda features: self.forward({**features, "prompt_length": n_prompt})  # noqa: E731
        out = forward_pretokenized(self, encoded, forward, batch_size, progress=progress, cancel=cancel,
                                   stage="encode")
        if normalize and not self.normalize:
            out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out

    # -- description and identity -----------------------------------------------------------

    def info(self) -> dict[str, Any]:
        cfg = self.backbone_config()
        archs = getattr(cfg, "architectures", None) or [type(self.transformer).__name__]
        return {
            "name": self.name,
            "source": self.source,
            "architecture": archs[0],
            "model_type": getattr(cfg, "model_type", ""),
            "parameters": self.parameter_count(),
            "layers": getattr(cfg, "num_hidden_layers", None),
            "dimension": self.dimension,
            "vocab_size": getattr(cfg, "vocab_size", None),
            "pooling": self.pooling.mode,
            "max_seq_length": self.max_seq_length,
            "normalize": self.normalize,
            "device": str(self.device),
            "modules": ["Transformer", "Pooling"] + [m.kind for m in self.post] + (["Normalize"] * self.normalize),
            "full_dimension": self.full_dimension,
            "dimensions": self.dimensions,
            "prompts": dict(self.prompts),
            "prompt_name": self.prompt_name if self.prompt_text is None else None,
            "prompt": self.effective_prompt(),
            **({"note": self.note} if self.note else {}),
            **self.runtime_info(),
        }

    def weights_fingerprint(self) -> str:
        """Identity of the weights: a hash of the parameters (the same for a model in memory and the
        folder it was saved to, whatever its path), kept until :meth:`mark_weights_changed`."""
        if self._weights_id is None:
            self._weights_id = state_fingerprint(self.transformer if not len(self.post)
                                                 else nn.ModuleList([self.transformer, self.post]))
        return self._weights_id

    def mark_weights_changed(self) -> None:
        """Call after training: the file fingerprint no longer describes the weights."""
        self._weights_id = None
        self.drop_engine()

    def backbone(self) -> nn.Module:
        return self.transformer

    def fingerprint(self) -> str:
        """Everything that determines an embedding: weights, pooling, max length, normalisation,
        the prompt and the Matryoshka dimensions (the last two only when set)."""
        out = f"{self.weights_fingerprint()}-{self.pooling.mode}-{self.max_seq_length}-{int(self.normalize)}" \
              f"-{int(self.do_lower_case)}-t{tokenizer_tag(self.tokenizer)}"
        prompt = self.effective_prompt()
        if prompt:
            import hashlib

            digest = hashlib.blake2b(prompt.encode("utf-8"), digest_size=6).hexdigest()
            out += f"-p{digest}{'' if self.pooling.include_prompt else 'x'}"
        if self.dimensions:
            out += f"-d{self.dimensions}"
        return out + self.runtime_tag()

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
            for module in list(self.post) + ([Normalize()] if self.normalize else []):
                idx = len(modules)
                module.save(tmp / f"{idx}_{module.kind}")
                modules.append({"idx": idx, "name": str(idx), "path": f"{idx}_{module.kind}",
                                "type": f"sentence_transformers.models.{module.kind}"})
            write_json(tmp / "modules.json", modules)
            write_json(tmp / "config_sentence_transformers.json",
                       {"__version__": {"sbert_desktop": __version__, "pytorch": torch.__version__},
                        "prompts": dict(self.prompts), "default_prompt_name": self.default_prompt_name,
                        "similarity_fn_name": "cosine"})
            write_json(tmp / "sbert_desktop.json", {"kind": "bi-encoder", "base": self.source, "name": self.name,
                                                     "pooling": self.pooling.mode, "normalize": self.normalize,
                                                     "max_seq_length": self.max_seq_length})
            write_card(tmp, self, "bi-encoder", path.name)
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
