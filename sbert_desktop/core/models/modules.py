"""The modules sentence-transformers puts after pooling: Dense (with its activation), LayerNorm,
Normalize — read from and written to its folder layout (``N_Dense/config.json`` +
``model.safetensors``), so a model with a projection head (LaBSE, distiluse, many fine-tunes)
loads here and a saved one loads back in ``sentence_transformers.SentenceTransformer``.

Each module maps ``[batch, in] -> [batch, out]``; :func:`load_module` refuses any other module
type with its name.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from sbert_desktop.core.errors import ModelLoadError

#: module types (the last part of sentence-transformers' class path) this app runs after pooling
POST_POOLING_MODULES = ("Dense", "LayerNorm", "Normalize")

#: activations a Dense module may name; sentence-transformers writes the class's full path
_ACTIVATIONS = {
    "Tanh": nn.Tanh, "Identity": nn.Identity, "ReLU": nn.ReLU, "GELU": nn.GELU, "Sigmoid": nn.Sigmoid,
    "SiLU": nn.SiLU, "LeakyReLU": nn.LeakyReLU, "ELU": nn.ELU, "Softplus": nn.Softplus, "Mish": nn.Mish,
}


def _activation(name: str, where: Path) -> nn.Module:
    short = str(name).rsplit(".", 1)[-1]
    if not str(name).startswith("torch.") or short not in _ACTIVATIONS:
        raise ModelLoadError(f"{where}: Dense activation {name!r} is not supported "
                             f"(supported: {', '.join(_ACTIVATIONS)})")
    return _ACTIVATIONS[short]()


def activation_path(module: nn.Module) -> str:
    """sentence-transformers' name for an activation: the full path of its class."""
    return f"{type(module).__module__}.{type(module).__qualname__}"


def _read_config(folder: Path) -> dict:
    path = folder / "config.json"
    try:
        cfg = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelLoadError(f"{path}: cannot read the module configuration ({exc})") from exc
    if not isinstance(cfg, dict):
        raise ModelLoadError(f"{path}: the module configuration is not a JSON object")
    return cfg


def _read_weights(folder: Path) -> dict[str, Tensor]:
    if (folder / "model.safetensors").is_file():
        from safetensors.torch import load_file

        try:
            return load_file(str(folder / "model.safetensors"))
        except Exception as exc:  # safetensors raises its own error types
            raise ModelLoadError(f"{folder / 'model.safetensors'}: unreadable ({exc})") from exc
    if (folder / "pytorch_model.bin").is_file():
        try:
            return torch.load(folder / "pytorch_model.bin", map_location="cpu", weights_only=True)
        except Exception as exc:
            raise ModelLoadError(f"{folder / 'pytorch_model.bin'}: unreadable ({exc})") from exc
    raise ModelLoadError(f"{folder}: no model.safetensors or pytorch_model.bin")


def _load_state(module: nn.Module, folder: Path) -> None:
    state = _read_weights(folder)
    try:
        module.load_state_dict(state)
    except RuntimeError as exc:
        raise ModelLoadError(f"{folder}: weights do not fit the configuration ({exc})") from exc


def _write(folder: Path, config: dict, module: nn.Module | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    if module is not None:
        from safetensors.torch import save_file

        tensors = {k: v.detach().to("cpu").contiguous() for k, v in module.state_dict().items()}
        save_file(tensors, str(folder / "model.safetensors"), metadata={"format": "pt"})


class Dense(nn.Module):
    """``activation(linear(x))`` (``+ x`` or a projection of it with ``use_residual``); weights
    under ``linear.*`` (and ``residual.*``) as in sentence-transformers."""

    kind = "Dense"

    def __init__(self, in_features: int, out_features: int, bias: bool = True,
                 activation: nn.Module | None = None, use_residual: bool = False):
        super().__init__()
        self.in_features, self.out_features, self.bias = int(in_features), int(out_features), bool(bias)
        self.linear = nn.Linear(self.in_features, self.out_features, bias=self.bias)
        self.activation_function = activation if activation is not None else nn.Tanh()
        self.use_residual = bool(use_residual)
        if self.use_residual and self.in_features != self.out_features:
            self.residual = nn.Linear(self.in_features, self.out_features, bias=False)

    def forward(self, x: Tensor) -> Tensor:
        out = self.activation_function(self.linear(x))
        if self.use_residual:
            out = out + (x if self.in_features == self.out_features else self.residual(x))
        return out

    def output_dimension(self, _in: int) -> int:
        return self.out_features

    def config(self) -> dict:
        cfg = {"in_features": self.in_features, "out_features": self.out_features, "bias": self.bias,
               "activation_function": activation_path(self.activation_function)}
        if self.use_residual:  # left out at its default, as sentence-transformers does (older readers)
            cfg["use_residual"] = True
        return cfg

    def _weights(self) -> nn.Module:
        parts = {"linear": self.linear}
        if hasattr(self, "residual"):
            parts["residual"] = self.residual
        return nn.ModuleDict(parts)

    def save(self, folder: Path) -> None:
        _write(folder, self.config(), self._weights())

    @classmethod
    def load(cls, folder: Path) -> "Dense":
        cfg = _read_config(folder)
        for key in ("module_input_name", "module_output_name"):
            if cfg.get(key) not in (None, "sentence_embedding"):
                raise ModelLoadError(f"{folder / 'config.json'}: a Dense module on {cfg[key]!r} (not the "
                                     "sentence embedding) is not supported")
        try:
            module = cls(int(cfg["in_features"]), int(cfg["out_features"]), bool(cfg.get("bias", True)),
                         _activation(cfg.get("activation_function", "torch.nn.modules.activation.Tanh"), folder),
                         bool(cfg.get("use_residual", False)))
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelLoadError(f"{folder / 'config.json'}: not a Dense configuration ({exc!r})") from exc
        _load_state(module._weights(), folder)
        return module


class LayerNorm(nn.Module):
    """``nn.LayerNorm`` over the sentence embedding; weights under ``norm.*``."""

    kind = "LayerNorm"

    def __init__(self, dimension: int):
        super().__init__()
        self.dimension = int(dimension)
        self.norm = nn.LayerNorm(self.dimension)

    def forward(self, x: Tensor) -> Tensor:
        return self.norm(x)

    def output_dimension(self, _in: int) -> int:
        return self.dimension

    def save(self, folder: Path) -> None:
        _write(folder, {"dimension": self.dimension}, nn.ModuleDict({"norm": self.norm}))

    @classmethod
    def load(cls, folder: Path) -> "LayerNorm":
        cfg = _read_config(folder)
        try:
            module = cls(int(cfg["dimension"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelLoadError(f"{folder / 'config.json'}: not a LayerNorm configuration ({exc!r})") from exc
        _load_state(nn.ModuleDict({"norm": module.norm}), folder)
        return module


class Normalize(nn.Module):
    """L2 normalisation (a Normalize that is not the last module; a last one is ``BiEncoder.normalize``)."""

    kind = "Normalize"

    def forward(self, x: Tensor) -> Tensor:
        return F.normalize(x, p=2, dim=1)

    def output_dimension(self, dim: int) -> int:
        return dim

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)

    @classmethod
    def load(cls, folder: Path) -> "Normalize":
        return cls()


def load_module(kind: str, folder: Path) -> nn.Module:
    """Load the post-pooling module ``kind`` (Dense, LayerNorm, Normalize) from ``folder``."""
    classes = {"Dense": Dense, "LayerNorm": LayerNorm, "Normalize": Normalize}
    if kind not in classes:
        raise ModelLoadError(f"{folder}: module {kind} is not supported (supported after pooling: "
                             f"{', '.join(POST_POOLING_MODULES)})")
    if kind != "Normalize" and not (folder / "config.json").is_file():
        raise ModelLoadError(f"{folder}: the {kind} module has no config.json")
    return classes[kind].load(folder)
