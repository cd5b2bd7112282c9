"""What a precision/backend choice costs and buys for one model, measured on this machine.

``calibrate(model, texts)`` runs the chosen engine and the exact torch fp32 path of the same
weights on a few hundred sentences (pairs for a cross-encoder), alternating, and returns the speed
ratio and the agreement: mean cosine to fp32 for a bi-encoder, mean absolute score difference for
a cross-encoder. Results are kept in ``cache_dir()/onnx/calibration.json`` per model fingerprint,
so the Model page measures once per model and choice.
"""

from __future__ import annotations

import copy
import json
import time
from typing import Any, Sequence

import numpy as np

from sbert_desktop.core.progress import CancelToken, ProgressCallback, check

CALIBRATION_SENTENCES = 300


def _store_path():
    from sbert_desktop.core.paths import cache_dir

    return cache_dir() / "onnx" / "calibration.json"


def cached_calibration(model: Any) -> dict[str, Any] | None:
    try:
        return json.loads(_store_path().read_text(encoding="utf-8")).get(model.fingerprint())
    except (OSError, ValueError, AttributeError):
        return None


def _remember(model: Any, result: dict[str, Any]) -> None:
    from sbert_desktop.core.atomic import atomic_write_text

    path = _store_path()
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(table, dict):
            table = {}
    except (OSError, ValueError):
        table = {}
    table[model.fingerprint()] = result
    atomic_write_text(path, json.dumps(table, indent=1))


def torch_twin(model: Any) -> Any:
    """The same weights on the exact torch fp32 path (a shallow copy: no weights are duplicated)."""
    twin = copy.copy(model)
    twin.precision, twin.backend, twin._engine = "fp32", "torch", None
    return twin


def calibrate(model: Any, texts: Sequence[str], batch_size: int = 32, *, repeats: int = 2,
              progress: ProgressCallback | None = None, cancel: CancelToken | None = None) -> dict[str, Any]:
    """Speed of ``model``'s precision/backend relative to torch fp32, and its agreement with fp32."""
    texts = [str(t) for t in texts if str(t).strip()][:CALIBRATION_SENTENCES]
    if len(texts) < 4:
        raise ValueError("calibration needs at least 4 sentences")
    released = model.weights_released()
    twin = torch_twin(model)
    cross = hasattr(model, "predict")
    pairs = list(zip(texts[0::2], texts[1::2]))

    def run(m):
        return m.predict(pairs, batch_size=batch_size) if cross else m.encode(texts, batch_size=batch_size)

    run(model)  # warm-up (and the export, if it was not cached yet)
    times: dict[str, list[float]] = {"chosen": [], "fp32": []}
    outputs: dict[str, np.ndarray] = {}
    for step in range(repeats):
        for name, m in (("chosen", model), ("fp32", twin)):
            check(cancel)
            start = time.perf_counter()
            outputs[name] = run(m)
            times[name].append(time.perf_counter() - start)
        if progress is not None:
            from sbert_desktop.core.progress import Progress

            progress(Progress(step + 1, repeats, "calibrate"))
    a, b = outputs["chosen"], outputs["fp32"]
    result: dict[str, Any] = {"precision": model.precision, "backend": model.backend,
                              "speedup": min(times["fp32"]) / min(times["chosen"]),
                              "items": len(pairs) if cross else len(texts)}
    if cross:
        result["mean_abs_diff"] = float(np.abs(a - b).mean())
    else:
        cos = (a * b).sum(1) / np.maximum(np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1), 1e-12)
        result["mean_cosine"] = float(cos.mean())
        result["min_cosine"] = float(cos.min())
    if released:  # the fp32 twin read the torch weights back: free them again
        model.release_weights()
    _remember(model, result)
    return result


def describe(result: dict[str, Any]) -> str:
    """One line for the Model page."""
    what = f"{result['precision']} on {result['backend']}: {result['speedup']:.2f}× the speed of fp32"
    if "mean_cosine" in result:
        agree = f"mean cosine to fp32 {result['mean_cosine']:.4f} (lowest {result['min_cosine']:.4f})"
    else:
        agree = f"scores differ from fp32 by {result['mean_abs_diff']:.4f} on average"
    return f"{what}, {agree}; measured on {result['items']} {'pairs' if 'mean_abs_diff' in result else 'sentences'} here"
