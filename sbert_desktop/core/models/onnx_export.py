"""Export a model's Hugging Face backbone to ONNX once, optimise and quantise it, cache it on disk.

The exported graph is the backbone only (``input_ids``, ``attention_mask``[, ``token_type_ids``]
in, ``last_hidden_state`` or ``logits`` out, batch and sequence axes dynamic), so pooling,
normalisation, length-sorted batching and per-batch padding stay the project's own, and the file
is the one ``sentence_transformers.SentenceTransformer(DIR, backend="onnx")`` reads from
``DIR/onnx/``.

Steps, each once per (weights, precision, exporter, onnxruntime and torch versions):

1. ``torch.onnx.export`` (TorchScript exporter, eager attention so ONNX Runtime can fuse it);
2. for ``fp32``: ONNX Runtime's transformer optimiser (fused attention, SkipLayerNorm, BiasGelu),
   portable (no hardware-specific nodes);
3. for ``int8``: dynamic quantisation of the MatMul/Gemm weights of the exported graph *without*
   the transformer optimiser's fusions, signed 8-bit, one scale per output channel. Measured here
   (bench/results/int8-variants.txt): per-tensor weights lose more cosine agreement with fp32 on
   AVX2 without VNNI at the same speed, and with one single-threaded session per core the unfused
   graph (the session's own fusions only; Q, K and V as three quantised MatMuls) ran ~8% faster
   than the fused one (QAttention, SkipLayerNorm) in each of six alternating passes.

Files live in ``cache_dir()/onnx/<key>/model.onnx`` and are written atomically.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import warnings
from pathlib import Path
from typing import Any

import torch
from torch import nn

from sbert_desktop.core.atomic import atomic_dir
from sbert_desktop.core.errors import ModelLoadError
from sbert_desktop.core.paths import cache_dir

#: bump when the exported graph changes meaning (inputs, outputs, optimiser or quantiser settings)
EXPORT_VERSION = 2  # 2: int8 quantised from the unfused export
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OPSET = 17


class _Backbone(nn.Module):
    """``module(**inputs).<output>`` with positional inputs, as ``torch.onnx.export`` wants."""

    def __init__(self, module: nn.Module, names: tuple[str, ...], output: str):
        super().__init__()
        self.module, self.names, self.output = module, names, output

    def forward(self, *args):
        return getattr(self.module(**dict(zip(self.names, args)), return_dict=True), self.output)


def input_names(tokenizer: Any) -> tuple[str, ...]:
    accepted = getattr(tokenizer, "model_input_names", None) or ["input_ids", "attention_mask"]
    return tuple(n for n in INPUT_NAMES if n in accepted)


def cache_key(kind: str, weights: str, precision: str) -> str:
    import onnxruntime

    text = f"{kind}|{weights}|{precision}|v{EXPORT_VERSION}|ort{onnxruntime.__version__}|torch{torch.__version__}"
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def export_fp32(module: nn.Module, tokenizer: Any, output: str, target: Path) -> None:
    """Export ``module`` (a transformers model) to ``target`` with dynamic batch and sequence axes."""
    names = input_names(tokenizer)
    sample = tokenizer(["a short sentence", "a slightly longer sentence for the trace"],
                       ["and a second one", "two"] if output == "logits" else None,
                       padding=True, return_tensors="pt")
    args = tuple(sample[n] for n in names)
    device = next(module.parameters()).device
    was_training = module.training
    attn = getattr(module.config, "_attn_implementation", None)
    setter = getattr(module, "set_attn_implementation", None)
    wrapper = _Backbone(module, names, output).eval()
    try:
        module.to("cpu")
        if callable(setter) and attn not in (None, "eager"):
            setter("eager")  # the optimiser fuses the eager pattern into one Attention node
        axes = {n: {0: "batch", 1: "sequence"} for n in names}
        axes[output] = {0: "batch", 1: "sequence"} if output == "last_hidden_state" else {0: "batch"}
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(wrapper, args, str(target), input_names=list(names), output_names=[output],
                              dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True, dynamo=False)
    finally:
        if callable(setter) and attn not in (None, "eager"):
            setter(attn)
        module.to(device)
        module.train(was_training)


def optimize(source: Path, target: Path, config: Any) -> None:
    """ONNX Runtime's BERT-family fusions; falls back to the plain graph for unknown layouts."""
    from onnxruntime.transformers.optimizer import optimize_model

    heads = int(getattr(config, "num_attention_heads", 0) or 0)
    hidden = int(getattr(config, "hidden_size", 0) or 0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = optimize_model(str(source), model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=0)
        model.save_model_to_file(str(target))
    except Exception:  # noqa: BLE001 - an unfusable graph still runs unfused
        shutil.copyfile(source, target)


def quantize_int8(source: Path, target: Path) -> None:
    from onnx import TensorProto
    from onnxruntime.quantization import QuantType, quantize_dynamic

    logging.disable(logging.WARNING)  # the quantiser logs advice on the root logger ("consider pre-processing")
    try:
        quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True,
                         extra_options={"DefaultTensorType": TensorProto.FLOAT})
    finally:
        logging.disable(logging.NOTSET)


def cached_onnx(kind: str, weights: str, precision: str) -> Path | None:
    """The cached ONNX file for these weights and precision, or None when it was not exported yet."""
    path = cache_dir() / "onnx" / cache_key(kind, weights, precision) / "model.onnx"
    return path if path.is_file() else None


def ensure_onnx(kind: str, module: nn.Module, tokenizer: Any, output: str, weights: str, precision: str) -> Path:
    """The cached ONNX file for these weights and precision, exported now if missing."""
    folder = cache_dir() / "onnx" / cache_key(kind, weights, precision)
    path = folder / "model.onnx"
    if path.is_file():
        return path
    try:
        with atomic_dir(folder) as tmp:
            export_fp32(module, tokenizer, output, tmp / "exported.onnx")
            if precision == "int8":  # the exported graph quantised, unfused (faster here, see above)
                quantize_int8(tmp / "exported.onnx", tmp / "model.onnx")
            else:
                optimize(tmp / "exported.onnx", tmp / "model.onnx", module.config)
            (tmp / "exported.onnx").unlink()
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelLoadError(f"cannot export the model to ONNX ({precision}): {exc}") from exc
    return path
