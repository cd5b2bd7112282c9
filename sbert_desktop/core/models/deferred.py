"""Loading a model for ONNX inference without its torch backbone (issue #14: int8 memory).

When a model's ONNX file is already cached, inference needs only the tokenizer, the config and
the session. Building the Hugging Face backbone would import transformers' modelling stack
(measured here: importing ``modeling_bert`` adds ~120 MB of resident memory — torch.distributed,
torch._dynamo, sympy and scipy come with it — more than the int8 session itself), so a model
loaded for ONNX inference keeps a :class:`DeferredBackbone` in the backbone's slot and builds the
real one on the first torch use (see ``runtime.InferenceRuntime``).

Which cached file belongs to a folder is found without reading the weights into tensors: a hash
of the folder's weight and config files (:func:`files_key`) maps to the weights fingerprint that a
full load of those files computed (:func:`remember`), in ``cache_dir()/onnx/weights-index.json``.
An entry is written only by a full load, right after it, before anything could change the weights.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from torch import nn

from sbert_desktop.core.paths import cache_dir

#: most entries kept in the index (oldest dropped first)
INDEX_LIMIT = 500
_WEIGHT_PREFIXES = ("model", "pytorch_model")
_WEIGHT_SUFFIXES = (".safetensors", ".bin")


class DeferredBackbone(nn.Module):
    """Holds the backbone's place (and its ``config``) until the real one is loaded; no weights."""

    def __init__(self, config: Any):
        super().__init__()
        self.config = config

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the backbone was not loaded yet (a deferred backbone was called directly)")


@dataclass
class Deferred:
    """What a model needs to build its real backbone; shared by shallow copies of the model, so one
    load serves them all."""

    loader: Callable[[], nn.Module]
    parameters: int
    pending: bool = True


def _weight_files(folder: Path) -> list[Path]:
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError:
        return []
    return [p for p in files if p.name == "config.json"
            or (p.name.startswith(_WEIGHT_PREFIXES) and p.name.endswith(_WEIGHT_SUFFIXES))]


def files_key(kind: str, folders: Iterable[Path], extra: str = "") -> str | None:
    """A hash of the weight and config files in ``folders`` (the backbone's, then each module's
    after pooling), of ``kind`` and of ``extra`` (load options); None when a folder has no weights."""
    import transformers

    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{kind}|{extra}|transformers{transformers.__version__}".encode())
    for folder in folders:
        files = _weight_files(Path(folder))
        if not any(p.name != "config.json" for p in files):
            return None
        digest.update(b"|folder")
        for path in files:
            digest.update(f"|{path.name}|".encode())
            with open(path, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 22), b""):
                    digest.update(chunk)
    return digest.hexdigest()


def _index_path() -> Path:
    return cache_dir() / "onnx" / "weights-index.json"


def _read_index() -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(_index_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def lookup(key: str | None) -> dict[str, Any] | None:
    """``{"weights": fingerprint, "parameters": count}`` recorded for ``key``, if any."""
    if key is None:
        return None
    entry = _read_index().get(key)
    if not isinstance(entry, dict) or not isinstance(entry.get("weights"), str) \
            or not isinstance(entry.get("parameters"), int):
        return None
    return entry


def remember(key: str | None, weights: str, parameters: int) -> None:
    """Record what a full load of the files behind ``key`` computed (atomically; never fatal)."""
    if key is None:
        return
    from sbert_desktop.core.atomic import atomic_file

    index = _read_index()
    index.pop(key, None)
    index[key] = {"weights": weights, "parameters": int(parameters)}
    while len(index) > INDEX_LIMIT:
        index.pop(next(iter(index)))
    try:
        with atomic_file(_index_path()) as fh:
            json.dump(index, fh)
    except OSError:
        pass  # an unwritable cache only costs the next load its shortcut
